"""What the book knows of its sync, for the status bar and the conflicts screen: the status
(pending edits, open conflicts, rows set aside, the lease) and the review of conflicts (restore
the losing value, or keep the winner).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select

from crmdesk.core.errors import NotFoundError
from crmdesk.db.audit_queue import PENDING_AUDIT
from crmdesk.db.models import SYNCED_MODELS, Record
from crmdesk.db.record_schema import decode_value, table_specs
from crmdesk.db.sync_state import SyncConflict, SyncOutbox, SyncShadow
from crmdesk.sync.connection import ServerConnection
from crmdesk.sync.protocol import CONFLICTS_TABLE


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    username: str | None
    last_sync_at: dt.datetime | None
    pending: int
    open_conflicts: int
    last_error: str | None
    last_error_code: str | None
    # Records pulled that this book could not hold (a value of the wrong type or length, two
    # tiers with one code...), set aside: (table, id); their reasons in ``set_aside``.
    rejected: tuple[tuple[str, str], ...] = ()
    role: str | None = None  # rep, manager or admin (from enrolment)
    lease_until: dt.datetime | None = None  # the book will not open offline after this
    pending_audit: int = 0  # audit events waiting to be sent
    set_aside: tuple[tuple[str, str, str], ...] = ()  # (table, id, reason) of ``rejected``


@dataclass(frozen=True)
class ConflictView:
    id: str
    tbl: str
    record_id: str
    field: str
    kind: str  # "field": a losing value; "delete": a delete that did not happen
    value: Any
    winner: Any
    at: str
    resolved: bool
    device_id: str = ""  # the device whose value lost


class SyncReview(ServerConnection):
    """Status and conflict review of one book (a part of ``SyncClient``)."""

    def status(self) -> SyncStatus:
        m = self._read(
            "server_url",
            "username",
            "last_sync_at",
            "last_error",
            "last_error_code",
            "rejected",
            "role",
            "lease_until",
            PENDING_AUDIT,
        )
        with self.book.engine.connect() as conn:
            pending = conn.execute(select(func.count()).select_from(SyncOutbox)).scalar() or 0
            conflicts = (
                conn.execute(
                    select(func.count())
                    .select_from(SyncConflict)
                    .where(SyncConflict.resolved.is_(False))
                ).scalar()
                or 0
            )
        last = m["last_sync_at"]
        set_aside = tuple(
            (str(e[0]), str(e[1]), str(e[2]) if len(e) > 2 else "")
            for e in json.loads(m["rejected"] or "[]")
        )
        return SyncStatus(
            enrolled=m["server_url"] is not None,
            server_url=m["server_url"],
            username=m["username"],
            last_sync_at=dt.datetime.fromisoformat(last) if last else None,
            pending=pending,
            open_conflicts=conflicts,
            last_error=m["last_error"],
            last_error_code=m["last_error_code"],
            rejected=tuple((t, i) for t, i, _ in set_aside),
            set_aside=set_aside,
            role=m["role"],
            lease_until=dt.datetime.fromisoformat(m["lease_until"]) if m["lease_until"] else None,
            pending_audit=len(json.loads(m[PENDING_AUDIT] or "[]")),
        )

    def conflicts(self, *, include_resolved: bool = False) -> list[ConflictView]:
        with self.book.sessions() as s:
            stmt = select(SyncConflict).order_by(SyncConflict.at, SyncConflict.id)
            if not include_resolved:
                stmt = stmt.where(SyncConflict.resolved.is_(False))
            return [
                ConflictView(
                    c.id,
                    c.tbl,
                    c.record_id,
                    c.field,
                    c.kind,
                    c.value,
                    c.winner,
                    c.at,
                    c.resolved,
                    c.device_id or "",
                )
                for c in s.scalars(stmt)
            ]

    def device_names(self) -> dict[str, str]:
        """Device id -> username, as far as this book knows (this device, and the devices the
        last ``team()`` listed)."""
        m = self._read("device_names", "device_id", "username")
        names: dict[str, str] = json.loads(m["device_names"] or "{}")
        if m["device_id"] and m["username"]:
            names[m["device_id"]] = m["username"]
        return names

    def book_names(self) -> dict[str, str]:
        """Book id -> its owner's username, from the last pull."""
        names: dict[str, str] = json.loads(self._read("book_names")["book_names"] or "{}")
        return names

    def restore_conflict(self, conflict_id: str) -> None:
        """Put the losing value back (or, for a delete, delete the record) and close the conflict.

        The restore is an ordinary local edit: it goes through the outbox and wins on the server
        unless someone changed the field again meanwhile.
        """
        self._close_conflict(conflict_id, restore=True)

    def dismiss_conflict(self, conflict_id: str) -> None:
        """Keep the current value; mark the conflict reviewed."""
        self._close_conflict(conflict_id, restore=False)

    def _close_conflict(self, conflict_id: str, *, restore: bool) -> None:
        models = {m.__tablename__: m for m in SYNCED_MODELS}
        with self._lock, self.book.sessions() as s, s.begin():
            c = s.get(SyncConflict, conflict_id)
            if c is None or c.resolved:
                raise NotFoundError("no such open conflict", field="conflict")
            if restore and c.tbl in models:
                rec: Record | None = s.get(models[c.tbl], c.record_id)
                if rec is None:
                    raise NotFoundError("the record of this conflict is gone", field="conflict")
                if c.kind == "delete":
                    rec.deleted = True
                else:
                    spec = table_specs()[c.tbl]
                    setattr(rec, c.field, decode_value(spec, c.field, c.value))
                s.flush()
            c.resolved = True
            shadow = s.get(SyncShadow, (CONFLICTS_TABLE, conflict_id))
            s.execute(
                insert(SyncOutbox).values(
                    tbl=CONFLICTS_TABLE,
                    record_id=conflict_id,
                    base_version=shadow.version if shadow else 0,
                    fields={"resolved": True, "deleted": True},
                    row=None,
                )
            )
