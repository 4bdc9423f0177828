"""What a sales manager watches besides the pipeline: retention, accounts at risk, the depth of a
key account's decision chain, and complaints followed through (issue #18, the seeds' rules).

Pure rules over plain data; :mod:`crmdesk.db.retention_stats` reads the book in a few set-based
queries and hands the rows here.

* **Active.** An account is active in a period when it had an interaction of a kind that counts
  (by default visits, meals, calls and gifts, not automated greetings; a book setting) or a won
  opportunity. An interaction counts for its own account; one logged with no account counts for
  the accounts of its attendees as they are now (so a contact who changed account takes their
  account-less history along, while what was logged with the old account stays there).
* **Retention** of a period: of the accounts active in the period before, the share still active
  in it. An account that comes back after a period away counts as *returned*, not as kept. The
  five-year view compounds the yearly rate: 80% a year keeps 33% of today's accounts in five years.
* **At risk** — key accounts whose touches over the last year fell against the year before,
  that passed their tier's cadence, lost an opportunity in the last year, or have an open complaint.
* **Decision chain** — per key account, the roles that have a contact, the roles touched within
  the tier's cadence and the distinct contacts touched in the last cadence period; an account with
  at most one contact touched in that period hangs on one person (single-threaded).
* **Complaints** — open ones by age, time to resolution by tier, accounts with repeated ones.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

DEFAULT_ACTIVE_KINDS: tuple[str, ...] = ("visit", "meal", "call", "gift")
"""Interaction kinds that make an account active (automated greetings do not)."""

OPEN_COMPLAINT = frozenset({"open", "in_progress"})
DONE_COMPLAINT = frozenset({"resolved", "closed"})
AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 30), (31, 90), (91, None))
"""Open complaints' age brackets in days (inclusive; None: no upper end)."""
REPEAT_DAYS = 365
"""Complaints of one account within this many days count as repeated (two or more)."""
YEARS_AHEAD = 5


# -- periods -------------------------------------------------------------------------------------


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar year or quarter: ``start`` inclusive, ``end`` exclusive (local days)."""

    label: str
    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.start <= day < self.end


def periods(kind: PeriodKind, today: dt.date, count: int) -> tuple[Period, ...]:
    """The ``count`` calendar periods up to the one holding ``today`` (included), oldest first."""
    if count < 2:
        raise ValueError("retention needs at least two periods")
    out: list[Period] = []
    if kind is PeriodKind.YEAR:
        for year in range(today.year - count + 1, today.year + 1):
            out.append(Period(str(year), dt.date(year, 1, 1), dt.date(year + 1, 1, 1)))
        return tuple(out)
    index = today.year * 4 + (today.month - 1) // 3
    for i in range(index - count + 1, index + 1):
        year, q = divmod(i, 4)
        start = dt.date(year, q * 3 + 1, 1)
        end = dt.date(year + 1, 1, 1) if q == 3 else dt.date(year, q * 3 + 4, 1)
        out.append(Period(f"{year}-Q{q + 1}", start, end))
    return tuple(out)


# -- retention -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetentionAccount:
    """An account as retention groups it: its current tier and owner."""

    account_id: str
    name: str
    tier: str | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class RetentionCell:
    """Retention of one group (``group``: "all", a tier code or an owner) in one period."""

    period: str
    dimension: str  # all, tier, owner
    group: str | None
    active_before: int
    kept: int
    returned: int
    active_now: int

    @property
    def rate(self) -> float | None:
        return None if self.active_before == 0 else self.kept / self.active_before


@dataclass(frozen=True, slots=True)
class LostAccount:
    """Active in the period before the last, not in the last: when last touched, and by whom."""

    account_id: str
    name: str
    tier: str | None
    owner: str | None
    last_touch: dt.date | None
    last_owner: str | None


@dataclass(frozen=True)
class Retention:
    kind: PeriodKind
    periods: tuple[Period, ...]
    cells: tuple[RetentionCell, ...]
    lost: tuple[LostAccount, ...]
    active_kinds: tuple[str, ...]

    def overall(self) -> tuple[RetentionCell, ...]:
        return tuple(c for c in self.cells if c.dimension == "all")

    def latest_rate(self) -> float | None:
        """The last period's rate over every account (None: nobody was active before it)."""
        cells = self.overall()
        return cells[-1].rate if cells else None

    def yearly_rate(self) -> float | None:
        """The latest rate per year (a quarter's rate compounded over four quarters)."""
        rate = self.latest_rate()
        if rate is None:
            return None
        return rate if self.kind is PeriodKind.YEAR else rate**4

    def five_years(self) -> tuple[float, ...]:
        """What the yearly rate keeps of today's accounts after 1..5 years (empty: no rate)."""
        return compounded(self.yearly_rate())

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "active_kinds": list(self.active_kinds),
            "periods": [p.label for p in self.periods],
            "cells": [
                {
                    "period": c.period,
                    "dimension": c.dimension,
                    "group": c.group,
                    "active_before": c.active_before,
                    "kept": c.kept,
                    "returned": c.returned,
                    "active_now": c.active_now,
                    "rate": None if c.rate is None else round(c.rate, 4),
                }
                for c in self.cells
            ],
            "five_years": [round(r, 4) for r in self.five_years()],
            "lost": [
                {
                    "account_id": a.account_id,
                    "name": a.name,
                    "tier": a.tier,
                    "owner": a.owner,
                    "last_touch": None if a.last_touch is None else a.last_touch.isoformat(),
                    "last_owner": a.last_owner,
                }
                for a in self.lost
            ],
        }


