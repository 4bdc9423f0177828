"""Important dates (重要日子): a birthday or anniversary in the Gregorian or Chinese lunar calendar.

A :class:`DateSpec` is what a rep records — "her birthday is the 15th of the 8th lunar month", year
perhaps unknown — not a day on a calendar; :mod:`crmdesk.core.occasions` turns it into days. A
DateSpec validates itself on construction, so a spec that exists is one the planner can use.

Text syntax (for the CLI and import files; :meth:`DateSpec.parse` reads it, ``str()`` writes it)::

    1985-03-14      Gregorian, year known
    03-14           Gregorian, year unknown (ISO 8601's "--03-14" is accepted too)
    L1985-08-15     lunar 8th month, 15th day, lunar year 1985
    L08-15          lunar, year unknown ("L--08-15" is accepted too)
    L2020-04*-10    lunar leap month: a "*" after the month number = 闰四月 (10th day)
    L04*-10         lunar leap month, year unknown

``L`` may be lower case; "闰" or "閏" before the month is accepted as a leap mark instead of "*".
Month and day may have one or two digits; a year has four. For a lunar date the year is the *lunar*
year: someone born on 1986-01-20 (Gregorian) has the lunar birthday ``L1985-12-11``.

Rules: months 1–12; Gregorian days up to the month's length (29 February is allowed when the year
is unknown or a leap year); lunar days 1–30, and when the year is known the lunar month must exist
in it (a leap month only in the year that has it) and have the day (30 only in a 30-day month).
Each broken rule raises :class:`~crmdesk.core.errors.ValidationError` whose ``field`` is
``"month"``, ``"day"``, ``"leap"``, ``"year"``, ``"calendar"`` or, for text that does not parse,
``"date"``.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from crmdesk.core import lunar
from crmdesk.core.errors import ValidationError


class Calendar(StrEnum):
    """The calendar an important date is kept in."""

    GREGORIAN = "gregorian"
    LUNAR = "lunar"


# English names spelled out: calendar.month_name follows the process locale, and these messages are
# the plain-English text of the error (the GUI translates by code).
_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_GREGORIAN_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_SYNTAX = re.compile(
    r"""
    (?P<lunar>[Ll])?
    (?:(?P<year>\d{4})-|--)?
    (?P<leap_prefix>[闰閏])?
    (?P<month>\d{1,2})
    (?P<leap_star>\*)?
    -
    (?P<day>\d{1,2})
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateSpec:
    """An important date as the user knows it; see the module docstring for rules and syntax.

    Build one with :meth:`gregorian`, :meth:`lunar` or :meth:`parse`, or with keywords:
    ``DateSpec(calendar=Calendar.LUNAR, month=8, day=15, year=1985)``. ``year`` is None when
    unknown; for a lunar date it is the lunar year.
    """

    calendar: Calendar
    month: int
    day: int
    year: int | None = None
    is_leap_month: bool = False

    def __post_init__(self) -> None:
        calendar: Calendar | None = self.calendar
        if type(calendar) is not Calendar:
            # a stored or typed string ("lunar") becomes the enum
            raw: object = self.calendar
            calendar = _CALENDARS.get(raw) if isinstance(raw, str) else None
            if calendar is None:
                raise ValidationError(
                    f"Calendar must be 'gregorian' or 'lunar', not {raw!r}.",
                    field="calendar",
                    code="calendar_unknown",
                )
            object.__setattr__(self, "calendar", calendar)
        _validate(calendar, self.year, self.month, self.day, self.is_leap_month)

    @classmethod
    def gregorian(cls, month: int, day: int, year: int | None = None) -> DateSpec:
        """A Gregorian date, e.g. ``DateSpec.gregorian(3, 14, year=1985)``."""
        return cls(calendar=Calendar.GREGORIAN, month=month, day=day, year=year)

    @classmethod
    def lunar(
        cls, month: int, day: int, year: int | None = None, *, leap: bool = False
    ) -> DateSpec:
        """A lunar date, e.g. ``DateSpec.lunar(4, 10, year=2020, leap=True)`` for 闰四月初十."""
        return cls(calendar=Calendar.LUNAR, month=month, day=day, year=year, is_leap_month=leap)

    @classmethod
    def parse(cls, text: str) -> DateSpec:
        """Read the text syntax of the module docstring; ValidationError if it does not fit."""
        match = _SYNTAX.fullmatch(text.strip())
        if match is None:
            raise ValidationError(
                f"{text.strip()!r} is not a date. Write 1985-03-14 or 03-14 for a Gregorian date, "
                "L1985-08-15 or L08-15 for a lunar one, and L2020-04*-10 for a leap month.",
                field="date",
                code="date_syntax",
            )
        is_lunar = match["lunar"] is not None
        is_leap = match["leap_prefix"] is not None or match["leap_star"] is not None
        if is_leap and not is_lunar:
            raise ValidationError(
                f"{text.strip()!r} marks a leap month, which only a lunar date can have; "
                "start it with L, e.g. L2020-04*-10.",
                field="leap",
                code="leap_not_lunar",
            )
        year = int(match["year"]) if match["year"] is not None else None
        return cls(
            calendar=Calendar.LUNAR if is_lunar else Calendar.GREGORIAN,
            month=int(match["month"]),
            day=int(match["day"]),
            year=year,
            is_leap_month=is_leap,
        )

    @property
    def is_lunar(self) -> bool:
        """True for a lunar date."""
        return self.calendar is Calendar.LUNAR

    def __str__(self) -> str:
        prefix = "L" if self.is_lunar else ""
        year = f"{self.year:04d}-" if self.year is not None else ""
        star = "*" if self.is_leap_month else ""
        return f"{prefix}{year}{self.month:02d}{star}-{self.day:02d}"


