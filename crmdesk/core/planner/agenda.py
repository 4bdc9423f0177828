"""The agenda: :func:`build_plan` places a :class:`PlanInput`'s occasions, festivals,
follow-ups and neglected relationships on the days of a range; :class:`Plan` and
:class:`AgendaDay` hold the result and make the items only when they are read.
Building and holding the agenda share one per-day slot layout (:class:`_DayContext`), hence one
module. See :mod:`crmdesk.core.planner` for what the plan holds and in which order.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, cast

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.core.occasions import check_range, occurrences_for_many
from crmdesk.core.planner.inputs import (
    MAX_PLAN_DAYS,
    NO_FILTER,
    ItemKind,
    PlanContact,
    PlanFilter,
    PlanInput,
    PlanTier,
    gc_paused,
)
from crmdesk.core.planner.items import FestivalDay, OccasionDay, PlanItem
from crmdesk.core.planner.preparation import Prepared
from crmdesk.core.planner_config import DEFAULT_SETTINGS, PlannerSettings, TierSet


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
    prepared: Prepared,
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
    prepared: Prepared,
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
    prepared: Prepared,
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


def _add_neglect(prepared: Prepared, start: dt.date, scope: _Scope, bucket: _Bucket) -> None:
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
