"""The outreach plan and every important date as an RFC 5545 calendar (.ics).

Built on :mod:`crmdesk.core.icalendar_export`: each occasion is an all-day event on its true
Gregorian day, year by year — a lunar birthday moves by up to a month from one year to the next,
so a yearly RRULE would be wrong. What goes in:

* every important date for the next ``years`` years (:func:`date_events`, one event per
  occurrence, placed by the book's date policies), and the festivals that apply to some tier;
* the plan for the next days (:func:`plan_events`): occasions (with age, budget and last gift in
  the description), festivals with whom to greet, follow-ups on their due day (an overdue one on
  the first day), and a "buy the gift" event on each occasion's buy-by day. Neglected
  relationships have no day of their own and are left out.

UIDs are stable, so exporting again and importing updates the events instead of doubling them:
an occasion is ``date-<date id>.<cycle year>@<domain>`` whether it comes from the dates or the
plan (the plan's richer event wins), a festival ``festival-<key>.<year>@<domain>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import festivals_between
from crmdesk.core.icalendar_export import CalendarItem, build_ics, expand_spec, occurrence_uid
from crmdesk.core.lunar import MAX_DATE
from crmdesk.core.occasions import Occurrence
from crmdesk.core.planner import (
    ItemKind,
    Plan,
    PlanContact,
    PlanDate,
    PlanInput,
    PlanItem,
    spec_text,
)
from crmdesk.core.planner_config import PlannerSettings

MAX_YEARS = 50
CALENDAR_NAME = "crmdesk: outreach plan and important dates"


def _who(date: PlanDate, contact: PlanContact) -> str:
    if date.family_member_name:
        relation = (date.relation or "family").replace("_", "-")
        return f"{date.family_member_name} ({relation} of {contact.name})"
    return contact.name


def _occasion_label(date: PlanDate) -> str:
    return date.label or {"birthday": "birthday", "anniversary": "anniversary"}.get(
        date.kind, "important date"
    )


def _summary(date: PlanDate, contact: PlanContact, years: int | None) -> str:
    count = ""
    if years is not None:
        count = f" ({years})" if date.kind == "birthday" else f" ({years} years)"
    return f"{_who(date, contact)}: {_occasion_label(date)}{count}"


def date_uid(date_id: str, cycle_year: int, domain: str) -> str:
    return occurrence_uid(f"date-{date_id}@{domain}", cycle_year)


def date_events(
    data: PlanInput,
    *,
    today: dt.date,
    years: int,
    settings: PlannerSettings,
    domain: str,
) -> list[CalendarItem]:
    """One event per occurrence of every important date in the next ``years`` years (by the
    date's own calendar: lunar years for a lunar date), and the festivals that apply."""
    if years == 0:
        return []
    _check_years(years)
    contacts = data.contact_by_id
    events: list[CalendarItem] = []
    for date in data.dates:
        contact = contacts.get(date.contact_id)
        if contact is None:
            continue

        def summary(
            occurrence: Occurrence, date: PlanDate = date, contact: PlanContact = contact
        ) -> str:
            return _summary(date, contact, occurrence.years)

        def description(occurrence: Occurrence, date: PlanDate = date) -> str:
            moved = " (moved: the day does not occur this year)" if occurrence.adjusted else ""
            return f"{spec_text(date.spec)}{moved}"

        events.extend(
            expand_spec(
                date.spec,
                summary=summary,
                description=description,
                uid_base=f"date-{date.id}@{domain}",
                from_date=today,
                years=years,
                policy=settings.policy,
            )
        )
    end = min(_add_years(today, years) - dt.timedelta(days=1), MAX_DATE)
    applicable = dict((festival.key, tiers) for festival, tiers in settings.applicable_festivals())
    for found in festivals_between(
        today, end, [festival for festival, _ in settings.applicable_festivals()]
    ):
        tiers = applicable[found.festival.key]
        whom = "every tier" if tiers is None else "tiers " + ", ".join(tiers)
        events.append(
            CalendarItem(
                date=found.date,
                summary=f"{found.festival.name_en} {found.festival.name_zh_hans}",
                description=f"Greet the contacts of {whom}.",
                uid=occurrence_uid(f"festival-{found.festival.key}@{domain}", found.date.year),
            )
        )
    return events


def _describe(item: PlanItem) -> str:
    lines = [item.why]
    if item.buy_by is not None:
        lines.append(f"Buy by: {item.buy_by.isoformat()}")
    if item.budget is not None:
        lines.append(f"Suggested budget: {item.budget}")
    if item.last_gift is not None:
        value = f", {item.last_gift.value}" if item.last_gift.value is not None else ""
        lines.append(
            f"Last gift: {item.last_gift.description}{value} "
            f"({item.last_gift.given_on.isoformat()}) — never the same twice"
        )
    festival = item.festival_day
    if festival is not None:
        names = ", ".join(p.name for p in festival.open_people[:50])
        more = len(festival.open_people) - 50
        lines.append(f"Whom: {names}" + (f" and {more} more" if more > 0 else ""))
    return "\n".join(lines)


def plan_events(plan: Plan, *, domain: str) -> list[CalendarItem]:
    """The plan's items as events (neglect left out), plus a buy-by event per occasion."""
    events: list[CalendarItem] = []
    for item in plan.items():
        if item.kind is ItemKind.NEGLECT:
            continue
        date, festival, follow_up = item.date, item.festival_day, item.follow_up
        if date is not None and item.contact is not None and item.occasion is not None:
            summary = _summary(date, item.contact, item.years)
            if item.kind is ItemKind.DORMANT:
                summary += " — we miss you"
            uid = date_uid(date.id, item.occasion.cycle_year, domain)
        elif festival is not None:
            summary = f"{festival.festival.name_en} {festival.festival.name_zh_hans}"
            uid = occurrence_uid(f"festival-{festival.festival.key}@{domain}", item.day.year)
        elif follow_up is not None:
            summary = f"Follow up: {item.who}: {follow_up.description}"
            uid = f"follow-up-{follow_up.id}@{domain}"
        else:  # pragma: no cover - every other kind has a source
            continue
        events.append(CalendarItem(item.day, summary, _describe(item), uid))
        buy_by = item.buy_by
        if buy_by is not None and buy_by >= plan.start and uid.startswith(("date-", "festival-")):
            events.append(
                CalendarItem(
                    buy_by,
                    f"Buy the gift: {summary}",
                    f"For {item.day.isoformat()}.\n{_describe(item)}",
                    "buy-" + uid,
                )
            )
    return events


def export(
    data: PlanInput,
    *,
    plan: Plan | None,
    today: dt.date,
    years: int,
    settings: PlannerSettings,
    domain: str,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The .ics bytes: the plan's events (if a plan is given), then the dates' and festivals'
    for ``years`` years; an event already given by the plan is not repeated."""
    merged: dict[str, CalendarItem] = {}
    sources: list[Iterable[CalendarItem]] = []
    if plan is not None:
        sources.append(plan_events(plan, domain=domain))
    sources.append(date_events(data, today=today, years=years, settings=settings, domain=domain))
    for source in sources:
        for event in source:
            merged.setdefault(event.uid, event)
    events = sorted(merged.values(), key=lambda event: (event.date, event.uid))
    return build_ics(events, name=CALENDAR_NAME, stamp=stamp)


def _check_years(years: int) -> None:
    if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= MAX_YEARS:
        raise ValidationError(
            f"The number of years must be between 0 and {MAX_YEARS}, not {years!r}.",
            field="years",
            code="range",
        )


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
