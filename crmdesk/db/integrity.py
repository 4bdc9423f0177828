"""Is the book damaged, and where? A dropped laptop or a half-copied file must never cost a
customer, and must never end in a traceback.

SQLCipher authenticates every page with an HMAC, so a flipped byte is never read as data: the
page is refused and SQLite reports ``SQLITE_CORRUPT`` ("database disk image is malformed") or,
for the first page, ``SQLITE_NOTADB``. This module turns those into one :class:`BookDamagedError`
that names the book and says what can be done, and offers two checks:

* :func:`quick_check` — when the book opens. It reads the schema, the schema version and the
  first and last rows of every table (the root-to-leaf paths at both ends of every b-tree): a
  few dozen pages, a few milliseconds at 100,000 contacts (``python -m crmdesk.bench --only
  integrity``). It catches a damaged schema and a truncated file; it cannot see a page in the
  middle of a table.
* :func:`full_check` — on demand (``crmdesk check``, Tools → Check the book…). SQLCipher's
  ``cipher_integrity_check`` verifies every page's HMAC; then every table is read row by row,
  which says whether the damage lies in records (recovery needed) or only in derived data —
  the search index and the indexes — which :func:`crmdesk.db.recover.repair_derived` rebuilds
  without asking.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.core.errors import BookError

if TYPE_CHECKING:
    from crmdesk.db.keys import BookKey

# SQLite's primary result codes for a damaged file (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
_DAMAGE_WORDS = ("malformed", "file is not a database", "hmac", "corrupt")

# Tables whose content is derived from the others and rebuilt at will.
DERIVED_PREFIXES = ("search_",)


class BookDamagedError(BookError):
    """The book file is damaged: some of its pages cannot be read."""

    code = "book_damaged"


class BookBusyError(BookError):
    """Another crmdesk (the app, usually) holds the book."""

    code = "book_busy"


def damage_message(path: Path, detail: str = "") -> str:
    why = f" ({detail})" if detail else ""
    return (
        f"the book {path} is damaged{why}: part of it can no longer be read. Nothing more was "
        "written to it. Run `crmdesk check` to see what is affected, and `crmdesk recover` to "
        "rebuild it from the company server or the newest backup (the damaged file is kept "
        "aside, never deleted)."
    )


def damaged(path: Path, detail: str = "") -> BookDamagedError:
    return BookDamagedError(damage_message(path, detail))


def busy(path: Path) -> BookBusyError:
    return BookBusyError(
        f"the book {path.name} is busy: another crmdesk (the desktop app, or a sync) is writing "
        "to it. Try again in a moment, or close the app."
    )


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        current = orig if isinstance(orig, BaseException) else current.__cause__


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return int(code) & 0xFF if isinstance(code, int) else None


def is_damage(exc: BaseException) -> bool:
    """Is ``exc`` (or what it wraps) SQLite/SQLCipher reporting an unreadable page?"""
    for e in _chain(exc):
        if isinstance(e, BookDamagedError):
            return True
        code = _primary_code(e)
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return True
        if code is None and type(e).__name__ == "DatabaseError":
            text = str(e).lower()
            if any(word in text for word in _DAMAGE_WORDS):
                return True
    return False


def is_busy(exc: BaseException) -> bool:
    for e in _chain(exc):
        if _primary_code(e) in (SQLITE_BUSY, SQLITE_LOCKED):
            return True
        if "database is locked" in str(e).lower():
            return True
    return False


def translate(exc: BaseException, path: Path) -> BookError | None:
    """The user-facing error for a driver error (None: not damage, not busy)."""
    if isinstance(exc, BookError):
        return None
    if is_damage(exc):
        return damaged(path)
    if is_busy(exc):
        return busy(path)
    return None


# -- the checks ---------------------------------------------------------------------------------


def is_derived(name: str) -> bool:
    return name.startswith(DERIVED_PREFIXES)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def record_tables(raw: Any) -> list[str]:
    """The book's own tables (records and sync state), not SQLite's and not derived ones."""
    names = [
        str(r[0])
        for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    ]
    return [n for n in names if not n.startswith("sqlite_") and not is_derived(n)]


def quick_check(raw: Any, path: Path) -> None:
    """Raise :class:`BookDamagedError` if the schema, its version or either end of a table
    cannot be read. ``raw`` is a keyed DB-API connection."""
    try:
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = record_tables(raw)
        if "alembic_version" in tables:
            raw.execute("SELECT version_num FROM alembic_version").fetchall()
        for table in tables:
            q = _quoted(table)
            order = "rowid" if _has_rowid(raw, table) else "1"
            for direction in ("", " DESC"):
                cur = raw.cursor()
                try:
                    cur.execute(f"SELECT * FROM {q} ORDER BY {order}{direction} LIMIT 1").fetchall()
                finally:
                    cur.close()
    except Exception as exc:
        if is_damage(exc):
            raise damaged(path) from exc
        raise


def _has_rowid(raw: Any, table: str) -> bool:
    sql = raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return not (sql and "WITHOUT ROWID" in str(sql[0]).upper())


@dataclass
class CheckReport:
    """What :func:`full_check` found."""

    path: Path
    bad_pages: list[int] = field(default_factory=list)
    damaged_tables: list[str] = field(default_factory=list)
    schema_readable: bool = True
    pages: int = 0

    @property
    def ok(self) -> bool:
        return not self.bad_pages and not self.damaged_tables and self.schema_readable

    @property
    def derived_only(self) -> bool:
        """Damage only in what can be rebuilt (search index, indexes): no record is lost."""
        return not self.ok and self.schema_readable and not self.damaged_tables

    def summary(self) -> str:
        if self.ok:
            return f"the book {self.path.name} is sound ({self.pages} pages checked)"
        if not self.schema_readable:
            return (
                f"the book {self.path.name} is damaged: its table of contents (schema) cannot "
                f"be read, {len(self.bad_pages)} damaged page(s). Run `crmdesk recover`."
            )
        if self.derived_only:
            return (
                f"the book {self.path.name} has {len(self.bad_pages)} damaged page(s) in its "
                "search index or indexes only: no record is lost; they are rebuilt."
            )
        return (
            f"the book {self.path.name} has {len(self.bad_pages)} damaged page(s) holding "
            f"records of {', '.join(self.damaged_tables)}. Run `crmdesk recover`."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "book": str(self.path),
            "ok": self.ok,
            "pages": self.pages,
            "bad_pages": self.bad_pages,
            "damaged_tables": self.damaged_tables,
            "schema_readable": self.schema_readable,
            "derived_only": self.derived_only,
        }


def _hmac_failures(reader: Reader) -> list[int]:
    pages: list[int] = []
    for (line,) in reader.fetch("PRAGMA cipher_integrity_check"):
        text = str(line)
        digits = "".join(ch for ch in text.rsplit(" ", 1)[-1] if ch.isdigit())
        if "page" in text and digits:
            pages.append(int(digits))
    return pages


class Reader:
    """A read-only connection to a possibly damaged file that starts afresh after each refused
    page: once SQLCipher refuses a page, the connection it happened on keeps failing (even
    reads of sound pages), so every later read would look damaged too."""

    def __init__(self, path: Path, key: BookKey) -> None:
        from crmdesk.db.engine import open_readonly

        self.path = path
        self._open = open_readonly
        self.key: BookKey | _SaltedKey = fast_key(path, key)
        self.raw = self._open(path, self.key)

    def fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        cur = self.raw.cursor()
        try:
            rows = list(cur.execute(sql, params).fetchall())
        except Exception as exc:
            cur.close()
            if is_damage(exc):
                self.reopen()
            raise
        cur.close()
        return rows

    def each(self, sql: str, size: int = 2000) -> Iterator[list[Any]]:
        cur = self.raw.cursor()
        try:
            cur.execute(sql)
            while batch := cur.fetchmany(size):
                yield batch
        except Exception as exc:
            cur.close()
            if is_damage(exc):
                self.reopen()
            raise
        cur.close()

    def reopen(self) -> None:
        self.raw.close()
        self.raw = self._open(self.path, self.key)

    def close(self) -> None:
        self.raw.close()


@dataclass(frozen=True)
class _SaltedKey:
    """A passphrase's derived key with the file's salt: re-opening the file costs no key
    derivation (SQLCipher's raw key form ``x'<key><salt>'``)."""

    key: bytes = field(repr=False)
    salt: bytes

    def pragma_value(self) -> str:
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""


# SQLCipher 4's defaults, with which every passphrase book is made.
_KDF_ITERATIONS = 256_000


def fast_key(path: Path, key: BookKey) -> BookKey | _SaltedKey:
    """For a passphrase, the key SQLCipher derives from it for this file (derived once here);
    a raw key as it is. Falls back to ``key`` if the derived one does not open the file."""
    from crmdesk.db.keys import Passphrase

    if not isinstance(key, Passphrase):
        return key
    from crmdesk.db.engine import open_readonly

    with open(path, "rb") as f:
        salt = f.read(16)
    derived = hashlib.pbkdf2_hmac("sha512", key.text.encode(), salt, _KDF_ITERATIONS, 32)
    salted = _SaltedKey(derived, salt)
    try:
        open_readonly(path, salted).close()
    except Exception:
        return key
    return salted


def full_check(reader: Reader, *, scan_tables: bool = True) -> CheckReport:
    """Every page's HMAC, then (``scan_tables``) every record table read in full, which tells
    damaged records from damaged derived data."""
    report = CheckReport(reader.path)
    report.pages = int(reader.fetch("PRAGMA page_count")[0][0])
    report.bad_pages = _hmac_failures(reader)
    reader.reopen()
    try:
        tables = record_tables(reader.raw)
    except Exception as exc:
        if not is_damage(exc):
            raise
        report.schema_readable = False
        return report
    for table in tables if scan_tables else []:
        try:
            for _batch in reader.each(f"SELECT * FROM {_quoted(table)} NOT INDEXED"):
                pass
        except Exception as exc:
            if not is_damage(exc):
                raise
            report.damaged_tables.append(table)
    if not report.bad_pages and not report.damaged_tables:
        # A page whose HMAC is sound but whose b-tree is not (a bug, a bad disk write).
        try:
            rows = reader.fetch("PRAGMA quick_check")
        except Exception as exc:
            if not is_damage(exc):
                raise
            rows = [("malformed",)]
        if [str(r[0]) for r in rows] != ["ok"]:
            report.bad_pages.append(0)
    return report
