"""DateSpec: validation of important dates and the text syntax the CLI reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.core.dates import Calendar, DateSpec
from crmdesk.core.errors import ValidationError
from tests.core.lunar_reference import ref_leap_month, ref_month_length, ref_to_gregorian


def _first_29_day_month(year: int) -> int:
    return next(m for m in range(1, 13) if ref_month_length(year, m) == 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-03-14", DateSpec.gregorian(3, 14, year=1985)),
        ("03-14", DateSpec.gregorian(3, 14)),
        ("--03-14", DateSpec.gregorian(3, 14)),
        ("3-4", DateSpec.gregorian(3, 4)),
        ("  2024-02-29 ", DateSpec.gregorian(2, 29, year=2024)),
        ("02-29", DateSpec.gregorian(2, 29)),
        ("L1985-08-15", DateSpec.lunar(8, 15, year=1985)),
        ("l08-15", DateSpec.lunar(8, 15)),
        ("L--08-15", DateSpec.lunar(8, 15)),
        ("L2020-04*-10", DateSpec.lunar(4, 10, year=2020, leap=True)),
        ("L04*-10", DateSpec.lunar(4, 10, leap=True)),
        ("L2020-闰04-10", DateSpec.lunar(4, 10, year=2020, leap=True)),
        ("L閏4-30", DateSpec.lunar(4, 30, leap=True)),
        ("L12-30", DateSpec.lunar(12, 30)),
    ],
)
def test_parse_accepts_the_documented_syntax(text: str, expected: DateSpec) -> None:
    assert DateSpec.parse(text) == expected


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (DateSpec.gregorian(3, 14, year=1985), "1985-03-14"),
        (DateSpec.gregorian(3, 4), "03-04"),
        (DateSpec.lunar(8, 15, year=1985), "L1985-08-15"),
        (DateSpec.lunar(8, 15), "L08-15"),
        (DateSpec.lunar(4, 10, year=2020, leap=True), "L2020-04*-10"),
        (DateSpec.lunar(4, 10, leap=True), "L04*-10"),
    ],
)
def test_str_writes_the_canonical_syntax(spec: DateSpec, text: str) -> None:
    assert str(spec) == text


def test_calendar_given_as_text_becomes_the_enum() -> None:
    spec = DateSpec(calendar="lunar", month=1, day=1)  # type: ignore[arg-type]
    assert spec.calendar is Calendar.LUNAR
    assert spec.is_lunar


BAD: list[tuple[str, Callable[[], object], str, list[str]]] = [
    ("30 February", lambda: DateSpec.gregorian(2, 30), "day", ["February", "30"]),
    ("30 February, text", lambda: DateSpec.parse("1990-02-30"), "day", ["February"]),
    ("31 April", lambda: DateSpec.gregorian(4, 31), "day", ["April", "31"]),
    ("31 April, text", lambda: DateSpec.parse("04-31"), "day", ["April"]),
    ("29 February 2023", lambda: DateSpec.gregorian(2, 29, year=2023), "day", ["2023"]),
    ("month 13", lambda: DateSpec.gregorian(13, 1), "month", ["13"]),
    ("month 0", lambda: DateSpec.parse("00-10"), "month", ["0"]),
    ("day 0", lambda: DateSpec.gregorian(1, 0), "day", ["0"]),
    ("lunar month 13", lambda: DateSpec.lunar(13, 1), "month", ["13"]),
    ("lunar month 13, text", lambda: DateSpec.parse("L13-01"), "month", ["13"]),
    ("lunar day 31", lambda: DateSpec.lunar(1, 31), "day", ["31"]),
    ("lunar day 31, text", lambda: DateSpec.parse("L1990-01-31"), "day", ["31"]),
    ("leap month 2021 lacks", lambda: DateSpec.lunar(4, 10, year=2021, leap=True), "leap",
     ["2021", "4"]),
    ("leap month 2023 lacks (it has 闰二月)", lambda: DateSpec.parse("L2023-04*-10"), "leap",
     ["2023", "4"]),
    ("lunar day 30 of a 29-day month",
     lambda: DateSpec.lunar(_first_29_day_month(2021), 30, year=2021), "day", ["2021", "30"]),
    ("leap mark on a Gregorian date", lambda: DateSpec.parse("2020-04*-10"), "leap", []),
    ("leap flag on a Gregorian date",
     lambda: DateSpec(calendar=Calendar.GREGORIAN, month=4, day=1, is_leap_month=True), "leap",
     []),
    ("lunar year before the tables", lambda: DateSpec.lunar(1, 1, year=1899), "year", ["1899"]),
    ("lunar year after the tables", lambda: DateSpec.parse("L2100-01-01"), "year", ["2100"]),
    ("Gregorian year 0", lambda: DateSpec.gregorian(1, 1, year=0), "year", ["0"]),
    ("unknown calendar",
     lambda: DateSpec(calendar="julian", month=1, day=1),  # type: ignore[arg-type]
     "calendar", ["julian"]),
    ("not a date", lambda: DateSpec.parse("next Tuesday"), "date", ["next Tuesday"]),
    ("slashes", lambda: DateSpec.parse("1985/03/14"), "date", []),
    ("no day", lambda: DateSpec.parse("L1985-08"), "date", []),
    ("two-digit year", lambda: DateSpec.parse("85-03-14"), "date", []),
]  # fmt: skip


@pytest.mark.parametrize(("case", "make", "field", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_dates_raise_validation_error_naming_the_field(
    case: str, make: Callable[[], object], field: str, words: list[str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    assert caught.value.field == field, case
    assert caught.value.code != "invalid"  # a specific code for the GUI to translate
    for word in words:
        assert word in caught.value.message, (case, caught.value.message)


def _fields(spec: DateSpec) -> tuple[Calendar, int | None, int, int, bool]:
    return (spec.calendar, spec.year, spec.month, spec.day, spec.is_leap_month)


def test_day_30_and_leap_month_are_accepted_when_the_year_has_them() -> None:
    year = 2020
    assert ref_leap_month(year) == 4
    assert ref_to_gregorian(year, 4, 1, True) == dt.date(2020, 5, 23)  # 闰四月初一, as published
    leap = DateSpec.lunar(4, 1, year=year, leap=True)
    assert _fields(leap) == (Calendar.LUNAR, 2020, 4, 1, True)
    assert str(leap) == "L2020-04*-01"
    month = next(m for m in range(1, 13) if ref_month_length(year, m) == 30)
    day_30 = DateSpec.lunar(month, 30, year=year)
    assert _fields(day_30) == (Calendar.LUNAR, 2020, month, 30, False)
    assert str(day_30) == f"L2020-{month:02d}-30"


def test_day_30_and_leap_month_are_accepted_when_the_year_is_unknown() -> None:
    assert _fields(DateSpec.lunar(4, 30, leap=True)) == (Calendar.LUNAR, None, 4, 30, True)
    month = _first_29_day_month(2021)
    assert _fields(DateSpec.lunar(month, 30)) == (Calendar.LUNAR, None, month, 30, False)


def test_29_february_is_valid_in_a_leap_year_or_without_year() -> None:
    assert DateSpec.gregorian(2, 29, year=2024).day == 29
    assert DateSpec.gregorian(2, 29).year is None
    assert DateSpec.gregorian(2, 29, year=2000).year == 2000


def test_a_date_spec_is_immutable() -> None:
    spec = DateSpec.gregorian(1, 1)
    with pytest.raises(AttributeError):
        spec.month = 2  # type: ignore[misc]


@st.composite
def specs(draw: st.DrawFn) -> DateSpec:
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        limit = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month]
        day = draw(st.integers(1, limit))
        year = draw(st.none() | st.integers(1900, 2099))
        if year is not None and month == 2 and day == 29:
            year = 2000
        return DateSpec.gregorian(month, day, year=year)
    lunar_year = draw(st.none() | st.integers(1901, 2099))
    leap_month = None if lunar_year is None else ref_leap_month(lunar_year)
    if leap_month is not None and draw(st.booleans()):
        month, leap = leap_month, True
    else:
        month, leap = draw(st.integers(1, 12)), False
    day_limit = 30 if lunar_year is None else ref_month_length(lunar_year, month, leap)
    return DateSpec.lunar(month, draw(st.integers(1, day_limit)), year=lunar_year, leap=leap)


@given(specs())
def test_text_form_round_trips(spec: DateSpec) -> None:
    assert DateSpec.parse(str(spec)) == spec


def test_a_calendar_that_is_not_text_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        DateSpec(calendar=["lunar"], month=1, day=1)  # type: ignore[arg-type]
    assert caught.value.field == "calendar"


def test_invalid_dates_stay_invalid_when_asked_again() -> None:
    # validation results are cached; only valid ones may be
    for _ in range(2):
        with pytest.raises(ValidationError):
            DateSpec.lunar(4, 10, year=2021, leap=True)
    assert DateSpec.lunar(4, 10, year=2020, leap=True) == DateSpec.parse("L2020-04*-10")
