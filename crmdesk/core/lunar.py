"""Chinese lunar (农历) calendar conversions for crmdesk, built on lunar-python.

lunar-python computes each lunar year astronomically (new moons and solar terms, 寿星天文历),
which is accurate but costs a few milliseconds per year. The outreach planner converts on the order
of 100,000 lunar birthdays for one plan, so this module turns each lunar year into a small table
once — the Gregorian ordinal of day 1 and the length of every month, leap month included — and
caches it. After the first call for a year, converting a lunar date is a lookup and an addition.

The tables themselves are stored, not computed, in :mod:`crmdesk.core.lunar_months` (three numbers
a year, written by ``scripts/make_lunar_months.py`` from :func:`computed_months`): a command such
as ``crmdesk export-ics`` meets some fifty birth years, a quarter of a second of astronomy each
time it runs. ``tests/core/test_lunar.py`` checks every stored year against lunar-python.

Supported span: Gregorian 1901-01-01 to 2099-12-31. A lunar date is accepted when it falls inside
that span: lunar years 1901–2099, plus the end of lunar 1900 (from the 11th day of its 11th month,
i.e. January–February 1901); the 12th month of lunar 2099, which falls in January 2100, is refused.
Every refusal is a :class:`~crmdesk.core.errors.ValidationError` naming the offending field.

Months are numbered 1–12; a leap month (闰月) carries the number of the month it follows and
``is_leap=True``. lunar-python differs by one day from the older fixed table of the lunardate
package in four months: 1933, 1954 and 1978, where the Hong Kong Observatory agrees with
lunar-python, and 2057, where the new moon falls minutes from midnight and sources still differ.
``tests/core/lunar_reference.py`` lists them.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from crmdesk.core import lunar_months
from crmdesk.core.errors import ValidationError

MIN_DATE = dt.date(1901, 1, 1)
"""First Gregorian day the lunar conversions accept."""

MAX_DATE = dt.date(2099, 12, 31)
"""Last Gregorian day the lunar conversions accept."""

MIN_LUNAR_YEAR = 1900
"""First lunar year with a table (only its 11th and 12th months fall inside the supported span)."""

MAX_LUNAR_YEAR = 2099
"""Last lunar year with a table."""

MIN_ORDINAL = MIN_DATE.toordinal()
MAX_ORDINAL = MAX_DATE.toordinal()

# lunar-python gives the Julian Day Number of noon on the first day of each month; subtracting this
# turns it into a proleptic Gregorian ordinal (date.toordinal()).
_JDN_TO_ORDINAL = 1_721_425


@dataclass(frozen=True, slots=True)
class LunarDate:
    """A day of the Chinese lunar calendar: lunar ``year``, ``month`` 1–12, ``day`` 1–30.

    ``is_leap`` marks a day of the leap month (闰月) that follows month ``month``. ``str()`` gives
    the syntax :mod:`crmdesk.core.dates` parses: ``L2020-04*-01`` for the 1st of 闰四月 2020.
    """

    year: int
    month: int
    day: int
    is_leap: bool = False

    def __str__(self) -> str:
        star = "*" if self.is_leap else ""
        return f"L{self.year:04d}-{self.month:02d}{star}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class LunarMonthInfo:
    """One month of a lunar year: number, leap flag, first day (Gregorian ordinal) and length."""

    month: int
    is_leap: bool
    start: int
    length: int

    @property
    def end(self) -> int:
        """Gregorian ordinal of the month's last day."""
        return self.start + self.length - 1


@dataclass(frozen=True, slots=True)
class LunarYearTable:
    """The months of one lunar year in calendar order (12, or 13 with a leap month).

    ``by_number`` indexes the same months by ``month * 2 + is_leap``, so that finding a month is
    one list access; it holds ``None`` where the year has no such (leap) month.
    """

    year: int
    leap_month: int | None
    months: tuple[LunarMonthInfo, ...]
    by_number: tuple[LunarMonthInfo | None, ...]
    starts: tuple[int, ...]

    @property
    def start(self) -> int:
        """Gregorian ordinal of lunar New Year's Day (正月初一)."""
        return self.months[0].start

    @property
    def end(self) -> int:
        """Gregorian ordinal of the year's last day (除夕)."""
        return self.months[-1].end

    def month(self, month: int, is_leap: bool = False) -> LunarMonthInfo | None:
        """The month ``month`` (the leap one if ``is_leap``), or None if the year lacks it."""
        if not 1 <= month <= 12:
            return None
        return self.by_number[month * 2 + is_leap]


