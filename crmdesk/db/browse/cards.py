"""The contact and account cards (and their briefs): everything one record's page shows.

Composed from the services' views (plus the few aggregates no service offers: gifts, spend, org
chart, last touches), read in one worker task so the GUI gets everything a page shows at once.
Like the tables' queries, SQLAlchemy, the models and the services are imported inside the
functions, which run on the database worker; the dataclasses are what the GUI holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from crmdesk.core.money import Money
from crmdesk.core.views import (
    AccountView,
    ComplaintView,
    ContactDetailView,
    ContactView,
    FollowUpView,
    ImportantDateView,
    InteractionView,
    OpportunityView,
)
from crmdesk.db.browse.tables import id_chunks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class ComingDate:
    """An important date with its next occurrence (lunar dates keep their lunar reading)."""

    date: ImportantDateView
    next_on: dt.date | None  # the coming Gregorian day; None past the supported span
    years: int | None  # the age or count it will be, when the year is known
    contact_name: str = ""


@dataclass(frozen=True, slots=True)
class GiftRecord:
    """A gift given: when, what, to whom, worth what."""

    given_on: dt.date
    description: str
    value: Money | None
    recipient_id: str | None
    recipient_name: str | None


@dataclass(frozen=True, slots=True)
class SpendLine:
    """What was spent on an account in one year and currency (minor units)."""

    year: int
    currency: str
    interactions: int
    cost_minor: int
    gifts_minor: int


@dataclass(frozen=True, slots=True)
class OrgNode:
    """A contact in an account's org chart, with those who report to them."""

    contact: ContactView
    reports: tuple[OrgNode, ...]


@dataclass(frozen=True, slots=True)
class ContactPage:
    """Everything the contact card and its brief show."""

    detail: ContactDetailView
    coming: tuple[ComingDate, ...]
    gifts: tuple[GiftRecord, ...]
    account: AccountView | None
    # Open complaints of the contact or of its account, oldest first: the brief shows them first.
    open_complaints: tuple[ComplaintView, ...] = ()


@dataclass(frozen=True, slots=True)
class AccountPage:
    """Everything the account card and its brief show."""

    account: AccountView
    contacts: tuple[ContactView, ...]
    org: tuple[OrgNode, ...]
    interactions: tuple[InteractionView, ...]
    opportunities: tuple[OpportunityView, ...]
    follow_ups: tuple[FollowUpView, ...]
    complaints: tuple[ComplaintView, ...]
    spend: tuple[SpendLine, ...]
    coming: tuple[ComingDate, ...]
    gifts: tuple[GiftRecord, ...]
    # The org chart's marks: each contact's last touch (None: never) and the tier's cadence.
    last_touch: Mapping[str, dt.date | None] = field(default_factory=dict)
    cadence_days: int | None = None


def _coming(
    dates: Sequence[ImportantDateView], today: dt.date, names: dict[str, str]
) -> list[ComingDate]:
    from crmdesk.core.dates import Calendar, DateSpec
    from crmdesk.core.errors import ValidationError
    from crmdesk.core.occasions import next_occurrence

    out: list[ComingDate] = []
    for d in dates:
        spec = DateSpec(
            calendar=Calendar(d.calendar),
            month=d.month,
            day=d.day,
            year=d.year,
            is_leap_month=d.is_leap_month,
        )
        try:
            occurrence = next_occurrence(spec, today)
        except ValidationError:
            occurrence = None
        out.append(
            ComingDate(
                date=d,
                next_on=occurrence.date if occurrence else None,
                years=occurrence.years if occurrence else None,
                contact_name=names.get(d.contact_id, ""),
            )
        )
    out.sort(key=lambda c: (c.next_on is None, c.next_on or dt.date.max))
    return out


def gifts_to(session: Session, contact_ids: Sequence[str]) -> list[GiftRecord]:
    """Every gift given to these contacts, newest first (so the same one is not given twice)."""
    from sqlalchemy import select

    from crmdesk.db.models import Contact, Gift, Interaction

    out: list[GiftRecord] = []
    for chunk in id_chunks(contact_ids):
        stmt = (
            select(Gift, Interaction.occurred_at, Contact.name)
            .join(Interaction, Interaction.id == Gift.interaction_id)
            .outerjoin(Contact, Contact.id == Gift.contact_id)
            .where(
                Gift.contact_id.in_(chunk), Gift.deleted.is_(False), Interaction.deleted.is_(False)
            )
        )
        for gift, when, name in session.execute(stmt):
            value = (
                Money(gift.value_minor, gift.currency or "CNY")
                if gift.value_minor is not None
                else None
            )
            out.append(
                GiftRecord(
                    given_on=when.astimezone().date(),
                    description=gift.description,
                    value=value,
                    recipient_id=gift.contact_id,
                    recipient_name=name,
                )
            )
    out.sort(key=lambda g: g.given_on, reverse=True)
    return out


