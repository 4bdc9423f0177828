"""Read-only queries behind the desktop app's big tables: ids first, rows by id.

The module's dataclasses are what the GUI holds (filters, rows, pages); SQLAlchemy and the models
are imported inside the query functions, which run on the database worker, so the GUI thread never
pays for loading the database stack at start-up.

The contact and account tables must stay smooth at 100,000 rows and usable at 1,000,000, so they
never load every row. A table asks once for the ordered ids matching its filter and sort
(:func:`contact_ids`) — one query, one sort, a list of short strings — and then for the few
rows on screen by id (:func:`contact_rows`), in blocks, as the user scrolls (the pattern of Anki's
browser table). Past 600 lines, kept as one module for now: its two seams (the big tables;
the contact and account cards) were split on a branch that could not be merged beside the
search and manager-view changes made to it the same day; the split is to be redone.

Keyset paging (``list_contacts(after=...)``) cannot serve a scroll bar that the user drags to
the middle of a sorted list, nor sorting by any column.

The filters mean what ``crmdesk.db.services.contacts.list_contacts`` means: ``tier`` and
``owner`` match the contact's own value, else its account's. Free text goes through the book's
search index (``crmdesk.db.search``): characters, full pinyin, initials, phone digits.

Everything returned is a plain frozen dataclass; no ORM object leaves a function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.orm import Session

    from crmdesk.db.search import Kind

# SQLite's limit on bound parameters is 32,766; blocks of rows are far smaller.
MAX_IDS_PER_QUERY = 900


class ContactSort(StrEnum):
    NAME = "name"
    ACCOUNT = "account"
    TITLE = "title"
    ROLE = "role"
    TIER = "tier"
    OWNER = "owner"
    UPDATED = "updated"


class AccountSort(StrEnum):
    NAME = "name"
    CODE = "code"
    TIER = "tier"
    STATUS = "status"
    OWNER = "owner"
    INDUSTRY = "industry"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """What the contact table shows; empty fields do not filter."""

    text: str = ""
    tier: str | None = None
    tag: str | None = None
    account_id: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class AccountFilter:
    text: str = ""
    tier: str | None = None
    tag: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One line of the contact table."""

    id: str
    name: str
    account_id: str | None
    account_name: str | None
    title: str | None
    decision_role: str | None
    tier: str | None  # the contact's own, else the account's
    owner: str | None  # the contact's own, else the account's
    phone: str | None  # the first number
    last_contact: dt.datetime | None  # the latest interaction they attended


