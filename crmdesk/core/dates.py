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

The date policy (one range for every date crmdesk keeps, checked the same way by the CLI, the app,
the import, the server and the planner): years 1900 to 2099 (:data:`MIN_YEAR`, :data:`MAX_YEAR`),
the span the lunar calendar tables and the planner cover. :func:`parse_date`,
:func:`parse_datetime` and :func:`calendar_date` apply it to plain dates and times (a visit, a
follow-up, an expected close); an impossible date is an error naming the field, never another
date, and the message is right for the year ("February 2026 has 28 days").

Rules: years as above; months 1–12; Gregorian days up to the month's length (29 February is
allowed when the year is unknown or a leap year); lunar days 1–30, and when the year is known the
lunar month must exist in it (a leap month only in the year that has it) and have the day (30
only in a 30-day month).
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

MIN_YEAR = 1900
MAX_YEAR = 2099
EARLIEST = dt.date(MIN_YEAR, 1, 1)
LATEST = dt.date(MAX_YEAR, 12, 31)

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
    if year is not None:
        check_year(year)
    _check_month_day(year, month, day, field_month="month", field_day="day")


def check_year(year: int, *, field: str = "year") -> int:
    """``year`` within the date policy (1900–2099), else a ValidationError naming ``field``."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            f"Year must be between {MIN_YEAR} and {MAX_YEAR}, not {year}.",
            field=field,
            code="year_out_of_range",
        )
    return year


def month_length(year: int | None, month: int) -> int:
    """Days in a Gregorian month; February has 29 when the year is unknown."""
    if month == 2 and year is not None:
        return 29 if _stdlib_calendar.isleap(year) else 28
    return _GREGORIAN_DAYS[month]


def _check_month_day(
    year: int | None, month: int, day: int, *, field_month: str, field_day: str
) -> None:
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Month must be between 1 and 12, not {month}.",
            field=field_month,
            code="month_out_of_range",
        )
    length = month_length(year, month)
    if 1 <= day <= length:
        return
    name = _MONTH_NAMES[month]
    if month == 2 and day == 29 and year is not None:
        message = f"{year} is not a leap year, so 29 February {year} does not exist."
    elif year is not None:
        message = f"{name} {year} has {length} days; day {day} does not exist."
    else:
        message = f"{name} has {length} days; day {day} does not exist."
    raise ValidationError(message, field=field_day, code="day_out_of_range")


def calendar_date(year: int, month: int, day: int, *, field: str) -> dt.date:
    """A Gregorian day within the date policy; every error names ``field``."""
    check_year(year, field=field)
    _check_month_day(year, month, day, field_month=field, field_day=field)
    return dt.date(year, month, day)


def check_date(value: dt.date, *, field: str) -> dt.date:
    """``value`` (a date, or a datetime's date) within the date policy."""
    check_year(value.year, field=field)
    return value


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_ISO_DATETIME = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?P<frac>\.\d{1,6})?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)


def parse_date(text: str, *, field: str) -> dt.date:
    """``2026-12-01`` as a date within the policy; an impossible date is an error naming
    ``field`` and saying why (never the nearest real day)."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        raise ValidationError(
            f"{text.strip()!r} is not a date (expected YYYY-MM-DD, e.g. 2026-12-01).",
            field=field,
            code="date_syntax",
        )
    year, month, day = (int(g) for g in match.groups())
    return calendar_date(year, month, day, field=field)


def check_time(hour: int, minute: int, second: int = 0, *, field: str) -> None:
    """A wall-clock time: 00:00 to 23:59:59."""
    if not 0 <= hour <= 23:
        raise ValidationError(
            f"Hour must be between 0 and 23, not {hour}.", field=field, code="time_out_of_range"
        )
    if not 0 <= minute <= 59 or not 0 <= second <= 59:
        bad = minute if not 0 <= minute <= 59 else second
        raise ValidationError(
            f"Minutes and seconds must be between 0 and 59, not {bad}.",
            field=field,
            code="time_out_of_range",
        )


def parse_datetime(text: str, *, field: str, default_zone: dt.tzinfo | None = None) -> dt.datetime:
    """``2026-11-20 19:00`` (the rep's wall clock, or ``default_zone``), ``2026-11-20``
    (midnight) or ISO 8601 with an offset. Out-of-range parts are errors naming ``field``."""
    match = _ISO_DATETIME.fullmatch(text.strip())
    if match is None:
        raise ValidationError(
            f"{text.strip()!r} is not a date and time (expected e.g. 2026-11-20 19:00).",
            field=field,
            code="datetime_syntax",
        )
    day = calendar_date(int(match["y"]), int(match["mo"]), int(match["d"]), field=field)
    hour, minute, second = (int(match[k] or 0) for k in ("h", "mi", "s"))
    check_time(hour, minute, second, field=field)
    micro = int(float(match["frac"]) * 1_000_000) if match["frac"] else 0
    when = dt.datetime(day.year, day.month, day.day, hour, minute, second, micro)
    tz = match["tz"]
    if tz is not None:
        when = dt.datetime.fromisoformat(when.isoformat() + ("+00:00" if tz == "Z" else tz))
        return when
    # A naive time is the rep's wall clock: this machine's zone unless told otherwise.
    return when.replace(tzinfo=default_zone) if default_zone else when.astimezone()


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