def _check_year(year: int) -> None:
    if not MIN_LUNAR_YEAR <= year <= MAX_LUNAR_YEAR:
        raise ValidationError(
            f"Lunar year {year} is outside the supported range {MIN_LUNAR_YEAR}–{MAX_LUNAR_YEAR}.",
            field="year",
            code="year_out_of_range",
        )


def computed_months(year: int) -> tuple[LunarMonthInfo, ...]:
    """The months of lunar ``year`` in calendar order, computed by lunar-python (a few
    milliseconds): the source of the stored tables, and what the tests hold them to."""
    from lunar_python import LunarYear

    # LunarYear(year) is built directly rather than through LunarYear.fromYear, whose cache holds
    # a single year behind a global lock.
    months: list[LunarMonthInfo] = []
    for lunar_month in LunarYear(year).getMonthsInYear():
        number = lunar_month.getMonth()
        months.append(
            LunarMonthInfo(
                month=abs(number),
                is_leap=number < 0,
                start=int(lunar_month.getFirstJulianDay()) - _JDN_TO_ORDINAL,
                length=int(lunar_month.getDayCount()),
            )
        )
    return tuple(months)


def stored_months(year: int) -> tuple[LunarMonthInfo, ...]:
    """The months of lunar ``year`` from the stored table (see the module's docstring)."""
    new_year, leap, long_months = lunar_months.YEARS[year - lunar_months.FIRST_YEAR]
    numbers = [(m, False) for m in range(1, 13)]
    if leap:
        numbers.insert(leap, (leap, True))
    months: list[LunarMonthInfo] = []
    start = new_year
    for i, (month, is_leap) in enumerate(numbers):
        length = 30 if long_months >> i & 1 else 29
        months.append(LunarMonthInfo(month=month, is_leap=is_leap, start=start, length=length))
        start += length
    return tuple(months)


@cache
def _build_table(year: int) -> LunarYearTable:
    # Our own cache keeps every year asked for (~200 at most).
    months = stored_months(year)
    by_number: list[LunarMonthInfo | None] = [None] * 26
    leap: int | None = None
    for info in months:
        by_number[info.month * 2 + info.is_leap] = info
        if info.is_leap:
            leap = info.month
    return LunarYearTable(
        year=year,
        leap_month=leap,
        months=tuple(months),
        by_number=tuple(by_number),
        starts=tuple(info.start for info in months),
    )


def year_table(year: int) -> LunarYearTable:
    """The month table of lunar ``year``, computed once and cached for the life of the process."""
    _check_year(year)
    return _build_table(year)


def leap_month(year: int) -> int | None:
    """The number of the month lunar ``year`` repeats as a leap month, or None if it has none.

    For example 2020 → 4 (闰四月), 2023 → 2 (闰二月), 2025 → 6 (闰六月), 2024 → None.
    """
    return year_table(year).leap_month


def month_length(year: int, month: int, is_leap: bool = False) -> int:
    """Days (29 or 30) in lunar month ``month`` of ``year``; the leap month if ``is_leap``."""
    return _month_info(year, month, is_leap).length


def _month_info(year: int, month: int, is_leap: bool) -> LunarMonthInfo:
    if not 1 <= month <= 12:
        raise ValidationError(
            f"Lunar month must be between 1 and 12, not {month}.",
            field="month",
            code="month_out_of_range",
        )
    table = year_table(year)
    info = table.month(month, is_leap)
    if info is None:
        raise ValidationError(
            _missing_leap_message(year, month, table.leap_month),
            field="leap",
            code="leap_month_missing",
        )
    return info


def _missing_leap_message(year: int, month: int, actual: int | None) -> str:
    if actual is None:
        return f"Lunar year {year} has no leap month, so leap month {month} does not exist."
    return (
        f"Lunar year {year} has its leap month after month {actual}, "
        f"so leap month {month} does not exist."
    )


