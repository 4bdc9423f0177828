<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用领域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation>税务规则</translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation>销售限额</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送货地址</translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation>开票地址</translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation>佣金代码</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>多个时用逗号分隔</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>客户洞察</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Master file</source>
        <translation>客户主文件</translation>
    </message>
    <message>
        <source>e.g. 500,000 or 50,000 USD</source>
        <translation>例如 500,000 或 50,000 USD</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Search accounts: name, pinyin, code, phone…</source>
        <translation>搜索客户：名称、拼音、编号、电话……</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation>备礼截止</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Last gift</source>
        <translation>上次礼品</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Overdue (oldest first)</source>
        <translation>已逾期（最早的在前）</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s)</source>
        <translation>
            <numerusform>%1 — %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>Type a name, pinyin or initials to add someone</source>
        <translation>输入姓名、拼音或首字母添加参加人</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>BookGuard</name>
    <message>
        <source>The book cannot be opened</source>
        <translation>无法打开客户簿</translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed on %1: it has not synced with your company&apos;s server for too long, so it cannot be opened without the server.</source>
        <translation>此客户簿的租期已于 %1 到期：它太久没有与公司服务器同步，必须连上服务器才能打开。</translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed, so it cannot be opened without the server.</source>
        <translation>此客户簿的租期已到期，必须连上服务器才能打开。</translation>
    </message>
    <message>
        <source>Connect to the company network (or VPN) and open the book again: one sync renews the lease.</source>
        <translation>请连接公司网络（或 VPN）后再次打开客户簿：同步一次即可续期。</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>设备已被吊销</translation>
    </message>
    <message>
        <source>Its key and its sign-in were removed too. Ask your administrator if this is a mistake; you can start a new book now.</source>
        <translation>它的密钥和登录凭据也已删除。如有误，请联系管理员；现在可以新建一本客户簿。</translation>
    </message>
    <message>
        <source>The book&apos;s lease lapsed.</source>
        <translation>客户簿的租期已到期。</translation>
    </message>
    <message>
        <source>This book was removed</source>
        <translation>此客户簿已被删除</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Brief: %1</source>
        <translation>简报：%1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 &amp;PDF…</translation>
    </message>
    <message>
        <source>%1 visit brief %2</source>
        <translation>%1 拜访简报 %2</translation>
    </message>
    <message>
        <source>Export brief as PDF</source>
        <translation>将简报导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1……</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
</context>
<context>
    <name>BulkDoneDialog</name>
    <message numerus="yes">
        <source>Mark %n item(s) done</source>
        <translation>
            <numerusform>将 %n 项标记为完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Each is logged as its own interaction:</source>
        <translation>每一项都记为一次单独的往来：</translation>
    </message>
    <message>
        <source>Log each with its tier&apos;s suggested budget as the cost</source>
        <translation>以所属级别的建议预算作为每项的费用</translation>
    </message>
    <message>
        <source>Nothing was logged. %1: %2</source>
        <translation>没有记录任何内容。%1：%2</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>to buy</source>
        <translation>待购买</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已送出</translation>
    </message>
    <message>
        <source>thanked</source>
        <translation>已致谢</translation>
    </message>
    <message>
        <source>No contact matches these tiers: nobody to greet.</source>
        <translation>没有联系人符合这些级别：没有需要问候的人。</translation>
    </message>
    <message>
        <source>Choose a gift before marking it sent.</source>
        <translation>请先选定礼品，再标记为已送出。</translation>
    </message>
    <message>
        <source>A gift is thanked for only after it was sent.</source>
        <translation>礼品送出之后才能标记为已致谢。</translation>
    </message>
    <message>
        <source>Say who the greetings are from.</source>
        <translation>请写明问候的落款（谁发出）。</translation>
    </message>
    <message>
        <source>Shopping list</source>
        <translation>采购清单</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>祝福语</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Each</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation>购买截止</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>祝福语</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>事由</translation>
    </message>
