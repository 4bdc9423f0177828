"""The device's line to the company server: its address, token and TLS settings kept in the book,
one HTTP client, enrolment, and the wipe that follows a revocation.

Every failure is a ``SyncError`` with a stable ``code`` (``offline``, ``update_required``,
``unauthorised``, ``not_enrolled``, ``server``...) that the GUI maps to translated text. The sync
itself (push, pull, recovery) is :mod:`crmdesk.sync.client`.
"""

from __future__ import annotations

import datetime as dt
import platform
import socket
import ssl
import threading
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import httpx
import orjson
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from crmdesk.core.errors import CrmdeskError
from crmdesk.db.book import Book
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.sync_state import SyncMeta, SyncOutbox, set_meta_value
from crmdesk.sync.protocol import (
    DEFAULT_LEASE_DAYS,
    DEVICE_REVOKED,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
)
from crmdesk.sync.wipe import REVOKED_MESSAGE, TOKEN_PREFIX, wipe_book

P = ParamSpec("P")
R = TypeVar("R")


class SyncError(CrmdeskError):
    code = "sync"


def wipes_when_revoked(method: Callable[P, R]) -> Callable[P, R]:
    """A server call that, told the device was revoked, wipes the book (once) and says so."""

    @wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        client = args[0]
        assert isinstance(client, ServerConnection)
        try:
            return method(*args, **kwargs)
        except SyncError as exc:
            if exc.code != DEVICE_REVOKED:
                raise
            client._wipe()
            raise SyncError(REVOKED_MESSAGE, code=DEVICE_REVOKED) from exc

    return call


class ServerConnection:
    """The server side of one open book. ``keystore`` holds the device token (``None``: the OS
    keyring; where no usable keyring exists the token is kept inside the encrypted book)."""

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
            # orjson: a first sync's pages hold 100,000 rows; the stdlib parser costs 4x more.
            try:
                return orjson.loads(r.content)
            except orjson.JSONDecodeError as exc:
                raise SyncError(
                    f"the server sent an answer that is not JSON ({exc})", code="server"
                ) from exc
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

    def _wipe(self) -> None:
        """The server revoked this device: remove the book, its key and the token (once)."""
        with self._lock:
            if self._wiped:
                return
            self._wiped = True
            self.close()
            wipe_book(self.book, keystore=self._keystore)
