"""Preferences, family members and important dates (lunar, leap months, 29 February)."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.db.book import Book
from crmdesk.db.services import contacts, family, important_dates, preferences
from tests.book_snapshot import snapshot


@pytest.fixture
def person(book: Book) -> str:
    with book.session() as s, s.begin():
        return contacts.add_contact(s, name="张伟").id


def test_preferences_in_category_order(book: Book, person: str) -> None:
    with book.session() as s, s.begin():
        preferences.add_preference(s, contact_id=person, category="座位", value="靠窗第二个")
        preferences.add_preference(
            s, contact_id=person, category="tea", value="普洱", learned_on=dt.date(2024, 5, 1)
        )
        views = preferences.list_preferences(s, contact_id=person)
    assert [(v.category, v.value) for v in views] == [("tea", "普洱"), ("seating", "靠窗第二个")]
    assert views[0].to_json()["learned_on"] == "2024-05-01"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"category": "karaoke", "value": "x"}, "category"),
        ({"category": "tea", "value": "  "}, "value"),
        ({"category": "tea", "value": "x", "learned_on": dt.date(2999, 1, 1)}, "learned_on"),
    ],
)
def test_bad_preference_writes_nothing(book: Book, person: str, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        preferences.add_preference(s, contact_id=person, **kwargs)
    assert err.value.field == field
    assert snapshot(book.engine) == before


def test_dates_of_a_contact_and_of_their_mother(book: Book, person: str) -> None:
    with book.session() as s, s.begin():
        mother = family.add_family_member(s, contact_id=person, name="李秀英", relation="母亲")
        own = important_dates.add_important_date(
            s, contact_id=person, kind="birthday", date=DateSpec.parse("L1985-08-15")
        )
        hers = important_dates.add_important_date(
            s,
            contact_id=person,
            kind="birthday",
            date=DateSpec.lunar(4, 10, 2020, leap=True),
            family_member_id=mother.id,
        )
        leap_day = important_dates.add_important_date(
            s, contact_id=person, kind="anniversary", date=DateSpec.parse("02-29")
        )
        listed = important_dates.list_dates(s, contact_id=person)
    assert mother.relation == "mother"
    assert (own.calendar, own.year, own.text) == ("lunar", 1985, "L1985-08-15")
    assert (hers.is_leap_month, hers.family_member_name, hers.text) == (
        True,
        "李秀英",
        "L2020-04*-10",
    )
    assert leap_day.year is None and leap_day.text == "02-29"
    assert [d.id for d in listed] == [leap_day.id, hers.id, own.id]


def test_impossible_dates_are_refused_by_field() -> None:
    cases = [
        (lambda: DateSpec.parse("1980-02-30"), "day"),
        (lambda: DateSpec.parse("L13-01"), "month"),
        (lambda: DateSpec.lunar(2, 10, 2024, leap=True), "leap"),
    ]
    for make, field in cases:
        with pytest.raises(ValidationError) as err:
            make()
        assert err.value.field == field


def test_family_member_of_another_contact_is_refused(book: Book, person: str) -> None:
    with book.session() as s, s.begin():
        other = contacts.add_contact(s, name="李娜").id
        stranger = family.add_family_member(s, contact_id=other, name="王", relation="spouse")
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        important_dates.add_important_date(
            s,
            contact_id=person,
            kind="birthday",
            date=DateSpec.parse("03-14"),
            family_member_id=stranger.id,
        )
    assert err.value.field == "family_member"
    assert snapshot(book.engine) == before


def test_deleting_a_family_member_takes_their_dates_and_undo_returns_them(
    book: Book, person: str
) -> None:
    with book.session() as s, s.begin():
        dad = family.add_family_member(s, contact_id=person, name="张父", relation="father")
        important_dates.add_important_date(
            s,
            contact_id=person,
            kind="birthday",
            date=DateSpec.parse("L09-09"),
            family_member_id=dad.id,
        )
        done = family.delete_family_member(s, family_member_id=dad.id)
        assert done.dependants == 1
        assert important_dates.list_dates(s, contact_id=person) == []
        family.restore_family_member(s, family_member_id=dad.id)
        assert [d.family_member_name for d in important_dates.list_dates(s, contact_id=person)] == [
            "张父"
        ]
