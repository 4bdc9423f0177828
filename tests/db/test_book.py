"""The encrypted book: creation, unlock by keyring or passphrase, wrong keys, files on disk."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

import keyring.backends.null
import pytest
from sqlalchemy import text

from crmdesk.core.errors import BookError, KeyStoreError, ValidationError, WrongKeyError
from crmdesk.db.book import (
    BOOK_ENV,
    BookInfo,
    create_book,
    default_book_path,
    open_book,
    resolve_book_path,
)
from crmdesk.db.keys import KeyringStore
from crmdesk.db.models import Contact

PASS = "correct horse battery"
DISTINCT_NAME = "欧阳栩栩Zyzzyva"
DISTINCT_NOTE = "prefers-the-second-window-seat-qwxjv 喜欢靠窗第二个位置"


def _passphrase(text: str = PASS):  # type: ignore[no-untyped-def]
    return lambda _purpose: text


def _real_keyring() -> KeyringStore:
    """The machine's real keyring, or skip (fail in CI, which runs a real Secret Service)."""
    store = KeyringStore()
    if not store.usable():
        if os.environ.get("CRMDESK_REQUIRE_KEYRING"):
            pytest.fail(
                f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}"
            )
        pytest.skip(f"no usable keyring here ({store.name}); CI runs one under dbus-run-session")
    return store


def _add_distinct_contact(book_path: Path) -> None:
    with open_book(book_path, passphrase=_passphrase()) as book, book.session() as s, s.begin():
        s.add(Contact(name=DISTINCT_NAME, notes=DISTINCT_NOTE, wechat="wx_qwxjv_777"))


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_passphrase_book_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    book = create_book(path, passphrase=_passphrase(), prefer_passphrase=True)
    assert book.info.key_source == "passphrase"
    book.close()

    with open_book(path, passphrase=_passphrase()) as again, again.session() as s:
        codes = s.execute(text("SELECT code FROM tiers ORDER BY rank")).scalars().all()
    assert codes == ["S", "A", "B", "C"]


def test_wrong_passphrase_says_so_and_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=_passphrase(), prefer_passphrase=True).close()
    _add_distinct_contact(path)
    before = _all_bytes(tmp_path)

    with pytest.raises(WrongKeyError, match="does not open the book"):
        open_book(path, passphrase=_passphrase("not the passphrase"))

    assert _all_bytes(tmp_path) == before


def test_missing_passphrase_is_asked_for_plainly(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=_passphrase(), prefer_passphrase=True).close()
    with pytest.raises(KeyStoreError, match="passphrase"):
        open_book(path, passphrase=lambda _p: None)


def test_short_passphrase_is_refused_and_nothing_is_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    with pytest.raises(ValidationError) as err:
        create_book(path, passphrase=_passphrase("short"), prefer_passphrase=True)
    assert err.value.field == "passphrase"
    assert list(tmp_path.iterdir()) == []


def test_no_usable_keyring_and_no_passphrase_refuses_rather_than_a_plain_file(
    tmp_path: Path,
) -> None:
    null_store = KeyringStore(keyring.backends.null.Keyring())
    assert not null_store.usable()
    with pytest.raises(KeyStoreError, match="no usable keyring"):
        create_book(tmp_path / "book.crmdesk", keystore=null_store, passphrase=lambda _p: None)
    assert list(tmp_path.iterdir()) == []


def test_a_keyring_that_keeps_nothing_is_caught_on_read_back(tmp_path: Path) -> None:
    from crmdesk.db.keys import RawKey

    null_store = KeyringStore(keyring.backends.null.Keyring())
    with pytest.raises(KeyStoreError, match="did not keep the book key"):
        null_store.store("some-book", RawKey.generate())


def test_without_keyring_the_passphrase_is_used(tmp_path: Path) -> None:
    null_store = KeyringStore(keyring.backends.null.Keyring())
    path = tmp_path / "book.crmdesk"
    create_book(path, keystore=null_store, passphrase=_passphrase()).close()
    assert BookInfo.load(path).key_source == "passphrase"


