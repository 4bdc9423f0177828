"""The outreach planner: whom to greet in the next N days, and why (三节两寿, neglect, follow-ups).

The planner is pure computation over plain dataclasses: :class:`PlanInput` (tiers, accounts,
contacts with their last touch and last gift, important dates, open follow-ups, the occasions
already marked done) goes in, a :class:`Plan` — the agenda grouped by day — comes out.
:mod:`crmdesk.db.planning` loads the input from a book in a handful of set-based queries and marks
items done through the services.

What the plan holds, day by day from ``start`` to ``start + days - 1``:

* **Occasions** — every important date of every contact and family member that falls in the range
  (kind ``birthday``, ``anniversary`` or ``other_date``), in the Gregorian or lunar calendar, placed
  by the :class:`~crmdesk.core.occasions.OccasionPolicy` of the settings (29 February, missing leap
  months, lunar day 30). ``years`` is the age or the count of years when the year is known;
  ``buy_by`` is the occasion minus the lead time; the suggested budget is the contact's tier's
  greeting budget; ``last_gift`` is the last gift that contact received.
* **Dormant** — a contact's own birthday becomes kind ``dormant`` when the relationship is dormant:
  the account's status is "dormant", or nothing was logged with the contact or their account for
  more than ``dormant_days`` (default three years; a contact never touched counts from the day it
  was added). That is the hotel's "we miss you" letter, on the guest's birthday.
* **Festivals** — one item per festival day, listing the contacts of the tiers it applies to
  (never one row per contact), with the total suggested budget.
* **Follow-ups** — open follow-ups due in the range on their day; overdue ones on the first day.
* **Neglect** — on the first day, the relationships untouched past their tier's cadence, the most
  overdue first (days past the cadence, then days untouched). Accounts are checked against the
  account's tier (a touch of any of its contacts touches the account); contacts are checked on
  their own only when they have a tier of their own or no account — the others are covered by
  their account's item, so one neglected key account is one line, not twenty.

Within a day items come in the order follow-up, dormant, birthday, anniversary, other date,
festival, neglect; occasions of one kind by tier (most important first), then in input order.

Filters (:class:`PlanFilter`) keep the contacts of some tiers (a contact's own tier, else its
account's), of one owner (the contact's, else the account's) or with one tag (the contact's or
its account's); accounts and follow-ups are filtered the same way.

Speed: a 365-day plan over 100,000 contacts with lunar birthdays is measured by
``python -m crmdesk.bench.planner``. Dates are grouped by kind of date (fewer than 1,100 kinds)
once per :class:`PlanInput`, each kind is resolved once per year through the cached lunar tables,
and items share one :class:`OccasionDay` per kind and day.
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple, cast

from crmdesk.core.dates import Calendar, DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import Festival
from crmdesk.core.lunar import LunarDate
from crmdesk.core.money import Money
from crmdesk.core.occasions import check_range, occurrences_for_many
from crmdesk.core.planner_config import DEFAULT_SETTINGS, PlannerSettings, TierSet

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

_DATE_KINDS = {
    "birthday": ItemKind.BIRTHDAY,
    "anniversary": ItemKind.ANNIVERSARY,
}

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
    def prepared(self) -> _Prepared:
        """The input indexed for planning (see :class:`_Prepared`); made on first use."""
        with gc_paused():
            return _Prepared(self)

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


# One important date ready for planning: the date, its contact, the year (None when unknown) and
# the greeting budget of the contact's tier.
_Member = tuple[PlanDate, PlanContact, int | None, Money | None]


# A relationship with a cadence: (due day, last touch, tier rank, name, contact, account) — the
# contact for a contact on its own, the account for an account. Days are ordinals.
_Due = tuple[int, int, int, str, PlanContact | None, PlanAccount | None]


class _Block:
    """The dates of one kind of date (calendar, month, day, leap), one item kind and one tier.

    They fall on the same days, so the planner places the whole block with one entry; only the
    members to leave out on a day (dormant ones, moved to their own slot; those born after the
    day; those a filter hides) are listed, by position.
    """

    __slots__ = ("dormant_slot", "index", "kind", "max_year", "members", "slot", "tier")

    def __init__(self, index: int, kind: ItemKind, tier: str, slot: int, dormant_slot: int) -> None:
        self.index = index
        self.kind = kind
        self.tier = tier
        self.slot = slot
        self.dormant_slot = dormant_slot
        self.members: list[_Member] = []
        self.max_year: int | None = None


class _Prepared:
    """What the planner derives from one :class:`PlanInput`, whatever the range and filters.

    * ``groups``: per kind of date, a yearless spec of that kind and its blocks (:class:`_Block`,
      by item kind and tier, most important tier first) — the planner resolves a kind once per
      year and places whole blocks;
    * ``own_birthdays``: per contact, where its own birthdays sit in the blocks (they turn
      "dormant" when the relationship is);
    * ``touch``: per contact the ordinal of the relationship's last touch (the later of the
      contact's and its account's; the day it was added when never touched), and the contact ids
      sorted by it, so that "untouched since before day X" is a bisection;
    * ``due``: every relationship with a cadence (accounts with a tier; contacts with a tier of
      their own or no account), sorted by the day it falls due (last touch + cadence), so that the
      relationships overdue on a day are a prefix of the list, already the most overdue first;
    * ``by_tier``: the contacts of each tier, for festivals.

    Items within a day are kept in slots ``kind rank * tier_count + tier slot``.
    """

    def __init__(self, data: PlanInput) -> None:
        tiers = sorted(data.tiers, key=lambda t: (t.rank, t.code))
        self.tier_count = len(tiers) + 1  # the last slot is "no tier"
        self.tier_slot = {t.code.upper(): i for i, t in enumerate(tiers)}
        self.budgets = {t.code.upper(): t.budget for t in tiers}
        self.kind_base = {kind: rank * self.tier_count for rank, kind in enumerate(KIND_ORDER)}
        self.slot_kinds = [kind for kind in KIND_ORDER for _ in range(self.tier_count)]
        contacts = data.contact_by_id
        accounts = data.account_by_id
        no_tier = self.tier_count - 1

        # Kinds of date -> (stored date kind, tier) -> block. Keys hold plain str, bool and int
        # only, so hashing them stays in C (a StrEnum's hash is Enum.__hash__, run in Python).
        lunar = Calendar.LUNAR
        by_kind: dict[tuple[bool, int, int, bool], dict[tuple[str, str], _Block]] = {}
        self.blocks: list[_Block] = []
        self.own_birthdays: dict[str, list[tuple[_Block, int]]] = {}
        own_birthdays = self.own_birthdays
        budgets = self.budgets
        birthday = ItemKind.BIRTHDAY
        for date in data.dates:
            contact = contacts.get(date.contact_id)
            if contact is None:
                continue
            spec = date.spec
            key = (spec.calendar is lunar, spec.month, spec.day, spec.is_leap_month)
            tier = contact.tier.upper() if contact.tier else ""
            blocks = by_kind.get(key)
            if blocks is None:
                blocks = by_kind[key] = {}
            block = blocks.get((date.kind, tier))
            if block is None:
                kind = _DATE_KINDS.get(date.kind, ItemKind.OTHER_DATE)
                tier_slot = self.tier_slot.get(tier, no_tier)
                block = blocks[(date.kind, tier)] = _Block(
                    len(self.blocks),
                    kind,
                    tier,
                    self.kind_base[kind] + tier_slot,
                    self.kind_base[ItemKind.DORMANT] + tier_slot,
                )
                self.blocks.append(block)
            year = spec.year
            if year is not None and (block.max_year is None or year > block.max_year):
                block.max_year = year
            members = block.members
            if block.kind is birthday and date.family_member_id is None:
                found = own_birthdays.get(contact.id)
                if found is None:
                    own_birthdays[contact.id] = [(block, len(members))]
                else:
                    found.append((block, len(members)))
            members.append((date, contact, year, budgets.get(tier)))
        self.groups = [
            (
                DateSpec(
                    calendar=Calendar.LUNAR if key[0] else Calendar.GREGORIAN,
                    month=key[1],
                    day=key[2],
                    is_leap_month=key[3],
                ),
                sorted(blocks.values(), key=lambda b: b.slot),
            )
            for key, blocks in by_kind.items()
        ]

        self.touch: dict[str, int] = {}
        self.status_dormant: set[str] = set()
        self.by_tier: dict[str, list[PlanContact]] = {}
        touch = self.touch
        by_tier = self.by_tier
        for contact in data.contacts:
            touched = (contact.last_touch or contact.since).toordinal()
            if contact.account_id is not None:
                account = accounts.get(contact.account_id)
                if account is not None:
                    other = (account.last_touch or account.since).toordinal()
                    if other > touched:
                        touched = other
                    if account.status == DORMANT_STATUS:
                        self.status_dormant.add(contact.id)
            touch[contact.id] = touched
            tier = contact.tier.upper() if contact.tier else ""
            same_tier = by_tier.get(tier)
            if same_tier is None:
                by_tier[tier] = [contact]
            else:
                same_tier.append(contact)
        self.touch_ids = sorted(touch, key=touch.__getitem__)
        self.touch_days = [touch[contact_id] for contact_id in self.touch_ids]
        # Festival guest lists for everyone, by the tiers a festival applies to (see
        # _add_festivals); kept because they are the same for every unfiltered plan.
        self.people_cache: dict[TierSet, tuple[tuple[PlanContact, ...], Money | None]] = {}

        tier_of = data.tier_by_code
        due: list[_Due] = []
        for account in data.accounts:
            tier_row = tier_of.get(account.tier.upper()) if account.tier else None
            if tier_row is not None:
                touched = (account.last_touch or account.since).toordinal()
                cadence = tier_row.cadence_days
                due.append((touched + cadence, touched, tier_row.rank, account.name, None, account))
        for contact in data.contacts:
            if contact.account_id is not None and not contact.own_tier:
                continue
            tier_row = tier_of.get(contact.tier.upper()) if contact.tier else None
            if tier_row is not None:
                touched = (contact.last_touch or contact.since).toordinal()
                cadence = tier_row.cadence_days
                due.append((touched + cadence, touched, tier_row.rank, contact.name, contact, None))
        due.sort(key=itemgetter(0, 1, 2, 3))
        self.due = due
        self.due_days = [entry[0] for entry in due]


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


# -- output -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OccasionDay:
    """One day on which a kind of date falls; shared by every item of that kind on that day.

    ``cycle_year`` is the year in the date's own calendar (the lunar year for a lunar date),
    ``lunar`` the lunar day for a lunar date, ``adjusted`` True when a policy moved it (29
    February → 28 February, a missing leap month → the ordinary month, day 30 → 29).
    """

    date: dt.date
    cycle_year: int
    lunar: LunarDate | None
    adjusted: bool
    buy_by: dt.date


@dataclass(frozen=True, slots=True)
class FestivalDay:
    """A festival on a day and the contacts to greet: those of the tiers it applies to."""

    festival: Festival
    tiers: TierSet
    people: tuple[PlanContact, ...]
    done_ids: frozenset[str]
    buy_by: dt.date

    @property
    def open_people(self) -> tuple[PlanContact, ...]:
        """The people not yet greeted for this festival."""
        if not self.done_ids:
            return self.people
        return tuple(p for p in self.people if p.id not in self.done_ids)


class PlanItem(NamedTuple):
    """One line of the agenda (a named tuple: immutable, and the fastest record Python makes).

    ``day`` is the agenda day (an overdue follow-up and the neglect list sit on the first day).
    ``source`` is what the item is about: a :class:`PlanDate` (occasions, dormant), a
    :class:`FestivalDay`, a :class:`PlanFollowUp`, or None (neglect). ``overdue_days`` is how far
    past its date a follow-up is, or how far past the cadence a neglected relationship is;
    ``days_since`` is the days since the relationship was last touched (neglect, dormant).
    """

    day: dt.date
    kind: ItemKind
    done: bool
    contact: PlanContact | None
    account: PlanAccount | None
    source: PlanDate | FestivalDay | PlanFollowUp | None
    occasion: OccasionDay | None
    years: int | None
    budget: Money | None
    overdue_days: int | None
    days_since: int | None

    # -- what it is about ------------------------------------------------------------------

    @property
    def date(self) -> PlanDate | None:
        return self.source if isinstance(self.source, PlanDate) else None

    @property
    def festival_day(self) -> FestivalDay | None:
        return self.source if isinstance(self.source, FestivalDay) else None

    @property
    def follow_up(self) -> PlanFollowUp | None:
        return self.source if isinstance(self.source, PlanFollowUp) else None

    @property
    def contact_id(self) -> str | None:
        return self.contact.id if self.contact is not None else None

    @property
    def account_id(self) -> str | None:
        if self.account is not None:
            return self.account.id
        return self.contact.account_id if self.contact is not None else None

    @property
    def buy_by(self) -> dt.date | None:
        """The day to buy the gift by (the occasion minus the lead time), for occasions."""
        if self.occasion is not None:
            return self.occasion.buy_by
        festival = self.festival_day
        return festival.buy_by if festival is not None else None

    @property
    def last_gift(self) -> LastGift | None:
        return self.contact.last_gift if self.contact is not None else None

    @property
    def id(self) -> str:
        """A stable id: ``date:<date id>:<day>``, ``dormant:…``, ``festival:<key>:<day>``,
        ``follow-up:<id>``, ``neglect-contact:<id>`` or ``neglect-account:<id>``."""
        source = self.source
        if isinstance(source, PlanDate):
            prefix = "dormant" if self.kind is ItemKind.DORMANT else "date"
            return f"{prefix}:{source.id}:{self.day.isoformat()}"
        if isinstance(source, FestivalDay):
            return f"festival:{source.festival.key}:{self.day.isoformat()}"
        if isinstance(source, PlanFollowUp):
            return f"follow-up:{source.id}"
        if self.account is not None:
            return f"neglect-account:{self.account.id}"
        assert self.contact is not None
        return f"neglect-contact:{self.contact.id}"

    # -- English text for the CLI and for JSON (the GUI builds translated text from the fields)

    @property
    def who(self) -> str:
        source = self.source
        if isinstance(source, FestivalDay):
            return source.festival.name_en
        if isinstance(source, PlanDate) and source.family_member_name and self.contact:
            relation = (source.relation or "family").replace("_", "-")
            return f"{source.family_member_name} ({relation} of {self.contact.name})"
        if self.contact is not None:
            return self.contact.name
        if self.account is not None:
            return self.account.name
        return ""

    @property
    def why(self) -> str:
        source = self.source
        if isinstance(source, PlanDate):
            return _date_reason(self, source)
        if isinstance(source, FestivalDay):
            count = len(source.open_people)
            tiers = "all tiers" if source.tiers is None else "tiers " + ", ".join(source.tiers)
            return f"{source.festival.name_en}: greet {count} contact(s) ({tiers})"
        if isinstance(source, PlanFollowUp):
            late = f" (overdue {self.overdue_days} days)" if self.overdue_days else ""
            return f"Follow-up: {source.description}{late}"
        tier = (
            self.account.tier
            if self.account is not None
            else (self.contact.tier if self.contact is not None else None)
        )
        cadence = (self.days_since or 0) - (self.overdue_days or 0)
        return (
            f"No contact for {self.days_since} days; tier {tier} asks for contact "
            f"every {cadence} days"
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates ISO 8601, money as amount and currency)."""
        data: dict[str, Any] = {
            "id": self.id,
            "day": self.day.isoformat(),
            "kind": str(self.kind),
            "done": self.done,
            "who": self.who,
            "why": self.why,
            "contact_id": self.contact_id,
            "account_id": self.account_id,
            "account": (
                self.account.name
                if self.account is not None
                else (self.contact.account_name if self.contact is not None else None)
            ),
            "tier": (
                self.contact.tier
                if self.contact is not None
                else (self.account.tier if self.account is not None else None)
            ),
            "buy_by": None if self.buy_by is None else self.buy_by.isoformat(),
            "budget": None if self.budget is None else self.budget.to_json(),
            "last_gift": None if self.last_gift is None else self.last_gift.to_json(),
            "years": self.years,
            "overdue_days": self.overdue_days,
            "days_since": self.days_since,
        }
        source = self.source
        if self.occasion is not None:
            data["lunar"] = None if self.occasion.lunar is None else str(self.occasion.lunar)
            data["adjusted"] = self.occasion.adjusted
        if isinstance(source, PlanDate):
            data["date"] = {
                "id": source.id,
                "kind": source.kind,
                "label": source.label,
                "spec": str(source.spec),
                "family_member_id": source.family_member_id,
                "family_member": source.family_member_name,
                "relation": source.relation,
            }
        elif isinstance(source, FestivalDay):
            data["festival"] = {
                "key": source.festival.key,
                "name": source.festival.name_en,
                "name_zh": source.festival.name_zh_hans,
                "tiers": None if source.tiers is None else list(source.tiers),
                "people": [
                    {"id": p.id, "name": p.name, "tier": p.tier, "done": p.id in source.done_ids}
                    for p in source.people
                ],
            }
        elif isinstance(source, PlanFollowUp):
            data["follow_up"] = {
                "id": source.id,
                "due_on": source.due_on.isoformat(),
                "description": source.description,
            }
        return data


