"""The tombstone purge: deleted records and departures every active reader has applied."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.server.crud import read_books
from crmdesk.server.models import (
    Book,
    Departure,
    Device,
    DeviceCursor,
    SyncRecord,
    User,
    utcnow,
)
from crmdesk.server.syncing.writer import lock_book

# ---- tombstones --------------------------------------------------------------------------------


def purge(sessions: sessionmaker[Session], *, inactive_days: int) -> dict[str, int]:
    """Remove tombstones and departures every active reader of a book has applied.

    One transaction per book (a book lock at a time, so purging never deadlocks with pushes).
    Returns the new horizon of each book whose horizon moved.
    """
    since = utcnow() - dt.timedelta(days=inactive_days)
    with sessions() as session:
        active = [
            (row[0], row[1])
            for row in session.execute(
                select(Device, User)
                .join(User, User.id == Device.user_id)
                .where(
                    Device.revoked_at.is_(None),
                    Device.last_seen_at >= since,
                    User.active.is_(True),
                )
            )
        ]
        readers: dict[str, list[str]] = {}
        for device, user in active:
            for b in read_books(session, user=user):
                readers.setdefault(b, []).append(device.id)
        book_ids = sorted(session.scalars(select(Book.id)))
    moved: dict[str, int] = {}
    for book_id in book_ids:
        with sessions() as session, session.begin():
            book = lock_book(session, book_id)
            devs = readers.get(book_id, [])
            cursors = {
                d: s
                for d, s in session.execute(
                    select(DeviceCursor.device_id, DeviceCursor.seq).where(
                        DeviceCursor.book_id == book_id
                    )
                )
            }
            horizon = min((cursors.get(d, 0) for d in devs), default=book.seq)
            if horizon <= book.purged_seq:
                continue
            session.execute(
                delete(SyncRecord).where(
                    SyncRecord.book_id == book_id,
                    SyncRecord.deleted.is_(True),
                    SyncRecord.seq <= horizon,
                )
            )
            session.execute(
                delete(Departure).where(Departure.book_id == book_id, Departure.seq <= horizon)
            )
            book.purged_seq = horizon
            moved[book_id] = horizon
    return moved
