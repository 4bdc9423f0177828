"""Opportunities (the funnel) and complaints."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, complaints, contacts, opportunities


def test_opportunity_through_the_funnel(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="中建")
        opp = opportunities.add_opportunity(
            s, account_id=acme.id, name="塔吊", amount=Money(1_000_000_00), stage="qualify"
        )
        with pytest.raises(ValidationError) as err:
            opportunities.edit_opportunity(s, opportunity_id=opp.id, stage="result")
        assert err.value.field == "result"
        won = opportunities.edit_opportunity(
            s, opportunity_id=opp.id, stage="销售结果", result="won"
        )
        assert (won.stage, won.result) == ("result", "won")
        back = opportunities.edit_opportunity(s, opportunity_id=opp.id, stage="propose")
        assert back.result is None
        assert won.to_json()["amount"] == {"amount": "1000000.00", "currency": "CNY"}
        with pytest.raises(ValidationError) as err:
            opportunities.add_opportunity(s, account_id=acme.id, name="x", result="won")
        assert err.value.field == "result"


def test_complaint_takes_the_contacts_account(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="中建")
        who = contacts.add_contact(s, name="张伟", account_id=acme.id)
        view = complaints.add_complaint(
            s, description="交货晚了三天", received_on=dt.date(2026, 11, 1), contact_id=who.id
        )
        assert (view.account_name, view.contact_name, view.status) == ("中建", "张伟", "open")
        fixed = complaints.edit_complaint(
            s, complaint_id=view.id, status="resolved", resolution="补偿运费"
        )
        assert fixed.status == "resolved"
        assert complaints.list_complaints(s, open_only=True) == []
        with pytest.raises(ValidationError) as err:
            complaints.edit_complaint(s, complaint_id=view.id, status="ignored")
        assert err.value.field == "status"


def test_an_expected_close_outside_the_date_policy_is_refused(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华东建设").id
        deal = opportunities.add_opportunity(s, account_id=acme, name="二期").id
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        opportunities.add_opportunity(
            s, account_id=acme, name="三期", expected_on=dt.date(2200, 1, 1)
        )
    assert err.value.field == "expected"
    with pytest.raises(ValidationError), book.session() as s, s.begin():
        opportunities.edit_opportunity(s, opportunity_id=deal, expected_on=dt.date(1800, 6, 1))
    with book.session() as s:
        [only] = opportunities.list_opportunities(s, account_id=acme)
        assert only.name == "二期" and only.expected_on is None