def spec_text(spec: DateSpec) -> str:
    """A date as a rep reads it, year left out: "lunar 8/15", "lunar leap 4/10", "3/14"."""
    leap = "leap " if spec.is_leap_month else ""
    prefix = f"lunar {leap}" if spec.is_lunar else ""
    return f"{prefix}{spec.month}/{spec.day}"


def _date_reason(item: PlanItem, date: PlanDate) -> str:
    label = date.label or {
        "birthday": "Birthday",
        "anniversary": "Anniversary",
    }.get(date.kind, "Important date")
    parts = [label]
    if item.years is not None:
        parts.append(f"turns {item.years}" if date.kind == "birthday" else f"{item.years} years")
    occasion = item.occasion
    if date.spec.is_lunar:
        parts.append(spec_text(date.spec))
    if occasion is not None and occasion.adjusted:
        parts.append(f"{spec_text(date.spec)} does not occur this year: kept on this day")
    text = ", ".join(parts)
    if item.kind is ItemKind.DORMANT:
        text += f'; no contact for {item.days_since} days: send a "we miss you" greeting'
    return text


class _DayContext:
    """What a day needs to turn its entries into items: shared by every day of a plan."""

    __slots__ = ("done_dates", "first", "slot_kinds", "start", "touch")

    def __init__(
        self,
        start: dt.date,
        slot_kinds: Sequence[ItemKind],
        touch: Mapping[str, int],
        done_dates: Mapping[str, set[dt.date]],
    ) -> None:
        self.start = start
        self.first = start.toordinal()
        self.slot_kinds = slot_kinds
        self.touch = touch
        self.done_dates = done_dates


