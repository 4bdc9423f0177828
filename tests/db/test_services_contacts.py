"""Contact services on a real encrypted book: add, edit, list and page, delete and undo."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, contacts, preferences
from crmdesk.db.services.lookup import resolve_contact
from tests.book_snapshot import snapshot


def _add(book: Book, **kwargs):  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        return contacts.add_contact(s, **kwargs)


def test_add_returns_a_plain_view_with_names_resolved(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华为", tier="A")
        boss = contacts.add_contact(s, name="王总", account_id=acme.id, decision_role="决策者")
        view = contacts.add_contact(
            s,
            name=" 张伟 ",
            account_id=acme.id,
            reports_to_id=boss.id,
            phones=["138 0000 0000", "138 0000 0000"],
            emails=["zw@huawei.com"],
            tags=["golf"],
            hometown="湖南",
        )
    assert view.name == "张伟"
    assert (view.account_name, view.reports_to_name) == ("华为", "王总")
    assert view.phones == ("138 0000 0000",)
    assert view.tier is None and view.effective_tier == "A"  # the account's tier applies
    assert boss.decision_role == "decision_maker"
    assert view.sort_key  # written by the search hook from the pinyin
    data = view.to_json()
    assert data["phones"] == ["138 0000 0000"] and data["created_at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "张伟", "notes": "n" * 10 * 1024 * 1024}, "notes"),
        ({"name": "张伟", "tier": "Z"}, "tier"),
        ({"name": "张伟", "decision_role": "boss"}, "decision_role"),
        ({"name": "张伟", "phones": ["12"]}, "phone"),
        ({"name": "张伟", "emails": ["zw@"]}, "email"),
        ({"name": "张伟", "title": "t" * 121}, "title"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(book: Book, kwargs, field) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err:
        _add(book, **kwargs)
    assert err.value.field == field
    assert snapshot(book.engine) == before


def test_unknown_account_is_not_found(book: Book) -> None:
    with pytest.raises(NotFoundError) as err:
        _add(book, name="张伟", account_id="no-such-id")
    assert err.value.field == "account"


def test_edit_changes_only_what_is_given(book: Book) -> None:
    view = _add(book, name="张伟", title="经理", tags=["golf"])
    with book.session() as s, s.begin():
        edited = contacts.edit_contact(s, contact_id=view.id, title=None, tier="s")
    assert edited.title is None and edited.tier == "S"
    assert edited.name == "张伟" and edited.tags == ("golf",)


def test_a_failed_edit_changes_nothing(book: Book) -> None:
    view = _add(book, name="张伟", title="经理")
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        contacts.edit_contact(s, contact_id=view.id, title="总监", notes="n" * 100_001)
    assert err.value.field == "notes"
    assert snapshot(book.engine) == before


def test_reports_to_may_not_loop(book: Book) -> None:
    a = _add(book, name="甲")
    b = _add(book, name="乙", reports_to_id=a.id)
    c = _add(book, name="丙", reports_to_id=b.id)
    for boss in (c.id, a.id):
        with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
            contacts.edit_contact(s, contact_id=a.id, reports_to_id=boss)
        assert err.value.field == "reports_to"


def test_keyset_pages_cover_every_contact_once_in_pinyin_order(book: Book) -> None:
    names = ["张伟", "李娜", "王芳", "曾乐", "欧阳明", "Alice", "陈静"]
    for name in names:
        _add(book, name=name)
    seen = []
    after = None
    with book.session() as s:
        while page := contacts.list_contacts(s, after=after, limit=2):
            seen += page
            after = page[-1].cursor
        assert contacts.count_contacts(s) == len(names)
    assert sorted(v.name for v in seen) == sorted(names)
    assert [v.cursor for v in seen] == sorted(v.cursor for v in seen)
    assert [v.name for v in seen].index("李娜") < [v.name for v in seen].index("王芳")


def test_filters_by_tier_tag_account_and_owner(book: Book) -> None:
    with book.session() as s, s.begin():
        key = accounts.add_account(s, name="中建", tier="S", owner="rep1")
        other = accounts.add_account(s, name="小厂", tier="C")
        contacts.add_contact(s, name="甲", account_id=key.id, tags=["vip"])
        contacts.add_contact(s, name="乙", account_id=other.id, tier="S")
        contacts.add_contact(s, name="丙", account_id=other.id, tags=["vip", "golf"])
    with book.session() as s:

        def names(**f):  # type: ignore[no-untyped-def]
            assert contacts.count_contacts(s, **f) == len(contacts.list_contacts(s, **f))
            return sorted(v.name for v in contacts.list_contacts(s, **f))

        assert names(tier="S") == ["乙", "甲"]
        assert names(tag="vip") == ["丙", "甲"]
        assert names(tag="vi") == []
        assert names(account_id=other.id) == ["丙", "乙"]
        assert names(owner="rep1") == ["甲"]


def test_delete_and_restore_bring_back_exactly_what_went(book: Book) -> None:
    view = _add(book, name="张伟")
    with book.session() as s, s.begin():
        old = preferences.add_preference(s, contact_id=view.id, category="tea", value="龙井")
        preferences.add_preference(s, contact_id=view.id, category="tea", value="普洱")
        preferences.delete_preference(s, preference_id=old.id)  # deleted on its own, earlier
    with book.session() as s, s.begin():
        done = contacts.delete_contact(s, contact_id=view.id)
    assert done.dependants == 1
    with book.session() as s:
        assert contacts.count_contacts(s) == 0
        assert contacts.count_contacts(s, deleted=True) == 1
        with pytest.raises(NotFoundError):
            contacts.get_contact(s, contact_id=view.id)
    with book.session() as s, s.begin():
        back = contacts.restore_contact(s, contact_id=view.id)
        prefs = preferences.list_preferences(s, contact_id=view.id)
    assert not back.deleted
    assert [p.value for p in prefs] == ["普洱"]


def test_restore_waits_for_a_deleted_account(book: Book) -> None:
    with book.session() as s, s.begin():
        acme = accounts.add_account(s, name="华为")
        person = contacts.add_contact(s, name="张伟", account_id=acme.id)
        contacts.delete_contact(s, contact_id=person.id)
        accounts.delete_account(s, account_id=acme.id)
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        contacts.restore_contact(s, contact_id=person.id)
    assert err.value.field == "account"


def test_contacts_are_found_by_id_prefix_or_exact_name(book: Book) -> None:
    one = _add(book, name="张伟")
    _add(book, name="李娜")
    _add(book, name="李娜")
    with book.session() as s:
        assert resolve_contact(s, "张伟") == one.id
        assert resolve_contact(s, one.id[:6]) == one.id
        with pytest.raises(ValidationError) as err:
            resolve_contact(s, "李娜")
        assert err.value.code == "ambiguous" and "李娜" in err.value.message
        with pytest.raises(NotFoundError):
            resolve_contact(s, "王芳")
