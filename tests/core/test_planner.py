"""The outreach planner (crmdesk.core.planner) over plain data, days checked against lunardate.

Every lunar day expected here comes from ``lunardate`` (an independent table implementation, see
tests/core/lunar_reference.py) or from published festival dates — never from crmdesk's own
conversion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from lunardate import LunarDate as RefLunar

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import BUILTIN_FESTIVALS
from crmdesk.core.money import Money
from crmdesk.core.occasions import Feb29Policy, LeapMonthPolicy, LunarDay30Policy, OccasionPolicy
from crmdesk.core.planner import (
    ItemKind,
    LastGift,
    Plan,
    PlanAccount,
    PlanContact,
    PlanDate,
    PlanFilter,
    PlanFollowUp,
    PlanInput,
    PlanItem,
    PlanTier,
    build_plan,
    done_key,
    release,
)
from crmdesk.core.planner.inputs import RELEASE_SLICE
from crmdesk.core.planner_config import CompanyFestivalSpec, PlannerSettings

TIERS = (
    PlanTier("S", "Strategic", 0, 30, Money(100_000)),
    PlanTier("A", "Partner", 1, 60, Money(50_000)),
    PlanTier("B", "Key", 2, 90, Money(20_000)),
    PlanTier("C", "General", 3, 180, None),
)
# The default last touch of a test contact: replaced by the plan's start, so that nobody is
# neglected or dormant unless a test says so.
AT_START = dt.date(1901, 1, 1)
RECENT = dt.date(2025, 12, 1)
NO_FESTIVALS = PlannerSettings(festival_tiers={f.key: () for f in BUILTIN_FESTIVALS})


def person(contact_id: str = "c1", **fields: object) -> PlanContact:
    values: dict[str, object] = {
        "name": contact_id.upper(),
        "tier": "B",
        "own_tier": True,
        "last_touch": AT_START,
        "since": dt.date(2015, 1, 1),
    }
    values.update(fields)
    return PlanContact(id=contact_id, **values)  # type: ignore[arg-type]


def birthday(spec: str, contact_id: str = "c1", date_id: str = "d1", **fields: object) -> PlanDate:
    return PlanDate(
        id=date_id,
        contact_id=contact_id,
        kind=str(fields.pop("kind", "birthday")),
        spec=DateSpec.parse(spec),
        **fields,  # type: ignore[arg-type]
    )


def plan_of(
    *,
    start: dt.date,
    days: int,
    contacts: tuple[PlanContact, ...] = (),
    dates: tuple[PlanDate, ...] = (),
    accounts: tuple[PlanAccount, ...] = (),
    follow_ups: tuple[PlanFollowUp, ...] = (),
    settings: PlannerSettings = NO_FESTIVALS,
    filters: PlanFilter = PlanFilter(),  # noqa: B008 - frozen
    done: frozenset[str] = frozenset(),
) -> Plan:
    contacts = tuple(
        replace(c, last_touch=start) if c.last_touch == AT_START else c
        for c in contacts or (person(),)
    )
    data = PlanInput(
        tiers=TIERS,
        accounts=accounts,
        contacts=contacts,
        dates=dates,
        follow_ups=follow_ups,
        done=done,
    )
    return build_plan(data, start=start, days=days, settings=settings, filters=filters)


def items(plan: Plan, kind: ItemKind | None = None) -> list[PlanItem]:
    return [item for item in plan.items() if kind is None or item.kind is kind]


def days_of(plan: Plan, kind: ItemKind = ItemKind.BIRTHDAY) -> list[dt.date]:
    return [item.day for item in items(plan, kind)]


# -- lunar birthdays ------------------------------------------------------------------------------


def test_a_lunar_12th_month_birthday_falls_in_the_right_january_day() -> None:
    # 腊月初五 of lunar 2025 is in January 2026: a Dec 20 -> Jan 31 plan crosses both years.
    plan = plan_of(start=dt.date(2025, 12, 20), days=43, dates=(birthday("L12-05"),))
    assert days_of(plan) == [RefLunar(2025, 12, 5).to_solar_date()]
    assert days_of(plan) == [dt.date(2026, 1, 23)]
    (item,) = items(plan)
    assert item.occasion is not None
    assert item.occasion.cycle_year == 2025  # the lunar year, not the Gregorian one
    assert item.occasion.lunar is not None and item.occasion.lunar.month == 12


def test_a_lunar_date_can_fall_twice_in_one_gregorian_span() -> None:
    # 十一月初一 of lunar 2024 and of lunar 2025 are both inside 2024-12-01 .. 2025-12-31.
    plan = plan_of(start=dt.date(2024, 12, 1), days=396, dates=(birthday("L11-01"),))
    assert days_of(plan) == [
        RefLunar(2024, 11, 1).to_solar_date(),
        RefLunar(2025, 11, 1).to_solar_date(),
    ]


@pytest.mark.parametrize("year", range(2024, 2031))
def test_a_lunar_birthday_moves_to_its_true_gregorian_day_each_year(year: int) -> None:
    plan = plan_of(start=dt.date(year, 1, 1), days=365, dates=(birthday("L08-15"),))
    assert days_of(plan) == [RefLunar(year, 8, 15).to_solar_date()]


def test_age_counts_lunar_years_for_a_lunar_birth_year() -> None:
    # Born 1986-01-20, lunar 1985-12-11: in January 2027 the lunar year is still 2026 -> 41.
    born = RefLunar.from_solar_date(1986, 1, 20)
    assert (born.year, born.month, born.day) == (1985, 12, 11)
    plan = plan_of(start=dt.date(2026, 12, 20), days=60, dates=(birthday("L1985-12-11"),))
    (item,) = items(plan)
    assert item.day == RefLunar(2026, 12, 11).to_solar_date()
    assert item.years == 41
    assert "turns 41" in item.why


def test_no_occurrence_before_the_birth_year_and_none_without_a_year() -> None:
    plan = plan_of(
        start=dt.date(2025, 1, 1),
        days=365 * 2,
        dates=(birthday("2026-03-14", date_id="born"), birthday("03-14", date_id="any")),
    )
    by_date = {(i.source.id, i.day): i.years for i in items(plan)}  # type: ignore[union-attr]
    assert by_date == {
        ("any", dt.date(2025, 3, 14)): None,
        ("born", dt.date(2026, 3, 14)): 0,
        ("any", dt.date(2026, 3, 14)): None,
    }


# -- leap months, day 30, 29 February -------------------------------------------------------------


def test_a_leap_month_birthday_in_a_year_without_it_is_kept_in_the_ordinary_month() -> None:
    # Born in 闰二月 2023 (lunardate: 2023 has leap month 2); 2024 has no leap month.
    assert RefLunar.leap_month_for_year(2023) == 2
    assert RefLunar.leap_month_for_year(2024) is None
    dates = (birthday("L2023-02*-10"),)
    plan = plan_of(start=dt.date(2024, 1, 1), days=366, dates=dates)
    (item,) = items(plan)
    assert item.day == RefLunar(2024, 2, 10).to_solar_date()
    assert item.occasion is not None and item.occasion.adjusted
    assert item.years == 1

    skip = PlannerSettings(
        policy=OccasionPolicy(missing_leap_month=LeapMonthPolicy.SKIP),
        festival_tiers=NO_FESTIVALS.festival_tiers,
    )
    assert items(plan_of(start=dt.date(2024, 1, 1), days=366, dates=dates, settings=skip)) == []


def test_a_leap_month_birthday_falls_in_the_leap_month_when_the_year_has_it() -> None:
    # 闰六月 of 2025 (lunardate: leap month 6), not the ordinary 6th month.
    assert RefLunar.leap_month_for_year(2025) == 6
    plan = plan_of(start=dt.date(2025, 1, 1), days=365, dates=(birthday("L06*-10"),))
    assert days_of(plan) == [RefLunar(2025, 6, 10, True).to_solar_date()]


def test_lunar_day_30_in_a_29_day_month_goes_to_day_29_or_is_skipped() -> None:
    # Lunar 2025 month 12 has 29 days (lunardate refuses day 30), so 腊月三十 -> 腊月廿九.
    with pytest.raises(ValueError):
        RefLunar(2025, 12, 30).to_solar_date()
    start, days = dt.date(2026, 1, 1), 60
    plan = plan_of(start=start, days=days, dates=(birthday("L12-30"),))
    assert days_of(plan) == [RefLunar(2025, 12, 29).to_solar_date()]
    skip = PlannerSettings(
        policy=OccasionPolicy(missing_day30=LunarDay30Policy.SKIP),
        festival_tiers=NO_FESTIVALS.festival_tiers,
    )
    assert items(plan_of(start=start, days=days, dates=(birthday("L12-30"),), settings=skip)) == []


@pytest.mark.parametrize(
    ("policy", "expected"),
    [(Feb29Policy.FEB_28, dt.date(2025, 2, 28)), (Feb29Policy.MAR_1, dt.date(2025, 3, 1))],
)
def test_29_february_in_a_common_year_follows_the_policy(
    policy: Feb29Policy, expected: dt.date
) -> None:
    settings = PlannerSettings(
        policy=OccasionPolicy(feb29=policy), festival_tiers=NO_FESTIVALS.festival_tiers
    )
    plan = plan_of(
        start=dt.date(2025, 2, 1), days=60, dates=(birthday("2000-02-29"),), settings=settings
    )
    (item,) = items(plan)
    assert item.day == expected
    assert item.years == 25
    assert item.occasion is not None and item.occasion.adjusted


def test_29_february_in_a_leap_year_stays_on_29_february() -> None:
    plan = plan_of(start=dt.date(2028, 2, 1), days=60, dates=(birthday("02-29"),))
    (item,) = items(plan)
    assert item.day == dt.date(2028, 2, 29)
    assert item.occasion is not None and not item.occasion.adjusted


# -- what an occasion carries ---------------------------------------------------------------------


def test_an_occasion_has_buy_by_budget_last_gift_and_family() -> None:
    gift = LastGift("茶叶", Money(60_000), dt.date(2025, 9, 17))
    contacts = (person("c1", name="张伟", tier="S", last_gift=gift),)
    dates = (
        birthday(
            "1955-03-14",
            date_id="mum",
            family_member_id="m1",
            family_member_name="李芳",
            relation="mother",
        ),
    )
    settings = PlannerSettings(lead_days=10, festival_tiers=NO_FESTIVALS.festival_tiers)
    plan = plan_of(
        start=dt.date(2026, 3, 1), days=30, contacts=contacts, dates=dates, settings=settings
    )
    (item,) = items(plan)
    assert item.kind is ItemKind.BIRTHDAY
    assert item.day == dt.date(2026, 3, 14)
    assert item.buy_by == dt.date(2026, 3, 4)
    assert item.budget == Money(100_000)
    assert item.last_gift == gift
    assert item.years == 71
    assert item.who == "李芳 (mother of 张伟)"
    data = item.to_json()
    assert data["last_gift"] == {
        "description": "茶叶",
        "value": {"amount": "600.00", "currency": "CNY"},
        "given_on": "2025-09-17",
    }
    assert data["buy_by"] == "2026-03-04"
    assert data["date"]["relation"] == "mother"


def test_anniversaries_and_other_dates_keep_their_kind() -> None:
    dates = (
        birthday("2010-05-01", date_id="wed", kind="anniversary", label="Wedding"),
        birthday("05-01", date_id="oth", kind="other", label="Company founded"),
    )
    plan = plan_of(start=dt.date(2026, 4, 30), days=3, dates=dates)
    kinds = [(i.kind, i.years) for i in items(plan)]
    assert kinds == [(ItemKind.ANNIVERSARY, 16), (ItemKind.OTHER_DATE, None)]
    assert items(plan)[0].why.startswith("Wedding, 16 years")


def test_done_occasions_are_ticked() -> None:
    dates = (birthday("03-14"),)
    done = frozenset({done_key("date", "d1", dt.date(2026, 3, 14))})
    plan = plan_of(start=dt.date(2026, 3, 1), days=365, dates=dates, done=done)
    assert [i.done for i in items(plan)] == [True]
    later = plan_of(start=dt.date(2026, 3, 1), days=400, dates=dates, done=done)
    assert [i.done for i in items(later)] == [True, False]  # next year's is not done


# -- dormant and neglected ------------------------------------------------------------------------


def test_a_dormant_relationship_birthday_asks_for_a_we_miss_you_greeting() -> None:
    start = dt.date(2026, 6, 1)
    gone = start - dt.timedelta(days=3 * 365 + 1)
    contacts = (
        person("gone", last_touch=gone, tier="C", account_id=None),
        person("kept", last_touch=start - dt.timedelta(days=3 * 365 - 1), tier="C"),
        person("closed", account_id="a1", own_tier=False, tier="C"),
    )
    accounts = (PlanAccount("a1", "Hotel", tier="C", status="dormant", last_touch=RECENT),)
    dates = (
        birthday("06-10", contact_id="gone", date_id="d-gone"),
        birthday("06-10", contact_id="kept", date_id="d-kept"),
        birthday("06-10", contact_id="closed", date_id="d-closed"),
        birthday(
            "06-11", contact_id="gone", date_id="d-mum", family_member_id="m", relation="mother"
        ),
    )
    plan = plan_of(start=start, days=30, contacts=contacts, dates=dates, accounts=accounts)
    kinds = {i.source.id: i.kind for i in items(plan) if i.date}  # type: ignore[union-attr]
    assert kinds == {
        "d-gone": ItemKind.DORMANT,
        "d-closed": ItemKind.DORMANT,
        "d-kept": ItemKind.BIRTHDAY,
        "d-mum": ItemKind.BIRTHDAY,  # only the contact's own birthday becomes the letter
    }
    (gone_item,) = [i for i in items(plan) if i.source and i.source.id == "d-gone"]  # type: ignore[union-attr]
    assert gone_item.days_since == 3 * 365 + 1
    assert "we miss you" in gone_item.why
    assert gone_item.id == "dormant:d-gone:2026-06-10"


def test_neglect_lists_relationships_past_their_cadence_most_overdue_first() -> None:
    start = dt.date(2026, 6, 1)

    def ago(days: int) -> dt.date:
        return start - dt.timedelta(days=days)

    contacts = (
        person("s-ok", tier="S", last_touch=ago(30)),  # exactly the cadence: not yet
        person("s-late", tier="S", last_touch=ago(31)),  # 1 day past
        person("c-late", tier="C", last_touch=ago(200)),  # 20 days past
        person("never", tier="A", last_touch=None, since=ago(100)),  # added 100 days ago: 40
        person("inherits", tier="S", own_tier=False, account_id="acc", last_touch=ago(400)),
        person("no-tier", tier=None, last_touch=ago(999)),
    )
    accounts = (PlanAccount("acc", "Big Co", tier="S", last_touch=ago(45)),)  # 15 days past
    plan = plan_of(start=start, days=1, contacts=contacts, accounts=accounts)
    neglect = items(plan, ItemKind.NEGLECT)
    assert [(i.who, i.overdue_days, i.days_since) for i in neglect] == [
        ("NEVER", 40, 100),
        ("C-LATE", 20, 200),
        ("Big Co", 15, 45),
        ("S-LATE", 1, 31),
    ]
    assert all(i.day == start for i in neglect)
    assert neglect[2].id == "neglect-account:acc"
    assert neglect[3].id == "neglect-contact:s-late"
    assert "every 30 days" in neglect[3].why


# -- follow-ups -----------------------------------------------------------------------------------


def test_follow_ups_due_and_overdue_are_in_the_plan() -> None:
    start = dt.date(2026, 6, 1)
    follow_ups = (
        PlanFollowUp("late", start - dt.timedelta(days=5), "Send the quote", contact_id="c1"),
        PlanFollowUp("soon", start + dt.timedelta(days=3), "Call back", contact_id="c1"),
        PlanFollowUp("far", start + dt.timedelta(days=30), "Visit", contact_id="c1"),
    )
    plan = plan_of(start=start, days=10, follow_ups=follow_ups)
    got = [(i.day, i.source.id, i.overdue_days) for i in items(plan, ItemKind.FOLLOW_UP)]  # type: ignore[union-attr]
    assert got == [(start, "late", 5), (start + dt.timedelta(days=3), "soon", None)]
    assert items(plan, ItemKind.FOLLOW_UP)[0].why == "Follow-up: Send the quote (overdue 5 days)"


# -- festivals ------------------------------------------------------------------------------------


def test_festivals_are_one_item_listing_the_contacts_of_the_tiers_they_apply_to() -> None:
    contacts = tuple(person(f"c{i}", tier=tier) for i, tier in enumerate("SSABC"))
    settings = PlannerSettings(
        festival_tiers={
            **{f.key: () for f in BUILTIN_FESTIVALS},
            "cn.mid_autumn": ("S", "A"),
            "cn.national_day": None,
        }
    )
    plan = plan_of(start=dt.date(2025, 9, 1), days=61, contacts=contacts, settings=settings)
    festivals = items(plan, ItemKind.FESTIVAL)
    # Published: Mid-Autumn 2025 is 6 October (lunar 8-15 by lunardate), National Day 1 October.
    assert [(i.day, i.festival_day.festival.key) for i in festivals] == [  # type: ignore[union-attr]
        (dt.date(2025, 10, 1), "cn.national_day"),
        (RefLunar(2025, 8, 15).to_solar_date(), "cn.mid_autumn"),
    ]
    assert RefLunar(2025, 8, 15).to_solar_date() == dt.date(2025, 10, 6)
    national, mid_autumn = festivals
    assert mid_autumn.festival_day is not None and national.festival_day is not None
    assert sorted(p.id for p in mid_autumn.festival_day.people) == ["c0", "c1", "c2"]
    assert len(national.festival_day.people) == 5
    assert mid_autumn.budget == Money(2 * 100_000 + 50_000)
    assert mid_autumn.buy_by == dt.date(2025, 9, 29)
    assert mid_autumn.id == "festival:cn.mid_autumn:2025-10-06"


def test_the_default_festivals_are_the_three_festivals_and_public_holidays() -> None:
    plan = plan_of(start=dt.date(2026, 1, 1), days=365, settings=PlannerSettings())
    keys = [i.festival_day.festival.key for i in items(plan, ItemKind.FESTIVAL)]  # type: ignore[union-attr]
    assert keys == [
        "cn.new_year",
        "cn.spring_festival",
        "cn.lantern",
        "cn.labour_day",
        "cn.dragon_boat",
        "cn.mid_autumn",
        "cn.national_day",
        "cn.double_ninth",
    ]
    spring = items(plan, ItemKind.FESTIVAL)[1]
    assert spring.day == RefLunar(2026, 1, 1).to_solar_date() == dt.date(2026, 2, 17)


def test_a_company_festival_is_planned_and_festival_people_can_be_done() -> None:
    settings = PlannerSettings(
        festival_tiers={f.key: () for f in BUILTIN_FESTIVALS},
        company_festivals=(CompanyFestivalSpec("founding", "Founding day", "06-18"),),
    )
    contacts = (person("c1"), person("c2"))
    done = frozenset({done_key("festival", "company.founding", dt.date(2026, 6, 18), "c1")})
    plan = plan_of(
        start=dt.date(2026, 6, 1), days=30, contacts=contacts, settings=settings, done=done
    )
    (item,) = items(plan, ItemKind.FESTIVAL)
    assert item.day == dt.date(2026, 6, 18)
    assert item.festival_day is not None
    assert [p.id for p in item.festival_day.open_people] == ["c2"]
    assert not item.done


# -- filters, ordering, ids -----------------------------------------------------------------------


def test_filters_by_tier_owner_and_tag() -> None:
    contacts = (
        person("s1", tier="S", owner="Wang", tags=("Golf",)),
        person("a1", tier="A", owner="wang "),
        person("b1", tier="B", owner="Li", tags=("golf",)),
    )
    dates = tuple(birthday("07-01", contact_id=c.id, date_id=f"d-{c.id}") for c in contacts)

    def who(**filters: object) -> list[str]:
        plan = plan_of(
            start=dt.date(2026, 7, 1),
            days=1,
            contacts=contacts,
            dates=dates,
            filters=PlanFilter(**filters),  # type: ignore[arg-type]
        )
        return [i.contact_id for i in items(plan)]  # type: ignore[misc]

    assert who() == ["s1", "a1", "b1"]  # most important tier first
    assert who(tiers=("s", "B")) == ["s1", "b1"]
    assert who(owner="WANG") == ["s1", "a1"]
    assert who(tag="GOLF") == ["s1", "b1"]
    assert who(tiers=("S",), tag="golf") == ["s1"]
    assert who(kinds=(ItemKind.NEGLECT,)) == []


def test_an_unknown_tier_or_a_bad_range_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        plan_of(start=dt.date(2026, 1, 1), days=7, filters=PlanFilter(tiers=("Z",)))
    assert caught.value.field == "tier"
    assert "S, A, B, C" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        plan_of(start=dt.date(2026, 1, 1), days=0)
    assert caught.value.field == "days"
    with pytest.raises(ValidationError) as caught:
        plan_of(start=dt.date(2099, 12, 1), days=60)
    assert caught.value.field == "end"


def test_a_day_orders_follow_ups_then_occasions_then_festivals_then_neglect() -> None:
    start = dt.date(2025, 10, 1)
    contacts = (
        person("late", tier="S", last_touch=start - dt.timedelta(days=99)),
        person("gone", tier="C", last_touch=dt.date(2020, 1, 1)),
    )
    dates = (
        birthday("10-01", contact_id="late", date_id="b"),
        birthday("2000-10-01", contact_id="late", date_id="w", kind="anniversary"),
        birthday("10-01", contact_id="gone", date_id="g"),
    )
    follow_ups = (PlanFollowUp("f", start, "Quote", contact_id="late"),)
    settings = PlannerSettings(
        festival_tiers={**{f.key: () for f in BUILTIN_FESTIVALS}, "cn.national_day": None}
    )
    plan = plan_of(
        start=start,
        days=1,
        contacts=contacts,
        dates=dates,
        follow_ups=follow_ups,
        settings=settings,
    )
    (day,) = plan.days
    assert [i.kind for i in day.items] == [
        ItemKind.FOLLOW_UP,
        ItemKind.DORMANT,
        ItemKind.BIRTHDAY,
        ItemKind.ANNIVERSARY,
        ItemKind.FESTIVAL,
        ItemKind.NEGLECT,
        ItemKind.NEGLECT,
    ]
    assert len(day) == 7 == len(plan)
    assert plan.counts()["neglect"] == 2
    for item in day.items:
        assert plan.find(item.id) == item
    assert plan.find("date:nope:2025-10-01") is None
    assert plan.to_json()["counts"]["birthday"] == 1


# -- reminders ------------------------------------------------------------------------------------


def test_todays_reminders_hold_occasions_gifts_to_buy_and_follow_ups() -> None:
    from crmdesk.core.planner_reminders import reminder_days, todays_reminders

    today = dt.date(2026, 3, 7)
    settings = PlannerSettings(lead_days=7, festival_tiers=NO_FESTIVALS.festival_tiers)
    contacts = (person("c1", name="张伟"), person("c2", name="李娜", tier="S", last_touch=RECENT))
    dates = (
        birthday("03-07", contact_id="c1", date_id="today"),
        birthday("03-14", contact_id="c1", date_id="buy"),  # buy by 7 March
        birthday("03-15", contact_id="c1", date_id="later"),
        birthday("03-07", contact_id="c2", date_id="done"),
    )
    follow_ups = (
        PlanFollowUp("due", today, "Call back", contact_id="c1"),
        PlanFollowUp("late", dt.date(2026, 3, 1), "Quote", contact_id="c1"),
    )
    plan = plan_of(
        start=today,
        days=reminder_days(settings),
        contacts=contacts,
        dates=dates,
        follow_ups=follow_ups,
        settings=settings,
        done=frozenset({done_key("date", "done", today)}),
    )
    reminders = todays_reminders(plan, today)
    assert [i.source.id for i in reminders.occasions] == ["today"]  # type: ignore[union-attr]
    assert [i.source.id for i in reminders.buy_today] == ["buy"]  # type: ignore[union-attr]
    assert [i.source.id for i in reminders.follow_ups_due] == ["due"]  # type: ignore[union-attr]
    assert [i.overdue_days for i in reminders.follow_ups_overdue] == [6]
    assert reminders.neglected == 1  # 李娜, tier S, untouched since RECENT
    assert not reminders.is_empty
    assert "Buy a gift today for 张伟 (2026-03-14)" in reminders.lines()


def test_a_reminder_is_due_at_start_then_daily_at_the_chosen_time() -> None:
    from crmdesk.core.planner_reminders import is_due, next_reminder_at

    nine = dt.time(9, 0)
    now = dt.datetime(2026, 3, 7, 8, 0)
    assert is_due(None, nine, now)  # the app just started
    shown = now.date()
    assert not is_due(shown, nine, dt.datetime(2026, 3, 7, 23, 59))  # once a day
    assert not is_due(shown, nine, dt.datetime(2026, 3, 8, 8, 59))
    assert is_due(shown, nine, dt.datetime(2026, 3, 8, 9, 0))
    assert next_reminder_at(shown, nine, now) == dt.datetime(2026, 3, 8, 9, 0)
    # Asleep for days: due as soon as it wakes.
    assert is_due(shown, nine, dt.datetime(2026, 3, 12, 7, 0))


def test_releasing_an_input_empties_it_and_leaves_plans_made_from_it_whole() -> None:
    count = RELEASE_SLICE * 2 + 7  # more than one slice, and a part of one
    contacts = [person(f"c{i}", name=f"客户{i}", last_touch=RECENT) for i in range(count)]
    dates = [birthday(f"05-{1 + i % 28:02d}", f"c{i}", f"d{i}") for i in range(count)]
    data = PlanInput(tiers=list(TIERS), contacts=contacts, dates=dates)
    plan = build_plan(data, start=dt.date(2026, 5, 1), days=31, settings=NO_FESTIVALS)
    names = sorted(
        i.contact.name for i in plan.items() if i.kind is ItemKind.BIRTHDAY and i.contact
    )
    assert len(names) == count
    assert "prepared" in vars(data) and "contact_by_id" in vars(data)
    release(data)
    assert not data.contacts and not data.dates and not data.contact_by_id
    # What the plan shows is still there: it holds its own references.
    again = sorted(
        i.contact.name for i in plan.items() if i.kind is ItemKind.BIRTHDAY and i.contact
    )
    assert again == names
