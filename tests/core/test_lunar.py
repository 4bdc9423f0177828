"""Lunar conversions checked against the independent lunardate package (see lunar_reference)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.core import lunar, lunar_months
from crmdesk.core.errors import ValidationError
from crmdesk.core.lunar import (
    LunarDate,
    gregorian_to_lunar,
    leap_month,
    lunar_to_gregorian,
    month_length,
    ordinal_to_lunar,
)
from tests.core.lunar_reference import (
    KNOWN_DISAGREEMENTS,
    in_known_disagreement,
    ref_leap_month,
    ref_month_length,
    ref_to_gregorian,
    ref_to_lunar,
)

FIRST = dt.date(1901, 1, 1)
LAST = dt.date(2099, 12, 31)


def _as_tuple(date: LunarDate) -> tuple[int, int, int, bool]:
    return (date.year, date.month, date.day, date.is_leap)


def test_every_day_1901_to_2099_agrees_with_lunardate_both_ways() -> None:
    disagreeing: list[dt.date] = []
    for ordinal in range(FIRST.toordinal(), LAST.toordinal() + 1):
        day = dt.date.fromordinal(ordinal)
        expected = ref_to_lunar(day)
        if _as_tuple(ordinal_to_lunar(ordinal)) != expected:
            disagreeing.append(day)
            continue
        # the other direction, fed with the reference's lunar date
        assert lunar.lunar_to_ordinal(*expected) == ordinal, day
    expected_disagreement = [
        dt.date.fromordinal(o)
        for first, last, _ in KNOWN_DISAGREEMENTS
        for o in range(first.toordinal(), last.toordinal() + 1)
    ]
    assert disagreeing == expected_disagreement


@pytest.mark.parametrize(("first", "last", "published"), KNOWN_DISAGREEMENTS)
def test_known_disagreements_follow_the_published_tables(
    first: dt.date, last: dt.date, published: tuple[int, int, int, bool]
) -> None:
    assert _as_tuple(gregorian_to_lunar(first)) == published
    assert lunar_to_gregorian(*published) == first
    # Outside the window lunardate agrees again, so only one month boundary moved by a day.
    for day in (first - dt.timedelta(days=1), last + dt.timedelta(days=1)):
        assert _as_tuple(gregorian_to_lunar(day)) == ref_to_lunar(day)


def test_leap_months_of_every_year_agree_with_lunardate() -> None:
    for year in range(1901, 2100):
        assert leap_month(year) == ref_leap_month(year), year


@pytest.mark.parametrize(
    ("year", "expected"), [(2020, 4), (2023, 2), (2025, 6), (2033, 11), (2021, None), (2024, None)]
)
def test_known_leap_months(year: int, expected: int | None) -> None:
    assert leap_month(year) == expected


def test_month_lengths_agree_with_lunardate() -> None:
    for year in range(1901, 2100):
        leap = ref_leap_month(year)
        months = [(m, False) for m in range(1, 13)] + ([(leap, True)] if leap else [])
        for month, is_leap in months:
            first = ref_to_gregorian(year, month, 1, is_leap)
            # a month whose possible 30th day lies in a known-disagreement window is checked there;
            # lunar 2099's 12th month lies past the supported span
            if in_known_disagreement(first) or in_known_disagreement(first + dt.timedelta(29)):
                continue
            if first > LAST:
                continue
            length = month_length(year, month, is_leap)
            assert length == ref_month_length(year, month, is_leap), (year, month, is_leap)


def test_leap_month_date_converts() -> None:
    # 闰四月初一 2020 was 23 May 2020.
    assert lunar_to_gregorian(2020, 4, 1, is_leap=True) == dt.date(2020, 5, 23)
    assert gregorian_to_lunar(dt.date(2020, 5, 23)) == LunarDate(2020, 4, 1, True)
    assert lunar_to_gregorian(2020, 4, 1) == ref_to_gregorian(2020, 4, 1)


def test_lunar_year_1900_tail_and_2099_head_are_inside_the_span() -> None:
    assert _as_tuple(gregorian_to_lunar(FIRST)) == ref_to_lunar(FIRST)
    assert gregorian_to_lunar(FIRST).year == 1900
    assert _as_tuple(gregorian_to_lunar(LAST)) == ref_to_lunar(LAST)


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda: gregorian_to_lunar(dt.date(1900, 12, 31)), "date", ["1900-12-31"]),
        (lambda: gregorian_to_lunar(dt.date(2100, 1, 1)), "date", ["2100-01-01"]),
        (lambda: lunar_to_gregorian(1899, 1, 1), "year", ["1899"]),
        (lambda: lunar_to_gregorian(2100, 1, 1), "year", ["2100"]),
        # lunar 2099's 12th month starts in January 2100
        (lambda: lunar_to_gregorian(2099, 12, 1), "year", ["2100"]),
        (lambda: lunar_to_gregorian(1900, 1, 1), "year", ["1900"]),
        (lambda: lunar_to_gregorian(2021, 13, 1), "month", ["13"]),
        (lambda: lunar_to_gregorian(2021, 0, 1), "month", ["0"]),
        (lambda: lunar_to_gregorian(2021, 4, 1, True), "leap", ["2021", "4"]),
        (lambda: lunar_to_gregorian(2023, 4, 1, True), "leap", ["2023", "4", "2"]),
        (lambda: lunar_to_gregorian(2021, 1, 31), "day", ["31"]),
        (lambda: lunar_to_gregorian(2021, 1, 0), "day", ["0"]),
        (lambda: month_length(2021, 5, True), "leap", ["2021", "5"]),
    ],
)
def test_bad_conversions_raise_validation_error_naming_the_field(
    call: object, field: str, words: list[str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field
    for word in words:
        assert word in caught.value.message


def test_day_30_of_a_29_day_month_is_refused() -> None:
    year, month = next(
        (y, m) for y in range(2021, 2030) for m in range(1, 13) if ref_month_length(y, m) == 29
    )
    with pytest.raises(ValidationError) as caught:
        lunar_to_gregorian(year, month, 30)
    assert caught.value.field == "day"
    assert str(year) in caught.value.message


def test_year_tables_are_cached() -> None:
    assert lunar.year_table(2020) is lunar.year_table(2020)


def test_lunar_date_text_form() -> None:
    assert str(LunarDate(2020, 4, 1, True)) == "L2020-04*-01"
    assert str(LunarDate(1985, 8, 15)) == "L1985-08-15"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=FIRST, max_value=LAST))
def test_gregorian_lunar_gregorian_round_trip(day: dt.date) -> None:
    converted = gregorian_to_lunar(day)
    assert lunar_to_gregorian(
        converted.year, converted.month, converted.day, converted.is_leap
    ) == (day)
    if not in_known_disagreement(day):
        assert _as_tuple(converted) == ref_to_lunar(day)


def test_solar_terms_fall_in_order_within_their_year() -> None:
    for year in (1901, 1950, 2000, 2024, 2099):
        days = [lunar.solar_term_date(year, name) for name in lunar.SOLAR_TERMS]
        assert days == sorted(days)
        assert all(day.year == year for day in days)
    assert lunar.solar_term_date(2024, "冬至") == dt.date(2024, 12, 21)
    assert lunar.solar_term_date(2025, "立春") == dt.date(2025, 2, 3)


def test_unknown_solar_term_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        lunar.solar_term_date(2024, "Qingming")
    assert caught.value.field == "name"


def test_every_stored_lunar_year_equals_lunar_pythons_astronomy():
    """The stored tables (crmdesk.core.lunar_months) are what lunar-python computes, year by
    year; a table that drifted from it (or a lunar-python update) fails here."""
    years = range(lunar.MIN_LUNAR_YEAR, lunar.MAX_LUNAR_YEAR + 1)
    differ = [y for y in years if lunar.stored_months(y) != lunar.computed_months(y)]
    assert differ == []
    assert len(lunar_months.YEARS) == len(years)


def test_stored_years_follow_one_another_day_after_day():
    for year in range(lunar.MIN_LUNAR_YEAR, lunar.MAX_LUNAR_YEAR):
        assert lunar.year_table(year).end + 1 == lunar.year_table(year + 1).start, year
