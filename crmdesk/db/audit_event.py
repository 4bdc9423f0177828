"""An audit event a device queues for the company server: something done on the laptop (an export,
an import) that the server cannot see itself. Queued by :mod:`crmdesk.db.audit_queue`, sent by the
sync client (``crmdesk.sync.protocol.AuditEventsRequest``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    """Something a device did that the server cannot see itself (an export, an import, pulled
    rows its book could not take and set aside)."""

    at: dt.datetime
    action: Literal["export", "import", "set_aside"]
    # e.g. "contacts as vcard", "team books as xlsx" (no NUL: PostgreSQL text cannot hold one)
    what: str = Field(max_length=200, pattern=r"^[^\x00]*$")
    count: int = Field(default=0, ge=0)
