"""The agenda as a rep reads their week: today, this week, overdue, later.

A plan (:func:`crmdesk.core.planner.build_plan`) puts every overdue follow-up and every
neglected relationship on its first day, so on a real book "today" holds thousands of items and
the three birthdays to greet drown among them. :func:`sections` splits the plan:

* **Today** — what falls on the plan's first day and is not overdue;
* **This week** — the next six days;
* **Overdue** — follow-ups past their date and relationships past their tier's cadence, the
  oldest first (the view shows it collapsed, with its count);
* **Later** — the rest of the range.

Only the first day's items are made here (to split them); the items of the other days are made
when a section's row is first read (:meth:`Section.item`), so a 100,000-contact plan costs the
rows on screen. Qt-free; the planner view shows the sections.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from crmdesk.core.planner import AgendaDay, ItemKind, Plan, PlanItem

WEEK_DAYS = 7  # today and the six days after it

# Days with one of these are marked in the calendar: the occasions a rep greets or gives for.
KEY_OCCASIONS = frozenset(
    {ItemKind.BIRTHDAY, ItemKind.ANNIVERSARY, ItemKind.FESTIVAL, ItemKind.DORMANT}
)


class SectionKind(StrEnum):
    TODAY = "today"
    WEEK = "week"
    OVERDUE = "overdue"
    LATER = "later"


SECTION_ORDER = (SectionKind.TODAY, SectionKind.WEEK, SectionKind.OVERDUE, SectionKind.LATER)


def is_overdue(item: PlanItem) -> bool:
    """A follow-up past its date, or a relationship past its tier's cadence."""
    if item.kind is ItemKind.NEGLECT:
        return True
    return item.kind is ItemKind.FOLLOW_UP and bool(item.overdue_days)


@dataclass
class Section:
    """One section: either a list of items made already, or days whose items are made on demand."""

    kind: SectionKind
    fixed: tuple[PlanItem, ...] = ()
    days: tuple[AgendaDay, ...] = ()
    _starts: list[int] = field(default_factory=list)  # the row where each day begins

    def __post_init__(self) -> None:
        total = len(self.fixed)
        for day in self.days:
            self._starts.append(total)
            total += len(day)
        self._count = total

    def __len__(self) -> int:
        return self._count

    def item(self, row: int) -> PlanItem:
        """The item at ``row`` (makes only that day's items)."""
        if row < len(self.fixed):
            return self.fixed[row]
        at = bisect.bisect_right(self._starts, row) - 1
        return self.days[at].items[row - self._starts[at]]

    def items(self) -> Iterator[PlanItem]:
        yield from self.fixed
        for day in self.days:
            yield from day.items

    def row_of(self, item_id: str, day: dt.date | None = None) -> int | None:
        """The row of the item with this id (only ``day``'s items are made when it is given)."""
        for row, item in enumerate(self.fixed):
            if item.id == item_id:
                return row
        for start, agenda_day in zip(self._starts, self.days, strict=True):
            if day is not None and agenda_day.day != day:
                continue
            for offset, item in enumerate(agenda_day.items):
                if item.id == item_id:
                    return start + offset
        return None

    def first_row_of_day(self, day: dt.date) -> int | None:
        for row, item in enumerate(self.fixed):
            if item.day == day:
                return row
        for start, agenda_day in zip(self._starts, self.days, strict=True):
            if agenda_day.day == day:
                return start
        return None


def sections(plan: Plan, *, week_days: int = WEEK_DAYS) -> list[Section]:
    """Today, this week, overdue and later (empty ones left out), in that order."""
    today: list[PlanItem] = []
    overdue: list[PlanItem] = []
    week: list[AgendaDay] = []
    later: list[AgendaDay] = []
    week_end = plan.start + dt.timedelta(days=week_days - 1)
    for agenda_day in plan.days:
        if agenda_day.day == plan.start:
            for item in agenda_day.items:
                (overdue if is_overdue(item) else today).append(item)
        elif agenda_day.day <= week_end:
            week.append(agenda_day)
        else:
            later.append(agenda_day)
    # The oldest first: the longest overdue at the top.
    overdue.sort(key=lambda item: -(item.overdue_days or 0))
    built = [
        Section(SectionKind.TODAY, fixed=tuple(today)),
        Section(SectionKind.WEEK, days=tuple(week)),
        Section(SectionKind.OVERDUE, fixed=tuple(overdue)),
        Section(SectionKind.LATER, days=tuple(later)),
    ]
    return [s for s in built if len(s) or s.kind is SectionKind.TODAY]


def key_occasion_days(days: Sequence[AgendaDay]) -> set[dt.date]:
    """The days with a birthday, an anniversary, a festival or a dormant customer's occasion
    (counted without making the day's items)."""
    return {d.day for d in days if KEY_OCCASIONS.intersection(d.counts())}
