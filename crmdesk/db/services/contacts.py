"""Contacts: add, edit, list (filtered, keyset-paged), count, show, delete and restore.

Preferences, family members and important dates have their own modules; this one deletes and
restores them with their contact. Every function checks all its input before it writes anything.

Paging: ``list_contacts(..., after=view.cursor, limit=100)`` returns the rows after ``view`` in
``(sort_key, id)`` order; ``sort_key`` is written by the search hook from the name's pinyin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import (
    check_emails,
    check_phones,
    check_tags,
    notes_text,
    optional_text,
    required_text,
)
from crmdesk.core.views import ContactDetailView, ContactView, DeletionView
from crmdesk.core.vocab import DECISION_ROLES, GENDERS
from crmdesk.db import contact_listing
from crmdesk.db.models import (
    Account,
    Contact,
    FamilyMember,
    FollowUp,
    ImportantDate,
    Preference,
)
from crmdesk.db.services._common import (
    DEFAULT_PAGE,
    UNSET,
    Unset,
    check_page,
    get_deleted,
    get_live,
    limit_of,
)
from crmdesk.db.services.deletion import deletion_stamp, mark_deleted, restore_stamped
from crmdesk.db.services.tiers import check_tier

_TEXT_LIMITS = {
    "title": limit_of(Contact.title),
    "department": limit_of(Contact.department),
    "owner": limit_of(Contact.owner),
    "wechat": limit_of(Contact.wechat),
    "hometown": limit_of(Contact.hometown),
    "school": limit_of(Contact.school),
}


def _view(contact: Contact, account: Account | None, boss: Contact | None) -> ContactView:
    live_account = account if account is not None and not account.deleted else None
    live_boss = boss if boss is not None and not boss.deleted else None
    return ContactView(
        id=contact.id,
        name=contact.name,
        name_pinyin=contact.name_pinyin,
        sort_key=contact.sort_key,
        account_id=contact.account_id,
        account_name=account.name if account is not None else None,
        title=contact.title,
        department=contact.department,
        decision_role=contact.decision_role,
        reports_to_id=live_boss.id if live_boss is not None else None,
        reports_to_name=live_boss.name if live_boss is not None else None,
        tier=contact.tier,
        effective_tier=contact.tier or (live_account.tier if live_account else None),
        owner=contact.owner,
        gender=contact.gender,
        phones=tuple(contact.phones or ()),
        emails=tuple(contact.emails or ()),
        wechat=contact.wechat,
        hometown=contact.hometown,
        school=contact.school,
        notes=contact.notes,
        tags=tuple(contact.tags or ()),
        deleted=contact.deleted,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
    )


def contact_view(session: Session, contact: Contact) -> ContactView:
    account = session.get(Account, contact.account_id) if contact.account_id else None
    boss = session.get(Contact, contact.reports_to_id) if contact.reports_to_id else None
    return _view(contact, account, boss)


def _check_reports_to(session: Session, contact_id: str | None, boss_id: str | None) -> None:
    """Refuse a reports-to line that would loop back to the contact."""
    if boss_id is None or contact_id is None:
        return
    if boss_id == contact_id:
        raise ValidationError(
            "a contact cannot report to themself", field="reports_to", code="cycle"
        )
    seen = {contact_id}
    current: str | None = boss_id
    while current is not None:
        if current in seen:
            raise ValidationError(
                "this reports-to line would form a loop", field="reports_to", code="cycle"
            )
        seen.add(current)
        current = session.scalar(select(Contact.reports_to_id).where(Contact.id == current))


def _clean(session: Session, given: dict[str, Any], contact_id: str | None) -> dict[str, Any]:
    """Check every given field; return the values to store. Raises before anything is written."""
    out: dict[str, Any] = {}
    for key, value in given.items():
        if key == "name":
            out[key] = required_text(value, field="name", limit=limit_of(Contact.name))
        elif key in _TEXT_LIMITS:
            out[key] = optional_text(value, field=key, limit=_TEXT_LIMITS[key])
        elif key == "notes":
            out[key] = notes_text(value, field="notes")
        elif key == "decision_role":
            out[key] = DECISION_ROLES.check(value) if value and value.strip() else None
        elif key == "gender":
            out[key] = GENDERS.check(value) if value and value.strip() else None
        elif key == "tier":
            out[key] = check_tier(session, value)
        elif key == "phones":
            out[key] = check_phones(value)
        elif key == "emails":
            out[key] = check_emails(value)
        elif key == "tags":
            out[key] = check_tags(value)
        elif key == "account_id":
            out[key] = get_live(session, Account, value, field="account").id if value else None
        elif key == "reports_to_id":
            boss = get_live(session, Contact, value, field="reports_to").id if value else None
            _check_reports_to(session, contact_id, boss)
            out[key] = boss
        else:  # pragma: no cover - the public functions pass only the keys above
            raise TypeError(f"unexpected contact field {key}")
    return out


def check_contact_values(session: Session, given: dict[str, Any]) -> dict[str, Any]:
    """The checks ``add_contact`` makes, for bulk writers (import) that add Contact rows
    themselves: the values to store, or ValidationError naming the field."""
    return _clean(session, given, None)


def add_contact(
    session: Session,
    *,
    name: str,
    account_id: str | None = None,
    title: str | None = None,
    department: str | None = None,
    decision_role: str | None = None,
    reports_to_id: str | None = None,
    tier: str | None = None,
    owner: str | None = None,
    gender: str | None = None,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    wechat: str | None = None,
    hometown: str | None = None,
    school: str | None = None,
    notes: str = "",
    tags: Sequence[str] = (),
) -> ContactView:
    """Add a contact. ``tier`` None means the account's tier applies; vocabularies in core.vocab."""
    given = {k: v for k, v in locals().items() if k != "session"}
    values = _clean(session, given, None)
    contact = Contact(**values)
    session.add(contact)
    session.flush()
    return contact_view(session, contact)


