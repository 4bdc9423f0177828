"""Apply pulled pages to the book in bulk: Core ``executemany`` upserts, no ORM, no outbox.

A page is applied in one transaction together with its cursor. A pulled row the book cannot take
(not shaped like a change, a value of the wrong type or length, a constraint) is set aside with
its reason, and the rest of the page applies: no server content stops a sync.

Foreign keys are switched off for that transaction: a page is ordered by server sequence, not by
parent before child, and a parent may have been purged or be outside the device's scope. Fields
with a pending local edit keep the local value (the edit will be pushed and merged on the
server).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, Table, delete, select, tuple_
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from crmdesk.db.models import SYNCED_MODELS
from crmdesk.db.record_schema import check_values, is_record_id, table_specs
from crmdesk.db.sync_state import SyncConflict, SyncOutbox, SyncShadow
from crmdesk.sync.protocol import CONFLICTS_TABLE

CHUNK = 400


@cache
def tables() -> dict[str, Table]:
    out: dict[str, Table] = {}
    for model in SYNCED_MODELS:
        table = model.__table__
        assert isinstance(table, Table)
        out[table.name] = table
    return out


@cache
def defaults(tbl: str) -> dict[str, Any]:
    """Column defaults, for fields a server row lacks (written by an older schema)."""
    out: dict[str, Any] = {}
    for column in tables()[tbl].columns:
        d = column.default
        if d is None:
            continue
        arg = getattr(d, "arg", None)
        if getattr(d, "is_scalar", False):
            out[column.name] = arg
        elif callable(arg):
            try:
                out[column.name] = arg(None)
            except TypeError:
                continue
    return out


@contextmanager
def foreign_keys_off(engine: Engine) -> Iterator[Connection]:
    """A connection whose next transaction does not check foreign keys (a PRAGMA that SQLite
    only honours outside a transaction)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            raw.execute("PRAGMA foreign_keys = ON")


