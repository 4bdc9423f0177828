"""The team dashboard as plain data: what :mod:`crmdesk.db.team_stats` computes, the GUI shows.

A manager's device holds the team's books (pulled read-only through sync scope) in its one
encrypted book; a rep's holds their own. Every figure is per *owner*: the account's ``owner``
when set, else the user whose server book the record came from, else ``None`` — unassigned (the
GUI words that label; core keeps it as ``None``).

*Key accounts* are those of the most important tiers: rank 0 by default
(:data:`DEFAULT_KEY_RANKS`). An account is *covered* when it was touched (an interaction logged
with it, attended by or giving a gift to one of its contacts) within its tier's cadence:
touched exactly ``cadence_days`` ago still counts, as in the planner, whose neglect list starts
the day after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from crmdesk.core.money import Money
from crmdesk.core.planner import PlanItem

DEFAULT_KEY_RANKS: tuple[int, ...] = (0,)
DEFAULT_OCCASION_DAYS = 30

Owner = str | None  # None: unassigned


@dataclass(frozen=True, slots=True)
class TierOwnerCount:
    """How many live accounts of a tier (None: no tier) one owner holds."""

    tier: str | None
    owner: Owner
    accounts: int


@dataclass(frozen=True, slots=True)
class Coverage:
    """Key accounts of one owner, and how many of them were touched within their cadence."""

    owner: Owner
    key_accounts: int
    covered: int

    @property
    def share(self) -> float:
        """Covered / key accounts (0.0 when the owner holds none)."""
        return self.covered / self.key_accounts if self.key_accounts else 0.0


@dataclass(frozen=True, slots=True)
class KeyAccount:
    """A key account with its last touch: ``days_since`` None means never touched."""

    account_id: str
    name: str
    tier: str
    owner: Owner
    cadence_days: int
    last_touch: dt.date | None
    days_since: int | None

    @property
    def covered(self) -> bool:
        return self.days_since is not None and self.days_since <= self.cadence_days


@dataclass(frozen=True, slots=True)
class OverdueFollowUp:
    """An open follow-up past its day."""

    follow_up_id: str
    description: str
    due_on: dt.date
    days_overdue: int
    owner: Owner
    contact_id: str | None
    contact_name: str | None
    account_id: str | None
    account_name: str | None


@dataclass(frozen=True, slots=True)
class StageTotal:
    """Opportunities of one funnel stage, owner and currency: how many and for how much.

    ``stage`` is a stage code, with the result stage split into ``won`` and ``lost``;
    ``amount`` sums the opportunities that have an amount (``count`` counts them all).
    """

    stage: str
    owner: Owner
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class ComingOccasion:
    """A key relationship's occasion in the coming days, as the planner places it."""

    day: dt.date
    kind: str  # the planner's ItemKind value: birthday, anniversary, other_date, dormant, festival
    owner: Owner
    tier: str | None
    contact_id: str | None
    account_id: str | None
    item: PlanItem  # for the planner's wording of who and why


PIPELINE_STAGES: tuple[str, ...] = ("identify", "qualify", "develop", "propose", "won", "lost")


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard shows, computed on ``today`` (the local day)."""

    today: dt.date
    key_ranks: tuple[int, ...]
    tiers: tuple[str, ...]  # tier codes, most important first
    key_tiers: tuple[str, ...]
    by_tier_owner: tuple[TierOwnerCount, ...]
    key_accounts: tuple[KeyAccount, ...]
    overdue: tuple[OverdueFollowUp, ...]
    pipeline: tuple[StageTotal, ...]
    occasions: tuple[ComingOccasion, ...]
    occasion_days: int

    @property
    def owners(self) -> tuple[Owner, ...]:
        """Every owner that appears, named ones sorted, unassigned last."""
        seen: set[Owner] = {c.owner for c in self.by_tier_owner}
        seen |= {f.owner for f in self.overdue} | {s.owner for s in self.pipeline}
        return sort_owners(seen)

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """Coverage of key accounts per owner (owners holding key accounts only)."""
        totals: dict[Owner, list[int]] = {}
        for account in self.key_accounts:
            pair = totals.setdefault(account.owner, [0, 0])
            pair[0] += 1
            pair[1] += account.covered
        return tuple(Coverage(o, *totals[o]) for o in sort_owners(totals))

    @property
    def neglected(self) -> tuple[KeyAccount, ...]:
        """Key accounts not touched within their cadence: never touched first, then the longest."""
        return tuple(
            sorted(
                (a for a in self.key_accounts if not a.covered),
                key=lambda a: (a.days_since is not None, -(a.days_since or 0), a.name),
            )
        )

    def overdue_per_owner(self) -> dict[Owner, int]:
        counts: dict[Owner, int] = {}
        for item in self.overdue:
            counts[item.owner] = counts.get(item.owner, 0) + 1
        return {o: counts[o] for o in sort_owners(counts)}

    @property
    def is_empty(self) -> bool:
        return not (self.by_tier_owner or self.overdue or self.pipeline or self.occasions)


def sort_owners(owners: Iterable[Owner]) -> tuple[Owner, ...]:
    """Named owners in case-insensitive order, unassigned (None) last."""
    seen = set(owners)
    named = sorted((o for o in seen if o is not None), key=lambda o: (o.casefold(), o))
    return (*named, None) if None in seen else tuple(named)
