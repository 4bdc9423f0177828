"""The server half of the sync protocol: push (idempotent, merged), pull, wait, restore check,
reassignment and tombstone purge. See ``docs/sync.md``.

Every function runs inside the caller's transaction; the caller commits. Writers lock the rows of
the books they change before they read the records they merge, so within one book sequence
numbers are handed out in commit order.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, cast, delete, insert, select, text, tuple_, update
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.db.record_schema import table_specs
from crmdesk.server import audit
from crmdesk.server.crud import can_reassign, lease_column, lease_of, read_books, write_books
from crmdesk.server.errors import ApiError, forbidden, not_found
from crmdesk.server.models import (
    Book,
    Departure,
    Device,
    DeviceCursor,
    Moved,
    Quarantine,
    SyncRecord,
    User,
    utcnow,
)
from crmdesk.sync.protocol import (
    COMPANY_BOOK,
    CONFLICTS_TABLE,
    DEFAULT_LEASE_DAYS,
    SHARED_TABLES,
    SILENT_FIELDS,
    Change,
    Mutation,
    MutationResult,
    PullRequest,
    PushRequest,
    PushResponse,
)

NOTIFY_CHANNEL = "crmdesk_sync"
CONFLICT_FIELDS = frozenset({"resolved", "deleted", "updated_at"})


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

    def prefetch(self, books: list[str], keys: set[tuple[str, str]], moved_from: str) -> None:
        ordered = sorted(keys)
        for start in range(0, len(ordered), 400):
            chunk = ordered[start : start + 400]
            for b in books:
                for t, i in chunk:
                    self.records.setdefault((b, t, i), None)
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
        if key not in self.moved and self.session.get(Moved, key) is not None:
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
        bind = self.session.get_bind()
        if bind.dialect.name != "postgresql":
            return
        for book_id in self.books:
            self.session.execute(
                text("SELECT pg_notify(:channel, :book)"),
                {"channel": NOTIFY_CHANNEL, "book": book_id},
            )


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


# ---- push --------------------------------------------------------------------------------------


def push(
    session: Session, *, device: Device, user: User, request: PushRequest, epoch: str
) -> PushResponse:
    device_row = session.execute(
        select(Device, lease_column())
        .where(Device.id == device.id)
        .with_for_update(of=Device)
        .execution_options(populate_existing=True)
    ).one()
    locked, lease = device_row[0], lease_of(device_row[1])
    writer = BookWriter(session)
    # Own book first, always: the lock order is own book, then the company book.
    writer.lock(user.id)
    audit.set_chain(session, user.id)  # its row is held: chaining the audit costs no lock
    last = locked.last_seq
    restored = False
    if request.acked_through > last:
        # The server acknowledged more than it now remembers: restored from a backup. Those
        # mutations are gone from here; the client resends its records (restore-check).
        restored = True
        last = request.acked_through
    results: list[MutationResult] = []
    expected = last + 1
    readable = read_books(session, user=user)
    writable = write_books(user)
    keys = {(m.tbl, m.id) for m in request.mutations}
    specs = table_specs()
    for m in request.mutations:
        row = {**(m.row or {}), **m.fields}
        for column, parent_tbl in specs[m.tbl].parents if m.tbl in specs else ():
            if isinstance(row.get(column), str):
                keys.add((parent_tbl, row[column]))
    if COMPANY_BOOK in writable and any(
        m.tbl in SHARED_TABLES or m.tbl == CONFLICTS_TABLE for m in request.mutations
    ):
        writer.lock(COMPANY_BOOK)  # before its records are read
    writer.prefetch(readable, keys, moved_from=user.id)
    for m in request.mutations:
        if m.seq <= last:
            # Already processed; its answer was lost. The device gets the record's current row
            # (it may have been merged, or quarantined and needs putting back) or, when the
            # record is not in its scope at all, nothing: it then sends the whole row again.
            replay = MutationResult(seq=m.seq, status="replay")
            rec = writer.find(readable, m.tbl, m.id)
            if rec is not None:
                replay.current = change_of(rec)
            results.append(replay)
            continue
        if m.seq != expected:
            raise ApiError(
                f"push sequence gap: expected {expected}, got {m.seq}",
                code="seq_gap",
                status=409,
                last_seq=last,
            )
        expected += 1
        results.append(_apply(session, writer, device, user, writable, readable, m))
    locked.last_seq = expected - 1
    locked.schema_rev = request.schema_rev[:40]
    writer.notify()
    session.flush()
    return PushResponse(
        last_seq=locked.last_seq,
        results=results,
        server_restored=restored,
        epoch=epoch,
        lease_days=lease,
    )


def quarantine_revoked(
    session: Session, *, device: Device, user: User, request: PushRequest
) -> int:
    """Keep what a revoked device still sends, for review, applying none of it. Mutations it
    sent before (a retried push) are kept once. Returns how many were kept."""
    audit.set_chain(session, user.id)
    seqs = [m.seq for m in request.mutations if m.seq > device.last_seq]
    kept = set(
        session.scalars(
            select(Quarantine.seq).where(
                Quarantine.device_id == device.id,
                Quarantine.reason == "revoked",
                Quarantine.seq.in_(seqs),
            )
        )
    )
    count = 0
    for m in request.mutations:
        if m.seq > device.last_seq and m.seq not in kept:
            kept.add(m.seq)
            _quarantine(session, device, user, m, "revoked")
            count += 1
    return count


def _quarantine(
    session: Session, device: Device, user: User, m: Mutation, reason: str
) -> MutationResult:
    audit.record(
        session,
        "quarantine",
        tbl=m.tbl,
        record_id=m.id,
        detail={"reason": reason, "fields": sorted(m.fields)},
    )
    session.add(
        Quarantine(
            device_id=device.id,
            user_id=user.id,
            tbl=m.tbl[:40],
            record_id=m.id,
            seq=m.seq,
            mutation=m.model_dump(mode="json"),
            reason=reason,
        )
    )
    return MutationResult(seq=m.seq, status="quarantined")


def find(session: Session, books: Iterable[str], tbl: str, record_id: str) -> SyncRecord | None:
    """The record ``tbl``/``record_id`` in the first of ``books`` that holds it."""
    for b in books:
        rec = session.get(SyncRecord, (b, tbl, record_id), populate_existing=True)
        if rec is not None:
            return rec
    return None


def _apply(
    session: Session,
    writer: BookWriter,
    device: Device,
    user: User,
    writable: frozenset[str],
    readable: list[str],
    m: Mutation,
) -> MutationResult:
    specs = table_specs()
    # Tables and fields this server does not know come from a newer crmdesk: they are stored as
    # they are (records are JSON here) and reach the clients that know them. Only conflicts,
    # which the server writes, accept nothing but their review fields.
    if m.tbl == CONFLICTS_TABLE and not set(m.fields) <= CONFLICT_FIELDS:
        return _quarantine(session, device, user, m, "conflict_fields")

    target = COMPANY_BOOK if m.tbl in SHARED_TABLES else user.id
    rec = writer.find(sorted(writable), m.tbl, m.id)
    if rec is None:
        # Readable but not writable (a manager's view of the team, a rep's of the tiers): kept
        # aside, and the device gets the server's row back.
        seen = writer.find([b for b in readable if b not in writable], m.tbl, m.id)
        if seen is not None:
            result = _quarantine(session, device, user, m, "read_only")
            result.current = change_of(seen)
            return result
        if writer.is_moved(user.id, m.tbl, m.id):
            # It left this user's book (ownership change): the old owner's write is kept aside.
            result = _quarantine(session, device, user, m, "moved")
            result.gone = True
            return result
        if m.tbl == CONFLICTS_TABLE:
            return _quarantine(session, device, user, m, "not_writable")
        if m.row is None:
            return MutationResult(seq=m.seq, status="need_row")
        if target not in writable:
            return _quarantine(session, device, user, m, "not_writable")
        data = {**m.row, **m.fields}
        for column, parent_tbl in specs[m.tbl].parents if m.tbl in specs else ():
            parent_id = data.get(column)
            if not parent_id or writer.find([target], parent_tbl, parent_id) is not None:
                continue
            if writer.is_moved(target, parent_tbl, parent_id) or writer.find(
                readable, parent_tbl, parent_id
            ):
                # Hangs on a record that now belongs to someone else.
                result = _quarantine(session, device, user, m, "parent_elsewhere")
                result.gone = True
                return result
        writer.lock(target)
        rec = SyncRecord(
            tbl=m.tbl,
            id=m.id,
            book_id=target,
            seq=writer.next_seq(target),
            version=1,
            deleted=bool(data.get("deleted")),
            data=data,
            fv={f: [1, device.id] for f in data},
        )
        session.add(rec)
        writer.added(rec)
        audit.record(
            session,
            "create",
            tbl=m.tbl,
            record_id=m.id,
            detail={"fields": sorted(f for f in data if f not in SILENT_FIELDS), "book": target},
        )
        return MutationResult(seq=m.seq, status="applied", version=1)

    writer.lock(rec.book_id)
    return _merge(writer, device, rec, m)


def _merge(writer: BookWriter, device: Device, rec: SyncRecord, m: Mutation) -> MutationResult:
    data = dict(rec.data)
    fv: dict[str, list[Any]] = {k: list(v) for k, v in rec.fv.items()}
    base = m.base_version

    def changed_since_base(f: str) -> bool:
        ver, dev = fv.get(f, (0, None))
        return bool(ver > base and dev != device.id)

    applied: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    edits = {f: v for f, v in m.fields.items() if f != "deleted"}
    substantive = {f: v for f, v in edits.items() if f not in SILENT_FIELDS}
    if m.fields.get("deleted") is True and not rec.deleted:
        edited_elsewhere = any(
            changed_since_base(f) for f in fv if f != "deleted" and f not in SILENT_FIELDS
        )
        if edited_elsewhere and rec.tbl != CONFLICTS_TABLE:
            conflicts.append({"field": "deleted", "kind": "delete", "value": True, "winner": False})
        else:
            applied["deleted"] = True
    elif m.fields.get("deleted") is False and rec.deleted:
        applied["deleted"] = False

    for f, v in edits.items():
        if f in SILENT_FIELDS:
            applied[f] = v
        elif changed_since_base(f) and data.get(f) != v:
            conflicts.append({"field": f, "kind": "field", "value": v, "winner": data.get(f)})
        elif data.get(f) != v or f not in data:
            applied[f] = v
    if (
        rec.deleted
        and substantive
        and "deleted" not in m.fields
        and changed_since_base("deleted")
        and rec.tbl != CONFLICTS_TABLE
    ):
        # Edited here while deleted elsewhere: keep the record, flag it.
        applied["deleted"] = False
        conflicts.append({"field": "deleted", "kind": "delete", "value": True, "winner": False})

    old_version = rec.version
    if any(f not in SILENT_FIELDS for f in applied):
        rec.version += 1
        for f, v in applied.items():
            data[f] = v
            fv[f] = [rec.version, device.id]
        rec.data = data
        rec.fv = fv
        rec.deleted = bool(data.get("deleted"))
    elif applied:  # only the informational stamp: no new version
        data.update(applied)
        rec.data = data
    if applied or conflicts:
        # A conflict re-sequences the record too, so the losing device pulls the winner back.
        rec.seq = writer.next_seq(rec.book_id)
    now = utcnow().isoformat()
    for c in conflicts:
        writer.session.add(
            SyncRecord(
                tbl=CONFLICTS_TABLE,
                id=str(uuid.uuid4()),
                book_id=rec.book_id,
                seq=writer.next_seq(rec.book_id),
                version=1,
                deleted=False,
                data={
                    "tbl": rec.tbl,
                    "record_id": rec.id,
                    **c,
                    "device_id": device.id,
                    "at": now,
                    "resolved": False,
                },
                fv={},
            )
        )
    _audit_merge(writer.session, rec, applied, conflicts)
    if conflicts:
        status = "conflict"
    elif base < old_version and applied:
        status = "merged"
    else:
        status = "applied"
    return MutationResult(seq=m.seq, status=status, version=rec.version)


def _audit_merge(
    session: Session, rec: SyncRecord, applied: dict[str, Any], conflicts: list[dict[str, Any]]
) -> None:
    """One entry per applied change (field names only) and one per conflict. A change of the
    informational stamp alone is not worth an entry."""
    names = sorted(f for f in applied if f not in SILENT_FIELDS and f != "deleted")
    if applied.get("deleted") is True:
        action = "delete"
    elif applied.get("deleted") is False:
        action = "restore"
    elif names:
        action = "update"
    else:
        action = ""
    detail = {"fields": names, "version": rec.version, "book": rec.book_id}
    if action:
        audit.record(session, action, tbl=rec.tbl, record_id=rec.id, detail=detail)
    if conflicts:
        fields = sorted({str(c["field"]) for c in conflicts})
        audit.record(
            session,
            "conflict",
            tbl=rec.tbl,
            record_id=rec.id,
            detail={"fields": fields, "book": rec.book_id},
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
    """Store how far the device has applied each book (the input of the tombstone horizon)."""
    stored = {
        b: s
        for b, s in session.execute(
            select(DeviceCursor.book_id, DeviceCursor.seq).where(
                DeviceCursor.device_id == device.id
            )
        )
    }
    for b, s in cursor.items():
        if b not in stored:
            session.add(DeviceCursor(device_id=device.id, book_id=b, seq=s))
        elif stored[b] != s:
            session.execute(
                update(DeviceCursor)
                .where(DeviceCursor.device_id == device.id, DeviceCursor.book_id == b)
                .values(seq=s)
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
