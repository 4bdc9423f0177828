"""Account services: the master file, filters and paging, and a delete that undoes exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money, parse_money
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, complaints, contacts, followups, opportunities
from tests.book_snapshot import snapshot

DUE = dt.date(2026, 12, 1)


def test_add_and_edit_the_master_file(book: Book) -> None:
    with book.session() as s, s.begin():
        view = accounts.add_account(
            s,
            name="中国建筑",
            code="C-001",
            tier="s",
            customer_type="国有企业",
            status="target",
            phones=["010 8808 2888"],
            sales_limit=parse_money("¥5,000,000"),
            tags=["key"],
        )
        edited = accounts.edit_account(s, account_id=view.id, status="existing", code=None)
    assert (view.tier, view.customer_type, view.currency) == ("S", "state_owned", "CNY")
    assert view.sales_limit == Money(500000000, "CNY")
    assert view.to_json()["sales_limit"] == {"amount": "5000000.00", "currency": "CNY"}
    assert (edited.status, edited.code, edited.name) == ("existing", None, "中国建筑")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "A", "tier": "Z"}, "tier"),
        ({"name": "A", "status": "happy"}, "status"),
        ({"name": "A", "customer_type": "alien"}, "customer_type"),
        ({"name": "A", "currency": "XYZ"}, "currency"),
        ({"name": "A", "insight": "i" * 100_001}, "insight"),
        ({"name": "A", "currency": "USD", "sales_limit": Money(100, "CNY")}, "sales_limit"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(book: Book, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        accounts.add_account(s, **kwargs)
    assert err.value.field == field
    assert snapshot(book.engine) == before


def test_list_pages_and_filters(book: Book) -> None:
    with book.session() as s, s.begin():
        for i, tier in enumerate(["S", "A", "S", "B", "S"]):
            accounts.add_account(s, name=f"客户{i}", tier=tier, tags=["x"] if i % 2 else [])
    with book.session() as s:
        first = accounts.list_accounts(s, tier="S", limit=2)
        rest = accounts.list_accounts(s, tier="S", after=first[-1].cursor, limit=2)
        assert [a.name for a in first + rest] == ["客户0", "客户2", "客户4"]
        assert accounts.count_accounts(s, tier="S") == 3
        assert accounts.count_accounts(s, tag="x") == 2


def test_delete_takes_its_dependants_and_restore_brings_exactly_them(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华为")
        kept = contacts.add_contact(s, name="张伟", account_id=acme.id)
        gone_before = contacts.add_contact(s, name="李娜", account_id=acme.id)
        contacts.delete_contact(s, contact_id=gone_before.id)
        opportunities.add_opportunity(s, account_id=acme.id, name="塔吊 20 台")
        complaints.add_complaint(s, description="交货晚", received_on=DUE, account_id=acme.id)
        followups.add_follow_up(s, due_on=DUE, description="回电", contact_id=kept.id)
    before_delete = snapshot(book.engine)["contacts"]
    with book.session() as s, s.begin():
        done = accounts.delete_account(s, account_id=acme.id)
    assert done.dependants == 4  # contact, its follow-up, the opportunity, the complaint
    with book.session() as s:
        assert accounts.count_accounts(s) == 0
        assert contacts.count_contacts(s) == 0
        assert opportunities.list_opportunities(s) == []
    with book.session() as s, s.begin():
        accounts.restore_account(s, account_id=acme.id)
    with book.session() as s:
        assert [c.name for c in contacts.list_contacts(s)] == ["张伟"]
        assert len(opportunities.list_opportunities(s)) == 1
        assert len(complaints.list_complaints(s)) == 1
        assert len(followups.list_follow_ups(s)) == 1
        assert contacts.count_contacts(s, deleted=True) == 1  # 李娜 stays deleted
    assert len(snapshot(book.engine)["contacts"]) == len(before_delete)
