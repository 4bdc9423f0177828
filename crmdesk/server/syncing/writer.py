"""The books one transaction writes: locked in a fixed order, handing out sequence numbers, and
the records it looked up; ``NOTIFY`` on PostgreSQL when it commits something new."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from crmdesk.server import audit
from crmdesk.server.models import (
    Book,
    Moved,
    SyncRecord,
)
from crmdesk.sync.protocol import (
    Change,
)

NOTIFY_CHANNEL = "crmdesk_sync"


def lock_book(session: Session, book_id: str) -> Book:
    book = session.scalar(
        select(Book)
        .where(Book.id == book_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if book is None:  # pragma: no cover - every user has a book
        raise RuntimeError(f"book {book_id} is missing")
    audit.locked(session, book)
    return book


@dataclass
class BookWriter:
    """The books one transaction has locked, handing out their sequence numbers; and the
    records it has looked up (fetched in one query per push, after the locks were taken)."""

    session: Session
    books: dict[str, Book] = field(default_factory=dict)
    records: dict[tuple[str, str, str], SyncRecord | None] = field(default_factory=dict)
    moved: set[tuple[str, str, str]] = field(default_factory=set)
    moved_known: set[tuple[str, str, str]] = field(default_factory=set)  # looked up already

    def prefetch(self, books: list[str], keys: set[tuple[str, str]], moved_from: str) -> None:
        ordered = sorted(keys)
        for start in range(0, len(ordered), 400):
            chunk = ordered[start : start + 400]
            for b in books:
                for t, i in chunk:
                    self.records.setdefault((b, t, i), None)
            self.moved_known.update((moved_from, t, i) for t, i in chunk)
            for rec in self.session.scalars(
                select(SyncRecord).where(
                    SyncRecord.book_id.in_(books), tuple_(SyncRecord.tbl, SyncRecord.id).in_(chunk)
                )
            ):
                self.records[(rec.book_id, rec.tbl, rec.id)] = rec
            for mv in self.session.scalars(
                select(Moved).where(
                    Moved.book_id == moved_from, tuple_(Moved.tbl, Moved.record_id).in_(chunk)
                )
            ):
                self.moved.add((mv.book_id, mv.tbl, mv.record_id))

    def find(self, books: Iterable[str], tbl: str, record_id: str) -> SyncRecord | None:
        for b in books:
            key = (b, tbl, record_id)
            if key not in self.records:
                self.records[key] = self.session.get(SyncRecord, key)
            rec = self.records[key]
            if rec is not None:
                return rec
        return None

    def is_moved(self, book: str, tbl: str, record_id: str) -> bool:
        key = (book, tbl, record_id)
        if key not in self.moved_known:
            self.moved_known.add(key)
            if self.session.get(Moved, key) is not None:
                self.moved.add(key)
        return key in self.moved

    def added(self, rec: SyncRecord) -> None:
        self.records[(rec.book_id, rec.tbl, rec.id)] = rec

    def lock(self, book_id: str) -> Book:
        book = self.books.get(book_id)
        if book is None:
            book = self.books[book_id] = lock_book(self.session, book_id)
        return book

    def next_seq(self, book_id: str) -> int:
        book = self.lock(book_id)
        book.seq += 1
        return book.seq

    def notify(self) -> None:
        """Wake the long-poll waiters of the books this transaction wrote. On PostgreSQL the
        books table's trigger (server migration 0004) sends the ``NOTIFY`` when a book's
        sequence number moves, delivered at commit; SQLite's workers poll. Nothing to send."""


def change_of(rec: SyncRecord) -> Change:
    return Change(
        tbl=rec.tbl,
        id=rec.id,
        book=rec.book_id,
        version=rec.version,
        seq=rec.seq,
        deleted=rec.deleted,
        data=rec.data,
    )


def find(session: Session, books: Iterable[str], tbl: str, record_id: str) -> SyncRecord | None:
    """The record ``tbl``/``record_id`` in the first of ``books`` that holds it."""
    for b in books:
        rec = session.get(SyncRecord, (b, tbl, record_id), populate_existing=True)
        if rec is not None:
            return rec
    return None
