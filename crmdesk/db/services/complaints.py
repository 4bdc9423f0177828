"""Complaints and feedback ("the user's complaint is the best gift", Haier): log, track, resolve."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import notes_text, required_text
from crmdesk.core.views import ComplaintView
from crmdesk.core.vocab import COMPLAINT_STATUSES
from crmdesk.db.models import Account, Complaint, Contact
from crmdesk.db.services._common import (
    DEFAULT_PAGE,
    UNSET,
    Unset,
    check_page,
    get_deleted,
    get_live,
)

_Person = aliased(Contact)
_DONE = ("resolved", "closed")
_Company = aliased(Account)


def _view(row: Complaint, account: Account | None, contact: Contact | None) -> ComplaintView:
    return ComplaintView(
        id=row.id,
        received_on=row.received_on,
        description=row.description,
        status=row.status,
        resolution=row.resolution,
        account_id=row.account_id,
        account_name=account.name if account is not None else None,
        contact_id=row.contact_id,
        contact_name=contact.name if contact is not None else None,
    )


def _complaint_view(session: Session, row: Complaint) -> ComplaintView:
    account = session.get(Account, row.account_id) if row.account_id else None
    contact = session.get(Contact, row.contact_id) if row.contact_id else None
    return _view(row, account, contact)


def add_complaint(
    session: Session,
    *,
    description: str,
    received_on: dt.date,
    account_id: str | None = None,
    contact_id: str | None = None,
    status: str = "open",
    resolution: str = "",
    resolved_on: dt.date | None = None,
) -> ComplaintView:
    """Log a complaint from a contact and/or an account (the contact's account by default).

    A complaint logged already resolved or closed is resolved on ``resolved_on`` (default: the
    day it was received)."""
    text = required_text(description, field="description", limit=100_000)
    clean_status = COMPLAINT_STATUSES.check(status)
    clean_resolution = notes_text(resolution, field="resolution")
    if account_id is None and contact_id is None:
        raise ValidationError("say who complained", field="contact", code="required")
    if contact_id is not None:
        contact = get_live(session, Contact, contact_id, field="contact")
        account_id = account_id or contact.account_id
    if account_id is not None:
        get_live(session, Account, account_id, field="account")
    row = Complaint(
        description=text,
        received_on=received_on,
        account_id=account_id,
        contact_id=contact_id,
        status=clean_status,
        resolution=clean_resolution,
        resolved_on=(resolved_on or received_on) if clean_status in _DONE else None,
    )
    session.add(row)
    session.flush()
    return _complaint_view(session, row)


def edit_complaint(
    session: Session,
    *,
    complaint_id: str,
    description: str | Unset = UNSET,
    status: str | Unset = UNSET,
    resolution: str | Unset = UNSET,
    received_on: dt.date | Unset = UNSET,
    today: dt.date | None = None,
) -> ComplaintView:
    """Change a complaint; resolving or closing it records ``today`` (default: the date) as its
    resolution day, reopening it clears that day."""
    row = get_live(session, Complaint, complaint_id, field="complaint")
    changes: dict[str, Any] = {}
    if description is not UNSET:
        changes["description"] = required_text(description, field="description", limit=100_000)
    if status is not UNSET:
        changes["status"] = COMPLAINT_STATUSES.check(status)
        if changes["status"] in _DONE and row.status not in _DONE:
            changes["resolved_on"] = today or dt.date.today()
        elif changes["status"] not in _DONE:
            changes["resolved_on"] = None
    if resolution is not UNSET:
        changes["resolution"] = notes_text(resolution, field="resolution")
    if received_on is not UNSET:
        changes["received_on"] = received_on
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    return _complaint_view(session, row)


def list_complaints(
    session: Session,
    *,
    account_id: str | None = None,
    contact_id: str | None = None,
    status: str | None = None,
    open_only: bool = False,
    limit: int = DEFAULT_PAGE,
) -> list[ComplaintView]:
    """Complaints, newest first."""
    check_page(limit)
    conds: list[ColumnElement[bool]] = [Complaint.deleted.is_(False)]
    if account_id is not None:
        conds.append(Complaint.account_id == account_id)
    if contact_id is not None:
        conds.append(Complaint.contact_id == contact_id)
    if status is not None:
        conds.append(Complaint.status == COMPLAINT_STATUSES.check(status))
    if open_only:
        conds.append(Complaint.status.in_(("open", "in_progress")))
    rows = session.execute(
        select(Complaint, _Company, _Person)
        .outerjoin(_Company, Complaint.account_id == _Company.id)
        .outerjoin(_Person, Complaint.contact_id == _Person.id)
        .where(*conds)
        .order_by(Complaint.received_on.desc(), Complaint.id)
        .limit(limit)
    )
    return [_view(c, a, p) for c, a, p in rows]


def delete_complaint(session: Session, *, complaint_id: str) -> None:
    get_live(session, Complaint, complaint_id, field="complaint").deleted = True
    session.flush()


def restore_complaint(session: Session, *, complaint_id: str) -> ComplaintView:
    row = get_deleted(session, Complaint, complaint_id, field="complaint")
    row.deleted = False
    session.flush()
    return _complaint_view(session, row)
