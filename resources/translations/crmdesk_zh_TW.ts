<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>應用領域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>郵遞區號</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>銀行帳號</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款條件</translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation>稅務規則</translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation>銷售限額</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送貨地址</translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation>發票地址</translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation>佣金代碼</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>信用記錄</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>多個時用逗號分隔</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>客戶洞察</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Master file</source>
        <translation>客戶主檔案</translation>
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
        <translation>搜尋客戶：名稱、拼音、編號、電話……</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 個客戶</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Who</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation>備禮截止</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <source>Last gift</source>
        <translation>上次禮品</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <source>Overdue (oldest first)</source>
        <translation>已逾期（最早的在前）</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以後</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s)</source>
        <translation>
            <numerusform>%1 — %n 項</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>Type a name, pinyin or initials to add someone</source>
        <translation>輸入姓名、拼音或首字母新增參加人</translation>
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
        <translation>無法開啟客戶簿</translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed on %1: it has not synced with your company&apos;s server for too long, so it cannot be opened without the server.</source>
        <translation>此客戶簿的租期已於 %1 到期：它太久沒有與公司伺服器同步，必須連上伺服器才能開啟。</translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed, so it cannot be opened without the server.</source>
        <translation>此客戶簿的租期已到期，必須連上伺服器才能開啟。</translation>
    </message>
    <message>
        <source>Connect to the company network (or VPN) and open the book again: one sync renews the lease.</source>
        <translation>請連線公司網路（或 VPN）後再次開啟客戶簿：同步一次即可續期。</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>裝置已被吊銷</translation>
    </message>
    <message>
        <source>Its key and its sign-in were removed too. Ask your administrator if this is a mistake; you can start a new book now.</source>
        <translation>它的金鑰和登入憑據也已刪除。如有誤，請聯絡管理員；現在可以新建一本客戶簿。</translation>
    </message>
    <message>
        <source>The book&apos;s lease lapsed.</source>
        <translation>客戶簿的租期已到期。</translation>
    </message>
    <message>
        <source>This book was removed</source>
        <translation>此客戶簿已被刪除</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Brief: %1</source>
        <translation>簡報：%1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>匯出 &amp;PDF…</translation>
    </message>
    <message>
        <source>%1 visit brief %2</source>
        <translation>%1 拜訪簡報 %2</translation>
    </message>
    <message>
        <source>Export brief as PDF</source>
        <translation>將簡報匯出為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在寫入 %1……</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>無法寫入 PDF：%1</translation>
    </message>
