"""The audit log: who created, changed, deleted, moved, exported what, when, from which device.

Tamper-evident: entry ``n`` stores ``sha256(prev_hash + canonical JSON of the entry)``, so a row
changed, removed or slipped in breaks the chain at that entry (``verify``). One chain for the
whole server, its head (count and last hash) kept in ``server_meta``.

Work records entries as it goes (``record``: a list append, no query); they are appended when
the transaction commits (``append_pending``, run by the session factory's ``before_commit``): the
chain head is locked then, after the books the work locked, and held only for one batched insert
and the commit. On PostgreSQL that row lock orders concurrent appenders (books first, head last:
no deadlock); on SQLite the write lock taken at ``BEGIN IMMEDIATE`` already does.

Entries hold field names, counts and ids, never customer data: the log is read by admins who
need not see what a rep wrote about a customer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.server.models import AuditEntry, Device, ServerMeta, User, utcnow

HEAD_KEY = "audit_head"
GENESIS = "0" * 64
_PENDING = "crmdesk_audit_pending"
_ACTOR = "crmdesk_audit_actor"


@dataclass(frozen=True)
class Actor:
    """Who the entries of a session are by: a signed-in device's user, or an operator's CLI."""

    user_id: str | None
    username: str
    device_id: str | None = None

    @classmethod
    def of(cls, user: User, device: Device | None = None) -> Actor:
        return cls(user.id, user.username, device.id if device else None)


SYSTEM = Actor(None, "system")


def set_actor(session: Session, actor: Actor) -> None:
    session.info[_ACTOR] = actor


def actor_of(session: Session) -> Actor:
    actor: Actor = session.info.get(_ACTOR, SYSTEM)
    return actor


def record(
    session: Session,
    action: str,
    *,
    tbl: str = "",
    record_id: str = "",
    detail: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> None:
    """Note an entry for the current transaction (written when it commits, lost if it rolls
    back, like the work it describes)."""
    who = actor or actor_of(session)
    session.info.setdefault(_PENDING, []).append(
        {
            "user_id": who.user_id,
            "username": who.username[:120],
            "device_id": who.device_id,
            "action": action,
            "tbl": tbl[:40],
            "record_id": record_id[:64],
            "detail": detail or {},
        }
    )


def canonical(entry: dict[str, Any]) -> bytes:
    """The bytes an entry's hash covers: every column but the hash, in one fixed form."""
    at = entry["at"]
    body = {
        "n": entry["n"],
        "at": at.astimezone(dt.UTC).isoformat() if isinstance(at, dt.datetime) else at,
        "user_id": entry["user_id"],
        "username": entry["username"],
        "device_id": entry["device_id"],
        "action": entry["action"],
        "tbl": entry["tbl"],
        "record_id": entry["record_id"],
        "detail": entry["detail"],
        "prev_hash": entry["prev_hash"],
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def _parse_head(value: str) -> tuple[int, str]:
    n, h = value.split(" ", 1)
    return int(n), h


def append_pending(session: Session) -> None:
    """Chain and insert the transaction's entries (one locked read, one batched insert)."""
    pending: list[dict[str, Any]] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    head = session.execute(
        select(ServerMeta.value).where(ServerMeta.key == HEAD_KEY).with_for_update()
    ).scalar_one()
    n, prev = _parse_head(head)
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for p in pending:
        n += 1
        row = {**p, "n": n, "at": at, "prev_hash": prev}
        row["hash"] = prev = entry_hash(row)
        rows.append(row)
    session.execute(insert(AuditEntry), rows)
    session.execute(
        update(ServerMeta).where(ServerMeta.key == HEAD_KEY).values(value=f"{n} {prev}")
    )


def _forget_pending(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Make every session of ``sessions`` append its audit entries when it commits."""
    event.listen(sessions, "before_commit", append_pending)
    event.listen(sessions, "after_transaction_end", _forget_pending)


# ---- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int
    head: str
    bad_n: int | None = None
    problem: str = ""


def _entries(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.n > last).order_by(AuditEntry.n).limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield row
            session.expunge(row)  # a long chain is walked in constant memory
        last = rows[-1].n


def _as_dict(e: AuditEntry) -> dict[str, Any]:
    return {
        "n": e.n,
        "at": e.at,
        "user_id": e.user_id,
        "username": e.username,
        "device_id": e.device_id,
        "action": e.action,
        "tbl": e.tbl,
        "record_id": e.record_id,
        "detail": e.detail,
        "prev_hash": e.prev_hash,
    }


def verify(session: Session) -> Verdict:
    """Walk the chain from the first entry: numbers without gaps, each hash recomputed and
    linked to the one before, the last one equal to the head."""
    expected, prev = 1, GENESIS
    for e in _entries(session):
        if e.n != expected:
            return Verdict(False, expected - 1, prev, expected, f"entry {expected} is missing")
        if e.prev_hash != prev:
            return Verdict(False, expected - 1, prev, e.n, f"entry {e.n} does not follow {e.n - 1}")
        if entry_hash(_as_dict(e)) != e.hash:
            return Verdict(False, expected - 1, prev, e.n, f"entry {e.n} was changed")
        expected, prev = expected + 1, e.hash
    count = expected - 1
    head_value = session.scalar(select(ServerMeta.value).where(ServerMeta.key == HEAD_KEY))
    head_n, head_hash = _parse_head(head_value or f"0 {GENESIS}")
    if head_n > count:
        return Verdict(False, count, prev, count + 1, f"entry {count + 1} is missing")
    if head_n < count or head_hash != prev:
        bad = head_n + 1 if head_n < count else count
        return Verdict(False, count, prev, bad, f"entry {bad} is not the chain's head")
    return Verdict(True, count, prev)


def entries(
    session: Session,
    *,
    user: str | None = None,
    record_id: str | None = None,
    since: dt.datetime | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    """The latest ``limit`` entries matching the filters, oldest first. ``user`` is a username
    or a user id."""
    stmt = select(AuditEntry)
    if user:
        stmt = stmt.where((AuditEntry.username == user) | (AuditEntry.user_id == user))
    if record_id:
        stmt = stmt.where(AuditEntry.record_id == record_id)
    if since:
        stmt = stmt.where(AuditEntry.at >= since)
    rows = session.scalars(stmt.order_by(AuditEntry.n.desc()).limit(limit)).all()
    return list(reversed(rows))
