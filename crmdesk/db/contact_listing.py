"""Listing contacts in Core statements: one page of views in ``(sort_key, id)`` order.

The app's contact services (:mod:`crmdesk.db.services.contacts`) and ``crmdesk contact list``
share these statements. They name the tables through light ``table()`` clauses, not the ORM
models: the command line lists on a plain connection and never pays for the ORM (about a
quarter of a second a command). The columns' types are the models' own (JSON lists, UTC
datetimes, booleans); ``tests/test_cli_core_paths.py`` holds the views to the ORM's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Connection,
    String,
    Text,
    cast,
    column,
    func,
    select,
    table,
    tuple_,
)

from crmdesk.core.views import ContactView
from crmdesk.db.sql import has_tag
from crmdesk.db.types import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _contacts_table() -> Any:
    return table(
        "contacts",
        column("id", String),
        column("name", String),
        column("name_pinyin", Text),
        column("sort_key", String),
        column("account_id", String),
        column("title", String),
        column("department", String),
        column("decision_role", String),
        column("reports_to_id", String),
        column("tier", String),
        column("owner", String),
        column("gender", String),
        column("phones", JSON),
        column("emails", JSON),
        column("wechat", String),
        column("hometown", String),
        column("school", String),
        column("notes", Text),
        column("tags", JSON),
        column("deleted", Boolean),
        column("created_at", UTCDateTime),
        column("updated_at", UTCDateTime),
    )


CONTACTS = _contacts_table()
ACCOUNTS = table(
    "accounts",
    column("id", String),
    column("name", String),
    column("tier", String),
    column("owner", String),
    column("deleted", Boolean),
)
_BOSS = CONTACTS.alias("boss")


def conditions(
    *,
    tier: str | None,
    tag: str | None,
    account_id: str | None,
    owner: str | None,
    deleted: bool,
) -> list[ColumnElement[bool]]:
    """Filters over ``CONTACTS`` outer-joined to ``ACCOUNTS``. ``tier`` and ``owner`` match the
    contact's own value, else its account's."""
    c, a = CONTACTS.c, ACCOUNTS.c
    conds: list[ColumnElement[bool]] = [c.deleted.is_(deleted)]
    if tier is not None:
        conds.append(func.coalesce(c.tier, a.tier) == tier)
    if owner is not None:
        conds.append(func.coalesce(c.owner, a.owner) == owner)
    if account_id is not None:
        conds.append(c.account_id == account_id)
    if tag is not None:
        conds.append(has_tag(c.tags, tag))
    return conds


def _connection(source: Session | Connection) -> Connection:
    return source if isinstance(source, Connection) else source.connection()


def contact_page(
    source: Session | Connection,
    *,
    tier: str | None = None,
    tag: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    after: tuple[str, str] | None = None,
    limit: int,
    deleted: bool = False,
) -> list[ContactView]:
    """One page of contacts after the cursor ``after`` (the caller checks ``limit``); see
    :func:`crmdesk.db.services.contacts.list_contacts`."""
    c, a, b = CONTACTS.c, ACCOUNTS.c, _BOSS.c
    conds = conditions(tier=tier, tag=tag, account_id=account_id, owner=owner, deleted=deleted)
    if after is not None:
        conds.append(tuple_(c.sort_key, c.id) > tuple_(*after))
    # Plain columns, not ORM objects: a thousand contacts a page, and `crmdesk contact list`
    # pages through all of them. The lists and times come as their stored text, decoded in
    # _row_view by orjson and fromisoformat: faster than SQLAlchemy's json and regex result
    # processors over 11,000 contacts.
    stored = {name: cast(c[name], Text) for name in _DECODED}
    stmt = (
        select(
            c.id,
            c.name,
            c.name_pinyin,
            c.sort_key,
            c.account_id,
            a.name,
            c.title,
            c.department,
            c.decision_role,
            b.id,
            b.name,
            b.deleted,
            c.tier,
            a.tier,
            a.deleted,
            c.owner,
            c.gender,
            stored["phones"],
            stored["emails"],
            c.wechat,
            c.hometown,
            c.school,
            c.notes,
            stored["tags"],
            c.deleted,
            stored["created_at"],
            stored["updated_at"],
        )
        .select_from(
            CONTACTS.outerjoin(ACCOUNTS, c.account_id == a.id).outerjoin(
                _BOSS, c.reports_to_id == b.id
            )
        )
        .where(*conds)
        .order_by(c.sort_key, c.id)
        .limit(limit)
    )
    return [_row_view(row) for row in _connection(source).execute(stmt)]


def contact_count(
    source: Session | Connection,
    *,
    tier: str | None = None,
    tag: str | None = None,
    account_id: str | None = None,
    owner: str | None = None,
    deleted: bool = False,
) -> int:
    """How many contacts :func:`contact_page` would page through with the same filters."""
    c, a = CONTACTS.c, ACCOUNTS.c
    conds = conditions(tier=tier, tag=tag, account_id=account_id, owner=owner, deleted=deleted)
    stmt = (
        select(func.count(c.id))
        .select_from(CONTACTS.outerjoin(ACCOUNTS, c.account_id == a.id))
        .where(*conds)
    )
    return int(_connection(source).scalar(stmt) or 0)


_DECODED = ("phones", "emails", "tags", "created_at", "updated_at")


def _strings(stored: str | None) -> tuple[str, ...]:
    """A JSON list column's stored text (as the JSON type wrote it) as a tuple."""
    return tuple(orjson.loads(stored) or ()) if stored else ()


def _utc(stored: str) -> dt.datetime:
    """A UTCDateTime column's stored text (naive UTC) as an aware datetime, as the type gives."""
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC)


def _row_view(row: Sequence[Any]) -> ContactView:
    """The view of a row of plain columns (a deleted boss or account counts as none)."""
    (cid, name, pinyin, sort_key, account_id, account_name, title, department, role, boss_id,
     boss_name, boss_deleted, tier, account_tier, account_deleted, owner, gender, phones, emails,
     wechat, hometown, school, notes, tags, deleted, created_at, updated_at) = row  # fmt: skip
    live_boss = boss_id is not None and not boss_deleted
    return ContactView(
        id=cid,
        name=name,
        name_pinyin=pinyin,
        sort_key=sort_key,
        account_id=account_id,
        account_name=account_name,
        title=title,
        department=department,
        decision_role=role,
        reports_to_id=boss_id if live_boss else None,
        reports_to_name=boss_name if live_boss else None,
        tier=tier,
        effective_tier=tier or (account_tier if account_deleted is False else None),
        owner=owner,
        gender=gender,
        phones=_strings(phones),
        emails=_strings(emails),
        wechat=wechat,
        hometown=hometown,
        school=school,
        notes=notes,
        tags=_strings(tags),
        deleted=deleted,
        created_at=_utc(created_at),
        updated_at=_utc(updated_at),
    )
