"""Helpers shared by the services: the "not given" marker, column limits, live-record loading."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from sqlalchemy import String, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.db.models import Record


class _Unset(enum.Enum):
    UNSET = "UNSET"


UNSET = _Unset.UNSET
"""Default of every ``edit_*`` keyword: the field is left as it is (None would clear it)."""

Unset = Literal[_Unset.UNSET]

R = TypeVar("R", bound=Record)

DEFAULT_PAGE = 100
MAX_PAGE = 1000


def limit_of(column: InstrumentedAttribute[Any]) -> int:
    """The length limit of a String column, so checks and schema agree."""
    col_type = column.property.columns[0].type
    if not isinstance(col_type, String) or col_type.length is None:
        raise TypeError(f"{column} has no length limit")
    return col_type.length


def get_live(session: Session, model: type[R], record_id: str, *, field: str) -> R:
    """The record with this id that is not deleted, else NotFoundError naming ``field``."""
    record = session.get(model, record_id)
    if record is None or record.deleted:
        label = model.__tablename__.rstrip("s").replace("_", " ")
        raise NotFoundError(f"there is no {label} with id {record_id!r}", field=field)
    return record


def get_deleted(session: Session, model: type[R], record_id: str, *, field: str) -> R:
    """The deleted record with this id (for a restore), else NotFoundError."""
    record = session.get(model, record_id)
    if record is None or not record.deleted:
        label = model.__tablename__.rstrip("s").replace("_", " ")
        raise NotFoundError(f"there is no deleted {label} with id {record_id!r}", field=field)
    return record


def check_page(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(
            f"must be between 1 and {MAX_PAGE}, not {limit}", field="limit", code="range"
        )
    return limit


def live_ids(session: Session, model: type[R], ids: Sequence[str], *, field: str) -> list[R]:
    """Load several live records by id, in the order given; NotFoundError for the first missing."""
    found = {
        r.id: r
        for r in session.scalars(select(model).where(model.id.in_(ids), model.deleted.is_(False)))
    }
    for record_id in ids:
        if record_id not in found:
            get_live(session, model, record_id, field=field)  # raises with a clear message
    return [found[i] for i in ids]


def today() -> dt.date:
    return dt.date.today()
