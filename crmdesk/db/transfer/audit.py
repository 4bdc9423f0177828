"""Tell the company server about an import or export (issue #6: the audit log records exports).

WORKAROUND (temporary, remove after merging): ``crmdesk.sync.client.record_audit_event`` is
being added on the CLIENT branch in parallel. Until both are merged this adapter looks the
function up at call time and does nothing when it is not there yet; once merged, call it
directly and delete this module.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from crmdesk.db.sync_state import SyncMeta

log = logging.getLogger(__name__)


def is_enrolled(book: Any) -> bool:
    with book.engine.connect() as conn:
        url = conn.execute(select(SyncMeta.value).where(SyncMeta.key == "server_url")).scalar()
    return url is not None


def record_transfer(book: Any, action: str, what: str, count: int) -> bool:
    """Record ``action`` ("import"/"export") of ``count`` ``what`` for an enrolled book.

    True when handed to the sync client. Never raises: the import or export itself is done, and
    an unreachable server must not turn it into a failure (the client queues or reports it).
    """
    try:
        if not is_enrolled(book):
            return False
        from crmdesk.sync import client

        record = getattr(client, "record_audit_event", None)
        if record is None:
            return False
        record(book, action, what, count)
        return True
    except Exception:
        log.warning("could not record the %s in the audit log", action, exc_info=True)
        return False