def edit_contact(
    session: Session,
    *,
    contact_id: str,
    name: str | Unset = UNSET,
    account_id: str | Unset | None = UNSET,
    title: str | Unset | None = UNSET,
    department: str | Unset | None = UNSET,
    decision_role: str | Unset | None = UNSET,
    reports_to_id: str | Unset | None = UNSET,
    tier: str | Unset | None = UNSET,
    owner: str | Unset | None = UNSET,
    gender: str | Unset | None = UNSET,
    phones: Sequence[str] | Unset = UNSET,
    emails: Sequence[str] | Unset = UNSET,
    wechat: str | Unset | None = UNSET,
    hometown: str | Unset | None = UNSET,
    school: str | Unset | None = UNSET,
    notes: str | Unset = UNSET,
    tags: Sequence[str] | Unset = UNSET,
) -> ContactView:
    """Change the fields given; UNSET (the default) leaves a field, None or "" clears it."""
    given = {
        k: v for k, v in locals().items() if k not in ("session", "contact_id") and v is not UNSET
    }
    contact = get_live(session, Contact, contact_id, field="contact")
    values = _clean(session, given, contact.id)
    for key, value in values.items():
        setattr(contact, key, value)
    session.flush()
    return contact_view(session, contact)


def get_contact(session: Session, *, contact_id: str) -> ContactView:
    return contact_view(session, get_live(session, Contact, contact_id, field="contact"))


def list_contacts(
    session: Session,
    *,
    tier: str | None = None,
    tag: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    after: tuple[str, str] | None = None,
    limit: int = DEFAULT_PAGE,
    deleted: bool = False,
) -> list[ContactView]:
    """One page of contacts in ``(sort_key, id)`` order, after the cursor ``after``.

    ``tier`` and ``owner`` match the contact's own value, else its account's. ``deleted=True``
    lists the deleted ones instead (a bin to restore from). The statement is Core
    (:mod:`crmdesk.db.contact_listing`), shared with ``crmdesk contact list``.
    """
    check_page(limit)
    return contact_listing.contact_page(
        session,
        tier=tier,
        tag=tag,
        account_id=account_id,
        owner=owner,
        after=after,
        limit=limit,
        deleted=deleted,
    )