_BLOCK_KINDS = frozenset({ItemKind.BIRTHDAY, ItemKind.ANNIVERSARY, ItemKind.OTHER_DATE})


class AgendaDay:
    """One day of the agenda: its items, in the order of the module docstring.

    The plan decides when it is built what falls on the day, for whom and of which kind; the
    :class:`PlanItem` records are made when :attr:`items` is first read (a 365-day plan over
    100,000 contacts holds over 150,000 of them, and a screen shows a few dozen). ``len()`` and
    :meth:`counts` make no items.

    Entries per slot: for birthdays, anniversaries and other dates ``(OccasionDay, block, left
    out positions)``; for dormant birthdays ``(OccasionDay, member)``; for neglect the
    relationship's due entry; for festivals and follow-ups the finished items.
    """

    __slots__ = ("_context", "_items", "_slots", "day")

    def __init__(self, day: dt.date, slots: list[list[Any]], context: _DayContext) -> None:
        self.day = day
        self._slots = slots
        self._context = context
        self._items: tuple[PlanItem, ...] | None = None

    def __repr__(self) -> str:
        return f"AgendaDay({self.day.isoformat()}, {len(self)} items)"

    def __len__(self) -> int:
        return sum(self.counts().values())

    def counts(self) -> dict[ItemKind, int]:
        """Items per kind on this day (kinds with none left out)."""
        out: dict[ItemKind, int] = {}
        for kind, entries in zip(self._context.slot_kinds, self._slots, strict=True):
            if not entries:
                continue
            if kind in _BLOCK_KINDS:
                size = sum(len(block.members) - len(skip) for _, block, skip in entries)
            else:
                size = len(entries)
            out[kind] = out.get(kind, 0) + size
        return out

    @property
    def items(self) -> tuple[PlanItem, ...]:
        if self._items is None:
            with gc_paused():
                self._items = tuple(self._make_items())
        return self._items

    def _make_items(self) -> Iterator[PlanItem]:
        context = self._context
        new = _new_item
        day, start, first = self.day, context.start, context.first
        touch, done_dates = context.touch, context.done_dates
        for kind, entries in zip(context.slot_kinds, self._slots, strict=True):
            if not entries:
                continue
            if kind in _BLOCK_KINDS:
                for shared, block, skip in entries:
                    cycle_year = shared.cycle_year
                    for position, (date, contact, year, budget) in enumerate(block.members):
                        if skip and position in skip:
                            continue
                        done = bool(done_dates) and day in done_dates.get(date.id, ())
                        yield new(
                            PlanItem,
                            (
                                day, kind, done, contact, None, date, shared,
                                None if year is None else cycle_year - year, budget, None, None,
                            ),
                        )  # fmt: skip
            elif kind is ItemKind.DORMANT:
                for shared, (date, contact, year, budget) in entries:
                    done = bool(done_dates) and day in done_dates.get(date.id, ())
                    yield new(
                        PlanItem,
                        (
                            day, kind, done, contact, None, date, shared,
                            None if year is None else shared.cycle_year - year, budget, None,
                            first - touch[contact.id],
                        ),
                    )  # fmt: skip
            elif kind is ItemKind.NEGLECT:
                for due, touched, _, _, contact, account in entries:
                    yield new(
                        PlanItem,
                        (
                            start, kind, False, contact, account, None, None, None, None,
                            first - due, first - touched,
                        ),
                    )  # fmt: skip
            else:
                yield from entries


