"""An open complaint shows first on the pre-visit brief; the account card's org chart marks who
has not been touched for how long (issue #18)."""

from __future__ import annotations

import datetime as dt

from crmdesk.db import browse
from crmdesk.db.book import Book
from crmdesk.db.services.complaints import add_complaint
from crmdesk.ui import pages
from tests.db.team_book import Builder, local
from tests.ui.conftest import TODAY  # the UI tests' fixed clock


def _book(book: Book) -> dict[str, str]:
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30)
        firm = b.account("华东重工", "S", owner="li")
        boss = b.contact("曾国梁", firm)
        buyer = b.contact("王采购", firm)
        b.contact("新人", firm)
        b.interaction(local(TODAY - dt.timedelta(days=45)), attendees=(boss,))
        b.interaction(local(TODAY - dt.timedelta(days=3)), attendees=(buyer,))
        add_complaint(
            s,
            description="泵的噪音太大",
            received_on=TODAY - dt.timedelta(days=9),
            contact_id=boss.id,
        )
        add_complaint(
            s,
            description="resolved long ago",
            received_on=TODAY - dt.timedelta(days=90),
            account_id=firm.id,
            status="resolved",
        )
        return {"firm": firm.id, "boss": boss.id, "buyer": buyer.id}


def test_open_complaint_is_first_on_the_brief(book: Book, qapp) -> None:
    ids = _book(book)
    with book.session() as s:
        contact = browse.contact_page(s, ids["buyer"])  # the complaint is the account's
        account = browse.account_page(s, ids["firm"])
    assert [c.description for c in contact.open_complaints] == ["泵的噪音太大"]
    for html in (pages.contact_brief_html(contact), pages.account_brief_html(account)):
        first = html.index("Open complaints: raise them first")
        assert html.index("泵的噪音太大") > first
        assert "resolved long ago" not in html
        # Before every other section of the page.
        for later in ("Who they are", "Who is who", "Recent interactions"):
            if later in html:
                assert html.index(later) > first


def test_org_chart_marks_untouched_people(book: Book, qapp) -> None:
    ids = _book(book)
    with book.session() as s:
        page = browse.account_page(s, ids["firm"])
    assert page.cadence_days == 30
    assert page.last_touch[ids["boss"]] == TODAY - dt.timedelta(days=45)
    html = pages.account_html(page)
    # 45 days is past the 30-day cadence: red; 3 days is not; the newcomer was never touched.
    assert "<span class='caution'>untouched 45 day(s)</span>" in html
    assert "<span class='muted'>untouched 3 day(s)</span>" in html
    assert "<span class='caution'>never touched</span>" in html
