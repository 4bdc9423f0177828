"""The synced records as the book defines them: which tables sync, their fields, and how a value
travels as JSON.

Read from the book's models (``crmdesk.db.models.SYNCED_MODELS``), never written out by hand, so
the outbox that records an edit, the client that applies a pulled row and the server that stores
it all see one shape. ``crmdesk.sync.protocol`` speaks of records in these terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Table

FieldValue = Any


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: tuple[str, ...]  # every column but the id
    dates: frozenset[str]
    datetimes: frozenset[str]
    parents: tuple[tuple[str, str], ...]  # (column, parent table)


@cache
def table_specs() -> dict[str, TableSpec]:
    """The synced tables of the book, read from the domain model."""
    from crmdesk.db.models import SYNCED_MODELS

    specs: dict[str, TableSpec] = {}
    for model in SYNCED_MODELS:
        table = _table_of(model)
        fields = tuple(c.name for c in table.columns if c.name != "id")
        dates = frozenset(
            c.name
            for c in table.columns
            if isinstance(c.type, Date) and not isinstance(c.type, DateTime)
        )
        datetimes = frozenset(
            c.name
            for c in table.columns
            if isinstance(c.type, DateTime) or isinstance(getattr(c.type, "impl", None), DateTime)
        )
        parents = tuple(
            (fk.parent.name, fk.target_fullname.split(".")[0])
            for fk in table.foreign_keys
            if fk.parent.name != "reports_to_id"  # a peer, not an owner
        )
        specs[table.name] = TableSpec(table.name, fields, dates, datetimes, parents)
    return specs


def _table_of(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def encode_value(value: object) -> FieldValue:
    """A column value as JSON: dates and datetimes as ISO text, everything else as is."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decode_value(spec: TableSpec, field: str, value: FieldValue) -> object:
    if value is None:
        return None
    if field in spec.datetimes:
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if field in spec.dates:
        return dt.date.fromisoformat(value)
    return value