@dataclass(frozen=True)
class Plan:
    """The agenda from ``start`` to ``end`` (inclusive): only days that have items."""

    start: dt.date
    end: dt.date
    days: tuple[AgendaDay, ...]
    tiers: Mapping[str, PlanTier]
    settings: PlannerSettings
    filters: PlanFilter
    skipped_dates: int = 0

    def items(self) -> Iterator[PlanItem]:
        """Every item, day by day."""
        for day in self.days:
            yield from day.items

    def __len__(self) -> int:
        return sum(len(day) for day in self.days)

    def day(self, day: dt.date) -> AgendaDay | None:
        """The agenda of ``day``, or None if nothing falls on it."""
        for agenda_day in self.days:
            if agenda_day.day == day:
                return agenda_day
        return None

    def find(self, item_id: str) -> PlanItem | None:
        """The item with this id (see :attr:`PlanItem.id`), or None.

        Items with a day in their id are looked for on that day only; neglect items on the first
        day; follow-ups on every day (there are few).
        """
        prefix, _, rest = item_id.partition(":")
        candidates: Sequence[AgendaDay]
        if prefix in ("date", "dormant", "festival"):
            try:
                on = dt.date.fromisoformat(rest.rpartition(":")[2])
            except ValueError:
                return None
            found = self.day(on)
            candidates = [found] if found is not None else []
        elif prefix in ("neglect-contact", "neglect-account"):
            candidates = self.days[:1]
        else:
            candidates = self.days
        for agenda_day in candidates:
            if prefix == "follow-up" and ItemKind.FOLLOW_UP not in agenda_day.counts():
                continue
            for item in agenda_day.items:
                if item.id == item_id:
                    return item
        return None

    def counts(self) -> dict[str, int]:
        """Items per kind (every kind present, zero included); makes no items."""
        counts = {str(kind): 0 for kind in ItemKind}
        for day in self.days:
            for kind, count in day.counts().items():
                counts[str(kind)] += count
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "counts": self.counts(),
            "skipped_dates": self.skipped_dates,
            "days": [
                {"day": d.day.isoformat(), "items": [item.to_json() for item in d.items]}
                for d in self.days
            ],
        }


