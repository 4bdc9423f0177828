"""The sync client: push the outbox, pull the scope, recover from a server that lost data.

Qt-free and blocking: the GUI calls it from its database worker thread (never the GUI thread).
One ``SyncClient`` per open book; its methods are serialised by a lock, so "Sync now" and the
background loop may call ``sync_once`` concurrently without harm. Every failure is a
``SyncError`` with a stable ``code`` (``offline``, ``update_required``, ``unauthorised``,
``not_enrolled``, ``server``...) that the GUI maps to translated text.

See ``docs/sync.md`` for the protocol.
"""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel
from sqlalchemy import Connection, delete, insert, select

from crmdesk.db import migrate
from crmdesk.db.audit_event import AuditEvent
from crmdesk.db.audit_queue import MAX_QUEUED_AUDIT, PENDING_AUDIT, record_audit_event
from crmdesk.db.record_schema import table_specs
from crmdesk.db.sync_state import SyncOutbox, SyncShadow
from crmdesk.sync import apply
from crmdesk.sync.company_calls import CompanyCalls
from crmdesk.sync.connection import SyncError, wipes_when_revoked
from crmdesk.sync.protocol import (
    CONFLICTS_TABLE,
    DEFAULT_LEASE_DAYS,
    DEVICE_REVOKED,
    MAX_PUSH_BATCH,
    SHARED_TABLES,
    PushResponse,
    RestoreCheckResponse,
    WaitResponse,
)
from crmdesk.sync.review import ConflictView, SyncReview, SyncStatus
from crmdesk.sync.wipe import TOKEN_PREFIX

PUSH_BATCH = 200
# Rows per pulled page: each page is one local transaction (fewer, larger commits write each
# b-tree page fewer times), and the next page is fetched while one is applied.
PULL_LIMIT = 10_000
# sync_meta: the SQL of the indexes a first sync dropped, until they are built again.
DEFERRED_INDEXES = "deferred_indexes"


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    pulled: int
    conflicts: int
    quarantined: int


