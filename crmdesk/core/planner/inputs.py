"""What the outreach planner is given: tiers, accounts, contacts, dates, follow-ups, filters.

Plain frozen dataclasses that :mod:`crmdesk.db.planning` fills from a book (or a test builds by
hand); :class:`PlanInput` is the whole input, :class:`PlanFilter` narrows a plan to some tiers, an
owner, a tag or some kinds. The planner itself is described in :mod:`crmdesk.core.planner`.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from crmdesk.core.dates import DateSpec
from crmdesk.core.money import Money

if TYPE_CHECKING:
    from crmdesk.core.planner.preparation import Prepared

MAX_PLAN_DAYS = 3660
"""The longest plan: ten years."""

DORMANT_STATUS = "dormant"


class ItemKind(StrEnum):
    """What a plan item is about."""

    FOLLOW_UP = "follow_up"
    DORMANT = "dormant"
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    OTHER_DATE = "other_date"
    FESTIVAL = "festival"
    NEGLECT = "neglect"


KIND_ORDER: tuple[ItemKind, ...] = tuple(ItemKind)
"""The order of kinds within a day."""

GIFT_KINDS = frozenset(
    {
        ItemKind.BIRTHDAY,
        ItemKind.ANNIVERSARY,
        ItemKind.OTHER_DATE,
        ItemKind.DORMANT,
        ItemKind.FESTIVAL,
    }
)
"""Kinds that are occasions for a greeting or a gift (they have a buy-by day and a budget)."""


# -- input ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanTier:
    """A tier as the planner needs it: its code, rank (0 first), cadence and greeting budget."""

    code: str
    name: str
    rank: int
    cadence_days: int
    budget: Money | None = None


@dataclass(frozen=True, slots=True)
class LastGift:
    """The last gift a contact received: what, its value, and when."""

    description: str
    value: Money | None
    given_on: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "value": None if self.value is None else self.value.to_json(),
            "given_on": self.given_on.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class PlanAccount:
    """An account: tier and owner of its own, status, tags, and when it was last touched.

    ``last_touch`` is the day of the latest interaction logged with the account or with any of its
    contacts (None: never); ``since`` the day it was added, which counts when it was never touched.
    """

    id: str
    name: str
    tier: str | None = None
    owner: str | None = None
    status: str = "existing"
    tags: tuple[str, ...] = ()
    last_touch: dt.date | None = None
    since: dt.date = dt.date(1901, 1, 1)


@dataclass(frozen=True, slots=True)
class PlanContact:
    """A contact, with what the planner needs already resolved.

    ``tier`` and ``owner`` are effective (the contact's own, else the account's); ``own_tier`` says
    whether the tier is the contact's own. ``tags`` are the contact's and its account's.
    ``last_touch`` is the day of the latest interaction the contact attended or received a gift in.
    """

    id: str
    name: str
    account_id: str | None = None
    account_name: str | None = None
    tier: str | None = None
    own_tier: bool = False
    owner: str | None = None
    tags: tuple[str, ...] = ()
    last_touch: dt.date | None = None
    since: dt.date = dt.date(1901, 1, 1)
    last_gift: LastGift | None = None


@dataclass(frozen=True, slots=True)
class PlanDate:
    """An important date of a contact, or of one of the contact's family members."""

    id: str
    contact_id: str
    kind: str  # birthday, anniversary, other
    spec: DateSpec
    label: str = ""
    family_member_id: str | None = None
    family_member_name: str | None = None
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class PlanFollowUp:
    """An open follow-up: what was promised, by when, to whom."""

    id: str
    due_on: dt.date
    description: str
    contact_id: str | None = None
    account_id: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class PlanInput:
    """Everything a plan is computed from; build it once and plan as often as filters change.

    ``done`` holds the keys of occasions already marked done (:func:`done_key`): for an important
    date ``"date:<date id>:<day>"``, for a festival ``"festival:<key>:<day>:<contact id>"``.
    ``skipped_dates`` counts stored dates that could not be read (reported, not planned).
    What the planner derives from the input (dates grouped by kind, relationships sorted by when
    they fall due) is computed on the first plan and kept for the next ones.
    """

    tiers: Sequence[PlanTier] = ()
    accounts: Sequence[PlanAccount] = ()
    contacts: Sequence[PlanContact] = ()
    dates: Sequence[PlanDate] = ()
    follow_ups: Sequence[PlanFollowUp] = ()
    done: frozenset[str] = frozenset()
    skipped_dates: int = 0

    # cached_property writes the instance dict directly, so it works on a frozen dataclass.

    @cached_property
    def contact_by_id(self) -> dict[str, PlanContact]:
        return {c.id: c for c in self.contacts}

    @cached_property
    def account_by_id(self) -> dict[str, PlanAccount]:
        return {a.id: a for a in self.accounts}

    @cached_property
    def tier_by_code(self) -> dict[str, PlanTier]:
        return {t.code.upper(): t for t in self.tiers}

    @cached_property
    def prepared(self) -> Prepared:
        """The input indexed for planning (see :class:`Prepared`); made on first use."""
        from crmdesk.core.planner.preparation import Prepared  # preparation imports this module

        with gc_paused():
            return Prepared(self)

    @cached_property
    def done_dates(self) -> dict[str, set[dt.date]]:
        out: dict[str, set[dt.date]] = {}
        for key in self.done:
            parts = key.split(":")
            if len(parts) == 3 and parts[0] == "date":
                try:
                    out.setdefault(parts[1], set()).add(dt.date.fromisoformat(parts[2]))
                except ValueError:
                    continue
        return out

    @cached_property
    def done_festivals(self) -> dict[tuple[str, dt.date], set[str]]:
        out: dict[tuple[str, dt.date], set[str]] = {}
        for key in self.done:
            parts = key.split(":")
            if len(parts) == 4 and parts[0] == "festival":
                try:
                    day = dt.date.fromisoformat(parts[2])
                except ValueError:
                    continue
                out.setdefault((parts[1], day), set()).add(parts[3])
        return out