# -- the plan ---------------------------------------------------------------------------------

# tuple.__new__ builds a named tuple without the Python-level __new__ the class defines: a third
# faster, which counts at 100,000 items. The tuple must list every field, in order.
_new_item = cast(Callable[[type[PlanItem], tuple[Any, ...]], PlanItem], tuple.__new__)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off CPython's cyclic garbage collector while building many small objects.

    Each collection would otherwise re-walk the growing lists (the planner's objects form no
    cycles, so postponing loses nothing); the previous state is restored, even on error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_days(days: int) -> int:
    """``days`` if it is a whole number from 1 to :data:`MAX_PLAN_DAYS`; ValidationError else."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_PLAN_DAYS:
        raise ValidationError(
            f"The plan covers 1 to {MAX_PLAN_DAYS} days, not {days!r}.",
            field="days",
            code="range",
        )
    return days


def check_filter(data: PlanInput, filters: PlanFilter) -> PlanFilter:
    """The filter with tier codes in the book's spelling; ValidationError for an unknown tier."""
    known = data.tier_by_code
    tiers: list[str] = []
    for code in filters.tiers:
        tier = known.get(code.strip().upper())
        if tier is None:
            listed = ", ".join(t.code for t in sorted(data.tiers, key=lambda t: t.rank)) or "none"
            raise ValidationError(
                f"{code.strip()!r} is not a tier of this book; the tiers are: {listed}",
                field="tier",
                code="unknown_tier",
            )
        tiers.append(tier.code)
    owner = filters.owner.strip() if filters.owner and filters.owner.strip() else None
    tag = filters.tag.strip() if filters.tag and filters.tag.strip() else None
    kinds: list[ItemKind] = []
    for kind in filters.kinds:
        try:
            kinds.append(ItemKind(kind))
        except ValueError:
            allowed = ", ".join(str(k) for k in ItemKind)
            raise ValidationError(
                f"{kind!r} is not a kind of plan item; choose from: {allowed}",
                field="kind",
                code="unknown_kind",
            ) from None
    return PlanFilter(tuple(tiers), owner, tag, tuple(kinds))