def test_keyring_book_unlocks_silently_and_records_the_backend(tmp_path: Path) -> None:
    store = _real_keyring()
    path = tmp_path / "book.crmdesk"
    book = create_book(path, keystore=store, passphrase=None)
    try:
        info = BookInfo.load(path)
        assert info.key_source == "keyring"
        assert info.keyring_backend == store.name
        key = store.load(info.book_id)
    finally:
        book.close()

    with open_book(path, keystore=store, passphrase=None) as again, again.session() as s:
        assert s.execute(text("SELECT count(*) FROM tiers")).scalar_one() == 4

    # The key is in the keyring, never in the book's folder.
    for data in _all_bytes(tmp_path).values():
        assert key.key not in data
        assert key.key.hex().encode() not in data
    store.forget(info.book_id)
    with pytest.raises(KeyStoreError, match="not in the keyring"):
        open_book(path, keystore=store, passphrase=None)


def test_no_plaintext_in_any_file_of_the_book_folder(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=_passphrase(), prefer_passphrase=True).close()
    book = open_book(path, passphrase=_passphrase())
    try:
        with book.session() as s, s.begin():
            s.add(Contact(name=DISTINCT_NAME, notes=DISTINCT_NOTE, wechat="wx_qwxjv_777"))
        # A sort that spills and a temp table would use temp files if temp_store allowed it.
        with book.engine.connect() as conn:
            conn.exec_driver_sql("CREATE TEMP TABLE t AS SELECT * FROM contacts")
            conn.exec_driver_sql("SELECT * FROM t ORDER BY notes").fetchall()
        files_while_open = _all_bytes(tmp_path)
        assert any(p.name.endswith("-wal") for p in files_while_open), "WAL mode expected"
    finally:
        book.close()
    files_after = _all_bytes(tmp_path)

    needles = [
        DISTINCT_NAME.encode(),
        DISTINCT_NOTE.encode(),
        b"qwxjv",
        DISTINCT_NAME.encode("utf-16-le"),
        PASS.encode(),
    ]
    for files in (files_while_open, files_after):
        for file, data in files.items():
            for needle in needles:
                assert needle not in data, f"{needle!r} found in plain form in {file.name}"


def test_the_file_is_sqlcipher_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    book = create_book(path, passphrase=_passphrase(), prefer_passphrase=True)
    try:
        with book.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        book.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    book = create_book(tmp_path / "b.crmdesk", passphrase=_passphrase(), prefer_passphrase=True)
    try:
        with pytest.raises(IntegrityError), book.session() as s, s.begin():
            s.add(Contact(name="孤儿", account_id="no-such-account"))
    finally:
        book.close()


def test_secrets_never_reach_a_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
    try:
        path = tmp_path / "book.crmdesk"
        create_book(path, passphrase=_passphrase(), prefer_passphrase=True).close()
        with open_book(path, passphrase=_passphrase()) as book, book.session() as s:
            s.execute(text("SELECT count(*) FROM contacts")).scalar()
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    assert caplog.records, "the engine was expected to log its statements at DEBUG"
    assert PASS not in caplog.text
    assert "PRAGMA key" not in caplog.text


def test_book_location_follows_option_then_environment_then_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(BOOK_ENV, raising=False)
    assert resolve_book_path(None) == default_book_path()
    assert "crmdesk" in str(default_book_path())
    monkeypatch.setenv(BOOK_ENV, str(tmp_path / "env.crmdesk"))
    assert resolve_book_path(None) == tmp_path / "env.crmdesk"
    assert resolve_book_path(tmp_path / "opt.crmdesk") == tmp_path / "opt.crmdesk"


def test_creating_over_an_existing_book_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=_passphrase(), prefer_passphrase=True).close()
    before = _all_bytes(tmp_path)
    with pytest.raises(BookError, match="already exists"):
        create_book(path, passphrase=_passphrase(), prefer_passphrase=True)
    assert _all_bytes(tmp_path) == before


def test_opening_a_missing_book_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="no book at"):
        open_book(tmp_path / "nothing.crmdesk", passphrase=_passphrase())


def test_timestamps_are_timezone_aware(book) -> None:  # type: ignore[no-untyped-def]
    with book.session() as s, s.begin():
        c = Contact(name="李雷")
        s.add(c)
    with book.session() as s:
        got = s.get(Contact, c.id)
        assert got is not None
        assert got.created_at.tzinfo == dt.UTC