def done_key(kind: str, ref: str, day: dt.date, contact_id: str | None = None) -> str:
    """The key that marks an occasion done: ``date`` + date id, or ``festival`` + key + contact."""
    key = f"{kind}:{ref}:{day.isoformat()}"
    return key if contact_id is None else f"{key}:{contact_id}"


@dataclass(frozen=True, slots=True)
class PlanFilter:
    """Which contacts the plan covers; empty means everyone.

    ``tiers`` are matched without regard to case; ``owner`` and ``tag`` likewise, after trimming.
    ``kinds`` keeps only items of those kinds.
    """

    tiers: tuple[str, ...] = ()
    owner: str | None = None
    tag: str | None = None
    kinds: tuple[ItemKind, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.tiers or self.owner or self.tag)


NO_FILTER = PlanFilter()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off CPython's cyclic garbage collector while building many small objects.

    Each collection would otherwise re-walk the growing lists (the planner's objects form no
    cycles, so postponing loses nothing); the previous state is restored, even on error.

    Leaving the outermost pause freezes what was built (``gc.freeze``): it lives until dropped,
    and reference counting frees it then. Left young, the collector would walk it at once and
    twice more as it aged, about 50 ms each for a 100,000-contact plan input with the GIL held,
    so the GUI thread stalled while the app's worker built the day's reminders. (Locking a book
    in the app unfreezes and collects.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


RELEASE_SLICE = 2000


def release(data: PlanInput) -> None:
    """Free a plan input a slice at a time; ``data`` is empty afterwards.

    Call it where the last reference would be dropped, on a worker. Dropped at once, a big book's
    input (half a million objects at 100,000 contacts) is freed in one stretch of C code that
    holds the GIL for about 50 ms, and the GUI thread cannot run meanwhile; freed a slice at a
    time, the GUI thread gets its turn between slices.
    """
    held = vars(data)  # the fields and what cached_property stored
    parts: list[Any] = list(held.values())
    prepared = held.get("prepared")
    if prepared is not None:
        parts += list(vars(prepared).values())
    for part in parts:
        if isinstance(part, list):
            while part:
                del part[-RELEASE_SLICE:]
        elif isinstance(part, dict):
            while part:
                part.popitem()