def lunar_to_ordinal(year: int, month: int, day: int, is_leap: bool = False) -> int:
    """The Gregorian ordinal (``date.toordinal()``) of a lunar date; see lunar_to_gregorian."""
    info = _month_info(year, month, is_leap)
    if not 1 <= day <= info.length:
        leap = "leap " if is_leap else ""
        raise ValidationError(
            f"Lunar {leap}month {month} of {year} has {info.length} days; "
            f"day {day} does not exist.",
            field="day",
            code="day_out_of_range",
        )
    ordinal = info.start + day - 1
    if not MIN_ORDINAL <= ordinal <= MAX_ORDINAL:
        label = LunarDate(year, month, day, is_leap)
        raise ValidationError(
            f"Lunar date {label} falls on {dt.date.fromordinal(ordinal)}, outside the supported "
            f"span {MIN_DATE} to {MAX_DATE}.",
            field="year",
            code="date_out_of_range",
        )
    return ordinal


def lunar_to_gregorian(year: int, month: int, day: int, is_leap: bool = False) -> dt.date:
    """The Gregorian date of lunar ``year``-``month``-``day`` (in the leap month if ``is_leap``).

    Raises ValidationError (field ``month``, ``leap``, ``day`` or ``year``) if the date does not
    exist or falls outside 1901-01-01..2099-12-31.
    """
    return dt.date.fromordinal(lunar_to_ordinal(year, month, day, is_leap))


def ordinal_to_lunar(ordinal: int) -> LunarDate:
    """The lunar date of a Gregorian ordinal; see :func:`gregorian_to_lunar`."""
    if not MIN_ORDINAL <= ordinal <= MAX_ORDINAL:
        raise ValidationError(
            f"{dt.date.fromordinal(ordinal)} is outside the supported span "
            f"{MIN_DATE} to {MAX_DATE}.",
            field="date",
            code="date_out_of_range",
        )
    # Lunar New Year falls between 21 January and 20 February, so the lunar year is either the
    # Gregorian year or the one before.
    gregorian_year = dt.date.fromordinal(ordinal).year
    table = _build_table(gregorian_year)
    if ordinal < table.start:
        table = _build_table(gregorian_year - 1)
    info = table.months[bisect_right(table.starts, ordinal) - 1]
    return LunarDate(table.year, info.month, ordinal - info.start + 1, info.is_leap)


def gregorian_to_lunar(date: dt.date) -> LunarDate:
    """The lunar date of Gregorian ``date`` (1901-01-01..2099-12-31, else ValidationError)."""
    return ordinal_to_lunar(date.toordinal())


SOLAR_TERMS = (
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
)  # fmt: skip
"""The 24 solar terms (节气) in Gregorian-year order, named as lunar-python names them."""

# lunar-python's table for a year runs from the previous December to the next March; the terms
# outside the Gregorian year carry these upper-case names.
_TERM_ALIASES = {
    "DA_XUE": "大雪",
    "DONG_ZHI": "冬至",
    "XIAO_HAN": "小寒",
    "DA_HAN": "大寒",
    "LI_CHUN": "立春",
    "YU_SHUI": "雨水",
    "JING_ZHE": "惊蛰",
}


@cache
def _solar_terms(year: int) -> dict[str, int]:
    from lunar_python import Lunar, LunarYear

    terms: dict[str, int] = {}
    for name, julian_day in zip(
        Lunar.JIE_QI_IN_USE, LunarYear(year).getJieQiJulianDays(), strict=True
    ):
        # The Julian day is Beijing time; its civil date starts at midnight, half a day before the
        # noon that Julian days count from.
        ordinal = math.floor(julian_day + 0.5) - _JDN_TO_ORDINAL
        if dt.date.fromordinal(ordinal).year == year:
            terms[_TERM_ALIASES.get(name, name)] = ordinal
    return terms


def solar_term_date(year: int, name: str) -> dt.date:
    """The day (Beijing time) on which solar term ``name`` (e.g. "清明") falls in ``year``.

    Qingming (清明), a public holiday in China, is a solar term rather than a lunar date: 4 or 5
    April. ``name`` is one of :data:`SOLAR_TERMS`; ``year`` is 1901–2099.
    """
    if name not in SOLAR_TERMS:
        raise ValidationError(f"{name!r} is not a solar term.", field="name", code="unknown_term")
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise ValidationError(
            f"Year {year} is outside the supported range {MIN_DATE.year}–{MAX_DATE.year}.",
            field="year",
            code="year_out_of_range",
        )
    return dt.date.fromordinal(_solar_terms(year)[name])
