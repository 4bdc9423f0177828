"""Small SQL building blocks shared by the services and the browse queries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, func, literal, select


def has_tag(tags_column: Any, tag: str) -> ColumnElement[bool]:
    """True where the JSON list in ``tags_column`` holds ``tag`` exactly."""
    each = func.json_each(tags_column).table_valued("value")
    return exists(select(literal(1)).select_from(each).where(each.c.value == tag))
