"""Shared by the damage tests: a keyring held in this process's memory, page flipping, and a
row-by-row snapshot of a book read through point lookups (the independent oracle of what a
damaged file still holds)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
import keyring.backend

from crmdesk.db.engine import open_readonly
from crmdesk.db.integrity import Reader
from crmdesk.db.keys import BookKey

PAGE = 4096


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS keyring stand-in for machines without one (the book layer checks it like any
    other: it stores and reads back). The CLI then opens books with no key derivation."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(before)


def pages(path: Path) -> int:
    return path.stat().st_size // PAGE


def flip(path: Path, page: int, offset: int = PAGE // 2) -> None:
    """Flip one byte in the middle of ``page`` (1-based, as SQLite counts)."""
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE + offset)
        byte = f.read(1)
        f.seek((page - 1) * PAGE + offset)
        f.write(bytes([byte[0] ^ 0xFF]))


def copy_book(src: Path, dest_dir: Path) -> Path:
    """The book, its sidecar and its backups, into ``dest_dir``."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    for p in src.parent.iterdir():
        if p.name.startswith(src.name):
            target = dest_dir / p.name
            if p.is_dir():
                shutil.copytree(p, target)
            else:
                shutil.copy2(p, target)
    return dest_dir / src.name


RECORD_TABLES = (
    "tiers", "accounts", "contacts", "family_members", "preferences", "important_dates",
    "interactions", "interaction_attendees", "gifts", "follow_ups", "opportunities",
    "complaints", "book_settings", "sync_outbox",
)  # fmt: skip


def rows_by_rowid(path: Path, key: BookKey) -> dict[str, dict[int, tuple[Any, ...]]]:
    """Every row of every record table, each read on its own (``rowid = ?``).

    On a damaged copy a row whose page is refused is simply absent: this is what "a readable
    page still holds", found by point lookups rather than by the recovery's own scan.
    """
    out: dict[str, dict[int, tuple[Any, ...]]] = {t: {} for t in RECORD_TABLES}
    try:
        reader = Reader(path, key)
    except Exception:
        return out
    try:
        for table in RECORD_TABLES:
            try:
                top = reader.fetch(f"SELECT max(rowid) FROM {table}")[0][0] or 0
            except Exception:
                top = 300  # the b-tree's right edge is damaged: probe the plausible range
            for rowid in range(1, top + 1):
                try:
                    found = reader.fetch(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,))
                except Exception:
                    continue
                if found:
                    out[table][rowid] = tuple(found[0])
    finally:
        reader.close()
    return out


def rows_by_id(path: Path, key: BookKey) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every row of every record table of a sound book, by its id (first column)."""
    raw = open_readonly(path, key)
    try:
        out = {}
        for t in RECORD_TABLES:
            info = raw.execute(f"PRAGMA table_info({t})").fetchall()
            pk = next(i for i, col in enumerate(info) if col[5] == 1)
            out[t] = {str(r[pk]): tuple(r) for r in raw.execute(f"SELECT * FROM {t}").fetchall()}
        return out
    finally:
        raw.close()
