"""Read-only queries behind the desktop app's big tables: ids first, rows by id.

The module's dataclasses are what the GUI holds (filters, rows, filter choices); SQLAlchemy and
the models are imported inside the query functions, which run on the database worker, so the GUI
thread never pays for loading the database stack at start-up.

The contact and account tables must stay smooth at 100,000 rows and usable at 1,000,000, so they
never load every row. A table asks once for the ordered ids matching its filter and sort
(:func:`contact_ids`) — one query, one sort, a list of short strings — and then for the few
rows on screen by id (:func:`contact_rows`), in blocks, as the user scrolls (the pattern of Anki's
browser table).

Keyset paging (``list_contacts(after=...)``) cannot serve a scroll bar that the user drags to
the middle of a sorted list, nor sorting by any column.

The filters mean what ``crmdesk.db.services.contacts.list_contacts`` means: ``tier`` and
``owner`` match the contact's own value, else its account's. Free text goes through the book's
search index (``crmdesk.db.search``): characters, full pinyin, initials, phone digits.

Everything returned is a plain frozen dataclass; no ORM object leaves a function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

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


def id_chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[i : i + MAX_IDS_PER_QUERY] for i in range(0, len(ids), MAX_IDS_PER_QUERY)]


def contact_rows(session: Session, ids: Sequence[str]) -> dict[str, ContactRow]:
    """The table rows of these contacts, by id; deleted or unknown ids are left out."""
    from sqlalchemy import func, select

    from crmdesk.db.models import Account, Contact, Interaction, InteractionAttendee

    out: dict[str, ContactRow] = {}
    for chunk in id_chunks(ids):
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
    for chunk in id_chunks(ids):
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
