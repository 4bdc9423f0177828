"""Festival dates against published dates (literal tables) and the lunardate reference."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import ephem
import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import (
    BUILTIN_FESTIVALS,
    NthWeekdayRule,
    Region,
    company_festival,
    festival_by_key,
    festivals_between,
    festivals_for_regions,
)
from tests.core.lunar_reference import ref_month_length, ref_to_gregorian

D = dt.date

# Spring Festival (春节, lunar New Year's Day) 2000–2050 as widely published; the test also checks
# each entry against lunardate.
SPRING_FESTIVAL = """
2000-02-05 2001-01-24 2002-02-12 2003-02-01 2004-01-22 2005-02-09 2006-01-29 2007-02-18 2008-02-07
2009-01-26 2010-02-14 2011-02-03 2012-01-23 2013-02-10 2014-01-31 2015-02-19 2016-02-08 2017-01-28
2018-02-16 2019-02-05 2020-01-25 2021-02-12 2022-02-01 2023-01-22 2024-02-10 2025-01-29 2026-02-17
2027-02-06 2028-01-26 2029-02-13 2030-02-03 2031-01-23 2032-02-11 2033-01-31 2034-02-19 2035-02-08
2036-01-28 2037-02-15 2038-02-04 2039-01-24 2040-02-12 2041-02-01 2042-01-22 2043-02-10 2044-01-30
2045-02-17 2046-02-06 2047-01-26 2048-02-14 2049-02-02 2050-01-23
""".split()  # noqa: SIM905 - a table reads better as text

# Qingming (清明), the solar term at the sun's apparent ecliptic longitude 15°, Beijing time
# (UTC+8). 2000–2030 as widely published (e.g. the Hong Kong Observatory's yearly tables); every
# year 1901–2099 is also computed independently with PyEphem (VSOP87), see ``_qingming_ephem``.
QINGMING = {
    2000: 4, 2001: 5, 2002: 5, 2003: 5, 2004: 4, 2005: 5, 2006: 5, 2007: 5, 2008: 4, 2009: 4,
    2010: 5, 2011: 5, 2012: 4, 2013: 4, 2014: 5, 2015: 5, 2016: 4, 2017: 4, 2018: 5, 2019: 5,
    2020: 4, 2021: 4, 2022: 5, 2023: 5, 2024: 4, 2025: 4, 2026: 5, 2027: 5, 2028: 4, 2029: 4,
    2030: 5,
}  # fmt: skip
BEIJING = dt.timedelta(hours=8)


def _qingming_ephem(year: int) -> dt.datetime:
    """The instant (Beijing time) the sun's apparent geocentric ecliptic longitude of date
    reaches 15°, by bisection on PyEphem's sun: an ephemeris independent of lunar-python."""

    def longitude(when: float) -> float:
        sun = ephem.Sun()
        sun.compute(ephem.Date(when))
        apparent = ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=ephem.Date(when))
        return float(ephem.Ecliptic(apparent, epoch=ephem.Date(when)).lon)

    lo, hi = float(ephem.Date(dt.datetime(year, 4, 2))), float(ephem.Date(dt.datetime(year, 4, 7)))
    while hi - lo > 1 / 86400:  # to the second
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if longitude(mid) < math.radians(15) else (lo, mid)
    instant: dt.datetime = ephem.Date(hi).datetime()
    return instant + BEIJING


# A few festival days everyone in China remembers (e.g. Mid-Autumn on National Day 2020).
WELL_KNOWN = [
    ("cn.mid_autumn", D(2008, 9, 14)),
    ("cn.mid_autumn", D(2015, 9, 27)),
    ("cn.mid_autumn", D(2020, 10, 1)),
    ("cn.mid_autumn", D(2023, 9, 29)),
    ("cn.mid_autumn", D(2024, 9, 17)),
    ("cn.mid_autumn", D(2025, 10, 6)),
    ("cn.dragon_boat", D(2020, 6, 25)),
    ("cn.dragon_boat", D(2023, 6, 22)),
    ("cn.dragon_boat", D(2024, 6, 10)),
    ("cn.dragon_boat", D(2025, 5, 31)),
    ("cn.new_years_eve", D(2024, 2, 9)),
    ("cn.new_years_eve", D(2025, 1, 28)),  # 腊月廿九: no 大年三十 that year
    ("intl.mothers_day", D(2024, 5, 12)),
    ("intl.mothers_day", D(2025, 5, 11)),
    ("intl.fathers_day", D(2024, 6, 16)),
    ("intl.fathers_day", D(2025, 6, 15)),
    ("us.thanksgiving", D(2023, 11, 23)),
    ("us.thanksgiving", D(2024, 11, 28)),
    ("us.thanksgiving", D(2025, 11, 27)),
]