class _Scope:
    """Which relationships a filter keeps: by tier, owner and tag, compared without case.

    ``visible`` is the set of contact ids kept, computed only when an owner or a tag is asked
    for; a tier alone is decided per block of dates, per tier of festival, per relationship.
    """

    def __init__(self, data: PlanInput, filters: PlanFilter) -> None:
        self.tiers = frozenset(t.upper() for t in filters.tiers) or None
        self.owner = filters.owner.casefold() if filters.owner else None
        self.tag = filters.tag.casefold() if filters.tag else None
        self.everyone = filters.is_empty
        self.visible: set[str] | None = None
        if self.owner is not None or self.tag is not None:
            self.visible = {c.id for c in data.contacts if self.matches(c.tier, c.owner, c.tags)}

    def tier_ok(self, tier: str | None) -> bool:
        return self.tiers is None or (tier is not None and tier.upper() in self.tiers)

    def matches(self, tier: str | None, owner: str | None, tags: Sequence[str]) -> bool:
        """Whether a relationship with this tier, owner and tags is kept."""
        if not self.tier_ok(tier):
            return False
        if self.owner is not None and (owner is None or owner.strip().casefold() != self.owner):
            return False
        return self.tag is None or any(t.strip().casefold() == self.tag for t in tags)

    def keeps(self, contact: PlanContact) -> bool:
        if self.everyone:
            return True
        if self.visible is not None:
            return contact.id in self.visible
        return self.tier_ok(contact.tier)


