"""Getting a damaged book back: from the company server or a backup, plus whatever the damaged
file can still give, and a plain account of what could not be saved.

* :func:`salvage_rows` reads one table of a damaged file row by row in rowid order. Where a page
  is refused (its HMAC fails), it probes ahead and bisects to the first row it can read again,
  so one bad page costs the rows on that page only. (A damaged page of the schema itself makes
  every table unreachable through SQL; then only the server and the backups remain.)
* :func:`recover_book` builds the new book in a staging file beside the old one and only then
  swaps it in; the damaged file is renamed ``<book>.damaged-<time>`` and never deleted.

  - **Enrolled book**: a new empty book gets the device's enrolment (``sync_meta``) and every
    pending outbox entry from the damaged file, then ``pull`` (the caller's: the sync client's
    public ``pull``, so ``db`` needs no ``sync``) fills it from the server. Then every record
    with a pending edit takes the damaged file's row (or, if that row is lost, the outbox
    entry's values), and records the server never had are added back with an outbox entry so
    the next sync sends them.
  - **Never enrolled**: the newest backup that passes its check, then every readable row of
    the damaged file over it (the file is newer than the backup).
* :func:`repair_derived` rebuilds a book whose damage lies only in derived data (search index,
  indexes): every record is read, so nothing is lost; it runs without asking.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, insert, select, update

from crmdesk.core.errors import BookError
from crmdesk.db import integrity, search
from crmdesk.db.backup import list_backups, move_aside, verify_backup
from crmdesk.db.integrity import Reader

if TYPE_CHECKING:
    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.keys import BookKey

BATCH = 256
_MIN_ROWID = 0  # SQLite gives rowids from 1 up
_MAX_ROWID = 2**62
# Enrolment values carried into the rebuilt book; the cursor is not: the pull starts afresh.
_KEPT_META = (
    "server_url", "device_id", "username", "user_id", "role", "book_id", "token_in",
    "device_token", "ca_file", "epoch", "acked_through", "lease_until", "book_names",
)  # fmt: skip


@dataclass
class TableSalvage:
    rows: int = 0
    gaps: int = 0  # runs of rows lost to a refused page
    unreadable: bool = False  # not even the table's first page could be read


@dataclass
class RecoveryReport:
    """What a recovery did, for the user."""

    path: Path
    damaged_kept: Path | None = None
    source: str = ""  # "server", "backup <name>", "empty book"
    tables: dict[str, TableSalvage] = field(default_factory=dict)
    schema_readable: bool = True
    pending_carried: int = 0
    records_added_back: int = 0

    @property
    def lost_anything(self) -> bool:
        return not self.schema_readable or any(t.gaps or t.unreadable for t in self.tables.values())

    def summary(self) -> str:
        lines = [f"Recovered {self.path.name} from {self.source}."]
        if self.damaged_kept is not None:
            lines.append(f"The damaged file is kept as {self.damaged_kept.name}.")
        saved = sum(t.rows for t in self.tables.values())
        lines.append(f"{saved} row(s) read from the damaged file.")
        if self.pending_carried:
            lines.append(f"{self.pending_carried} unsynced edit(s) carried over.")
        if self.records_added_back:
            lines.append(f"{self.records_added_back} record(s) the server never had added back.")
        if not self.schema_readable:
            lines.append("The damaged file's table of contents was unreadable: nothing more in it.")
        for name, t in sorted(self.tables.items()):
            if t.unreadable:
                lines.append(f"Could not be saved: all of {name} in the damaged file.")
            elif t.gaps:
                lines.append(f"Could not be saved: {t.gaps} damaged page(s) of {name}.")
        if not self.lost_anything:
            lines.append("Nothing was lost.")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "book": str(self.path),
            "damaged_kept": str(self.damaged_kept) if self.damaged_kept else None,
            "source": self.source,
            "schema_readable": self.schema_readable,
            "pending_carried": self.pending_carried,
            "records_added_back": self.records_added_back,
            "tables": {
                n: {"rows": t.rows, "gaps": t.gaps, "unreadable": t.unreadable}
                for n, t in sorted(self.tables.items())
            },
            "lost_anything": self.lost_anything,
        }


# -- reading what a damaged file still holds ----------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns_of(raw: Any, table: str) -> list[str]:
    return [str(r[1]) for r in raw.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()]


def _probe(src: Reader, q: str, at: int) -> bool:
    """Can the first row at or after rowid ``at`` be read? (An empty answer counts as yes.)"""
    try:
        src.fetch(f"SELECT * FROM {q} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (at,))
    except Exception as exc:
        if not integrity.is_damage(exc):
            raise
        return False
    return True


def _skip_damage(src: Reader, q: str, after: int) -> int | None:
    """The smallest rowid > ``after`` from which reading works again (None: none does)."""
    lo, step = after + 1, 1  # _probe(lo) failed
    hi = None
    while hi is None:
        candidate = min(after + 1 + step, _MAX_ROWID)
        if _probe(src, q, candidate):
            hi = candidate
        elif candidate == _MAX_ROWID:
            return None
        else:
            lo, step = candidate, step * 2
    while hi - lo > 1:  # probe(lo) fails, probe(hi) works
        mid = (lo + hi) // 2
        if _probe(src, q, mid):
            hi = mid
        else:
            lo = mid
    return hi


def salvage_rows(src: Reader, table: str, stats: TableSalvage) -> Iterator[tuple[Any, ...]]:
    """Every readable row of ``table`` (all columns, in ``columns_of`` order)."""
    q = _quoted(table)
    cols = ", ".join(_quoted(c) for c in columns_of(src.raw, table))
    found = src.fetch("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    sql_has_rowid = found[0] if found else None
    if sql_has_rowid and "WITHOUT ROWID" in str(sql_has_rowid[0]).upper():
        try:
            rows = src.fetch(f"SELECT {cols} FROM {q}")
        except Exception as exc:
            if not integrity.is_damage(exc):
                raise
            stats.unreadable = True
            return
        stats.rows += len(rows)
        yield from rows
        return
    last, size = _MIN_ROWID, BATCH
    while True:
        try:
            batch = src.fetch(
                # ">= last + 1", not "> last": the latter steps over the last row's cell, and
                # fails if that row's page is the damaged one.
                f"SELECT rowid, {cols} FROM {q} WHERE rowid >= ? ORDER BY rowid LIMIT ?",
                (last + 1, size),
            )
        except Exception as exc:
            if not integrity.is_damage(exc):
                raise
            if size > 1:
                size = 1  # go row by row up to the damage
                continue
            resume = _skip_damage(src, q, last)
            stats.gaps += 1
            if resume is None:
                if last == _MIN_ROWID:
                    stats.unreadable, stats.gaps = True, 0
                return
            last, size = resume - 1, 1
            continue
        if not batch:
            return
        stats.rows += len(batch)
        for row in batch:
            yield tuple(row[1:])
        last = batch[-1][0]
        size = min(size * 4, BATCH)


def copy_rows(
    source: Reader,
    target: Connection,
    table: str,
    stats: TableSalvage,
    *,
    replace: bool,
    keep: Callable[[dict[str, Any]], bool] | None = None,
) -> list[dict[str, Any]]:
    """Copy ``table``'s readable rows into ``target`` (same schema; foreign keys off); return the
    rows written. ``replace``: a row already there is overwritten, else kept."""
    target_cols = set(columns_of(target.connection.driver_connection, table))
    cols = columns_of(source.raw, table)
    shared = [c for c in cols if c in target_cols]
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    sql = (
        f"{verb} INTO {_quoted(table)} ({', '.join(_quoted(c) for c in shared)}) "
        f"VALUES ({', '.join('?' for _ in shared)})"
    )
    index = [cols.index(c) for c in shared]
    written: list[dict[str, Any]] = []
    batch: list[tuple[Any, ...]] = []
    for row in salvage_rows(source, table, stats):
        values = dict(zip(cols, row, strict=True))
        if keep is not None and not keep(values):
            continue
        batch.append(tuple(row[i] for i in index))
        written.append(values)
        if len(batch) >= 500:
            target.exec_driver_sql(sql, batch)
            batch.clear()
    if batch:
        target.exec_driver_sql(sql, batch)
    return written


# -- building the new book ----------------------------------------------------------------------


def _staging(path: Path) -> Path:
    staging = path.with_name(path.name + ".recovering")
    from crmdesk.db.book import book_files

    for p in book_files(staging):
        p.unlink(missing_ok=True)
    return staging


def _open_target(staging: Path, info: BookInfo, key: BookKey) -> Book:
    from crmdesk.db.book import Book
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.migrate import ensure_current

    if not staging.exists():
        staging.touch(mode=0o600)
    engine = create_book_engine(staging, key)
    ensure_current(engine, staging)
    return Book(staging, info, engine, None, key)


def _swap_in(path: Path, staging: Path, book: Book) -> Path | None:
    """Close the rebuilt book, put it in place; the old file goes aside. Returns where."""
    with book.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    book.close()
    from crmdesk.db.book import book_files

    aside = move_aside(path, "damaged") if path.exists() else None
    for p in book_files(staging):
        if p.exists() and p != staging:
            p.unlink()
    os.replace(staging, path)
    return aside


def _open_source(path: Path, key: BookKey, report: RecoveryReport) -> Reader | None:
    """A read-only connection to the damaged file, or None when even its schema is gone."""
    try:
        src = Reader(path, key)
        src.fetch("SELECT name FROM sqlite_master")
    except Exception as exc:
        if isinstance(exc, BookError) or integrity.is_damage(exc):
            report.schema_readable = False
            return None
        raise
    return src


def _source_tables(src: Reader | None, report: RecoveryReport) -> list[str]:
    if src is None:
        return []
    try:
        return [t for t in integrity.record_tables(src.raw) if t != "alembic_version"]
    except Exception as exc:
        if not integrity.is_damage(exc):
            raise
        report.schema_readable = False
        return []


def _meta(src: Reader, report: RecoveryReport) -> dict[str, str]:
    stats = report.tables.setdefault("sync_meta", TableSalvage())
    try:
        cols = columns_of(src.raw, "sync_meta")
        rows = list(salvage_rows(src, "sync_meta", stats))
    except Exception as exc:
        if not integrity.is_damage(exc):
            raise
        return {}
    k, v = cols.index("key"), cols.index("value")
    return {str(r[k]): str(r[v]) for r in rows}


def _fk_off(book: Book) -> Any:
    from contextlib import contextmanager

    @contextmanager
    def ctx() -> Iterator[Connection]:
        with book.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    yield conn
            finally:
                raw.execute("PRAGMA foreign_keys = ON")

    return ctx()


def recover_book(
    path: Path,
    info: BookInfo,
    key: BookKey,
    *,
    pull: Callable[[Book], object] | None = None,
    use_server: bool = True,
) -> RecoveryReport:
    """Rebuild the book at ``path`` (see the module docstring). ``pull`` fills a book from the
    company server (``lambda b: SyncClient(b).pull()``); it is needed for an enrolled book
    unless ``use_server`` is False. The book must be closed everywhere (take its BookLock)."""
    report = RecoveryReport(path)
    source = _open_source(path, key, report)
    try:
        tables = _source_tables(source, report)
        meta = _meta(source, report) if source is not None and "sync_meta" in tables else {}
        enrolled = bool(meta.get("server_url") and meta.get("device_id"))
        staging = _staging(path)
        if enrolled and use_server and source is not None:
            if pull is None:
                raise BookError("recovering an enrolled book needs the company server")
            target = _from_server(staging, info, key, source, tables, meta, pull, report)
        else:
            target = _from_backup(staging, path, info, key, source, tables, report)
        with target.engine.begin() as conn:
            search.rebuild(conn)
    finally:
        if source is not None:
            source.close()
    report.damaged_kept = _swap_in(path, staging, target)
    return report


def _from_backup(
    staging: Path,
    path: Path,
    info: BookInfo,
    key: BookKey,
    source: Reader | None,
    tables: list[str],
    report: RecoveryReport,
) -> Book:
    for b in list_backups(path):
        try:
            verify_backup(b.path, key)
        except BookError:
            continue
        shutil.copyfile(b.path, staging)
        report.source = f"the backup {b.path.name}"
        break
    else:
        report.source = "an empty book (no good backup)"
    target = _open_target(staging, info, key)
    if source is not None:
        with _fk_off(target) as conn:
            for table in tables:
                stats = report.tables.setdefault(table, TableSalvage())
                if table == "sync_meta":
                    stats.rows = 0  # counted by _meta; read again here
                copy_rows(source, conn, table, stats, replace=True)
    return target


def _from_server(
    staging: Path,
    info: BookInfo,
    key: BookKey,
    source: Reader,
    tables: list[str],
    meta: dict[str, str],
    pull: Callable[[Book], object],
    report: RecoveryReport,
) -> Book:
    from crmdesk.db.record_schema import decode_value, encode_value, table_specs
    from crmdesk.db.sync_state import SyncOutbox, set_meta_value

    target = _open_target(staging, info, key)
    acked = int(meta.get("acked_through") or 0)
    with _fk_off(target) as conn:
        for k in _KEPT_META:
            if k in meta:
                set_meta_value(conn, k, meta[k])
        stats = report.tables.setdefault("sync_outbox", TableSalvage())
        pending = copy_rows(
            source, conn, "sync_outbox", stats, replace=True, keep=lambda r: r["seq"] > acked
        )
        report.pending_carried = len(pending)
        try:
            found = source.fetch("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")
            hwm = found[0] if found else None
        except Exception as exc:
            if not integrity.is_damage(exc):
                raise
            hwm = None
        top = max([acked, *(int(p["seq"]) for p in pending), int(hwm[0]) if hwm else 0])
        conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'sync_outbox'")
        conn.exec_driver_sql(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)", (top,)
        )
    report.source = f"the company server ({meta.get('server_url')})"
    pull(target)

    specs = table_specs()
    pending_ids: dict[str, set[str]] = {}
    for p in pending:
        pending_ids.setdefault(str(p["tbl"]), set()).add(str(p["record_id"]))
    shadows: set[tuple[str, str]] | None
    try:
        shadows = {
            (str(t), str(r)) for t, r in source.fetch("SELECT tbl, record_id FROM sync_shadow")
        }
    except Exception as exc:
        if not integrity.is_damage(exc):
            raise
        shadows = None  # unknown which records the server has seen: add back every missing one
    from crmdesk.db.models import SYNCED_MODELS

    with _fk_off(target) as conn:
        for model in SYNCED_MODELS:
            table = model.__table__
            assert isinstance(table, Table)
            name = table.name
            if name not in tables:
                continue
            present = {r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {_quoted(name)}")}
            mine = pending_ids.get(name, set())

            def keep(row: dict[str, Any], present: set[str] = present, mine: set[str] = mine,
                     name: str = name) -> bool:  # fmt: skip
                rid = str(row["id"])
                if rid in mine:
                    return True  # an unsynced edit: the local row is the newest
                if rid in present:
                    return False  # the server's copy is as new or newer
                return shadows is None or (name, rid) not in shadows

            stats = report.tables.setdefault(name, TableSalvage())
            written = copy_rows(source, conn, name, stats, replace=True, keep=keep)
            spec = specs[name]
            for row in written:
                rid = str(row["id"])
                if rid in mine:
                    continue
                full = conn.execute(select(table).where(table.c.id == rid)).mappings().one()
                fields = {f: encode_value(full[f]) for f in spec.fields}
                conn.execute(
                    insert(SyncOutbox).values(
                        tbl=name, record_id=rid, base_version=0, fields=fields, row=fields
                    )
                )
                report.records_added_back += 1
            # A pending edit whose row the damaged file lost: its outbox entry has the values.
            readable = {str(r["id"]) for r in written}
            for p in sorted(pending, key=lambda e: int(e["seq"])):
                rid = str(p["record_id"])
                if p["tbl"] != name or rid in readable:
                    continue
                values = _json(p["row"]) or {}
                values.update(_json(p["fields"]) or {})
                decoded = {
                    f: decode_value(spec, f, v) for f, v in values.items() if f in spec.fields
                }
                exists = conn.execute(select(table.c.id).where(table.c.id == rid)).first()
                if exists is not None:
                    if decoded:
                        conn.execute(update(table).where(table.c.id == rid).values(**decoded))
                elif p["row"] is not None:
                    conn.execute(insert(table).values(id=rid, **decoded))
    return target


def _json(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    loaded = json.loads(value)
    return loaded if isinstance(loaded, dict) else None


def repair_derived(path: Path, info: BookInfo, key: BookKey) -> RecoveryReport:
    """Rebuild a book whose records all read back (damage in the search index or the indexes
    only) into a new file: every row copied, indexes and search index made anew."""
    report = RecoveryReport(path)
    source = _open_source(path, key, report)
    if source is None:
        raise integrity.damaged(path, "its schema cannot be read")
    staging = _staging(path)
    try:
        tables = _source_tables(source, report)
        target = _open_target(staging, info, key)
        with _fk_off(target) as conn:
            conn.exec_driver_sql("DELETE FROM alembic_version")
            for table in [*tables, "alembic_version"]:
                copy_rows(source, conn, table, report.tables.setdefault(table, TableSalvage()),
                          replace=True)  # fmt: skip
        with target.engine.begin() as conn:
            search.rebuild(conn)
    finally:
        source.close()
    if report.lost_anything:
        target.close()
        for p in (staging,):
            p.unlink(missing_ok=True)
        raise integrity.damaged(path, "records are damaged too; run `crmdesk recover`")
    report.source = "its own readable records"
    report.damaged_kept = _swap_in(path, staging, target)
    return report