class SyncClient(SyncReview, CompanyCalls):
    """Sync for one open book: the connection (:mod:`crmdesk.sync.connection`), its status and
    conflict review (:mod:`crmdesk.sync.review`), the company calls
    (:mod:`crmdesk.sync.company_calls`) and, here, push, pull and recovery."""

    # ---- sync ------------------------------------------------------------------------------

    @wipes_when_revoked
    def sync_once(self) -> SyncReport:
        """Push every pending edit and the queued audit events, then pull until the scope is
        current. A device the server says was revoked is wiped (see ``crmdesk.sync.wipe``)."""
        with self._lock:
            try:
                if self._read("recover")["recover"] == "1":
                    self._recover()
                pushed, conflicts, quarantined = self.push()
                self.send_audit_events()
                pulled = self.pull()
                if self._read("recover")["recover"] == "1":
                    self._recover()
                    pushed2, c2, q2 = self.push()
                    pulled += self.pull()
                    pushed, conflicts, quarantined = (
                        pushed + pushed2,
                        conflicts + c2,
                        quarantined + q2,
                    )
            except SyncError as exc:
                if exc.code != DEVICE_REVOKED:  # else the book is about to go
                    self._write(last_error=exc.message, last_error_code=exc.code)
                raise
            now = dt.datetime.now(dt.UTC).isoformat()
            self._write(last_sync_at=now, last_error=None, last_error_code=None)
            return SyncReport(pushed, pulled, conflicts, quarantined)

    @wipes_when_revoked
    def push(self) -> tuple[int, int, int]:
        """Push the outbox, oldest first; return (pushed, conflicts, quarantined). Mutations
        the server found invalid count as quarantined (kept there for the administrator)."""
        pushed = conflicts = quarantined = 0
        batch = PUSH_BATCH
        with self._lock:
            while True:
                with self.book.engine.connect() as conn:
                    entries = conn.execute(
                        select(SyncOutbox).order_by(SyncOutbox.seq).limit(batch)
                    ).all()
                    acked = int(self._meta(conn, "acked_through") or 0)
                if not entries:
                    return pushed, conflicts, quarantined
                body = {
                    "protocol": self._protocol,
                    "schema_rev": migrate.head_revision(),
                    "acked_through": acked,
                    "mutations": [
                        {
                            "seq": e.seq,
                            "tbl": e.tbl,
                            "id": e.record_id,
                            "base_version": e.base_version,
                            "fields": e.fields,
                            "row": e.row,
                        }
                        for e in entries[:MAX_PUSH_BATCH]
                    ],
                }
                try:
                    answer = self._post("/api/v1/sync/push", body)
                except SyncError as exc:
                    if exc.code == "too_large" and batch > 1:
                        batch = max(1, batch // 2)  # the server caps request bodies
                        continue
                    raise
                resp = _parsed(PushResponse, answer)
                c, q = self._acknowledge(resp)
                pushed += len(entries)
                conflicts += c
                quarantined += q
                if resp.server_restored:
                    self._write(recover="1")

    def _acknowledge(self, resp: PushResponse) -> tuple[int, int]:
        conflicts = quarantined = 0
        with apply.foreign_keys_off(self.book.engine) as conn, conn.begin():
            self._check_epoch(conn, resp.epoch)
            for r in resp.results:
                entry = conn.execute(select(SyncOutbox).where(SyncOutbox.seq == r.seq)).first()
                conn.execute(delete(SyncOutbox).where(SyncOutbox.seq == r.seq))
                if entry is None:
                    continue
                if r.status == "conflict":
                    conflicts += 1
                elif r.status == "invalid":
                    quarantined += 1
                elif r.status == "need_row" or (r.status == "replay" and r.current is None):
                    self._queue_full_row(conn, entry.tbl, entry.record_id, base=0)
                elif r.status == "replay" and r.current is not None:
                    # The first answer was lost: take the server's row (pending fields kept).
                    apply.apply_changes(
                        conn, [r.current.model_dump()], pending=apply.pending_fields(conn), mark=0
                    )
                    self._reindex(conn, {r.current.tbl: [r.current.id]})
                elif r.status == "quarantined":
                    quarantined += 1
                    if r.current is not None:
                        pending = apply.pending_fields(conn)
                        apply.apply_changes(conn, [r.current.model_dump()], pending=pending, mark=0)
                        self._reindex(conn, {r.current.tbl: [r.current.id]})
                    elif r.gone:
                        removed = apply.remove_records(conn, [(entry.tbl, entry.record_id)])
                        self._reindex(conn, removed)
            self._set_meta(conn, "acked_through", str(resp.last_seq))
        return conflicts, quarantined

    def _queue_full_row(self, conn: Connection, tbl: str, record_id: str, *, base: int) -> bool:
        if tbl not in apply.tables():
            return False
        table = apply.tables()[tbl]
        row = conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if row is None:
            return False
        spec = table_specs()[tbl]
        from crmdesk.db.record_schema import encode_value

        data = {f: encode_value(row[f]) for f in spec.fields}
        conn.execute(
            insert(SyncOutbox).values(
                tbl=tbl, record_id=record_id, base_version=base, fields=data, row=data
            )
        )
        return True

    def _check_epoch(self, conn: Connection, epoch: str) -> None:
        known = self._meta(conn, "epoch")
        if known is None:
            self._set_meta(conn, "epoch", epoch)
        elif known != epoch:
            self._set_meta(conn, "epoch", epoch)
            self._set_meta(conn, "recover", "1")

    @wipes_when_revoked
    def pull(self) -> int:
        """Pull pages until the scope is current; return the number of rows applied. Each page
        renews the book's lease (see ``crmdesk.sync.lease``)."""
        with self._lock:
            with self.book.engine.begin() as conn:
                if not json.loads(self._meta(conn, "cursor") or "{}"):
                    # A first sync: apply every page, then build the search index and the
                    # tables' own secondary indexes once, at the end.
                    self._set_meta(conn, "index_stale", "1")
                    deferred = json.loads(self._meta(conn, DEFERRED_INDEXES) or "[]")
                    deferred += apply.defer_indexes(conn)
                    self._set_meta(
                        conn, DEFERRED_INDEXES, json.dumps(deferred) if deferred else None
                    )
            try:
                return self._pull_pages()
            finally:
                self._rebuild_index_if_stale()

    def _pull_pages(self) -> int:
        """Fetch and apply pages; the next page is fetched while the last one is applied.

        Each request says which cursor to read from and, separately, which one is applied:
        the server keeps the applied one (the tombstone horizon), so fetching ahead never
        tells it more than the book holds.
        """
        url = self._read("server_url")["server_url"]
        if url is None:
            raise SyncError("this book is not enrolled with a server", code="not_enrolled")
        token = self._token()

        def fetch(cursor: dict[str, int], applied: dict[str, int]) -> dict[str, Any]:
            body = {
                "protocol": self._protocol,
                "cursor": cursor,
                "applied": applied,
                "limit": PULL_LIMIT,
            }
            return _checked_page(self._request(url, "/api/v1/sync/pull", body, token=token))

        total = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-pull") as ahead:
            with self.book.engine.connect() as conn:
                cursor = json.loads(self._meta(conn, "cursor") or "{}")
            future: Future[dict[str, Any]] = ahead.submit(fetch, cursor, cursor)
            while True:
                page = future.result()
                self._renew_lease(page)
                if page["server_behind"]:
                    self._write(recover="1")
                    return total
                if page["resync"]:
                    self._start_resync(page["resync"])
                    with self.book.engine.connect() as conn:
                        cursor = json.loads(self._meta(conn, "cursor") or "{}")
                    future = ahead.submit(fetch, cursor, cursor)
                    continue
                if page["more"]:
                    future = ahead.submit(fetch, page["cursor"], cursor)
                applied = self._apply_page(page, cursor)
                total += applied
                with self.book.engine.connect() as conn:
                    cursor = json.loads(self._meta(conn, "cursor") or "{}")
                if not page["more"]:
                    self._finish_resync()
                    return total
                if any(cursor.get(b) != seq for b, seq in page["cursor"].items()):
                    # Not applied (another sync got there first, or recovery began): the page
                    # fetched ahead is stale; read again from the book's cursor.
                    future.result()
                    if self._read("recover")["recover"] == "1":
                        return total
                    future = ahead.submit(fetch, cursor, cursor)

    def _renew_lease(self, page: dict[str, Any]) -> None:
        """The server answered: the book may stay offline ``lease_days`` from now."""
        days = page.get("lease_days")
        if type(days) is not int or not 0 < days <= 3650:
            days = DEFAULT_LEASE_DAYS
        until = dt.datetime.now(dt.UTC) + dt.timedelta(days=days)
        values: dict[str, str | None] = {"lease_until": until.isoformat()}
        if isinstance(page.get("book_names"), dict):
            values["book_names"] = json.dumps(page["book_names"], sort_keys=True)
        self._write(**values)

    def _apply_page(self, page: dict[str, Any], old_cursor: dict[str, int]) -> int:
        with apply.foreign_keys_off(self.book.engine) as conn, conn.begin():
            self._check_epoch(conn, page["epoch"])
            if self._meta(conn, "recover") == "1":
                return 0
            current = json.loads(self._meta(conn, "cursor") or "{}")
            if current != old_cursor:  # another sync applied meanwhile: drop this page
                return 0
            mark = int(self._meta(conn, "mark") or 0)
            pending = apply.pending_fields(conn)
            rejected: list[tuple[str, str]] = []
            reasons: dict[tuple[str, str], str] = {}
            written = apply.apply_changes(
                conn,
                page["changes"],
                pending=pending,
                mark=mark,
                rejected=rejected,
                reasons=reasons,
            )
            departures = [d for d in page["departures"] if _is_departure(d)]
            settled = {t: list(ids) for t, ids in written.items()}
            for d in departures:
                settled.setdefault(d["tbl"], []).append(d["id"])
            self._set_aside(conn, reasons, settled, len(page["departures"]) - len(departures))
            removed = apply.apply_departures(conn, departures)
            merged = {**page["cursor"]}
            for book, seq in current.items():
                if seq > merged.get(book, 0) and book not in page["cursor"]:
                    merged[book] = seq
            self._set_meta(conn, "cursor", json.dumps(merged, sort_keys=True))
            for tbl, ids in removed.items():
                written.setdefault(tbl, []).extend(ids)
            self._reindex(conn, written)
        return len(page["changes"]) + len(page["departures"])

    def _set_aside(
        self,
        conn: Connection,
        reasons: dict[tuple[str, str], str],
        written: dict[str, list[str]],
        bad_departures: int,
    ) -> None:
        """Remember the pulled rows this book could not take, with their reasons (shown in the
        status bar and ``crmdesk sync --status``); forget the ones a later pull brought in good
        shape or took away (``written``: ids per table); queue an audit event so the server's
        log shows what this device refused."""
        known = {
            (str(e[0]), str(e[1])): str(e[2]) if len(e) > 2 else ""
            for e in json.loads(self._meta(conn, "rejected") or "[]")
        }
        fixed = {(t, i) for t, ids in written.items() for i in ids}
        new = {k: v for k, v in reasons.items() if k not in known}
        if bad_departures:
            new[("?", f"{bad_departures} departures")] = "not shaped like a departure"
        merged = {k: v for k, v in {**known, **reasons}.items() if k not in fixed}
        if merged != known:
            entries = [[t, i, r] for (t, i), r in sorted(merged.items())]
            self._set_meta(conn, "rejected", json.dumps(entries) if entries else None)
        if new and self._meta(conn, "server_url") is not None:
            # Table names as the server sent them, printable only (they may be anything).
            tables = sorted({"".join(ch for ch in t if ch.isprintable()) for t, _ in new})
            event = AuditEvent(
                at=dt.datetime.now(dt.UTC),
                action="set_aside",
                what=("pulled rows this book could not take: " + ", ".join(tables))[:200],
                count=len(new),
            )
            queue = json.loads(self._meta(conn, PENDING_AUDIT) or "[]")
            queue.append(event.model_dump(mode="json"))
            self._set_meta(conn, PENDING_AUDIT, json.dumps(queue[-MAX_QUEUED_AUDIT:]))

    def _reindex(self, conn: Connection, written: dict[str, list[str]]) -> None:
        """Bring the search index in step with rows written by Core (once per page). While a
        first sync runs the index is marked stale instead, and rebuilt once at its end."""
        from crmdesk.db import search

        if self._meta(conn, "index_stale") == "1":
            return
        if written.get("accounts"):
            search.reindex(conn, "account", written["accounts"])  # and their contacts
        if written.get("contacts"):
            search.reindex(conn, "contact", written["contacts"])

    def _rebuild_index_if_stale(self) -> None:
        from crmdesk.db import search

        with self.book.engine.begin() as conn:
            deferred = self._meta(conn, DEFERRED_INDEXES)
            if deferred:
                apply.restore_indexes(conn, json.loads(deferred))
                self._set_meta(conn, DEFERRED_INDEXES, None)
            if self._meta(conn, "index_stale") == "1":
                search.rebuild(conn)
                self._set_meta(conn, "index_stale", None)

    # ---- resync and recovery ---------------------------------------------------------------

    def _start_resync(self, books: list[str]) -> None:
        """Pull ``books`` again from the start; what is not seen again is removed at the end."""
        with self.book.engine.begin() as conn:
            cursor = json.loads(self._meta(conn, "cursor") or "{}")
            resync = set(json.loads(self._meta(conn, "resync") or "[]"))
            for b in books:
                cursor[b] = 0
                resync.add(b)
            mark = int(self._meta(conn, "mark") or 0) + 1
            self._set_meta(conn, "mark", str(mark))
            self._set_meta(conn, "cursor", json.dumps(cursor, sort_keys=True))
            self._set_meta(conn, "resync", json.dumps(sorted(resync)))

    def _finish_resync(self) -> None:
        with apply.foreign_keys_off(self.book.engine) as conn, conn.begin():
            resync = json.loads(self._meta(conn, "resync") or "[]")
            if not resync:
                return
            mark = int(self._meta(conn, "mark") or 0)
            pending = apply.pending_fields(conn)
            stale = [
                (t, i)
                for t, i in conn.execute(
                    select(SyncShadow.tbl, SyncShadow.record_id).where(
                        SyncShadow.book_id.in_(resync), SyncShadow.mark != mark
                    )
                )
                if (t, i) not in pending
            ]
            removed = apply.remove_records(conn, stale)
            self._reindex(conn, removed)
            self._set_meta(conn, "resync", None)

    def _recover(self) -> None:
        """The server lost data (restored from a backup, or a new database): resend what it
        lacks of this device's own records, then pull everything again."""
        m = self._read("book_id", "role")
        own = {m["book_id"] or ""}
        with self.book.engine.connect() as conn:
            shadow = conn.execute(
                select(SyncShadow.tbl, SyncShadow.record_id, SyncShadow.version, SyncShadow.book_id)
            ).all()
        mine = [(t, i, v) for t, i, v, b in shadow if b in own and t != CONFLICTS_TABLE]
        behind: list[tuple[str, str, int]] = []
        for start in range(0, len(mine), 5000):
            resp = self._post(
                "/api/v1/sync/restore-check",
                {"protocol": self._protocol, "records": mine[start : start + 5000]},
            )
            behind += _parsed(RestoreCheckResponse, resp).behind
        known = {(t, i) for t, i, _, _ in shadow}
        with self.book.engine.begin() as conn:
            queued = {(t, i) for t, i in conn.execute(select(SyncOutbox.tbl, SyncOutbox.record_id))}
            for t, i, v in behind:
                if (t, i) not in queued:
                    self._queue_full_row(conn, t, i, base=v)
            # Records this device made and the server acknowledged but never sent back.
            for tbl, table in apply.tables().items():
                if tbl in SHARED_TABLES and m["role"] == "rep":
                    continue
                for (rid,) in conn.execute(select(table.c.id)):
                    if (tbl, rid) not in known and (tbl, rid) not in queued:
                        self._queue_full_row(conn, tbl, rid, base=0)
            self._set_meta(conn, "recover", None)
            cursor = json.loads(self._meta(conn, "cursor") or "{}")
        self._start_resync(list(cursor))
        self.push()

    # ---- waiting for changes ---------------------------------------------------------------

    @wipes_when_revoked
    def wait_for_change(self, timeout: float = 25.0) -> bool:
        """Block until the server says something in scope changed (True) or ``timeout``."""
        cursor = json.loads(self._read("cursor")["cursor"] or "{}")
        body = self._post(
            "/api/v1/sync/wait",
            {"protocol": self._protocol, "cursor": cursor, "timeout": timeout},
        )
        return _parsed(WaitResponse, body).changed


_PAGE_SHAPE: dict[str, type | tuple[type, ...]] = {
    "epoch": str,
    "changes": list,
    "departures": list,
    "cursor": dict,
    "more": bool,
    "resync": list,
    "server_behind": bool,
}


def _checked_page(page: Any) -> dict[str, Any]:
    """A pull page whose frame this client can walk (rows inside are checked one by one when
    applied); else a SyncError, never a traceback."""
    if not isinstance(page, dict) or any(
        not isinstance(page.get(k), kind) for k, kind in _PAGE_SHAPE.items()
    ):
        raise SyncError("the server sent a page this crmdesk cannot read", code="bad_answer")
    cursor = page["cursor"]
    if not all(isinstance(b, str) and type(s) is int and s >= 0 for b, s in cursor.items()):
        raise SyncError("the server sent a page with a broken cursor", code="bad_answer")
    if not all(isinstance(b, str) for b in page["resync"]):
        raise SyncError("the server sent a page this crmdesk cannot read", code="bad_answer")
    return page


def _is_departure(d: Any) -> bool:
    return (
        isinstance(d, dict)
        and all(isinstance(d.get(k), str) for k in ("tbl", "id", "book"))
        and type(d.get("seq")) is int
    )


M = TypeVar("M", bound=BaseModel)


def _parsed(model: type[M], answer: Any) -> M:
    """The server's answer as ``model``; an answer of another shape is a SyncError."""
    try:
        return model.model_validate(answer)
    except pydantic.ValidationError:
        raise SyncError(
            f"the server's answer is not a {model.__name__} this crmdesk can read",
            code="bad_answer",
        ) from None


__all__ = [
    "TOKEN_PREFIX",
    "ConflictView",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "SyncStatus",
    "record_audit_event",
]
