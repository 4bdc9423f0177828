"""Festivals (节日): the days a rep greets everyone, by region, plus a company's own days.

三节两寿 — greet on the three festivals (Spring Festival, Dragon Boat, Mid-Autumn) and the two
birthdays — is why the Chinese calendar is built in. A festival is data (a stable key, its names in
English and Simplified and Traditional Chinese, a region) plus a rule that yields its days in a
range. Rules come in four kinds, because festivals are fixed in four different ways:

* a fixed Gregorian or lunar date (:class:`DateRule`, through :mod:`crmdesk.core.occasions`);
* New Year's Eve (除夕), the *last* day of the lunar year — the 29th or the 30th of the 12th month
  (:class:`LunarNewYearsEveRule`), which no fixed lunar date can express;
* a solar term such as Qingming (清明), 4 or 5 April (:class:`SolarTermRule`);
* the n-th weekday of a month, e.g. Mother's Day (:class:`NthWeekdayRule`).

Keys are stable ("cn.spring_festival", "intl.christmas", "company.<slug>") so settings and greeting
history can refer to a festival whatever the display language. All years 1901–2099 are supported.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from crmdesk.core import lunar
from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.occasions import DEFAULT_POLICY, OccasionPolicy, check_range, occurrences_between


class Region(StrEnum):
    """Where a festival is observed; the planner lets a rep pick the regions that matter."""

    CN = "CN"
    INTL = "INTL"
    US = "US"
    COMPANY = "COMPANY"


class FestivalRule(Protocol):
    """How a festival's days are found."""

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The festival's days from ``start`` to ``end`` inclusive, in order."""
        ...


@dataclass(frozen=True, slots=True)
class DateRule:
    """A fixed Gregorian or lunar date; ``policy`` places it in years that lack it."""

    spec: DateSpec
    policy: OccasionPolicy = DEFAULT_POLICY

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        return [o.date for o in occurrences_between(self.spec, start, end, self.policy)]


@dataclass(frozen=True, slots=True)
class LunarNewYearsEveRule:
    """除夕: the day before lunar New Year, i.e. the 29th or 30th of the 12th lunar month."""

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        first, last = start.toordinal(), end.toordinal()
        days = []
        for year in range(max(start.year - 1, lunar.MIN_LUNAR_YEAR), end.year + 1):
            eve = lunar.year_table(year).end
            if first <= eve <= last:
                days.append(dt.date.fromordinal(eve))
        return days


@dataclass(frozen=True, slots=True)
class SolarTermRule:
    """A solar term (节气) by its Chinese name, e.g. "清明"; see :data:`lunar.SOLAR_TERMS`."""

    term: str

    def __post_init__(self) -> None:
        if self.term not in lunar.SOLAR_TERMS:
            raise ValidationError(
                f"{self.term!r} is not a solar term.", field="rule", code="unknown_term"
            )

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        days = (lunar.solar_term_date(year, self.term) for year in range(start.year, end.year + 1))
        return [day for day in days if start <= day <= end]


