"""Fixtures shared by every test area: an open encrypted book on a real SQLCipher file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.db.book import Book, BookInfo
from crmdesk.db.engine import create_book_engine
from crmdesk.db.keys import RawKey
from crmdesk.db.migrate import ensure_current

# Qt tests run headless; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_test_book(path: Path) -> Book:
    """A new book keyed with a random raw key held in memory only (no keyring, no KDF)."""
    key = RawKey.generate()
    engine = create_book_engine(path, key)
    ensure_current(engine, path)
    info = BookInfo(book_id="test-" + path.stem, key_source="passphrase")
    return Book(path, info, engine, None)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    b = open_test_book(tmp_path / "book.crmdesk")
    try:
        yield b
    finally:
        b.close()
