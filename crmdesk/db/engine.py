"""The encrypted SQLAlchemy engine over one SQLCipher file.

Every connection is keyed before anything else touches the file, checked to really be SQLCipher
(``PRAGMA cipher_version``), and proven to open the file with a read of the schema, so a wrong key
fails before any write (the file stays byte-identical). Then WAL mode, foreign keys, in-memory
temp storage (temp files would otherwise hold plaintext pages) and a page cache sized for search.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import sqlcipher3

from crmdesk.core.errors import BookError, WrongKeyError
from crmdesk.db import integrity
from crmdesk.db.keys import BookKey

if TYPE_CHECKING:
    # Imported where the engine is made: a command that reads on the driver's connection
    # (connect_raw) never loads SQLAlchemy.
    from sqlalchemy import Engine

# Page cache per connection (negative = KiB): decrypted pages stay in memory, which is what keeps
# encrypted search close to plain SQLite speed. Sized from the book: a third of the file, at
# least 8 MB and at most 64 MB (each connection of the pool has its own, so it is bounded).
CACHE_SIZE_KIB = 64 * 1024
MIN_CACHE_SIZE_KIB = 8 * 1024


def cache_size_kib(path: Path) -> int:
    """The page cache (KiB) for the book at ``path``: a third of its size, within bounds."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return max(MIN_CACHE_SIZE_KIB, min(CACHE_SIZE_KIB, size // 1024 // 3))


def optimize_statistics(engine: Engine) -> None:
    """Give the query planner statistics where they are missing or stale.

    ``PRAGMA optimize=0x10002`` runs ANALYZE on the tables that need it: all of them on a book
    that never had statistics, a table again once it grew tenfold; otherwise it costs a few
    milliseconds (14 ms on the 100k team benchmark book, under load). The whole of each index
    is read (no ``analysis_limit``): statistics from a sample of 400 rows made SQLite walk
    every live contact for one account's (measured on the team benchmark's book). The team
    dashboard's GROUP BYs pick their covering indexes only with these statistics.
    """
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA optimize = 0x10002")


def _key_connection(raw: Any, key: BookKey, path: Path) -> None:
    cur = raw.cursor()
    try:
        version = cur.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise BookError("the SQLite engine in use has no encryption (SQLCipher is missing)")
        # A wrong key is reported by our own error; SQLCipher's log would only add noise.
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = {key.pragma_value()}")
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise WrongKeyError(
                f"the key or passphrase does not open the book {path.name} (or it is not a "
                "crmdesk book)"
            ) from exc
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA cache_size = -{cache_size_kib(path)}")
        cur.execute("PRAGMA busy_timeout = 5000")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            raise BookError(f"the book {path.name} could not be put in WAL mode")
        cur.execute("PRAGMA synchronous = NORMAL")
    finally:
        cur.close()


def connect_raw(path: Path, key: BookKey) -> Any:
    """A keyed DB-API connection (sqlcipher3), for tools that need one outside SQLAlchemy."""
    raw = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        _key_connection(raw, key, path)
    except BaseException:
        raw.close()
        raise
    return raw


class PragmaKey(Protocol):
    """Anything that gives a value for ``PRAGMA key`` (a book key, a derived key with salt)."""

    def pragma_value(self) -> str: ...


def open_readonly(path: Path, key: PragmaKey) -> Any:
    """A keyed read-only DB-API connection that never writes to the file (checks, salvage and
    backups being verified): no WAL switch, no journal, ``query_only``."""
    raw = sqlcipher3.connect(
        f"file:{path}?mode=ro",
        uri=True,
        check_same_thread=False,
        isolation_level=None,
        # A statement that hit a refused page must not linger in a cache: it would keep the
        # failed read transaction, and with it the error, for every later statement.
        cached_statements=0,
    )
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = {key.pragma_value()}")
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise WrongKeyError(
                f"the key or passphrase does not open {path.name}, or its first page is damaged"
            ) from exc
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA query_only = ON")
        cur.close()
    except BaseException:
        raw.close()
        raise
    return raw


def create_book_engine(path: Path, key: BookKey) -> Engine:
    """An engine whose every connection is keyed with ``key``; raises WrongKeyError at once.

    The key lives only in this closure and in SQLCipher's memory; it never appears in the URL,
    so it cannot leak into a log line or a traceback's repr of the engine.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    def creator() -> Any:
        raw = sqlcipher3.connect(str(path), check_same_thread=False)
        try:
            _key_connection(raw, key, path)
        except BaseException:
            raw.close()
            raise
        return raw

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
    )

    # pysqlite's implicit transactions start late and break SAVEPOINT; begin explicitly.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    # A damaged page or a busy book becomes one clear BookError, in every command and the app.
    @event.listens_for(engine, "handle_error")
    def _clear_error(context: Any) -> BaseException | None:
        return integrity.translate(context.original_exception, path)

    # Open one connection now so a wrong key is reported here, not on first use.
    with engine.connect():
        pass
    return engine
