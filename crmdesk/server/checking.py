"""``crmdesk-server check``: find stored records that break the book's record schema (written
before the server validated pushes, or put into the database by hand) and move them to quarantine.

Each book is checked in a transaction of its own, holding its lock: a bad record leaves
``records`` for ``quarantine`` (reason ``check``, with what is wrong), and a departure at a new
sequence number tells every device that holds it to drop it. Records of tables this server does
not know may come from a newer crmdesk: they are counted, and moved only when asked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.db.record_schema import Problem, check_values, is_record_id, table_specs
from crmdesk.server import audit
from crmdesk.server.models import Book, Departure, Quarantine, SyncRecord, User
from crmdesk.server.syncing.writer import BookWriter
from crmdesk.sync.protocol import CONFLICTS_TABLE

BATCH = 2000


@dataclass(frozen=True)
class Found:
    book: str  # the owner's user name, or "company"
    tbl: str
    record_id: str
    problems: tuple[Problem, ...]


@dataclass
class CheckReport:
    checked: int = 0
    moved: list[Found] = field(default_factory=list)
    unknown_tables: Counter[str] = field(default_factory=Counter)


def problems_of(rec: SyncRecord, *, unknown_tables: bool) -> list[Problem]:
    """What is wrong with a stored record (empty: nothing). Fields and terms of a newer crmdesk
    are allowed (stored records may come from one); types, lengths and dates are not."""
    if rec.tbl == CONFLICTS_TABLE:
        return []  # written by the server itself
    spec = table_specs().get(rec.tbl)
    if spec is None:
        if unknown_tables:
            return [Problem("", f"{rec.tbl!r} is not a table this server knows", "unknown_table")]
        return []
    if not isinstance(rec.data, dict):
        return [Problem("", "the stored data is not an object", "type")]
    found: list[Problem] = []
    if not is_record_id(rec.id):
        found.append(Problem("id", "must be a record id (a UUID)", "id_shape"))
    found += check_values(spec, rec.data, full_row=True, lenient=True)
    return found


def check(
    sessions: sessionmaker[Session], *, move: bool = True, unknown_tables: bool = False
) -> CheckReport:
    """Check every stored record; move the bad ones to quarantine unless ``move`` is False."""
    report = CheckReport()
    with sessions() as session:
        books = [
            (b, name or "company")
            for b, name in session.execute(
                select(Book.id, User.username).outerjoin(User, User.id == Book.owner_id)
            )
        ]
    specs = table_specs()
    for book_id, name in sorted(books):
        with sessions() as session, session.begin():
            writer = BookWriter(session)
            if move:
                writer.lock(book_id)
                audit.set_chain(session, book_id)
            last = ("", "")
            while True:
                recs = session.scalars(
                    select(SyncRecord)
                    .where(SyncRecord.book_id == book_id)
                    .where(
                        (SyncRecord.tbl > last[0])
                        | ((SyncRecord.tbl == last[0]) & (SyncRecord.id > last[1]))
                    )
                    .order_by(SyncRecord.tbl, SyncRecord.id)
                    .limit(BATCH)
                ).all()
                if not recs:
                    break
                last = (recs[-1].tbl, recs[-1].id)
                for rec in recs:
                    report.checked += 1
                    if rec.tbl not in specs and rec.tbl != CONFLICTS_TABLE:
                        report.unknown_tables[rec.tbl] += 1
                    found = problems_of(rec, unknown_tables=unknown_tables)
                    if not found:
                        continue
                    report.moved.append(Found(name, rec.tbl, rec.id, tuple(found)))
                    if move:
                        _move(session, writer, rec, found)
    return report


def _move(session: Session, writer: BookWriter, rec: SyncRecord, found: list[Problem]) -> None:
    book = session.get(Book, rec.book_id)
    session.add(
        Quarantine(
            device_id=None,
            user_id=book.owner_id if book is not None else None,
            tbl=rec.tbl[:40],
            record_id=rec.id[:64],
            seq=rec.seq,
            mutation={"fields": rec.data, "row": rec.data, "version": rec.version},
            reason="check",
            problems=[p.as_dict() for p in found],
        )
    )
    session.add(
        Departure(
            book_id=rec.book_id,
            seq=writer.next_seq(rec.book_id),
            tbl=rec.tbl[:40],
            record_id=rec.id[:64],
        )
    )
    audit.record(
        session,
        "quarantine",
        tbl=rec.tbl[:40],
        record_id=rec.id[:64],
        detail={"reason": "check", "problems": [[p.field, p.code] for p in found[:20]]},
    )
    session.delete(rec)
