"""What a rep sets for the outreach planner: date policies, lead time, dormancy, festivals.

These are data of the book (stored by :mod:`crmdesk.db.planner_settings` as JSON), so the plan a
rep sees on the laptop is the one the CLI prints. Tier cadences and greeting budgets are not here:
they are columns of the tiers themselves (:mod:`crmdesk.db.services.tiers`).

Festival applicability: each festival key maps to the tiers it applies to — ``None`` means every
tier, a tuple of tier codes means those tiers, and an empty tuple means the festival is not in the
plan. Keys absent from :attr:`PlannerSettings.festival_tiers` take :data:`DEFAULT_FESTIVAL_TIERS`:
the three festivals of 三节 (Spring Festival, Dragon Boat, Mid-Autumn) and New Year's Day, Lantern,
Labour Day, Double Ninth and National Day apply to every tier; Chinese New Year's Eve (covered by
Spring Festival), Qingming (a day for the dead, not for greetings), Qixi (a lovers' day) and the
international festivals are off until the rep turns them on. A company festival applies to every
tier unless set otherwise.

:meth:`PlannerSettings.from_json` checks every value and raises
:class:`~crmdesk.core.errors.ValidationError` naming the field, so a damaged or hand-edited value is
reported rather than half-used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import BUILTIN_FESTIVALS, Festival, company_festival
from crmdesk.core.occasions import (
    DEFAULT_POLICY,
    Feb29Policy,
    LeapMonthPolicy,
    LunarDay30Policy,
    OccasionPolicy,
)

DEFAULT_LEAD_DAYS = 7
"""A gift is bought a week before the occasion."""

DEFAULT_DORMANT_DAYS = 3 * 365
"""A relationship untouched for three years is dormant (the hotel's "we miss you")."""

DEFAULT_REMIND_AT = dt.time(9, 0)
"""The time of day the desktop reminder is shown (it is also shown when the app starts)."""

MAX_LEAD_DAYS = 90
MAX_DORMANT_DAYS = 36_500
MAX_COMPANY_FESTIVALS = 200

TierSet = tuple[str, ...] | None
"""The tiers a festival applies to: None = every tier; () = the festival is off."""

_ALL_TIERS_BY_DEFAULT = (
    "cn.spring_festival",
    "cn.lantern",
    "cn.dragon_boat",
    "cn.mid_autumn",
    "cn.double_ninth",
    "cn.new_year",
    "cn.labour_day",
    "cn.national_day",
)

DEFAULT_FESTIVAL_TIERS: Mapping[str, TierSet] = {
    f.key: (None if f.key in _ALL_TIERS_BY_DEFAULT else ()) for f in BUILTIN_FESTIVALS
}
"""Applicability of the built-in festivals before the rep changes anything (module docstring)."""

_TIER_CODE = re.compile(r"[A-Z0-9_-]{1,8}")


@dataclass(frozen=True, slots=True)
class CompanyFestivalSpec:
    """A company's own day as stored: ``slug`` (key ``company.<slug>``), names and date text.

    ``date`` is in :mod:`crmdesk.core.dates` syntax ("10-18", "L08-15", "2001-06-01" to start in
    2001). Building it (:meth:`festival`) checks everything and names the bad field.
    """

    slug: str
    name: str
    date: str
    name_zh_hans: str | None = None
    name_zh_hant: str | None = None

    @property
    def key(self) -> str:
        return f"company.{self.slug}"

    def festival(self, policy: OccasionPolicy) -> Festival:
        return company_festival(
            self.slug,
            self.name,
            DateSpec.parse(self.date),
            name_zh_hans=self.name_zh_hans,
            name_zh_hant=self.name_zh_hant,
            policy=policy,
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"slug": self.slug, "name": self.name, "date": self.date}
        if self.name_zh_hans:
            data["name_zh_hans"] = self.name_zh_hans
        if self.name_zh_hant:
            data["name_zh_hant"] = self.name_zh_hant
        return data


@dataclass(frozen=True, slots=True)
class PlannerSettings:
    """The planner's settings; the defaults are what a new book starts with."""

    policy: OccasionPolicy = DEFAULT_POLICY
    lead_days: int = DEFAULT_LEAD_DAYS
    dormant_days: int = DEFAULT_DORMANT_DAYS
    remind_at: dt.time = DEFAULT_REMIND_AT
    festival_tiers: Mapping[str, TierSet] = field(default_factory=dict)
    company_festivals: tuple[CompanyFestivalSpec, ...] = ()

    def __post_init__(self) -> None:
        _check_int(self.lead_days, "lead_days", 0, MAX_LEAD_DAYS)
        _check_int(self.dormant_days, "dormant_days", 1, MAX_DORMANT_DAYS)
        clean = {key: _clean_tiers(value, key) for key, value in self.festival_tiers.items()}
        object.__setattr__(self, "festival_tiers", clean)
        if len(self.company_festivals) > MAX_COMPANY_FESTIVALS:
            raise ValidationError(
                f"At most {MAX_COMPANY_FESTIVALS} company festivals can be kept.",
                field="company_festivals",
                code="too_many",
            )
        slugs = [spec.slug for spec in self.company_festivals]
        for spec in self.company_festivals:
            spec.festival(self.policy)  # raises ValidationError naming the bad field
            if slugs.count(spec.slug) > 1:
                raise ValidationError(
                    f"The company festival {spec.slug!r} is defined twice.",
                    field="key",
                    code="duplicate",
                )

    # -- festivals ---------------------------------------------------------------------------

    def festivals(self) -> tuple[Festival, ...]:
        """Every festival the planner knows: the built-in ones, then the company's."""
        own = tuple(spec.festival(self.policy) for spec in self.company_festivals)
        return BUILTIN_FESTIVALS + own

    def tiers_for(self, festival_key: str) -> TierSet:
        """The tiers ``festival_key`` applies to (None: every tier; (): not in the plan)."""
        if festival_key in self.festival_tiers:
            return self.festival_tiers[festival_key]
        return DEFAULT_FESTIVAL_TIERS.get(festival_key)

    def applicable_festivals(self) -> list[tuple[Festival, TierSet]]:
        """The festivals in the plan, each with the tiers it applies to."""
        found = []
        for festival in self.festivals():
            tiers = self.tiers_for(festival.key)
            if tiers is None or tiers:
                found.append((festival, tiers))
        return found

    def with_festival_tiers(self, festival_key: str, tiers: TierSet) -> PlannerSettings:
        """A copy where ``festival_key`` applies to ``tiers`` (checked against known keys)."""
        known = {f.key for f in self.festivals()}
        if festival_key not in known:
            raise ValidationError(
                f"There is no festival {festival_key!r}; see `crmdesk festival list`.",
                field="festival",
                code="unknown_festival",
            )
        merged = dict(self.festival_tiers)
        merged[festival_key] = tiers
        return replace(self, festival_tiers=merged)

    def with_company_festival(
        self, spec: CompanyFestivalSpec, tiers: TierSet = None
    ) -> PlannerSettings:
        """A copy with ``spec`` added, or replacing the company festival of the same slug."""
        others = tuple(s for s in self.company_festivals if s.slug != spec.slug)
        merged = dict(self.festival_tiers)
        merged[spec.key] = tiers
        return replace(self, company_festivals=(*others, spec), festival_tiers=merged)

    def without_company_festival(self, slug: str) -> PlannerSettings:
        kept = tuple(s for s in self.company_festivals if s.slug != slug)
        if len(kept) == len(self.company_festivals):
            raise ValidationError(
                f"There is no company festival {slug!r}.", field="festival", code="not_found"
            )
        merged = {k: v for k, v in self.festival_tiers.items() if k != f"company.{slug}"}
        return replace(self, company_festivals=kept, festival_tiers=merged)

    # -- JSON ---------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "policy": {
                "feb29": str(self.policy.feb29),
                "missing_leap_month": str(self.policy.missing_leap_month),
                "missing_day30": str(self.policy.missing_day30),
            },
            "lead_days": self.lead_days,
            "dormant_days": self.dormant_days,
            "remind_at": self.remind_at.strftime("%H:%M"),
            "festival_tiers": {
                key: (None if value is None else list(value))
                for key, value in sorted(self.festival_tiers.items())
            },
            "company_festivals": [spec.to_json() for spec in self.company_festivals],
        }

    @classmethod
    def from_json(cls, data: Any) -> PlannerSettings:
        """Settings from :meth:`to_json` output; missing keys take their defaults."""
        if not isinstance(data, dict):
            raise ValidationError(
                "The planner settings are not a JSON object.", field="settings", code="bad_json"
            )
        policy_data = data.get("policy") or {}
        if not isinstance(policy_data, dict):
            raise ValidationError(
                "The date policies are not a JSON object.", field="policy", code="bad_json"
            )
        default = OccasionPolicy()
        policy = OccasionPolicy(
            feb29=_enum(Feb29Policy, policy_data.get("feb29", default.feb29), "feb29"),
            missing_leap_month=_enum(
                LeapMonthPolicy,
                policy_data.get("missing_leap_month", default.missing_leap_month),
                "missing_leap_month",
            ),
            missing_day30=_enum(
                LunarDay30Policy,
                policy_data.get("missing_day30", default.missing_day30),
                "missing_day30",
            ),
        )
        tiers = data.get("festival_tiers") or {}
        if not isinstance(tiers, dict):
            raise ValidationError(
                "The festival tiers are not a JSON object.", field="festival_tiers", code="bad_json"
            )
        festivals = data.get("company_festivals") or []
        if not isinstance(festivals, list):
            raise ValidationError(
                "The company festivals are not a JSON list.",
                field="company_festivals",
                code="bad_json",
            )
        return cls(
            policy=policy,
            lead_days=data.get("lead_days", DEFAULT_LEAD_DAYS),
            dormant_days=data.get("dormant_days", DEFAULT_DORMANT_DAYS),
            remind_at=parse_time(data.get("remind_at", "09:00"), field="remind_at"),
            festival_tiers={str(key): _tiers_from_json(value, key) for key, value in tiers.items()},
            company_festivals=tuple(_company_from_json(item) for item in festivals),
        )


