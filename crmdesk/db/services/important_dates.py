"""Important dates (重要日子) of a contact or of one of their family members.

The date itself is a :class:`crmdesk.core.dates.DateSpec`, which has already checked it (30
February, lunar month 13, a leap month the year lacks are refused there, each naming its field).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import optional_text
from crmdesk.core.views import ImportantDateView
from crmdesk.core.vocab import DATE_KINDS
from crmdesk.db.models import Contact, FamilyMember, ImportantDate
from crmdesk.db.services._common import UNSET, Unset, get_deleted, get_live, limit_of


def spec_of(row: ImportantDate) -> DateSpec:
    return DateSpec(
        calendar=row.calendar,  # type: ignore[arg-type]  # DateSpec coerces the stored string
        month=row.month,
        day=row.day,
        year=row.year,
        is_leap_month=row.is_leap_month,
    )


def date_view(row: ImportantDate, member: FamilyMember | None) -> ImportantDateView:
    return ImportantDateView(
        id=row.id,
        contact_id=row.contact_id,
        family_member_id=row.family_member_id,
        family_member_name=member.name if member is not None else None,
        kind=row.kind,
        label=row.label,
        calendar=row.calendar,
        year=row.year,
        month=row.month,
        day=row.day,
        is_leap_month=row.is_leap_month,
        text=str(spec_of(row)),
    )


def _member_of(session: Session, contact_id: str, member_id: str | None) -> FamilyMember | None:
    if member_id is None:
        return None
    member = get_live(session, FamilyMember, member_id, field="family_member")
    if member.contact_id != contact_id:
        raise ValidationError(
            "that family member belongs to another contact", field="family_member"
        )
    return member


def _store(row: ImportantDate, spec: DateSpec) -> None:
    row.calendar = str(spec.calendar)
    row.year = spec.year
    row.month = spec.month
    row.day = spec.day
    row.is_leap_month = spec.is_leap_month


def add_important_date(
    session: Session,
    *,
    contact_id: str,
    kind: str,
    date: DateSpec,
    label: str = "",
    family_member_id: str | None = None,
) -> ImportantDateView:
    """Record a date: e.g. kind "birthday", ``DateSpec.parse("L08-15")``, a family member's id."""
    clean_kind = DATE_KINDS.check(kind)
    clean_label = optional_text(label, field="label", limit=limit_of(ImportantDate.label)) or ""
    get_live(session, Contact, contact_id, field="contact")
    member = _member_of(session, contact_id, family_member_id)
    row = ImportantDate(
        contact_id=contact_id, family_member_id=family_member_id, kind=clean_kind, label=clean_label
    )
    _store(row, date)
    session.add(row)
    session.flush()
    return date_view(row, member)


def edit_important_date(
    session: Session,
    *,
    date_id: str,
    kind: str | Unset = UNSET,
    date: DateSpec | Unset = UNSET,
    label: str | Unset = UNSET,
    family_member_id: str | Unset | None = UNSET,
) -> ImportantDateView:
    row = get_live(session, ImportantDate, date_id, field="date")
    clean_kind = DATE_KINDS.check(kind) if kind is not UNSET else row.kind
    clean_label = (
        optional_text(label, field="label", limit=limit_of(ImportantDate.label)) or ""
        if label is not UNSET
        else row.label
    )
    member_id = row.family_member_id if family_member_id is UNSET else family_member_id
    member = _member_of(session, row.contact_id, member_id)
    row.kind, row.label, row.family_member_id = clean_kind, clean_label, member_id
    if date is not UNSET:
        _store(row, date)
    session.flush()
    return date_view(row, member)


def list_dates(session: Session, *, contact_id: str) -> list[ImportantDateView]:
    """The contact's dates and their family's, in calendar order (month, day)."""
    rows = session.execute(
        select(ImportantDate, FamilyMember)
        .outerjoin(FamilyMember, ImportantDate.family_member_id == FamilyMember.id)
        .where(ImportantDate.contact_id == contact_id, ImportantDate.deleted.is_(False))
        .order_by(ImportantDate.month, ImportantDate.day, ImportantDate.id)
    )
    return [date_view(row, member) for row, member in rows]


def delete_important_date(session: Session, *, date_id: str) -> None:
    row = get_live(session, ImportantDate, date_id, field="date")
    row.deleted = True
    session.flush()


def restore_important_date(session: Session, *, date_id: str) -> ImportantDateView:
    row = get_deleted(session, ImportantDate, date_id, field="date")
    get_live(session, Contact, row.contact_id, field="contact")
    member = _member_of(session, row.contact_id, row.family_member_id)
    row.deleted = False
    session.flush()
    return date_view(row, member)
