"""Campaigns summed for the list and a manager's team view, against a hand-built book whose
answers are worked out here: budget (each person's tier budget), committed spend per currency,
progress per campaign and per rep (owner, else the user of the record's server book)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from crmdesk.db.book import Book
from crmdesk.db.campaign_stats import campaign_summaries
from crmdesk.db.models import Campaign, CampaignItem, Contact
from tests.db.team_book import Builder

DAY = dt.date(2027, 9, 15)


def campaign(b: Builder, name: str, owner: str | None = None, deleted: bool = False) -> Campaign:
    return b._add(
        Campaign(name=name, occasion="cn.mid_autumn", occasion_on=DAY,
                 buy_by=DAY - dt.timedelta(days=14), send_by=DAY - dt.timedelta(days=3),
                 owner=owner, deleted=deleted)
    )  # fmt: skip


def item(b: Builder, c: Campaign, person: Contact, status: str, value: int | None,
         currency: str | None = "CNY", deleted: bool = False) -> CampaignItem:  # fmt: skip
    return b._add(
        CampaignItem(campaign_id=c.id, contact_id=person.id, account_id=person.account_id,
                     gift="礼" if value else "", value_minor=value, currency=currency,
                     status=status, deleted=deleted)
    )  # fmt: skip


def build(book: Book) -> dict[str, str]:
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30)
        b.tier("A", 1, 60)
        for code, budget in (("S", 50_000), ("A", 25_000)):
            b.tier(code, 0 if code == "S" else 1, 30).greeting_budget_minor = budget
        b.book_names({"book-wang": "wang"})
        alpha = b.account("Alpha", "S", owner="li")
        beta = b.account("Beta", "S", owner="li")
        gamma = b.account("Gamma", "S")  # no owner: its records' book says whose
        ann, bob, cleo = b.contact("Ann", alpha), b.contact("Bob", beta), b.contact("Cleo", gamma)
        dan = b.contact("Dan", alpha)
        dan.tier, dan.owner = "A", "zhao"  # his own tier and rep
        loner = b.contact("Loner", None)  # no tier, no owner, never synced: unassigned
        mid = campaign(b, "中秋 2027")  # no owner: made in wang's book
        b.shadow("campaigns", mid.id, "book-wang")
        item(b, mid, ann, "to_buy", 30_000)
        item(b, mid, bob, "sent", 50_000)
        b.shadow("campaign_items", item(b, mid, cleo, "bought", 20_000).id, "book-wang")
        item(b, mid, dan, "thanked", 5_000, "USD")
        item(b, mid, loner, "to_buy", None, None)  # no gift chosen yet
        item(b, mid, ann, "sent", 99_999, deleted=True)  # deleted: counts nowhere
        small = campaign(b, "端午 2027", owner="li")
        item(b, small, bob, "bought", 20_000)
        gone = campaign(b, "deleted", owner="li", deleted=True)
        item(b, gone, bob, "to_buy", 10_000)
        return {"mid": mid.id, "small": small.id}


def test_budget_spend_and_progress_per_campaign_and_rep(book: Book) -> None:
    ids = build(book)
    with book.session() as s:
        found = {c.id: c for c in campaign_summaries(s)}
    assert set(found) == {ids["mid"], ids["small"]}
    mid = found[ids["mid"]]
    assert (mid.name, mid.rep) == ("中秋 2027", "wang")
    # Ann, Bob, Cleo are S (500.00 each), Dan A (250.00), the loner has no tier.
    assert mid.total.people == 5
    assert mid.total.budget_minor == 3 * 50_000 + 25_000
    assert mid.total.committed == {"CNY": 30_000 + 50_000 + 20_000, "USD": 5_000}
    assert [str(m) for m in mid.total.committed_money] == ["1000.00 CNY", "50.00 USD"]
    assert mid.progress == {"to_buy": 2, "bought": 1, "sent": 1, "thanked": 1}
    reps = {rep: (t.people, t.budget_minor, t.committed, t.progress) for rep, t in mid.reps()}
    assert reps == {
        "li": (2, 100_000, {"CNY": 80_000}, {"to_buy": 1, "bought": 0, "sent": 1, "thanked": 0}),
        "wang": (1, 50_000, {"CNY": 20_000}, {"to_buy": 0, "bought": 1, "sent": 0, "thanked": 0}),
        "zhao": (1, 25_000, {"USD": 5_000}, {"to_buy": 0, "bought": 0, "sent": 0, "thanked": 1}),
        None: (1, None, {}, {"to_buy": 1, "bought": 0, "sent": 0, "thanked": 0}),
    }
    assert [rep for rep, _ in mid.reps()] == ["li", "wang", "zhao", None]
    assert not mid.total.over_budget
    small = found[ids["small"]]
    assert (small.rep, small.total.people, small.total.budget_minor) == ("li", 1, 50_000)
    assert small.progress["bought"] == 1


def test_the_number_of_queries_does_not_grow_with_the_campaigns(book: Book) -> None:
    build(book)
    first = count_queries(book)
    with book.session() as s, s.begin():
        b = Builder(s)
        people = list(s.query(Contact))
        for n in range(12):
            more = campaign(b, f"more {n}", owner="li")
            for person in people:
                item(b, more, person, "to_buy", 1_000)
    assert count_queries(book) == first


def count_queries(book: Book) -> int:
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(book.engine, "before_cursor_execute", record)
    try:
        with book.session() as s:
            assert campaign_summaries(s)
    finally:
        event.remove(book.engine, "before_cursor_execute", record)
    return len([q for q in seen if q.lstrip().upper().startswith("SELECT")])


def test_the_campaign_list_is_the_summary(book: Book) -> None:
    from crmdesk.db.services import campaigns

    ids = build(book)
    with book.session() as s:
        listed = campaigns.list_campaigns(s)
    # Same day: by name (中 U+4E2D before 端 U+7AEF); the deleted campaign is not listed.
    assert [c.id for c in listed] == [ids["mid"], ids["small"]]
