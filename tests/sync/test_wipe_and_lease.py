"""Remote wipe (the files and the key go) and the book's lease (renewed by a pull, refusing to
open offline once lapsed, opening again when the server renews it). Real books, real keyring
where the machine has one, the real loopback server."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select

from crmdesk.core.errors import BookError, KeyStoreError, ValidationError
from crmdesk.db.book import BookInfo, create_book, open_book
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.models import Account
from crmdesk.db.sync_state import SyncMeta
from crmdesk.sync.client import SyncClient, record_audit_event
from crmdesk.sync.lease import LeaseLapsedError, check_lease, read_lease
from crmdesk.sync.wipe import TOKEN_PREFIX, wipe_book
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import NO_KEYRING, add_account, enrolled, open_device

PASS = "correct horse battery"
OFFLINE_URL = "http://127.0.0.1:9"  # the discard port: nothing listens there


def _real_keyring() -> KeyringStore:
    """The machine's real keyring, or skip (fail where CRMDESK_REQUIRE_KEYRING says one runs)."""
    store = KeyringStore()
    if not store.usable():
        if os.environ.get("CRMDESK_REQUIRE_KEYRING"):
            pytest.fail(
                f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}"
            )
        pytest.skip(f"no usable keyring here ({store.name}); CI runs one under dbus-run-session")
    return store


def _set_meta(book, **values: str | None) -> None:
    with book.engine.begin() as conn:
        for key, value in values.items():
            conn.execute(delete(SyncMeta).where(SyncMeta.key == key))
            if value is not None:
                conn.execute(insert(SyncMeta).values(key=key, value=value))


def _meta(book, key: str) -> str | None:
    with book.engine.connect() as conn:
        return conn.execute(select(SyncMeta.value).where(SyncMeta.key == key)).scalar()


def _book_files(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


# ---- wipe ----------------------------------------------------------------------------------------


def test_wipe_removes_a_passphrase_book_and_its_companions(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    book = create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True)
    add_account(book, "中国建筑")  # the WAL file exists now
    _set_meta(book, token_in="book", device_token="ab" * 32)
    assert path.with_name(path.name + "-wal").exists()
    other = tmp_path / "other.txt"
    other.write_text("not the book's")

    report = wipe_book(book, keystore=NO_KEYRING)

    assert _book_files(path) == []
    assert {p.name for p in report.removed} >= {"book.crmdesk", "book.crmdesk.json"}
    assert other.exists()  # only the book's own files
    # The closed book cannot quietly make a new file at the path.
    with pytest.raises(BookError, match="revoked"), book.sessions() as s:
        s.execute(select(Account.id)).all()
    assert not path.exists()
    with pytest.raises(BookError, match="no book"):
        open_book(path, passphrase=lambda _p: PASS)
    wipe_book(book, keystore=NO_KEYRING)  # a second wipe is harmless


def test_wipe_forgets_the_key_and_the_token_in_the_real_keyring(tmp_path: Path) -> None:
    store = _real_keyring()
    path = tmp_path / "book.crmdesk"
    book = create_book(path, keystore=store)
    book_id = book.info.book_id
    try:
        assert book.info.key_source == "keyring"
        store.store(TOKEN_PREFIX + book_id, RawKey.generate())
        _set_meta(book, token_in="keyring")

        report = wipe_book(book, keystore=store)

        assert report.key_forgotten
        assert _book_files(path) == []
        with pytest.raises(KeyStoreError):
            store.load(book_id)
        with pytest.raises(KeyStoreError):
            store.load(TOKEN_PREFIX + book_id)
    finally:
        store.forget(book_id)
        store.forget(TOKEN_PREFIX + book_id)


# ---- lease ---------------------------------------------------------------------------------------


def test_an_unenrolled_book_has_no_lease(book) -> None:
    _set_meta(book, lease_until="2001-01-01T00:00:00+00:00")
    lease = read_lease(book)
    assert not lease.enrolled and not lease.lapsed()
    assert check_lease(book, lambda b: pytest.fail("no sync for an unenrolled book")) == lease


def test_a_pull_renews_the_lease_and_keeps_the_book_names(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    user = db.user()
    d = enrolled(tmp_path, "rep", server.url, user)
    try:
        _set_meta(d.book, lease_until="2001-01-01T00:00:00+00:00")
        before = dt.datetime.now(dt.UTC)
        d.client.sync_once()
        lease = read_lease(d.book)
        assert lease.until is not None
        # The server's lease_days (30 unless the admin set another) from the pull's time.
        assert before + dt.timedelta(days=1) < lease.until
        assert lease.until <= dt.datetime.now(dt.UTC) + dt.timedelta(days=366)
        assert not lease.lapsed()
        assert d.client.status().lease_until == lease.until
        names = json.loads(_meta(d.book, "book_names") or "{}")
        assert isinstance(names, dict)
    finally:
        d.close()


def test_a_lapsed_lease_refuses_to_open_offline_and_opens_once_the_server_renews_it(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    path = tmp_path / "book.crmdesk"
    book = create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True)
    client = SyncClient(book, keystore=NO_KEYRING)
    client.enrol(server.url, db.user(), PASSWORD)
    client.sync_once()
    client.close()
    lapsed = "2020-03-01T08:00:00+00:00"  # the clock moved: the lease ran out long ago
    _set_meta(book, lease_until=lapsed, server_url=OFFLINE_URL)

    def factory(b):
        return SyncClient(b, keystore=NO_KEYRING, timeout=5)

    with pytest.raises(LeaseLapsedError) as err:
        check_lease(book, factory)
    assert err.value.code == "lease_lapsed"
    assert "2020-03-01" in err.value.message
    assert "company network" in err.value.message
    assert _meta(book, "lease_until") == lapsed  # nothing renewed

    _set_meta(book, server_url=server.url)  # back on the company network
    lease = check_lease(book, factory)
    assert lease.until is not None and not lease.lapsed()
    assert lease.until > dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    book.close()


def test_audit_events_are_queued_only_for_an_enrolled_book(book) -> None:
    assert record_audit_event(book, "export", "contacts as vcard", 3) is False
    assert _meta(book, "pending_audit") is None
    _set_meta(book, server_url=OFFLINE_URL)
    assert record_audit_event(book, "import", "contacts from csv", 12) is True
    assert record_audit_event(book, "export", "x" * 500, 1) is True  # cut to the limit
    queue = json.loads(_meta(book, "pending_audit") or "[]")
    assert [(e["action"], e["count"]) for e in queue] == [("import", 12), ("export", 1)]
    assert len(queue[1]["what"]) == 200
    with pytest.raises(ValidationError):
        record_audit_event(book, "print", "contacts", 1)
    with pytest.raises(ValidationError):
        record_audit_event(book, "export", "contacts", -1)
    assert len(json.loads(_meta(book, "pending_audit") or "[]")) == 2  # nothing half-written


def test_sidecar_is_part_of_what_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    book = create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True)
    assert BookInfo.sidecar(path).exists()
    wipe_book(book, keystore=NO_KEYRING)
    assert not BookInfo.sidecar(path).exists()


def test_book_opened_again_after_wipe_is_a_new_empty_book(tmp_path: Path) -> None:
    # The wiped path is free for a new book (the welcome flow makes one there).
    d = open_device(tmp_path / "book.crmdesk")
    add_account(d.book, "旧客户")
    wipe_book(d.book, keystore=NO_KEYRING)
    again = open_device(tmp_path / "book.crmdesk")
    try:
        with again.book.sessions() as s:
            assert s.scalars(select(Account.id)).all() == []
    finally:
        again.close()