_CALENDARS = {calendar.value: calendar for calendar in Calendar}


# The planner builds a DateSpec for every stored date (100,000 for a heavy user) on each run; the
# same few thousand (calendar, year, month, day, leap) combinations recur, so remembering the valid
# ones turns validation into a cache lookup. Invalid ones raise and are not cached.
@lru_cache(maxsize=65_536)
def _validate(calendar: Calendar, year: int | None, month: int, day: int, is_leap: bool) -> None:
    if calendar is Calendar.LUNAR:
        _validate_lunar(year, month, day, is_leap)
    else:
        _validate_gregorian(year, month, day, is_leap)


def _validate_gregorian(year: int | None, month: int, day: int, is_leap: bool) -> None:
    if is_leap:
        raise ValidationError(
            "Only a lunar date can be in a leap month.", field="leap", code="leap_not_lunar"
        )
    if year is not None and not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValidationError(
            f"Year must be between {dt.MINYEAR} and {dt.MAXYEAR}, not {year}.",
            field="year",
            code="year_out_of_range",
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Month must be between 1 and 12, not {month}.",
            field="month",
            code="month_out_of_range",
        )
    name = _MONTH_NAMES[month]
    if month == 2 and day == 29 and year is not None and not _stdlib_calendar.isleap(year):
        raise ValidationError(
            f"{year} is not a leap year, so 29 February {year} does not exist.",
            field="day",
            code="day_out_of_range",
        )
    if not 1 <= day <= _GREGORIAN_DAYS[month]:
        raise ValidationError(
            f"{name} has {_GREGORIAN_DAYS[month]} days; day {day} does not exist.",
            field="day",
            code="day_out_of_range",
        )


def _validate_lunar(year: int | None, month: int, day: int, is_leap: bool) -> None:
    if year is not None and not lunar.MIN_LUNAR_YEAR <= year <= lunar.MAX_LUNAR_YEAR:
        raise ValidationError(
            f"Lunar year must be between {lunar.MIN_LUNAR_YEAR} and {lunar.MAX_LUNAR_YEAR}, "
            f"not {year}.",
            field="year",
            code="year_out_of_range",
        )
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Lunar month must be between 1 and 12, not {month}.",
            field="month",
            code="month_out_of_range",
        )
    if not 1 <= day <= 30:
        raise ValidationError(
            f"A lunar month has at most 30 days; day {day} does not exist.",
            field="day",
            code="day_out_of_range",
        )
    if year is None:
        return
    # With the year known the month must exist in it and be long enough; lunar.month_length raises
    # the "leap" error (naming year and month) when the year lacks that leap month.
    length = lunar.month_length(year, month, is_leap)
    if day > length:
        leap = "leap " if is_leap else ""
        raise ValidationError(
            f"Lunar {leap}month {month} of {year} has {length} days; day {day} does not exist.",
            field="day",
            code="day_out_of_range",
        )