LUNAR_FESTIVALS = {
    "cn.spring_festival": (1, 1),
    "cn.lantern": (1, 15),
    "cn.dragon_boat": (5, 5),
    "cn.qixi": (7, 7),
    "cn.mid_autumn": (8, 15),
    "cn.double_ninth": (9, 9),
}


def _days(key: str, year: int) -> list[dt.date]:
    return festival_by_key(key).dates_between(D(year, 1, 1), D(year, 12, 31))


def test_spring_festival_2000_to_2050_matches_the_published_table() -> None:
    assert len(SPRING_FESTIVAL) == 51
    for year, text in zip(range(2000, 2051), SPRING_FESTIVAL, strict=True):
        published = D.fromisoformat(text)
        assert published == ref_to_gregorian(year, 1, 1)  # the table itself, checked
        assert _days("cn.spring_festival", year) == [published]


def test_qingming_2000_to_2030_matches_the_published_table() -> None:
    for year, day in QINGMING.items():
        assert _days("cn.qingming", year) == [D(year, 4, day)], year


def test_ephemeris_reproduces_published_instants() -> None:
    # The reference itself, checked: Hong Kong Observatory, 清明 2024 at 15:02 and 2025 at 20:48.
    assert abs(_qingming_ephem(2024) - dt.datetime(2024, 4, 4, 15, 2)) < dt.timedelta(minutes=1)
    assert abs(_qingming_ephem(2025) - dt.datetime(2025, 4, 4, 20, 48)) < dt.timedelta(minutes=1)


def test_qingming_1901_to_2099_matches_an_independent_ephemeris() -> None:
    for year in range(1901, 2100):
        instant = _qingming_ephem(year)
        since_midnight = instant - dt.datetime.combine(instant.date(), dt.time())
        # The ephemeris agrees with published tables to well under a minute; a day within two
        # minutes of midnight would need a finer reference (none occurs in 1901–2099).
        assert dt.timedelta(minutes=2) < since_midnight < dt.timedelta(hours=23, minutes=58)
        assert _days("cn.qingming", year) == [instant.date()], (year, instant)


@pytest.mark.parametrize(("key", "day"), WELL_KNOWN)
def test_well_known_festival_days(key: str, day: dt.date) -> None:
    assert day in _days(key, day.year)


@pytest.mark.parametrize("key", sorted(LUNAR_FESTIVALS))
def test_lunar_festivals_2000_to_2050_agree_with_lunardate(key: str) -> None:
    month, day = LUNAR_FESTIVALS[key]
    found = festival_by_key(key).dates_between(D(2000, 1, 1), D(2050, 12, 31))
    assert found == [ref_to_gregorian(year, month, day) for year in range(2000, 2051)]


def test_new_years_eve_is_the_last_day_of_the_lunar_year() -> None:
    found = festival_by_key("cn.new_years_eve").dates_between(D(2000, 1, 1), D(2050, 12, 31))
    expected = [ref_to_gregorian(year, 1, 1) - dt.timedelta(days=1) for year in range(2000, 2051)]
    assert found == expected
    # 29 or 30 of the 12th month, whichever is last
    for year in range(1999, 2050):
        length = ref_month_length(year, 12)
        assert ref_to_gregorian(year, 12, length) in found


