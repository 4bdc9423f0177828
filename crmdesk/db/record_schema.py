"""The synced records as the book defines them: which tables sync, their fields, what each field
may hold, and how a value travels as JSON.

Read from the book's models (``crmdesk.db.models.SYNCED_MODELS``), never written out by hand, so
the outbox that records an edit, the client that applies a pulled row and the server that stores
it all see one shape. For each field: its JSON type (from the column type), its length (from the
column's ``String(n)``; free text up to the notes limit), whether it may be null and whether a new
row must carry it (neither nullable nor defaulted), and, for coded fields, the vocabulary of
:mod:`crmdesk.core.vocab` it takes its values from. Record ids are UUIDs, as the book mints them.

:func:`check_values` applies all of it; the server calls it on every mutation it receives, the
client on every row it pulls. ``crmdesk.sync.protocol`` speaks of records in these terms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Table

from crmdesk.core import dates, vocab
from crmdesk.core.errors import ValidationError
from crmdesk.core.money import MAX_MINOR, MINOR_DIGITS
from crmdesk.core.validation import NOTES_MAX

FieldValue = Any
JsonKind = Literal["string", "integer", "boolean", "date", "datetime", "string_list"]

ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_ID = re.compile(ID_PATTERN)
LIST_MAX_ITEMS = 200  # phones, e-mails, tags, colleagues of one record
LIST_ITEM_MAX = 254  # the longest list item the app writes (an e-mail address)
INT_MAX = 2**53 - 1  # exact in every JSON reader
# What a newer crmdesk may add that this one does not know: kept, but only this much.
UNKNOWN_FIELD_MAX_BYTES = 10_000
UNKNOWN_TOTAL_MAX_BYTES = 100_000

# Coded fields: table.column -> the vocabulary of its values. Tiers' codes are rows, not a
# vocabulary; currencies are the ones crmdesk knows.
_CURRENCIES = frozenset(MINOR_DIGITS)
_VALUE_SETS: dict[str, frozenset[str]] = {
    "accounts.status": frozenset(vocab.ACCOUNT_STATUSES.codes),
    "accounts.customer_type": frozenset(vocab.CUSTOMER_TYPES.codes),
    "accounts.currency": _CURRENCIES,
    "contacts.decision_role": frozenset(vocab.DECISION_ROLES.codes),
    "contacts.gender": frozenset(vocab.GENDERS.codes),
    "family_members.relation": frozenset(vocab.FAMILY_RELATIONS.codes),
    "preferences.category": frozenset(vocab.PREFERENCE_CATEGORIES.codes),
    "important_dates.kind": frozenset(vocab.DATE_KINDS.codes),
    "important_dates.calendar": frozenset({"gregorian", "lunar"}),
    "interactions.kind": frozenset(vocab.INTERACTION_KINDS.codes),
    "interactions.cost_category": frozenset(vocab.COST_CATEGORIES.codes),
    "interactions.cost_currency": _CURRENCIES,
    "gifts.currency": _CURRENCIES,
    "opportunities.stage": frozenset(vocab.OPPORTUNITY_STAGES.codes),
    "opportunities.result": frozenset(vocab.OPPORTUNITY_RESULTS.codes),
    "opportunities.currency": _CURRENCIES,
    "complaints.status": frozenset(vocab.COMPLAINT_STATUSES.codes),
    "campaign_items.currency": _CURRENCIES,
    "gift_catalogue.currency": _CURRENCIES,
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: JsonKind
    nullable: bool
    required: bool  # a new row must carry it: not nullable and no default
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: frozenset[str] | None = None
    parent: str | None = None  # the table a foreign key points to (values are ids)


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: tuple[str, ...]  # every column but the id
    dates: frozenset[str]
    datetimes: frozenset[str]
    parents: tuple[tuple[str, str], ...]  # (column, parent table)
    columns: dict[str, FieldSpec]


@dataclass(frozen=True)
class Problem:
    """Why a value cannot be kept: the field (``""``: the record as a whole) and the reason."""

    field: str
    reason: str
    code: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason, "code": self.code}


@cache
def table_specs() -> dict[str, TableSpec]:
    """The synced tables of the book, read from the domain model."""
    from crmdesk.db.models import SYNCED_MODELS

    specs: dict[str, TableSpec] = {}
    for model in SYNCED_MODELS:
        table = _table_of(model)
        columns = {c.name: _field_spec(table.name, c) for c in table.columns if c.name != "id"}
        fields = tuple(columns)
        dates_ = frozenset(n for n, f in columns.items() if f.kind == "date")
        datetimes = frozenset(n for n, f in columns.items() if f.kind == "datetime")
        parents = tuple(
            (fk.parent.name, fk.target_fullname.split(".")[0])
            for fk in table.foreign_keys
            if fk.parent.name != "reports_to_id"  # a peer, not an owner
        )
        specs[table.name] = TableSpec(table.name, fields, dates_, datetimes, parents, columns)
    return specs


def _field_spec(table: str, column: Any) -> FieldSpec:
    ctype = column.type
    impl = getattr(ctype, "impl", None)
    kind: JsonKind
    max_length = minimum = maximum = None
    if isinstance(ctype, DateTime) or isinstance(impl, DateTime):
        kind = "datetime"
    elif isinstance(ctype, Date):
        kind = "date"
    elif isinstance(ctype, Boolean):
        kind = "boolean"
    elif isinstance(ctype, Integer):
        kind = "integer"
        minimum, maximum = (0, MAX_MINOR) if column.name.endswith("_minor") else (-INT_MAX, INT_MAX)
    elif isinstance(ctype, JSON):
        kind = "string_list"
        max_length = LIST_ITEM_MAX
    elif isinstance(ctype, String):
        kind = "string"
        max_length = ctype.length or NOTES_MAX  # Text is a String without a length
    else:  # pragma: no cover - a new column type must be described here
        raise TypeError(f"{table}.{column.name}: no JSON shape for {ctype!r}")
    fks = list(column.foreign_keys)
    return FieldSpec(
        name=column.name,
        kind=kind,
        nullable=bool(column.nullable),
        required=not column.nullable and column.default is None and column.server_default is None,
        max_length=max_length,
        minimum=minimum,
        maximum=maximum,
        choices=_VALUE_SETS.get(f"{table}.{column.name}"),
        parent=fks[0].target_fullname.split(".")[0] if fks else None,
    )


def _table_of(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def is_record_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def check_values(
    spec: TableSpec,
    values: dict[str, Any],
    *,
    full_row: bool,
    lenient: bool = False,
) -> list[Problem]:
    """What is wrong with ``values`` for ``spec`` (empty: nothing).

    ``full_row``: the values make a new record, so the required fields must be there.
    ``lenient``: they come from a newer crmdesk (a newer schema revision), whose unknown fields
    (bounded in size) and vocabulary terms are kept; known fields must still have their type.
    """
    if _plainly_fine(spec, values, full_row=full_row, lenient=lenient):
        return []
    return all_problems(spec, values, full_row=full_row, lenient=lenient)


def all_problems(
    spec: TableSpec, values: dict[str, Any], *, full_row: bool, lenient: bool = False
) -> list[Problem]:
    """:func:`check_values` without its fast path (each field checked and worded)."""
    problems: list[Problem] = []
    unknown_bytes = 0
    for name, value in values.items():
        column = spec.columns.get(name)
        if column is None:
            if not lenient:
                problems.append(Problem(name, "is not a field of this table", "unknown_field"))
                continue
            size = len(json.dumps(value, ensure_ascii=False).encode())
            unknown_bytes += size
            if size > UNKNOWN_FIELD_MAX_BYTES:
                problems.append(
                    Problem(
                        name,
                        f"an unknown field may hold {UNKNOWN_FIELD_MAX_BYTES:,} bytes, "
                        f"not {size:,}",
                        "too_long",
                    )
                )
            continue
        problem = check_value(column, value, lenient=lenient)
        if problem is not None:
            problems.append(problem)
    if unknown_bytes > UNKNOWN_TOTAL_MAX_BYTES:
        problems.append(
            Problem(
                "",
                f"unknown fields may hold {UNKNOWN_TOTAL_MAX_BYTES:,} bytes together",
                "too_long",
            )
        )
    if full_row:
        for name, column in spec.columns.items():
            if column.required and values.get(name) is None:
                problems.append(Problem(name, "is required", "required"))
    if not problems and spec.name == "important_dates":
        problems.extend(_check_important_date(values))
    return problems


# The checks of :func:`check_value` by kind, for the fast path below.
_BOOLEAN, _INTEGER, _LIST, _TEXT, _DATETIME, _OTHER = range(6)
_KIND_CODES = {"boolean": _BOOLEAN, "integer": _INTEGER, "string_list": _LIST}


@cache
def _fast_plan(table: str) -> tuple[dict[str, tuple[int, bool, Any]], tuple[str, ...]]:
    """Per field: (kind code, nullable, limit or value set); and the required fields."""
    spec = table_specs()[table]
    plan: dict[str, tuple[int, bool, Any]] = {}
    for name, c in spec.columns.items():
        if c.kind == "datetime":
            plan[name] = (_DATETIME, c.nullable, None)
        elif c.kind in _KIND_CODES:
            plan[name] = (_KIND_CODES[c.kind], c.nullable, (c.minimum, c.maximum))
        elif c.kind == "date" or c.parent is not None or c.choices is not None:
            plan[name] = (_OTHER, c.nullable, c)
        else:
            plan[name] = (_TEXT, c.nullable, c.max_length)
    required = tuple(n for n, c in spec.columns.items() if c.required)
    return plan, required


def _plainly_fine(
    spec: TableSpec, values: dict[str, Any], *, full_row: bool, lenient: bool
) -> bool:
    """True when :func:`check_values` would find nothing, decided in one tight loop (a first
    sync checks 100,000 pulled rows of twenty fields each). False means "look closer", not
    "wrong": anything unusual (unknown fields, odd date forms, a birthday) takes the full path,
    which alone words the problems."""
    if spec.name == "important_dates":
        return False
    plan, required = _fast_plan(spec.name)
    for name, value in values.items():
        step = plan.get(name)
        if step is None:
            return False
        if value is None:
            if step[1]:
                continue
            return False
        code = step[0]
        kind = type(value)
        if code == _TEXT:
            if kind is not str or len(value) > step[2] or "\x00" in value:
                return False
        elif code == _DATETIME:
            if kind is not str or "\x00" in value:
                return False
            try:
                year = dt.datetime.fromisoformat(value).year
            except ValueError:
                return False
            if not dates.MIN_YEAR <= year <= dates.MAX_YEAR:
                return False
        elif code == _BOOLEAN:
            if kind is not bool:
                return False
        elif code == _LIST:
            if kind is not list or len(value) > LIST_MAX_ITEMS:
                return False
            for item in value:
                if type(item) is not str or len(item) > LIST_ITEM_MAX:
                    return False
        elif code == _INTEGER:
            if kind is not int or not step[2][0] <= value <= step[2][1]:
                return False
        elif check_value(step[2], value, lenient=lenient) is not None:  # dates, coded fields
            return False
    if full_row:
        for name in required:
            if values.get(name) is None:
                return False
    return True


def check_value(column: FieldSpec, value: Any, *, lenient: bool = False) -> Problem | None:
    """What is wrong with one value of ``column``, or None."""
    name = column.name
    if value is None:
        return None if column.nullable else Problem(name, "must not be null", "null")
    kind = column.kind
    if kind == "boolean":
        if not isinstance(value, bool):
            return Problem(name, f"must be true or false, not {_shown(value)}", "type")
        return None
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return Problem(name, f"must be a whole number, not {_shown(value)}", "type")
        assert column.minimum is not None and column.maximum is not None
        if not column.minimum <= value <= column.maximum:
            return Problem(name, f"must be between {column.minimum} and {column.maximum}", "range")
        return None
    if kind == "string_list":
        if not isinstance(value, list):
            return Problem(name, f"must be a list of texts, not {_shown(value)}", "type")
        if len(value) > LIST_MAX_ITEMS:
            return Problem(name, f"may hold {LIST_MAX_ITEMS} items, not {len(value)}", "too_long")
        for item in value:
            if not isinstance(item, str):
                return Problem(name, f"must be a list of texts, not of {_shown(item)}", "type")
            if len(item) > LIST_ITEM_MAX:
                return Problem(
                    name,
                    f"items may be {LIST_ITEM_MAX} characters long, not {len(item)}",
                    "too_long",
                )
        return None
    if not isinstance(value, str):
        return Problem(name, f"must be text, not {_shown(value)}", "type")
    if "\x00" in value:
        return Problem(name, "contains a NUL character", "bad_character")
    if kind == "date":
        try:
            dates.parse_date(value, field=name)
        except ValidationError as exc:
            return Problem(name, exc.message, exc.code)
        return None
    if kind == "datetime":
        return _check_datetime(name, value)
    if column.parent is not None and not is_record_id(value):
        return Problem(name, "must be a record id (a UUID)", "id_shape")
    if column.max_length is not None and len(value) > column.max_length:
        return Problem(
            name,
            f"is {len(value):,} characters long; the limit is {column.max_length:,}",
            "too_long",
        )
    if column.choices is not None and value not in column.choices and not lenient:
        shown = ", ".join(sorted(column.choices)) if len(column.choices) < 20 else "…"
        return Problem(name, f"{_shown(value)} is not one of: {shown}", "unknown_term")
    return None


def _check_datetime(name: str, value: str) -> Problem | None:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return Problem(name, f"{_shown(value)} is not an ISO 8601 date and time", "datetime_syntax")
    try:
        dates.check_date(parsed.date(), field=name)
    except ValidationError as exc:
        return Problem(name, exc.message, exc.code)
    return None


def _check_important_date(values: dict[str, Any]) -> list[Problem]:
    """A birthday must be a date the planner can place: the DateSpec rules."""
    from crmdesk.core.dates import DateSpec

    keys = ("calendar", "month", "day")
    if not all(isinstance(values.get(k), (str, int)) for k in keys):
        return []  # an edit of other fields: the stored row was checked when it came
    try:
        DateSpec(
            calendar=values["calendar"],
            month=values["month"],
            day=values["day"],
            year=values.get("year"),
            is_leap_month=bool(values.get("is_leap_month")),
        )
    except ValidationError as exc:
        return [Problem(exc.field or "day", exc.message, exc.code)]
    return []


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


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
