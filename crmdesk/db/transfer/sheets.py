"""The book as flat tables (header + rows of plain values) for CSV and Excel export.

Rows stream from the database in blocks of plain columns (never ORM objects), so exporting
100,000 contacts never holds them all. The list columns (phones, e-mails, tags) are read as the
JSON text SQLite holds and decoded here only when not empty: through the ORM's JSON type they
cost more than the rest of a row. Every table carries the owner column: a manager's book holds
the team's records, and who holds each one is what the manager exports them for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Text, select, type_coerce
from sqlalchemy.orm import Session, aliased

from crmdesk.core.money import Money
from crmdesk.db.models import Account, Contact, FollowUp, ImportantDate, Interaction, Opportunity

_CHUNK = 2000
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]  # Excel column widths, in characters

    def rows(self, session: Session) -> Iterator[Row]:
        raise NotImplementedError


def _raw(column: Any) -> Any:
    """A JSON list column as the text SQLite stores (no per-row decoding by the ORM)."""
    return type_coerce(column, Text)


def decode_list(raw: str | None) -> list[str]:
    """The list a JSON list column holds ("[]" and NULL: empty). orjson parses it in a third
    of json.loads's time, which shows at three lists a contact."""
    if not raw or raw == "[]":
        return []
    try:
        values = orjson.loads(raw)
    except orjson.JSONDecodeError:  # what orjson alone refuses (a lone surrogate): the sure way
        values = json.loads(raw)
    return [v if type(v) is str else str(v) for v in values] if type(values) is list else []


def _list(raw: str | None) -> str:
    return "; ".join(decode_list(raw))


def _amount(minor: int | None, currency: str | None) -> Decimal | None:
    if minor is None:
        return None
    return Decimal(Money(minor, currency or "CNY").amount)


def _local(stamp: dt.datetime | None) -> dt.datetime | None:
    return stamp.astimezone().replace(tzinfo=None) if stamp is not None else None


def _stream(session: Session, stmt: Any) -> Any:
    return session.connection().execute(stmt.execution_options(yield_per=_CHUNK))


def birthdays(session: Session) -> dict[str, str]:
    """Contact id -> the contact's own birthday in the DateSpec text syntax (``str(spec)``),
    written from plain columns: a 100k book has 70k of them."""
    d = ImportantDate
    rows = session.connection().execute(
        select(d.contact_id, d.calendar, d.year, d.month, d.day, d.is_leap_month)
        .where(d.kind == "birthday", d.family_member_id.is_(None), d.deleted.is_(False))
        .order_by(d.created_at.desc())  # the first one recorded wins
    )
    out: dict[str, str] = {}
    for contact_id, calendar, year, month, day, leap in rows:
        prefix = "L" if calendar == "lunar" else ""
        year_text = f"{year:04d}-" if year is not None else ""
        out[contact_id] = f"{prefix}{year_text}{month:02d}{'*' if leap else ''}-{day:02d}"
    return out


class ContactRecord(NamedTuple):
    """What an export writes of a contact (lists still as their JSON text)."""

    id: str
    name: str
    company: str | None
    title: str | None
    department: str | None
    phones: str | None
    emails: str | None
    wechat: str | None
    hometown: str | None
    gender: str | None
    tags: str | None
    notes: str | None
    tier: str | None
    owner: str | None


def contact_rows(session: Session) -> Iterator[ContactRecord]:
    """Live contacts in name order, as :class:`ContactRecord` (a join with the account)."""
    c = Contact
    stmt = (
        select(
            c.id,
            c.name,
            Account.name,
            c.title,
            c.department,
            _raw(c.phones),
            _raw(c.emails),
            c.wechat,
            c.hometown,
            c.gender,
            _raw(c.tags),
            c.notes,
            c.tier,
            c.owner,
        )
        .outerjoin(Account, c.account_id == Account.id)
        .where(c.deleted.is_(False))
        .order_by(c.sort_key, c.id)
    )
    for row in _stream(session, stmt):
        yield ContactRecord._make(row)


# Headers are the words the import's column guess knows, so an exported file imports back.
CONTACT_HEADER = ("Name", "Company", "Job title", "Department", "Phone", "E-mail", "WeChat",
                  "Hometown", "Gender", "Birthday", "Tags", "Notes", "Tier", "Owner",
                  "Id")  # fmt: skip


class ContactsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        born = birthdays(session)
        for c in contact_rows(session):
            yield (c.name, c.company, c.title, c.department, _list(c.phones), _list(c.emails),
                   c.wechat, c.hometown, c.gender, born.get(c.id), _list(c.tags), c.notes,
                   c.tier, c.owner, c.id)  # fmt: skip


class AccountsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        a = Account
        stmt = (
            select(
                a.name,
                a.code,
                a.tier,
                a.customer_type,
                a.status,
                a.industry,
                a.address,
                _raw(a.phones),
                a.website,
                _raw(a.tags),
                a.notes,
                a.owner,
                a.id,
            )
            .where(a.deleted.is_(False))
            .order_by(a.name_pinyin, a.id)
        )
        for name, code, tier, kind, status, industry, address, phones, website, tags, notes, \
                owner, aid in _stream(session, stmt):  # fmt: skip
            yield (name, code, tier, kind, status, industry, address, _list(phones), website,
                   _list(tags), notes, owner, aid)  # fmt: skip


class InteractionsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        i = Interaction
        stmt = (
            select(
                i.occurred_at,
                i.kind,
                Account.name,
                i.place,
                i.summary,
                i.outcome,
                i.next_step,
                i.follow_up_on,
                i.cost_minor,
                i.cost_currency,
                i.cost_category,
                i.recorded_by,
                i.id,
            )
            .outerjoin(Account, i.account_id == Account.id)
            .where(i.deleted.is_(False))
            .order_by(i.occurred_at, i.id)
        )
        for when, kind, company, place, summary, outcome, next_step, follow_up_on, cost, \
                currency, category, recorded_by, iid in _stream(session, stmt):  # fmt: skip
            yield (_local(when), kind, company, place, summary, outcome, next_step, follow_up_on,
                   _amount(cost, currency), currency, category, recorded_by, iid)  # fmt: skip


class FollowUpsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        who = aliased(Contact)
        f = FollowUp
        stmt = (
            select(
                f.due_on, f.description, who.name, Account.name, f.done, f.done_at, f.owner, f.id
            )
            .outerjoin(who, f.contact_id == who.id)
            .outerjoin(Account, f.account_id == Account.id)
            .where(f.deleted.is_(False))
            .order_by(f.due_on, f.id)
        )
        for due, description, contact, company, done, done_at, owner, fid in _stream(session, stmt):
            yield (due, description, contact, company, "yes" if done else "no", _local(done_at),
                   owner, fid)  # fmt: skip


class OpportunitiesSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        o = Opportunity
        stmt = (
            select(
                o.name,
                Account.name,
                o.stage,
                o.result,
                o.amount_minor,
                o.currency,
                o.expected_on,
                o.owner,
                o.notes,
                o.id,
            )
            .join(Account, o.account_id == Account.id)
            .where(o.deleted.is_(False))
            .order_by(o.expected_on, o.id)
        )
        for name, company, stage, result, amount, currency, expected, owner, notes, oid in _stream(
            session, stmt
        ):
            yield (name, company, stage, result, _amount(amount, currency), currency, expected,
                   owner, notes, oid)  # fmt: skip


ACCOUNTS = AccountsSheet(
    "Accounts",
    ("Name", "Code", "Tier", "Type", "Status", "Industry", "Address", "Phone", "Website",
     "Tags", "Notes", "Owner", "Id"),
    (30, 12, 6, 16, 10, 16, 36, 24, 24, 20, 40, 14, 38),
)  # fmt: skip
CONTACTS = ContactsSheet(
    "Contacts", CONTACT_HEADER, (16, 30, 16, 16, 30, 30, 16, 12, 8, 12, 20, 40, 6, 14, 38)
)
INTERACTIONS = InteractionsSheet(
    "Interactions",
    ("When", "Kind", "Account", "Place", "Summary", "Outcome", "Next step", "Follow up on",
     "Cost", "Currency", "Cost category", "Recorded by", "Id"),
    (17, 10, 30, 20, 40, 30, 30, 12, 10, 8, 14, 14, 38),
)  # fmt: skip
FOLLOW_UPS = FollowUpsSheet(
    "Follow-ups",
    ("Due", "Description", "Contact", "Account", "Done", "Done at", "Owner", "Id"),
    (12, 40, 16, 30, 6, 17, 14, 38),
)
OPPORTUNITIES = OpportunitiesSheet(
    "Opportunities",
    ("Name", "Account", "Stage", "Result", "Amount", "Currency", "Expected", "Owner", "Notes",
     "Id"),
    (30, 30, 10, 8, 14, 8, 12, 14, 40, 38),
)  # fmt: skip
ALL_SHEETS: tuple[Sheet, ...] = (ACCOUNTS, CONTACTS, INTERACTIONS, FOLLOW_UPS, OPPORTUNITIES)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date | Decimal):
        return str(value)
    return str(value)
