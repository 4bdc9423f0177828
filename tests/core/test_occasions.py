"""Occurrences of important dates in a range, with lunardate as the reference for lunar days."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.lunar import LunarDate
from crmdesk.core.occasions import (
    Feb29Policy,
    LeapMonthPolicy,
    LunarDay30Policy,
    OccasionPolicy,
    next_occurrence,
    occurrence_in_cycle_year,
    occurrences_between,
    occurrences_for_many,
)
from tests.core.lunar_reference import (
    in_known_disagreement,
    ref_leap_month,
    ref_month_length,
    ref_to_gregorian,
    ref_to_lunar,
)

D = dt.date


def _year(year: int) -> tuple[dt.date, dt.date]:
    return D(year, 1, 1), D(year, 12, 31)


# --- Gregorian dates and 29 February ------------------------------------------------------------


def test_gregorian_birthday_with_age() -> None:
    [occurrence] = occurrences_between(DateSpec.parse("1985-03-14"), *_year(2025))
    assert occurrence.date == D(2025, 3, 14)
    assert occurrence.years == 40
    assert occurrence.cycle_year == 2025
    assert occurrence.lunar is None
    assert not occurrence.adjusted


def test_29_february_in_a_common_year_defaults_to_28_february() -> None:
    [occurrence] = occurrences_between(DateSpec.parse("2000-02-29"), *_year(2023))
    assert occurrence.date == D(2023, 2, 28)
    assert occurrence.adjusted
    assert occurrence.years == 23


def test_29_february_in_a_common_year_can_go_to_1_march() -> None:
    policy = OccasionPolicy(feb29=Feb29Policy.MAR_1)
    [occurrence] = occurrences_between(DateSpec.parse("2000-02-29"), *_year(2023), policy)
    assert occurrence.date == D(2023, 3, 1)
    assert occurrence.years == 23


def test_29_february_in_a_leap_year_is_itself() -> None:
    [occurrence] = occurrences_between(DateSpec.parse("2000-02-29"), *_year(2024))
    assert occurrence.date == D(2024, 2, 29)
    assert not occurrence.adjusted
    assert occurrence.years == 24


def test_no_occurrence_before_the_year_of_the_date_and_year_zero_on_the_day() -> None:
    spec = DateSpec.parse("2026-05-01")
    assert occurrences_between(spec, *_year(2025)) == []
    [occurrence] = occurrences_between(spec, *_year(2026))
    assert occurrence.years == 0


def test_unknown_year_gives_no_age() -> None:
    [occurrence] = occurrences_between(DateSpec.parse("12-25"), *_year(2030))
    assert occurrence.years is None


def test_gregorian_range_across_new_year() -> None:
    start, end = D(2025, 12, 20), D(2026, 1, 20)
    found = [o.date for o in occurrences_between(DateSpec.parse("12-25"), start, end)]
    assert found == [D(2025, 12, 25)]
    found = [o.date for o in occurrences_between(DateSpec.parse("01-01"), start, end)]
    assert found == [D(2026, 1, 1)]


# --- lunar dates ---------------------------------------------------------------------------------


def test_lunar_birthday_with_lunar_age() -> None:
    [occurrence] = occurrences_between(DateSpec.parse("L1985-08-15"), *_year(2025))
    assert occurrence.date == ref_to_gregorian(2025, 8, 15) == D(2025, 10, 6)
    assert occurrence.lunar == LunarDate(2025, 8, 15)
    assert occurrence.years == 40


def test_late_12th_month_falls_in_january_of_the_next_gregorian_year() -> None:
    # Lunar 2025's 12th month starts in mid-January 2026.
    expected = ref_to_gregorian(2025, 12, 5)
    assert (expected.year, expected.month) == (2026, 1)
    spec = DateSpec.parse("L1985-12-05")
    [occurrence] = occurrences_between(spec, D(2025, 12, 20), D(2026, 1, 31))
    assert occurrence.date == expected
    assert occurrence.cycle_year == 2025
    assert occurrence.lunar == LunarDate(2025, 12, 5)
    assert occurrence.years == 40  # lunar year of occurrence − birth lunar year
    # In the Gregorian year 2025 itself, the occurrence of that date belongs to lunar 2024.
    [in_2025] = occurrences_between(spec, *_year(2025))
    assert in_2025.date == ref_to_gregorian(2024, 12, 5)
    assert in_2025.years == 39


def test_range_dec_20_to_jan_20_matches_lunardate_day_by_day() -> None:
    start, end = D(2025, 12, 20), D(2026, 1, 20)
    day = start
    while day <= end:
        _, month, lunar_day, is_leap = ref_to_lunar(day)
        spec = DateSpec.lunar(month, lunar_day, leap=is_leap)
        assert day in [o.date for o in occurrences_between(spec, start, end)]
        day += dt.timedelta(days=1)


def test_leap_month_birthday_in_its_own_year() -> None:
    spec = DateSpec.parse("L2020-04*-10")
    [occurrence] = occurrences_between(spec, *_year(2020))
    assert occurrence.date == ref_to_gregorian(2020, 4, 10, True)
    assert occurrence.lunar == LunarDate(2020, 4, 10, True)
    assert occurrence.years == 0
    assert not occurrence.adjusted


def test_leap_month_birthday_falls_in_the_ordinary_month_of_a_year_without_it() -> None:
    assert ref_leap_month(2021) is None
    spec = DateSpec.parse("L2020-04*-10")
    [occurrence] = occurrences_between(spec, *_year(2021))
    assert occurrence.date == ref_to_gregorian(2021, 4, 10)
    assert occurrence.lunar == LunarDate(2021, 4, 10, False)
    assert occurrence.adjusted
    assert occurrence.years == 1


def test_leap_month_birthday_can_be_skipped_in_a_year_without_it() -> None:
    policy = OccasionPolicy(missing_leap_month=LeapMonthPolicy.SKIP)
    assert occurrences_between(DateSpec.parse("L2020-04*-10"), *_year(2021), policy) == []


@pytest.mark.parametrize(("year", "month"), [(2020, 4), (2023, 2), (2025, 6)])
def test_leap_month_dates_in_years_that_have_them(year: int, month: int) -> None:
    assert ref_leap_month(year) == month
    spec = DateSpec.lunar(month, 1, leap=True)
    start, end = D(year, 1, 1), D(year + 1, 1, 1)
    [occurrence] = occurrences_between(spec, start, end)
    assert occurrence.date == ref_to_gregorian(year, month, 1, True)
    assert not occurrence.adjusted


@pytest.mark.parametrize(("year", "month"), [(2020, 4), (2023, 2), (2025, 6)])
def test_ordinary_month_date_occurs_once_in_a_year_that_repeats_the_month(
    year: int, month: int
) -> None:
    spec = DateSpec.lunar(month, 1)
    found = occurrences_between(spec, D(year, 1, 1), D(year, 12, 31))
    assert [o.date for o in found] == [ref_to_gregorian(year, month, 1)]


def test_lunar_day_30_in_a_29_day_month_defaults_to_day_29() -> None:
    year = 2021
    month = next(m for m in range(1, 11) if ref_month_length(year, m) == 29)
    spec = DateSpec.lunar(month, 30)
    occurrence = occurrence_in_cycle_year(spec, year)
    assert occurrence is not None
    assert occurrence.date == ref_to_gregorian(year, month, 29)
    assert occurrence.lunar == LunarDate(year, month, 29)
    assert occurrence.adjusted
    policy = OccasionPolicy(missing_day30=LunarDay30Policy.SKIP)
    assert occurrence_in_cycle_year(spec, year, policy) is None
    window = (ref_to_gregorian(year, month, 1), ref_to_gregorian(year, month, 29))
    assert occurrences_between(spec, *window, policy) == []


def test_lunar_day_30_in_a_30_day_month_is_itself() -> None:
    year = 2021
    month = next(m for m in range(1, 11) if ref_month_length(year, m) == 30)
    occurrence = occurrence_in_cycle_year(DateSpec.lunar(month, 30), year)
    assert occurrence is not None
    assert occurrence.date == ref_to_gregorian(year, month, 30)
    assert not occurrence.adjusted


def test_leap_day_30_missing_both_policies_combine() -> None:
    # 闰四月三十 in a year without 闰四月 whose 4th month has 29 days → 4th month, day 29.
    year = next(y for y in range(2021, 2099) if ref_leap_month(y) != 4 and
                ref_month_length(y, 4) == 29)  # fmt: skip
    occurrence = occurrence_in_cycle_year(DateSpec.lunar(4, 30, leap=True), year)
    assert occurrence is not None
    assert occurrence.date == ref_to_gregorian(year, 4, 29)


def test_next_occurrence_of_a_skipped_leap_month_looks_years_ahead() -> None:
    policy = OccasionPolicy(missing_leap_month=LeapMonthPolicy.SKIP)
    year = next(y for y in range(2021, 2100) if ref_leap_month(y) == 4)
    found = next_occurrence(DateSpec.lunar(4, 10, leap=True), D(2021, 1, 1), policy)
    assert found is not None
    assert found.date == ref_to_gregorian(year, 4, 10, True)


def test_next_occurrence_is_on_or_after_the_day() -> None:
    spec = DateSpec.parse("03-14")
    assert next_occurrence(spec, D(2025, 3, 14)).date == D(2025, 3, 14)  # type: ignore[union-attr]
    assert next_occurrence(spec, D(2025, 3, 15)).date == D(2026, 3, 14)  # type: ignore[union-attr]
    assert next_occurrence(spec, D(2099, 12, 1)) is None


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (D(2025, 2, 1), D(2025, 1, 1), "end"),
        (D(1900, 12, 31), D(1901, 1, 31), "start"),
        (D(2099, 12, 1), D(2100, 1, 1), "end"),
    ],
)
def test_bad_ranges_raise(start: dt.date, end: dt.date, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        occurrences_between(DateSpec.parse("L01-01"), start, end)
    assert caught.value.field == field


# --- many at once ---------------------------------------------------------------------------------


def test_many_equals_one_by_one_in_date_order() -> None:
    texts = ["1985-03-14", "L08-15", "L1990-12-05", "02-29", "L2020-04*-10", "12-31", "L01-01"]
    items = [(text, DateSpec.parse(text)) for text in texts]
    start, end = D(2025, 11, 1), D(2027, 2, 1)
    together = occurrences_for_many(items, start, end)
    one_by_one = sorted(
        ((key, o) for key, spec in items for o in occurrences_between(spec, start, end)),
        key=lambda pair: pair[1].date,
    )
    assert sorted(together, key=lambda p: (p[1].date, p[0])) == sorted(
        one_by_one, key=lambda p: (p[1].date, p[0])
    )
    dates = [o.date for _, o in together]
    assert dates == sorted(dates)


# --- properties ----------------------------------------------------------------------------------

ranges = st.tuples(
    st.dates(min_value=D(1901, 1, 1), max_value=D(2099, 12, 31)), st.integers(0, 800)
).map(lambda pair: (pair[0], min(pair[0] + dt.timedelta(days=pair[1]), D(2099, 12, 31))))


@settings(max_examples=150, deadline=None)
@given(
    month=st.integers(1, 12),
    day=st.integers(1, 29),
    window=ranges,
)
def test_ordinary_lunar_date_occurs_exactly_on_lunardates_days(
    month: int, day: int, window: tuple[dt.date, dt.date]
) -> None:
    start, end = window
    found = [o.date for o in occurrences_between(DateSpec.lunar(month, day), start, end)]
    expected = []
    current = start
    while current <= end:
        if ref_to_lunar(current)[1:] == (month, day, False):
            expected.append(current)
        current += dt.timedelta(days=1)
    if any(in_known_disagreement(d) for d in found + expected):
        return  # lunardate is off by a day there; see lunar_reference
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    lunar=st.booleans(),
    leap=st.booleans(),
    window=ranges,
)
def test_every_occurrence_lies_within_the_range(
    month: int, day: int, lunar: bool, leap: bool, window: tuple[dt.date, dt.date]
) -> None:
    try:
        spec = (
            DateSpec.lunar(month, min(day, 30), leap=leap)
            if lunar
            else DateSpec.gregorian(month, day)
        )
    except ValidationError:
        return
    start, end = window
    found = occurrences_between(spec, start, end)
    assert all(start <= o.date <= end for o in found)
    assert [o.date for o in found] == sorted({o.date for o in found})
    # one a year at most: consecutive occurrences are at least ~11 months apart
    assert all((b.date - a.date).days > 320 for a, b in itertools.pairwise(found))
    assert len(found) >= (end - start).days // 400
