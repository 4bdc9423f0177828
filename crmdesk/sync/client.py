"""The sync client: enrol a device, push the outbox, pull the scope, review conflicts.

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
import platform
import socket
import ssl
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import httpx
from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.orm import Session

from crmdesk.core.errors import CrmdeskError, NotFoundError
from crmdesk.db import migrate
from crmdesk.db.audit_queue import PENDING_AUDIT, record_audit_event
from crmdesk.db.book import Book
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.models import SYNCED_MODELS, Record
from crmdesk.db.record_schema import decode_value, table_specs
from crmdesk.db.sync_state import (
    SyncConflict,
    SyncMeta,
    SyncOutbox,
    SyncShadow,
    set_meta_value,
)
from crmdesk.sync import apply
from crmdesk.sync.protocol import (
    CONFLICTS_TABLE,
    DEFAULT_LEASE_DAYS,
    DEVICE_REVOKED,
    MAX_PUSH_BATCH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SHARED_TABLES,
    AuditEventsResponse,
    HandoverRequest,
    HandoverResponse,
    PushResponse,
    RevokeResponse,
    TeamResponse,
)
from crmdesk.sync.wipe import REVOKED_MESSAGE, TOKEN_PREFIX, wipe_book

PUSH_BATCH = 200
PULL_LIMIT = 5000
MAX_AUDIT_BATCH = 1000  # AuditEventsRequest's limit

P = ParamSpec("P")
R = TypeVar("R")


class SyncError(CrmdeskError):
    code = "sync"


def _wipes_when_revoked(method: Callable[P, R]) -> Callable[P, R]:
    """A server call that, told the device was revoked, wipes the book (once) and says so."""

    @wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        client = args[0]
        assert isinstance(client, SyncClient)
        try:
            return method(*args, **kwargs)
        except SyncError as exc:
            if exc.code != DEVICE_REVOKED:
                raise
            client._wipe()
            raise SyncError(REVOKED_MESSAGE, code=DEVICE_REVOKED) from exc

    return call


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
    # Records pulled that this book could not hold (e.g. two tiers with one code): (table, id).
    rejected: tuple[tuple[str, str], ...] = ()
    role: str | None = None  # rep, manager or admin (from enrolment)
    lease_until: dt.datetime | None = None  # the book will not open offline after this
    pending_audit: int = 0  # audit events waiting to be sent


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    pulled: int
    conflicts: int
    quarantined: int


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


class SyncClient:
    """Sync for one open book. ``keystore`` holds the device token (``None``: the OS keyring;
    where no usable keyring exists the token is kept inside the encrypted book)."""

    def __init__(
        self,
        book: Book,
        *,
        keystore: KeyringStore | None = None,
        verify: bool | str = True,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        protocol: int = PROTOCOL_VERSION,
    ) -> None:
        self.book = book
        self._keystore = keystore
        self._verify = verify
        self._timeout = timeout
        self._transport = transport
        self._protocol = protocol
        self._lock = threading.RLock()
        self._http: httpx.Client | None = None
        self._wiped = False

    # ---- settings kept in the book --------------------------------------------------------

    def _meta(self, conn: Connection | Session, key: str) -> str | None:
        return conn.execute(select(SyncMeta.value).where(SyncMeta.key == key)).scalar()

    def _set_meta(self, conn: Connection | Session, key: str, value: str | None) -> None:
        set_meta_value(conn, key, value)

    def _read(self, *keys: str) -> dict[str, str | None]:
        with self.book.engine.connect() as conn:
            return {k: self._meta(conn, k) for k in keys}

    def _write(self, **values: str | None) -> None:
        with self.book.engine.begin() as conn:
            for k, v in values.items():
                self._set_meta(conn, k, v)

    # ---- HTTP ------------------------------------------------------------------------------

    def _client(self, url: str) -> httpx.Client:
        if self._http is None or str(self._http.base_url).rstrip("/") != url.rstrip("/"):
            if self._http is not None:
                self._http.close()
            ca = self._read("ca_file")["ca_file"] or (
                self._verify if isinstance(self._verify, str) else None
            )
            verify: bool | ssl.SSLContext = (
                ssl.create_default_context(cafile=ca) if ca else bool(self._verify)
            )
            # WORKAROUND: httpcore leaves Nagle's algorithm on, so a request written as headers
            # then body waits for the server's delayed ACK (40 ms on Linux) before the body
            # leaves: every sync would cost 40 ms more. See Stuart Cheshire, "TCP Performance
            # problems caused by interaction between Nagle's Algorithm and Delayed ACK",
            # http://www.stuartcheshire.org/papers/NagleDelayedAck/
            transport = self._transport or httpx.HTTPTransport(
                verify=verify, socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
            )
            self._http = httpx.Client(
                base_url=url,
                verify=verify,
                timeout=self._timeout,
                transport=transport,
                headers={PROTOCOL_HEADER: str(self._protocol)},
            )
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _post(self, path: str, body: dict[str, Any], *, token: str | None = None) -> Any:
        url = self._read("server_url")["server_url"]
        if url is None:
            raise SyncError("this book is not enrolled with a server", code="not_enrolled")
        return self._request(url, path, body, token=token or self._token())

    def _request(self, url: str, path: str, body: dict[str, Any], *, token: str | None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            r = self._client(url).post(path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SyncError(
                f"the server cannot be reached ({type(exc).__name__})", code="offline"
            ) from exc
        if r.status_code == 200:
            return r.json()
        try:
            err = r.json()
            code, message = str(err.get("code", "server")), str(err.get("message", ""))
        except ValueError:
            err, code, message = {}, "server", r.text[:200]
        if code == "server" and r.status_code == 403:
            code = "forbidden"  # a refusal without a code of its own
        error = SyncError(message or f"server error {r.status_code}", code=code)
        error.detail = err  # type: ignore[attr-defined]
        error.status = r.status_code  # type: ignore[attr-defined]
        raise error

    # ---- enrolment -------------------------------------------------------------------------

    def enrol(
        self,
        url: str,
        username: str,
        password: str,
        *,
        device_name: str | None = None,
        ca_file: str | None = None,
    ) -> None:
        """Sign this device in once; the token is kept in the keyring (or the encrypted book)."""
        with self._lock:
            url = url.rstrip("/")
            self._write(ca_file=ca_file)
            self.close()
            with self.book.engine.connect() as conn:
                start = conn.execute(text("SELECT max(seq) FROM sync_outbox")).scalar() or 0
                hwm = conn.execute(
                    text("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")
                ).scalar()
            start_seq = max(int(start), int(hwm or 0))
            # Entries still pending start after the mark; the server expects the next one.
            with self.book.engine.connect() as conn:
                first = conn.execute(select(func.min(SyncOutbox.seq))).scalar()
            if first is not None:
                start_seq = first - 1
            body = self._request(
                url,
                "/api/v1/enrol",
                {
                    "protocol": self._protocol,
                    "username": username,
                    "password": password,
                    "device_name": device_name or platform.node(),
                    "start_seq": start_seq,
                },
                token=None,
            )
            self._store_token(body["token"])
            self._write(
                server_url=url,
                device_id=body["device_id"],
                username=body["username"],
                user_id=body["user_id"],
                role=body["role"],
                book_id=body["book_id"],
                acked_through=str(start_seq),
                last_error=None,
                last_error_code=None,
                lease_until=(
                    dt.datetime.now(dt.UTC) + dt.timedelta(days=DEFAULT_LEASE_DAYS)
                ).isoformat(),
            )
            known_epoch = self._read("epoch")["epoch"]
            if known_epoch is not None and known_epoch != body["epoch"]:
                self._write(recover="1")
            self._write(epoch=body["epoch"])

    def _store_token(self, token: str) -> None:
        store = self._keystore if self._keystore is not None else KeyringStore()
        name = TOKEN_PREFIX + self.book.info.book_id
        if store.usable():
            store.store(name, RawKey(bytes.fromhex(token)))
            self._write(token_in="keyring", device_token=None)
        else:
            self._write(token_in="book", device_token=token)

    def _token(self) -> str:
        meta = self._read("token_in", "device_token")
        if meta["token_in"] == "book" and meta["device_token"]:
            return meta["device_token"]
        if meta["token_in"] == "keyring":
            store = self._keystore if self._keystore is not None else KeyringStore()
            return store.load(TOKEN_PREFIX + self.book.info.book_id).key.hex()
        raise SyncError("this book is not enrolled with a server", code="not_enrolled")

    # ---- status and conflicts --------------------------------------------------------------

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
        return SyncStatus(
            enrolled=m["server_url"] is not None,
            server_url=m["server_url"],
            username=m["username"],
            last_sync_at=dt.datetime.fromisoformat(last) if last else None,
            pending=pending,
            open_conflicts=conflicts,
            last_error=m["last_error"],
            last_error_code=m["last_error_code"],
            rejected=tuple((str(t), str(i)) for t, i in json.loads(m["rejected"] or "[]")),
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

    # ---- sync ------------------------------------------------------------------------------

    @_wipes_when_revoked
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

    @_wipes_when_revoked
    def push(self) -> tuple[int, int, int]:
        """Push the outbox, oldest first; return (pushed, conflicts, quarantined)."""
        pushed = conflicts = quarantined = 0
        with self._lock:
            while True:
                with self.book.engine.connect() as conn:
                    entries = conn.execute(
                        select(SyncOutbox).order_by(SyncOutbox.seq).limit(PUSH_BATCH)
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
                resp = PushResponse.model_validate(self._post("/api/v1/sync/push", body))
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

    @_wipes_when_revoked
    def pull(self) -> int:
        """Pull pages until the scope is current; return the number of rows applied. Each page
        renews the book's lease (see ``crmdesk.sync.lease``)."""
        with self._lock:
            with self.book.engine.begin() as conn:
                if not json.loads(self._meta(conn, "cursor") or "{}"):
                    # A first sync: apply every page, then build the search index once.
                    self._set_meta(conn, "index_stale", "1")
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
            page: dict[str, Any] = self._request(url, "/api/v1/sync/pull", body, token=token)
            return page

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
        days = int(page.get("lease_days") or DEFAULT_LEASE_DAYS)
        until = dt.datetime.now(dt.UTC) + dt.timedelta(days=days)
        values: dict[str, str | None] = {"lease_until": until.isoformat()}
        if "book_names" in page:
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
            written = apply.apply_changes(
                conn, page["changes"], pending=pending, mark=mark, rejected=rejected
            )
            if rejected:
                known = json.loads(self._meta(conn, "rejected") or "[]")
                self._set_meta(
                    conn, "rejected", json.dumps(sorted({*map(tuple, known), *rejected}))
                )
            removed = apply.apply_departures(conn, page["departures"])
            merged = {**page["cursor"]}
            for book, seq in current.items():
                if seq > merged.get(book, 0) and book not in page["cursor"]:
                    merged[book] = seq
            self._set_meta(conn, "cursor", json.dumps(merged, sort_keys=True))
            for tbl, ids in removed.items():
                written.setdefault(tbl, []).extend(ids)
            self._reindex(conn, written)
        return len(page["changes"]) + len(page["departures"])

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
            behind += [(str(t), str(i), int(v)) for t, i, v in resp["behind"]]
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

    @_wipes_when_revoked
    def wait_for_change(self, timeout: float = 25.0) -> bool:
        """Block until the server says something in scope changed (True) or ``timeout``."""
        cursor = json.loads(self._read("cursor")["cursor"] or "{}")
        body = self._post(
            "/api/v1/sync/wait",
            {"protocol": self._protocol, "cursor": cursor, "timeout": timeout},
        )
        return bool(body["changed"])

    @_wipes_when_revoked
    def reassign(self, account_id: str, to_username: str) -> int:
        """Hand an account and all on it to another user (managers and admins)."""
        body = self._post(
            "/api/v1/reassign",
            {"protocol": self._protocol, "account_id": account_id, "to_user": to_username},
        )
        return int(body["moved"])

    # ---- company assets: team, handover, revocation, audit events --------------------------

    @_wipes_when_revoked
    def team(self) -> TeamResponse:
        """The people the caller manages, with their devices (a rep: only self). Remembers
        which device is whose, so the conflicts screen can name the writer."""
        resp = TeamResponse.model_validate(self._post("/api/v1/team", {"protocol": self._protocol}))
        with self.book.engine.begin() as conn:
            names = json.loads(self._meta(conn, "device_names") or "{}")
            for member in resp.members:
                for device in member.devices:
                    names[device.id] = member.username
            self._set_meta(conn, "device_names", json.dumps(names, sort_keys=True))
        return resp

    @_wipes_when_revoked
    def handover(self, request: HandoverRequest) -> HandoverResponse:
        """Offboard a rep (离职交接): their records pass to the successors named in
        ``request`` (managers and admins). Sync afterwards to see the change."""
        body = request.model_copy(update={"protocol": self._protocol}).model_dump(mode="json")
        return HandoverResponse.model_validate(self._post("/api/v1/handover", body))

    @_wipes_when_revoked
    def revoke_device(self, device_id: str) -> bool:
        """Revoke a device: at its next contact it wipes its book. True when it was revoked
        now (False: it already was)."""
        body = {"protocol": self._protocol, "device_id": device_id}
        return RevokeResponse.model_validate(self._post("/api/v1/devices/revoke", body)).revoked

    def record_event(self, action: str, what: str, count: int = 0) -> bool:
        """Queue an audit event; see :func:`record_audit_event`."""
        return record_audit_event(self.book, action, what, count)

    @_wipes_when_revoked
    def send_audit_events(self) -> int:
        """Send the queued audit events; each leaves the queue only once the server accepted
        it. Returns how many were sent."""
        sent = 0
        with self._lock:
            while True:
                queue = json.loads(self._read(PENDING_AUDIT)[PENDING_AUDIT] or "[]")
                batch = queue[:MAX_AUDIT_BATCH]
                if not batch:
                    return sent
                body = {"protocol": self._protocol, "events": batch}
                try:
                    answer = self._post("/api/v1/audit/events", body)
                except SyncError as exc:
                    if getattr(exc, "status", None) == 404:
                        return sent  # a server without audit events yet: keep them for later
                    raise
                AuditEventsResponse.model_validate(answer)
                with self.book.engine.begin() as conn:
                    # Events queued meanwhile were appended: drop exactly the ones sent.
                    now = json.loads(self._meta(conn, PENDING_AUDIT) or "[]")
                    rest = now[len(batch) :] if now[: len(batch)] == batch else now
                    self._set_meta(conn, PENDING_AUDIT, json.dumps(rest) if rest else None)
                sent += len(batch)

    def _wipe(self) -> None:
        """The server revoked this device: remove the book, its key and the token (once)."""
        with self._lock:
            if self._wiped:
                return
            self._wiped = True
            self.close()
            wipe_book(self.book, keystore=self._keystore)


__all__ = [
    "TOKEN_PREFIX",
    "ConflictView",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "SyncStatus",
    "record_audit_event",
]
