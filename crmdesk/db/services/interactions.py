"""The interaction log (企业投入记录): visits, meals, calls, gifts — who, where, cost, outcome.

Logging an interaction with a ``follow_up_on`` date also creates the FollowUp, in the same
transaction. The log is the audit trail of spend: deleting a contact or an account leaves it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, select, tuple_
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.core.validation import check_tags, notes_text, optional_text, required_text
from crmdesk.core.views import AttendeeView, DeletionView, GiftView, InteractionView
from crmdesk.core.vocab import COST_CATEGORIES, DEFAULT_COST_CATEGORY, INTERACTION_KINDS
from crmdesk.db.models import Account, Contact, FollowUp, Gift, Interaction, InteractionAttendee
from crmdesk.db.services._common import (
    DEFAULT_PAGE,
    UNSET,
    Unset,
    check_page,
    get_deleted,
    get_live,
    limit_of,
    live_ids,
)
from crmdesk.db.services.deletion import deletion_stamp, mark_deleted, restore_stamped
from crmdesk.db.services.followups import DESCRIPTION_MAX, add_follow_up

TEXT_MAX = DESCRIPTION_MAX  # a next step becomes a follow-up's description
COLLEAGUE_MAX = 120


@dataclass(frozen=True, slots=True)
class NewGift:
    """A gift given at an interaction: what, its value, and to whom (a contact id)."""

    description: str
    value: Money | None = None
    recipient_id: str | None = None


def _money(value: Money | None, field: str) -> Money | None:
    if value is not None and value.minor < 0:
        raise ValidationError("an amount cannot be negative", field=field, code="negative")
    return value


def _check_when(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is None:
        raise ValidationError("give the time with its time zone", field="when", code="naive")
    return when


def _check_follow_up(follow_up_on: dt.date | None, when: dt.datetime) -> dt.date | None:
    if follow_up_on is not None and follow_up_on < when.date():
        raise ValidationError(
            f"the follow-up date {follow_up_on.isoformat()} is before the interaction "
            f"({when.date().isoformat()})",
            field="follow_up",
            code="before_interaction",
        )
    return follow_up_on


def _attendees(session: Session, ids: Sequence[str]) -> list[Contact]:
    return live_ids(session, Contact, list(dict.fromkeys(ids)), field="contact")


def _account_for(
    session: Session, account_id: str | None, attendees: Sequence[Contact]
) -> str | None:
    if account_id is not None:
        return get_live(session, Account, account_id, field="account").id
    # Left out, the account is the attendees' one when they all share it.
    accounts = {c.account_id for c in attendees}
    return accounts.pop() if len(accounts) == 1 else None


def _clean_gifts(session: Session, gifts: Sequence[NewGift]) -> list[NewGift]:
    clean = []
    for gift in gifts:
        text = required_text(gift.description, field="gift", limit=limit_of(Gift.description))
        _money(gift.value, "gift")
        if gift.recipient_id is not None:
            get_live(session, Contact, gift.recipient_id, field="gift")
        clean.append(NewGift(text, gift.value, gift.recipient_id))
    return clean


def _texts(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "place":
            out[key] = optional_text(value, field="where", limit=limit_of(Interaction.place))
        elif key == "summary":
            out[key] = notes_text(value, field="summary")
        elif key == "recorded_by":
            out[key] = optional_text(value, field=key, limit=limit_of(Interaction.recorded_by))
        elif key == "colleagues":
            out[key] = check_tags(value, field="colleague", limit=COLLEAGUE_MAX)
        else:
            out[key] = optional_text(value, field=key, limit=TEXT_MAX)
    return out


def log_interaction(
    session: Session,
    *,
    occurred_at: dt.datetime,
    kind: str,
    attendee_ids: Sequence[str] = (),
    account_id: str | None = None,
    place: str | None = None,
    summary: str = "",
    colleagues: Sequence[str] = (),
    products: str | None = None,
    promises: str | None = None,
    outcome: str | None = None,
    next_step: str | None = None,
    follow_up_on: dt.date | None = None,
    cost: Money | None = None,
    cost_category: str | None = None,
    gifts: Sequence[NewGift] = (),
    recorded_by: str | None = None,
) -> InteractionView:
    """Log an interaction with contacts (``attendee_ids``) and/or an account.

    ``occurred_at`` must carry its time zone. ``cost_category`` defaults from the kind (a meal's
    cost is "meal"). A ``follow_up_on`` date creates a follow-up described by ``next_step``.
    """
    when = _check_when(occurred_at)
    clean_kind = INTERACTION_KINDS.check(kind)
    texts = _texts(
        {
            "place": place,
            "summary": summary,
            "colleagues": colleagues,
            "products": products,
            "promises": promises,
            "outcome": outcome,
            "next_step": next_step,
            "recorded_by": recorded_by,
        }
    )
    _check_follow_up(follow_up_on, when)
    _money(cost, "cost")
    category = COST_CATEGORIES.check(cost_category) if cost_category else None
    if category is None and cost is not None:
        category = DEFAULT_COST_CATEGORY.get(clean_kind, "other")
    people = _attendees(session, attendee_ids)
    account = _account_for(session, account_id, people)
    if not people and account is None:
        raise ValidationError(
            "name at least one contact or an account", field="contact", code="required"
        )
    clean_gifts = _clean_gifts(session, gifts)

    # Everything is checked: now write.
    row = Interaction(
        occurred_at=when,
        kind=clean_kind,
        account_id=account,
        follow_up_on=follow_up_on,
        cost_minor=cost.minor if cost else None,
        cost_currency=cost.currency if cost else None,
        cost_category=category,
        **texts,
    )
    session.add(row)
    session.flush()
    for person in people:
        session.add(InteractionAttendee(interaction_id=row.id, contact_id=person.id))
    for gift in clean_gifts:
        session.add(
            Gift(
                interaction_id=row.id,
                contact_id=gift.recipient_id,
                description=gift.description,
                value_minor=gift.value.minor if gift.value else None,
                currency=gift.value.currency if gift.value else None,
            )
        )
    if follow_up_on is not None:
        label = INTERACTION_KINDS.label(clean_kind).lower()
        add_follow_up(
            session,
            due_on=follow_up_on,
            description=texts["next_step"] or f"Follow up the {label} of {when.date()}",
            contact_id=people[0].id if people else None,
            account_id=account,
            owner=texts["recorded_by"],
            interaction_id=row.id,
        )
    session.flush()
    return interaction_views(session, [row])[0]


def edit_interaction(
    session: Session,
    *,
    interaction_id: str,
    occurred_at: dt.datetime | Unset = UNSET,
    kind: str | Unset = UNSET,
    attendee_ids: Sequence[str] | Unset = UNSET,
    place: str | Unset | None = UNSET,
    summary: str | Unset = UNSET,
    colleagues: Sequence[str] | Unset = UNSET,
    products: str | Unset | None = UNSET,
    promises: str | Unset | None = UNSET,
    outcome: str | Unset | None = UNSET,
    next_step: str | Unset | None = UNSET,
    cost: Money | Unset | None = UNSET,
    cost_category: str | Unset | None = UNSET,
) -> InteractionView:
    """Change the fields given (UNSET leaves them). ``attendee_ids`` replaces the attendee list."""
    row = get_live(session, Interaction, interaction_id, field="interaction")
    changes: dict[str, Any] = {}
    if occurred_at is not UNSET:
        changes["occurred_at"] = _check_when(occurred_at)
    if kind is not UNSET:
        changes["kind"] = INTERACTION_KINDS.check(kind)
    texts = {
        k: v
        for k, v in {
            "place": place,
            "summary": summary,
            "colleagues": colleagues,
            "products": products,
            "promises": promises,
            "outcome": outcome,
            "next_step": next_step,
        }.items()
        if v is not UNSET
    }
    changes.update(_texts(texts))
    if cost is not UNSET:
        _money(cost, "cost")
        changes["cost_minor"] = cost.minor if cost else None
        changes["cost_currency"] = cost.currency if cost else None
    if cost_category is not UNSET:
        changes["cost_category"] = COST_CATEGORIES.check(cost_category) if cost_category else None
    people = None if attendee_ids is UNSET else _attendees(session, attendee_ids)

    for key, value in changes.items():
        setattr(row, key, value)
    if people is not None:
        links = session.scalars(
            select(InteractionAttendee).where(
                InteractionAttendee.interaction_id == row.id,
                InteractionAttendee.deleted.is_(False),
            )
        ).all()
        wanted = {p.id for p in people}
        for link in links:
            if link.contact_id not in wanted:
                link.deleted = True
        have = {link.contact_id for link in links}
        for person in people:
            if person.id not in have:
                session.add(InteractionAttendee(interaction_id=row.id, contact_id=person.id))
    session.flush()
    return interaction_views(session, [row])[0]


def interaction_views(session: Session, rows: Sequence[Interaction]) -> list[InteractionView]:
    """Views of ``rows`` with attendees and gifts read in two queries for the whole page."""
    ids = [r.id for r in rows]
    attendees: dict[str, list[AttendeeView]] = defaultdict(list)
    for link, person in session.execute(
        select(InteractionAttendee, Contact)
        .join(Contact, InteractionAttendee.contact_id == Contact.id)
        .where(InteractionAttendee.interaction_id.in_(ids), InteractionAttendee.deleted.is_(False))
        .order_by(InteractionAttendee.created_at, InteractionAttendee.id)
    ):
        attendees[link.interaction_id].append(AttendeeView(contact_id=person.id, name=person.name))
    gifts: dict[str, list[GiftView]] = defaultdict(list)
    for gift, person in session.execute(
        select(Gift, Contact)
        .outerjoin(Contact, Gift.contact_id == Contact.id)
        .where(Gift.interaction_id.in_(ids), Gift.deleted.is_(False))
        .order_by(Gift.created_at, Gift.id)
    ):
        value = None
        if gift.value_minor is not None:
            value = Money(gift.value_minor, gift.currency or "CNY")
        gifts[gift.interaction_id].append(
            GiftView(
                id=gift.id,
                description=gift.description,
                value=value,
                recipient_id=gift.contact_id,
                recipient_name=person.name if person is not None else None,
            )
        )
    account_ids = {r.account_id for r in rows if r.account_id}
    names = dict(
        session.execute(select(Account.id, Account.name).where(Account.id.in_(account_ids))).all()
    )
    return [
        InteractionView(
            id=r.id,
            occurred_at=r.occurred_at,
            kind=r.kind,
            place=r.place,
            account_id=r.account_id,
            account_name=names.get(r.account_id) if r.account_id else None,
            attendees=tuple(attendees[r.id]),
            colleagues=tuple(r.colleagues or ()),
            summary=r.summary,
            products=r.products,
            promises=r.promises,
            outcome=r.outcome,
            next_step=r.next_step,
            follow_up_on=r.follow_up_on,
            cost=None if r.cost_minor is None else Money(r.cost_minor, r.cost_currency or "CNY"),
            cost_category=r.cost_category,
            gifts=tuple(gifts[r.id]),
            recorded_by=r.recorded_by,
        )
        for r in rows
    ]


def get_interaction(session: Session, *, interaction_id: str) -> InteractionView:
    row = get_live(session, Interaction, interaction_id, field="interaction")
    return interaction_views(session, [row])[0]


def list_interactions(
    session: Session,
    *,
    contact_id: str | None = None,
    account_id: str | None = None,
    kind: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    before: tuple[dt.datetime, str] | None = None,
    limit: int = DEFAULT_PAGE,
) -> list[InteractionView]:
    """The log, newest first. Page with ``before=(last.occurred_at, last.id)``."""
    check_page(limit)
    conds: list[ColumnElement[bool]] = [Interaction.deleted.is_(False)]
    if contact_id is not None:
        conds.append(
            exists().where(
                InteractionAttendee.interaction_id == Interaction.id,
                InteractionAttendee.contact_id == contact_id,
                InteractionAttendee.deleted.is_(False),
            )
        )
    if account_id is not None:
        conds.append(Interaction.account_id == account_id)
    if kind is not None:
        conds.append(Interaction.kind == kind)
    if since is not None:
        conds.append(Interaction.occurred_at >= since)
    if until is not None:
        conds.append(Interaction.occurred_at < until)
    if before is not None:
        conds.append(tuple_(Interaction.occurred_at, Interaction.id) < tuple_(*before))
    rows = session.scalars(
        select(Interaction)
        .where(*conds)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    ).all()
    return interaction_views(session, rows)


def delete_interaction(session: Session, *, interaction_id: str) -> DeletionView:
    """Soft-delete an entry with its attendee links, gifts and open follow-ups."""
    row = get_live(session, Interaction, interaction_id, field="interaction")
    stamp = deletion_stamp()
    count = 0
    for model in (InteractionAttendee, Gift):
        count += mark_deleted(
            session.scalars(select(model).where(model.interaction_id == row.id)).all(), stamp
        )
    count += mark_deleted(
        session.scalars(
            select(FollowUp).where(FollowUp.interaction_id == row.id, FollowUp.done.is_(False))
        ).all(),
        stamp,
    )
    mark_deleted([row], stamp)
    session.flush()
    return DeletionView(kind="interaction", id=row.id, deleted_at=stamp, dependants=count)


def restore_interaction(session: Session, *, interaction_id: str) -> InteractionView:
    row = get_deleted(session, Interaction, interaction_id, field="interaction")
    stamp = row.updated_at
    for model in (InteractionAttendee, Gift):
        restore_stamped(session, model, stamp, model.interaction_id == row.id)
    restore_stamped(session, FollowUp, stamp, FollowUp.interaction_id == row.id)
    row.deleted = False
    session.flush()
    return interaction_views(session, [row])[0]
