"""What every command needs: the unlocked book, one transaction, and the result to print.

Opening the book checks its lease (``crmdesk.sync.lease``): an enrolled book not synced for
longer than the server allows opens only after a sync renews it.

A command runs inside one transaction (``ctx.transaction()``): if anything fails, nothing it
wrote stays. The passphrase comes from ``$CRMDESK_PASSPHRASE`` or, at a terminal, from a prompt
that does not echo; it is never printed, logged or written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money, parse_money
from crmdesk.db.paths import PASSPHRASE_ENV, resolve_book_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.db.book import Book


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

    @property
    def book(self) -> Book:
        if self._book is None:
            from crmdesk.db.book import open_book
            from crmdesk.sync.lease import check_lease

            book = open_book(self.path, passphrase=ask_passphrase)
            try:
                # An enrolled book whose lease lapsed opens only once the server renews it; the
                # sync client (httpx) is loaded only then.
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

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None


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
