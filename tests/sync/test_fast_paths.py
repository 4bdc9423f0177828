"""The fast paths of a first sync give what the slow ones give: the record schema's quick check
never passes what the full, worded check refuses (every synced table, arbitrary JSON values), and
a pulled time is stored as the parse-and-bind path would store it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from crmdesk.db import record_schema
from crmdesk.db.record_schema import all_problems, check_values, table_specs
from crmdesk.sync import apply

SPECS = table_specs()

# Values near each kind's edges: odd dates, NULs, long texts, non-record ids, big numbers.
EDGY_TEXT = st.sampled_from(
    [
        "",
        "2026-02-30",
        "2026-12-01",
        "1899-12-31",
        "2100-01-01T00:00:00+00:00",
        "2026-11-20T19:00:00+08:00",
        "20261201",
        "a\x00b",
        "x" * 300,
        "x" * 100_001,
        "existing",
        "00000000-0000-4000-8000-000000000000",
        "not-an-id",
        "CNY",
    ]
)
JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.text(max_size=8)
    | EDGY_TEXT,
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=5,
)


@st.composite
def rows(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    table = draw(st.sampled_from(sorted(SPECS)))
    fields = list(SPECS[table].fields)
    chosen = draw(st.lists(st.sampled_from(fields), unique=True, max_size=len(fields)))
    values = {f: draw(JSON_VALUE) for f in chosen}
    if draw(st.booleans()):
        values[draw(st.sampled_from(["zzz_new", *fields]))] = draw(JSON_VALUE)
    return table, values


@settings(max_examples=400, deadline=None)
@given(rows(), st.booleans(), st.booleans())
def test_fast_path_agrees_with_the_full_check(
    case: tuple[str, dict[str, Any]], full_row: bool, lenient: bool
) -> None:
    table, values = case
    spec = SPECS[table]
    worded = all_problems(spec, values, full_row=full_row, lenient=lenient)
    assert check_values(spec, values, full_row=full_row, lenient=lenient) == worded
    if record_schema._plainly_fine(spec, values, full_row=full_row, lenient=lenient):
        assert worded == []


def test_fast_path_takes_an_ordinary_contact() -> None:
    """The common case really is fast-pathed (else a first sync pays the worded check)."""
    spec = SPECS["contacts"]
    row: dict[str, Any] = dict.fromkeys(spec.fields)
    row.update(
        name="王伟",
        phones=["13800000000"],
        emails=[],
        tags=[],
        notes="喜欢普洱",
        deleted=False,
        created_at="2026-12-01T08:00:00+00:00",
        updated_at="2026-12-01T08:00:00+00:00",
        account_id="00000000-0000-4000-8000-000000000000",
    )
    for name, column in spec.columns.items():
        if row[name] is None and not column.nullable and column.kind == "string":
            row[name] = ""  # name keys and the like, as the writing device fills them
    assert all_problems(spec, row, full_row=True, lenient=True) == []
    assert record_schema._plainly_fine(spec, row, full_row=True, lenient=True)


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2099, 12, 31), timezones=st.none()
    ),
    st.sampled_from([0, 8 * 60, -5 * 60 - 30]),
    st.booleans(),
)
def test_pulled_times_are_stored_as_the_driver_stores_the_parsed_time(
    when: dt.datetime, offset_minutes: int, zero_fraction_written: bool
) -> None:
    """``apply`` slices a UTC ISO time instead of parsing it: what lands in the book is the
    same text the parse-and-bind path gives (the driver's own rendering as reference)."""
    zone = dt.timezone(dt.timedelta(minutes=offset_minutes))
    text = when.replace(tzinfo=zone).isoformat()
    if zero_fraction_written and when.microsecond == 0:
        text = text[:19] + ".000000" + text[19:]
    _sql, convert = apply._writer("contacts", sqlite_dialect())
    columns = ["id", *SPECS["contacts"].fields]
    fast = dict((columns[i], f) for i, f in convert)["created_at"]
    column = apply.tables()["contacts"].c.created_at
    bind = column.type.bind_processor(sqlite_dialect())
    assert bind is not None
    parsed = dt.datetime.fromisoformat(text)
    reference = bind(parsed)  # the time the model stores, as a driver value
    db = sqlite3.connect(":memory:")
    adapt = reference.isoformat(" ") if isinstance(reference, dt.datetime) else reference
    stored = db.execute("SELECT ?", (fast(text),)).fetchone()[0]
    assert stored == adapt
    db.close()
