"""Audit events waiting for the company server, queued inside the encrypted book.

Exports and imports happen on the laptop, where the server cannot see them; the audit log on the
server must still say who exported what. The event is queued here (``SyncMeta``
"pending_audit", a JSON list) and the sync client sends the queue at its next sync
(``crmdesk.sync.client.SyncClient.sync_once``), dropping events only once the server accepted them.
"""

from __future__ import annotations

import datetime as dt
import json

import pydantic
from sqlalchemy import select

from crmdesk.core.errors import ValidationError
from crmdesk.db.audit_event import AuditEvent
from crmdesk.db.book import Book
from crmdesk.db.sync_state import SyncMeta, set_meta_value

PENDING_AUDIT = "pending_audit"
MAX_QUEUED_AUDIT = 10_000  # a device offline for long keeps the newest events


def record_audit_event(book: Book, action: str, what: str, count: int = 0) -> bool:
    """Queue an audit event (an export or an import) for the company server, in ``book``.

    For code that has the open book but no ``SyncClient`` (export and import): call it after
    the export or import succeeded. It writes the event into the book's ``SyncMeta``
    ("pending_audit", a JSON list) in a transaction of its own; the next ``sync_once`` sends
    the queue to ``/api/v1/audit/events`` and drops the events only once the server accepted
    them, so events made offline arrive later. ``action`` is "export" or "import"; ``what``
    says what, in words (e.g. "contacts as vcard", at most 200 characters); ``count`` is how
    many records. On a book that is not enrolled with a server nothing is queued and False is
    returned (there is nobody to tell); else True. A bad action raises ``ValidationError``.
    """
    try:
        event = AuditEvent(at=dt.datetime.now(dt.UTC), action=action, what=what[:200], count=count)
    except pydantic.ValidationError as exc:
        raise ValidationError(
            f"not an audit event: {exc.errors()[0]['msg']}", field="audit"
        ) from None
    with book.engine.begin() as conn:
        get = select(SyncMeta.value).where(SyncMeta.key == "server_url")
        if conn.execute(get).scalar() is None:
            return False
        raw = conn.execute(select(SyncMeta.value).where(SyncMeta.key == PENDING_AUDIT)).scalar()
        queue = json.loads(raw or "[]")
        queue.append(event.model_dump(mode="json"))
        set_meta_value(conn, PENDING_AUDIT, json.dumps(queue[-MAX_QUEUED_AUDIT:]))
    return True