@dataclass(frozen=True, slots=True)
class AccountRow:
    """One line of the account table."""

    id: str
    name: str
    code: str | None
    tier: str | None
    status: str
    owner: str | None
    industry: str | None
    contacts: int


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The values the filter boxes offer."""

    tiers: tuple[Choice, ...]
    tags: tuple[str, ...]
    owners: tuple[str, ...]
    accounts: tuple[Choice, ...]


# -- text matching ------------------------------------------------------------------------------


def _text_match(kind: Kind, text: str) -> ColumnElement[bool] | None:
    """A condition on the record id for the free-text part of a filter; None when blank."""
    if not text.strip():
        return None
    from crmdesk.db.search import matching_ids_condition

    return matching_ids_condition(kind, text)


def _relevance_first(kind: Kind, text: str, default_sort: bool, order: list[Any]) -> list[Any]:
    """Under a free-text filter in the default order (by name, ascending), the best matches come
    first, as in the search box ("wang": 王 before 方旺), then by name."""
    if not default_sort or not text.strip():
        return order
    from crmdesk.db.search import relevance

    return [relevance(kind, text), *order]


# -- contacts -----------------------------------------------------------------------------------


def _account_sort_name() -> ColumnElement[Any]:
    from sqlalchemy import func

    from crmdesk.db.models import Account

    return func.coalesce(func.nullif(Account.name_pinyin, ""), func.lower(Account.name))


def _contact_filtered(
    stmt: Select[Any], filt: ContactFilter, *, join_account: bool = False
) -> Select[Any]:
    from sqlalchemy import func

    from crmdesk.db.models import Account, Contact
    from crmdesk.db.sql import has_tag

    conds: list[ColumnElement[bool]] = [Contact.deleted.is_(False)]
    if filt.tier:
        conds.append(func.coalesce(Contact.tier, Account.tier) == filt.tier)
    if filt.owner:
        conds.append(func.coalesce(Contact.owner, Account.owner) == filt.owner)
    if filt.account_id:
        conds.append(Contact.account_id == filt.account_id)
    if filt.tag:
        conds.append(has_tag(Contact.tags, filt.tag))
    text = _text_match("contact", filt.text)
    if text is not None:
        conds.append(text)
    if join_account or filt.tier or filt.owner:
        stmt = stmt.outerjoin(Account, Contact.account_id == Account.id)
    return stmt.where(*conds)


def _contact_order(sort: ContactSort) -> list[Any]:
    from sqlalchemy import func

    from crmdesk.db.models import Account, Contact

    tail: list[Any] = [Contact.sort_key, Contact.id]
    match sort:
        case ContactSort.NAME:
            return tail
        case ContactSort.ACCOUNT:
            return [_account_sort_name(), *tail]
        case ContactSort.TITLE:
            return [func.coalesce(Contact.title, ""), *tail]
        case ContactSort.ROLE:
            return [func.coalesce(Contact.decision_role, ""), *tail]
        case ContactSort.TIER:
            return [func.coalesce(Contact.tier, Account.tier, "~"), *tail]
        case ContactSort.OWNER:
            return [func.coalesce(Contact.owner, Account.owner, ""), *tail]
        case ContactSort.UPDATED:
            return [Contact.updated_at, *tail]


def contact_ids(
    session: Session,
    filt: ContactFilter = ContactFilter(),
    *,
    sort: ContactSort = ContactSort.NAME,
    descending: bool = False,
) -> list[str]:
    """The ids of the live contacts matching ``filt``, in table order."""
    from sqlalchemy import select

    from crmdesk.db.models import Contact

    order = _contact_order(sort)
    if descending:
        order = [o.desc() for o in order]
    order = _relevance_first(
        "contact", filt.text, sort is ContactSort.NAME and not descending, order
    )
    needs_account = sort in (ContactSort.ACCOUNT, ContactSort.TIER, ContactSort.OWNER)
    stmt = _contact_filtered(select(Contact.id), filt, join_account=needs_account)
    stmt = stmt.order_by(*order)
    return _all_ids(session, stmt)


def count_contacts(session: Session, filt: ContactFilter = ContactFilter()) -> int:
    from sqlalchemy import func, select

    from crmdesk.db.models import Contact

    stmt = _contact_filtered(select(func.count(Contact.id)), filt)
    return int(session.scalar(stmt) or 0)


# Ids are read in slices: each slice is one short stretch of C code holding the GIL, so the GUI
# thread gets its turn between them (one call reading 100,000 rows held it for 80 ms).
ID_SLICE = 2000


def _all_ids(session: Session, stmt: Select[Any]) -> list[str]:
    ids: list[str] = []
    for part in session.scalars(stmt).partitions(ID_SLICE):
        ids.extend(part)
    return ids


def _chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + MAX_IDS_PER_QUERY] for i in range(0, len(ids), MAX_IDS_PER_QUERY)]


def contact_rows(session: Session, ids: Sequence[str]) -> dict[str, ContactRow]:
    """The table rows of these contacts, by id; deleted or unknown ids are left out."""
    from sqlalchemy import func, select

    from crmdesk.db.models import Account, Contact, Interaction, InteractionAttendee

    out: dict[str, ContactRow] = {}
    for chunk in _chunks(ids):
        last = (
            select(InteractionAttendee.contact_id, func.max(Interaction.occurred_at))
            .join(Interaction, Interaction.id == InteractionAttendee.interaction_id)
            .where(
                InteractionAttendee.contact_id.in_(chunk),
                InteractionAttendee.deleted.is_(False),
                Interaction.deleted.is_(False),
            )
            .group_by(InteractionAttendee.contact_id)
        )
        latest: dict[str, dt.datetime] = {}
        for contact_id, when in session.execute(last):
            if when is not None:
                # An aggregate bypasses the column type: SQLite returns the stored text.
                stamp = when if isinstance(when, dt.datetime) else dt.datetime.fromisoformat(when)
                latest[contact_id] = stamp.replace(tzinfo=dt.UTC)
        stmt = (
            select(
                Contact.id,
                Contact.name,
                Contact.account_id,
                Account.name,
                Contact.title,
                Contact.decision_role,
                func.coalesce(Contact.tier, Account.tier),
                func.coalesce(Contact.owner, Account.owner),
                Contact.phones,
            )
            .outerjoin(Account, Contact.account_id == Account.id)
            .where(Contact.id.in_(chunk), Contact.deleted.is_(False))
        )
        for cid, name, aid, aname, title, role, tier, owner, phones in session.execute(stmt):
            out[cid] = ContactRow(
                id=cid,
                name=name,
                account_id=aid,
                account_name=aname,
                title=title,
                decision_role=role,
                tier=tier,
                owner=owner,
                phone=phones[0] if phones else None,
                last_contact=latest.get(cid),
            )
    return out


# -- accounts -----------------------------------------------------------------------------------


def _account_filtered(stmt: Select[Any], filt: AccountFilter) -> Select[Any]:

    from crmdesk.db.models import Account
    from crmdesk.db.sql import has_tag

    conds: list[ColumnElement[bool]] = [Account.deleted.is_(False)]
    if filt.tier:
        conds.append(Account.tier == filt.tier)
    if filt.owner:
        conds.append(Account.owner == filt.owner)
    if filt.tag:
        conds.append(has_tag(Account.tags, filt.tag))
    text = _text_match("account", filt.text)
    if text is not None:
        conds.append(text)
    return stmt.where(*conds)


def _account_order(sort: AccountSort) -> list[Any]:
    from sqlalchemy import func

    from crmdesk.db.models import Account

    tail: list[Any] = [_account_sort_name(), Account.id]
    match sort:
        case AccountSort.NAME:
            return tail
        case AccountSort.CODE:
            return [func.coalesce(Account.code, ""), *tail]
        case AccountSort.TIER:
            return [func.coalesce(Account.tier, "~"), *tail]
        case AccountSort.STATUS:
            return [Account.status, *tail]
        case AccountSort.OWNER:
            return [func.coalesce(Account.owner, ""), *tail]
        case AccountSort.INDUSTRY:
            return [func.coalesce(Account.industry, ""), *tail]
        case AccountSort.UPDATED:
            return [Account.updated_at, *tail]


def account_ids(
    session: Session,
    filt: AccountFilter = AccountFilter(),
    *,
    sort: AccountSort = AccountSort.NAME,
    descending: bool = False,
) -> list[str]:
    from sqlalchemy import select

    from crmdesk.db.models import Account

    order = _account_order(sort)
    if descending:
        order = [o.desc() for o in order]
    order = _relevance_first(
        "account", filt.text, sort is AccountSort.NAME and not descending, order
    )
    return _all_ids(session, _account_filtered(select(Account.id), filt).order_by(*order))


def account_rows(session: Session, ids: Sequence[str]) -> dict[str, AccountRow]:
    from sqlalchemy import func, select

    from crmdesk.db.models import Account, Contact

    out: dict[str, AccountRow] = {}
    for chunk in _chunks(ids):
        count_stmt = (
            select(Contact.account_id, func.count(Contact.id))
            .where(Contact.account_id.in_(chunk), Contact.deleted.is_(False))
            .group_by(Contact.account_id)
        )
        counts: dict[str | None, int] = {aid: n for aid, n in session.execute(count_stmt)}
        stmt = select(
            Account.id,
            Account.name,
            Account.code,
            Account.tier,
            Account.status,
            Account.owner,
            Account.industry,
        ).where(Account.id.in_(chunk), Account.deleted.is_(False))
        for aid, name, code, tier, status, owner, industry in session.execute(stmt):
            out[aid] = AccountRow(
                id=aid,
                name=name,
                code=code,
                tier=tier,
                status=status,
                owner=owner,
                industry=industry,
                contacts=int(counts.get(aid, 0)),
            )
    return out


# -- filter choices -----------------------------------------------------------------------------


def filter_choices(session: Session) -> FilterChoices:
    """Tiers, tags, owners and accounts in use, for the filter boxes."""
    from sqlalchemy import func, literal, select

    from crmdesk.db.models import Account, Contact, Tier

    tiers = tuple(
        Choice(code, f"{code} · {name}")
        for code, name in session.execute(
            select(Tier.code, Tier.name).where(Tier.deleted.is_(False)).order_by(Tier.rank)
        )
    )
    tag_rows: set[str] = set()
    for model in (Contact, Account):
        each = func.json_each(model.tags).table_valued("value")
        tag_rows.update(
            str(v)
            for v in session.scalars(
                select(each.c.value)
                .select_from(model)
                .join(each, literal(True))
                .where(model.deleted.is_(False))
                .distinct()
            )
        )
    owners: set[str] = set()
    for column, deleted in ((Contact.owner, Contact.deleted), (Account.owner, Account.deleted)):
        owners.update(
            str(o)
            for o in session.scalars(
                select(column).where(column.is_not(None), deleted.is_(False)).distinct()
            )
        )
    accounts = tuple(
        Choice(aid, name)
        for aid, name in session.execute(
            select(Account.id, Account.name)
            .where(Account.deleted.is_(False))
            .order_by(_account_sort_name(), Account.id)
        )
    )
    return FilterChoices(
        tiers=tiers, tags=tuple(sorted(tag_rows)), owners=tuple(sorted(owners)), accounts=accounts
    )


# -- detail pages and briefs --------------------------------------------------------------------
#
# Composed from the services' views (plus the few aggregates no service offers), read in one
# worker task so the GUI gets everything a page shows at once.


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
    for chunk in _chunks(contact_ids):
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
    for chunk in _chunks(list(years)):
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
