"""Follow-ups (有头有尾): what was promised and by when — list open or overdue ones, add, complete.

``today`` is a parameter (default: the local date) so a view's ``overdue`` flag is reproducible.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from crmdesk.core.dates import check_date
from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import optional_text, required_text
from crmdesk.core.views import FollowUpView
from crmdesk.db.models import Account, Contact, FollowUp, utcnow
from crmdesk.db.services._common import DEFAULT_PAGE, check_page, get_live, limit_of
from crmdesk.db.services._common import today as local_today

DESCRIPTION_MAX = 10_000  # as long as the next step of an interaction it may come from

_Person = aliased(Contact)
_Company = aliased(Account)


def _view(
    row: FollowUp, contact: Contact | None, account: Account | None, on: dt.date
) -> FollowUpView:
    return FollowUpView(
        id=row.id,
        due_on=row.due_on,
        description=row.description,
        done=row.done,
        done_at=row.done_at,
        overdue=not row.done and row.due_on < on,
        contact_id=row.contact_id,
        contact_name=contact.name if contact is not None else None,
        account_id=row.account_id,
        account_name=account.name if account is not None else None,
        interaction_id=row.interaction_id,
        owner=row.owner,
    )


def follow_up_view(session: Session, row: FollowUp, on: dt.date | None = None) -> FollowUpView:
    contact = session.get(Contact, row.contact_id) if row.contact_id else None
    account = session.get(Account, row.account_id) if row.account_id else None
    return _view(row, contact, account, on or local_today())


def add_follow_up(
    session: Session,
    *,
    due_on: dt.date,
    description: str,
    contact_id: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    interaction_id: str | None = None,
) -> FollowUpView:
    """A follow-up for a contact and/or an account (one of them is required)."""
    text = required_text(description, field="description", limit=DESCRIPTION_MAX)
    clean_owner = optional_text(owner, field="owner", limit=limit_of(FollowUp.owner))
    if contact_id is None and account_id is None:
        raise ValidationError("say whom the follow-up concerns", field="contact", code="required")
    if contact_id is not None:
        contact = get_live(session, Contact, contact_id, field="contact")
        account_id = account_id or contact.account_id
    if account_id is not None:
        get_live(session, Account, account_id, field="account")
    row = FollowUp(
        due_on=check_date(due_on, field="due"),
        description=text,
        contact_id=contact_id,
        account_id=account_id,
        owner=clean_owner,
        interaction_id=interaction_id,
    )
    session.add(row)
    session.flush()
    return follow_up_view(session, row)


def list_follow_ups(
    session: Session,
    *,
    today: dt.date | None = None,
    overdue_only: bool = False,
    include_done: bool = False,
    due_by: dt.date | None = None,
    contact_id: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    limit: int = DEFAULT_PAGE,
) -> list[FollowUpView]:
    """Open follow-ups (all with ``include_done``), the most urgent first.

    ``overdue_only``: due before ``today``. ``due_by``: due on or before that day.
    """
    check_page(limit)
    on = today or local_today()
    conds: list[ColumnElement[bool]] = [FollowUp.deleted.is_(False)]
    if not include_done:
        conds.append(FollowUp.done.is_(False))
    if overdue_only:
        conds += [FollowUp.done.is_(False), FollowUp.due_on < on]
    if due_by is not None:
        conds.append(FollowUp.due_on <= due_by)
    if contact_id is not None:
        conds.append(FollowUp.contact_id == contact_id)
    if account_id is not None:
        conds.append(FollowUp.account_id == account_id)
    if owner is not None:
        conds.append(FollowUp.owner == owner)
    stmt = (
        select(FollowUp, _Person, _Company)
        .outerjoin(_Person, FollowUp.contact_id == _Person.id)
        .outerjoin(_Company, FollowUp.account_id == _Company.id)
        .where(*conds)
        .order_by(FollowUp.done, FollowUp.due_on, FollowUp.id)
        .limit(limit)
    )
    return [_view(f, c, a, on) for f, c, a in session.execute(stmt)]


def complete_follow_up(
    session: Session, *, follow_up_id: str, when: dt.datetime | None = None
) -> FollowUpView:
    """Mark a follow-up done (at ``when``, default now)."""
    row = get_live(session, FollowUp, follow_up_id, field="follow_up")
    if when is not None and when.tzinfo is None:
        raise ValidationError("give a time with its time zone", field="when")
    row.done = True
    row.done_at = when or utcnow()
    session.flush()
    return follow_up_view(session, row)


def reopen_follow_up(session: Session, *, follow_up_id: str) -> FollowUpView:
    """Undo :func:`complete_follow_up`."""
    row = get_live(session, FollowUp, follow_up_id, field="follow_up")
    row.done = False
    row.done_at = None
    session.flush()
    return follow_up_view(session, row)


def delete_follow_up(session: Session, *, follow_up_id: str) -> None:
    get_live(session, FollowUp, follow_up_id, field="follow_up").deleted = True
    session.flush()