</context>
<context>
    <name>CampaignsAction</name>
    <message>
        <source>Festival &amp;campaigns…</source>
        <translation>节日礼品计划(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Festival campaigns</source>
        <translation>节日礼品计划</translation>
    </message>
    <message>
        <source>e.g. S, A (empty: every tier)</source>
        <translation>例如 S, A（留空：所有级别）</translation>
    </message>
    <message>
        <source>reps, e.g. liu (empty: everyone&apos;s)</source>
        <translation>负责人用户名，多个用逗号分隔（留空：所有人的）</translation>
    </message>
    <message>
        <source>your name and company</source>
        <translation>您的姓名和公司</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>亲切</translation>
    </message>
    <message>
        <source>&amp;Make campaign</source>
        <translation>生成计划(&amp;M)</translation>
    </message>
    <message>
        <source>Festival:</source>
        <translation>节日：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Owners:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>落款：</translation>
    </message>
    <message>
        <source>Tone:</source>
        <translation>语气：</translation>
    </message>
    <message>
        <source>&amp;Gift catalogue…</source>
        <translation>礼品目录(&amp;G)…</translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation>计划：</translation>
    </message>
    <message>
        <source>&amp;Copy greeting</source>
        <translation>复制问候语(&amp;C)</translation>
    </message>
    <message>
        <source>Mark &amp;bought</source>
        <translation>标记已购买(&amp;B)</translation>
    </message>
    <message>
        <source>Mark &amp;sent</source>
        <translation>标记已送出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>礼品计划</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>%1 (%2 people)</source>
        <translation>%1（%2 人）</translation>
    </message>
    <message>
        <source>Make a campaign, or choose one on the left.</source>
        <translation>生成一个计划，或在左侧选择一个。</translation>
    </message>
    <message>
        <source>%1 on %2 — buy by %3, send by %4. To buy %5, bought %6, sent %7, thanked %8.</source>
        <translation>%1（%2）：%3 前购买，%4 前送出。待购买 %5，已购买 %6，已送出 %7，已致谢 %8。</translation>
    </message>
    <message>
        <source>Shopping list: %1</source>
        <translation>采购清单：%1</translation>
    </message>
    <message>
        <source>Check the festival, tiers and owners, then make the campaign.</source>
        <translation>请核对节日、级别和负责人，然后生成计划。</translation>
    </message>
    <message>
        <source>Making the campaign…</source>
        <translation>正在生成计划…</translation>
    </message>
    <message>
        <source>%1 people to greet.</source>
        <translation>共 %1 人需要问候。</translation>
    </message>
    <message>
        <source>Greeting copied: paste it into WeChat, SMS or e-mail.</source>
        <translation>问候语已复制：可粘贴到微信、短信或邮件。</translation>
    </message>
    <message>
        <source>%1 gift(s) logged as sent; items sent before were not logged again.</source>
        <translation>已记录 %1 份礼品送出；之前已送出的不会重复记录。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>CampaignsTeam</name>
    <message>
        <source>Campaign / rep</source>
        <translation>计划 / 负责人</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已定花费</translation>
    </message>
    <message>
        <source>To buy</source>
        <translation>待购买</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已购买</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已送出</translation>
    </message>
    <message>
        <source>Thanked</source>
        <translation>已致谢</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>CompanyActions</name>
    <message>
        <source>&amp;Team and devices…</source>
        <translation>团队与设备(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Hand over a rep&apos;s accounts…</source>
        <translation>代表离职交接(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Losing value</source>
        <translation>落选的值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有未处理的冲突。</translation>
    </message>
    <message>
        <source>&amp;Restore losing value</source>
        <translation>恢复落选的值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <source>(the account&apos;s)</source>
        <translation>（沿用客户分级）</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>多个时用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>客户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职务(&amp;T)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision &amp;role</source>
        <translation>决策角色(&amp;R)</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>&amp;Hometown</source>
        <translation>籍贯(&amp;H)</translation>
    </message>
    <message>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>All accounts</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Search contacts: name, pinyin, initials, phone, company…  (Ctrl+F)</source>
        <translation>搜索联系人：姓名、拼音、首字母、电话、公司……  (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Occasions in the next days:</source>
        <translation>未来天数内的重要日子：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>No account is in a key tier (%1), so none can be neglected.</source>
        <translation>没有客户属于重点级别（%1），因此没有被冷落的重点客户。</translation>
    </message>
    <message>
        <source>Every key account was touched within its tier&apos;s cadence.</source>
        <translation>每个重点客户都在其级别的联系周期内联系过。</translation>
    </message>
    <message>
        <source>No open follow-up is past its due date.</source>
        <translation>没有逾期未办的跟进事项。</translation>
    </message>
    <message>
        <source>No tier is marked key, so no occasion is listed.</source>
        <translation>没有级别被设为重点级别，因此不列出节日和纪念日。</translation>
    </message>
    <message>
        <source>No birthday, anniversary or festival of a key relationship in the next %1 days.</source>
        <translation>未来 %1 天内，重点关系没有生日、纪念日或节日。</translation>
    </message>
    <message>
        <source>Neglected key accounts (%1)</source>
        <translation>被冷落的重点客户（%1）</translation>
    </message>
    <message>
        <source>Overdue follow-ups (%1)</source>
        <translation>逾期跟进（%1）</translation>
    </message>
    <message>
        <source>Coming occasions (%1)</source>
        <translation>即将到来的重要日子（%1）</translation>
    </message>
    <message>
        <source>No accounts yet. Once the team&apos;s books are synced, their accounts show here.</source>
        <translation>还没有客户。团队的客户簿同步后，他们的客户会显示在这里。</translation>
    </message>
    <message>
        <source>%1 accounts · key tiers: %2 · %3 of %4 key accounts touched within their cadence</source>
        <translation>%1 个客户 · 重点级别：%2 · %4 个重点客户中有 %3 个在周期内联系过</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>还没有客户。</translation>
    </message>
    <message>
        <source>Accounts by tier and owner</source>
        <translation>按级别和负责人的客户数</translation>
    </message>
    <message>
        <source>No key accounts: no account is in a key tier (%1).</source>
        <translation>没有重点客户：没有客户属于重点级别（%1）。</translation>
    </message>
    <message>
        <source>Key accounts touched within their cadence</source>
        <translation>在周期内联系过的重点客户</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Cadence target</source>
        <translation>周期目标</translation>
    </message>
    <message>
        <source>No opportunities in the pipeline yet.</source>
        <translation>销售漏斗中还没有商机。</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <source>Amount (%1, millions)</source>
        <translation>金额（%1，百万）</translation>
    </message>
    <message>
        <source>Amount (%1, thousands)</source>
        <translation>金额（%1，千）</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>各阶段的商机</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>also %1</source>
        <translation>另有 %1</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Add an important date</source>
        <translation>添加重要日子</translation>
    </message>
    <message>
        <source>The contact</source>
        <translation>联系人本人</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Leap month (闰月)</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Whose</source>
        <translation>谁的(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>历法(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日(&amp;D)</translation>
    </message>
    <message>
        <source>Leap</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>说明(&amp;L)</translation>
    </message>
    <message>
        <source>Important date</source>
        <translation>重要日子</translation>
    </message>
    <message>
        <source>This day does not exist: month %1 has at most %2 days.</source>
        <translation>该日不存在：%1月最多有%2天。</translation>
    </message>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation>该日不存在：%1年%2月只有%3天。</translation>
    </message>
    <message>
        <source>This day does not exist: a lunar month has at most 30 days.</source>
        <translation>该日不存在：农历月最多有30天。</translation>
    </message>
    <message>
        <source>This day does not exist: leap lunar month %2 of %1 has %3 days.</source>
        <translation>该日不存在：农历%1年闰%2月只有%3天。</translation>
    </message>
    <message>
        <source>This day does not exist: lunar month %2 of %1 has %3 days.</source>
        <translation>该日不存在：农历%1年%2月只有%3天。</translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation>该日不存在：%1年%2月只有%3天。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Choose a contact or an account to see everything about them here.</source>
        <translation>选择一位联系人或一个客户，这里会显示关于他们的全部信息。</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>建议金额：%1</translation>
    </message>
    <message>
        <source>Last time: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <source>Allow a gift they already received</source>
        <translation>允许送对方已收过的礼品</translation>
    </message>
    <message>
        <source>What</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation>已问候</translation>
    </message>
    <message>
        <source>They were already given this gift: never the same gift twice. Choose another, or allow the repeat.</source>
        <translation>对方已经收过这份礼品：同样的礼品不要送两次。请换一份，或勾选允许重复。</translation>
    </message>
    <message>
        <source>Tick whom you greeted.</source>
        <translation>请勾选已问候的人。</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>These rows match a contact in the book or an earlier row of the file. Merging fills empty fields and adds new phones, e-mails and tags; it never overwrites a value the book has.</source>
        <translation>这些行与客户簿中的联系人或文件中靠前的一行相同。合并只填补空字段，并添加新的电话、邮箱和标签；不会覆盖客户簿已有的值。</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>全部应用</translation>
    </message>
    <message>
        <source>For every duplicate:</source>
        <translation>所有重复项：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>in the book</source>
        <translation>客户簿中</translation>
    </message>
    <message>
        <source>No duplicates: every good row is new.</source>
        <translation>没有重复项：所有有效行都是新联系人。</translation>
    </message>
    <message>
        <source>%1: keeps “%2” (the file has “%3”)</source>
        <translation>%1：保留“%2”（文件中为“%3”）</translation>
    </message>
    <message>
        <source>%1: “%2” becomes “%3”</source>
        <translation>%1：“%2”改为“%3”</translation>
    </message>
    <message>
        <source>%1: adds “%3”</source>
        <translation>%1：添加“%3”</translation>
    </message>
    <message>
        <source>Nothing new: merging changes nothing.</source>
        <translation>没有新内容：合并不会改变任何东西。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with a sync server</source>
        <translation>登记到同步服务器</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>Write the address with http:// or https://.</source>
        <translation>地址请以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The CA file cannot be read.</source>
        <translation>无法读取 CA 证书文件。</translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation>请先解锁数据簿。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>内容太长。</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>这不是一个电话号码。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是一个电子邮件地址。</translation>
    </message>
    <message>
        <source>This is not an amount: write e.g. 800, 800.50, ¥1,200 or 50 USD.</source>
        <translation>这不是金额：请写如 800、800.50、¥1,200 或 50 USD。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>This amount has too many decimal places.</source>
        <translation>这个金额的小数位数太多。</translation>
    </message>
    <message>
        <source>This amount is too large.</source>
        <translation>金额太大。</translation>
    </message>
    <message>
        <source>This currency is not known.</source>
        <translation>不认识这个币种。</translation>
    </message>
    <message>
        <source>&apos;$&apos; could be several currencies: write USD, HKD, SGD…</source>
        <translation>“$”可能是多种货币：请写 USD、HKD、SGD……</translation>
    </message>
    <message>
        <source>This amount is in another currency than the one chosen.</source>
        <translation>这个金额的币种与所选币种不同。</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>请从给出的选项中选择。</translation>
    </message>
    <message>
        <source>There is no such tier.</source>
        <translation>没有这个级别。</translation>
    </message>
    <message>
        <source>A person cannot report to someone who reports to them.</source>
        <translation>一个人不能向自己的下属汇报。</translation>
    </message>
    <message>
        <source>The follow-up date is before the interaction.</source>
        <translation>跟进日期早于这次往来。</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>这不是一个日期。</translation>
    </message>
    <message>
        <source>This day does not exist in that month.</source>
        <translation>这个月没有这一天。</translation>
    </message>
    <message>
        <source>The month must be between 1 and 12.</source>
        <translation>月份必须在 1 到 12 之间。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>这个日期还没到。</translation>
    </message>
    <message>
        <source>The book is damaged: part of it can no longer be read, and nothing more is written to it. Open Tools → Restore… to recover it from the company server or a backup.</source>
        <translation>客户簿已损坏：其中一部分已无法读取，之后不会再写入它。请打开“工具 → 恢复…”，从公司服务器或备份恢复。</translation>
    </message>
    <message>
        <source>The book is busy: another crmdesk is writing to it. Try again in a moment.</source>
        <translation>客户簿正忙：另一个 crmdesk 正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>This date is outside the supported span.</source>
        <translation>日期超出支持的范围。</translation>
    </message>
    <message>
        <source>Only a lunar date can be in a leap month.</source>
        <translation>只有农历日期才能在闰月。</translation>
    </message>
    <message>
        <source>That lunar year has no such leap month.</source>
        <translation>该农历年没有这个闰月。</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>This is not a time of day.</source>
        <translation>这不是有效的时间。</translation>
    </message>
    <message>
        <source>This person already received this gift: choose another one.</source>
        <translation>此人已收到过这份礼物，请另选一份。</translation>
    </message>
    <message>
        <source>The year must be between 1900 and 2099.</source>
        <translation>年份必须在 1900 至 2099 之间。</translation>
    </message>
    <message>
        <source>Type the year as digits, e.g. 2027.</source>
        <translation>请用数字输入年份，例如 2027。</translation>
    </message>
    <message>
        <source>This is not a date and time: write e.g. 2026-11-20 19:00.</source>
        <translation>这不是有效的日期时间：请写成例如 2026-11-20 19:00。</translation>
    </message>
    <message>
        <source>This time does not exist: hours 0–23, minutes 0–59.</source>
        <translation>该时间不存在：小时 0–23，分钟 0–59。</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this book. Check it and try again.</source>
        <translation>密码短语错误：无法打开这个客户簿。请检查后重试。</translation>
    </message>
    <message>
        <source>This record no longer exists (it may have been deleted).</source>
        <translation>这条记录已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>A manager&apos;s book holds the team&apos;s records: the export includes each record&apos;s owner.</source>
        <translation>经理的客户簿包含团队的记录：导出内容包括每条记录的负责人。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <source>Add a family member</source>
        <translation>添加家人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家人</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>vCard files from phones and address books, CSV or Excel sheets.</source>
        <translation>手机和通讯录导出的 vCard 文件、CSV 或 Excel 表格。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>From the file name</source>
        <translation>根据文件名</translation>
    </message>
    <message>
        <source>the first sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are read as this region&apos;s</source>
        <translation>不带国家代码的电话号码按此地区解读</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Excel sheet:</source>
        <translation>Excel 工作表：</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation>电话地区：</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>Contact files (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>联系人文件 (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Your book is empty</source>
        <translation>你的客户簿还是空的</translation>
    </message>
    <message>
        <source>Three ways to start:</source>
        <translation>三种开始方式：</translation>
    </message>
    <message>
        <source>Import your phone&apos;s contacts…</source>
        <translation>导入手机通讯录…</translation>
    </message>
    <message>
        <source>A vCard (.vcf) exported from a phone or address book, or a CSV/Excel list.</source>
        <translation>从手机或通讯录导出的 vCard (.vcf) 文件，或 CSV/Excel 名单。</translation>
    </message>
    <message>
        <source>Add your first contact…</source>
        <translation>添加第一位联系人…</translation>
    </message>
    <message>
        <source>Name, company, phone: the rest can come later.</source>
        <translation>姓名、公司、电话即可，其余以后再补。</translation>
    </message>
    <message>
        <source>Try a sample book</source>
        <translation>打开示例客户簿试用</translation>
    </message>
    <message>
        <source>Opens a separate book with sample customers in a new window; your own book stays empty.</source>
        <translation>在新窗口中打开一本含示例客户的独立客户簿；你自己的客户簿保持不变。</translation>
    </message>
    <message>
        <source>Making the sample book…</source>
        <translation>正在生成示例客户簿…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Add a follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <source>e.g. send the quote</source>
        <translation>例如：发送报价</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>事项(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
</context>
<context>
    <name>GiftCatalogue</name>
    <message>
        <source>tea</source>
        <translation>茶</translation>
    </message>
    <message>
        <source>alcohol</source>
        <translation>酒</translation>
    </message>
    <message>
        <source>sweets</source>
        <translation>甜食</translation>
    </message>
    <message>
        <source>meat</source>
        <translation>肉类</translation>
    </message>
    <message>
        <source>pork</source>
        <translation>猪肉</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>水果</translation>
    </message>
    <message>
        <source>tobacco</source>
        <translation>烟草</translation>
    </message>
    <message>
        <source>food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>health</source>
        <translation>保健</translation>
    </message>
    <message>
        <source>stationery</source>
        <translation>文具</translation>
    </message>
    <message>
        <source>clothing</source>
        <translation>服饰</translation>
    </message>
    <message>
        <source>book</source>
        <translation>书籍</translation>
    </message>
    <message>
        <source>A gift needs a name.</source>
        <translation>礼品需要名称。</translation>
    </message>
    <message>
        <source>A gift&apos;s price must be more than zero.</source>
        <translation>礼品价格必须大于零。</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>This is not an amount; write e.g. 300, 300.50 or ¥1,200.</source>
        <translation>这不是金额；请写成 300、300.50 或 ¥1,200 这样。</translation>
    </message>
    <message>
        <source>Too many decimal places for a price.</source>
        <translation>价格的小数位太多。</translation>
    </message>
    <message>
        <source>This price is larger than crmdesk accepts.</source>
        <translation>价格超出 crmdesk 可接受的范围。</translation>
    </message>
    <message>
        <source>This name is too long.</source>
        <translation>名称太长。</translation>
    </message>
    <message>
        <source>Custom forbids this as a gift (a clock, an umbrella, a pear, a blade…).</source>
        <translation>按习俗不能送这种礼品（钟、伞、梨、刀剪……）。</translation>
    </message>
    <message>
        <source>A campaign names this gift: it cannot be removed. Untick “Suggested” to retire it.</source>
        <translation>已有计划用到这件礼品，不能删除。取消勾选“推荐”即可停用。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任何节日</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用节日</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>In campaigns</source>
        <translation>计划中</translation>
    </message>
</context>
<context>
    <name>GiftCatalogueDialog</name>
    <message>
        <source>Gift catalogue</source>
        <translation>礼品目录</translation>
    </message>
    <message>
        <source>e.g. 300 or ¥300.50</source>
        <translation>例如 300 或 ¥300.50</translation>
    </message>
    <message>
        <source>Any occasion</source>
        <translation>任何节日</translation>
    </message>
    <message>
        <source>Suggested in new campaigns</source>
        <translation>在新计划中推荐</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>What it is:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适用节日：</translation>
    </message>
    <message>
        <source>&amp;New gift</source>
        <translation>新礼品(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>In %n campaign item(s): it can be retired, not removed.</source>
        <translation>
            <numerusform>用于 %n 个计划条目：可以停用，不能删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over a rep&apos;s accounts</source>
        <translation>代表离职交接</translation>
    </message>
    <message>
        <source>&amp;All accounts to this person</source>
        <translation>全部客户交给此人(&amp;A)</translation>
    </message>
    <message>
        <source>Who is leaving:</source>
        <translation>离职人员：</translation>
    </message>
    <message>
        <source>Everything else to:</source>
        <translation>其余全部交给：</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>Revoke the leaver&apos;s devices (their books are wiped)</source>
        <translation>吊销离职人员的设备（其客户簿将被清除）</translation>
    </message>
    <message>
        <source>Deactivate the leaver&apos;s user</source>
        <translation>停用离职人员的账号</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>正在载入团队…</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation>交接(&amp;H)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (%2 accounts)</source>
        <translation>%1（%2 个客户）</translation>
    </message>
    <message>
        <source>There is nobody on your team to hand over.</source>
        <translation>你的团队中没有可交接的人。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>(with everything else)</source>
        <translation>（连同其余全部）</translation>
    </message>
    <message>
        <source>This book holds no accounts of theirs; everything they own goes to one successor.</source>
        <translation>此客户簿中没有此人的客户；此人名下的一切交给同一位接手人。</translation>
    </message>
    <message>
        <source>Choose who receives everything else first.</source>
        <translation>请先选择其余全部的接手人。</translation>
    </message>
    <message>
        <source>Choose who is leaving.</source>
        <translation>请选择离职人员。</translation>
    </message>
    <message>
        <source>Choose who receives everything else (records on no account, and accounts not given a successor).</source>
        <translation>请选择其余全部的接手人（不属于任何客户的记录，以及未指定接手人的客户）。</translation>
    </message>
    <message>
        <source>All of %1&apos;s accounts, contacts, interactions, preferences, dates, follow-ups and opportunities pass to their successors:</source>
        <translation>%1 的全部客户、联系人、拜访、偏好、日期、跟进和商机都将交给接手人：</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s) and everything else</source>
        <translation>
            <numerusform>%1：%n 个客户及其余全部</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s)</source>
        <translation>
            <numerusform>%1：%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: everything else</source>
        <translation>%1：其余全部</translation>
    </message>
    <message>
        <source>Stages, follow-ups and who recorded what stay as they are.</source>
        <translation>阶段、跟进以及谁记录了什么都保持不变。</translation>
    </message>
    <message>
        <source>%1&apos;s devices are revoked and wipe their books.</source>
        <translation>%1 的设备将被吊销，并清除其客户簿。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 将无法再登录。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Hand over %1&apos;s records?</source>
        <translation>交接 %1 的记录？</translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation>请先解锁客户簿。</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>正在交接…</translation>
    </message>
    <message>
        <source>Done: %1 records moved (%2 accounts) — %3. %4 devices revoked.</source>
        <translation>完成：已转移 %1 条记录（%2 个客户）— %3。已吊销 %4 台设备。</translation>
    </message>
    <message>
        <source>The sync afterwards failed (%1); it runs again later.</source>
        <translation>之后的同步失败（%1）；稍后会再次运行。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation>按所选</translation>
    </message>
    <message>
        <source>marked in the file</source>
        <translation>文件已标明</translation>
    </message>
    <message>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <source>plain ASCII</source>
        <translation>纯 ASCII</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Follow up the %1 of %2</source>
        <translation>跟进 %2 的%1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Opening your book…</source>
        <translation>正在打开客户簿……</translation>
    </message>
    <message>
        <source>The book is locked</source>
        <translation>客户簿已锁定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁……</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it (and Caps Lock) and try again.</source>
        <translation>密码短语错误。请检查（包括大写锁定键）后重试。</translation>
    </message>
    <message>
        <source>Type the book&apos;s passphrase.</source>
        <translation>请输入客户簿的密码短语。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>crmdesk — %1</source>
        <translation>crmdesk — %1</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>客情维护</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Book: %1</source>
        <translation>客户簿：%1</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中……</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Backing up the book…</source>
        <translation>正在备份客户簿…</translation>
    </message>
    <message>
        <source>The search index was damaged; rebuilding it…</source>
        <translation>搜索索引已损坏，正在重建…</translation>
    </message>
</context>
<context>
    <name>MaintenanceDialog</name>
    <message>
        <source>Backups and recovery</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>The book %1 is backed up automatically, encrypted with its own key, and each backup is checked after it is written.</source>
        <translation>客户簿 %1 会自动备份，备份用它自己的密钥加密，每份备份写入后都会校验。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check the book</source>
        <translation>检查客户簿</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>份日备份</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>份周备份</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>份月备份</translation>
    </message>
    <message>
        <source>MB at most</source>
        <translation>MB 以内</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>If the book is damaged: rebuild it from the company server (an enrolled book) or the newest good backup, with every record the damaged file still holds. The damaged file is kept aside.</source>
        <translation>如果客户簿损坏：从公司服务器（已登记的客户簿）或最新的完好备份重建，并带上损坏文件中仍可读取的每条记录。损坏的文件会另行保留。</translation>
    </message>
    <message>
        <source>Recover the book…</source>
        <translation>修复客户簿…</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Checking every page…</source>
        <translation>正在检查每一页…</translation>
    </message>
    <message numerus="yes">
        <source>The book is sound: %n page(s) checked.</source>
        <translation>
            <numerusform>客户簿完好：已检查 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the search index is damaged; it is being rebuilt.</source>
        <translation>只有搜索索引损坏，正在重建。</translation>
    </message>
    <message numerus="yes">
        <source>The book is damaged (%n page(s)). Recover it: nothing more is written to it.</source>
        <translation>
            <numerusform>客户簿已损坏（%n 页）。请修复：之后不会再写入它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up and checked: %1.</source>
        <translation>已备份并校验：%1。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复此备份？</translation>
    </message>
    <message>
        <source>The book goes back to how it was at %1. Changes made since are not in the backup; the current file is kept aside, not deleted.</source>
        <translation>客户簿将回到 %1 时的状态。此后的修改不在备份中；当前文件会另行保留，不会删除。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored. The file it replaced is kept as %1.</source>
        <translation>已恢复。被替换的文件保留为 %1。</translation>
    </message>
    <message>
        <source>Recover the book?</source>
        <translation>修复客户簿？</translation>
    </message>
    <message>
        <source>crmdesk rebuilds the book in a new file and keeps the current one aside. This can take a while.</source>
        <translation>crmdesk 会在新文件中重建客户簿，并保留当前文件。这可能需要一些时间。</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>正在修复…</translation>
    </message>
    <message>
        <source>Recovered; some records could not be saved:</source>
        <translation>已修复；部分记录无法挽回：</translation>
    </message>
    <message>
        <source>Recovered. Nothing was lost.</source>
        <translation>已修复，没有丢失任何内容。</translation>
    </message>
</context>
<context>
    <name>ManagerTexts</name>
    <message>
        <source>%1 open complaint(s)</source>
        <translation>%1 条未结投诉</translation>
    </message>
    <message>
        <source>%1 deal(s) lost this year</source>
        <translation>今年丢单 %1 个</translation>
    </message>
    <message>
        <source>never touched</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>%1 days untouched (cadence %2)</source>
        <translation>%1 天未联系（周期 %2 天）</translation>
    </message>
    <message>
        <source>touches fell: %1 against %2 the year before</source>
        <translation>联系减少：近一年 %1 次，上一年 %2 次</translation>
    </message>
    <message>
        <source>over %1 days</source>
        <translation>超过 %1 天</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2 天</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <source>Retention by:</source>
        <translation>留存统计周期：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No account was active in %1, so there is no retention to show yet. An account is active in a period when it had a visit, meal, call or gift, or a won deal.</source>
        <translation>%1 没有活跃客户，暂时无法计算留存率。客户在某期间内有拜访、宴请、电话或送礼，或有赢单，即视为活跃。</translation>
    </message>
    <message>
        <source>Retention %1 in %2 (%3 of %4 accounts active in %5 still active). At this rate today&apos;s accounts keep %6 after five years.</source>
        <translation>%2 留存率 %1（%5 的 %4 个活跃客户中仍有 %3 个活跃）。按此留存率，五年后现有客户还剩 %6。</translation>
    </message>
    <message>
        <source>%1 y: %2</source>
        <translation>%1 年后：%2</translation>
    </message>
    <message>
        <source>%1 key accounts at risk · %2 hang on one person · %3 open complaints</source>
        <translation>%1 个重点客户有风险 · %2 个只维系于一人 · %3 条未结投诉</translation>
    </message>
    <message>
        <source>No owner had active accounts in %1: nothing to compare yet.</source>
        <translation>%1 没有哪位负责人有活跃客户，暂无可比较的数据。</translation>
    </message>
    <message>
        <source>Retention by owner, %1</source>
        <translation>%1 各负责人留存率</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>No key account is at risk: none lost touches against last year, passed its cadence, lost a deal this year or has an open complaint.</source>
        <translation>没有重点客户处于风险中：没有客户联系次数比去年减少、超过联系周期、今年丢单或有未结投诉。</translation>
    </message>
    <message>
        <source>No key account yet: mark a tier as key to see its decision chains.</source>
        <translation>还没有重点客户：将某个级别设为重点级别即可查看其决策链。</translation>
    </message>
    <message>
        <source>No account was active in %1 or since.</source>
        <translation>%1 及之后没有活跃客户。</translation>
    </message>
    <message>
        <source>No account active in %1 was lost since.</source>
        <translation>%1 的活跃客户此后没有流失。</translation>
    </message>
    <message>
        <source>No open complaint.</source>
        <translation>没有未结投诉。</translation>
    </message>
    <message>
        <source>No complaint has been resolved yet.</source>
        <translation>还没有已解决的投诉。</translation>
    </message>
    <message>
        <source>No account complained more than once in the last year.</source>
        <translation>近一年没有客户投诉超过一次。</translation>
    </message>
    <message>
        <source>At risk (%1)</source>
        <translation>风险客户（%1）</translation>
    </message>
    <message>
        <source>Decision chains (%1 single-threaded)</source>
        <translation>决策链（%1 个单线联系）</translation>
    </message>
    <message>
        <source>Lost accounts (%1)</source>
        <translation>流失客户（%1）</translation>
    </message>
    <message>
        <source>Open complaints (%1)</source>
        <translation>未结投诉（%1）</translation>
    </message>
    <message>
        <source>Complaints by age</source>
        <translation>投诉账龄</translation>
    </message>
    <message>
        <source>Time to resolution</source>
        <translation>解决用时</translation>
    </message>
    <message>
        <source>Repeated complaints (%1)</source>
        <translation>重复投诉（%1）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <source>Choose which contact field each column of the file goes to.</source>
        <translation>选择文件的每一列对应到哪个联系人字段。</translation>
    </message>
    <message>
        <source>Another encoding…</source>
        <translation>换一种编码…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>对应到</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Read as %1 (%2). Check the names below: if they look wrong, choose the file&apos;s encoding.</source>
        <translation>按 %1 读取（%2）。请检查下面的姓名：如显示为乱码，请选择文件的编码。</translation>
    </message>
    <message>
        <source>Cards that name their own charset: %1.</source>
        <translation>自带字符集的名片：%1。</translation>
    </message>
    <message>
        <source>Reading the file as %1…</source>
        <translation>正在按 %1 读取文件…</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 duplicates, %4 rejected, %5 values kept in the notes</source>
        <translation>共 %1 行：%2 个新联系人，%3 个重复，%4 行被拒绝，%5 个值保留在备注中</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>This amount is too large: at most %1.</source>
        <translation>金额过大：最多 %1。</translation>
    </message>
    <message>
        <source>This amount has too many decimal places: at most %1.</source>
        <translation>金额的小数位过多：最多 %1 位。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Add an opportunity</source>
        <translation>添加商机</translation>
    </message>
    <message>
        <source>e.g. 1,200,000 or 50,000 USD</source>
        <translation>例如 1,200,000 或 50,000 USD</translation>
    </message>
    <message>
        <source>Expected to close on</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>lunar leap month %1, day %2</source>
        <translation>农历闰%1月%2日</translation>
    </message>
    <message>
        <source>lunar month %1, day %2</source>
        <translation>农历%1月%2日</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加……</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>直属上级</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>next: %1</source>
        <translation>下次：%1</translation>
    </message>
    <message>
        <source>turns %1</source>
        <translation>满 %1 岁</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>满 %1 年</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>费用：%1</translation>
    </message>
    <message>
        <source>Gift: %1</source>
        <translation>礼品：%1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>Important dates</source>
        <translation>重要日子</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家人</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>待跟进事项</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>Gifts given</source>
        <translation>送过的礼品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>never touched</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>untouched %n day(s)</source>
        <translation>%n 天未联系</translation>
    </message>
    <message>
        <source>Open complaints: raise them first</source>
        <translation>未结投诉：见面先谈这些</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用领域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation>税务规则</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>信用记录</translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation>销售限额</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送货地址</translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation>开票地址</translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation>佣金代码</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Master file</source>
        <translation>客户主文件</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>客户洞察</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>组织结构</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未解决的投诉</translation>
    </message>
    <message>
        <source>Brief of %1</source>
        <translation>%1 生成的简报</translation>
    </message>
    <message>
        <source>Nothing in the next %n day(s); the next one:</source>
        <translation>未来 %n 天内没有重要日子；下一个是：</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>人物概况</translation>
    </message>
    <message>
        <source>Preferences and taboos</source>
        <translation>喜好与禁忌</translation>
    </message>
    <message>
        <source>Coming dates</source>
        <translation>近期重要日子</translation>
    </message>
    <message>
        <source>Recent interactions</source>
        <translation>最近往来</translation>
    </message>
    <message>
        <source>No gift given yet.</source>
        <translation>还没有送过礼品。</translation>
    </message>
    <message>
        <source>Gifts already given</source>
        <translation>已送过的礼品</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Who is who</source>
        <translation>人物关系</translation>
    </message>
    <message>
        <source>Never give the same gift twice.</source>
        <translation>同样的礼品不要送两次。</translation>
    </message>
</context>
<context>
    <name>PastDueQuestion</name>
    <message>
        <source>Follow-up in the past</source>
        <translation>跟进日期已过</translation>
    </message>
    <message numerus="yes">
        <source>This follow-up is due in the past (%n day(s) ago). Save anyway?</source>
        <translation>
            <numerusform>此跟进的到期日已过（%n 天前）。仍要保存吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerNotifier</name>
    <message>
        <source>Buy a gift for %1 (%2)</source>
        <translation>为 %1 备礼（%2）</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>跟进：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n relationship(s) past their contact cadence</source>
        <translation>
            <numerusform>%n 个联系对象已超出联系周期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: %n occasion(s) to greet</source>
        <translation>
            <numerusform>今天有 %n 个问候提醒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerSettingsDialog</name>
    <message>
        <source>Planner settings</source>
        <translation>客情维护设置</translation>
    </message>
    <message>
        <source>29 February</source>
        <translation>2月29日</translation>
    </message>
    <message>
        <source>Leap months</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>Lunar day 30</source>
        <translation>农历三十</translation>
    </message>
    <message>
        <source>Buy gifts (days ahead)</source>
        <translation>提前备礼（天）</translation>
    </message>
    <message>
        <source>Dormant after (days)</source>
        <translation>未联系多少天算休眠</translation>
    </message>
    <message>
        <source>Daily reminder at</source>
        <translation>每日提醒时间</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Contact tier %1 every</source>
        <translation>级别 %1 联系周期</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Tiers: &quot;all&quot;, &quot;none&quot;, or codes such as S, A.</source>
        <translation>级别：填“全部”、“无”，或级别代码，如 S, A。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>PlannerTexts</name>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>唤醒问候</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Important date</source>
        <translation>重要日子</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Neglected</source>
        <translation>超期未联系</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1月%2日</translation>
    </message>
    <message>
        <source>lunar leap %1/%2</source>
        <translation>农历闰%1月%2日</translation>
    </message>
    <message>
        <source>lunar %1/%2</source>
        <translation>农历%1月%2日</translation>
    </message>
    <message>
        <source>family</source>
        <translation>家人</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3的%2）</translation>
    </message>
    <message>
        <source>turns %1</source>
        <translation>满 %1 岁</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>满 %n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>moved: %1 does not occur this year</source>
        <translation>已调整：今年没有%1</translation>
    </message>
    <message numerus="yes">
        <source>no contact for %n day(s): send a “we miss you” greeting</source>
        <translation>
            <numerusform>已 %n 天未联系：送上一句“好久不见”的问候</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Greet %n contact(s)</source>
        <translation>
            <numerusform>问候 %n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact for %n day(s)</source>
        <translation>
            <numerusform>已 %n 天未联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the cadence is %n day(s)</source>
        <translation>
            <numerusform>联系周期为 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>all tiers</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>29 February → 28 February in common years</source>
        <translation>2月29日 → 平年改为2月28日</translation>
    </message>
    <message>
        <source>29 February → 1 March in common years</source>
        <translation>2月29日 → 平年改为3月1日</translation>
    </message>
    <message>
        <source>Leap-month date → the ordinary month in years without it</source>
        <translation>闰月日期 → 无该闰月的年份按同月</translation>
    </message>
    <message>
        <source>Leap-month date → skipped in years without it</source>
        <translation>闰月日期 → 无该闰月的年份跳过</translation>
    </message>
    <message>
        <source>Lunar day 30 → day 29 in 29-day months</source>
        <translation>农历三十 → 小月改为二十九</translation>
    </message>
    <message>
        <source>Lunar day 30 → skipped in 29-day months</source>
        <translation>农历三十 → 小月跳过</translation>
    </message>
    <message numerus="yes">
        <source>buy gifts %n day(s) ahead</source>
        <translation>
            <numerusform>提前 %n 天备礼</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dormant after %n day(s)</source>
        <translation>
            <numerusform>%n 天未联系算休眠</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Loading the plan…</source>
        <translation>正在加载计划……</translation>
    </message>
    <message>
        <source>Next days:</source>
        <translation>未来天数：</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成……</translation>
    </message>
    <message>
        <source>Log the greeting or gift for the selected item, with its cost</source>
        <translation>为所选事项记录问候或礼品及其费用</translation>
    </message>
    <message>
        <source>Log each selected item as done, with its suggested cost</source>
        <translation>将所选各项记为完成，并记入建议费用</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置……</translation>
    </message>
    <message>
        <source>Show only these (several may be chosen)</source>
        <translation>只显示这些（可多选）</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored date(s) could not be read and are left out</source>
        <translation>
            <numerusform>有 %n 个已存日期无法读取，已略过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n done</source>
        <translation>
            <numerusform>%n 项标为完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark selected done</source>
        <translation>所选项标为完成</translation>
    </message>
    <message>
        <source>Start a campaign for %1 %2…</source>
        <translation>为 %1 %2 发起礼品计划…</translation>
    </message>
    <message>
        <source>Start a campaign…</source>
        <translation>发起礼品计划…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>PreferenceDialog</name>
    <message>
        <source>Add a preference</source>
        <translation>添加喜好</translation>
    </message>
    <message>
        <source>Learned on</source>
        <translation>得知日期</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>内容(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>喜好</translation>
    </message>
</context>
<context>
    <name>QuickOpenDialog</name>
    <message>
        <source>Go to a contact or account</source>
        <translation>转到联系人或客户</translation>
    </message>
    <message>
        <source>Name, pinyin, initials, phone digits, company…  (Enter opens)</source>
        <translation>姓名、拼音、首字母、电话号码、公司…（回车打开）</translation>
    </message>
    <message>
        <source>Characters, pinyin or initials: 曾国梁, guoliang, zgl</source>
        <translation>汉字、拼音或首字母：曾国梁、guoliang、zgl</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) shown</source>
        <translation>
            <numerusform>显示 %n 条结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Deleted %1. Undo with Ctrl+Z.</source>
        <translation>已删除 %1。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>已恢复 %1</translation>
    </message>
    <message>
        <source>Visit logged</source>
        <translation>拜访已记录</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>All tiers</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <source>Each row is numbered as in the file. A row without a name is not imported; any other bad value is kept as written in the contact&apos;s notes.</source>
        <translation>行号与文件中一致。没有姓名的行不会导入；其他有误的值按原样保留在联系人的备注中。</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Imported; value in the notes</source>
        <translation>已导入；该值在备注中</translation>
    </message>
    <message>
        <source>Ready: %1 new contacts, %2 merges; %3 rows rejected; %4 values kept in the notes.</source>
        <translation>就绪：%1 个新联系人，%2 个合并；%3 行被拒绝；%4 个值保留在备注中。</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Lock after idle minutes (0: never)</source>
        <translation>闲置多少分钟后锁定（0：从不）</translation>
    </message>
    <message>
        <source>Your name (recorded on visits)</source>
        <translation>你的姓名（记在拜访记录上）</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>默认币种</translation>
    </message>
    <message>
        <source>Interactions shown in a brief</source>
        <translation>简报中显示的往来条数</translation>
    </message>
    <message>
        <source>Days ahead for coming dates</source>
        <translation>提前提醒的天数</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SpendPage</name>
    <message>
        <source>All reps</source>
        <translation>全部销售代表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation>导出表格到 CSV…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>No spend logged by this rep in these months.</source>
        <translation>这位销售代表在这几个月没有记录费用。</translation>
    </message>
    <message>
        <source>No cost or gift logged in these months.</source>
        <translation>这几个月没有记录费用或礼品。</translation>
    </message>
    <message>
        <source>Nothing to flag: no gift bought twice on one day, no tier or rep over budget, no cost without an attendee.</source>
        <translation>没有需要标记的情况：没有同一天重复购买的礼品，没有超预算的级别或销售代表，没有无参与人的费用。</translation>
    </message>
    <message>
        <source>By account</source>
        <translation>按客户</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按级别</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按销售代表</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Flags (%1)</source>
        <translation>异常（%1）</translation>
    </message>
    <message>
        <source>No interactions or gifts in these months. Spend shows here once visits, meals and gifts are logged with their cost.</source>
        <translation>这些月份没有拜访或礼品。记录拜访、宴请和礼品的费用后，开支会显示在这里。</translation>
    </message>
    <message>
        <source>The top %1% of accounts (%2 of %3) took %4% of interactions and %5% of spend (%6). Rule of thumb: key accounts, about %1%, get about %7% of the effort.</source>
        <translation>前 %1% 的客户（%3 个中的 %2 个）占了 %4% 的拜访和 %5% 的开支（%6）。经验法则：约 %1% 的重点客户获得约 %7% 的投入。</translation>
    </message>
    <message>
        <source>No interactions in these months: no effort to show.</source>
        <translation>这些月份没有拜访：无投入可显示。</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Spend (%1)</source>
        <translation>开支（%1）</translation>
    </message>
    <message>
        <source>Rule of thumb 10/60</source>
        <translation>经验法则 10/60</translation>
    </message>
    <message>
        <source>Effort distribution</source>
        <translation>投入分布</translation>
    </message>
    <message>
        <source>Accounts, most effort first</source>
        <translation>客户（投入最多的在前）</translation>
    </message>
    <message>
        <source>Share of the total</source>
        <translation>占总数的比例</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>The book is updated; its lists show the imported contacts.</source>
        <translation>客户簿已更新；列表中可以看到导入的联系人。</translation>
    </message>
    <message>
        <source>%1 contacts created, %2 merged, %3 skipped, %4 rejected. %5 new accounts.</source>
        <translation>已创建 %1 个联系人，合并 %2 个，跳过 %3 个，拒绝 %4 行。新增 %5 个客户。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The CA file cannot be read.</source>
        <translation>无法读取 CA 证书文件。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: choose the CA file your administrator gave you.</source>
        <translation>服务器的证书不受信任：请选择管理员提供的 CA 证书文件。</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address and the network.</source>
        <translation>无法连接服务器：请检查地址和网络。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This device is no longer signed in: enrol it again.</source>
        <translation>此设备已不再登录：请重新登记。</translation>
    </message>
    <message>
        <source>This book is not enrolled with a server.</source>
        <translation>此数据簿尚未登记到服务器。</translation>
    </message>
    <message>
        <source>The server needs a newer version of crmdesk.</source>
        <translation>服务器需要更新版本的 crmdesk。</translation>
    </message>
    <message>
        <source>This device was revoked by your company; its local book was removed.</source>
        <translation>此设备已被公司吊销；本地客户簿已删除。</translation>
    </message>
    <message>
        <source>Your account may not do this (managers and admins only).</source>
        <translation>你的账号无权执行此操作（仅限经理和管理员）。</translation>
    </message>
    <message>
        <source>Some records would be left without a successor: choose who receives everything else.</source>
        <translation>有些记录将没有接手人：请选择其余全部的接手人。</translation>
    </message>
    <message>
        <source>A successor is unknown to the server or no longer active.</source>
        <translation>服务器不认识某位接手人，或其账号已停用。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Sync: not enrolled</source>
        <translation>同步：未登记</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>已于 %1 同步</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 项待同步</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <source>%1 set aside</source>
        <translation>%1 条已搁置</translation>
    </message>
    <message>
        <source>Records from the server this book could not take, set aside (%1):</source>
        <translation>本客户簿无法接收、已搁置的服务器记录（%1）：</translation>
    </message>
    <message>
        <source>sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <source>Server: %1 (as %2)</source>
        <translation>服务器：%1（用户 %2）</translation>
    </message>
    <message>
        <source>Opens without the server until %1</source>
        <translation>在 %1 之前无需服务器即可打开</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
</context>
<context>
    <name>TeamCampaigns</name>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>No campaigns on this device yet.</source>
        <translation>本设备上还没有礼品计划。</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s); budget: each person&apos;s tier budget for one gift.</source>
        <translation>
            <numerusform>%n 个计划；预算：每人按其级别的单份礼品预算计。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over budget (in red).</source>
        <translation>
            <numerusform>%n 个超出预算（红色）。</numerusform>
        </translation>
    </message>
    <message>
        <source>More is committed than the budget</source>
        <translation>已定花费超出预算</translation>
    </message>
</context>
<context>
    <name>TeamColumns</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>Contacts touched</source>
        <translation>已联系人数</translation>
    </message>
    <message>
        <source>Roles touched</source>
        <translation>已联系的角色</translation>
    </message>
    <message>
        <source>Roles not touched</source>
        <translation>未联系的角色</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Active before</source>
        <translation>上期活跃</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>回流</translation>
    </message>
    <message>
        <source>Active now</source>
        <translation>本期活跃</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Last touched by</source>
        <translation>最后联系人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>已开天数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>已开时长</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Longest days</source>
        <translation>最长天数</translation>
    </message>
    <message>
        <source>Complaints this year</source>
        <translation>近一年投诉</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>仍未结</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>已过天数</translation>
    </message>
    <message>
        <source>Cadence (days)</source>
        <translation>周期（天）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>About</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>无客户</translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>By account</source>
        <translation>按客户</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按级别</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按销售代表</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team and devices</source>
        <translation>团队与设备</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>正在载入团队…</translation>
    </message>
    <message>
        <source>&amp;Revoke device…</source>
        <translation>吊销设备(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>user inactive</source>
        <translation>用户已停用</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1 people, %2 devices.</source>
        <translation>%1 人，%2 台设备。</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <source>Revoke %1&apos;s device “%2”?</source>
        <translation>吊销 %1 的设备“%2”？</translation>
    </message>
    <message>
        <source>At its next contact with the server it deletes its local book and key. Edits it still sends are kept for review, not applied.</source>
        <translation>它下次连接服务器时会删除本地客户簿和密钥。它之后发来的修改会留待审核，不会应用。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
</context>
<context>
    <name>TeamTexts</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>无级别</translation>
    </message>
    <message>
        <source>Same gift bought twice on one day</source>
        <translation>同一天买了两次相同的礼品</translation>
    </message>
    <message>
        <source>Tier over its monthly budget</source>
        <translation>级别超出月度预算</translation>
    </message>
    <message>
        <source>Rep over the monthly budget of their accounts</source>
        <translation>销售代表超出其客户的月度预算</translation>
    </message>
    <message>
        <source>A cost with no attendee</source>
        <translation>有费用但没有参与人</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>拜访</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export spend</source>
        <translation>导出开支</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>开支</translation>
    </message>
    <message>
        <source>Retention and risk</source>
        <translation>留存与风险</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Strategic</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>伙伴</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>ToolsMenu</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Check the book…</source>
        <translation>检查客户簿(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Backed up and checked at %1</source>
        <translation>已于 %1 备份并校验</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Import as new</source>
        <translation>作为新联系人导入</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>姓名和电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>Pause or wait digits: the number is stored, the dial string kept in the notes.</source>
        <translation>含暂停或等待位：号码已保存，完整拨号串保留在备注中。</translation>
    </message>
    <message>
        <source>Not a valid number for the region: stored as written.</source>
        <translation>不是该地区的有效号码：按原样保存。</translation>
    </message>
    <message>
        <source>This value cannot be read in its character set.</source>
        <translation>此值无法按其字符集读取。</translation>
    </message>
    <message>
        <source>vCard (.vcf)</source>
        <translation>vCard (.vcf)</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation>JSON (.json)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>e.g. 800, ¥1,200 or 50 USD</source>
        <translation>如 800、¥1,200 或 50 USD</translation>
    </message>
    <message>
        <source>value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>what was given (to the first attendee)</source>
        <translation>送了什么（给第一位参加人）</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>纪要(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>参加人(&amp;W)</translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation>时间(&amp;N)</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>地点(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>方式(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>费用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Gift</source>
        <translation>礼品(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation>按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <source>Choose who you met.</source>
        <translation>请选择见了谁。</translation>
    </message>
    <message>
        <source>Say what the gift was.</source>
        <translation>请写明送的是什么礼品。</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Existing</source>
        <translation>现有客户</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>宴请</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>差旅</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>招待</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Large contractor</source>
        <translation>大型承包商</translation>
    </message>
    <message>
        <source>Private end user</source>
        <translation>民营终端用户</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Technical evaluator</source>
        <translation>技术评估者</translation>
    </message>
    <message>
        <source>Coach (inside supporter)</source>
        <translation>教练（内部支持者）</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>把关者</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <source>Father-in-law</source>
        <translation>岳父/公公</translation>
    </message>
    <message>
        <source>Mother-in-law</source>
        <translation>岳母/婆婆</translation>
    </message>
    <message>
        <source>Son</source>
        <translation>儿子</translation>
    </message>
    <message>
        <source>Daughter</source>
        <translation>女儿</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Site tour</source>
        <translation>参观考察</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>鉴别商机</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>资质判定</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>制定方案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>销售结果</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>饮食</translation>
    </message>
    <message>
        <source>Drink</source>
        <translation>酒水</translation>
    </message>
    <message>
        <source>Tea</source>
        <translation>茶</translation>
    </message>
    <message>
        <source>Tobacco</source>
        <translation>烟</translation>
    </message>
    <message>
        <source>Hobby</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>运动</translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation>服装</translation>
    </message>
    <message>
        <source>Shoe size</source>
        <translation>鞋码</translation>
    </message>
    <message>
        <source>Seating</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Dietary taboo</source>
        <translation>饮食禁忌</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>宗教</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk keeps your accounts, contacts and visits in an encrypted book on this computer. Nobody can read it without its key.</source>
        <translation>crmdesk 把你的客户、联系人和拜访记录保存在这台电脑上一个加密的客户簿里。没有密钥，谁也读不了。</translation>
    </message>
    <message>
        <source>Your book will be created at: %1</source>
        <translation>客户簿将创建在：%1</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keyring (no typing to unlock)</source>
        <translation>把密钥存在这台电脑的系统钥匙串里（解锁无需输入）</translation>
    </message>
    <message>
        <source>Protect the book with a passphrase</source>
        <translation>用密码短语保护客户簿</translation>
    </message>
    <message>
        <source>Looking for a keyring…</source>
        <translation>正在查找系统钥匙串……</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>密码短语(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>再输一次(&amp;R)</translation>
    </message>
    <message>
        <source>Write the passphrase down somewhere safe: without it the book cannot be opened, by you or anyone.</source>
        <translation>请把密码短语记在安全的地方：没有它，任何人（包括你自己）都无法打开客户簿。</translation>
    </message>
    <message>
        <source>&amp;Create my book</source>
        <translation>创建我的客户簿(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>A keyring is available on this computer.</source>
        <translation>这台电脑有可用的系统钥匙串。</translation>
    </message>
    <message>
        <source>No usable keyring was found on this computer, so the book is protected with a passphrase.</source>
        <translation>这台电脑上没有可用的系统钥匙串，因此客户簿将用密码短语保护。</translation>
    </message>
    <message>
        <source>Creating your book…</source>
        <translation>正在创建客户簿……</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>密码短语至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>New &amp;contact</source>
        <translation>新建联系人(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;account</source>
        <translation>新建客户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Log a visit</source>
        <translation>记录拜访(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation>拜访简报(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>客户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Planner</source>
        <translation>客情维护(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation>登记(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>导入联系人(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>No account</source>
        <translation>无客户</translation>
    </message>
</context>
</TS>
