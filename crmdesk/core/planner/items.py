"""What a plan is made of: :class:`PlanItem`, one line of the agenda, and what it points to.

An item is a named tuple (the cheapest record Python makes: a year's plan holds 150,000 of them);
its English ``who``/``why``/``to_json`` serve the CLI and JSON, the GUI builds translated text
from the fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from crmdesk.core.dates import DateSpec
from crmdesk.core.festivals import Festival
from crmdesk.core.lunar import LunarDate
from crmdesk.core.money import Money
from crmdesk.core.planner.inputs import (
    ItemKind,
    LastGift,
    PlanAccount,
    PlanContact,
    PlanDate,
    PlanFollowUp,
)
from crmdesk.core.planner_config import TierSet


@dataclass(frozen=True, slots=True)
class OccasionDay:
    """One day on which a kind of date falls; shared by every item of that kind on that day.

    ``cycle_year`` is the year in the date's own calendar (the lunar year for a lunar date),
    ``lunar`` the lunar day for a lunar date, ``adjusted`` True when a policy moved it (29
    February → 28 February, a missing leap month → the ordinary month, day 30 → 29).
    """

    date: dt.date
    cycle_year: int
    lunar: LunarDate | None
    adjusted: bool
    buy_by: dt.date


@dataclass(frozen=True, slots=True)
class FestivalDay:
    """A festival on a day and the contacts to greet: those of the tiers it applies to."""

    festival: Festival
    tiers: TierSet
    people: tuple[PlanContact, ...]
    done_ids: frozenset[str]
    buy_by: dt.date

    @property
    def open_people(self) -> tuple[PlanContact, ...]:
        """The people not yet greeted for this festival."""
        if not self.done_ids:
            return self.people
        return tuple(p for p in self.people if p.id not in self.done_ids)


class PlanItem(NamedTuple):
    """One line of the agenda (a named tuple: immutable, and the fastest record Python makes).

    ``day`` is the agenda day (an overdue follow-up and the neglect list sit on the first day).
    ``source`` is what the item is about: a :class:`PlanDate` (occasions, dormant), a
    :class:`FestivalDay`, a :class:`PlanFollowUp`, or None (neglect). ``overdue_days`` is how far
    past its date a follow-up is, or how far past the cadence a neglected relationship is;
    ``days_since`` is the days since the relationship was last touched (neglect, dormant).
    """

    day: dt.date
    kind: ItemKind
    done: bool
    contact: PlanContact | None
    account: PlanAccount | None
    source: PlanDate | FestivalDay | PlanFollowUp | None
    occasion: OccasionDay | None
    years: int | None
    budget: Money | None
    overdue_days: int | None
    days_since: int | None

    # -- what it is about ------------------------------------------------------------------

    @property
    def date(self) -> PlanDate | None:
        return self.source if isinstance(self.source, PlanDate) else None

    @property
    def festival_day(self) -> FestivalDay | None:
        return self.source if isinstance(self.source, FestivalDay) else None

    @property
    def follow_up(self) -> PlanFollowUp | None:
        return self.source if isinstance(self.source, PlanFollowUp) else None

    @property
    def contact_id(self) -> str | None:
        return self.contact.id if self.contact is not None else None

    @property
    def account_id(self) -> str | None:
        if self.account is not None:
            return self.account.id
        return self.contact.account_id if self.contact is not None else None

    @property
    def buy_by(self) -> dt.date | None:
        """The day to buy the gift by (the occasion minus the lead time), for occasions."""
        if self.occasion is not None:
            return self.occasion.buy_by
        festival = self.festival_day
        return festival.buy_by if festival is not None else None

    @property
    def last_gift(self) -> LastGift | None:
        return self.contact.last_gift if self.contact is not None else None

    @property
    def id(self) -> str:
        """A stable id: ``date:<date id>:<day>``, ``dormant:…``, ``festival:<key>:<day>``,
        ``follow-up:<id>``, ``neglect-contact:<id>`` or ``neglect-account:<id>``."""
        source = self.source
        if isinstance(source, PlanDate):
            prefix = "dormant" if self.kind is ItemKind.DORMANT else "date"
            return f"{prefix}:{source.id}:{self.day.isoformat()}"
        if isinstance(source, FestivalDay):
            return f"festival:{source.festival.key}:{self.day.isoformat()}"
        if isinstance(source, PlanFollowUp):
            return f"follow-up:{source.id}"
        if self.account is not None:
            return f"neglect-account:{self.account.id}"
        assert self.contact is not None
        return f"neglect-contact:{self.contact.id}"

    # -- English text for the CLI and for JSON (the GUI builds translated text from the fields)

    @property
    def who(self) -> str:
        source = self.source
        if isinstance(source, FestivalDay):
            return source.festival.name_en
        if isinstance(source, PlanDate) and source.family_member_name and self.contact:
            relation = (source.relation or "family").replace("_", "-")
            return f"{source.family_member_name} ({relation} of {self.contact.name})"
        if self.contact is not None:
            return self.contact.name
        if self.account is not None:
            return self.account.name
        return ""

    @property
    def why(self) -> str:
        source = self.source
        if isinstance(source, PlanDate):
            return _date_reason(self, source)
        if isinstance(source, FestivalDay):
            count = len(source.open_people)
            tiers = "all tiers" if source.tiers is None else "tiers " + ", ".join(source.tiers)
            return f"{source.festival.name_en}: greet {count} contact(s) ({tiers})"
        if isinstance(source, PlanFollowUp):
            late = f" (overdue {self.overdue_days} days)" if self.overdue_days else ""
            return f"Follow-up: {source.description}{late}"
        tier = (
            self.account.tier
            if self.account is not None
            else (self.contact.tier if self.contact is not None else None)
        )
        cadence = (self.days_since or 0) - (self.overdue_days or 0)
        return (
            f"No contact for {self.days_since} days; tier {tier} asks for contact "
            f"every {cadence} days"
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates ISO 8601, money as amount and currency)."""
        data: dict[str, Any] = {
            "id": self.id,
            "day": self.day.isoformat(),
            "kind": str(self.kind),
            "done": self.done,
            "who": self.who,
            "why": self.why,
            "contact_id": self.contact_id,
            "account_id": self.account_id,
            "account": (
                self.account.name
                if self.account is not None
                else (self.contact.account_name if self.contact is not None else None)
            ),
            "tier": (
                self.contact.tier
                if self.contact is not None
                else (self.account.tier if self.account is not None else None)
            ),
            "buy_by": None if self.buy_by is None else self.buy_by.isoformat(),
            "budget": None if self.budget is None else self.budget.to_json(),
            "last_gift": None if self.last_gift is None else self.last_gift.to_json(),
            "years": self.years,
            "overdue_days": self.overdue_days,
            "days_since": self.days_since,
        }
        source = self.source
        if self.occasion is not None:
            data["lunar"] = None if self.occasion.lunar is None else str(self.occasion.lunar)
            data["adjusted"] = self.occasion.adjusted
        if isinstance(source, PlanDate):
            data["date"] = {
                "id": source.id,
                "kind": source.kind,
                "label": source.label,
                "spec": str(source.spec),
                "family_member_id": source.family_member_id,
                "family_member": source.family_member_name,
                "relation": source.relation,
            }
        elif isinstance(source, FestivalDay):
            data["festival"] = {
                "key": source.festival.key,
                "name": source.festival.name_en,
                "name_zh": source.festival.name_zh_hans,
                "tiers": None if source.tiers is None else list(source.tiers),
                "people": [
                    {"id": p.id, "name": p.name, "tier": p.tier, "done": p.id in source.done_ids}
                    for p in source.people
                ],
            }
        elif isinstance(source, PlanFollowUp):
            data["follow_up"] = {
                "id": source.id,
                "due_on": source.due_on.isoformat(),
                "description": source.description,
            }
        return data


def spec_text(spec: DateSpec) -> str:
    """A date as a rep reads it, year left out: "lunar 8/15", "lunar leap 4/10", "3/14"."""
    leap = "leap " if spec.is_leap_month else ""
    prefix = f"lunar {leap}" if spec.is_lunar else ""
    return f"{prefix}{spec.month}/{spec.day}"


def _date_reason(item: PlanItem, date: PlanDate) -> str:
    label = date.label or {
        "birthday": "Birthday",
        "anniversary": "Anniversary",
    }.get(date.kind, "Important date")
    parts = [label]
    if item.years is not None:
        parts.append(f"turns {item.years}" if date.kind == "birthday" else f"{item.years} years")
    occasion = item.occasion
    if date.spec.is_lunar:
        parts.append(spec_text(date.spec))
    if occasion is not None and occasion.adjusted:
        parts.append(f"{spec_text(date.spec)} does not occur this year: kept on this day")
    text = ", ".join(parts)
    if item.kind is ItemKind.DORMANT:
        text += f'; no contact for {item.days_since} days: send a "we miss you" greeting'
    return text
