"""The outbox: every change to a synced record, written in the same transaction as the change.

``attach(sessions)`` hooks the book's session factory. After each flush (same transaction, before
commit) it writes one ``SyncOutbox`` entry per inserted, changed or deleted record: the changed
fields with their new values, the server version this device last pulled (``base_version``) and,
when the server may not know the record yet, the whole row.

Edits must go through ORM objects (as ``crmdesk.db.services`` do); a bulk ``update()`` statement
fires no flush and would not be synced. Sync itself applies pulled rows with Core statements on a
connection, so they never come back here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, inspect, select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.db.models import Record
from crmdesk.db.record_schema import encode_value, table_specs
from crmdesk.db.sync_state import SyncOutbox, SyncShadow


def attach(sessions: sessionmaker[Session]) -> None:
    """Hook a new session factory; call once per factory (``Book`` does, as it makes its own).

    No ``event.contains()`` guard: for a sessionmaker it can answer True for a brand-new factory
    once another had the listener (SQLAlchemy 2.1), and the outbox would silently record nothing.
    """
    event.listen(sessions, "after_flush", _after_flush)


def full_row(obj: Record) -> dict[str, Any]:
    spec = table_specs()[obj.__tablename__]
    return {f: encode_value(getattr(obj, f)) for f in spec.fields}


def _changed_fields(obj: Record) -> dict[str, Any]:
    state = inspect(obj)
    spec = table_specs()[obj.__tablename__]
    changed: dict[str, Any] = {}
    for f in spec.fields:
        if state.attrs[f].history.has_changes():
            changed[f] = encode_value(getattr(obj, f))
    if changed and "updated_at" not in changed and "updated_at" in state.dict:
        changed["updated_at"] = encode_value(state.dict["updated_at"])
    return changed


def _after_flush(session: Session, _context: Any) -> None:
    entries: list[tuple[Record, dict[str, Any], bool]] = []  # record, fields, is_new
    for obj in session.new:
        if isinstance(obj, Record) and obj.__tablename__ in table_specs():
            entries.append((obj, full_row(obj), True))
    for obj in session.dirty:
        if isinstance(obj, Record) and obj.__tablename__ in table_specs():
            fields = _changed_fields(obj)
            if fields:
                entries.append((obj, fields, False))
    for obj in session.deleted:
        if isinstance(obj, Record) and obj.__tablename__ in table_specs():
            # A hard delete still travels as a tombstone.
            entries.append((obj, {"deleted": True}, False))
    if not entries:
        return
    conn = session.connection()
    keys = [(o.__tablename__, o.id) for o, _, _ in entries]
    versions: dict[tuple[str, str], int] = {}
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        for tbl, rid, version in conn.execute(
            select(SyncShadow.tbl, SyncShadow.record_id, SyncShadow.version).where(
                tuple_(SyncShadow.tbl, SyncShadow.record_id).in_(chunk)
            )
        ):
            versions[(tbl, rid)] = version
    rows = []
    for obj, fields, is_new in entries:
        key = (obj.__tablename__, obj.id)
        base = versions.get(key, 0)
        # The server may not know a record this device never pulled: send it whole.
        row: dict[str, Any] | None = None
        if is_new:
            row = fields
        elif base == 0 and obj not in session.deleted:
            row = full_row(obj)
        rows.append(
            {
                "tbl": key[0],
                "record_id": key[1],
                "base_version": base,
                "fields": fields,
                "row": row,
            }
        )
    conn.execute(insert(SyncOutbox), rows)
