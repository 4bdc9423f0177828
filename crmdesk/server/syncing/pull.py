"""Pull (a page of changes after a cursor, as JSON text), the long-poll check, and the restore
check of a device whose server lost data."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text, cast, select, tuple_
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from crmdesk.server.crud import lease_column, lease_of, read_books, write_books
from crmdesk.server.models import (
    Book,
    Departure,
    Device,
    DeviceCursor,
    SyncRecord,
    User,
)
from crmdesk.sync.protocol import (
    DEFAULT_LEASE_DAYS,
    PullRequest,
)

# ---- pull --------------------------------------------------------------------------------------


def pull(session: Session, *, device: Device, user: User, request: PullRequest, epoch: str) -> str:
    """One page of changes after ``request.cursor``, as JSON text.

    Built by hand for speed: a page holds thousands of rows, and each row's data is copied from
    the database as text, never decoded and encoded again.
    """
    books = read_books(session, user=user)
    state: dict[str, tuple[int, int]] = {}
    names: dict[str, str] = {}
    # The books' positions and their owners' names in one query.
    lease = DEFAULT_LEASE_DAYS
    for b, s, p, name, stored_lease in session.execute(
        select(Book.id, Book.seq, Book.purged_seq, User.username, lease_column())
        .outerjoin(User, User.id == Book.owner_id)
        .where(Book.id.in_(books))
    ):
        state[b] = (s, p)
        names[b] = name or ""
        lease = lease_of(stored_lease)
    scope = _scope_json(lease, names)
    cursor = {b: int(request.cursor.get(b, 0)) for b in books}
    applied = request.applied if request.applied is not None else request.cursor
    _remember_cursors(session, device, {b: min(int(applied.get(b, 0)), cursor[b]) for b in books})
    if any(cursor[b] > state[b][0] for b in books):
        return _page(epoch, [], [], cursor, scope, more=False, server_behind=True)
    resync = [b for b in books if 0 < cursor[b] < state[b][1]]
    if resync:
        return _page(epoch, [], [], cursor, scope, more=False, resync=resync)
    remaining = request.limit
    changes: list[str] = []
    departures: list[str] = []
    more = False
    dumps = json.dumps
    data_text = cast(SyncRecord.data, Text)
    for b in books:
        low, high = cursor[b], state[b][0]
        if high <= low:
            continue
        if remaining <= 0:
            more = True
            break
        recs = session.execute(
            select(
                SyncRecord.seq,
                SyncRecord.tbl,
                SyncRecord.id,
                SyncRecord.version,
                SyncRecord.deleted,
                data_text,
            )
            .where(SyncRecord.book_id == b, SyncRecord.seq > low, SyncRecord.seq <= high)
            .order_by(SyncRecord.seq)
            .limit(remaining)
        ).all()
        deps = session.execute(
            select(Departure.seq, Departure.tbl, Departure.record_id)
            .where(Departure.book_id == b, Departure.seq > low, Departure.seq <= high)
            .order_by(Departure.seq)
            .limit(remaining)
        ).all()
        limit_seq = high
        if len(recs) == remaining:
            limit_seq = min(limit_seq, recs[-1][0])
        if len(deps) == remaining:
            limit_seq = min(limit_seq, deps[-1][0])
        items: list[tuple[int, bool, tuple[Any, ...]]] = sorted(
            [(r[0], False, tuple(r)) for r in recs if r[0] <= limit_seq]
            + [(d[0], True, tuple(d)) for d in deps if d[0] <= limit_seq],
            key=lambda x: x[0],
        )[:remaining]
        if len(items) == remaining and items and items[-1][0] < limit_seq:
            limit_seq = items[-1][0]
        book_json = dumps(b)
        for seq, is_departure, row in items:
            if is_departure:
                departures.append(
                    f'{{"tbl":{dumps(row[1])},"id":{dumps(row[2])},"book":{book_json},"seq":{seq}}}'
                )
            else:
                changes.append(
                    f'{{"tbl":{dumps(row[1])},"id":{dumps(row[2])},"book":{book_json},'
                    f'"version":{row[3]},"seq":{seq},"deleted":{"true" if row[4] else "false"},'
                    f'"data":{row[5]}}}'
                )
        remaining -= len(items)
        cursor[b] = limit_seq
        if limit_seq < high:
            more = True
            break
    return _page(epoch, changes, departures, cursor, scope, more=more)


def _scope_json(lease: int, names: dict[str, str]) -> str:
    """The page fields that describe the scope rather than its changes."""
    return f'"lease_days":{lease},"book_names":{json.dumps(names, ensure_ascii=False)}'


def _page(
    epoch: str,
    changes: list[str],
    departures: list[str],
    cursor: dict[str, int],
    scope: str,
    *,
    more: bool,
    resync: list[str] | None = None,
    server_behind: bool = False,
) -> str:
    return (
        f'{{"epoch":{json.dumps(epoch)},"changes":[{",".join(changes)}],'
        f'"departures":[{",".join(departures)}],"cursor":{json.dumps(cursor)},'
        f'"more":{json.dumps(more)},"resync":{json.dumps(resync or [])},'
        f'"server_behind":{json.dumps(server_behind)},{scope}}}'
    )


def _remember_cursors(session: Session, device: Device, cursor: dict[str, int]) -> None:
    """Store how far the device has applied each book (the input of the tombstone horizon).

    Read first: an idle pull then writes nothing (a read-only transaction commits without a WAL
    flush); the books that moved are written in one upsert."""
    stored = {
        b: s
        for b, s in session.execute(
            select(DeviceCursor.book_id, DeviceCursor.seq).where(
                DeviceCursor.device_id == device.id
            )
        )
    }
    moved = sorted((b, s) for b, s in cursor.items() if stored.get(b) != s)
    if not moved:
        return
    dialect = session.get_bind().dialect.name
    make = postgresql_insert if dialect == "postgresql" else sqlite_insert
    stmt = make(DeviceCursor).values(
        [{"device_id": device.id, "book_id": b, "seq": s} for b, s in moved]
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[DeviceCursor.device_id, DeviceCursor.book_id],
            set_={"seq": stmt.excluded.seq},
        )
    )


def changed_since(session: Session, *, user: User, cursor: dict[str, int]) -> bool:
    books = read_books(session, user=user)
    for b, s in session.execute(select(Book.id, Book.seq).where(Book.id.in_(books))):
        if s != cursor.get(b, 0):
            return True
    return False


# ---- restore check -----------------------------------------------------------------------------


def restore_check(
    session: Session, *, user: User, records: list[tuple[str, str, int]]
) -> list[tuple[str, str, int]]:
    """Which of the caller's own records (its writable books) the server lacks or holds at an
    older version. Other books are not looked at, so nothing outside the scope is revealed."""
    own = sorted(write_books(user))
    known: dict[tuple[str, str], int] = {}
    keys = [(t, i) for t, i, _ in records]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for t, i, v in session.execute(
            select(SyncRecord.tbl, SyncRecord.id, SyncRecord.version).where(
                SyncRecord.book_id.in_(own), tuple_(SyncRecord.tbl, SyncRecord.id).in_(chunk)
            )
        ):
            known[(t, i)] = max(v, known.get((t, i), 0))
    behind: list[tuple[str, str, int]] = []
    for t, i, v in records:
        server = known.get((t, i))
        if server is None:
            behind.append((t, i, 0))
        elif server < v:
            behind.append((t, i, server))
    return behind
