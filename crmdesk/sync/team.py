"""What a manager's book knows about the team's records (Qt-free, for the handover dialog)."""

from __future__ import annotations

from sqlalchemy import select

from crmdesk.db.book import Book
from crmdesk.db.models import Account
from crmdesk.db.sync_state import SyncShadow


def accounts_by_book(book: Book) -> dict[str, list[tuple[str, str]]]:
    """Book id (its owner's user id) -> the live accounts this book holds of it, as (id, name),
    by name. Accounts this device made and never pulled back have no book yet and are left
    out: they are this device's own."""
    out: dict[str, list[tuple[str, str]]] = {}
    with book.sessions() as s:
        rows = s.execute(
            select(SyncShadow.book_id, Account.id, Account.name)
            .join(SyncShadow, (SyncShadow.record_id == Account.id) & (SyncShadow.tbl == "accounts"))
            .where(Account.deleted.is_(False))
            .order_by(Account.name, Account.id)
        ).all()
    for book_id, account_id, name in rows:
        out.setdefault(str(book_id), []).append((str(account_id), str(name)))
    return out
