"""How a record's id is shown to people: its first characters, enough to tell records apart
in a list and to be typed back (``crmdesk.db.services.lookup`` accepts them)."""

from __future__ import annotations

SHORT_ID_LENGTH = 8


def short_id(record_id: str) -> str:
    return record_id[:SHORT_ID_LENGTH]
