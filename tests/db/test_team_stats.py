"""The team dashboard's queries against a hand-built book whose answers are worked out here."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.db.models import ImportantDate
from crmdesk.db.team_stats import (
    load_dashboard,
    load_key_ranks,
    load_occasions,
    save_key_ranks,
)
from tests.db.team_book import Builder, local

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def filled(book):  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30)
        b.tier("A", 1, 60)
        b.book_names({"book-wang": "wang"})
        a1 = b.account("Alpha", "S", owner="li")
        a2 = b.account("Beta", "S", owner="li")
        a3 = b.account("Gamma", "S", book="book-wang")  # no owner: the book's user
        a4 = b.account("Delta", "S")  # no owner, never synced: unassigned
        a5 = b.account("Epsilon", "A", owner="li")
        a6 = b.account("Gone", "S", owner="li", deleted=True)
        c2 = b.contact("Bob", a2)
        c3 = b.contact("Cleo", a3)
        c5 = b.contact("Eve", a5)
        c1 = b.contact("Ann", a1)
        # Alpha: logged with the account exactly 30 days ago (the cadence): still covered.
        b.interaction(local(TODAY - dt.timedelta(days=30), 9), a1)
        # Beta: its contact attended 31 days ago: one day past the cadence.
        b.interaction(local(TODAY - dt.timedelta(days=31)), attendees=(c2,))
        # ...and a deleted interaction yesterday does not count.
        b.interaction(local(TODAY - dt.timedelta(days=1)), a2, deleted=True)
        # Gamma: a gift to its contact 10 days ago.
        b.gift(b.interaction(local(TODAY - dt.timedelta(days=10))), "tea", 100, to=c3)
        b.interaction(local(TODAY - dt.timedelta(days=2)), a6)  # deleted account
        # Follow-ups.
        b.follow_up(TODAY - dt.timedelta(days=1), account=a1, text="f1")
        b.follow_up(TODAY - dt.timedelta(days=5), account=a1, done=True, text="f2 done")
        b.follow_up(TODAY - dt.timedelta(days=14), account=a1, deleted=True, text="f3 deleted")
        b.follow_up(TODAY, account=a1, text="f4 due today")
        b.follow_up(TODAY - dt.timedelta(days=10), owner="zhao", text="f5")
        # Pipeline.
        b.opportunity(a1, "develop", 100_000, "CNY")
        b.opportunity(a1, "develop", 50_000, "USD")
        b.opportunity(a2, "develop", 20_000, "CNY")
        b.opportunity(a2, "develop", None, None)  # counted, no amount
        b.opportunity(a3, "result", 70_000, "CNY", result="won", book="book-wang")
        b.opportunity(a1, "propose", 999, deleted=True)
        # Occasions: Ann (key) and Eve (tier A) have birthdays in the next days.
        for person, day in ((c1, 20), (c5, 18)):
            s.add(
                ImportantDate(
                    contact_id=person.id, kind="birthday", calendar="gregorian", month=6, day=day
                )
            )
        ids = {"a1": a1.id, "a2": a2.id, "a3": a3.id, "a4": a4.id, "c1": c1.id, "c5": c5.id}
    return ids


def _dash(book, **kw):  # type: ignore[no-untyped-def]
    with book.session() as s:
        return load_dashboard(s, today=TODAY, **kw)


def test_accounts_by_tier_and_owner(book, filled) -> None:  # type: ignore[no-untyped-def]
    counts = {(c.tier, c.owner): c.accounts for c in _dash(book).by_tier_owner}
    assert counts == {("S", "li"): 2, ("S", "wang"): 1, ("S", None): 1, ("A", "li"): 1}


def test_coverage_counts_touched_exactly_cadence_days_ago(book, filled) -> None:  # type: ignore[no-untyped-def]
    dash = _dash(book)
    assert dash.key_tiers == ("S",)
    shares = {c.owner: (c.key_accounts, c.covered, c.share) for c in dash.coverage}
    # li: Alpha (30 days, covered) and Beta (31 days, not); wang: Gamma (10 days); Delta never.
    assert shares == {"li": (2, 1, 0.5), "wang": (1, 1, 1.0), None: (1, 0, 0.0)}
    assert [c.owner for c in dash.coverage] == ["li", "wang", None]


def test_neglected_key_accounts_never_touched_first(book, filled) -> None:  # type: ignore[no-untyped-def]
    neglected = _dash(book).neglected
    assert [(a.name, a.days_since, a.owner) for a in neglected] == [
        ("Delta", None, None),
        ("Beta", 31, "li"),
    ]
    assert neglected[1].last_touch == TODAY - dt.timedelta(days=31)


def test_key_ranks_are_settable(book, filled) -> None:  # type: ignore[no-untyped-def]
    dash = _dash(book, key_ranks=(0, 1))
    assert set(dash.key_tiers) == {"S", "A"}
    # Epsilon (tier A, 60-day cadence) was never touched: li now holds three key accounts.
    li = next(c for c in dash.coverage if c.owner == "li")
    assert (li.key_accounts, li.covered) == (3, 1)
    with book.session() as s, s.begin():
        assert load_key_ranks(s) == (0,)
        assert save_key_ranks(s, [1, 0, 1]) == (0, 1)
        with pytest.raises(ValidationError, match="rank"):
            save_key_ranks(s, [])
    with book.session() as s:
        assert load_key_ranks(s) == (0, 1)


def test_overdue_follow_ups_exclude_done_deleted_and_due_today(book, filled) -> None:  # type: ignore[no-untyped-def]
    dash = _dash(book)
    assert [(f.description, f.days_overdue, f.owner) for f in dash.overdue] == [
        ("f5", 10, "zhao"),
        ("f1", 1, "li"),  # no owner of its own: the account's
    ]
    assert dash.overdue[1].account_name == "Alpha"
    assert dash.overdue_per_owner() == {"li": 1, "zhao": 1}


def test_pipeline_per_stage_owner_and_currency(book, filled) -> None:  # type: ignore[no-untyped-def]
    totals = {
        (t.stage, t.owner, t.amount.currency): (t.count, t.amount) for t in _dash(book).pipeline
    }
    assert totals == {
        ("develop", "li", "CNY"): (3, Money(120_000, "CNY")),
        ("develop", "li", "USD"): (1, Money(50_000, "USD")),
        ("won", "wang", "CNY"): (1, Money(70_000, "CNY")),
    }


def test_coming_occasions_of_key_relationships_only(book, filled) -> None:  # type: ignore[no-untyped-def]
    dash = _dash(book, occasion_days=10)
    birthdays = [(o.day, o.contact_id, o.owner) for o in dash.occasions if o.kind == "birthday"]
    assert birthdays == [(dt.date(2026, 6, 20), filled["c1"], "li")]
    assert all(o.contact_id != filled["c5"] for o in dash.occasions)
    with book.session() as s:
        alone = load_occasions(s, today=TODAY, days=10)
        assert _dash(book, with_occasions=False).occasions == ()
    assert [(o.day, o.contact_id, o.owner) for o in alone if o.kind == "birthday"] == birthdays


def test_empty_book(book) -> None:  # type: ignore[no-untyped-def]
    dash = _dash(book)
    assert dash.is_empty
    assert (dash.coverage, dash.neglected, dash.owners) == ((), (), ())


def test_coming_occasions_read_touches_and_gifts_of_those_with_a_date(book, filled) -> None:
    # A key contact untouched for four years whose birthday falls in range: a "we miss you"
    # (dormant) occasion, with the last gift he was given; the first pass reads no touches.
    with book.session() as s, s.begin():
        b = Builder(s)
        old_firm = b.account("Old friends", "S", owner="li")
        old = b.contact("Oscar", old_firm)
        long_ago = b.interaction(local(TODAY - dt.timedelta(days=4 * 365)), attendees=(old,))
        b.gift(long_ago, "Pu'er", 80_000, to=old)
        s.add(ImportantDate(contact_id=old.id, kind="birthday", calendar="gregorian", month=6,
                            day=22))  # fmt: skip
    with book.session() as s:
        found = [o for o in load_occasions(s, today=TODAY, days=10) if o.contact_id == old.id]
    assert [o.kind for o in found] == ["dormant"]
    item = found[0].item
    assert item.days_since == 4 * 365
    assert item.last_gift is not None and item.last_gift.description == "Pu'er"