def compounded(rate: float | None, years: int = YEARS_AHEAD) -> tuple[float, ...]:
    """``rate`` kept year after year: (rate, rate², …) for 1..``years`` years."""
    if rate is None:
        return ()
    return tuple(rate**n for n in range(1, years + 1))


def retention(
    *,
    kind: PeriodKind,
    spans: Sequence[Period],
    accounts: Sequence[RetentionAccount],
    active: Iterable[tuple[str, int]],
    last_touch: Mapping[str, dt.date],
    last_owner: Mapping[str, str | None],
    active_kinds: Sequence[str] = DEFAULT_ACTIVE_KINDS,
) -> Retention:
    """Retention over ``spans`` from ``active`` (account id, period index) pairs."""
    by_id = {a.account_id: a for a in accounts}
    sets: list[set[str]] = [set() for _ in spans]
    for account_id, index in active:
        if account_id in by_id and 0 <= index < len(spans):
            sets[index].add(account_id)
    cells: list[RetentionCell] = []
    groupings: tuple[tuple[str, Any], ...] = (
        ("all", lambda a: None),
        ("tier", lambda a: a.tier),
        ("owner", lambda a: a.owner),
    )
    for i in range(1, len(spans)):
        before, now = sets[i - 1], sets[i]
        ever_before = set().union(*sets[: i - 1]) if i > 1 else set()
        for dimension, key in groupings:
            groups: dict[str | None, list[int]] = {}
            for account_id in before | now:
                account = by_id[account_id]
                counts = groups.setdefault(key(account), [0, 0, 0, 0])
                if account_id in before:
                    counts[0] += 1
                    if account_id in now:
                        counts[1] += 1
                elif account_id in ever_before:
                    counts[2] += 1
                if account_id in now:
                    counts[3] += 1
            for group in sorted(groups, key=lambda g: (g is None, g or "")):
                a, k, r, n = groups[group]
                cells.append(RetentionCell(spans[i].label, dimension, group, a, k, r, n))
    lost: list[LostAccount] = []
    if len(spans) >= 2:
        for account_id in sets[-2] - sets[-1]:
            account = by_id[account_id]
            lost.append(
                LostAccount(
                    account_id,
                    account.name,
                    account.tier,
                    account.owner,
                    last_touch.get(account_id),
                    last_owner.get(account_id, account.owner),
                )
            )
    lost.sort(key=lambda a: (a.last_touch or dt.date.min, a.name))
    return Retention(kind, tuple(spans), tuple(cells), tuple(lost), tuple(active_kinds))


# -- at risk -------------------------------------------------------------------------------------


class RiskReason(StrEnum):
    OPEN_COMPLAINT = "open_complaint"
    LOST_OPPORTUNITY = "lost_opportunity"
    PAST_CADENCE = "past_cadence"
    TOUCHES_FELL = "touches_fell"


RISK_WEIGHT = {
    RiskReason.OPEN_COMPLAINT: 4,
    RiskReason.LOST_OPPORTUNITY: 3,
    RiskReason.PAST_CADENCE: 2,
    RiskReason.TOUCHES_FELL: 1,
}


