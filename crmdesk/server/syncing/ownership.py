"""Ownership moves: an account and every record hanging on it pass to another user's book
(reassignment, and the handover of a leaver)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.orm import Session

from crmdesk.db.record_schema import table_specs
from crmdesk.server import audit
from crmdesk.server.crud import can_reassign, read_books
from crmdesk.server.errors import ApiError, forbidden, not_found
from crmdesk.server.models import (
    Departure,
    Moved,
    SyncRecord,
    User,
)
from crmdesk.server.syncing.writer import BookWriter, find
from crmdesk.sync.protocol import (
    CONFLICTS_TABLE,
)

# ---- ownership ---------------------------------------------------------------------------------


def reassign(session: Session, *, actor: User, account_id: str, to_username: str) -> int:
    """Move an account and every record hanging on it to another user's book; count them."""
    rec = find(session, read_books(session, user=actor), "accounts", account_id)
    if rec is None:
        raise not_found()
    target = session.scalar(select(User).where(User.username == to_username))
    source = session.get(User, rec.book_id)
    if target is None or source is None or not target.active:
        raise ApiError("no such user to take the account", code="no_user", status=404)
    if not can_reassign(session, actor=actor, source=source, target=target):
        raise forbidden()
    if source.id == target.id:
        return 0
    writer = BookWriter(session)
    for b in sorted({source.id, target.id}):
        writer.lock(b)
    keys = record_tree(session, book=source.id, roots={("accounts", account_id)})
    moved = move_records(session, writer, keys=keys, source=source, target=target)
    audit.record(
        session,
        "reassign",
        tbl="accounts",
        record_id=account_id,
        detail={"from": source.username, "to": target.username, "records": len(moved)},
    )
    writer.notify()
    session.flush()
    return len(moved)


def _children_index() -> dict[str, list[tuple[str, str]]]:
    """Parent table -> the (child table, column) pairs that hang on it."""
    children: dict[str, list[tuple[str, str]]] = {}
    for spec in table_specs().values():
        for column, parent in spec.parents:
            children.setdefault(parent, []).append((spec.name, column))
    return children


def record_tree(
    session: Session, *, book: str, roots: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """``roots`` (table, id) and every record of ``book`` hanging on them, however deep (an
    account's contacts, their family, the interactions on them, their attendees...)."""
    children = _children_index()
    frontier: dict[str, set[str]] = {}
    for t, i in roots:
        frontier.setdefault(t, set()).add(i)
    seen: set[tuple[str, str]] = set()
    while frontier:
        next_frontier: dict[str, set[str]] = {}
        for parent_tbl, ids in frontier.items():
            for i in ids:
                seen.add((parent_tbl, i))
            for child_tbl, column in children.get(parent_tbl, []):
                ids_list = sorted(ids)
                for start in range(0, len(ids_list), 500):
                    rows = session.execute(
                        select(SyncRecord.tbl, SyncRecord.id).where(
                            SyncRecord.tbl == child_tbl,
                            SyncRecord.book_id == book,
                            SyncRecord.data[column].as_string().in_(ids_list[start : start + 500]),
                        )
                    ).all()
                    for t, i in rows:
                        if (t, i) not in seen:
                            next_frontier.setdefault(t, set()).add(i)
        frontier = {t: {i for i in ids if (t, i) not in seen} for t, ids in next_frontier.items()}
        frontier = {t: ids for t, ids in frontier.items() if ids}
    return seen


def move_records(
    session: Session,
    writer: BookWriter,
    *,
    keys: set[tuple[str, str]],
    source: User,
    target: User,
) -> list[SyncRecord]:
    """Move the records ``keys`` (table, id) that ``source``'s book holds, and the conflicts
    about them, to ``target``'s book: a departure in the old book, a ``Moved`` marker (later
    writes from the old owner are quarantined), a new sequence number in the new book. ``owner``
    fields name the new owner; everything else (``recorded_by``, stages, dates) is kept.

    The caller has locked both books. Returns the records moved."""
    specs = table_specs()
    ordered = sorted(keys)
    to_move: dict[tuple[str, str], SyncRecord] = {}
    for start in range(0, len(ordered), 400):
        chunk = ordered[start : start + 400]
        found = session.scalars(
            select(SyncRecord).where(
                SyncRecord.book_id == source.id, tuple_(SyncRecord.tbl, SyncRecord.id).in_(chunk)
            )
        ).all()
        if not found:
            continue
        clash = session.scalar(
            select(SyncRecord.id)
            .where(
                SyncRecord.book_id == target.id,
                tuple_(SyncRecord.tbl, SyncRecord.id).in_([(r.tbl, r.id) for r in found]),
            )
            .limit(1)
        )
        if clash is not None:
            raise ApiError(
                "the new owner's book already holds a record with this id",
                code="id_clash",
                status=409,
            )
        for r in found:
            to_move[(r.tbl, r.id)] = r
    moved_ids = {i for t, i in to_move if t != CONFLICTS_TABLE}
    for c in session.scalars(
        select(SyncRecord).where(SyncRecord.tbl == CONFLICTS_TABLE, SyncRecord.book_id == source.id)
    ):
        if c.data.get("record_id") in moved_ids:
            to_move.setdefault((c.tbl, c.id), c)
    records = [to_move[k] for k in sorted(to_move)]
    pairs = [(r.tbl, r.id) for r in records]
    for start in range(0, len(pairs), 400):
        chunk = pairs[start : start + 400]
        # Leaving the old book for good; coming back to a book it once left: it belongs again.
        session.execute(
            delete(Moved).where(
                Moved.book_id.in_([source.id, target.id]),
                tuple_(Moved.tbl, Moved.record_id).in_(chunk),
            )
        )
    if pairs:
        session.execute(
            insert(Moved),
            [
                {"book_id": source.id, "tbl": t, "record_id": i, "to_book": target.id}
                for t, i in pairs
            ],
        )
    for r in records:
        session.add(
            Departure(book_id=source.id, seq=writer.next_seq(source.id), tbl=r.tbl, record_id=r.id)
        )
        r.book_id = target.id
        if r.tbl in specs and "owner" in specs[r.tbl].fields:
            data = dict(r.data)
            data["owner"] = target.username
            r.version += 1
            fv = dict(r.fv)
            fv["owner"] = [r.version, "server"]
            r.data, r.fv = data, fv
        r.seq = writer.next_seq(target.id)
        # Each record's history shows where it went (ids and user names only).
        audit.record(
            session,
            "move",
            tbl=r.tbl,
            record_id=r.id,
            detail={"from": source.username, "to": target.username},
        )
    return records
