"""The planner over a real encrypted book: loading, marking done, settings, calendar export.

Data is written through the services, as the app writes it; expected lunar days come from
``lunardate``, never from crmdesk's own conversion.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager

import icalendar
import pytest
from lunardate import LunarDate as RefLunar
from sqlalchemy import event
from sqlalchemy.orm import Session

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.money import Money
from crmdesk.core.planner import ItemKind, PlanFilter, gc_paused
from crmdesk.core.planner_config import CompanyFestivalSpec, PlannerSettings
from crmdesk.db import planner_settings
from crmdesk.db.book import Book
from crmdesk.db.models import BookSetting
from crmdesk.db.planning import (
    export_calendar,
    load_plan_input,
    mark_done,
    parse_item_id,
    plan_from_book,
    with_touches,
)
from crmdesk.db.services import (
    accounts,
    contacts,
    family,
    followups,
    important_dates,
    interactions,
)
from crmdesk.db.services.interactions import NewGift

TODAY = dt.date(2026, 1, 10)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC).astimezone()


@contextmanager
def tx(book: Book) -> Iterator[Session]:
    with book.session() as session, session.begin():
        yield session


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    """张伟 (tier S, at 中建 of tier A), his mother, 李娜 (the account's tier), a hotel guest."""
    with tx(book) as s:
        acme = accounts.add_account(s, name="中建", tier="A", owner="Wang", tags=["SOE"])
        hotel = accounts.add_account(s, name="Oriental", tier="B", status="dormant")
        zhang = contacts.add_contact(
            s, name="张伟", account_id=acme.id, tier="S", owner="Li", tags=["golf"]
        )
        lina = contacts.add_contact(s, name="李娜", account_id=acme.id)
        guest = contacts.add_contact(s, name="Mr Tan", account_id=hotel.id)
        mother = family.add_family_member(s, contact_id=zhang.id, name="王芳", relation="mother")
        # 腊月初五 with the lunar birth year 1975; his mother's Gregorian birthday.
        own = important_dates.add_important_date(
            s, contact_id=zhang.id, kind="birthday", date=DateSpec.parse("L1975-12-05")
        )
        mum = important_dates.add_important_date(
            s,
            contact_id=zhang.id,
            kind="birthday",
            date=DateSpec.parse("1950-01-20"),
            family_member_id=mother.id,
        )
        guest_day = important_dates.add_important_date(
            s, contact_id=guest.id, kind="birthday", date=DateSpec.parse("01-25")
        )
        visit = interactions.log_interaction(
            s, occurred_at=at(dt.date(2025, 12, 20)), kind="visit", attendee_ids=[lina.id]
        )
        interactions.log_interaction(
            s,
            occurred_at=at(dt.date(2025, 6, 1)),
            kind="gift",
            attendee_ids=[zhang.id],
            gifts=[NewGift("茶叶", Money(60_000), zhang.id)],
        )
        interactions.log_interaction(
            s,
            occurred_at=at(dt.date(2025, 9, 1)),
            kind="gift",
            attendee_ids=[zhang.id],
            gifts=[NewGift("月饼", Money(30_000), zhang.id)],
        )
        late = followups.add_follow_up(
            s, due_on=dt.date(2026, 1, 5), description="Send the quote", contact_id=zhang.id
        )
    return {
        "acme": acme.id,
        "hotel": hotel.id,
        "zhang": zhang.id,
        "lina": lina.id,
        "guest": guest.id,
        "own": own.id,
        "mum": mum.id,
        "guest_day": guest_day.id,
        "visit": visit.id,
        "late": late.id,
    }


def test_the_input_carries_effective_tiers_touches_and_last_gifts(
    book: Book, people: dict[str, str]
) -> None:
    with book.session() as s:
        data = load_plan_input(s)
    by_id = {c.id: c for c in data.contacts}
    zhang, lina = by_id[people["zhang"]], by_id[people["lina"]]
    assert (zhang.tier, zhang.own_tier, zhang.owner) == ("S", True, "Li")
    assert (lina.tier, lina.own_tier, lina.owner) == ("A", False, "Wang")  # the account's
    assert set(zhang.tags) == {"golf", "SOE"}
    assert zhang.last_touch == dt.date(2025, 9, 1)
    assert lina.last_touch == dt.date(2025, 12, 20)
    assert zhang.last_gift is not None
    assert (zhang.last_gift.description, zhang.last_gift.value) == ("月饼", Money(30_000))
    assert lina.last_gift is None
    acme = {a.id: a for a in data.accounts}[people["acme"]]
    assert acme.last_touch == dt.date(2025, 12, 20)  # through its contact 李娜
    assert [t.code for t in sorted(data.tiers, key=lambda t: t.rank)] == ["S", "A", "B", "C"]
    assert {t.code: t.cadence_days for t in data.tiers} == {"S": 30, "A": 60, "B": 90, "C": 180}
    assert [f.id for f in data.follow_ups] == [people["late"]]
    mum = next(d for d in data.dates if d.id == people["mum"])
    assert (mum.family_member_name, mum.relation) == ("王芳", "mother")


def test_without_touches_none_are_read_until_asked_for(book: Book, people: dict[str, str]) -> None:
    with book.session() as s:
        bare = load_plan_input(s, touches=False, index=False)
        assert all(c.last_touch is None and c.last_gift is None for c in bare.contacts)
        assert all(a.last_touch is None for a in bare.accounts)
        # The few contacts a plan turned out to need get theirs afterwards.
        filled = with_touches(s, bare, [people["zhang"]])
    by_id = {c.id: c for c in filled.contacts}
    assert by_id[people["zhang"]].last_touch == dt.date(2025, 9, 1)
    assert by_id[people["zhang"]].last_gift is not None
    assert by_id[people["lina"]].last_touch is None  # not asked for


def test_deleted_records_and_done_follow_ups_are_left_out(
    book: Book, people: dict[str, str]
) -> None:
    with tx(book) as s:
        interactions.delete_interaction(s, interaction_id=people["visit"])
        family.delete_family_member(
            s,
            family_member_id=next(m.id for m in family.list_family(s, contact_id=people["zhang"])),
        )
        followups.complete_follow_up(s, follow_up_id=people["late"])
        contacts.delete_contact(s, contact_id=people["guest"])
    with book.session() as s:
        data = load_plan_input(s)
    assert {c.id: c.last_touch for c in data.contacts}[people["lina"]] is None
    assert {d.id for d in data.dates} == {people["own"]}
    assert data.follow_ups == []
    assert people["guest"] not in {c.id for c in data.contacts}


def test_loading_takes_the_same_queries_for_3_or_30_contacts(book: Book) -> None:
    def queries() -> int:
        statements: list[str] = []

        def count(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(book.engine, "before_cursor_execute", count)
        try:
            with book.session() as s:
                load_plan_input(s)
        finally:
            event.remove(book.engine, "before_cursor_execute", count)
        return len(statements)

    def add(n: int) -> None:
        with tx(book) as s:
            account = accounts.add_account(s, name=f"Co {n}", tier="B")
            for i in range(n):
                contact = contacts.add_contact(s, name=f"P{n}-{i}", account_id=account.id)
                important_dates.add_important_date(
                    s, contact_id=contact.id, kind="birthday", date=DateSpec.parse("L03-03")
                )
                interactions.log_interaction(
                    s,
                    occurred_at=at(dt.date(2025, 1, 1)),
                    kind="gift",
                    attendee_ids=[contact.id],
                    gifts=[NewGift("花", Money(100), contact.id)],
                )

    add(3)
    few = queries()
    add(27)
    assert queries() == few
    assert few <= 12


def test_the_plan_from_the_book_has_the_lunar_birthday_in_january(
    book: Book, people: dict[str, str]
) -> None:
    with book.session() as s:
        plan = plan_from_book(s, start=dt.date(2025, 12, 20), days=43)
    expected = RefLunar(2025, 12, 5).to_solar_date()  # 2026-01-23
    (own,) = [i for i in plan.items() if i.date and i.date.id == people["own"]]
    assert own.day == expected
    assert own.years == 50  # lunar 2025 - lunar 1975
    assert own.budget == Money(100_000)  # tier S's greeting budget
    assert own.last_gift is not None and own.last_gift.description == "月饼"
    (guest,) = [i for i in plan.items() if i.date and i.date.id == people["guest_day"]]
    assert guest.kind is ItemKind.DORMANT  # the hotel is dormant: "we miss you"
    (mum,) = [i for i in plan.items() if i.date and i.date.id == people["mum"]]
    assert mum.day == dt.date(2026, 1, 20) and mum.years == 76


def test_marking_a_birthday_done_logs_the_gift_and_ticks_it(
    book: Book, people: dict[str, str]
) -> None:
    item_id = f"date:{people['own']}:2026-01-23"
    with tx(book) as s:
        done = mark_done(
            s, item_id=item_id, cost=Money(80_000), gift="紫砂壶", when=at(dt.date(2026, 1, 16))
        )
    (logged,) = done.interactions
    assert logged.kind == "gift"
    assert logged.cost == Money(80_000)
    assert [a.contact_id for a in logged.attendees] == [people["zhang"]]
    assert [(g.description, g.value, g.recipient_id) for g in logged.gifts] == [
        ("紫砂壶", Money(80_000), people["zhang"])
    ]
    assert "Birthday greeting" in logged.summary
    with book.session() as s:
        plan = plan_from_book(s, start=dt.date(2026, 1, 16), days=30)
    item = plan.find(item_id)
    assert item is not None and item.done
    assert item.last_gift is not None and item.last_gift.description == "紫砂壶"


def test_the_same_gift_twice_is_refused_unless_allowed(book: Book, people: dict[str, str]) -> None:
    item_id = f"date:{people['own']}:2026-01-23"
    with pytest.raises(ValidationError) as caught, tx(book) as s:
        mark_done(s, item_id=item_id, gift=" 月 饼", cost=Money(30_000))
    assert caught.value.field == "gift"
    assert "2025-09-01" in caught.value.message
    with book.session() as s:  # nothing was written
        assert len(interactions.list_interactions(s, contact_id=people["zhang"])) == 2
    with tx(book) as s:
        done = mark_done(s, item_id=item_id, gift="月饼", allow_repeat_gift=True)
    assert done.interactions[0].gifts[0].description == "月饼"


def test_marking_a_follow_up_done_completes_it_and_logs_the_call(
    book: Book, people: dict[str, str]
) -> None:
    with tx(book) as s:
        done = mark_done(s, item_id=f"follow-up:{people['late'][:8]}", kind="call")
    assert done.follow_up is not None and done.follow_up.done
    assert done.interactions[0].kind == "call"
    assert done.interactions[0].summary.startswith("Send the quote")
    with book.session() as s:
        plan = plan_from_book(s, start=TODAY, days=10)
        assert plan.counts()["follow_up"] == 0
    with pytest.raises(ValidationError) as caught, tx(book) as s:
        mark_done(s, item_id=f"follow-up:{people['late']}")
    assert caught.value.code == "already_done"


def test_a_neglected_account_leaves_the_list_once_touched(
    book: Book, people: dict[str, str]
) -> None:
    start = dt.date(2026, 6, 1)
    with book.session() as s:
        plan = plan_from_book(s, start=start, days=1, filters=PlanFilter(kinds=(ItemKind.NEGLECT,)))
    ids = [i.id for i in plan.items()]
    assert f"neglect-account:{people['acme']}" in ids
    assert f"neglect-contact:{people['zhang']}" in ids  # own tier S
    assert f"neglect-contact:{people['lina']}" not in ids  # covered by her account
    with tx(book) as s:
        mark_done(s, item_id=f"neglect-account:{people['acme']}", when=at(start))
    with book.session() as s:
        plan = plan_from_book(s, start=start, days=1, filters=PlanFilter(kinds=(ItemKind.NEGLECT,)))
    assert f"neglect-account:{people['acme']}" not in [i.id for i in plan.items()]


def test_a_festival_is_done_person_by_person(book: Book, people: dict[str, str]) -> None:
    item_id = "festival:cn.spring_festival:2026-02-17"
    with pytest.raises(ValidationError) as caught, tx(book) as s:
        mark_done(s, item_id=item_id)
    assert caught.value.field == "contact"
    with tx(book) as s:
        done = mark_done(
            s, item_id=item_id, contact_ids=[people["zhang"], people["lina"]], cost=Money(5_000)
        )
    assert [[a.name for a in v.attendees] for v in done.interactions] == [["张伟"], ["李娜"]]
    with book.session() as s:
        plan = plan_from_book(s, start=dt.date(2026, 2, 1), days=30)
    item = plan.find(item_id)
    assert item is not None and item.festival_day is not None
    assert RefLunar(2026, 1, 1).to_solar_date() == item.day
    assert {p.id for p in item.festival_day.open_people} == {people["guest"]}


def test_item_ids_are_checked(book: Book, people: dict[str, str]) -> None:
    with book.session() as s:
        for bad in ("date:abc", "birthday:x:2026-01-01", "date:" + people["own"] + ":2026-13-01"):
            with pytest.raises(ValidationError) as caught:
                parse_item_id(s, bad)
            assert caught.value.field == "item"
        with pytest.raises(NotFoundError):
            parse_item_id(s, "follow-up:ffffffff")
        ref = parse_item_id(s, f"dormant:{people['guest_day'][:6]}:2026-01-25")
    assert ref.item_id == f"dormant:{people['guest_day']}:2026-01-25"


def test_settings_round_trip_and_damage_falls_back_to_defaults(book: Book) -> None:
    with tx(book) as s:
        assert planner_settings.load_settings(s) == PlannerSettings()
        planner_settings.set_festival_tiers(s, festival_key="intl.christmas", tiers=("s", "A"))
        planner_settings.add_company_festival(
            s, spec=CompanyFestivalSpec("customer-day", "Customer day", "L09-09"), tiers=None
        )
        with pytest.raises(ValidationError) as caught:
            planner_settings.set_festival_tiers(s, festival_key="cn.qixi", tiers=("Z",))
        assert caught.value.field == "tiers"
        with pytest.raises(ValidationError) as caught:
            planner_settings.set_festival_tiers(s, festival_key="cn.nope", tiers=None)
        assert caught.value.field == "festival"
        with pytest.raises(ValidationError) as caught:
            planner_settings.add_company_festival(
                s, spec=CompanyFestivalSpec("bad", "Bad", "13-01")
            )
        assert caught.value.field == "month"
    with book.session() as s:
        settings = planner_settings.load_settings(s)
    assert settings.tiers_for("intl.christmas") == ("S", "A")
    assert settings.tiers_for("company.customer-day") is None
    assert [f.key for f in settings.festivals()][-1] == "company.customer-day"
    with tx(book) as s:
        s.get(BookSetting, planner_settings.SETTINGS_KEY).value = '{"lead_days": "soon"}'  # type: ignore[union-attr]
    with book.session() as s:
        assert planner_settings.load_settings(s) == PlannerSettings()


def test_the_calendar_expands_lunar_dates_year_by_year(book: Book, people: dict[str, str]) -> None:
    stamp = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    with book.session() as s:
        data = export_calendar(s, book_id="b1", today=TODAY, years=3, plan_days=30, stamp=stamp)
        again = export_calendar(s, book_id="b1", today=TODAY, years=3, plan_days=30, stamp=stamp)
    assert data == again  # stable UIDs and stamp: re-importing updates, never doubles
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert not any("RRULE" in e for e in events)
    own = sorted(
        e.decoded("dtstart") for e in events if str(e["uid"]).startswith(f"date-{people['own']}.")
    )
    # Lunar 2025, 2026 and 2027 12-05, each on its own Gregorian day (lunardate).
    assert own == [RefLunar(y, 12, 5).to_solar_date() for y in (2025, 2026, 2027)]
    summaries = {str(e["summary"]) for e in events}
    assert "张伟: birthday (50)" in summaries  # the plan's event, with the age
    assert any(s.startswith("Buy the gift: 张伟: birthday") for s in summaries)
    assert any(s.startswith("Follow up: 张伟: Send the quote") for s in summaries)
    spring = [e for e in events if str(e["uid"]).startswith("festival-cn.spring_festival.")]
    assert [e.decoded("dtstart") for e in spring] == [
        RefLunar(y, 1, 1).to_solar_date() for y in (2026, 2027, 2028)
    ]


def test_a_loaded_input_is_left_out_of_the_collectors_walks(
    book: Book, people: dict[str, str]
) -> None:
    # The app's worker loads the plan input while the rep types: a collection walking it holds
    # the GIL (tens of ms at 100k), so what the load built is frozen, not left young.
    gc.unfreeze()
    gc.collect()
    try:
        with book.session() as s:
            data = load_plan_input(s)
        assert gc.isenabled()
        assert gc.get_freeze_count() > len(data.contacts)
        assert gc.get_count()[0] < 50  # nothing young left for the next collection to walk
    finally:
        gc.unfreeze()


def test_a_nested_pause_leaves_freezing_to_the_outermost() -> None:
    gc.unfreeze()
    gc.collect()
    try:
        with gc_paused():
            with gc_paused():
                made = [[] for _ in range(100)]
            assert not gc.isenabled()
            assert gc.get_freeze_count() == 0  # the inner pause froze nothing
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.unfreeze()
