"""Export occasions as an RFC 5545 calendar (.ics) a rep can load into a phone or Outlook.

Each occasion is an all-day VEVENT with an explicit date. Lunar dates are written out year by year
because no calendar client understands the Chinese calendar, and a yearly RRULE would put a lunar
birthday on the same *Gregorian* day every year, which is wrong by up to a month. Gregorian dates
are expanded the same way: one code path, and 29 February lands where the chosen policy says.

UIDs are stable (the caller's base UID plus the year of the occurrence), so exporting again and
re-importing updates events instead of duplicating them.

The file is written here, line by line, rather than through the ``icalendar`` package: building
its component objects took about 0.3 ms an event (23 s for a book's 24,000 dates over three
years), and the subset written (all-day events with text properties) is small. The tests read
every export back with ``icalendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.line_folding import fold_line
from crmdesk.core.lunar import MAX_DATE
from crmdesk.core.occasions import (
    DEFAULT_POLICY,
    OccasionPolicy,
    Occurrence,
    check_range,
    occurrence_in_cycle_year,
)

DEFAULT_PRODID = "-//crmdesk//crmdesk relationship notebook//EN"


class CalendarItem(NamedTuple):
    """One all-day event: a plain ``(date, summary, description, uid)`` tuple works as well."""

    date: dt.date
    summary: str
    description: str
    uid: str


# RFC 5545 3.3.11: in a TEXT value backslash, semicolon, comma and line breaks are escaped.
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


_NEEDS_ESCAPE = re.compile(r"[\\;,\r\n]")


def _text(value: str) -> str:
    # Most texts need no escape; the search finds that in C, translate would walk every char.
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_TEXT_ESCAPES)


def ics_lines(
    items: Iterable[tuple[dt.date, str, str, str]],
    *,
    name: str | None = None,
    prodid: str = DEFAULT_PRODID,
    stamp: dt.datetime | None = None,
) -> Iterator[str]:
    """The calendar's content lines (folded, each ending in CRLF), one event at a time; see
    :func:`build_ics`. Raises ValidationError on an empty or repeated UID."""
    stamp = dt.datetime.now(dt.UTC) if stamp is None else stamp.astimezone(dt.UTC)
    stamp_text = stamp.strftime("%Y%m%dT%H%M%SZ")
    head = ["BEGIN:VCALENDAR", f"PRODID:{_text(prodid)}", "VERSION:2.0", "CALSCALE:GREGORIAN"]
    if name:
        head.append(f"X-WR-CALNAME:{_text(name)}")
    yield "".join(fold_line(line) + "\r\n" for line in head)
    seen: set[str] = set()
    days: dict[dt.date, tuple[str, str]] = {}  # DTSTART and DTEND text per day (days repeat)
    fixed = f"DTSTAMP:{stamp_text}\r\n"
    for date, summary, description, uid in items:
        if not uid or uid in seen:
            raise ValidationError(
                f"Each calendar event needs its own UID; {uid!r} is empty or repeated.",
                field="uid",
                code="uid_invalid",
            )
        seen.add(uid)
        day = days.get(date)
        if day is None:
            end = date + dt.timedelta(days=1)
            day = days[date] = (
                f"DTSTART;VALUE=DATE:{date.year:04d}{date.month:02d}{date.day:02d}\r\n",
                f"DTEND;VALUE=DATE:{end.year:04d}{end.month:02d}{end.day:02d}\r\n",
            )
        about = f"DESCRIPTION:{_text(description)}" if description else ""
        yield (
            f"BEGIN:VEVENT\r\n{fold_line(f'UID:{_text(uid)}')}\r\n{fixed}{day[0]}{day[1]}"
            f"{fold_line(f'SUMMARY:{_text(summary)}')}\r\n"
            + (f"{fold_line(about)}\r\n" if about else "")
            + "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
        )
    yield "END:VCALENDAR\r\n"


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
    return "".join(ics_lines(items, name=name, prodid=prodid, stamp=stamp)).encode("utf-8")


def occurrence_uid(uid_base: str, cycle_year: int) -> str:
    """The UID of the ``cycle_year`` event of a date whose stable, unique UID is ``uid_base``.

    ``"date-42@book-7.crmdesk"`` becomes ``"date-42.2025@book-7.crmdesk"``; a base without "@"
    gets "@crmdesk" appended, as RFC 5545 recommends a domain part.
    """
    local, at, domain = uid_base.partition("@")
    return f"{local}.{cycle_year}@{domain if at else 'crmdesk'}"


def _first_occurrence(
    spec: DateSpec, from_date: dt.date, policy: OccasionPolicy
) -> Occurrence | None:
    """The first occurrence on or after ``from_date`` (as :func:`next_occurrence` finds it), by
    trying cycle years in turn: the occurrence of cycle year Y lies inside year Y (lunar year Y
    for a lunar date), so dates grow with Y and the first one late enough is the answer. About
    three times faster than the general search, which matters at 24,000 dates."""
    check_range(from_date, from_date)
    for cycle_year in range(from_date.year - 1, MAX_DATE.year + 1):
        try:
            occurrence = occurrence_in_cycle_year(spec, cycle_year, policy)
        except ValidationError:
            if cycle_year < from_date.year:  # a year before the supported span
                continue
            return None  # past its end
        if occurrence is not None and occurrence.date >= from_date:
            return occurrence
    return None


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
    first = _first_occurrence(spec, from_date, policy)
    if first is None:
        return []
    items: list[CalendarItem] = []
    for cycle_year in range(first.cycle_year, first.cycle_year + years):
        try:
            occurrence = (
                first
                if cycle_year == first.cycle_year
                else occurrence_in_cycle_year(spec, cycle_year, policy)
            )
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