def count_contacts(
    session: Session,
    *,
    tier: str | None = None,
    tag: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    deleted: bool = False,
) -> int:
    """How many contacts ``list_contacts`` would page through with the same filters."""
    return contact_listing.contact_count(
        session, tier=tier, tag=tag, account_id=account_id, owner=owner, deleted=deleted
    )


def contact_detail(
    session: Session, *, contact_id: str, today: dt.date | None = None
) -> ContactDetailView:
    """The contact with preferences, family, dates, open follow-ups and the last 10 interactions."""
    # Imported here: those modules import this one for contact views.
    from crmdesk.db.services.family import list_family
    from crmdesk.db.services.followups import list_follow_ups
    from crmdesk.db.services.important_dates import list_dates
    from crmdesk.db.services.interactions import list_interactions
    from crmdesk.db.services.preferences import list_preferences

    contact = get_contact(session, contact_id=contact_id)
    return ContactDetailView(
        contact=contact,
        preferences=tuple(list_preferences(session, contact_id=contact_id)),
        family=tuple(list_family(session, contact_id=contact_id)),
        dates=tuple(list_dates(session, contact_id=contact_id)),
        open_follow_ups=tuple(list_follow_ups(session, contact_id=contact_id, today=today)),
        recent_interactions=tuple(list_interactions(session, contact_id=contact_id, limit=10)),
    )


def _dependants(session: Session, contact_id: str) -> list[Any]:
    rows: list[Any] = []
    for model in (Preference, ImportantDate, FamilyMember):
        rows += session.scalars(select(model).where(model.contact_id == contact_id)).all()
    # Done follow-ups are history; open ones would otherwise nag about a deleted person.
    rows += session.scalars(
        select(FollowUp).where(FollowUp.contact_id == contact_id, FollowUp.done.is_(False))
    ).all()
    return rows


def delete_contact_rows(session: Session, contact: Contact, stamp: dt.datetime) -> int:
    """Soft-delete ``contact`` and its dependants with ``stamp``; return how many dependants."""
    count = mark_deleted(_dependants(session, contact.id), stamp)
    mark_deleted([contact], stamp)
    return count


def restore_contact_rows(session: Session, contact: Contact, stamp: dt.datetime) -> int:
    count = 0
    for model in (Preference, ImportantDate, FamilyMember, FollowUp):
        count += restore_stamped(session, model, stamp, model.contact_id == contact.id)
    contact.deleted = False
    return count


def delete_contact(session: Session, *, contact_id: str) -> DeletionView:
    """Soft-delete a contact with its preferences, family, dates and open follow-ups.

    Interactions they attended and gifts they received stay: the log is the audit trail.
    """
    contact = get_live(session, Contact, contact_id, field="contact")
    stamp = deletion_stamp()
    count = delete_contact_rows(session, contact, stamp)
    session.flush()
    return DeletionView(kind="contact", id=contact.id, deleted_at=stamp, dependants=count)


def restore_contact(session: Session, *, contact_id: str) -> ContactView:
    """Undo :func:`delete_contact`: the contact and exactly what was deleted with it come back."""
    contact = get_deleted(session, Contact, contact_id, field="contact")
    if contact.account_id is not None:
        account = session.get(Account, contact.account_id)
        if account is not None and account.deleted:
            raise ValidationError(
                f"the account {account.name!r} is deleted; restore it first", field="account"
            )
    restore_contact_rows(session, contact, contact.updated_at)
    session.flush()
    return contact_view(session, contact)
