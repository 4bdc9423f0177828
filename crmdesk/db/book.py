"""A book: one SQLCipher file, its key, its schema, and a session factory over it.

Opening a book (key, quick integrity check, schema) needs only SQLAlchemy Core; the ORM, with
the models and the search and outbox hooks, is loaded on the first ``book.sessions``. So a
command that only reads through ``book.engine`` never loads it. :func:`open_reader` goes one
step further for ``crmdesk search``: the driver's own connection, keyed and checked the same
way, and no SQLAlchemy at all.

Where a book lives: ``--book PATH``, else ``$CRMDESK_BOOK``, else ``book.crmdesk`` in the
platform's user data directory. Beside the book sits ``<book>.json``, a small plain file that holds
no secret: the book's id (the keyring entry's name) and where its key is kept — so crmdesk knows
whether to ask the keyring or the user, and never guesses.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from crmdesk.core.errors import BookError, KeyStoreError, WrongKeyError
from crmdesk.db import integrity
from crmdesk.db.engine import connect_raw, create_book_engine
from crmdesk.db.keys import BookKey, KeyringStore, Passphrase, RawKey

# The path needs no database (crmdesk.db.paths); its names stay importable from here.
from crmdesk.db.paths import BOOK_ENV as BOOK_ENV
from crmdesk.db.paths import DEFAULT_BOOK_NAME as DEFAULT_BOOK_NAME
from crmdesk.db.paths import PASSPHRASE_ENV
from crmdesk.db.paths import default_book_path as default_book_path
from crmdesk.db.paths import resolve_book_path as resolve_book_path

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

MIN_PASSPHRASE_LENGTH = 8

KeySource = Literal["keyring", "passphrase"]
# Asked for a passphrase; the argument says why: "new" (choose one) or "unlock".
PassphraseProvider = Callable[[str], str | None]


def env_passphrase(_purpose: str) -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


@dataclass(frozen=True)
class BookInfo:
    """What the plain sidecar file says about a book (no secrets)."""

    book_id: str
    key_source: KeySource
    keyring_backend: str | None = None
    format: int = 1

    @staticmethod
    def sidecar(path: Path) -> Path:
        return path.with_name(path.name + ".json")

    @classmethod
    def load(cls, path: Path) -> BookInfo:
        side = cls.sidecar(path)
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
            return cls(
                book_id=str(data["book_id"]),
                key_source=data["key_source"],
                keyring_backend=data.get("keyring_backend"),
                format=int(data.get("format", 1)),
            )
        except FileNotFoundError:
            raise BookError(
                f"{side} is missing: crmdesk cannot tell how this book is unlocked"
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise BookError(f"{side} is damaged ({exc})") from exc

    def save(self, path: Path) -> None:
        side = self.sidecar(path)
        tmp = side.with_name(side.name + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, side)


class Book:
    """An unlocked book. Close it to drop the key and release the file."""

    def __init__(
        self,
        path: Path,
        info: BookInfo,
        engine: Engine,
        backup: Path | None,
        key: BookKey | None = None,
    ) -> None:
        self.path = path
        # Held only to verify and restore backups (crmdesk.db.backup); dropped with the book.
        self.key = key
        self.info = info
        self.engine = engine
        self.migration_backup = backup
        self._sessions: sessionmaker[Session] | None = None
        self._sessions_lock = threading.Lock()  # the app's workers may ask for it at once
        from sqlalchemy import event

        # Connections in use, so that quitting can interrupt what they run (see interrupt()).
        self._in_use: set[Any] = set()
        event.listen(engine, "checkout", lambda dbapi, _rec, _proxy: self._in_use.add(dbapi))
        event.listen(engine, "checkin", lambda dbapi, _rec: self._in_use.discard(dbapi))

    def interrupt(self) -> None:
        """Stop the statements running on this book now (from any thread): a read ends with an
        error, a write transaction rolls back. For quitting while work is under way."""
        for raw in list(self._in_use):
            # A connection closing meanwhile has nothing left to stop.
            with contextlib.suppress(Exception):
                raw.interrupt()

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory, with the search index and sync outbox hooks on every session
        (made on first use: the ORM and the models cost a command a quarter of a second)."""
        with self._sessions_lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                from crmdesk.db import outbox, search

                sessions = sessionmaker(self.engine, expire_on_commit=False)
                search.attach(sessions)
                outbox.attach(sessions)
                self._sessions = sessions
            return self._sessions

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
        self.key = None

    def retire(self, reason: str) -> None:
        """Close the book for good (its file is being removed).

        Every later use raises ``BookError(reason)``: an open engine would otherwise quietly make
        a new empty file at the path on its next connection.
        """
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        self.engine.dispose()

        def refuse() -> Any:
            raise BookError(reason, code="book_removed")

        self.engine = create_engine("sqlite://", creator=refuse, poolclass=NullPool)
        if self._sessions is not None:
            self._sessions.configure(bind=self.engine)

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def book_exists(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def create_book(
    path: Path,
    *,
    keystore: KeyringStore | None = None,
    passphrase: PassphraseProvider | None = env_passphrase,
    prefer_passphrase: bool = False,
) -> Book:
    """Make a new empty book at ``path``.

    The key goes to the OS keyring when a usable one exists (and ``prefer_passphrase`` is not
    set); otherwise the user's passphrase is asked for. Nothing is ever kept in a plain file.
    """
    if book_exists(path) or BookInfo.sidecar(path).exists():
        raise BookError(f"a book already exists at {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    book_id = str(uuid.uuid4())
    store = keystore if keystore is not None else KeyringStore()
    key: BookKey
    if not prefer_passphrase and store.usable():
        raw = RawKey.generate()
        store.store(book_id, raw)
        info = BookInfo(book_id=book_id, key_source="keyring", keyring_backend=store.name)
        key = raw
    else:
        text = passphrase("new") if passphrase is not None else None
        if text is None:
            raise KeyStoreError(
                f"no usable keyring here ({store.name}); choose a passphrase for the book "
                f"(you will be asked, or set {PASSPHRASE_ENV})"
            )
        check_new_passphrase(text)
        info = BookInfo(book_id=book_id, key_source="passphrase")
        key = Passphrase(text)
    try:
        # The file is encrypted, but it is nobody else's business either.
        path.touch(mode=0o600)
        from crmdesk.db import migrate

        engine = create_book_engine(path, key)
        migrate.ensure_current(engine, path)
        info.save(path)
    except BaseException:
        _remove_partial_book(path)
        if info.key_source == "keyring":
            store.forget(book_id)
        raise
    return Book(path, info, engine, None, key)


def check_new_passphrase(text: str) -> None:
    from crmdesk.core.errors import ValidationError

    if len(text) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            f"the passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters",
            field="passphrase",
        )


def book_files(path: Path) -> tuple[Path, ...]:
    """The database file and SQLite's companions (the sidecar is not among them)."""
    return (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")))


def _remove_partial_book(path: Path) -> None:
    for p in book_files(path):
        p.unlink(missing_ok=True)


def book_key(
    path: Path,
    info: BookInfo,
    *,
    keystore: KeyringStore | None = None,
    passphrase: PassphraseProvider | None = env_passphrase,
) -> BookKey:
    """The key of the book at ``path``: from the keyring, or derived from the passphrase."""
    if info.key_source == "keyring":
        return (keystore if keystore is not None else KeyringStore()).load(info.book_id)
    text = passphrase("unlock") if passphrase is not None else None
    if not text:
        raise KeyStoreError(
            f"this book is locked with a passphrase; enter it (or set {PASSPHRASE_ENV})"
        )
    return Passphrase(text)


def _unlock(
    path: Path, keystore: KeyringStore | None, passphrase: PassphraseProvider | None
) -> tuple[BookInfo, BookKey]:
    if not book_exists(path):
        raise BookError(f"there is no book at {path}; create one first (crmdesk init)")
    info = BookInfo.load(path)
    return info, book_key(path, info, keystore=keystore, passphrase=passphrase)


def open_book(
    path: Path,
    *,
    keystore: KeyringStore | None = None,
    passphrase: PassphraseProvider | None = env_passphrase,
) -> Book:
    """Unlock an existing book, migrating its schema (after a backup) if it is older.

    A quick integrity check runs on the way (``crmdesk.db.integrity.quick_check``); a damaged
    book raises ``BookDamagedError``, which says what to do.
    """
    info, key = _unlock(path, keystore, passphrase)
    return open_with_key(path, info, key)


def _keyed(path: Path, key: BookKey, connect: Callable[[], T]) -> T:
    """``connect()`` to the book with ``key``, telling a damaged first page from a wrong key."""
    try:
        return connect()
    except WrongKeyError:
        # A damaged first page looks like a wrong key. If the same key opens one of the book's
        # own backups, the key is right and the book is damaged.
        from crmdesk.db.backup import key_opens_a_backup

        if key_opens_a_backup(path, key):
            raise integrity.damaged(path, "its first page cannot be read") from None
        raise


def open_with_key(path: Path, info: BookInfo, key: BookKey) -> Book:
    """Open the book with a key already in hand (see :func:`open_book`)."""
    from crmdesk.db import migrate

    engine = _keyed(path, key, lambda: create_book_engine(path, key))
    try:
        with engine.connect() as conn:
            integrity.quick_check(conn.connection.driver_connection, path)
        backup = migrate.ensure_current(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Book(path, info, engine, backup, key)


def open_reader(
    path: Path,
    *,
    keystore: KeyringStore | None = None,
    passphrase: PassphraseProvider | None = env_passphrase,
) -> Any | None:
    """The driver's own connection to the book (sqlcipher3), unlocked, keyed and checked as
    :func:`open_book` does, for a command that only reads with plain SQL.

    None when the book's schema is not this crmdesk's: then only :func:`open_book` (which
    migrates, or refuses a newer book) may open it.
    """
    from crmdesk.db.migrations import HEAD

    _info, key = _unlock(path, keystore, passphrase)
    raw = _keyed(path, key, lambda: connect_raw(path, key))
    try:
        integrity.quick_check(raw, path)
        # crmdesk.db.migrate.current_revision, without SQLAlchemy's inspector.
        has_version = raw.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        version = "SELECT version_num FROM alembic_version"
        row = raw.execute(version).fetchone() if has_version else None
        if row is None or row[0] != HEAD:
            raw.close()
            return None
    except BaseException:
        raw.close()
        raise
    return raw
