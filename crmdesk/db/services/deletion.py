"""Soft delete with undo.

A delete marks the record and its dependants ``deleted`` (a tombstone that syncs) and stamps them
all with one ``updated_at``: the deletion's time. A restore brings back the record and exactly the
dependants that carry that stamp — not the ones deleted earlier on their own — so undo in the GUI
undoes one delete and nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Record, utcnow


def deletion_stamp() -> dt.datetime:
    return utcnow()


def mark_deleted(records: Iterable[Record], stamp: dt.datetime) -> int:
    """Soft-delete ``records`` (skipping those already deleted) with ``stamp``; count them."""
    count = 0
    for record in records:
        if not record.deleted:
            record.deleted = True
            record.updated_at = stamp
            count += 1
    return count


def restore_stamped(
    session: Session, model: type[Record], stamp: dt.datetime, *where: ColumnElement[bool]
) -> int:
    """Undelete the rows of ``model`` that match ``where`` and were deleted at ``stamp``."""
    # Loaded and changed through the ORM (not a bulk UPDATE) so flush hooks such as the search
    # index see the records come back.
    rows = session.scalars(
        select(model).where(model.deleted.is_(True), model.updated_at == stamp, *where)
    ).all()
    for row in rows:
        row.deleted = False
    return len(rows)
