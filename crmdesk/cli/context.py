"""What every command needs: the unlocked book, one transaction, and the result to print.

Opening the book checks its lease (``crmdesk.sync.lease``): an enrolled book not synced for
longer than the server allows opens only after a sync renews it.

A command runs inside one transaction (``ctx.transaction()``, an ORM session): if anything
fails, nothing it wrote stays. A command that only reads with Core statements uses
``ctx.reading()`` instead, a plain connection: it never loads the ORM and the models, a quarter
of a second of every such command. ``ctx.driver_reading()`` (``crmdesk search``) reads with
plain SQL on the driver's connection and loads no SQLAlchemy at all. The passphrase comes from
``$CRMDESK_PASSPHRASE`` or, at a terminal, from a prompt that does not echo; it is never
printed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.core.money import Money, parse_money
from crmdesk.db.paths import PASSPHRASE_ENV, resolve_book_path

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    from crmdesk.db.book import Book
    from crmdesk.db.keys import BookKey

EXIT_DAMAGED = 8
EXIT_BUSY = 9


def user_error(error: BaseException, path: Path) -> CrmdeskError | None:
    """The one clear message for a driver error that escaped the book's engine (damage: which
    book, that it is damaged, what to do; busy: who holds it), or None if it is neither."""
    from crmdesk.db.integrity import translate

    return translate(error, path)


def run_repairing(ctx: Context, args: argparse.Namespace) -> Output:
    """Run the command; if it meets damage that lies only in derived data (the search index, an
    index), rebuild that without asking and run the command once more (it wrote nothing: every
    command is one transaction). Other damage, or a book the app holds, is reported as is."""
    from crmdesk.db.integrity import is_damage

    try:
        out: Output = args.handler(ctx, args)
        return out
    except Exception as exc:
        if not is_damage(exc):
            raise
        from crmdesk.cli.maintenance import repair_if_derived

        note = repair_if_derived(ctx)
        if note is None:
            raise
        sys.stderr.write(f"crmdesk: note: {note}\n")
        out = args.handler(ctx, args)
        return out


@dataclass(frozen=True)
class Output:
    """A command's result: ``data`` for ``--json`` (JSON-ready) and ``text`` for people."""

    data: Any
    text: str


def ask_passphrase(purpose: str) -> str | None:
    """The book's passphrase: from the environment, else asked at the terminal (twice if new)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        return None  # the book layer then says how to give one
    import getpass  # here: most commands never ask

    if purpose == "new":
        first = getpass.getpass("Choose a passphrase for the new book: ")
        if getpass.getpass("Type it again: ") != first:
            raise ValidationError("the two passphrases typed differ", field="passphrase")
        return first
    return getpass.getpass("Passphrase of the book: ")


class Context:
    """Opens the book on first use and closes it when the command is done."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.path: Path = resolve_book_path(getattr(args, "book", None))
        self._book: Book | None = None
        self._key: BookKey | None = None

    @property
    def book(self) -> Book:
        if self._book is None:
            from crmdesk.db.book import open_book

            book = open_book(self.path, passphrase=self._remembered)
            try:
                # An enrolled book whose lease lapsed opens only once the server renews it; the
                # sync client (httpx) is loaded only then. A book never enrolled has no lease:
                # it skips the check, and the models the check reads the lease with.
                with book.engine.connect() as conn:
                    enrolled = _enrolled(conn.connection.driver_connection)
                if enrolled:
                    from crmdesk.sync.lease import check_lease

                    check_lease(book, _sync_client)
            except BaseException:
                book.close()
                raise
            self._book = book
        return self._book

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.book.session() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction on a plain Core connection (no ORM session, no write hooks)."""
        with self.book.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def driver_reading(self) -> Iterator[Any]:
        """One read transaction on the driver's own connection (sqlcipher3), or on a Core
        connection where the book needs the full open: a schema to migrate, a lease to check,
        or the book open already. Either runs the same plain SQL."""
        raw = None
        if self._book is None:
            from crmdesk.db.book import open_reader

            raw = open_reader(self.path, passphrase=self._remembered)
            if raw is not None and _enrolled(raw):
                raw.close()
                raw = None
        if raw is None:
            with self.reading() as conn:
                yield conn
            return
        try:
            raw.execute("BEGIN")
            yield raw
        finally:
            raw.close()  # the read transaction ends with the connection; nothing was written

    def _remembered(self, purpose: str) -> str | None:
        """The passphrase, asked for once per command (a repair reopens the book)."""
        from crmdesk.db.keys import Passphrase

        if isinstance(self._key, Passphrase):
            return self._key.text
        text = ask_passphrase(purpose)
        if text:
            self._key = Passphrase(text)
        return text

    def key_in_hand(self) -> BookKey | None:
        """The key the book was (or was to be) opened with, for repairing it after damage."""
        if self._book is not None and self._book.key is not None:
            return self._book.key
        if self._key is not None:
            return self._key
        from crmdesk.db.book import BookInfo, book_exists, book_key

        if not book_exists(self.path):
            return None
        info = BookInfo.load(self.path)
        return book_key(self.path, info, passphrase=None) if info.key_source == "keyring" else None

    def close(self) -> None:
        if self._book is not None:
            self._key = self._book.key or self._key
            self._book.close()
            self._book = None


def _enrolled(raw: Any) -> bool:
    """Whether the book was ever enrolled with a server (``crmdesk.sync.lease.read_lease``
    calls it enrolled by the same row): only then has it a lease to check. ``raw`` is the
    driver's connection."""
    url = raw.execute("SELECT value FROM sync_meta WHERE key = 'server_url'").fetchone()
    return url is not None and url[0] is not None


def _sync_client(book: Book) -> Any:
    from crmdesk.sync.client import SyncClient

    return SyncClient(book)


def read_note(args: argparse.Namespace) -> str | None:
    """The note given with ``--note TEXT`` or ``--note-file PATH`` (``-`` reads standard input)."""
    path = getattr(args, "note_file", None)
    if path is None:
        note: str | None = getattr(args, "note", None)
        return note
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}", field="note_file") from None


def money(text: str | None, *, field: str, currency: str | None = None) -> Money | None:
    """An amount option; "" clears it (None)."""
    if text is None or not text.strip():
        return None
    return parse_money(text, field=field, currency=currency)


def text_list(values: list[str] | None) -> list[str] | None:
    """A repeatable option: None when not given; a lone "" means "clear the list"."""
    if values is None:
        return None
    return [v for v in values if v.strip()]