def defer_indexes(conn: Connection) -> list[str]:
    """Drop the synced tables' secondary indexes for a first sync; return their SQL.

    A first sync writes 100,000 rows keyed by random UUIDs: kept up row by row, each index is a
    b-tree written all over (decrypted, changed, encrypted again) at every page's commit; built
    once at the end it is one sorted pass. Unique indexes stay (they refuse rows the book cannot
    hold, see ``_apply_table``). The caller keeps the SQL in the same transaction and hands it to
    :func:`restore_indexes` when the sync ends, or the next one does after a crash.
    """
    names = sorted(tables())
    marks = ", ".join("?" for _ in names)
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(names),
    ).all()
    dropped: list[str] = []
    for name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def restore_indexes(conn: Connection, statements: Iterable[str]) -> None:
    """Build again the indexes :func:`defer_indexes` dropped (those not there already)."""
    for sql in statements:
        conn.exec_driver_sql(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def pending_fields(conn: Connection) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for tbl, rid, fields in conn.execute(
        select(SyncOutbox.tbl, SyncOutbox.record_id, SyncOutbox.fields)
    ):
        out[(tbl, rid)].update(fields)
    return out


def _local_rows(conn: Connection, tbl: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    table = tables()[tbl]
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            found[row["id"]] = dict(row)
    return found


# A change as the server sends it: the keys and their JSON types.
_CHANGE_SHAPE: dict[str, type | tuple[type, ...]] = {
    "tbl": str,
    "id": str,
    "book": str,
    "version": int,
    "seq": int,
    "deleted": bool,
    "data": dict,
}


def set_aside_reason(ch: object) -> str | None:
    """Why the book cannot take the pulled change ``ch`` (None: it can, as far as its values
    go; a constraint may still refuse it). The record schema is applied leniently: fields and
    vocabulary terms of a newer crmdesk are fine, wrong types, lengths and dates are not."""
    if not isinstance(ch, dict):
        return "not a record"
    for key, kind in _CHANGE_SHAPE.items():
        value = ch.get(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            return f"{key}: missing or of the wrong type"
    spec = table_specs().get(ch["tbl"])
    if spec is None:
        return None  # a newer table, or the conflicts: handled by their own readers
    if not is_record_id(ch["id"]):
        return "id: not a record id"
    problems = check_values(spec, ch["data"], full_row=True, lenient=True)
    if problems:
        p = problems[0]
        return f"{p.field}: {p.reason}" if p.field else p.reason
    return None


def apply_changes(
    conn: Connection,
    changes: Iterable[Any],
    *,
    pending: dict[tuple[str, str], set[str]],
    mark: int,
    rejected: list[tuple[str, str]] | None = None,
    reasons: dict[tuple[str, str], str] | None = None,
) -> dict[str, list[str]]:
    """Upsert pulled rows (and their shadow versions); return the ids written per table.

    Rows the book cannot take (see :func:`set_aside_reason`, or a constraint) are left out and
    added to ``rejected``, with their reason in ``reasons``.
    """
    refused: list[tuple[str, str]] = [] if rejected is None else rejected
    why: dict[tuple[str, str], str] = {} if reasons is None else reasons
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ch in changes:
        reason = set_aside_reason(ch)
        if reason is not None:
            key = (
                (str(ch.get("tbl", "?")), str(ch.get("id", "?")))
                if isinstance(ch, dict)
                else ("?", "?")
            )
            refused.append(key)
            why[key] = reason
            continue
        by_table[ch["tbl"]].append(ch)
    written: dict[str, list[str]] = {}
    shadow_rows: list[tuple[Any, ...]] = []
    specs = table_specs()
    for tbl, items in by_table.items():
        if tbl == CONFLICTS_TABLE:
            _apply_conflicts(conn, items)
        elif tbl in specs:
            before = len(refused)
            _apply_table(conn, tbl, items, pending, refused, why)
            if len(refused) > before:
                bad = set(refused[before:])
                items = [ch for ch in items if (tbl, ch["id"]) not in bad]
            written[tbl] = [ch["id"] for ch in items]
        else:
            continue  # a table this crmdesk does not know (a newer schema): skipped
        shadow_rows += [(tbl, ch["id"], ch["version"], ch["book"], ch["seq"], mark) for ch in items]
    if shadow_rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_shadow (tbl, record_id, version, book_id, seq, mark) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, record_id) DO UPDATE SET "
            "version = excluded.version, book_id = excluded.book_id, seq = excluded.seq, "
            "mark = excluded.mark",
            shadow_rows,
        )
    return written


@cache
def _writer(tbl: str, dialect: Dialect) -> tuple[str, list[tuple[int, Callable[[Any], Any]]]]:
    """The upsert statement of a table and the columns whose wire value needs converting to
    what the driver stores (the column type's own bind processing, applied here once per value
    instead of through SQLAlchemy's per-row machinery). Text, numbers and ISO dates are stored
    as they travel."""
    spec = table_specs()[tbl]
    table = tables()[tbl]
    columns = ["id", *spec.fields]
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    for i, c in enumerate(columns):
        bind = table.c[c].type.bind_processor(dialect)
        if c in spec.dates:
            continue
        if c in spec.datetimes:
            convert.append((i, _utc_text_or(_compose(bind, _parse_datetime))))
        elif c in spec.columns and spec.columns[c].kind == "string_list" and bind is not None:
            convert.append((i, _empty_list_or(bind)))
        elif bind is not None:
            convert.append((i, bind))
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    sql = f'INSERT INTO "{tbl}" ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}'
    return sql, convert


def _utc_text_or(slow: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A UTC time as devices send it (``2026-12-03T04:59:18.123456+00:00``) stored as the
    driver would store the parsed value (``2026-12-03 04:59:18.123456``), by slicing the text:
    a first sync has 200,000 of them. Anything else is parsed (``slow``)."""

    def convert(value: Any) -> Any:
        if (
            type(value) is str
            and value.endswith("+00:00")
            and value[10:11] == "T"
            and (
                len(value) == 25
                or (len(value) == 32 and value[19] == "." and value[20:26] != "000000")
            )
        ):
            return f"{value[:10]} {value[11:-6]}"
        return slow(value)

    return convert


def _empty_list_or(bind: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Most phone, e-mail and tag lists are empty: their JSON without the encoder."""
    return lambda value: "[]" if value == [] else bind(value)


def _parse_datetime(value: Any) -> Any:
    if value is None or isinstance(value, dt.datetime):  # a column default
        return value
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _compose(
    bind: Callable[[Any], Any] | None, first: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    if bind is None:
        return first
    return lambda value: bind(first(value))


def _apply_table(
    conn: Connection,
    tbl: str,
    items: list[dict[str, Any]],
    pending: dict[tuple[str, str], set[str]],
    rejected: list[tuple[str, str]],
    reasons: dict[tuple[str, str], str],
) -> None:
    spec = table_specs()[tbl]
    sql, convert = _writer(tbl, conn.dialect)
    columns = ["id", *spec.fields]
    position = {c: i for i, c in enumerate(columns)}
    deleted_at = position["deleted"]
    base = defaults(tbl)
    fields = [(f, base.get(f)) for f in spec.fields]
    with_pending = [ch["id"] for ch in items if (tbl, ch["id"]) in pending]
    local = _local_rows(conn, tbl, with_pending) if with_pending else {}
    binds = {c: tables()[tbl].c[c].type.bind_processor(conn.dialect) for c in columns}
    rows: list[list[Any]] = []
    for ch in items:
        data = ch["data"]
        values = [ch["id"], *[data.get(f, d) for f, d in fields]]
        for i, conv in convert:
            values[i] = conv(values[i])
        values[deleted_at] = 1 if ch["deleted"] else 0
        keep = pending.get((tbl, ch["id"]))
        mine = local.get(ch["id"])
        if keep and mine is not None:
            for f in keep:
                if f in mine:
                    values[position[f]] = _local_value(binds[f], mine[f])
        rows.append(values)
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(sql, [tuple(v) for v in rows])
    except IntegrityError:
        # A row this book cannot hold (two devices made tiers with the same code): apply the
        # others one by one and report the rest, rather than stop syncing for good.
        for values in rows:
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql(sql, tuple(values))
            except IntegrityError as exc:
                rejected.append((tbl, str(values[0])))
                reasons[(tbl, str(values[0]))] = _constraint(exc)


def _constraint(exc: IntegrityError) -> str:
    """The constraint SQLite names (no values: they are the customer's data)."""
    text = str(exc.orig) if exc.orig is not None else "a constraint"
    return text.splitlines()[0][:200]


def _local_value(bind: Callable[[Any], Any] | None, value: Any) -> Any:
    return bind(value) if bind is not None else value


def _apply_conflicts(conn: Connection, items: list[dict[str, Any]]) -> None:
    rows = []
    for ch in items:
        d = ch["data"]
        rows.append(
            {
                "id": ch["id"],
                "tbl": str(d.get("tbl", "")),
                "record_id": str(d.get("record_id", "")),
                "field": str(d.get("field", "")),
                "kind": str(d.get("kind", "field")),
                "value": d.get("value"),
                "winner": d.get("winner"),
                "device_id": str(d.get("device_id", "")),
                "at": str(d.get("at", "")),
                "resolved": bool(d.get("resolved")) or bool(ch["deleted"]),
            }
        )
    stmt = sqlite_insert(SyncConflict)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["id"], set_={"resolved": stmt.excluded.resolved}
        ),
        rows,
    )


def remove_records(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Remove records from the book (they left the device's scope); return ids per table."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for tbl, rid in keys:
        by_table[tbl].append(rid)
    for tbl, ids in by_table.items():
        for chunk in _chunks(ids):
            if tbl == CONFLICTS_TABLE:
                conn.execute(delete(SyncConflict).where(SyncConflict.id.in_(chunk)))
            elif tbl in tables():
                table = tables()[tbl]
                conn.execute(delete(table).where(table.c.id.in_(chunk)))
            conn.execute(
                delete(SyncShadow).where(
                    tuple_(SyncShadow.tbl, SyncShadow.record_id).in_([(tbl, i) for i in chunk])
                )
            )
    return dict(by_table)


def apply_departures(
    conn: Connection, departures: Iterable[dict[str, Any]]
) -> dict[str, list[str]]:
    """Drop records that left a book, unless the shadow places them elsewhere or later (a
    manager sees a record leave one book and arrive in another, in either order; a record may
    also come back to a book it left)."""
    deps = list(departures)
    if not deps:
        return {}
    where: dict[tuple[str, str], tuple[str, int]] = {}
    keys = [(d["tbl"], d["id"]) for d in deps]
    for chunk in _chunks(keys):
        for tbl, rid, book, seq in conn.execute(
            select(SyncShadow.tbl, SyncShadow.record_id, SyncShadow.book_id, SyncShadow.seq).where(
                tuple_(SyncShadow.tbl, SyncShadow.record_id).in_(chunk)
            )
        ):
            where[(tbl, rid)] = (book, seq)
    gone = []
    for d in deps:
        found = where.get((d["tbl"], d["id"]))
        # No shadow: a record this device made and pushed but never pulled back.
        if found is None or (found[0] == d["book"] and found[1] < d["seq"]):
            gone.append((d["tbl"], d["id"]))
    return remove_records(conn, gone)
