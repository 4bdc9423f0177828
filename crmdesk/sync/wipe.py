"""Remote wipe: what a device does when the company server says it was revoked.

The book is closed for good, its file (and SQLite's -wal/-shm/-journal companions) and its plain
sidecar ``<book>.json`` are deleted, and its key and the device token leave the OS keyring. The
file is encrypted, so it is not overwritten first; without the key the deleted pages are noise.
Qt-free: the sync client calls it, and so can the CLI and the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import keyring.errors

from crmdesk.db.book import Book, BookInfo, book_files
from crmdesk.db.keys import KeyringStore

# The keyring entry of a device token: this prefix and the book's id.
TOKEN_PREFIX = "sync-token:"
REVOKED_MESSAGE = "This device was revoked by your company; its local book was removed."


@dataclass(frozen=True)
class WipeReport:
    removed: tuple[Path, ...]  # the files that were there and are gone
    key_forgotten: bool  # the book key was in the keyring and is gone


def wipe_book(book: Book, *, keystore: KeyringStore | None = None) -> WipeReport:
    """Close ``book`` for good and remove it, its sidecar, its key and its device token.

    Safe to call twice. A keyring that cannot be reached is not an excuse to keep the files:
    they are removed first, then the keyring entries.
    """
    token_in_keyring = _token_in_keyring(book)
    book.retire(REVOKED_MESSAGE)
    removed: list[Path] = []
    for path in (*book_files(book.path), BookInfo.sidecar(book.path)):
        if path.exists():
            path.unlink()
            removed.append(path)
    store = keystore if keystore is not None else KeyringStore()
    key_forgotten = False
    if book.info.key_source == "keyring":
        key_forgotten = _forget(store, book.info.book_id)
    if token_in_keyring:
        _forget(store, TOKEN_PREFIX + book.info.book_id)
    return WipeReport(tuple(removed), key_forgotten)


def _token_in_keyring(book: Book) -> bool:
    from sqlalchemy import select

    from crmdesk.db.sync_state import SyncMeta

    try:
        with book.engine.connect() as conn:
            where = conn.execute(select(SyncMeta.value).where(SyncMeta.key == "token_in")).scalar()
    except Exception:  # an unreadable book: assume the keyring may hold a token
        return True
    return where == "keyring"


def _forget(store: KeyringStore, name: str) -> bool:
    """Delete a keyring entry; False when the keyring would not answer (the files are gone
    already, so the key opens nothing)."""
    try:
        store.forget(name)
    except keyring.errors.KeyringError:
        return False
    return True


__all__ = ["REVOKED_MESSAGE", "TOKEN_PREFIX", "WipeReport", "wipe_book"]
