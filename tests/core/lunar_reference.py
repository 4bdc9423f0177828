"""The independent reference for lunar dates in tests: the ``lunardate`` package.

crmdesk computes the Chinese calendar with lunar-python (astronomical); lunardate is a different
implementation (a fixed table derived from the Debian ``lunar`` program). Tests compare the two and
never the code with its own output.

The two disagree on four lunar months between 1901 and 2099, one day each way. They are listed
here, with the published value, so that tests can check those days separately:

* 1933-07-22, 1954-11-25, 1978-09-02: lunardate's table is wrong. The Hong Kong Observatory's
  Gregorian–Lunar conversion tables give 1933-07-22 = 闰五月三十 (leap 5th month, day 30),
  1954-11-25 = 十一月初一 and 1978-09-02 = 七月三十, which is what lunar-python computes
  (the 1933 table fix is discussed in github.com/jjonline/calendar.js/issues/11).
* 2057-09-28: the new moon falls within minutes of midnight Beijing time, so the day is not yet
  decided. HKO's table prints 九月初一 but its footnote warns it may be a day off; Calendrical
  Calculations (after its errata) and .NET (dotnet/runtime#107032, 2024) make 2057-09-28 the 30th of
  the 8th month, as lunar-python does. crmdesk keeps lunar-python's answer.
"""

from __future__ import annotations

import datetime as dt

from lunardate import LunarDate as _RefLunarDate

# first day, last day (inclusive) of each window where lunardate is one day off, and the lunar
# date of the first day as published / as crmdesk gives it: (year, month, day, is_leap)
KNOWN_DISAGREEMENTS: tuple[tuple[dt.date, dt.date, tuple[int, int, int, bool]], ...] = (
    (dt.date(1933, 7, 22), dt.date(1933, 8, 20), (1933, 5, 30, True)),
    (dt.date(1954, 11, 25), dt.date(1954, 12, 24), (1954, 11, 1, False)),
    (dt.date(1978, 9, 2), dt.date(1978, 10, 1), (1978, 7, 30, False)),
    (dt.date(2057, 9, 28), dt.date(2057, 10, 27), (2057, 8, 30, False)),
)


def in_known_disagreement(day: dt.date) -> bool:
    """True if lunardate is known to be off by one on this Gregorian day."""
    return any(first <= day <= last for first, last, _ in KNOWN_DISAGREEMENTS)


def ref_to_lunar(day: dt.date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, is_leap) of a Gregorian day according to lunardate."""
    ref = _RefLunarDate.from_solar_date(day.year, day.month, day.day)
    return (ref.year, ref.month, ref.day, ref.is_leap_month)


def ref_to_gregorian(year: int, month: int, day: int, is_leap: bool = False) -> dt.date:
    """The Gregorian day of a lunar date according to lunardate (ValueError if it has none)."""
    return _RefLunarDate(year, month, day, is_leap).to_solar_date()


def ref_leap_month(year: int) -> int | None:
    """The leap month of a lunar year according to lunardate."""
    return _RefLunarDate.leap_month_for_year(year)


def ref_month_length(year: int, month: int, is_leap: bool = False) -> int:
    """29 or 30: the length of a lunar month according to lunardate."""
    try:
        _RefLunarDate(year, month, 30, is_leap).to_solar_date()
    except ValueError:
        return 29
    return 30
