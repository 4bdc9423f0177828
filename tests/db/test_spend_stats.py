"""Spend against budget, the effort distribution and the flags, on hand-built books.

Every expected figure is added up by hand from the records written here. The device's time zone
is set to Asia/Shanghai (UTC+8), so 16:00 UTC on 31 March is already 1 April locally.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from crmdesk.core.money import Money
from crmdesk.core.spend import FlagCode, local_months
from crmdesk.db.spend_stats import load_spend
from tests.db.team_book import Builder, local


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)  # type: ignore[misc]


@pytest.fixture
def spend_book(book, shanghai):  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30, monthly=100_000)  # ¥1,000 per S account per month
        b.tier("A", 1, 60)  # no budget
        a1 = b.account("华东重工", "S", owner="li")
        a2 = b.account("Beta", "S", owner="wang")
        a3 = b.account("Gamma", "A", owner="li")
        c1, c2, c3 = b.contact("Ann", a1), b.contact("Bob", a2), b.contact("Cy", a3)
        # 31 March 23:59 local: March.
        b.interaction(
            utc(2026, 3, 31, 15, 59),
            a1,
            attendees=(c1,),
            cost=30_000,
            currency="CNY",
            recorded_by="li",
        )
        # 1 April 00:00 local: April; with a gift.
        i2 = b.interaction(
            utc(2026, 3, 31, 16, 0),
            a1,
            attendees=(c1,),
            cost=50_000,
            currency="CNY",
            recorded_by="li",
        )
        b.gift(i2, "Moutai Gift Box", 80_000, to=c1)
        # 1 April afternoon: a USD cost with no attendee, and the same gift again (any rep).
        i3 = b.interaction(
            local(dt.date(2026, 4, 1), 15),
            a2,
            cost=10_000,
            currency="USD",
            recorded_by="wang",
            summary="dinner",
        )
        b.gift(i3, " moutai  gift box", 80_000, to=c2)
        b.gift(i3, "Tea set", 0, to=c2)  # once that day: no flag
        # 2 April: the same gift on another day: no flag with the two above.
        i4 = b.interaction(local(dt.date(2026, 4, 2)), a2, attendees=(c2,), recorded_by="wang")
        b.gift(i4, "Moutai Gift Box", 80_000, to=c2)
        # April, no cost and no attendee: no flag.
        b.interaction(local(dt.date(2026, 4, 20)), a3, recorded_by="li")
        # Deleted, with a cost: counts nowhere.
        b.interaction(
            local(dt.date(2026, 4, 21)),
            a3,
            cost=99_999,
            currency="CNY",
            recorded_by="li",
            deleted=True,
        )
        # March: a cost whose only attendee was deleted: flagged.
        i7 = b.interaction(
            local(dt.date(2026, 3, 10)),
            a3,
            cost=5_000,
            currency="CNY",
            recorded_by="li",
            summary="lunch",
        )
        b.attend(i7, c3, deleted=True)
        # May: outside the range.
        b.interaction(local(dt.date(2026, 5, 1)), a1, attendees=(c1,), cost=1, recorded_by="li")
    return {"a1": a1.id, "a2": a2.id, "a3": a3.id, "i3": i3.id, "i7": i7.id}


def _report(book, **kw):  # type: ignore[no-untyped-def]
    with book.session() as s:
        return load_spend(s, months=local_months(dt.date(2026, 3, 1), dt.date(2026, 4, 1)), **kw)


def _line(lines, key, currency="CNY"):  # type: ignore[no-untyped-def]
    return next(ln for ln in lines if ln.key == key and ln.currency == currency)


def test_months_split_at_local_midnight(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    months = {
        (ln.key, ln.currency): (ln.cost_minor, ln.gift_minor, ln.interactions)
        for ln in _report(book).by_month
    }
    assert months == {
        ("2026-03", "CNY"): (30_000 + 5_000, 0, 2),
        ("2026-04", "CNY"): (50_000, 80_000 + 80_000 + 0 + 80_000, 3),
        ("2026-04", "USD"): (10_000, 0, 1),
    }


def test_per_account_with_budget_over_the_months(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    report = _report(book)
    a1 = _line(report.accounts, spend_book["a1"])
    assert (a1.label, a1.tier, a1.owner) == ("华东重工", "S", "li")
    assert (a1.cost_minor, a1.gift_minor, a1.total_minor, a1.interactions) == (
        80_000,
        80_000,
        160_000,
        2,
    )
    assert a1.budget_minor == 2 * 100_000 and not a1.over_budget
    a2_usd = _line(report.accounts, spend_book["a2"], "USD")
    assert (a2_usd.cost_minor, a2_usd.budget_minor) == (10_000, None)  # no budget in USD
    a2 = _line(report.accounts, spend_book["a2"])
    assert (a2.gift_minor, a2.interactions) == (160_000, 1)
    a3 = _line(report.accounts, spend_book["a3"])
    assert (a3.cost_minor, a3.interactions, a3.budget_minor) == (5_000, 2, None)


def test_per_tier_and_rep(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    report = _report(book)
    s = _line(report.tiers, "S")
    assert s.total_minor == 160_000 + 160_000 and s.budget_minor == 2 * 2 * 100_000
    li, wang = _line(report.reps, "li"), _line(report.reps, "wang")
    assert (li.total_minor, li.budget_minor) == (35_000 + 130_000, 2 * 100_000)
    assert (wang.total_minor, wang.budget_minor) == (160_000, 2 * 100_000)
    assert _line(report.reps, "wang", "USD").total_minor == 10_000
    # Never added across currencies.
    assert {ln.currency for ln in report.reps} == {"CNY", "USD"}


def test_over_budget_flags_per_tier_and_rep_month(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    flags = [
        f
        for f in _report(book).flags
        if f.code != FlagCode.DUPLICATE_GIFT and f.code != FlagCode.COST_WITHOUT_ATTENDEE
    ]
    got = {(f.code, f.period, f.subject): (f.amount, f.budget) for f in flags}
    assert got == {
        # S in April: 130,000 (Alpha) + 160,000 (Beta) against 2 accounts x 100,000.
        (FlagCode.TIER_OVER_BUDGET, "2026-04", "S"): (Money(290_000), Money(200_000)),
        (FlagCode.REP_OVER_BUDGET, "2026-04", "li"): (Money(130_000), Money(100_000)),
        (FlagCode.REP_OVER_BUDGET, "2026-04", "wang"): (Money(160_000), Money(100_000)),
    }


def test_duplicate_gift_same_local_day_only(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    dupes = [f for f in _report(book).flags if f.code == FlagCode.DUPLICATE_GIFT]
    assert len(dupes) == 1
    assert dupes[0].period == "2026-04-01"
    assert sorted(r.label for r in dupes[0].records) == [" moutai  gift box", "Moutai Gift Box"]
    assert dupes[0].amount == Money(160_000)
    assert set(dupes[0].owners) == {"li", "wang"}


def test_cost_without_attendee(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    flagged = [f for f in _report(book).flags if f.code == FlagCode.COST_WITHOUT_ATTENDEE]
    assert [(f.records[0].id, f.amount) for f in flagged] == [
        (spend_book["i7"], Money(5_000)),
        (spend_book["i3"], Money(10_000, "USD")),
    ]


def test_rep_filter(book, spend_book) -> None:  # type: ignore[no-untyped-def]
    report = _report(book, rep="wang", filtered=True)
    assert {ln.key for ln in report.reps} == {"wang"}
    assert report.reps_seen == ("li", "wang")
    codes = {(f.code, f.subject) for f in report.flags}
    assert (FlagCode.REP_OVER_BUDGET, "li") not in codes
    assert (FlagCode.REP_OVER_BUDGET, "wang") in codes


def test_effort_distribution_against_the_10_60_rule(book) -> None:  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        b = Builder(s)
        accounts = [b.account(f"A{i}", "S", owner="li") for i in range(10)]
        # 6 interactions with the first account, 1 with each of the next four, none with the rest.
        for n, account in zip((6, 1, 1, 1, 1), accounts, strict=False):
            for k in range(n):
                b.interaction(
                    local(dt.date(2026, 4, 1 + k)), account, cost=1_000 * (10 if n == 6 else 1)
                )
    report = _report(book)
    # Top 10% of 10 accounts is one account: 6 of 10 interactions; 60,000 of 64,000 spent.
    assert (report.effort.accounts, report.effort.top_accounts) == (10, 1)
    assert report.effort.top_share == pytest.approx(0.6)
    assert report.spend.top_share == pytest.approx(60_000 / 64_000)
    curve = dict(report.effort.curve)
    assert (
        curve[0.0] == 0.0 and curve[0.5] == pytest.approx(1.0) and curve[1.0] == pytest.approx(1.0)
    )
    assert curve[0.2] == pytest.approx(0.7)


def test_empty_book_has_an_empty_report(book) -> None:  # type: ignore[no-untyped-def]
    report = _report(book)
    assert report.is_empty and report.effort.total == 0 and report.effort.top_share == 0.0


def test_rep_from_the_server_book_when_nobody_recorded_it(book, shanghai) -> None:  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        b = Builder(s)
        b.book_names({"book-zhao": "zhao", "book-qian": "qian"})
        held = b.account("Held", "S", book="book-qian")  # no owner: its book's user
        logged = b.interaction(local(dt.date(2026, 4, 3)), held, cost=700, currency="CNY")
        b.shadow("interactions", logged.id, "book-zhao")  # logged in zhao's book
        b.interaction(local(dt.date(2026, 4, 4)), held, cost=300, currency="CNY")  # no shadow
    reps = {ln.key: ln.total_minor for ln in _report(book).reps}
    assert reps == {"zhao": 700, "qian": 300}
