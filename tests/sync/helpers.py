"""Devices for sync tests: a real encrypted book, the real outbox hook, the real client."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring.backends.null
from sqlalchemy import func, select

from crmdesk.db.book import Book
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.models import Account, Contact
from crmdesk.db.sync_state import SyncOutbox
from crmdesk.sync.client import SyncClient
from tests.book_template import BookTemplate, make_template, open_test_book
from tests.server.live import PASSWORD

NO_KEYRING = KeyringStore(keyring.backends.null.Keyring())


@dataclass
class Device:
    path: Path
    key: RawKey
    book: Book
    client: SyncClient

    def close(self) -> None:
        self.client.close()
        self.book.close()


@functools.cache
def _device_template() -> BookTemplate:
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-device-template-"))
    atexit.register(shutil.rmtree, folder, True)
    return make_template(folder / "device.crmdesk")


def _new_book(path: Path) -> Book:
    """A new book as ``crmdesk init`` leaves it, copied from a template made once per process.

    A real new book's migrations seed the gift catalogue with random ids, so each copy gets
    fresh ones: two devices must not share record ids they did not get from each other.
    """
    book = _device_template().copy_to(path)
    with book.engine.begin() as conn:
        for (old,) in conn.exec_driver_sql("SELECT id FROM gift_catalogue").fetchall():
            new = str(uuid.uuid4())
            conn.exec_driver_sql("UPDATE gift_catalogue SET id = ? WHERE id = ?", (new, old))
    return book


def open_device(
    path: Path,
    key: RawKey | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 30.0,
) -> Device:
    """A device on the book at ``path`` (opened with ``key``), or on a new book there."""
    if key is None:
        book, key = _new_book(path), _device_template().key
    else:
        book = open_test_book(path, key)
    client = SyncClient(book, keystore=NO_KEYRING, transport=transport, timeout=timeout)
    return Device(path, key, book, client)


def enrolled(tmp: Path, name: str, url: str, username: str, **kw: Any) -> Device:
    d = open_device(tmp / f"{name}.crmdesk", **kw)
    d.client.enrol(url, username, PASSWORD, device_name=name)
    return d


def add_account(book: Book, name: str, **fields: Any) -> str:
    with book.sessions() as s, s.begin():
        a = Account(name=name, **fields)
        s.add(a)
        s.flush()
        return a.id


def add_contact(book: Book, account_id: str | None, name: str, **fields: Any) -> str:
    with book.sessions() as s, s.begin():
        c = Contact(account_id=account_id, name=name, **fields)
        s.add(c)
        s.flush()
        return c.id


def edit(book: Book, model: type[Any], record_id: str, **fields: Any) -> None:
    with book.sessions() as s, s.begin():
        obj = s.get(model, record_id)
        assert obj is not None
        for k, v in fields.items():
            setattr(obj, k, v)


def get(book: Book, model: type[Any], record_id: str) -> Any:
    with book.sessions() as s:
        return s.get(model, record_id)


def pending(book: Book) -> int:
    with book.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


def snapshot(
    book: Book, models: tuple[type[Any], ...] = (Account, Contact)
) -> dict[tuple[str, str], dict[str, Any]]:
    """Every row of the given tables, minus the informational timestamp."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with book.engine.connect() as conn:
        for model in models:
            table = model.__table__
            for row in conn.execute(select(table)).mappings():
                d = {k: v for k, v in row.items() if k != "updated_at"}
                out[(table.name, row["id"])] = d
    return out


def year_ahead() -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=365)


Poke = Callable[[], None]
