"""The managers' views (issue #18) on a small hand-built book; every figure worked out by hand.

The book, today 2026-06-15, periods the calendar years 2024, 2025, 2026 (local time):

=========  ====  =====  ==================================================  ===================
account    tier  owner  counting touches (visit, meal, call, gift) / wins   active in
=========  ====  =====  ==================================================  ===================
Alpha      S     li     visits 2024-03-10, 2025-05-10, 2026-02-10           2024, 2025, 2026
Beta       S     li     visit 2024-12-31 23:30; visit 2026-01-01 00:10      2024, 2026 (returns)
Gamma      A     wang   meal 2025-06-01 recorded by zhao                    2025 (lost in 2026)
Delta      A     wang   greetings only (do not count); won deal 2026-03-01  2026
Old Co     —     —      2025-09-01 logged with it, attended by Pat          2025 (lost in 2026)
New Co     —     —      2026-04-01 call with no account, attended by Pat    2026
=========  ====  =====  ==================================================  ===================

Pat moved from Old Co to New Co: what was logged with Old Co stays there.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from crmdesk.core.retention import PeriodKind, RiskReason, compounded
from crmdesk.db.models import (
    Account,
    Complaint,
    Contact,
    Interaction,
    InteractionAttendee,
    Opportunity,
)
from crmdesk.db.retention_stats import (
    load_active_kinds,
    load_chains,
    load_complaint_stats,
    load_retention,
    load_risk,
    open_complaints_of,
    save_active_kinds,
)
from crmdesk.db.services.complaints import add_complaint, edit_complaint
from tests.db.team_book import Builder, local

TODAY = dt.date(2026, 6, 15)


def _touch(
    s: Session,
    at: dt.datetime,
    account_id: str | None,
    kind: str = "visit",
    *,
    attendees: tuple[Contact, ...] = (),
    recorded_by: str | None = None,
) -> None:
    row = Interaction(occurred_at=at, kind=kind, account_id=account_id, recorded_by=recorded_by)
    s.add(row)
    s.flush()
    for person in attendees:
        s.add(InteractionAttendee(interaction_id=row.id, contact_id=person.id))
    s.flush()


@pytest.fixture
def ids(book):
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30)
        b.tier("A", 1, 60)
        alpha = b.account("Alpha", "S", owner="li")
        beta = b.account("Beta", "S", owner="li")
        gamma = b.account("Gamma", "A", owner="wang")
        delta = b.account("Delta", "A", owner="wang")
        old = b.account("Old Co", None)
        new = b.account("New Co", None)
        pat = b.contact("Pat", new)
        _touch(s, local(dt.date(2024, 3, 10)), alpha.id)
        _touch(s, local(dt.date(2025, 5, 10)), alpha.id)
        _touch(s, local(dt.date(2026, 2, 10)), alpha.id)
        _touch(s, local(dt.date(2024, 12, 31), 23, 30), beta.id)
        _touch(s, local(dt.date(2026, 1, 1), 0, 10), beta.id)
        _touch(s, local(dt.date(2025, 6, 1)), gamma.id, "meal", recorded_by="zhao")
        _touch(s, local(dt.date(2025, 3, 1)), delta.id, "greeting")
        _touch(s, local(dt.date(2026, 3, 1)), delta.id, "greeting")
        s.add(
            Opportunity(
                account_id=delta.id,
                name="won deal",
                stage="result",
                result="won",
                expected_on=dt.date(2026, 3, 1),
            )
        )
        _touch(s, local(dt.date(2025, 9, 1)), old.id, attendees=(pat,))
        _touch(s, local(dt.date(2026, 4, 1)), None, "call", attendees=(pat,))
        s.flush()
        return {
            "alpha": alpha.id,
            "beta": beta.id,
            "gamma": gamma.id,
            "delta": delta.id,
            "old": old.id,
            "new": new.id,
            "pat": pat.id,
        }


def test_yearly_retention_by_hand(book, ids) -> None:
    with book.session() as s:
        r = load_retention(s, today=TODAY)
    assert [p.label for p in r.periods] == ["2024", "2025", "2026"]
    overall = {c.period: c for c in r.overall()}
    # 2025: of Alpha and Beta (2024), Alpha stays. Active in 2025: Alpha, Gamma, Old Co.
    c25 = overall["2025"]
    assert (c25.active_before, c25.kept, c25.returned, c25.active_now) == (2, 1, 0, 3)
    assert c25.rate == pytest.approx(0.5)
    # 2026: of Alpha, Gamma, Old Co only Alpha stays; Beta comes back (not "kept"); Delta (won
    # deal, greetings do not count) and New Co (Pat's call) are active.
    c26 = overall["2026"]
    assert (c26.active_before, c26.kept, c26.returned, c26.active_now) == (3, 1, 1, 4)
    assert c26.rate == pytest.approx(1 / 3)
    by_tier = {c.group: c for c in r.cells if c.period == "2026" and c.dimension == "tier"}
    assert (by_tier["S"].active_before, by_tier["S"].kept, by_tier["S"].returned) == (1, 1, 1)
    assert (by_tier["A"].active_before, by_tier["A"].kept, by_tier["A"].active_now) == (1, 0, 1)
    assert (by_tier[None].active_before, by_tier[None].kept, by_tier[None].active_now) == (1, 0, 1)
    by_owner = {c.group: c for c in r.cells if c.period == "2026" and c.dimension == "owner"}
    assert by_owner["li"].rate == pytest.approx(1.0)
    assert by_owner["wang"].rate == pytest.approx(0.0)
    # Lost in 2026: Gamma (last touched 2025-06-01 by zhao, not its owner) and Old Co.
    lost = {a.name: a for a in r.lost}
    assert set(lost) == {"Gamma", "Old Co"}
    assert lost["Gamma"].last_touch == dt.date(2025, 6, 1)
    assert lost["Gamma"].last_owner == "zhao"
    assert lost["Old Co"].last_touch == dt.date(2025, 9, 1)
    assert lost["Old Co"].last_owner is None
    # Five years at a third a year: 1/3, 1/9, 1/27, 1/81, 1/243.
    assert r.five_years() == pytest.approx([3**-n for n in range(1, 6)])


def test_quarters_and_the_seed_rule() -> None:
    # Seed 003: 80% a year keeps 32.8% after five years (loses 67%).
    assert compounded(0.8)[-1] == pytest.approx(0.32768)


def test_quarterly_retention_by_hand(book, ids) -> None:
    with book.session() as s:
        r = load_retention(s, today=TODAY, kind=PeriodKind.QUARTER)
    # Quarters 2025-Q2 .. 2026-Q2. Active: 2025-Q2 Alpha, Gamma; 2025-Q3 Old Co;
    # 2026-Q1 Alpha, Beta, Delta; 2026-Q2 New Co.
    assert [p.label for p in r.periods] == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    cells = {c.period: c for c in r.overall()}
    assert (cells["2025-Q3"].active_before, cells["2025-Q3"].kept) == (2, 0)
    assert (cells["2026-Q1"].active_before, cells["2026-Q1"].returned) == (0, 1)  # Alpha
    assert cells["2026-Q1"].rate is None
    assert (cells["2026-Q2"].active_before, cells["2026-Q2"].kept) == (3, 0)
    assert {a.name for a in r.lost} == {"Alpha", "Beta", "Delta"}


def test_active_kinds_are_a_setting(book, ids) -> None:
    with book.session() as s, s.begin():
        assert load_active_kinds(s) == ("visit", "meal", "call", "gift")
        save_active_kinds(s, ["visit", "greeting"])
    with book.session() as s:
        r = load_retention(s, today=TODAY)
    # Now Delta's 2025 greeting counts and Gamma's meal and Pat's call do not.
    c26 = {c.period: c for c in r.overall()}["2026"]
    assert (c26.active_before, c26.kept) == (3, 2)  # Alpha, Delta of Alpha, Old Co, Delta


def test_at_risk_reasons(book, ids) -> None:
    with book.session() as s, s.begin():
        pat = s.get(Contact, ids["pat"])
        assert pat is not None
        add_complaint(
            s, description="late delivery", received_on=dt.date(2026, 6, 1), account_id=ids["alpha"]
        )
        s.add(
            Opportunity(
                account_id=ids["beta"],
                name="lost deal",
                stage="result",
                result="lost",
                expected_on=dt.date(2026, 5, 1),
            )
        )
    with book.session() as s:
        risk = load_risk(s, today=TODAY)
    by_name = {r.facts.name: r for r in risk}
    # Key accounts are tier S only: Alpha and Beta.
    assert set(by_name) == {"Alpha", "Beta"}
    alpha = by_name["Alpha"]
    # Alpha: an open complaint; last touch 2026-02-10 is 125 days ago, past 30; one touch in the
    # last 12 months (2026-02-10; 2025-05-10 is 401 days ago) against one the year before.
    assert alpha.reasons == (RiskReason.OPEN_COMPLAINT, RiskReason.PAST_CADENCE)
    assert (alpha.facts.touches_this_year, alpha.facts.touches_last_year) == (1, 1)
    assert alpha.days_since == 125
    beta = by_name["Beta"]
    # Beta: a lost deal; 165 days since 2026-01-01; touches 1 (2026-01-01) against 1 (2024-12-31
    # is 531 days ago, inside the year before).
    assert beta.reasons == (RiskReason.LOST_OPPORTUNITY, RiskReason.PAST_CADENCE)
    assert beta.days_since == 165
    assert [r.facts.name for r in risk] == ["Alpha", "Beta"]  # weight 6 before 5
    assert "1 open complaint(s)" in alpha.reason_texts()


def test_decision_chain(book, ids) -> None:
    with book.session() as s, s.begin():
        b = Builder(s)
        boss = b.contact("Boss", s.get_one(Account, ids["alpha"]))
        boss.decision_role = "decision_maker"
        user = b.contact("User", s.get_one(Account, ids["alpha"]))
        user.decision_role = "user"
        coach = b.contact("Coach", s.get_one(Account, ids["beta"]))
        coach.decision_role = "coach"
        # Alpha: Boss touched 10 days ago, User 45 days ago (outside 30); Beta: Coach 5 days ago.
        _touch(s, local(TODAY - dt.timedelta(days=10)), None, attendees=(boss,))
        _touch(s, local(TODAY - dt.timedelta(days=45)), None, attendees=(user,))
        _touch(s, local(TODAY - dt.timedelta(days=5)), None, attendees=(coach,))
        _touch(s, local(TODAY - dt.timedelta(days=6)), None, attendees=(boss, user))
    with book.session() as s:
        chains = load_chains(s, today=TODAY)
    by_name = {c.name: c for c in chains}
    alpha, beta = by_name["Alpha"], by_name["Beta"]
    assert alpha.roles == ("decision_maker", "user")
    assert alpha.roles_touched == ("decision_maker", "user")  # both attended 6 days ago
    assert (alpha.contacts, alpha.touched_contacts, alpha.single_threaded) == (2, 2, False)
    assert (beta.contacts, beta.touched_contacts, beta.single_threaded) == (1, 1, True)
    assert [c.name for c in chains] == ["Beta", "Alpha"]  # single-threaded first
    marks = {p.name: p.last_touch for p in alpha.people}
    assert marks == {"Boss": TODAY - dt.timedelta(days=6), "User": TODAY - dt.timedelta(days=6)}


def test_complaints_followed_through(book, ids) -> None:
    with book.session() as s, s.begin():
        one = add_complaint(
            s, description="noisy pump", received_on=dt.date(2026, 1, 10), account_id=ids["alpha"]
        )
        edit_complaint(s, complaint_id=one.id, status="resolved", today=dt.date(2026, 1, 20))
        # Reopened, then resolved again on 2026-02-09: 30 days from receipt.
        edit_complaint(s, complaint_id=one.id, status="open", today=dt.date(2026, 1, 25))
        assert s.get_one(Complaint, one.id).resolved_on is None
        edit_complaint(s, complaint_id=one.id, status="closed", today=dt.date(2026, 2, 9))
        add_complaint(
            s,
            description="invoice wrong",
            received_on=dt.date(2026, 6, 10),
            account_id=ids["alpha"],
        )
        add_complaint(
            s, description="rude driver", received_on=dt.date(2026, 4, 1), account_id=ids["gamma"]
        )
        two = add_complaint(
            s, description="late", received_on=dt.date(2026, 3, 1), account_id=ids["gamma"]
        )
        edit_complaint(s, complaint_id=two.id, status="resolved", today=dt.date(2026, 3, 11))
        add_complaint(s, description="Pat unhappy", received_on=dt.date(2026, 6, 14),
                      contact_id=ids["pat"])  # fmt: skip
    with book.session() as s:
        stats = load_complaint_stats(s, today=TODAY)
        brief = open_complaints_of(s, contact_id=ids["pat"], account_id=ids["new"])
    # Open, oldest first: rude driver (75 days), invoice wrong (5), Pat unhappy (1).
    assert [f.description for f in stats.open] == ["rude driver", "invoice wrong", "Pat unhappy"]
    ages = {(a.owner, a.bucket): a.count for a in stats.ages}
    assert ages == {("li", 0): 1, ("wang", 2): 1, (None, 0): 1}
    resolution = {r.tier: r for r in stats.resolution}
    assert resolution["S"].resolved == 1 and resolution["S"].median_days == 30
    assert resolution["A"].resolved == 1 and resolution["A"].median_days == 10
    repeated = {r.name: r for r in stats.repeated}
    assert set(repeated) == {"Alpha", "Gamma"}
    assert (repeated["Gamma"].count, repeated["Gamma"].open) == (2, 1)
    assert [c.description for c in brief] == ["Pat unhappy"]
