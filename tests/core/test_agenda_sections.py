"""The agenda in sections — today, this week, overdue (oldest first), later — over a synthetic
book of the benchmark's shape, checked item by item against the plan it came from."""

from __future__ import annotations

import datetime as dt

from crmdesk.bench.planner import TODAY, synthetic_input
from crmdesk.core.agenda_sections import SectionKind, key_occasion_days, sections
from crmdesk.core.planner import ItemKind, build_plan


def test_sections_split_the_plan_without_losing_or_repeating_an_item() -> None:
    plan = build_plan(synthetic_input(5_000), start=TODAY, days=30)
    split = sections(plan)
    assert split[0].kind is SectionKind.TODAY
    by_kind = {s.kind: s for s in split}
    assert set(by_kind) == set(SectionKind)
    ids = [item.id for s in split for item in s.items()]
    assert sorted(ids) == sorted(item.id for item in plan.items())
    assert sum(len(s) for s in split) == len(plan)

    week_end = TODAY + dt.timedelta(days=6)
    for item in by_kind[SectionKind.TODAY].items():
        assert item.day == TODAY and item.kind is not ItemKind.NEGLECT
        assert not (item.kind is ItemKind.FOLLOW_UP and item.overdue_days)
    assert all(TODAY < i.day <= week_end for i in by_kind[SectionKind.WEEK].items())
    assert all(i.day > week_end for i in by_kind[SectionKind.LATER].items())
    overdue = list(by_kind[SectionKind.OVERDUE].items())
    assert overdue and all(
        i.kind is ItemKind.NEGLECT or (i.kind is ItemKind.FOLLOW_UP and i.overdue_days)
        for i in overdue
    )
    ages = [i.overdue_days or 0 for i in overdue]
    assert ages == sorted(ages, reverse=True)  # the oldest first
    # Rows read one by one are the same items in the same order (only that day is made).
    later = by_kind[SectionKind.LATER]
    assert [later.item(r).id for r in range(len(later))] == [i.id for i in later.items()]


def test_key_occasion_days_are_the_days_with_a_birthday_festival_or_anniversary() -> None:
    plan = build_plan(synthetic_input(2_000), start=TODAY, days=60)
    marked = key_occasion_days(plan.days)
    for day in plan.days:
        kinds = {i.kind for i in day.items}
        key = {ItemKind.BIRTHDAY, ItemKind.ANNIVERSARY, ItemKind.FESTIVAL, ItemKind.DORMANT}
        assert (day.day in marked) == bool(kinds & key), day
