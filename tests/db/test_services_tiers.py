"""Tiers are data: add, edit, replace the scheme, and never strand a record on a lost tier."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, contacts, tiers
from crmdesk.db.services.tiers import TierSpec
from tests.book_snapshot import snapshot

DEALER = [
    TierSpec("A", "Key", 30, Money(100000)),
    TierSpec("B", "Development", 60),
    TierSpec("C", "Selective", 120),
    TierSpec("D", "Abandon", 365),
]


def test_the_default_scheme_is_s_a_b_c(book: Book) -> None:
    with book.session() as s:
        assert [t.code for t in tiers.list_tiers(s)] == ["S", "A", "B", "C"]
        assert tiers.check_tier(s, "s") == "S"


def test_replace_with_a_b_c_d_moving_records(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华为", tier="S")
        person = contacts.add_contact(s, name="张伟", tier="S")
    with book.session() as s, s.begin():
        views = tiers.replace_tiers(s, tiers=DEALER, remap={"S": "A"})
        assert [(t.code, t.rank) for t in views] == [("A", 0), ("B", 1), ("C", 2), ("D", 3)]
        assert accounts.get_account(s, account_id=acme.id).tier == "A"
        assert contacts.get_contact(s, contact_id=person.id).tier == "A"
        with pytest.raises(ValidationError):
            tiers.check_tier(s, "S")
    with book.session() as s, s.begin():  # and back: the old code's row is reused
        tiers.replace_tiers(s, tiers=[TierSpec("S", "Strategic", 30), *DEALER], remap={})
        assert [t.code for t in tiers.list_tiers(s)] == ["S", "A", "B", "C", "D"]


def test_a_tier_in_use_is_not_dropped_silently(book: Book) -> None:
    with book.session() as s, s.begin():
        accounts.add_account(s, name="华为", tier="S")
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        tiers.replace_tiers(s, tiers=DEALER)
    assert err.value.field == "remap" and "S" in err.value.message
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        tiers.delete_tier(s, code="S")
    assert err.value.field == "move_to"
    assert snapshot(book.engine) == before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"code": "A", "name": "x", "cadence_days": 30}, "code"),  # exists
        ({"code": "", "name": "x", "cadence_days": 30}, "code"),
        ({"code": "K A", "name": "x", "cadence_days": 30}, "code"),
        ({"code": "K", "name": "", "cadence_days": 30}, "name"),
        ({"code": "K", "name": "x", "cadence_days": 0}, "cadence_days"),
        (
            {"code": "K", "name": "x", "cadence_days": 30, "greeting_budget": Money(1, "USD")},
            "greeting_budget",
        ),
    ],
)
def test_bad_tier_input(book: Book, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        tiers.add_tier(s, **kwargs)
    assert err.value.field == field


def test_add_and_edit(book: Book) -> None:
    with book.session() as s, s.begin():
        ka = tiers.add_tier(s, code="ka", name="Key account", cadence_days=14)
        assert (ka.code, ka.rank) == ("KA", 4)
        edited = tiers.edit_tier(s, code="KA", cadence_days=7, greeting_budget=Money(50000))
        assert edited.cadence_days == 7 and edited.greeting_budget == Money(50000)
