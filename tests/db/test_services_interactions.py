"""The interaction log: attendees, cost, gifts, the follow-up it creates, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.money import Money, parse_money
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, contacts, followups, interactions
from crmdesk.db.services.interactions import NewGift
from tests.book_snapshot import snapshot

BEIJING = dt.timezone(dt.timedelta(hours=8))
DINNER = dt.datetime(2026, 11, 20, 19, 0, tzinfo=BEIJING)


@pytest.fixture
def people(book: Book) -> tuple[str, str, str]:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华为")
        a = contacts.add_contact(s, name="张伟", account_id=acme.id)
        b = contacts.add_contact(s, name="李娜", account_id=acme.id)
        return acme.id, a.id, b.id


def test_a_dinner_with_gifts_and_a_follow_up(book: Book, people) -> None:  # type: ignore[no-untyped-def]
    acme, zhang, li = people
    with book.session() as s, s.begin():
        view = interactions.log_interaction(
            s,
            occurred_at=DINNER,
            kind="宴请",
            attendee_ids=[zhang, li, zhang],
            place="全聚德",
            colleagues=["王经理"],
            cost=parse_money("¥1,200"),
            gifts=[NewGift("茶叶", parse_money("600"), zhang), NewGift("贺卡")],
            outcome="同意试用",
            next_step="送报价",
            follow_up_on=dt.date(2026, 12, 1),
        )
        open_items = followups.list_follow_ups(s, today=dt.date(2026, 12, 2))
    assert view.kind == "meal" and view.account_id == acme and view.account_name == "华为"
    assert [a.name for a in view.attendees] == ["张伟", "李娜"]
    assert (view.cost, view.cost_category) == (Money(120000, "CNY"), "meal")
    assert [(g.description, g.recipient_name) for g in view.gifts] == [
        ("茶叶", "张伟"),
        ("贺卡", None),
    ]
    assert view.occurred_at == DINNER
    data = view.to_json()
    assert data["cost"] == {"amount": "1200.00", "currency": "CNY"}
    assert data["gifts"][0]["value"] == {"amount": "600.00", "currency": "CNY"}
    [item] = open_items
    assert (item.description, item.contact_name, item.interaction_id) == ("送报价", "张伟", view.id)
    assert item.overdue


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "karaoke"}, "kind"),
        ({"follow_up_on": dt.date(2026, 11, 19)}, "follow_up"),
        ({"cost": Money(-1)}, "cost"),
        ({"cost": Money(100), "cost_category": "bribe"}, "cost_category"),
        ({"gifts": [NewGift(" ")]}, "gift"),
        ({"gifts": [NewGift("x", Money(-5))]}, "gift"),
        ({"place": "p" * 201}, "where"),
        ({"summary": "s" * 100_001}, "summary"),
        ({"occurred_at": dt.datetime(2026, 11, 20, 19)}, "when"),
    ],
)
def test_bad_input_writes_nothing(book: Book, people, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    _, zhang, _ = people
    before = snapshot(book.engine)
    args = {"occurred_at": DINNER, "kind": "meal", "attendee_ids": [zhang], **kwargs}
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        interactions.log_interaction(s, **args)
    assert err.value.field == field
    assert snapshot(book.engine) == before


def test_unknown_attendee_or_recipient_writes_nothing(book: Book, people) -> None:  # type: ignore[no-untyped-def]
    _, zhang, _ = people
    before = snapshot(book.engine)
    for kwargs in ({"attendee_ids": [zhang, "nobody"]}, {"gifts": [NewGift("x", None, "nobody")]}):
        with pytest.raises(NotFoundError), book.session() as s, s.begin():
            interactions.log_interaction(
                s, occurred_at=DINNER, kind="meal", **{"attendee_ids": [zhang], **kwargs}
            )
    assert snapshot(book.engine) == before


def test_someone_or_some_account_must_be_named(book: Book) -> None:
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        interactions.log_interaction(s, occurred_at=DINNER, kind="call")
    assert err.value.field == "contact"


def test_log_lists_newest_first_by_contact_and_pages(book: Book, people) -> None:  # type: ignore[no-untyped-def]
    _, zhang, li = people
    with book.session() as s, s.begin():
        for day in range(1, 6):
            interactions.log_interaction(
                s,
                occurred_at=DINNER.replace(day=day),
                kind="call",
                attendee_ids=[zhang] if day % 2 else [li],
            )
        page = interactions.list_interactions(s, limit=2)
        more = interactions.list_interactions(
            s, limit=10, before=(page[-1].occurred_at, page[-1].id)
        )
        mine = interactions.list_interactions(s, contact_id=zhang)
    assert [v.occurred_at.day for v in page + more] == [5, 4, 3, 2, 1]
    assert [v.occurred_at.day for v in mine] == [5, 3, 1]


def test_edit_replaces_attendees_and_delete_is_undone(book: Book, people) -> None:  # type: ignore[no-untyped-def]
    _, zhang, li = people
    with book.session() as s, s.begin():
        view = interactions.log_interaction(
            s,
            occurred_at=DINNER,
            kind="visit",
            attendee_ids=[zhang],
            gifts=[NewGift("酒")],
            follow_up_on=dt.date(2026, 12, 1),
        )
        edited = interactions.edit_interaction(
            s, interaction_id=view.id, attendee_ids=[li], outcome="ok", cost=parse_money("50")
        )
        assert [a.name for a in edited.attendees] == ["李娜"] and edited.outcome == "ok"
        done = interactions.delete_interaction(s, interaction_id=view.id)
        assert done.dependants == 3  # attendee link, gift, open follow-up
        assert interactions.list_interactions(s) == [] and followups.list_follow_ups(s) == []
        back = interactions.restore_interaction(s, interaction_id=view.id)
        assert [g.description for g in back.gifts] == ["酒"]
        assert [a.name for a in back.attendees] == ["李娜"]
        assert len(followups.list_follow_ups(s)) == 1
