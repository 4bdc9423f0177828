"""Small SQL building blocks shared by the services and the browse queries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, func, literal, select

# Execution options of a big read on a worker: rows fetched in slices. sqlcipher3 holds the GIL
# through a whole fetchall (about 80 ms for 100,000 rows), and meanwhile the GUI thread cannot
# run Python; a slice of 2,000 rows holds it for a millisecond or two.
IN_SLICES: dict[str, Any] = {"yield_per": 2000}


def has_tag(tags_column: Any, tag: str) -> ColumnElement[bool]:
    """True where the JSON list in ``tags_column`` holds ``tag`` exactly."""
    each = func.json_each(tags_column).table_valued("value")
    return exists(select(literal(1)).select_from(each).where(each.c.value == tag))
