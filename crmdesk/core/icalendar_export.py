"""Export occasions as an RFC 5545 calendar (.ics) a rep can load into a phone or Outlook.

Each occasion is an all-day VEVENT with an explicit date. Lunar dates are written out year by year
because no calendar client understands the Chinese calendar, and a yearly RRULE would put a lunar
birthday on the same *Gregorian* day every year, which is wrong by up to a month. Gregorian dates
are expanded the same way: one code path, and 29 February lands where the chosen policy says.

UIDs are stable (the caller's base UID plus the year of the occurrence), so exporting again and
re-importing updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from icalendar import Calendar, Event

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.occasions import (
    DEFAULT_POLICY,
    OccasionPolicy,
    Occurrence,
    next_occurrence,
    occurrence_in_cycle_year,
)

DEFAULT_PRODID = "-//crmdesk//crmdesk relationship notebook//EN"


class CalendarItem(NamedTuple):
    """One all-day event: a plain ``(date, summary, description, uid)`` tuple works as well."""

    date: dt.date
    summary: str
    description: str
    uid: str


def build_ics(
    items: Iterable[tuple[dt.date, str, str, str]],
    *,
    name: str | None = None,
    prodid: str = DEFAULT_PRODID,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The .ics file (UTF-8 bytes): one all-day VEVENT per ``(date, summary, description, uid)``.

    ``name`` becomes the calendar's display name (X-WR-CALNAME). ``stamp`` is the DTSTAMP of every
    event (default: now; a naive value is read as local time); pass it for byte-identical output.
    UIDs must be unique and non-empty. Events are transparent (they do not block time): greeting
    someone is not a meeting.
    """
    stamp = dt.datetime.now(dt.UTC) if stamp is None else stamp.astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    seen: set[str] = set()
    for date, summary, description, uid in items:
        if not uid or uid in seen:
            raise ValidationError(
                f"Each calendar event needs its own UID; {uid!r} is empty or repeated.",
                field="uid",
                code="uid_invalid",
            )
        seen.add(uid)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", date)
        event.add("dtend", date + dt.timedelta(days=1))
        event.add("summary", summary)
        if description:
            event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def occurrence_uid(uid_base: str, cycle_year: int) -> str:
    """The UID of the ``cycle_year`` event of a date whose stable, unique UID is ``uid_base``.

    ``"date-42@book-7.crmdesk"`` becomes ``"date-42.2025@book-7.crmdesk"``; a base without "@"
    gets "@crmdesk" appended, as RFC 5545 recommends a domain part.
    """
    local, at, domain = uid_base.partition("@")
    return f"{local}.{cycle_year}@{domain if at else 'crmdesk'}"


def expand_spec(
    spec: DateSpec,
    *,
    summary: str | Callable[[Occurrence], str],
    uid_base: str,
    from_date: dt.date,
    years: int,
    description: str | Callable[[Occurrence], str] = "",
    policy: OccasionPolicy = DEFAULT_POLICY,
) -> list[CalendarItem]:
    """Explicit events for the next ``years`` yearly occurrences of ``spec`` from ``from_date`` on.

    One event per year of the spec's own calendar (lunar years for a lunar date), starting with
    the first occurrence on or after ``from_date``; a year that a SKIP policy drops has no event,
    and nothing past 2099-12-31 is produced. ``summary`` and ``description`` may be functions of
    the :class:`Occurrence`, e.g. to say the age: ``lambda o: f"Zhang San turns {o.years}"``.
    """
    if years < 1:
        raise ValidationError(
            f"The number of years must be at least 1, not {years}.", field="years", code="years"
        )
    first = next_occurrence(spec, from_date, policy)
    if first is None:
        return []
    items: list[CalendarItem] = []
    for cycle_year in range(first.cycle_year, first.cycle_year + years):
        try:
            occurrence = occurrence_in_cycle_year(spec, cycle_year, policy)
        except ValidationError:  # past the end of the supported span
            break
        if occurrence is None:
            continue
        items.append(
            CalendarItem(
                date=occurrence.date,
                summary=summary(occurrence) if callable(summary) else summary,
                description=description(occurrence) if callable(description) else description,
                uid=occurrence_uid(uid_base, cycle_year),
            )
        )
    return items