def test_gregorian_festivals() -> None:
    found = {o.festival.key: o.date for o in festivals_between(D(2026, 1, 1), D(2026, 12, 31))}
    assert found["cn.new_year"] == D(2026, 1, 1)
    assert found["cn.labour_day"] == D(2026, 5, 1)
    assert found["cn.national_day"] == D(2026, 10, 1)
    assert found["intl.valentines_day"] == D(2026, 2, 14)
    assert found["intl.christmas"] == D(2026, 12, 25)


def test_weekday_festivals_every_year() -> None:
    for year in range(1901, 2100):
        [mothers] = _days("intl.mothers_day", year)
        [fathers] = _days("intl.fathers_day", year)
        [thanksgiving] = _days("us.thanksgiving", year)
        assert mothers.month == 5 and mothers.weekday() == 6 and 8 <= mothers.day <= 14
        assert fathers.month == 6 and fathers.weekday() == 6 and 15 <= fathers.day <= 21
        assert thanksgiving.month == 11 and thanksgiving.weekday() == 3
        assert 22 <= thanksgiving.day <= 28


def test_last_weekday_rule() -> None:
    # Memorial Day (US): last Monday of May.
    assert NthWeekdayRule(5, 0, -1).on(2025) == D(2025, 5, 26)
    assert NthWeekdayRule(5, 0, -1).on(2024) == D(2024, 5, 27)
    with pytest.raises(ValidationError):
        NthWeekdayRule(5, 0, 5)


def test_every_festival_once_a_year_over_the_whole_span() -> None:
    counts = Counter(o.festival.key for o in festivals_between(D(1901, 1, 1), D(2099, 12, 31)))
    assert counts == {festival.key: 199 for festival in BUILTIN_FESTIVALS}


def test_range_across_the_year_boundary_is_sorted() -> None:
    found = festivals_between(D(2025, 12, 20), D(2026, 3, 5))
    keys = [o.festival.key for o in found]
    assert keys == [
        "intl.christmas",
        "cn.new_year",
        "intl.valentines_day",
        "cn.new_years_eve",
        "cn.spring_festival",
        "cn.lantern",
    ]
    assert [o.date for o in found] == sorted(o.date for o in found)


def test_regions_and_names() -> None:
    cn = festivals_for_regions([Region.CN])
    assert {f.region for f in cn} == {Region.CN}
    assert len(festivals_for_regions(["CN", "INTL", "US"])) == len(BUILTIN_FESTIVALS)
    spring = festival_by_key("cn.spring_festival")
    assert spring.name("en") == "Spring Festival"
    assert spring.name("zh_CN") == "春节"
    assert spring.name("zh-Hans-HK") == "春节"
    assert spring.name("zh_TW") == "春節"
    assert spring.name("zh-Hant") == "春節"
    assert festival_by_key("cn.mid_autumn").name("zh-HK") == "中秋節"


def test_unknown_festival_key() -> None:
    with pytest.raises(ValidationError) as caught:
        festival_by_key("cn.nope")
    assert caught.value.field == "key"


def test_company_festival_on_a_lunar_date() -> None:
    founding = company_festival(
        "founding", "Founding Day", DateSpec.parse("L2008-03-18"), name_zh_hans="司庆日"
    )
    assert founding.key == "company.founding"
    assert founding.region is Region.COMPANY
    assert founding.name("zh_TW") == "司庆日"
    found = festivals_between(D(2020, 1, 1), D(2030, 12, 31), [founding])
    assert [o.date for o in found] == [ref_to_gregorian(y, 3, 18) for y in range(2020, 2031)]


def test_company_festival_starts_in_its_year() -> None:
    day = company_festival("customer-day", "Customer Day", DateSpec.parse("2024-11-08"))
    found = day.dates_between(D(2020, 1, 1), D(2025, 12, 31))
    assert found == [D(2024, 11, 8), D(2025, 11, 8)]


@pytest.mark.parametrize("slug", ["", "Founding", "a b", "-x", "x" * 64, "company.x"])
def test_company_festival_key_is_checked(slug: str) -> None:
    with pytest.raises(ValidationError) as caught:
        company_festival(slug, "Name", DateSpec.parse("01-01"))
    assert caught.value.field == "key"
