"""The lease of an enrolled book: how long it may be opened without the company server.

Every pull renews it (``lease_until`` = now + the server's ``lease_days``, kept in the book's
``SyncMeta``). A laptop that never comes back online stops opening its book once the lease
lapses: :func:`check_lease` then tries one sync (which renews it) and refuses the book if that
fails. A book that is not enrolled has no lease. Qt-free: the CLI and the app both call it right
after unlocking a book, before anything of it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from crmdesk.core.errors import CrmdeskError
from crmdesk.db.sync_state import SyncMeta

if TYPE_CHECKING:
    from crmdesk.db.book import Book
    from crmdesk.sync.client import SyncClient

LEASE_LAPSED = "lease_lapsed"


class LeaseLapsedError(CrmdeskError):
    """The book's lease lapsed and the server could not renew it: the book stays closed."""

    code = LEASE_LAPSED

    def __init__(self, lapsed_at: dt.datetime, reason: str) -> None:
        day = lapsed_at.astimezone().date().isoformat()
        super().__init__(
            f"this book's lease lapsed on {day}: it has not synced with the company server "
            f"since, and the server cannot be asked now ({reason}). Connect to the company "
            "network and open the book again."
        )
        self.lapsed_at = lapsed_at
        self.reason = reason


@dataclass(frozen=True)
class Lease:
    enrolled: bool
    until: dt.datetime | None  # None: enrolled before leases existed, or not enrolled

    def lapsed(self, now: dt.datetime | None = None) -> bool:
        if not self.enrolled or self.until is None:
            return False
        return (now or dt.datetime.now(dt.UTC)) >= self.until


def read_lease(book: Book) -> Lease:
    """The lease of an open book."""
    with book.engine.connect() as conn:
        rows = dict(
            conn.execute(
                select(SyncMeta.key, SyncMeta.value).where(
                    SyncMeta.key.in_(("server_url", "lease_until"))
                )
            ).all()
        )
    until = rows.get("lease_until")
    parsed = dt.datetime.fromisoformat(until) if until else None
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return Lease(enrolled=rows.get("server_url") is not None, until=parsed)


def check_lease(
    book: Book,
    client_factory: Callable[[Book], SyncClient],
    *,
    now: dt.datetime | None = None,
) -> Lease:
    """Let the book be opened, or raise :class:`LeaseLapsedError`.

    A lapsed lease is first renewed by one sync with the server (so a laptop back on the
    company network just opens). Should the server say the device was revoked, that sync
    wipes the book and its ``SyncError`` (code ``device_revoked``) is raised as is.
    """
    lease = read_lease(book)
    if not lease.lapsed(now):
        return lease
    # Only now: the sync client (httpx) and the wire schemas (pydantic) cost a command ~0.2 s.
    from crmdesk.sync.client import SyncError
    from crmdesk.sync.protocol import DEVICE_REVOKED

    assert lease.until is not None
    client = client_factory(book)
    try:
        client.sync_once()
    except SyncError as exc:
        if exc.code == DEVICE_REVOKED:
            raise
        raise LeaseLapsedError(lease.until, exc.message or exc.code) from exc
    finally:
        client.close()
    renewed = read_lease(book)
    if renewed.lapsed(now):
        raise LeaseLapsedError(lease.until, "the server did not renew it")
    return renewed


__all__ = ["LEASE_LAPSED", "Lease", "LeaseLapsedError", "check_lease", "read_lease"]
