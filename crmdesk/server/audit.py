"""The audit log: who created, changed, deleted, moved, exported what, when, from which device.

Tamper-evident: entry ``n`` of a chain stores ``sha256(prev_hash + canonical JSON of the
entry)``, so a row changed, removed or slipped in breaks the chain at that entry (``verify``).
One chain per book: a push's entries go to the pushing user's book, whose row the push holds
locked anyway, and everything else (admin acts, enrolments, handovers) to the company book's. The
head of each chain (count and last hash) is kept in its book's row. (One chain for the whole
server made every push of every rep queue for one row lock until its commit.)

Work records entries as it goes (``record``: a list append, no query); they are appended when
the transaction commits (``append_pending``, run by the session factory's ``before_commit``): the
chain's book row is locked then (already held by a push; for other work taken last, after the
books the work locked — lock order books, company book last: no deadlock) for one batched insert
and the commit. On SQLite the write lock taken at ``BEGIN IMMEDIATE`` already orders writers.

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

from crmdesk.server.models import AuditEntry, Book, Device, User, utcnow
from crmdesk.sync.protocol import COMPANY_BOOK

GENESIS = "0" * 64
_PENDING = "crmdesk_audit_pending"
_ACTOR = "crmdesk_audit_actor"
_CHAIN = "crmdesk_audit_chain"
_LOCKED = "crmdesk_audit_locked_books"


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


def locked(session: Session, book: Book) -> None:
    """Note that this transaction holds ``book``'s row lock (its loaded row is current), so its
    chain head is read and written through it: no extra statements at commit."""
    session.info.setdefault(_LOCKED, {})[book.id] = book


def set_chain(session: Session, book_id: str) -> None:
    """Put the session's entries in ``book_id``'s chain (a book whose row it holds locked)."""
    session.info[_CHAIN] = book_id


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
        "chain": entry["chain"],
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


def append_pending(session: Session) -> None:
    """Chain and insert the transaction's entries (one locked read of the chain's book row, one
    batched insert, one update of the head)."""
    pending: list[dict[str, Any]] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    chain = session.info.get(_CHAIN, COMPANY_BOOK)
    book: Book | None = session.info.get(_LOCKED, {}).get(chain)
    if book is not None:
        n, prev = book.audit_n, book.audit_hash
    else:
        n, prev = session.execute(
            select(Book.audit_n, Book.audit_hash).where(Book.id == chain).with_for_update()
        ).one()
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for p in pending:
        n += 1
        row = {**p, "chain": chain, "n": n, "at": at, "prev_hash": prev}
        row["hash"] = prev = entry_hash(row)
        rows.append(row)
    session.execute(insert(AuditEntry), rows)
    if book is not None:
        book.audit_n, book.audit_hash = n, prev  # flushed with the book's new sequence number
    else:
        session.execute(update(Book).where(Book.id == chain).values(audit_n=n, audit_hash=prev))


def _forget_pending(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
        session.info.pop(_CHAIN, None)
        session.info.pop(_LOCKED, None)


def install(sessions: sessionmaker[Session]) -> None:
    """Make every session of ``sessions`` append its audit entries when it commits."""
    event.listen(sessions, "before_commit", append_pending)
    event.listen(sessions, "after_transaction_end", _forget_pending)


# ---- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int  # entries checked
    head: str  # the last hash of the only chain, or a digest of every chain's head
    bad_n: int | None = None
    problem: str = ""
    chains: int = 0
    bad_chain: str | None = None


def _label(chain: str, n: int) -> str:
    return str(n) if chain == COMPANY_BOOK else f"{chain}/{n}"


def _entries(session: Session, chain: str, batch: int = 2000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.chain == chain, AuditEntry.n > last)
            .order_by(AuditEntry.n)
            .limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield row
            session.expunge(row)  # a long chain is walked in constant memory
        last = rows[-1].n


def _as_dict(e: AuditEntry) -> dict[str, Any]:
    return {
        "chain": e.chain,
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


def _verify_chain(
    session: Session, chain: str, head_n: int, head_hash: str
) -> tuple[int, str, int | None, str]:
    """(entries, last hash, first bad n or None, problem) of one chain."""
    expected, prev = 1, GENESIS
    for e in _entries(session, chain):
        where = _label(chain, e.n)
        if e.n != expected:
            return expected - 1, prev, expected, f"entry {_label(chain, expected)} is missing"
        if e.prev_hash != prev:
            return expected - 1, prev, e.n, f"entry {where} does not follow the one before"
        if entry_hash(_as_dict(e)) != e.hash:
            return expected - 1, prev, e.n, f"entry {where} was changed"
        expected, prev = expected + 1, e.hash
    count = expected - 1
    if head_n > count:
        return count, prev, count + 1, f"entry {_label(chain, count + 1)} is missing"
    if head_n < count or head_hash != prev:
        bad = head_n + 1 if head_n < count else count
        return count, prev, bad, f"entry {_label(chain, bad)} is not the chain's head"
    return count, prev, None, ""


def verify(session: Session) -> Verdict:
    """Walk every chain from its first entry: numbers without gaps, each hash recomputed and
    linked to the one before, the last one equal to the head kept in the book's row."""
    heads = {
        b: (n, h) for b, n, h in session.execute(select(Book.id, Book.audit_n, Book.audit_hash))
    }
    chains = sorted(set(heads) | set(session.scalars(select(AuditEntry.chain).distinct())))
    total, lasts = 0, []
    for chain in chains:
        # Entries of a book that does not exist meet a head of none: slipped in.
        head_n, head_hash = heads.get(chain, (0, GENESIS))
        count, last, bad, problem = _verify_chain(session, chain, head_n, head_hash)
        total += count
        if bad is not None:
            return Verdict(False, total, last, bad, problem, len(chains), chain)
        if count:
            lasts.append(f"{chain}:{last}")
    used = len(lasts)
    if used == 1:
        head = lasts[0].split(":", 1)[1]
    else:
        head = hashlib.sha256("\n".join(lasts).encode()).hexdigest()
    return Verdict(True, total, head, chains=used)


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
    order = (AuditEntry.at.desc(), AuditEntry.chain, AuditEntry.n.desc())
    rows = session.scalars(stmt.order_by(*order).limit(limit)).all()
    return list(reversed(rows))
