"""Where a book lives: ``--book PATH``, else ``$CRMDESK_BOOK``, else ``book.crmdesk`` in the
platform's user data directory.

Apart from :mod:`crmdesk.db.book` because the command line and the desktop app need the path
before anything else, and this module loads neither SQLAlchemy nor SQLCipher.
"""

from __future__ import annotations

import os
from pathlib import Path

BOOK_ENV = "CRMDESK_BOOK"
PASSPHRASE_ENV = "CRMDESK_PASSPHRASE"
DEFAULT_BOOK_NAME = "book.crmdesk"


def default_book_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("crmdesk", appauthor=False)) / DEFAULT_BOOK_NAME


def resolve_book_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(BOOK_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_book_path()
