"""Opening a book of an older schema: an encrypted backup first, then an in-place migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from crmdesk.core.errors import BookError
from crmdesk.db import migrate
from crmdesk.db.book import BookInfo, open_book
from crmdesk.db.engine import create_book_engine
from crmdesk.db.keys import Passphrase

PASS = "migration passphrase"
FIRST = "0001"


def _book_at_first_revision(path: Path) -> None:
    """A book as the first crmdesk release wrote it, filled with data."""
    engine = create_book_engine(path, Passphrase(PASS))
    try:
        migrate.upgrade(engine, FIRST)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO accounts (id, name, name_pinyin, status, phones, insight, notes,"
                    " tags, created_at, updated_at, deleted) VALUES ('a1', '华为技术', '', "
                    "'existing', '[]', '', '', '[]', '2024-01-01', '2024-01-01', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO contacts (id, account_id, name, name_pinyin, name_initials,"
                    " sort_key, phones, emails, notes, tags, created_at, updated_at, deleted)"
                    " VALUES ('c1', 'a1', '曾小贤', '', '', '', '[\"13800001111\"]', '[]',"
                    " '爱喝普洱', '[\"vip\"]', '2024-01-01', '2024-01-01', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO important_dates (id, contact_id, kind, label, calendar, year,"
                    " month, day, is_leap_month, created_at, updated_at, deleted) VALUES"
                    " ('d1', 'c1', 'birthday', '', 'lunar', 1980, 4, 10, 1, '2024-01-01',"
                    " '2024-01-01', 0)"
                )
            )
    finally:
        engine.dispose()
    BookInfo(book_id="old-book", key_source="passphrase").save(path)


def test_head_constant_is_alembics_head_and_later_than_the_first() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.head_revision() != FIRST
    assert FIRST in migrate.known_revisions()


def test_old_book_is_backed_up_encrypted_then_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    _book_at_first_revision(path)

    with open_book(path, passphrase=lambda _p: PASS) as book:
        backup = book.migration_backup
        with book.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
                migrate.head_revision()
            )
            row = s.execute(text("SELECT name, notes, tags FROM contacts WHERE id='c1'")).one()
            assert tuple(row) == ("曾小贤", "爱喝普洱", '["vip"]')
            date = s.execute(
                text("SELECT calendar, month, day, is_leap_month FROM important_dates")
            ).one()
            assert tuple(date) == ("lunar", 4, 10, 1)

    assert backup is not None and backup.exists()
    assert backup.parent == path.parent
    # The backup is as encrypted as the book, and is the book as it was.
    assert "曾小贤".encode() not in backup.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backup).execute("SELECT * FROM sqlite_master").fetchall()
    old = create_book_engine(backup, Passphrase(PASS))
    try:
        with old.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == FIRST
            assert conn.execute(text("SELECT name FROM contacts")).scalar() == "曾小贤"
    finally:
        old.dispose()

    # Opened again: nothing to migrate, no second backup.
    with open_book(path, passphrase=lambda _p: PASS) as again:
        assert again.migration_backup is None


def test_a_book_from_a_newer_crmdesk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    _book_at_first_revision(path)
    engine = create_book_engine(path, Passphrase(PASS))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(BookError, match="newer crmdesk"):
        open_book(path, passphrase=lambda _p: PASS)
    assert path.read_bytes() == before


def test_migrations_build_exactly_the_models_schema(book) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from crmdesk.db.models import Base

    with book.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 virtual tables and their shadow tables are made by hand; they are not in the models.
    # FTS5 virtual tables, their shadow tables and search_rows's index are made by hand.
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith("search_"))
        and not (d[0] == "remove_index" and d[1].table.name.startswith("search_"))
    ]
    assert diff == []