@dataclass(frozen=True, slots=True)
class NthWeekdayRule:
    """The ``n``-th ``weekday`` (Monday = 0 … Sunday = 6) of ``month``; ``n = -1`` is the last."""

    month: int
    weekday: int
    n: int

    def __post_init__(self) -> None:
        # A fifth weekday exists only in some months, so only 1–4 and "last" are allowed.
        if (
            self.n not in (1, 2, 3, 4, -1)
            or not 1 <= self.month <= 12
            or not 0 <= self.weekday <= 6
        ):
            raise ValidationError(
                f"No such rule: weekday {self.weekday}, n = {self.n} of month {self.month}.",
                field="rule",
                code="bad_rule",
            )

    def on(self, year: int) -> dt.date:
        """The day in Gregorian ``year``."""
        first_weekday, length = _stdlib_calendar.monthrange(year, self.month)
        if self.n > 0:
            day = 1 + (self.weekday - first_weekday) % 7 + 7 * (self.n - 1)
        else:
            last_weekday = (first_weekday + length - 1) % 7
            day = length - (last_weekday - self.weekday) % 7
        return dt.date(year, self.month, day)

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        days = (self.on(year) for year in range(start.year, end.year + 1))
        return [day for day in days if start <= day <= end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Festival:
    """A festival: stable ``key``, names in three scripts, ``region`` and the ``rule``."""

    key: str
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    region: Region
    rule: FestivalRule

    def name(self, language: str) -> str:
        """The name for a locale like "en", "zh_CN", "zh-Hans", "zh_TW", "zh-HK"; else English."""
        tags = language.replace("_", "-").lower().split("-")
        if tags[0] != "zh":
            return self.name_en
        if "hans" in tags:
            return self.name_zh_hans
        if "hant" in tags or any(region in tags for region in ("tw", "hk", "mo")):
            return self.name_zh_hant
        return self.name_zh_hans

    def dates_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """This festival's days from ``start`` to ``end`` inclusive."""
        check_range(start, end)
        return self.rule.dates_between(start, end)


@dataclass(frozen=True, slots=True)
class FestivalOccurrence:
    """One festival on one day."""

    date: dt.date
    festival: Festival


def _lunar(month: int, day: int) -> DateRule:
    return DateRule(DateSpec.lunar(month, day))


def _gregorian(month: int, day: int) -> DateRule:
    return DateRule(DateSpec.gregorian(month, day))


_SUNDAY, _THURSDAY = 6, 3


def _festival(
    key: str, en: str, hans: str, hant: str, region: Region, rule: FestivalRule
) -> Festival:
    return Festival(
        key=key, name_en=en, name_zh_hans=hans, name_zh_hant=hant, region=region, rule=rule
    )


BUILTIN_FESTIVALS: tuple[Festival, ...] = (
    # China: the lunar festivals (Spring Festival, Dragon Boat and Mid-Autumn are the 三节).
    _festival("cn.new_years_eve", "Chinese New Year's Eve", "除夕", "除夕", Region.CN,
              LunarNewYearsEveRule()),
    _festival("cn.spring_festival", "Spring Festival", "春节", "春節", Region.CN, _lunar(1, 1)),
    _festival("cn.lantern", "Lantern Festival", "元宵节", "元宵節", Region.CN, _lunar(1, 15)),
    _festival("cn.qingming", "Qingming Festival", "清明节", "清明節", Region.CN,
              SolarTermRule("清明")),
    _festival("cn.dragon_boat", "Dragon Boat Festival", "端午节", "端午節", Region.CN,
              _lunar(5, 5)),
    _festival("cn.qixi", "Qixi Festival", "七夕节", "七夕節", Region.CN, _lunar(7, 7)),
    _festival("cn.mid_autumn", "Mid-Autumn Festival", "中秋节", "中秋節", Region.CN,
              _lunar(8, 15)),
    _festival("cn.double_ninth", "Double Ninth Festival", "重阳节", "重陽節", Region.CN,
              _lunar(9, 9)),
    # China: the Gregorian public holidays.
    _festival("cn.new_year", "New Year's Day", "元旦", "元旦", Region.CN, _gregorian(1, 1)),
    _festival("cn.labour_day", "Labour Day", "劳动节", "勞動節", Region.CN, _gregorian(5, 1)),
    _festival("cn.national_day", "National Day", "国庆节", "國慶節", Region.CN,
              _gregorian(10, 1)),
    # International.
    _festival("intl.valentines_day", "Valentine's Day", "情人节", "情人節", Region.INTL,
              _gregorian(2, 14)),
    _festival("intl.mothers_day", "Mother's Day", "母亲节", "母親節", Region.INTL,
              NthWeekdayRule(5, _SUNDAY, 2)),
    _festival("intl.fathers_day", "Father's Day", "父亲节", "父親節", Region.INTL,
              NthWeekdayRule(6, _SUNDAY, 3)),
    _festival("intl.christmas", "Christmas", "圣诞节", "聖誕節", Region.INTL, _gregorian(12, 25)),
    _festival("us.thanksgiving", "Thanksgiving (US)", "感恩节（美国）", "感恩節（美國）", Region.US,
              NthWeekdayRule(11, _THURSDAY, 4)),
)  # fmt: skip
"""The festivals crmdesk knows without configuration."""

_BY_KEY = {festival.key: festival for festival in BUILTIN_FESTIVALS}


def festival_by_key(key: str) -> Festival:
    """The built-in festival with this key; ValidationError (field "key") if there is none."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValidationError(
            f"There is no built-in festival {key!r}.", field="key", code="unknown_festival"
        ) from None


def festivals_for_regions(regions: Iterable[Region | str]) -> tuple[Festival, ...]:
    """The built-in festivals of the given regions, in the built-in order."""
    wanted = {Region(region) for region in regions}
    return tuple(festival for festival in BUILTIN_FESTIVALS if festival.region in wanted)


_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")


def company_festival(
    slug: str,
    name: str,
    spec: DateSpec,
    *,
    name_zh_hans: str | None = None,
    name_zh_hant: str | None = None,
    policy: OccasionPolicy = DEFAULT_POLICY,
) -> Festival:
    """A company's own day (founding day, customer day…) on a fixed Gregorian or lunar date.

    The key is ``"company.<slug>"``; ``slug`` is lower-case letters, digits, "_" and "-". Names not
    given in Chinese fall back to ``name``. If ``spec`` has a year, the festival starts that year.
    """
    if not _SLUG.fullmatch(slug):
        raise ValidationError(
            f"{slug!r} cannot be a festival key: use lower-case letters, digits, '_' and '-' "
            "(at most 63), starting with a letter or digit.",
            field="key",
            code="bad_key",
        )
    if not name.strip():
        raise ValidationError("A festival needs a name.", field="name", code="name_missing")
    return Festival(
        key=f"company.{slug}",
        name_en=name,
        name_zh_hans=name_zh_hans or name,
        name_zh_hant=name_zh_hant or name_zh_hans or name,
        region=Region.COMPANY,
        rule=DateRule(spec, policy),
    )


def festivals_between(
    start: dt.date, end: dt.date, festivals: Iterable[Festival] = BUILTIN_FESTIVALS
) -> list[FestivalOccurrence]:
    """Every day of ``festivals`` from ``start`` to ``end`` inclusive, by date then key.

    The range may span years (1901-01-01..2099-12-31, else ValidationError).
    """
    check_range(start, end)
    found = [
        FestivalOccurrence(day, festival)
        for festival in festivals
        for day in festival.rule.dates_between(start, end)
    ]
    found.sort(key=lambda occurrence: (occurrence.date, occurrence.festival.key))
    return found
