<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 500,000 or 50,000 USD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Search accounts: name, pinyin, code, phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue (oldest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s)</source>
        <translation>
            <numerusform>%1 — %n item</numerusform>
            <numerusform>%1 — %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>Type a name, pinyin or initials to add someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookGuard</name>
    <message>
        <source>The book cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed on %1: it has not synced with your company&apos;s server for too long, so it cannot be opened without the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This book&apos;s lease lapsed, so it cannot be opened without the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the company network (or VPN) and open the book again: one sync renews the lease.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its key and its sign-in were removed too. Ask your administrator if this is a mistake; you can start a new book now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book&apos;s lease lapsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This book was removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Brief: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 visit brief %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export brief as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDoneDialog</name>
    <message numerus="yes">
        <source>Mark %n item(s) done</source>
        <translation>
            <numerusform>Mark %n item done</numerusform>
            <numerusform>Mark %n items done</numerusform>
        </translation>
    </message>
    <message>
        <source>Each is logged as its own interaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log each with its tier&apos;s suggested budget as the cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was logged. %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Campaigns</name>
    <message>
        <source>to buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thanked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches these tiers: nobody to greet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a gift before marking it sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift is thanked for only after it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who the greetings are from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopping list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsAction</name>
    <message>
        <source>Festival &amp;campaigns…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Festival campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. S, A (empty: every tier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reps, e.g. liu (empty: everyone&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name and company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Festival:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gift catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a campaign, or choose one on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 — buy by %3, send by %4. To buy %5, bought %6, sent %7, thanked %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopping list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the festival, tiers and owners, then make the campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people to greet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting copied: paste it into WeChat, SMS or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gift(s) logged as sent; items sent before were not logged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsTeam</name>
    <message>
        <source>Campaign / rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyActions</name>
    <message>
        <source>&amp;Team and devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand over a rep&apos;s accounts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Losing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore losing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the account&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several: separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hometown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts: name, pinyin, initials, phone, company…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Occasions in the next days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account is in a key tier (%1), so none can be neglected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key account was touched within its tier&apos;s cadence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open follow-up is past its due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier is marked key, so no occasion is listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No birthday, anniversary or festival of a key relationship in the next %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neglected key accounts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue follow-ups (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming occasions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet. Once the team&apos;s books are synced, their accounts show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accounts · key tiers: %2 · %3 of %4 key accounts touched within their cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts by tier and owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key accounts: no account is in a key tier (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key accounts touched within their cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadence target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opportunities in the pipeline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (%1, millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (%1, thousands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Add an important date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap month (闰月)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist: month %1 has at most %2 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist: a lunar month has at most 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist: leap lunar month %2 of %1 has %3 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist: lunar month %2 of %1 has %3 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>This day does not exist: month %2 of %1 has %3 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Choose a contact or an account to see everything about them here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a gift they already received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They were already given this gift: never the same gift twice. Choose another, or allow the repeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick whom you greeted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These rows match a contact in the book or an earlier row of the file. Merging fills empty fields and adds new phones, e-mails and tags; it never overwrites a value the book has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For every duplicate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No duplicates: every good row is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: keeps “%2” (the file has “%3”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” becomes “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: adds “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: merging changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol with a sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the address with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an amount: write e.g. 800, 800.50, ¥1,200 or 50 USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This amount has too many decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This currency is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;$&apos; could be several currencies: write USD, HKD, SGD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This amount is in another currency than the one chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot report to someone who reports to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up date is before the interaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist in that month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month must be between 1 and 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book is damaged: part of it can no longer be read, and nothing more is written to it. Open Tools → Restore… to recover it from the company server or a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book is busy: another crmdesk is writing to it. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is outside the supported span.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a lunar date can be in a leap month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That lunar year has no such leap month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person already received this gift: choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year must be between 1900 and 2099.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the year as digits, e.g. 2027.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a date and time: write e.g. 2026-11-20 19:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time does not exist: hours 0–23, minutes 0–59.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this book. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists (it may have been deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager&apos;s book holds the team&apos;s records: the export includes each record&apos;s owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <source>Add a family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard files from phones and address books, CSV or Excel sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers without a country code are read as this region&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact files (*.vcf *.vcard *.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Your book is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three ways to start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import your phone&apos;s contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vCard (.vcf) exported from a phone or address book, or a CSV/Excel list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, company, phone: the rest can come later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a sample book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a separate book with sample customers in a new window; your own book stays empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the sample book…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Add a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. send the quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GiftCatalogue</name>
    <message>
        <source>tea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alcohol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pork</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fruit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tobacco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stationery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift&apos;s price must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an amount; write e.g. 300, 300.50 or ¥1,200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many decimal places for a price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This price is larger than crmdesk accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom forbids this as a gift (a clock, an umbrella, a pear, a blade…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign names this gift: it cannot be removed. Untick “Suggested” to retire it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In campaigns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GiftCatalogueDialog</name>
    <message>
        <source>Gift catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 300 or ¥300.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any occasion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested in new campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>In %n campaign item(s): it can be retired, not removed.</source>
        <translation>
            <numerusform>In %n campaign item: it can be retired, not removed.</numerusform>
            <numerusform>In %n campaign items: it can be retired, not removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over a rep&apos;s accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All accounts to this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is leaving:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything else to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the leaver&apos;s devices (their books are wiped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the leaver&apos;s user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 accounts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody on your team to hand over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(with everything else)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This book holds no accounts of theirs; everything they own goes to one successor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who receives everything else first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who is leaving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who receives everything else (records on no account, and accounts not given a successor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of %1&apos;s accounts, contacts, interactions, preferences, dates, follow-ups and opportunities pass to their successors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s) and everything else</source>
        <translation>
            <numerusform>%1: %n account and everything else</numerusform>
            <numerusform>%1: %n accounts and everything else</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s)</source>
        <translation>
            <numerusform>%1: %n account</numerusform>
            <numerusform>%1: %n accounts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: everything else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages, follow-ups and who recorded what stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s devices are revoked and wipe their books.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over %1&apos;s records?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the book first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 records moved (%2 accounts) — %3. %4 devices revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync afterwards failed (%1); it runs again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain ASCII</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Follow up the %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Opening your book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it (and Caps Lock) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the book&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>crmdesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Backing up the book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index was damaged; rebuilding it…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaintenanceDialog</name>
    <message>
        <source>Backups and recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book %1 is backed up automatically, encrypted with its own key, and each backup is checked after it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the book is damaged: rebuild it from the company server (an enrolled book) or the newest good backup, with every record the damaged file still holds. The damaged file is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The book is sound: %n page(s) checked.</source>
        <translation>
            <numerusform>The book is sound: %n page checked.</numerusform>
            <numerusform>The book is sound: %n pages checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the search index is damaged; it is being rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The book is damaged (%n page(s)). Recover it: nothing more is written to it.</source>
        <translation>
            <numerusform>The book is damaged (%n page). Recover it: nothing more is written to it.</numerusform>
            <numerusform>The book is damaged (%n pages). Recover it: nothing more is written to it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up and checked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book goes back to how it was at %1. Changes made since are not in the backup; the current file is kept aside, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored. The file it replaced is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the book?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmdesk rebuilds the book in a new file and keeps the current one aside. This can take a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered; some records could not be saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerTexts</name>
    <message>
        <source>%1 open complaint(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deal(s) lost this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days untouched (cadence %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touches fell: %1 against %2 the year before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <source>Retention by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account was active in %1, so there is no retention to show yet. An account is active in a period when it had a visit, meal, call or gift, or a won deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention %1 in %2 (%3 of %4 accounts active in %5 still active). At this rate today&apos;s accounts keep %6 after five years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 y: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 key accounts at risk · %2 hang on one person · %3 open complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owner had active accounts in %1: nothing to compare yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention by owner, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key account is at risk: none lost touches against last year, passed its cadence, lost a deal this year or has an open complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key account yet: mark a tier as key to see its decision chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account was active in %1 or since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account active in %1 was lost since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complaint has been resolved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account complained more than once in the last year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision chains (%1 single-threaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost accounts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaints (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeated complaints (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which contact field each column of the file goes to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another encoding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1 (%2). Check the names below: if they look wrong, choose the file&apos;s encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards that name their own charset: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 duplicates, %4 rejected, %5 values kept in the notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>This amount is too large: at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This amount has too many decimal places: at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Add an opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1,200,000 or 50,000 USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected to close on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>lunar leap month %1, day %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lunar month %1, day %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turns %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gifts given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untouched %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaints: raise them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the next %n day(s); the next one:</source>
        <translation type="unfinished">Nothing in the next %n day; the next one:</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences and taboos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coming dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gift given yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gifts already given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never give the same gift twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PastDueQuestion</name>
    <message>
        <source>Follow-up in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This follow-up is due in the past (%n day(s) ago). Save anyway?</source>
        <translation>
            <numerusform>This follow-up is due in the past (%n day ago). Save anyway?</numerusform>
            <numerusform>This follow-up is due in the past (%n days ago). Save anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerNotifier</name>
    <message>
        <source>Buy a gift for %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n relationship(s) past their contact cadence</source>
        <translation>
            <numerusform>%n relationship past their contact cadence</numerusform>
            <numerusform>%n relationships past their contact cadence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: %n occasion(s) to greet</source>
        <translation>
            <numerusform>Today: %n occasion to greet</numerusform>
            <numerusform>Today: %n occasions to greet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerSettingsDialog</name>
    <message>
        <source>Planner settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>29 February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar day 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy gifts (days ahead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dormant after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily reminder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact tier %1 every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers: &quot;all&quot;, &quot;none&quot;, or codes such as S, A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannerTexts</name>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neglected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lunar leap %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lunar %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turns %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>moved: %1 does not occur this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no contact for %n day(s): send a “we miss you” greeting</source>
        <translation>
            <numerusform>no contact for %n day: send a “we miss you” greeting</numerusform>
            <numerusform>no contact for %n days: send a “we miss you” greeting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Greet %n contact(s)</source>
        <translation>
            <numerusform>Greet %n contact</numerusform>
            <numerusform>Greet %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No contact for %n day(s)</source>
        <translation>
            <numerusform>No contact for %n day</numerusform>
            <numerusform>No contact for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the cadence is %n day(s)</source>
        <translation>
            <numerusform>the cadence is %n day</numerusform>
            <numerusform>the cadence is %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>all tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>29 February → 28 February in common years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>29 February → 1 March in common years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap-month date → the ordinary month in years without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leap-month date → skipped in years without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar day 30 → day 29 in 29-day months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunar day 30 → skipped in 29-day months</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>buy gifts %n day(s) ahead</source>
        <translation>
            <numerusform>buy gifts %n day ahead</numerusform>
            <numerusform>buy gifts %n days ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dormant after %n day(s)</source>
        <translation>
            <numerusform>dormant after %n day</numerusform>
            <numerusform>dormant after %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Loading the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log the greeting or gift for the selected item, with its cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log each selected item as done, with its suggested cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only these (several may be chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored date(s) could not be read and are left out</source>
        <translation>
            <numerusform>%n stored date could not be read and are left out</numerusform>
            <numerusform>%n stored dates could not be read and are left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n done</source>
        <translation>
            <numerusform>Mark %n done</numerusform>
            <numerusform>Mark %n done</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark selected done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a campaign for %1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferenceDialog</name>
    <message>
        <source>Add a preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickOpenDialog</name>
    <message>
        <source>Go to a contact or account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, pinyin, initials, phone digits, company…  (Enter opens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters, pinyin or initials: 曾国梁, guoliang, zgl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) shown</source>
        <translation>
            <numerusform>%n match shown</numerusform>
            <numerusform>%n matches shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit logged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedPage</name>
    <message>
        <source>Rows with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row is numbered as in the file. A row without a name is not imported; any other bad value is kept as written in the contact&apos;s notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported; value in the notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: %1 new contacts, %2 merges; %3 rows rejected; %4 values kept in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle minutes (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (recorded on visits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions shown in a brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days ahead for coming dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendPage</name>
    <message>
        <source>All reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spend logged by this rep in these months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cost or gift logged in these months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to flag: no gift bought twice on one day, no tier or rep over budget, no cost without an attendee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions or gifts in these months. Spend shows here once visits, meals and gifts are logged with their cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top %1% of accounts (%2 of %3) took %4% of interactions and %5% of spend (%6). Rule of thumb: key accounts, about %1%, get about %7% of the effort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions in these months: no effort to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule of thumb 10/60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effort distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts, most effort first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book is updated; its lists show the imported contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contacts created, %2 merged, %3 skipped, %4 rejected. %5 new accounts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The CA file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: choose the CA file your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is no longer signed in: enrol it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This book is not enrolled with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs a newer version of crmdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device was revoked by your company; its local book was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not do this (managers and admins only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some records would be left without a successor: choose who receives everything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A successor is unknown to the server or no longer active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records from the server this book could not take, set aside (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1 (as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens without the server until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamCampaigns</name>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns on this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s); budget: each person&apos;s tier budget for one gift.</source>
        <translation>
            <numerusform>%n campaign; budget: each person&apos;s tier budget for one gift.</numerusform>
            <numerusform>%n campaigns; budget: each person&apos;s tier budget for one gift.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over budget (in red).</source>
        <translation>
            <numerusform>%n over budget (in red).</numerusform>
            <numerusform>%n over budget (in red).</numerusform>
        </translation>
    </message>
    <message>
        <source>More is committed than the budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamColumns</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last touched by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadence (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team and devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people, %2 devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1&apos;s device “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At its next contact with the server it deletes its local book and key. Edits it still sends are kept for review, not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTexts</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same gift bought twice on one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier over its monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep over the monthly budget of their accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cost with no attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention and risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Strategic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsMenu</name>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up and checked at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hometown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or wait digits: the number is stored, the dial string kept in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid number for the region: stored as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value cannot be read in its character set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard (.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Log a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 800, ¥1,200 or 50 USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was given (to the first attendee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who you met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the gift was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private end user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical evaluator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach (inside supporter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father-in-law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mother-in-law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daughter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Develop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tobacco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoe size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dietary taboo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Religion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmdesk keeps your accounts, contacts and visits in an encrypted book on this computer. Nobody can read it without its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your book will be created at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keyring (no typing to unlock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the book with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the passphrase down somewhere safe: without it the book cannot be opened, by you or anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create my book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keyring is available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable keyring was found on this computer, so the book is protected with a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>The passphrase must have at least %n character.</numerusform>
            <numerusform>The passphrase must have at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>New &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