@dataclass(frozen=True, slots=True)
class KeyAccountFacts:
    """What the at-risk rules read about one key account."""

    account_id: str
    name: str
    tier: str
    owner: str | None
    cadence_days: int
    last_touch: dt.date | None
    touches_this_year: int
    touches_last_year: int
    lost_opportunities: int
    open_complaints: int


@dataclass(frozen=True, slots=True)
class RiskAccount:
    facts: KeyAccountFacts
    reasons: tuple[RiskReason, ...]
    days_since: int | None

    @property
    def score(self) -> int:
        return sum(RISK_WEIGHT[r] for r in self.reasons)

    def reason_texts(self) -> tuple[str, ...]:
        """English reasons (the CLI's and JSON's; the GUI translates from the facts)."""
        f = self.facts
        out = []
        for reason in self.reasons:
            if reason is RiskReason.OPEN_COMPLAINT:
                out.append(f"{f.open_complaints} open complaint(s)")
            elif reason is RiskReason.LOST_OPPORTUNITY:
                out.append(f"{f.lost_opportunities} opportunity(ies) lost in the last year")
            elif reason is RiskReason.PAST_CADENCE:
                since = "never touched" if self.days_since is None else f"{self.days_since} days"
                out.append(f"past the {f.cadence_days}-day cadence ({since})")
            else:
                out.append(
                    f"touches fell: {f.touches_this_year} in the last 12 months against "
                    f"{f.touches_last_year} the year before"
                )
        return tuple(out)

    def to_json(self) -> dict[str, Any]:
        f = self.facts
        return {
            "account_id": f.account_id,
            "name": f.name,
            "tier": f.tier,
            "owner": f.owner,
            "score": self.score,
            "reasons": [str(r) for r in self.reasons],
            "why": list(self.reason_texts()),
            "last_touch": None if f.last_touch is None else f.last_touch.isoformat(),
            "days_since": self.days_since,
            "cadence_days": f.cadence_days,
            "touches_this_year": f.touches_this_year,
            "touches_last_year": f.touches_last_year,
            "lost_opportunities": f.lost_opportunities,
            "open_complaints": f.open_complaints,
        }


def at_risk(facts: Iterable[KeyAccountFacts], *, today: dt.date) -> tuple[RiskAccount, ...]:
    """The key accounts with at least one reason, the most reasons (by weight) first."""
    out: list[RiskAccount] = []
    for f in facts:
        days = None if f.last_touch is None else (today - f.last_touch).days
        reasons: list[RiskReason] = []
        if f.open_complaints:
            reasons.append(RiskReason.OPEN_COMPLAINT)
        if f.lost_opportunities:
            reasons.append(RiskReason.LOST_OPPORTUNITY)
        if days is None or days > f.cadence_days:
            reasons.append(RiskReason.PAST_CADENCE)
        if f.touches_this_year < f.touches_last_year:
            reasons.append(RiskReason.TOUCHES_FELL)
        if reasons:
            out.append(RiskAccount(f, tuple(reasons), days))
    out.sort(key=lambda r: (-r.score, -(r.days_since if r.days_since is not None else 10**6),
                            r.facts.name))  # fmt: skip
    return tuple(out)


# -- decision chain ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainContact:
    contact_id: str
    name: str
    role: str | None
    last_touch: dt.date | None


@dataclass(frozen=True, slots=True)
class ChainDepth:
    """One key account's decision chain (see the module docstring)."""

    account_id: str
    name: str
    tier: str
    owner: str | None
    cadence_days: int
    roles: tuple[str, ...]  # roles that have a contact
    roles_touched: tuple[str, ...]  # of those, touched within the cadence
    contacts: int
    touched_contacts: int  # distinct contacts touched in the last cadence period
    people: tuple[ChainContact, ...] = field(default=())

    @property
    def single_threaded(self) -> bool:
        return self.touched_contacts <= 1

    @property
    def missing_roles(self) -> tuple[str, ...]:
        return tuple(r for r in self.roles if r not in self.roles_touched)