def parse_tier_list(text: str, *, field: str = "tiers") -> TierSet:
    """A tier list as typed: "all" (or "*") → None, "none" or "" → (), "S,A" → ("S", "A")."""
    cleaned = text.strip()
    if cleaned.lower() in ("all", "*"):
        return None
    if cleaned.lower() in ("none", "off", ""):
        return ()
    return _clean_tiers([part for part in re.split(r"[,\s]+", cleaned) if part], field)


def parse_time(value: Any, *, field: str) -> dt.time:
    """``"09:00"`` → 09:00; ValidationError naming ``field`` otherwise."""
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return dt.time(int(match[1]), int(match[2]))
    raise ValidationError(
        f"{value!r} is not a time of day; write it as HH:MM, e.g. 09:00.",
        field=field,
        code="time_syntax",
    )


def _check_int(value: Any, field: str, minimum: int, maximum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{value!r} is not a whole number.", field=field, code="not_int")
    if not minimum <= value <= maximum:
        raise ValidationError(
            f"Must be between {minimum} and {maximum} days, not {value}.",
            field=field,
            code="range",
        )


def _clean_tiers(value: Iterable[str] | None, field: str) -> TierSet:
    if value is None:
        return None
    codes: list[str] = []
    for raw in value:
        if not isinstance(raw, str):
            raise ValidationError(f"{raw!r} is not a tier code.", field="tiers", code="bad_tier")
        code = raw.strip().upper()
        if not _TIER_CODE.fullmatch(code):
            raise ValidationError(
                f"{raw!r} is not a tier code (letters, digits, - and _; at most 8) for {field}.",
                field="tiers",
                code="bad_tier",
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _tiers_from_json(value: Any, key: str) -> TierSet:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValidationError(
            f"The tiers of {key!r} are not a list.", field="festival_tiers", code="bad_json"
        )
    return _clean_tiers(value, key)


def _company_from_json(item: Any) -> CompanyFestivalSpec:
    if not isinstance(item, dict) or not all(
        isinstance(item.get(k), str) for k in ("slug", "name", "date")
    ):
        raise ValidationError(
            "A company festival needs a slug, a name and a date.",
            field="company_festivals",
            code="bad_json",
        )
    return CompanyFestivalSpec(
        slug=item["slug"],
        name=item["name"],
        date=item["date"],
        name_zh_hans=item.get("name_zh_hans") or None,
        name_zh_hant=item.get("name_zh_hant") or None,
    )


def _enum(kind: Any, value: Any, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member) for member in kind)
        raise ValidationError(
            f"{value!r} is not a {field.replace('_', ' ')} policy; choose one of: {allowed}.",
            field=field,
            code="unknown_policy",
        ) from None


DEFAULT_SETTINGS = PlannerSettings()
"""The settings of a book where the rep has changed nothing."""
