"""The server half of the sync protocol: push: idempotent, merged, validated. See ``docs/sync.md``.

Every function runs inside the caller's transaction; the caller commits. Writers lock the rows of
the books they change before they read the records they merge, so within one book sequence
numbers are handed out in commit order.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db import migrate as book_migrate
from crmdesk.db.record_schema import (
    UNKNOWN_TOTAL_MAX_BYTES,
    Problem,
    check_values,
    is_record_id,
    table_specs,
)
from crmdesk.server import audit
from crmdesk.server.crud import lease_column, lease_of, read_books, write_books
from crmdesk.server.errors import ApiError
from crmdesk.server.models import (
    Device,
    Quarantine,
    SyncRecord,
    User,
    utcnow,
)
from crmdesk.server.syncing.writer import BookWriter, change_of
from crmdesk.sync.protocol import (
    COMPANY_BOOK,
    CONFLICTS_TABLE,
    SHARED_TABLES,
    SILENT_FIELDS,
    FieldProblem,
    Mutation,
    MutationResult,
    PushRequest,
    PushResponse,
)

CONFLICT_FIELDS = frozenset({"resolved", "deleted", "updated_at"})


# ---- push --------------------------------------------------------------------------------------


def push(
    session: Session,
    *,
    device: Device,
    user: User,
    request: PushRequest,
    epoch: str,
    lease_days: int = 0,
) -> PushResponse:
    """Apply a device's mutations. ``lease_days``: the sign-in locked ``device``'s row and read
    the lease (``crud.authenticate_for_push``); 0: lock and read them here."""
    if lease_days:
        locked, lease = device, lease_days
    else:
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
    lenient = schema_is_newer(request.schema_rev)
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
        problems = validate_mutation(m, lenient=lenient)
        if problems:
            results.append(_quarantine(session, device, user, m, "invalid", problems))
            continue
        results.append(_apply(session, writer, device, user, writable, readable, m))
    locked.last_seq = expected - 1
    locked.schema_rev = request.schema_rev[:40]
    with session.no_autoflush:
        # The audit entries now, so the book row's new head goes out in the same UPDATE as its
        # new sequence number (one statement less per push).
        audit.append_pending(session)
    session.flush()
    writer.notify()
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


def schema_is_newer(schema_rev: str) -> bool:
    """A device whose book schema this server does not know runs a newer crmdesk: its unknown
    tables, fields and vocabulary terms are kept (bounded) and passed on (docs/sync.md)."""
    return bool(schema_rev) and schema_rev not in book_migrate.known_revisions()


def validate_mutation(m: Mutation, *, lenient: bool) -> list[Problem]:
    """Everything wrong with ``m`` against the book's record schema (empty: nothing)."""
    specs = table_specs()
    if m.tbl == CONFLICTS_TABLE:
        return [
            Problem(f, "must be true or false", "type")
            for f in ("resolved", "deleted")
            if f in m.fields and not isinstance(m.fields[f], bool)
        ]
    spec = specs.get(m.tbl)
    if spec is None:
        if not lenient:
            return [Problem("", f"{m.tbl!r} is not a table this server knows", "unknown_table")]
        size = len(json.dumps([m.fields, m.row], ensure_ascii=False).encode())
        if size > UNKNOWN_TOTAL_MAX_BYTES:
            return [Problem("", f"a record of an unknown table is {size:,} bytes", "too_long")]
        return []
    problems: list[Problem] = []
    if not is_record_id(m.id):
        problems.append(Problem("id", "must be a record id (a UUID)", "id_shape"))
    problems += check_values(spec, m.fields, full_row=False, lenient=lenient)
    if m.row is not None:
        seen = {(p.field, p.code) for p in problems}
        problems += [
            p
            for p in check_values(spec, {**m.row, **m.fields}, full_row=True, lenient=lenient)
            if (p.field, p.code) not in seen
        ]
    return problems


def _quarantine(
    session: Session,
    device: Device,
    user: User,
    m: Mutation,
    reason: str,
    problems: list[Problem] | None = None,
) -> MutationResult:
    detail: dict[str, Any] = {"reason": reason, "fields": sorted(m.fields)[:50]}
    if problems:
        # Field names and codes only: the reason may quote the (customer's) value.
        detail["problems"] = [[p.field, p.code] for p in problems[:20]]
    audit.record(session, "quarantine", tbl=m.tbl[:40], record_id=m.id, detail=detail)
    session.add(
        Quarantine(
            device_id=device.id,
            user_id=user.id,
            tbl=m.tbl[:40],
            record_id=m.id,
            seq=m.seq,
            mutation=m.model_dump(mode="json"),
            reason=reason,
            problems=[p.as_dict() for p in problems] if problems else None,
        )
    )
    if problems:
        return MutationResult(
            seq=m.seq,
            status="invalid",
            field=problems[0].field,
            reason=problems[0].reason,
            problems=[FieldProblem(**p.as_dict()) for p in problems],
        )
    return MutationResult(seq=m.seq, status="quarantined")


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
