"""Where the device token lives: the OS keyring when there is a usable one, else inside the
encrypted book. Never in a plain file, never in a server log."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crmdesk.db.keys import KeyringStore
from crmdesk.sync.client import TOKEN_PREFIX, SyncClient
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import open_device


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _token_of(client: SyncClient) -> str:
    return client._token()


def test_without_a_keyring_the_token_stays_inside_the_encrypted_book(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    d = open_device(tmp_path / "book.crmdesk")  # the helper's keystore is the null keyring
    try:
        d.client.enrol(server.url, db.user(), PASSWORD)
        token = _token_of(d.client)
        assert d.client._read("token_in")["token_in"] == "book"
        d.client.sync_once()
    finally:
        d.close()
    for path, data in _files(tmp_path).items():
        assert token.encode() not in data, path
        assert bytes.fromhex(token) not in data, path
    assert token not in server.log.read_text(errors="replace")
    again = open_device(d.path, d.key)
    try:
        assert again.client.sync_once().pushed == 0  # the token is read back from the book
    finally:
        again.close()


def test_with_a_keyring_the_token_goes_there(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    store = KeyringStore()
    if not store.usable():
        if os.environ.get("CRMDESK_REQUIRE_KEYRING"):
            pytest.fail(
                f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}"
            )
        pytest.skip(f"no usable keyring here ({store.name}); CI runs one under dbus-run-session")
    d = open_device(tmp_path / "book.crmdesk")
    d.client = SyncClient(d.book, keystore=store)
    try:
        d.client.enrol(server.url, db.user(), PASSWORD)
        meta = d.client._read("token_in", "device_token")
        assert meta == {"token_in": "keyring", "device_token": None}
        token = store.load(TOKEN_PREFIX + d.book.info.book_id).key.hex()
        assert d.client.sync_once().pushed == 0
    finally:
        d.close()
        store.forget(TOKEN_PREFIX + d.book.info.book_id)
    for path, data in _files(tmp_path).items():
        assert token.encode() not in data, path