</context>
<context>
    <name>BulkDoneDialog</name>
    <message numerus="yes">
        <source>Mark %n item(s) done</source>
        <translation>
            <numerusform>將 %n 項標記為完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Each is logged as its own interaction:</source>
        <translation>每一項都記為一次單獨的往來：</translation>
    </message>
    <message>
        <source>Log each with its tier&apos;s suggested budget as the cost</source>
        <translation>以所屬級別的建議預算作為每項的費用</translation>
    </message>
    <message>
        <source>Nothing was logged. %1: %2</source>
        <translation>沒有記錄任何內容。%1：%2</translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>to buy</source>
        <translation>待購買</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>已購買</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已送出</translation>
    </message>
    <message>
        <source>thanked</source>
        <translation>已致謝</translation>
    </message>
    <message>
        <source>No contact matches these tiers: nobody to greet.</source>
        <translation>沒有聯絡人符合這些級別：沒有需要問候的人。</translation>
    </message>
    <message>
        <source>Choose a gift before marking it sent.</source>
        <translation>請先選定禮品，再標記為已送出。</translation>
    </message>
    <message>
        <source>A gift is thanked for only after it was sent.</source>
        <translation>禮品送出之後才能標記為已致謝。</translation>
    </message>
    <message>
        <source>Say who the greetings are from.</source>
        <translation>請寫明問候的落款（誰發出）。</translation>
    </message>
    <message>
        <source>Shopping list</source>
        <translation>採購清單</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>明細</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>祝福語</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Each</source>
        <translation>單價</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation>購買截止</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>祝福語</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
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
        <translation>節日禮品計畫(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Festival campaigns</source>
        <translation>節日禮品計畫</translation>
    </message>
    <message>
        <source>e.g. S, A (empty: every tier)</source>
        <translation>例如 S, A（留空：所有級別）</translation>
    </message>
    <message>
        <source>reps, e.g. liu (empty: everyone&apos;s)</source>
        <translation>負責人用戶名，多個用逗號分隔（留空：所有人的）</translation>
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
        <translation>親切</translation>
    </message>
    <message>
        <source>&amp;Make campaign</source>
        <translation>產生計畫(&amp;M)</translation>
    </message>
    <message>
        <source>Festival:</source>
        <translation>節日：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation>級別：</translation>
    </message>
    <message>
        <source>Owners:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>落款：</translation>
    </message>
    <message>
        <source>Tone:</source>
        <translation>語氣：</translation>
    </message>
    <message>
        <source>&amp;Gift catalogue…</source>
        <translation>禮品目錄(&amp;G)…</translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation>計畫：</translation>
    </message>
    <message>
        <source>&amp;Copy greeting</source>
        <translation>複製問候語(&amp;C)</translation>
    </message>
    <message>
        <source>Mark &amp;bought</source>
        <translation>標記已購買(&amp;B)</translation>
    </message>
    <message>
        <source>Mark &amp;sent</source>
        <translation>標記已送出(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>禮品計畫</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>團隊</translation>
    </message>
    <message>
        <source>%1 (%2 people)</source>
        <translation>%1（%2 人）</translation>
    </message>
    <message>
        <source>Make a campaign, or choose one on the left.</source>
        <translation>產生一個計畫，或在左側選擇一個。</translation>
    </message>
    <message>
        <source>%1 on %2 — buy by %3, send by %4. To buy %5, bought %6, sent %7, thanked %8.</source>
        <translation>%1（%2）：%3 前購買，%4 前送出。待購買 %5，已購買 %6，已送出 %7，已致謝 %8。</translation>
    </message>
    <message>
        <source>Shopping list: %1</source>
        <translation>採購清單：%1</translation>
    </message>
    <message>
        <source>Check the festival, tiers and owners, then make the campaign.</source>
        <translation>請核對節日、級別和負責人，然後產生計畫。</translation>
    </message>
    <message>
        <source>Making the campaign…</source>
        <translation>正在產生計畫…</translation>
    </message>
    <message>
        <source>%1 people to greet.</source>
        <translation>共 %1 人需要問候。</translation>
    </message>
    <message>
        <source>Greeting copied: paste it into WeChat, SMS or e-mail.</source>
        <translation>問候語已複製：可貼到微信、簡訊或郵件。</translation>
    </message>
    <message>
        <source>%1 gift(s) logged as sent; items sent before were not logged again.</source>
        <translation>已記錄 %1 份禮品送出；之前已送出的不會重複記錄。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
</context>
<context>
    <name>CampaignsTeam</name>
    <message>
        <source>Campaign / rep</source>
        <translation>計畫 / 負責人</translation>
    </message>
    <message>
        <source>Run by</source>
        <translation>發起人</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已定花費</translation>
    </message>
    <message>
        <source>To buy</source>
        <translation>待購買</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>已購買</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已送出</translation>
    </message>
    <message>
        <source>Thanked</source>
        <translation>已致謝</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
</context>
<context>
    <name>CompanyActions</name>
    <message>
        <source>&amp;Team and devices…</source>
        <translation>團隊與裝置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Hand over a rep&apos;s accounts…</source>
        <translation>代表離職交接(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步衝突</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Losing value</source>
        <translation>落選的值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>沒有未處理的衝突。</translation>
    </message>
    <message>
        <source>&amp;Restore losing value</source>
        <translation>還原落選的值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已刪除）</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>編輯聯絡人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>（無客戶）</translation>
    </message>
    <message>
        <source>(the account&apos;s)</source>
        <translation>（沿用客戶分級）</translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation>多個時用逗號分隔</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>客戶(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>職稱(&amp;T)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Decision &amp;role</source>
        <translation>決策角色(&amp;R)</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>直屬主管</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>&amp;Hometown</source>
        <translation>籍貫(&amp;H)</translation>
    </message>
    <message>
        <source>School</source>
        <translation>畢業學校</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>All accounts</source>
        <translation>全部客戶</translation>
    </message>
    <message>
        <source>Search contacts: name, pinyin, initials, phone, company…  (Ctrl+F)</source>
        <translation>搜尋聯絡人：姓名、拼音、首字母、電話、公司……  (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位聯絡人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Occasions in the next days:</source>
        <translation>未來天數內的重要日子：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>No account is in a key tier (%1), so none can be neglected.</source>
        <translation>沒有客戶屬於重點級別（%1），因此沒有被冷落的重點客戶。</translation>
    </message>
    <message>
        <source>Every key account was touched within its tier&apos;s cadence.</source>
        <translation>每個重點客戶都在其級別的聯繫週期內聯繫過。</translation>
    </message>
    <message>
        <source>No open follow-up is past its due date.</source>
        <translation>沒有逾期未辦的跟進事項。</translation>
    </message>
    <message>
        <source>No tier is marked key, so no occasion is listed.</source>
        <translation>沒有級別被設為重點級別，因此不列出節日和紀念日。</translation>
    </message>
    <message>
        <source>No birthday, anniversary or festival of a key relationship in the next %1 days.</source>
        <translation>未來 %1 天內，重點關係沒有生日、紀念日或節日。</translation>
    </message>
    <message>
        <source>Neglected key accounts (%1)</source>
        <translation>被冷落的重點客戶（%1）</translation>
    </message>
    <message>
        <source>Overdue follow-ups (%1)</source>
        <translation>逾期跟進（%1）</translation>
    </message>
    <message>
        <source>Coming occasions (%1)</source>
        <translation>即將到來的重要日子（%1）</translation>
    </message>
    <message>
        <source>No accounts yet. Once the team&apos;s books are synced, their accounts show here.</source>
        <translation>還沒有客戶。團隊的客戶簿同步後，他們的客戶會顯示在這裡。</translation>
    </message>
    <message>
        <source>%1 accounts · key tiers: %2 · %3 of %4 key accounts touched within their cadence</source>
        <translation>%1 個客戶 · 重點級別：%2 · %4 個重點客戶中有 %3 個在週期內聯絡過</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>還沒有客戶。</translation>
    </message>
    <message>
        <source>Accounts by tier and owner</source>
        <translation>按級別和負責人的客戶數</translation>
    </message>
    <message>
        <source>No key accounts: no account is in a key tier (%1).</source>
        <translation>沒有重點客戶：沒有客戶屬於重點級別（%1）。</translation>
    </message>
    <message>
        <source>Key accounts touched within their cadence</source>
        <translation>在週期內聯絡過的重點客戶</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆蓋率</translation>
    </message>
    <message>
        <source>Cadence target</source>
        <translation>週期目標</translation>
    </message>
    <message>
        <source>No opportunities in the pipeline yet.</source>
        <translation>銷售漏斗中還沒有商機。</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金額（%1）</translation>
    </message>
    <message>
        <source>Amount (%1, millions)</source>
        <translation>金額（%1，百萬）</translation>
    </message>
    <message>
        <source>Amount (%1, thousands)</source>
        <translation>金額（%1，千）</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>各階段的商機</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商機</translation>
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
        <translation>新增重要日子</translation>
    </message>
    <message>
        <source>The contact</source>
        <translation>聯絡人本人</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>公曆</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>農曆</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不詳</translation>
    </message>
    <message>
        <source>Leap month (闰月)</source>
        <translation>閏月</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>類型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Whose</source>
        <translation>誰的(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>曆法(&amp;C)</translation>
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
        <translation>閏月</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>說明(&amp;L)</translation>
    </message>
    <message>
        <source>Important date</source>
        <translation>重要日子</translation>
    </message>
    <message>
        <source>This day does not exist: month %1 has at most %2 days.</source>
        <translation>該日不存在：%1月最多有%2天。</translation>
    </message>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation>該日不存在：%1年%2月只有%3天。</translation>
    </message>
    <message>
        <source>This day does not exist: a lunar month has at most 30 days.</source>
        <translation>該日不存在：農曆月最多有30天。</translation>
    </message>
    <message>
        <source>This day does not exist: leap lunar month %2 of %1 has %3 days.</source>
        <translation>該日不存在：農曆%1年閏%2月只有%3天。</translation>
    </message>
    <message>
        <source>This day does not exist: lunar month %2 of %1 has %3 days.</source>
        <translation>該日不存在：農曆%1年%2月只有%3天。</translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation>該日不存在：%1年%2月只有%3天。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Choose a contact or an account to see everything about them here.</source>
        <translation>選擇一位聯絡人或一個客戶，這裡會顯示關於他們的全部資訊。</translation>
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
        <translation>建議金額：%1</translation>
    </message>
    <message>
        <source>Last time: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <source>Allow a gift they already received</source>
        <translation>允許送對方已收過的禮品</translation>
    </message>
    <message>
        <source>What</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation>已問候</translation>
    </message>
    <message>
        <source>They were already given this gift: never the same gift twice. Choose another, or allow the repeat.</source>
        <translation>對方已經收過這份禮品：同樣的禮品不要送兩次。請換一份，或勾選允許重複。</translation>
    </message>
    <message>
        <source>Tick whom you greeted.</source>
        <translation>請勾選已問候的人。</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicates</source>
        <translation>重複項</translation>
    </message>
    <message>
        <source>These rows match a contact in the book or an earlier row of the file. Merging fills empty fields and adds new phones, e-mails and tags; it never overwrites a value the book has.</source>
        <translation>這些行與客戶簿中的聯絡人或檔案中靠前的一行相同。合併只填補空欄位，並新增新的電話、郵箱和標籤；不會覆蓋客戶簿已有的值。</translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation>全部應用</translation>
    </message>
    <message>
        <source>For every duplicate:</source>
        <translation>所有重複項：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>檔案中</translation>
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
        <translation>客戶簿中</translation>
    </message>
    <message>
        <source>No duplicates: every good row is new.</source>
        <translation>沒有重複項：所有有效行都是新聯絡人。</translation>
    </message>
    <message>
        <source>%1: keeps “%2” (the file has “%3”)</source>
        <translation>%1：保留“%2”（檔案中為“%3”）</translation>
    </message>
    <message>
        <source>%1: “%2” becomes “%3”</source>
        <translation>%1：“%2”改為“%3”</translation>
    </message>
    <message>
        <source>%1: adds “%3”</source>
        <translation>%1：新增“%3”</translation>
    </message>
    <message>
        <source>Nothing new: merging changes nothing.</source>
        <translation>沒有新內容：合並不會改變任何東西。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with a sync server</source>
        <translation>登記到同步伺服器</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>伺服器位址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 憑證檔案</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登記</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>憑證 (*.pem *.crt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation>此項必填。</translation>
    </message>
    <message>
        <source>Write the address with http:// or https://.</source>
        <translation>位址請以 http:// 或 https:// 開頭。</translation>
    </message>
    <message>
        <source>The CA file cannot be read.</source>
        <translation>無法讀取 CA 憑證檔案。</translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation>請先解鎖資料簿。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This is required.</source>
        <translation>此項必填。</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>內容太長。</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>這不是一個電話號碼。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>這不是一個電子郵件地址。</translation>
    </message>
    <message>
        <source>This is not an amount: write e.g. 800, 800.50, ¥1,200 or 50 USD.</source>
        <translation>這不是金額：請寫如 800、800.50、¥1,200 或 50 USD。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金額不能為負數。</translation>
    </message>
    <message>
        <source>This amount has too many decimal places.</source>
        <translation>這個金額的小數位數太多。</translation>
    </message>
    <message>
        <source>This amount is too large.</source>
        <translation>金額太大。</translation>
    </message>
    <message>
        <source>This currency is not known.</source>
        <translation>不認識這個幣別。</translation>
    </message>
    <message>
        <source>&apos;$&apos; could be several currencies: write USD, HKD, SGD…</source>
        <translation>“$”可能是多種貨幣：請寫 USD、HKD、SGD……</translation>
    </message>
    <message>
        <source>This amount is in another currency than the one chosen.</source>
        <translation>這個金額的幣別與所選幣別不同。</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>請從給出的選項中選擇。</translation>
    </message>
    <message>
        <source>There is no such tier.</source>
        <translation>沒有這個級別。</translation>
    </message>
    <message>
        <source>A person cannot report to someone who reports to them.</source>
        <translation>一個人不能向自己的下屬匯報。</translation>
    </message>
    <message>
        <source>The follow-up date is before the interaction.</source>
        <translation>跟進日期早於這次往來。</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>這不是一個日期。</translation>
    </message>
    <message>
        <source>This day does not exist in that month.</source>
        <translation>這個月沒有這一天。</translation>
    </message>
    <message>
        <source>The month must be between 1 and 12.</source>
        <translation>月份必須在 1 到 12 之間。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>這個日期還沒到。</translation>
    </message>
    <message>
        <source>The book is damaged: part of it can no longer be read, and nothing more is written to it. Open Tools → Restore… to recover it from the company server or a backup.</source>
        <translation>客戶簿已損壞：其中一部分已無法讀取，之後不會再寫入它。請開啟「工具 → 還原…」，從公司伺服器或備份復原。</translation>
    </message>
    <message>
        <source>The book is busy: another crmdesk is writing to it. Try again in a moment.</source>
        <translation>客戶簿正忙：另一個 crmdesk 正在寫入。請稍後再試。</translation>
    </message>
    <message>
        <source>This date is outside the supported span.</source>
        <translation>日期超出支援的範圍。</translation>
    </message>
    <message>
        <source>Only a lunar date can be in a leap month.</source>
        <translation>只有農曆日期才能在閏月。</translation>
    </message>
    <message>
        <source>That lunar year has no such leap month.</source>
        <translation>該農曆年沒有這個閏月。</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
        <source>This is not a time of day.</source>
        <translation>這不是有效的時間。</translation>
    </message>
    <message>
        <source>This person already received this gift: choose another one.</source>
        <translation>此人已收到過這份禮物，請另選一份。</translation>
    </message>
    <message>
        <source>The year must be between 1900 and 2099.</source>
        <translation>年份必須在 1900 至 2099 之間。</translation>
    </message>
    <message>
        <source>Type the year as digits, e.g. 2027.</source>
        <translation>請用數字輸入年份，例如 2027。</translation>
    </message>
    <message>
        <source>This is not a date and time: write e.g. 2026-11-20 19:00.</source>
        <translation>這不是有效的日期時間：請寫成例如 2026-11-20 19:00。</translation>
    </message>
    <message>
        <source>This time does not exist: hours 0–23, minutes 0–59.</source>
        <translation>該時間不存在：小時 0–23，分鐘 0–59。</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this book. Check it and try again.</source>
        <translation>密碼短語錯誤：無法開啟這個客戶簿。請檢查後重試。</translation>
    </message>
    <message>
        <source>This record no longer exists (it may have been deleted).</source>
        <translation>這條記錄已不存在（可能已被刪除）。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>發生錯誤：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>匯出內容：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>A manager&apos;s book holds the team&apos;s records: the export includes each record&apos;s owner.</source>
        <translation>經理的客戶簿包含團隊的記錄：匯出內容包括每條記錄的負責人。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>匯出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation>已匯出 %1 條記錄到 %2。</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <source>Add a family member</source>
        <translation>新增家人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>關係(&amp;R)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
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
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>vCard files from phones and address books, CSV or Excel sheets.</source>
        <translation>手機和通訊錄匯出的 vCard 檔案、CSV 或 Excel 表格。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>From the file name</source>
        <translation>根據檔名</translation>
    </message>
    <message>
        <source>the first sheet</source>
        <translation>第一個工作表</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are read as this region&apos;s</source>
        <translation>不帶國家程式碼的電話號碼按此地區解讀</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
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
        <translation>文字編碼：</translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation>電話地區：</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>匯入聯絡人</translation>
    </message>
    <message>
        <source>Contact files (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>聯絡人檔案 (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在讀取檔案…</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Your book is empty</source>
        <translation>你的客戶簿還是空的</translation>
    </message>
    <message>
        <source>Three ways to start:</source>
        <translation>三種開始方式：</translation>
    </message>
    <message>
        <source>Import your phone&apos;s contacts…</source>
        <translation>匯入手機通訊錄…</translation>
    </message>
    <message>
        <source>A vCard (.vcf) exported from a phone or address book, or a CSV/Excel list.</source>
        <translation>從手機或通訊錄匯出的 vCard (.vcf) 檔案，或 CSV/Excel 名單。</translation>
    </message>
    <message>
        <source>Add your first contact…</source>
        <translation>新增第一位聯絡人…</translation>
    </message>
    <message>
        <source>Name, company, phone: the rest can come later.</source>
        <translation>姓名、公司、電話即可，其餘以後再補。</translation>
    </message>
    <message>
        <source>Try a sample book</source>
        <translation>開啟範例客戶簿試用</translation>
    </message>
    <message>
        <source>Opens a separate book with sample customers in a new window; your own book stays empty.</source>
        <translation>在新視窗中開啟一本含範例客戶的獨立客戶簿；你自己的客戶簿保持不變。</translation>
    </message>
    <message>
        <source>Making the sample book…</source>
        <translation>正在產生範例客戶簿…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Add a follow-up</source>
        <translation>新增跟進</translation>
    </message>
    <message>
        <source>e.g. send the quote</source>
        <translation>例如：寄送報價</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>事項(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟進</translation>
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
        <translation>肉類</translation>
    </message>
    <message>
        <source>pork</source>
        <translation>豬肉</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>水果</translation>
    </message>
    <message>
        <source>tobacco</source>
        <translation>菸草</translation>
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
        <translation>服飾</translation>
    </message>
    <message>
        <source>book</source>
        <translation>書籍</translation>
    </message>
    <message>
        <source>A gift needs a name.</source>
        <translation>禮品需要名稱。</translation>
    </message>
    <message>
        <source>A gift&apos;s price must be more than zero.</source>
        <translation>禮品價格必須大於零。</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>價格不能為負數。</translation>
    </message>
    <message>
        <source>This is not an amount; write e.g. 300, 300.50 or ¥1,200.</source>
        <translation>這不是金額；請寫成 300、300.50 或 ¥1,200 這樣。</translation>
    </message>
    <message>
        <source>Too many decimal places for a price.</source>
        <translation>價格的小數位太多。</translation>
    </message>
    <message>
        <source>This price is larger than crmdesk accepts.</source>
        <translation>價格超出 crmdesk 可接受的範圍。</translation>
    </message>
    <message>
        <source>This name is too long.</source>
        <translation>名稱太長。</translation>
    </message>
    <message>
        <source>Custom forbids this as a gift (a clock, an umbrella, a pear, a blade…).</source>
        <translation>依習俗不能送這種禮品（鐘、傘、梨、刀剪……）。</translation>
    </message>
    <message>
        <source>A campaign names this gift: it cannot be removed. Untick “Suggested” to retire it.</source>
        <translation>已有計畫用到這件禮品，不能刪除。取消勾選「推薦」即可停用。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任何節日</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>For</source>
        <translation>適用節日</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>推薦</translation>
    </message>
    <message>
        <source>In campaigns</source>
        <translation>計畫中</translation>
    </message>
</context>
<context>
    <name>GiftCatalogueDialog</name>
    <message>
        <source>Gift catalogue</source>
        <translation>禮品目錄</translation>
    </message>
    <message>
        <source>e.g. 300 or ¥300.50</source>
        <translation>例如 300 或 ¥300.50</translation>
    </message>
    <message>
        <source>Any occasion</source>
        <translation>任何節日</translation>
    </message>
    <message>
        <source>Suggested in new campaigns</source>
        <translation>在新計畫中推薦</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>價格：</translation>
    </message>
    <message>
        <source>What it is:</source>
        <translation>類別：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>適用節日：</translation>
    </message>
    <message>
        <source>&amp;New gift</source>
        <translation>新禮品(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>刪除(&amp;R)</translation>
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
            <numerusform>用於 %n 個計畫項目：可以停用，不能刪除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已刪除 %1。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over a rep&apos;s accounts</source>
        <translation>代表離職交接</translation>
    </message>
    <message>
        <source>&amp;All accounts to this person</source>
        <translation>全部客戶交給此人(&amp;A)</translation>
    </message>
    <message>
        <source>Who is leaving:</source>
        <translation>離職人員：</translation>
    </message>
    <message>
        <source>Everything else to:</source>
        <translation>其餘全部交給：</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>Revoke the leaver&apos;s devices (their books are wiped)</source>
        <translation>吊銷離職人員的裝置（其客戶簿將被清除）</translation>
    </message>
    <message>
        <source>Deactivate the leaver&apos;s user</source>
        <translation>停用離職人員的賬號</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>正在載入團隊…</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation>交接(&amp;H)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>%1 (%2 accounts)</source>
        <translation>%1（%2 個客戶）</translation>
    </message>
    <message>
        <source>There is nobody on your team to hand over.</source>
        <translation>你的團隊中沒有可交接的人。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
    <message>
        <source>(with everything else)</source>
        <translation>（連同其餘全部）</translation>
    </message>
    <message>
        <source>This book holds no accounts of theirs; everything they own goes to one successor.</source>
        <translation>此客戶簿中沒有此人的客戶；此人名下的一切交給同一位接手人。</translation>
    </message>
    <message>
        <source>Choose who receives everything else first.</source>
        <translation>請先選擇其餘全部的接手人。</translation>
    </message>
    <message>
        <source>Choose who is leaving.</source>
        <translation>請選擇離職人員。</translation>
    </message>
    <message>
        <source>Choose who receives everything else (records on no account, and accounts not given a successor).</source>
        <translation>請選擇其餘全部的接手人（不屬於任何客戶的記錄，以及未指定接手人的客戶）。</translation>
    </message>
    <message>
        <source>All of %1&apos;s accounts, contacts, interactions, preferences, dates, follow-ups and opportunities pass to their successors:</source>
        <translation>%1 的全部客戶、聯絡人、拜訪、偏好、日期、跟進和商機都將交給接手人：</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s) and everything else</source>
        <translation>
            <numerusform>%1：%n 個客戶及其餘全部</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s)</source>
        <translation>
            <numerusform>%1：%n 個客戶</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: everything else</source>
        <translation>%1：其餘全部</translation>
    </message>
    <message>
        <source>Stages, follow-ups and who recorded what stay as they are.</source>
        <translation>階段、跟進以及誰記錄了什麼都保持不變。</translation>
    </message>
    <message>
        <source>%1&apos;s devices are revoked and wipe their books.</source>
        <translation>%1 的裝置將被吊銷，並清除其客戶簿。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 將無法再登入。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Hand over %1&apos;s records?</source>
        <translation>交接 %1 的記錄？</translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation>請先解鎖客戶簿。</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>正在交接…</translation>
    </message>
    <message>
        <source>Done: %1 records moved (%2 accounts) — %3. %4 devices revoked.</source>
        <translation>完成：已轉移 %1 條記錄（%2 個客戶）— %3。已吊銷 %4 臺裝置。</translation>
    </message>
    <message>
        <source>The sync afterwards failed (%1); it runs again later.</source>
        <translation>之後的同步失敗（%1）；稍後會再次執行。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>detected</source>
        <translation>自動偵測</translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation>依所選</translation>
    </message>
    <message>
        <source>marked in the file</source>
        <translation>檔案已標明</translation>
    </message>
    <message>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <source>plain ASCII</source>
        <translation>純 ASCII</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>匯入聯絡人</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Follow up the %1 of %2</source>
        <translation>跟進 %2 的%1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Opening your book…</source>
        <translation>正在開啟客戶簿……</translation>
    </message>
    <message>
        <source>The book is locked</source>
        <translation>客戶簿已鎖定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼短語</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解鎖……</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it (and Caps Lock) and try again.</source>
        <translation>密碼短語錯誤。請檢查（包括大寫鎖定鍵）後重試。</translation>
    </message>
    <message>
        <source>Type the book&apos;s passphrase.</source>
        <translation>請輸入客戶簿的密碼短語。</translation>
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
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>客戶維繫</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>團隊</translation>
    </message>
    <message>
        <source>Book: %1</source>
        <translation>客戶簿：%1</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解鎖</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已鎖定</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>處理中……</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Backing up the book…</source>
        <translation>正在備份客戶簿…</translation>
    </message>
    <message>
        <source>The search index was damaged; rebuilding it…</source>
        <translation>搜尋索引已損壞，正在重建…</translation>
    </message>
</context>
<context>
    <name>MaintenanceDialog</name>
    <message>
        <source>Backups and recovery</source>
        <translation>備份與復原</translation>
    </message>
    <message>
        <source>The book %1 is backed up automatically, encrypted with its own key, and each backup is checked after it is written.</source>
        <translation>客戶簿 %1 會自動備份，備份以它自己的金鑰加密，每份備份寫入後都會校驗。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Check the book</source>
        <translation>檢查客戶簿</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>備份時間</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>還原此備份…</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>份日備份</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>份週備份</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>份月備份</translation>
    </message>
    <message>
        <source>MB at most</source>
        <translation>MB 以內</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>修復</translation>
    </message>
    <message>
        <source>If the book is damaged: rebuild it from the company server (an enrolled book) or the newest good backup, with every record the damaged file still holds. The damaged file is kept aside.</source>
        <translation>如果客戶簿損壞：從公司伺服器（已登記的客戶簿）或最新的完好備份重建，並帶上損壞檔案中仍可讀取的每筆記錄。損壞的檔案會另行保留。</translation>
    </message>
    <message>
        <source>Recover the book…</source>
        <translation>修復客戶簿…</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>還沒有備份。</translation>
    </message>
    <message>
        <source>Checking every page…</source>
        <translation>正在檢查每一頁…</translation>
    </message>
    <message numerus="yes">
        <source>The book is sound: %n page(s) checked.</source>
        <translation>
            <numerusform>客戶簿完好：已檢查 %n 頁。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the search index is damaged; it is being rebuilt.</source>
        <translation>只有搜尋索引損壞，正在重建。</translation>
    </message>
    <message numerus="yes">
        <source>The book is damaged (%n page(s)). Recover it: nothing more is written to it.</source>
        <translation>
            <numerusform>客戶簿已損壞（%n 頁）。請修復：之後不會再寫入它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <source>Backed up and checked: %1.</source>
        <translation>已備份並校驗：%1。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>還原此備份？</translation>
    </message>
    <message>
        <source>The book goes back to how it was at %1. Changes made since are not in the backup; the current file is kept aside, not deleted.</source>
        <translation>客戶簿將回到 %1 時的狀態。此後的修改不在備份中；目前的檔案會另行保留，不會刪除。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在還原…</translation>
    </message>
    <message>
        <source>Restored. The file it replaced is kept as %1.</source>
        <translation>已還原。被取代的檔案保留為 %1。</translation>
    </message>
    <message>
        <source>Recover the book?</source>
        <translation>修復客戶簿？</translation>
    </message>
    <message>
        <source>crmdesk rebuilds the book in a new file and keeps the current one aside. This can take a while.</source>
        <translation>crmdesk 會在新檔案中重建客戶簿，並保留目前的檔案。這可能需要一些時間。</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>正在修復…</translation>
    </message>
    <message>
        <source>Recovered; some records could not be saved:</source>
        <translation>已修復；部分記錄無法挽回：</translation>
    </message>
    <message>
        <source>Recovered. Nothing was lost.</source>
        <translation>已修復，沒有遺失任何內容。</translation>
    </message>
</context>
<context>
    <name>ManagerTexts</name>
    <message>
        <source>%1 open complaint(s)</source>
        <translation>%1 條未結投訴</translation>
    </message>
    <message>
        <source>%1 deal(s) lost this year</source>
        <translation>今年丟單 %1 個</translation>
    </message>
    <message>
        <source>never touched</source>
        <translation>從未聯繫</translation>
    </message>
    <message>
        <source>%1 days untouched (cadence %2)</source>
        <translation>%1 天未聯繫（週期 %2 天）</translation>
    </message>
    <message>
        <source>touches fell: %1 against %2 the year before</source>
        <translation>聯繫減少：近一年 %1 次，上一年 %2 次</translation>
    </message>
    <message>
        <source>over %1 days</source>
        <translation>超過 %1 天</translation>
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
        <translation>全部客戶</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 級</translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <source>Retention by:</source>
        <translation>留存統計週期：</translation>
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
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>No account was active in %1, so there is no retention to show yet. An account is active in a period when it had a visit, meal, call or gift, or a won deal.</source>
        <translation>%1 沒有活躍客戶，暫時無法計算留存率。客戶在某期間內有拜訪、宴請、電話或送禮，或有贏單，即視為活躍。</translation>
    </message>
    <message>
        <source>Retention %1 in %2 (%3 of %4 accounts active in %5 still active). At this rate today&apos;s accounts keep %6 after five years.</source>
        <translation>%2 留存率 %1（%5 的 %4 個活躍客戶中仍有 %3 個活躍）。按此留存率，五年後現有客戶還剩 %6。</translation>
    </message>
    <message>
        <source>%1 y: %2</source>
        <translation>%1 年後：%2</translation>
    </message>
    <message>
        <source>%1 key accounts at risk · %2 hang on one person · %3 open complaints</source>
        <translation>%1 個重點客戶有風險 · %2 個只維繫於一人 · %3 條未結投訴</translation>
    </message>
    <message>
        <source>No owner had active accounts in %1: nothing to compare yet.</source>
        <translation>%1 沒有哪位負責人有活躍客戶，暫無可比較的資料。</translation>
    </message>
    <message>
        <source>Retention by owner, %1</source>
        <translation>%1 各負責人留存率</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部客戶</translation>
    </message>
    <message>
        <source>No key account is at risk: none lost touches against last year, passed its cadence, lost a deal this year or has an open complaint.</source>
        <translation>沒有重點客戶處於風險中：沒有客戶聯繫次數比去年減少、超過聯繫週期、今年丟單或有未結投訴。</translation>
    </message>
    <message>
        <source>No key account yet: mark a tier as key to see its decision chains.</source>
        <translation>還沒有重點客戶：將某個級別設為重點級別即可查看其決策鏈。</translation>
    </message>
    <message>
        <source>No account was active in %1 or since.</source>
        <translation>%1 及之後沒有活躍客戶。</translation>
    </message>
    <message>
        <source>No account active in %1 was lost since.</source>
        <translation>%1 的活躍客戶此後沒有流失。</translation>
    </message>
    <message>
        <source>No open complaint.</source>
        <translation>沒有未結投訴。</translation>
    </message>
    <message>
        <source>No complaint has been resolved yet.</source>
        <translation>還沒有已解決的投訴。</translation>
    </message>
    <message>
        <source>No account complained more than once in the last year.</source>
        <translation>近一年沒有客戶投訴超過一次。</translation>
    </message>
    <message>
        <source>At risk (%1)</source>
        <translation>風險客戶（%1）</translation>
    </message>
    <message>
        <source>Decision chains (%1 single-threaded)</source>
        <translation>決策鏈（%1 個單線聯繫）</translation>
    </message>
    <message>
        <source>Lost accounts (%1)</source>
        <translation>流失客戶（%1）</translation>
    </message>
    <message>
        <source>Open complaints (%1)</source>
        <translation>未結投訴（%1）</translation>
    </message>
    <message>
        <source>Complaints by age</source>
        <translation>投訴帳齡</translation>
    </message>
    <message>
        <source>Time to resolution</source>
        <translation>解決用時</translation>
    </message>
    <message>
        <source>Repeated complaints (%1)</source>
        <translation>重複投訴（%1）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>對應各列</translation>
    </message>
    <message>
        <source>Choose which contact field each column of the file goes to.</source>
        <translation>選擇檔案的每一列對應到哪個聯絡人欄位。</translation>
    </message>
    <message>
        <source>Another encoding…</source>
        <translation>換一種編碼…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一個值</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>對應到</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Read as %1 (%2). Check the names below: if they look wrong, choose the file&apos;s encoding.</source>
        <translation>以 %1 讀取（%2）。請檢查下面的姓名：如顯示為亂碼，請選擇檔案的編碼。</translation>
    </message>
    <message>
        <source>Cards that name their own charset: %1.</source>
        <translation>自帶字元集的名片：%1。</translation>
    </message>
    <message>
        <source>Reading the file as %1…</source>
        <translation>正在以 %1 讀取檔案…</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 duplicates, %4 rejected, %5 values kept in the notes</source>
        <translation>共 %1 列：%2 個新聯絡人，%3 個重複，%4 列被拒絕，%5 個值保留在備註中</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在檢查各行…</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>This amount is too large: at most %1.</source>
        <translation>金額過大：最多 %1。</translation>
    </message>
    <message>
        <source>This amount has too many decimal places: at most %1.</source>
        <translation>金額的小數位過多：最多 %1 位。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Add an opportunity</source>
        <translation>新增商機</translation>
    </message>
    <message>
        <source>e.g. 1,200,000 or 50,000 USD</source>
        <translation>例如 1,200,000 或 50,000 USD</translation>
    </message>
    <message>
        <source>Expected to close on</source>
        <translation>預計成交日期</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名稱(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>階段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金額(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商機</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>lunar leap month %1, day %2</source>
        <translation>農曆閏%1月%2日</translation>
    </message>
    <message>
        <source>lunar month %1, day %2</source>
        <translation>農曆%1月%2日</translation>
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
        <translation>新增……</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation>決策角色</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>直屬主管</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍貫</translation>
    </message>
    <message>
        <source>School</source>
        <translation>畢業學校</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
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
        <translation>滿 %1 歲</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>滿 %1 年</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>結果：%1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>費用：%1</translation>
    </message>
    <message>
        <source>Gift: %1</source>
        <translation>禮品：%1</translation>
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
        <translation>待跟進事項</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往來記錄</translation>
    </message>
    <message>
        <source>Gifts given</source>
        <translation>送過的禮品</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>never touched</source>
        <translation>從未聯絡</translation>
    </message>
    <message>
        <source>untouched %n day(s)</source>
        <translation>%n 天未聯繫</translation>
    </message>
    <message>
        <source>Open complaints: raise them first</source>
        <translation>未結投訴：見面先談這些</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>應用領域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>郵遞區號</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>銀行帳號</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款條件</translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation>稅務規則</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>信用記錄</translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation>銷售限額</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送貨地址</translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation>發票地址</translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation>佣金代碼</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Master file</source>
        <translation>客戶主檔案</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>客戶洞察</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>組織結構</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商機</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未解決的投訴</translation>
    </message>
    <message>
        <source>Brief of %1</source>
        <translation>%1 生成的簡報</translation>
    </message>
    <message>
        <source>Nothing in the next %n day(s); the next one:</source>
        <translation>未來 %n 天內沒有重要日子；下一個是：</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>人物概況</translation>
    </message>
    <message>
        <source>Preferences and taboos</source>
        <translation>喜好與禁忌</translation>
    </message>
    <message>
        <source>Coming dates</source>
        <translation>近期重要日子</translation>
    </message>
    <message>
        <source>Recent interactions</source>
        <translation>最近往來</translation>
    </message>
    <message>
        <source>No gift given yet.</source>
        <translation>還沒有送過禮品。</translation>
    </message>
    <message>
        <source>Gifts already given</source>
        <translation>已送過的禮品</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 級</translation>
    </message>
    <message>
        <source>Who is who</source>
        <translation>人物關係</translation>
    </message>
    <message>
        <source>Never give the same gift twice.</source>
        <translation>同樣的禮品不要送兩次。</translation>
    </message>
</context>
<context>
    <name>PastDueQuestion</name>
    <message>
        <source>Follow-up in the past</source>
        <translation>跟進日期已過</translation>
    </message>
    <message numerus="yes">
        <source>This follow-up is due in the past (%n day(s) ago). Save anyway?</source>
        <translation>
            <numerusform>此跟進的到期日已過（%n 天前）。仍要儲存嗎？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerNotifier</name>
    <message>
        <source>Buy a gift for %1 (%2)</source>
        <translation>為 %1 備禮（%2）</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>跟進：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n relationship(s) past their contact cadence</source>
        <translation>
            <numerusform>%n 個聯絡對象已超出聯絡週期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>……另有 %n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: %n occasion(s) to greet</source>
        <translation>
            <numerusform>今天有 %n 個問候提醒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerSettingsDialog</name>
    <message>
        <source>Planner settings</source>
        <translation>客戶維繫設定</translation>
    </message>
    <message>
        <source>29 February</source>
        <translation>2月29日</translation>
    </message>
    <message>
        <source>Leap months</source>
        <translation>閏月</translation>
    </message>
    <message>
        <source>Lunar day 30</source>
        <translation>農曆三十</translation>
    </message>
    <message>
        <source>Buy gifts (days ahead)</source>
        <translation>提前備禮（天）</translation>
    </message>
    <message>
        <source>Dormant after (days)</source>
        <translation>未聯絡多少天算休眠</translation>
    </message>
    <message>
        <source>Daily reminder at</source>
        <translation>每日提醒時間</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Contact tier %1 every</source>
        <translation>級別 %1 聯絡週期</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>節日</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>節日</translation>
    </message>
    <message>
        <source>Tiers: &quot;all&quot;, &quot;none&quot;, or codes such as S, A.</source>
        <translation>級別：填“全部”、“無”，或級別代碼，如 S, A。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>PlannerTexts</name>
    <message>
        <source>Follow-up</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>喚醒問候</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>紀念日</translation>
    </message>
    <message>
        <source>Important date</source>
        <translation>重要日子</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>節日</translation>
    </message>
    <message>
        <source>Neglected</source>
        <translation>超期未聯絡</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1月%2日</translation>
    </message>
    <message>
        <source>lunar leap %1/%2</source>
        <translation>農曆閏%1月%2日</translation>
    </message>
    <message>
        <source>lunar %1/%2</source>
        <translation>農曆%1月%2日</translation>
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
        <translation>滿 %1 歲</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>滿 %n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>moved: %1 does not occur this year</source>
        <translation>已調整：今年沒有%1</translation>
    </message>
    <message numerus="yes">
        <source>no contact for %n day(s): send a “we miss you” greeting</source>
        <translation>
            <numerusform>已 %n 天未聯絡：送上一句“好久不見”的問候</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Greet %n contact(s)</source>
        <translation>
            <numerusform>問候 %n 位聯絡人</numerusform>
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
            <numerusform>已 %n 天未聯絡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the cadence is %n day(s)</source>
        <translation>
            <numerusform>聯絡週期為 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>all tiers</source>
        <translation>全部級別</translation>
    </message>
    <message>
        <source>off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>29 February → 28 February in common years</source>
        <translation>2月29日 → 平年改為2月28日</translation>
    </message>
    <message>
        <source>29 February → 1 March in common years</source>
        <translation>2月29日 → 平年改為3月1日</translation>
    </message>
    <message>
        <source>Leap-month date → the ordinary month in years without it</source>
        <translation>閏月日期 → 無該閏月的年份按同月</translation>
    </message>
    <message>
        <source>Leap-month date → skipped in years without it</source>
        <translation>閏月日期 → 無該閏月的年份跳過</translation>
    </message>
    <message>
        <source>Lunar day 30 → day 29 in 29-day months</source>
        <translation>農曆三十 → 小月改為二十九</translation>
    </message>
    <message>
        <source>Lunar day 30 → skipped in 29-day months</source>
        <translation>農曆三十 → 小月跳過</translation>
    </message>
    <message numerus="yes">
        <source>buy gifts %n day(s) ahead</source>
        <translation>
            <numerusform>提前 %n 天備禮</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dormant after %n day(s)</source>
        <translation>
            <numerusform>%n 天未聯絡算休眠</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Loading the plan…</source>
        <translation>正在載入計畫……</translation>
    </message>
    <message>
        <source>Next days:</source>
        <translation>未來天數：</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成……</translation>
    </message>
    <message>
        <source>Log the greeting or gift for the selected item, with its cost</source>
        <translation>為所選事項記錄問候或禮品及其費用</translation>
    </message>
    <message>
        <source>Log each selected item as done, with its suggested cost</source>
        <translation>將所選各項記為完成，並記入建議費用</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定……</translation>
    </message>
    <message>
        <source>Show only these (several may be chosen)</source>
        <translation>只顯示這些（可多選）</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 級</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored date(s) could not be read and are left out</source>
        <translation>
            <numerusform>有 %n 個已存日期無法讀取，已略過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n done</source>
        <translation>
            <numerusform>%n 項標為完成</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark selected done</source>
        <translation>所選項標為完成</translation>
    </message>
    <message>
        <source>Start a campaign for %1 %2…</source>
        <translation>為 %1 %2 發起禮品計畫…</translation>
    </message>
    <message>
        <source>Start a campaign…</source>
        <translation>發起禮品計畫…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部負責人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部標籤</translation>
    </message>
</context>
<context>
    <name>PreferenceDialog</name>
    <message>
        <source>Add a preference</source>
        <translation>新增喜好</translation>
    </message>
    <message>
        <source>Learned on</source>
        <translation>得知日期</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>類別(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>內容(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>備註(&amp;N)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>前往聯絡人或客戶</translation>
    </message>
    <message>
        <source>Name, pinyin, initials, phone digits, company…  (Enter opens)</source>
        <translation>姓名、拼音、首字母、電話號碼、公司…（按 Enter 開啟）</translation>
    </message>
    <message>
        <source>Characters, pinyin or initials: 曾国梁, guoliang, zgl</source>
        <translation>漢字、拼音或首字母：曾國梁、guoliang、zgl</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>找不到。</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) shown</source>
        <translation>
            <numerusform>顯示 %n 筆結果</numerusform>
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
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Deleted %1. Undo with Ctrl+Z.</source>
        <translation>已刪除 %1。按 Ctrl+Z 復原。</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>已恢復 %1</translation>
    </message>
    <message>
        <source>Visit logged</source>
        <translation>拜訪已記錄</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>All tiers</source>
        <translation>全部級別</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部標籤</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部負責人</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 條記錄</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <source>Rows with problems</source>
        <translation>有問題的列</translation>
    </message>
    <message>
        <source>Each row is numbered as in the file. A row without a name is not imported; any other bad value is kept as written in the contact&apos;s notes.</source>
        <translation>列號與檔案中一致。沒有姓名的列不會匯入；其他有誤的值依原樣保留在聯絡人的備註中。</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>儲存錯誤報告…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不匯入</translation>
    </message>
    <message>
        <source>Imported; value in the notes</source>
        <translation>已匯入；該值在備註中</translation>
    </message>
    <message>
        <source>Ready: %1 new contacts, %2 merges; %3 rows rejected; %4 values kept in the notes.</source>
        <translation>就緒：%1 個新聯絡人，%2 個合併；%3 列被拒絕；%4 個值保留在備註中。</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>儲存錯誤報告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>沒有可匯入的內容。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>Lock after idle minutes (0: never)</source>
        <translation>閒置多少分鐘後鎖定（0：從不）</translation>
    </message>
    <message>
        <source>Your name (recorded on visits)</source>
        <translation>你的姓名（記在拜訪記錄上）</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>預設幣別</translation>
    </message>
    <message>
        <source>Interactions shown in a brief</source>
        <translation>簡報中顯示的往來條數</translation>
    </message>
    <message>
        <source>Days ahead for coming dates</source>
        <translation>提前提醒的天數</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
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
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>SpendPage</name>
    <message>
        <source>All reps</source>
        <translation>全部銷售代表</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>銷售代表</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>匯出到 Excel…</translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation>匯出表格到 CSV…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>No spend logged by this rep in these months.</source>
        <translation>這位銷售代表在這幾個月沒有記錄費用。</translation>
    </message>
    <message>
        <source>No cost or gift logged in these months.</source>
        <translation>這幾個月沒有記錄費用或禮品。</translation>
    </message>
    <message>
        <source>Nothing to flag: no gift bought twice on one day, no tier or rep over budget, no cost without an attendee.</source>
        <translation>沒有需要標記的情況：沒有同一天重複購買的禮品，沒有超預算的級別或銷售代表，沒有無參與人的費用。</translation>
    </message>
    <message>
        <source>By account</source>
        <translation>按客戶</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按級別</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按銷售代表</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Flags (%1)</source>
        <translation>異常（%1）</translation>
    </message>
    <message>
        <source>No interactions or gifts in these months. Spend shows here once visits, meals and gifts are logged with their cost.</source>
        <translation>這些月份沒有拜訪或禮品。記錄拜訪、宴請和禮品的費用後，開支會顯示在這裡。</translation>
    </message>
    <message>
        <source>The top %1% of accounts (%2 of %3) took %4% of interactions and %5% of spend (%6). Rule of thumb: key accounts, about %1%, get about %7% of the effort.</source>
        <translation>前 %1% 的客戶（%3 箇中的 %2 個）佔了 %4% 的拜訪和 %5% 的開支（%6）。經驗法則：約 %1% 的重點客戶獲得約 %7% 的投入。</translation>
    </message>
    <message>
        <source>No interactions in these months: no effort to show.</source>
        <translation>這些月份沒有拜訪：無投入可顯示。</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <source>Spend (%1)</source>
        <translation>開支（%1）</translation>
    </message>
    <message>
        <source>Rule of thumb 10/60</source>
        <translation>經驗法則 10/60</translation>
    </message>
    <message>
        <source>Effort distribution</source>
        <translation>投入分佈</translation>
    </message>
    <message>
        <source>Accounts, most effort first</source>
        <translation>客戶（投入最多的在前）</translation>
    </message>
    <message>
        <source>Share of the total</source>
        <translation>佔總數的比例</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <source>The book is updated; its lists show the imported contacts.</source>
        <translation>客戶簿已更新；列表中可以看到匯入的聯絡人。</translation>
    </message>
    <message>
        <source>%1 contacts created, %2 merged, %3 skipped, %4 rejected. %5 new accounts.</source>
        <translation>已建立 %1 個聯絡人，合併 %2 個，跳過 %3 個，拒絕 %4 行。新增 %5 個客戶。</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The CA file cannot be read.</source>
        <translation>無法讀取 CA 憑證檔案。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: choose the CA file your administrator gave you.</source>
        <translation>伺服器的憑證不受信任：請選擇管理員提供的 CA 憑證檔案。</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address and the network.</source>
        <translation>無法連線到伺服器：請檢查位址和網路。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>使用者名稱或密碼錯誤。</translation>
    </message>
    <message>
        <source>This device is no longer signed in: enrol it again.</source>
        <translation>此裝置已不再登入：請重新登記。</translation>
    </message>
    <message>
        <source>This book is not enrolled with a server.</source>
        <translation>此資料簿尚未登記到伺服器。</translation>
    </message>
    <message>
        <source>The server needs a newer version of crmdesk.</source>
        <translation>伺服器需要較新版本的 crmdesk。</translation>
    </message>
    <message>
        <source>This device was revoked by your company; its local book was removed.</source>
        <translation>此裝置已被公司吊銷；本地客戶簿已刪除。</translation>
    </message>
    <message>
        <source>Your account may not do this (managers and admins only).</source>
        <translation>你的賬號無權執行此操作（僅限經理和管理員）。</translation>
    </message>
    <message>
        <source>Some records would be left without a successor: choose who receives everything else.</source>
        <translation>有些記錄將沒有接手人：請選擇其餘全部的接手人。</translation>
    </message>
    <message>
        <source>A successor is unknown to the server or no longer active.</source>
        <translation>伺服器不認識某位接手人，或其賬號已停用。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失敗：%1</translation>
    </message>
    <message>
        <source>Sync: not enrolled</source>
        <translation>同步：未登記</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>從未同步</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>已於 %1 同步</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 項待同步</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 個衝突</translation>
    </message>
    <message>
        <source>%1 set aside</source>
        <translation>%1 筆已擱置</translation>
    </message>
    <message>
        <source>Records from the server this book could not take, set aside (%1):</source>
        <translation>本客戶簿無法接收、已擱置的伺服器記錄（%1）：</translation>
    </message>
    <message>
        <source>sync error</source>
        <translation>同步出錯</translation>
    </message>
    <message>
        <source>Server: %1 (as %2)</source>
        <translation>伺服器：%1（使用者 %2）</translation>
    </message>
    <message>
        <source>Opens without the server until %1</source>
        <translation>在 %1 之前無需伺服器即可開啟</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次錯誤：%1</translation>
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
        <translation>本裝置上還沒有禮品計畫。</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s); budget: each person&apos;s tier budget for one gift.</source>
        <translation>
            <numerusform>%n 個計畫；預算：每人按其級別的單份禮品預算計。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over budget (in red).</source>
        <translation>
            <numerusform>%n 個超出預算（紅色）。</numerusform>
        </translation>
    </message>
    <message>
        <source>More is committed than the budget</source>
        <translation>已定花費超出預算</translation>
    </message>
</context>
<context>
    <name>TeamColumns</name>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>級別</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>風險分</translation>
    </message>
    <message>
        <source>Contacts touched</source>
        <translation>已聯繫人數</translation>
    </message>
    <message>
        <source>Roles touched</source>
        <translation>已聯繫的角色</translation>
    </message>
    <message>
        <source>Roles not touched</source>
        <translation>未聯繫的角色</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分組</translation>
    </message>
    <message>
        <source>Active before</source>
        <translation>上期活躍</translation>
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
        <translation>本期活躍</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Last touched by</source>
        <translation>最後聯繫人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>已開天數</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投訴</translation>
    </message>
    <message>
        <source>Open for</source>
        <translation>已開時長</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投訴數</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天數</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均天數</translation>
    </message>
    <message>
        <source>Longest days</source>
        <translation>最長天數</translation>
    </message>
    <message>
        <source>Complaints this year</source>
        <translation>近一年投訴</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>仍未結</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>已過天數</translation>
    </message>
    <message>
        <source>Cadence (days)</source>
        <translation>週期（天）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天數</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>場合</translation>
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
        <translation>幣種</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>銷售代表</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>銷售代表</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>無客戶</translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation>記錄編號</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>By account</source>
        <translation>按客戶</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按級別</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按銷售代表</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>異常</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team and devices</source>
        <translation>團隊與裝置</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最後線上</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>正在載入團隊…</translation>
    </message>
    <message>
        <source>&amp;Revoke device…</source>
        <translation>吊銷裝置(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新載入(&amp;L)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊銷</translation>
    </message>
    <message>
        <source>user inactive</source>
        <translation>使用者已停用</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>無裝置</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1 people, %2 devices.</source>
        <translation>%1 人，%2 臺裝置。</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>銷售代表</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>吊銷裝置</translation>
    </message>
    <message>
        <source>Revoke %1&apos;s device “%2”?</source>
        <translation>吊銷 %1 的裝置“%2”？</translation>
    </message>
    <message>
        <source>At its next contact with the server it deletes its local book and key. Edits it still sends are kept for review, not applied.</source>
        <translation>它下次連線伺服器時會刪除本地客戶簿和金鑰。它之後發來的修改會留待稽核，不會應用。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊銷</translation>
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
        <translation>無級別</translation>
    </message>
    <message>
        <source>Same gift bought twice on one day</source>
        <translation>同一天買了兩次相同的禮品</translation>
    </message>
    <message>
        <source>Tier over its monthly budget</source>
        <translation>級別超出月度預算</translation>
    </message>
    <message>
        <source>Rep over the monthly budget of their accounts</source>
        <translation>銷售代表超出其客戶的月度預算</translation>
    </message>
    <message>
        <source>A cost with no attendee</source>
        <translation>有費用但沒有參與人</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>拜訪</translation>
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
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Export spend</source>
        <translation>匯出開支</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>開支</translation>
    </message>
    <message>
        <source>Retention and risk</source>
        <translation>留存與風險</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已匯出到 %1</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Strategic</source>
        <translation>戰略</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>夥伴</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重點</translation>
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
        <translation>檢查客戶簿(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>還原(&amp;R)…</translation>
    </message>
    <message>
        <source>Backed up and checked at %1</source>
        <translation>已於 %1 備份並校驗</translation>
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
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>郵箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>職位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation>籍貫</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>名片</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳過</translation>
    </message>
    <message>
        <source>Import as new</source>
        <translation>作為新聯絡人匯入</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>姓名和電話相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>郵箱相同</translation>
    </message>
    <message>
        <source>Pause or wait digits: the number is stored, the dial string kept in the notes.</source>
        <translation>含暫停或等待位：號碼已儲存，完整撥號串保留在備註中。</translation>
    </message>
    <message>
        <source>Not a valid number for the region: stored as written.</source>
        <translation>不是該地區的有效號碼：依原樣儲存。</translation>
    </message>
    <message>
        <source>This value cannot be read in its character set.</source>
        <translation>此值無法依其字元集讀取。</translation>
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
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客戶</translation>
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
        <translation>記錄拜訪</translation>
    </message>
    <message>
        <source>e.g. 800, ¥1,200 or 50 USD</source>
        <translation>如 800、¥1,200 或 50 USD</translation>
    </message>
    <message>
        <source>value</source>
        <translation>價值</translation>
    </message>
    <message>
        <source>what was given (to the first attendee)</source>
        <translation>送了什麼（給第一位參加人）</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>跟進日期</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>紀要(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>參加人(&amp;W)</translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation>時間(&amp;N)</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>地點(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>方式(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>費用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Gift</source>
        <translation>禮品(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>結果(&amp;O)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation>按 Ctrl+Enter 儲存。</translation>
    </message>
    <message>
        <source>Choose who you met.</source>
        <translation>請選擇見了誰。</translation>
    </message>
    <message>
        <source>Say what the gift was.</source>
        <translation>請寫明送的是什麼禮品。</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Existing</source>
        <translation>現有客戶</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標客戶</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潛在客戶</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠客戶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>宴請</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>禮品</translation>
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
        <translation>活動</translation>
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
        <translation>國有企業</translation>
    </message>
    <message>
        <source>Large contractor</source>
        <translation>大型承包商</translation>
    </message>
    <message>
        <source>Private end user</source>
        <translation>民營終端用戶</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>紀念日</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>決策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影響者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Technical evaluator</source>
        <translation>技術評估者</translation>
    </message>
    <message>
        <source>Coach (inside supporter)</source>
        <translation>教練（內部支持者）</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>把關者</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>父親</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>母親</translation>
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
        <translation>兒子</translation>
    </message>
    <message>
        <source>Daughter</source>
        <translation>女兒</translation>
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
        <translation>拜訪</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>問候</translation>
    </message>
    <message>
        <source>Site tour</source>
        <translation>參觀考察</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>贏單</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丟單</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>鑑別商機</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>資質判定</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>制定方案</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>銷售結果</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>飲食</translation>
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
        <translation>菸</translation>
    </message>
    <message>
        <source>Hobby</source>
        <translation>愛好</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>運動</translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation>服裝</translation>
    </message>
    <message>
        <source>Shoe size</source>
        <translation>鞋碼</translation>
    </message>
    <message>
        <source>Seating</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Dietary taboo</source>
        <translation>飲食禁忌</translation>
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
        <translation>歡迎使用 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk keeps your accounts, contacts and visits in an encrypted book on this computer. Nobody can read it without its key.</source>
        <translation>crmdesk 把你的客戶、聯絡人和拜訪記錄儲存在這台電腦上一個加密的客戶簿裡。沒有密鑰，誰也讀不了。</translation>
    </message>
    <message>
        <source>Your book will be created at: %1</source>
        <translation>客戶簿將建立在：%1</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keyring (no typing to unlock)</source>
        <translation>把密鑰存在這台電腦的系統鑰匙圈裡（解鎖無需輸入）</translation>
    </message>
    <message>
        <source>Protect the book with a passphrase</source>
        <translation>用密碼短語保護客戶簿</translation>
    </message>
    <message>
        <source>Looking for a keyring…</source>
        <translation>正在尋找系統鑰匙圈……</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>密碼短語(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>再輸一次(&amp;R)</translation>
    </message>
    <message>
        <source>Write the passphrase down somewhere safe: without it the book cannot be opened, by you or anyone.</source>
        <translation>請把密碼短語記在安全的地方：沒有它，任何人（包括你自己）都無法開啟客戶簿。</translation>
    </message>
    <message>
        <source>&amp;Create my book</source>
        <translation>建立我的客戶簿(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>A keyring is available on this computer.</source>
        <translation>這台電腦有可用的系統鑰匙圈。</translation>
    </message>
    <message>
        <source>No usable keyring was found on this computer, so the book is protected with a passphrase.</source>
        <translation>這台電腦上沒有可用的系統鑰匙圈，因此客戶簿將用密碼短語保護。</translation>
    </message>
    <message>
        <source>Creating your book…</source>
        <translation>正在建立客戶簿……</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>密碼短語至少需要 %n 個字元。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>兩次輸入的密碼短語不一致。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>New &amp;contact</source>
        <translation>新增聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;account</source>
        <translation>新增客戶(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>復原刪除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Log a visit</source>
        <translation>記錄拜訪(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation>拜訪簡報(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>尋找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>前往(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>客戶(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Planner</source>
        <translation>客戶維繫(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>團隊(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>鎖定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation>登記(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>衝突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>匯入聯絡人(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>記錄(&amp;R)</translation>
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
        <translation>無客戶</translation>
    </message>
</context>
</TS>