def chain_depth(
    account: RetentionAccount,
    *,
    tier: str,
    cadence_days: int,
    people: Sequence[ChainContact],
    today: dt.date,
) -> ChainDepth:
    since = today - dt.timedelta(days=cadence_days)
    roles = sorted({p.role for p in people if p.role})
    touched = [p for p in people if p.last_touch is not None and p.last_touch >= since]
    roles_touched = sorted({p.role for p in touched if p.role})
    return ChainDepth(
        account.account_id,
        account.name,
        tier,
        account.owner,
        cadence_days,
        tuple(roles),
        tuple(roles_touched),
        len(people),
        len(touched),
        tuple(people),
    )


def worst_chains_first(chains: Iterable[ChainDepth]) -> tuple[ChainDepth, ...]:
    """Single-threaded first; then fewest contacts touched, fewest roles touched, by name."""
    return tuple(
        sorted(
            chains,
            key=lambda c: (
                not c.single_threaded,
                c.touched_contacts,
                len(c.roles_touched),
                c.contacts,
                c.name,
            ),
        )
    )


# -- complaints ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComplaintFact:
    complaint_id: str
    account_id: str | None
    account_name: str | None
    tier: str | None
    owner: str | None
    received_on: dt.date
    status: str
    resolved_on: dt.date | None
    description: str


@dataclass(frozen=True, slots=True)
class AgeCount:
    owner: str | None
    bucket: int  # index into AGE_BUCKETS
    count: int


@dataclass(frozen=True, slots=True)
class ResolutionTime:
    tier: str | None
    resolved: int
    median_days: float
    mean_days: float
    longest_days: int


@dataclass(frozen=True, slots=True)
class RepeatedComplaints:
    account_id: str
    name: str
    owner: str | None
    count: int
    open: int
    last_received: dt.date


@dataclass(frozen=True)
class ComplaintStats:
    open: tuple[ComplaintFact, ...]  # oldest first
    ages: tuple[AgeCount, ...]
    resolution: tuple[ResolutionTime, ...]
    repeated: tuple[RepeatedComplaints, ...]


def age_bucket(days: int) -> int:
    for index, (low, high) in enumerate(AGE_BUCKETS):
        if days >= low and (high is None or days <= high):
            return index
    return 0  # received in the future (a date typed ahead): as new as it gets


def complaint_stats(facts: Iterable[ComplaintFact], *, today: dt.date) -> ComplaintStats:
    rows = list(facts)
    open_rows = sorted(
        (f for f in rows if f.status in OPEN_COMPLAINT),
        key=lambda f: (f.received_on, f.complaint_id),
    )
    ages: dict[tuple[str | None, int], int] = {}
    for f in open_rows:
        key = (f.owner, age_bucket((today - f.received_on).days))
        ages[key] = ages.get(key, 0) + 1
    by_tier: dict[str | None, list[int]] = {}
    for f in rows:
        if f.status in DONE_COMPLAINT and f.resolved_on is not None:
            by_tier.setdefault(f.tier, []).append(max(0, (f.resolved_on - f.received_on).days))
    resolution = tuple(
        ResolutionTime(tier, len(d), statistics.median(d), statistics.fmean(d), max(d))
        for tier, d in sorted(by_tier.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    )
    recent = today - dt.timedelta(days=REPEAT_DAYS)
    per_account: dict[str, list[ComplaintFact]] = {}
    for f in rows:
        if f.account_id is not None and f.received_on >= recent:
            per_account.setdefault(f.account_id, []).append(f)
    repeated = [
        RepeatedComplaints(
            aid,
            group[0].account_name or "",
            group[0].owner,
            len(group),
            sum(1 for f in group if f.status in OPEN_COMPLAINT),
            max(f.received_on for f in group),
        )
        for aid, group in per_account.items()
        if len(group) >= 2
    ]
    repeated.sort(key=lambda r: (-r.count, -r.open, r.name))
    return ComplaintStats(
        tuple(open_rows),
        tuple(AgeCount(o, b, n) for (o, b), n in sorted(ages.items(), key=_age_key)),
        resolution,
        tuple(repeated),
    )


def _age_key(item: tuple[tuple[str | None, int], int]) -> tuple[bool, str, int]:
    (owner, bucket), _ = item
    return (owner is None, owner or "", bucket)


@dataclass(frozen=True)
class ManagerViews:
    """Everything the Team tab's managers' page shows, made on the worker in one go."""

    today: dt.date
    retention: Retention
    risk: tuple[RiskAccount, ...]
    chains: tuple[ChainDepth, ...]
    complaints: ComplaintStats
