"""A contact's family members (for 三节两寿: the elders' and the spouse's birthdays)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.validation import notes_text, required_text
from crmdesk.core.views import DeletionView, FamilyMemberView
from crmdesk.core.vocab import FAMILY_RELATIONS
from crmdesk.db.models import Contact, FamilyMember, ImportantDate
from crmdesk.db.services._common import UNSET, Unset, get_deleted, get_live, limit_of
from crmdesk.db.services.deletion import deletion_stamp, mark_deleted, restore_stamped


def family_view(member: FamilyMember) -> FamilyMemberView:
    return FamilyMemberView(
        id=member.id,
        contact_id=member.contact_id,
        name=member.name,
        relation=member.relation,
        notes=member.notes,
    )


def add_family_member(
    session: Session, *, contact_id: str, name: str, relation: str, notes: str = ""
) -> FamilyMemberView:
    clean_name = required_text(name, field="name", limit=limit_of(FamilyMember.name))
    clean_relation = FAMILY_RELATIONS.check(relation)
    clean_notes = notes_text(notes)
    get_live(session, Contact, contact_id, field="contact")
    member = FamilyMember(
        contact_id=contact_id, name=clean_name, relation=clean_relation, notes=clean_notes
    )
    session.add(member)
    session.flush()
    return family_view(member)


def edit_family_member(
    session: Session,
    *,
    family_member_id: str,
    name: str | Unset = UNSET,
    relation: str | Unset = UNSET,
    notes: str | Unset = UNSET,
) -> FamilyMemberView:
    member = get_live(session, FamilyMember, family_member_id, field="family_member")
    changes: dict[str, str] = {}
    if name is not UNSET:
        changes["name"] = required_text(name, field="name", limit=limit_of(FamilyMember.name))
    if relation is not UNSET:
        changes["relation"] = FAMILY_RELATIONS.check(relation)
    if notes is not UNSET:
        changes["notes"] = notes_text(notes)
    for key, value in changes.items():
        setattr(member, key, value)
    session.flush()
    return family_view(member)


def list_family(session: Session, *, contact_id: str) -> list[FamilyMemberView]:
    rows = session.scalars(
        select(FamilyMember)
        .where(FamilyMember.contact_id == contact_id, FamilyMember.deleted.is_(False))
        .order_by(FamilyMember.created_at, FamilyMember.id)
    )
    return [family_view(m) for m in rows]


def find_family_member(
    session: Session, *, contact_id: str, name: str, relation: str | None = None
) -> FamilyMemberView | None:
    """The contact's live family member of this name (and relation, if given), if any."""
    wanted = FAMILY_RELATIONS.check(relation) if relation else None
    for member in list_family(session, contact_id=contact_id):
        if member.name == name.strip() and wanted in (None, member.relation):
            return member
    return None


def delete_family_member(session: Session, *, family_member_id: str) -> DeletionView:
    """Soft-delete a family member and their important dates (restore brings both back)."""
    member = get_live(session, FamilyMember, family_member_id, field="family_member")
    stamp = deletion_stamp()
    dates = session.scalars(
        select(ImportantDate).where(ImportantDate.family_member_id == member.id)
    )
    count = mark_deleted(dates, stamp)
    mark_deleted([member], stamp)
    session.flush()
    return DeletionView(kind="family_member", id=member.id, deleted_at=stamp, dependants=count)


def restore_family_member(session: Session, *, family_member_id: str) -> FamilyMemberView:
    member = get_deleted(session, FamilyMember, family_member_id, field="family_member")
    get_live(session, Contact, member.contact_id, field="contact")
    restore_stamped(
        session, ImportantDate, member.updated_at, ImportantDate.family_member_id == member.id
    )
    member.deleted = False
    session.flush()
    return family_view(member)
