"""The outbox is written by the session hook in the same transaction as the edit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from crmdesk.db.book import Book
from crmdesk.db.models import Account, Contact
from crmdesk.db.record_schema import table_specs
from crmdesk.db.sync_state import SyncOutbox, SyncShadow


def _entries(book: Book) -> list[SyncOutbox]:
    with book.sessions() as s:
        return list(s.scalars(select(SyncOutbox).order_by(SyncOutbox.seq)))


def test_insert_edit_delete_each_write_one_entry(book: Book) -> None:
    with book.sessions() as s, s.begin():
        a = Account(name="华为技术", tags=["vip"])
        s.add(a)
    [e] = _entries(book)
    assert e.tbl == "accounts" and e.record_id == a.id and e.base_version == 0
    assert e.row is not None and e.row["name"] == "华为技术" and e.row["tags"] == ["vip"]
    assert set(e.row) == set(table_specs()["accounts"].fields)
    assert dt.datetime.fromisoformat(e.row["created_at"]).tzinfo is not None

    with book.sessions() as s, s.begin():
        s.add(SyncShadow(tbl="accounts", record_id=a.id, version=7, book_id="b"))
    with book.sessions() as s, s.begin():
        obj = s.get(Account, a.id)
        assert obj is not None
        obj.notes = "喜欢普洱"
    e2 = _entries(book)[-1]
    assert e2.base_version == 7 and e2.row is None
    assert set(e2.fields) == {"notes", "updated_at"} and e2.fields["notes"] == "喜欢普洱"

    with book.sessions() as s, s.begin():
        obj = s.get(Account, a.id)
        assert obj is not None
        obj.deleted = True
    e3 = _entries(book)[-1]
    assert e3.fields["deleted"] is True
    assert [x.seq for x in _entries(book)] == sorted({x.seq for x in _entries(book)})


def test_a_rolled_back_edit_leaves_no_entry(book: Book) -> None:
    with pytest.raises(RuntimeError), book.sessions() as s, s.begin():
        s.add(Contact(name="李四"))
        s.flush()
        assert len(s.scalars(select(SyncOutbox)).all()) == 1  # same transaction
        raise RuntimeError("the edit fails")
    assert _entries(book) == []


def test_an_unchanged_flush_writes_nothing(book: Book) -> None:
    with book.sessions() as s, s.begin():
        a = Account(name="x")
        s.add(a)
    with book.sessions() as s, s.begin():
        obj = s.get(Account, a.id)
        assert obj is not None
        obj.name = "x"  # same value
    assert len(_entries(book)) == 1


def test_a_record_never_pulled_is_sent_whole(book: Book) -> None:
    """Seeded rows (the default tiers) are unknown to the server: an edit carries the row."""
    from crmdesk.db.models import Tier

    with book.sessions() as s, s.begin():
        tier = s.scalars(select(Tier).where(Tier.code == "S")).one()
        tier.cadence_days = 20
    e = _entries(book)[-1]
    assert e.tbl == "tiers" and e.row is not None and e.row["code"] == "S"
    assert e.fields["cadence_days"] == 20
