"""Tell the company server about an import or export (the server's audit log records exports)."""

from __future__ import annotations

import logging

from crmdesk.db.audit_queue import record_audit_event
from crmdesk.db.book import Book

log = logging.getLogger(__name__)


def record_transfer(book: Book, action: str, what: str, count: int) -> bool:
    """Queue ``action`` ("import"/"export") of ``count`` ``what`` for an enrolled book's server.

    True when queued (False: the book is not enrolled). Never raises: the import or export itself
    is done, and failing to queue its audit event must not turn it into a failure.
    """
    try:
        return record_audit_event(book, action, what, count)
    except Exception:
        log.warning("could not queue the %s for the audit log", action, exc_info=True)
        return False