def account_spend(session: Session, account_id: str) -> list[SpendLine]:
    """Interaction costs and gift values logged against an account, by year and currency."""
    from sqlalchemy import select

    from crmdesk.db.models import Gift, Interaction

    lines: dict[tuple[int, str], list[int]] = {}
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.cost_minor,
            Interaction.cost_currency,
        ).where(Interaction.account_id == account_id, Interaction.deleted.is_(False))
    )
    years: dict[str, int] = {}
    for iid, when, cost, currency in rows:
        year = when.astimezone().year
        years[iid] = year
        line = lines.setdefault((year, currency or "CNY"), [0, 0, 0])
        line[0] += 1
        line[1] += cost or 0
    for chunk in id_chunks(list(years)):
        gift_rows = session.execute(
            select(Gift.interaction_id, Gift.value_minor, Gift.currency).where(
                Gift.interaction_id.in_(chunk), Gift.deleted.is_(False)
            )
        )
        for iid, value, currency in gift_rows:
            if value:
                line = lines.setdefault((years[iid], currency or "CNY"), [0, 0, 0])
                line[2] += value
    return [
        SpendLine(year, currency, n, cost, gifts)
        for (year, currency), (n, cost, gifts) in sorted(lines.items(), reverse=True)
    ]


def _org_chart(people: Sequence[ContactView]) -> list[OrgNode]:
    ids = {p.id for p in people}
    children: dict[str | None, list[ContactView]] = {}
    for p in people:
        boss = p.reports_to_id if p.reports_to_id in ids and p.reports_to_id != p.id else None
        children.setdefault(boss, []).append(p)

    def build(person: ContactView, seen: frozenset[str]) -> OrgNode:
        below = [c for c in children.get(person.id, []) if c.id not in seen]
        return OrgNode(person, tuple(build(c, seen | {c.id}) for c in below))

    return [build(p, frozenset({p.id})) for p in children.get(None, [])]


def contact_page(session: Session, contact_id: str, *, today: dt.date | None = None) -> ContactPage:
    from crmdesk.db.services.accounts import get_account
    from crmdesk.db.services.contacts import contact_detail

    day = today or dt.date.today()
    detail = contact_detail(session, contact_id=contact_id, today=day)
    account = None
    if detail.contact.account_id:
        account = get_account(session, account_id=detail.contact.account_id)
    from crmdesk.db.retention_stats import open_complaints_of

    return ContactPage(
        detail=detail,
        coming=tuple(_coming(detail.dates, day, {})),
        gifts=tuple(gifts_to(session, [contact_id])),
        account=account,
        open_complaints=open_complaints_of(
            session, contact_id=contact_id, account_id=detail.contact.account_id
        ),
    )


def account_page(
    session: Session, account_id: str, *, today: dt.date | None = None, interactions: int = 20
) -> AccountPage:
    from crmdesk.db.services._common import MAX_PAGE
    from crmdesk.db.services.accounts import get_account
    from crmdesk.db.services.complaints import list_complaints
    from crmdesk.db.services.contacts import list_contacts
    from crmdesk.db.services.followups import list_follow_ups
    from crmdesk.db.services.important_dates import list_dates
    from crmdesk.db.services.interactions import list_interactions
    from crmdesk.db.services.opportunities import list_opportunities

    day = today or dt.date.today()
    account = get_account(session, account_id=account_id)
    people: list[ContactView] = []
    after: tuple[str, str] | None = None
    while True:
        page = list_contacts(session, account_id=account_id, after=after, limit=MAX_PAGE)
        people.extend(page)
        if len(page) < MAX_PAGE:
            break
        after = page[-1].cursor
    names = {p.id: p.name for p in people}
    dates: list[ImportantDateView] = []
    for p in people[:200]:  # a brief lists the dates of the people one meets, not of thousands
        dates.extend(list_dates(session, contact_id=p.id))
    return AccountPage(
        account=account,
        contacts=tuple(people),
        org=tuple(_org_chart(people)),
        interactions=tuple(list_interactions(session, account_id=account_id, limit=interactions)),
        opportunities=tuple(list_opportunities(session, account_id=account_id)),
        follow_ups=tuple(list_follow_ups(session, account_id=account_id, today=day)),
        complaints=tuple(list_complaints(session, account_id=account_id, open_only=True)),
        spend=tuple(account_spend(session, account_id)),
        coming=tuple(_coming(dates, day, names)),
        gifts=tuple(gifts_to(session, list(names))),
        last_touch=_last_touches(session, list(names)),
        cadence_days=_cadence(session, account.tier),
    )


def _last_touches(session: Session, contact_ids: list[str]) -> dict[str, dt.date | None]:
    from crmdesk.db.planning import contact_touches, id_set

    touched = contact_touches(session, id_set(contact_ids))
    return {cid: touched.get(cid) for cid in contact_ids}


def _cadence(session: Session, tier: str | None) -> int | None:
    from sqlalchemy import select

    from crmdesk.db.models import Tier

    if not tier:
        return None
    return session.scalar(
        select(Tier.cadence_days).where(Tier.code == tier, Tier.deleted.is_(False))
    )
