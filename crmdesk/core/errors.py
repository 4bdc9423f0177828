"""Typed errors raised by the core and the data layer.

Each error carries a stable ``code`` (for scripts and for the GUI to map to translated text) and,
where the problem is with one input, the ``field`` it concerns. ``str(error)`` is a plain English
message that names the problem, fit for a terminal.
"""

from __future__ import annotations


class CrmdeskError(Exception):
    """Base of every error crmdesk reports to a user."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class ValidationError(CrmdeskError):
    """An input value is not acceptable; ``field`` names it."""

    code = "invalid"


class NotFoundError(CrmdeskError):
    """A record asked for by id or name does not exist (or is deleted)."""

    code = "not_found"


class BookError(CrmdeskError):
    """The book file cannot be created, opened or unlocked."""

    code = "book"


class WrongKeyError(BookError):
    """The key or passphrase does not open this book."""

    code = "wrong_key"


class KeyStoreError(BookError):
    """The OS keyring cannot hold or return the book's key."""

    code = "keystore"