def build_plan(
    data: PlanInput,
    *,
    start: dt.date,
    days: int,
    settings: PlannerSettings = DEFAULT_SETTINGS,
    filters: PlanFilter = NO_FILTER,
) -> Plan:
    """The agenda for ``days`` days from ``start`` (the rep's today) — see the module docstring.

    Raises ValidationError naming ``days``, ``start``/``end`` (outside 1901–2099), ``tier`` (not
    a tier of the book) or ``kind``.
    """
    check_days(days)
    end = start + dt.timedelta(days=days - 1)
    check_range(start, end)
    filters = check_filter(data, filters)
    prepared = data.prepared
    scope = _Scope(data, filters)
    slots_per_day = len(prepared.slot_kinds)
    buckets: list[list[list[Any]] | None] = [None] * days

    def bucket(offset: int) -> list[list[Any]]:
        found = buckets[offset]
        if found is None:
            found = buckets[offset] = [[] for _ in range(slots_per_day)]
        return found

    with gc_paused():
        _add_occasions(prepared, start, end, settings, scope, bucket)
        _add_festivals(data, prepared, start, end, settings, scope, bucket)
        _add_follow_ups(data, prepared, start, end, scope, bucket)
        _add_neglect(prepared, start, scope, bucket)
    context = _DayContext(start, prepared.slot_kinds, prepared.touch, data.done_dates)
    keep = frozenset(filters.kinds)
    agenda: list[AgendaDay] = []
    first = start.toordinal()
    for offset, slots in enumerate(buckets):
        if slots is None:
            continue
        if keep:
            for index, kind in enumerate(prepared.slot_kinds):
                if kind not in keep:
                    slots[index] = []
        if any(slots):
            agenda.append(AgendaDay(dt.date.fromordinal(first + offset), slots, context))
    return Plan(
        start=start,
        end=end,
        days=tuple(agenda),
        tiers={t.code: t for t in data.tiers},
        settings=settings,
        filters=filters,
        skipped_dates=data.skipped_dates,
    )


_Bucket = Callable[[int], list[list[Any]]]


def _add_occasions(
    prepared: _Prepared,
    start: dt.date,
    end: dt.date,
    settings: PlannerSettings,
    scope: _Scope,
    bucket: _Bucket,
) -> None:
    first = start.toordinal()
    lead = dt.timedelta(days=settings.lead_days)
    # Relationships untouched since before this day are dormant: a prefix of touch_ids. Their own
    # birthdays leave their blocks for the dormant slot.
    cut = bisect_left(prepared.touch_days, first - settings.dormant_days)
    dormant_at: dict[int, set[int]] = {}
    own_birthdays = prepared.own_birthdays
    for contact_id in chain(prepared.touch_ids[:cut], prepared.status_dormant):
        for block, position in own_birthdays.get(contact_id, ()):
            dormant_at.setdefault(block.index, set()).add(position)
    visible = scope.visible
    groups = prepared.groups
    # One call for every kind of date: each kind is resolved once per year (cached lunar tables).
    kinds = [(index, rep) for index, (rep, _) in enumerate(groups)]
    for index, occurrence in occurrences_for_many(kinds, start, end, settings.policy):
        day = occurrence.date
        cycle_year = occurrence.cycle_year
        shared = OccasionDay(day, cycle_year, occurrence.lunar, occurrence.adjusted, day - lead)
        slots = bucket(day.toordinal() - first)
        for block in groups[index][1]:
            if scope.tiers is not None and block.tier not in scope.tiers:
                continue
            members = block.members
            moved = dormant_at.get(block.index)
            skip: set[int] = set(moved) if moved else set()
            if block.max_year is not None and block.max_year > cycle_year:
                # Born (or married) after this occurrence: not yet a birthday.
                skip.update(
                    i for i, m in enumerate(members) if m[2] is not None and m[2] > cycle_year
                )
            if visible is not None:
                skip.update(i for i, m in enumerate(members) if m[1].id not in visible)
            if len(skip) < len(members):
                slots[block.slot].append((shared, block, skip))
            if moved:
                dormant = slots[block.dormant_slot]
                for position in sorted(moved):
                    member = members[position]
                    year = member[2]
                    if (year is None or year <= cycle_year) and (
                        visible is None or member[1].id in visible
                    ):
                        dormant.append((shared, member))


def _add_festivals(
    data: PlanInput,
    prepared: _Prepared,
    start: dt.date,
    end: dt.date,
    settings: PlannerSettings,
    scope: _Scope,
    bucket: _Bucket,
) -> None:
    first = start.toordinal()
    lead = dt.timedelta(days=settings.lead_days)
    slot = prepared.kind_base[ItemKind.FESTIVAL]
    people_for: dict[TierSet, tuple[tuple[PlanContact, ...], Money | None]] = (
        prepared.people_cache if scope.everyone else {}
    )
    for festival, tiers in settings.applicable_festivals():
        festival_days = festival.dates_between(start, end)
        if not festival_days:
            continue
        if tiers not in people_for:
            codes = list(prepared.by_tier) if tiers is None else [t.upper() for t in tiers]
            chosen: list[PlanContact] = []
            total, currency = 0, None
            for code in dict.fromkeys(codes):
                if not code or not scope.tier_ok(code):
                    continue
                members = prepared.by_tier.get(code, [])
                if scope.visible is not None:
                    members = [p for p in members if p.id in scope.visible]
                chosen.extend(members)
                budget = prepared.budgets.get(code)
                if budget is not None and members and currency in (None, budget.currency):
                    total += budget.minor * len(members)
                    currency = budget.currency
            budget_total = None if currency is None else Money(total, currency)
            people_for[tiers] = (tuple(chosen), budget_total)
        people, budget_total = people_for[tiers]
        for day in festival_days:
            done_ids = frozenset(data.done_festivals.get((festival.key, day), ()))
            info = FestivalDay(festival, tiers, people, done_ids, day - lead)
            done = bool(people) and all(p.id in done_ids for p in people)
            bucket(day.toordinal() - first)[slot].append(
                PlanItem(
                    day,
                    ItemKind.FESTIVAL,
                    done,
                    None,
                    None,
                    info,
                    None,
                    None,
                    budget_total,
                    None,
                    None,
                ),
            )


def _add_follow_ups(
    data: PlanInput,
    prepared: _Prepared,
    start: dt.date,
    end: dt.date,
    scope: _Scope,
    bucket: _Bucket,
) -> None:
    first = start.toordinal()
    base = prepared.kind_base[ItemKind.FOLLOW_UP]
    no_tier = prepared.tier_count - 1
    contacts = data.contact_by_id
    accounts = data.account_by_id
    for follow_up in sorted(data.follow_ups, key=lambda f: (f.due_on, f.id)):
        if follow_up.due_on > end:
            continue
        contact = contacts.get(follow_up.contact_id) if follow_up.contact_id else None
        account = accounts.get(follow_up.account_id) if follow_up.account_id else None
        if not scope.everyone:
            if contact is not None:
                owner = follow_up.owner or contact.owner
                if not scope.matches(contact.tier, owner, contact.tags):
                    continue
            else:
                owner = follow_up.owner or (account.owner if account else None)
                if not scope.matches(
                    account.tier if account else None, owner, account.tags if account else ()
                ):
                    continue
        day = max(follow_up.due_on, start)
        overdue = (start - follow_up.due_on).days if follow_up.due_on < start else None
        tier = contact.tier if contact is not None else (account.tier if account else None)
        slot = base + prepared.tier_slot.get((tier or "").upper(), no_tier)
        bucket(day.toordinal() - first)[slot].append(
            PlanItem(
                day,
                ItemKind.FOLLOW_UP,
                False,
                contact,
                account,
                follow_up,
                None,
                None,
                None,
                overdue,
                None,
            ),
        )


def _add_neglect(prepared: _Prepared, start: dt.date, scope: _Scope, bucket: _Bucket) -> None:
    # Overdue on ``start``: touched + cadence < start, a prefix of the list sorted by due day.
    overdue = prepared.due[: bisect_left(prepared.due_days, start.toordinal())]
    if not overdue:
        return
    out = bucket(0)[prepared.kind_base[ItemKind.NEGLECT]]
    if scope.everyone:
        out.extend(overdue)  # AgendaDay makes the items
        return
    for entry in overdue:
        contact, account = entry[4], entry[5]
        if contact is not None:
            if scope.keeps(contact):
                out.append(entry)
        elif account is not None and scope.matches(account.tier, account.owner, account.tags):
            out.append(entry)
