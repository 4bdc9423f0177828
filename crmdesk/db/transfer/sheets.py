"""The book as flat tables (header + rows of plain values) for CSV and Excel export.

Rows stream from the database (``yield_per``), so exporting 100,000 contacts never holds them
all as ORM objects. Every table carries the owner column: a manager's book holds the team's
records, and who holds each one is what the manager exports them for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
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


def _list(values: list[str] | None) -> str:
    return "; ".join(values or ())


def _amount(minor: int | None, currency: str | None) -> Decimal | None:
    if minor is None:
        return None
    return Decimal(Money(minor, currency or "CNY").amount)


def birthdays(session: Session) -> dict[str, str]:
    """Contact id -> the contact's own birthday in the DateSpec text syntax (``str(spec)``),
    written from plain columns: a 100k book has 70k of them."""
    d = ImportantDate
    rows = session.execute(
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


def contact_rows(session: Session) -> Any:
    """Live contacts as plain rows (attribute access by column name, plus ``company``)."""
    return session.execute(
        select(*Contact.__table__.columns, Account.name.label("company"))
        .outerjoin(Account, Contact.account_id == Account.id)
        .where(Contact.deleted.is_(False))
        .order_by(Contact.sort_key, Contact.id)
        .execution_options(yield_per=_CHUNK)
    )


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
        stmt = (
            select(Account)
            .where(Account.deleted.is_(False))
            .order_by(Account.name_pinyin, Account.id)
            .execution_options(yield_per=_CHUNK)
        )
        for a in session.scalars(stmt):
            yield (a.name, a.code, a.tier, a.customer_type, a.status, a.industry, a.address,
                   _list(a.phones), a.website, _list(a.tags), a.notes, a.owner, a.id)  # fmt: skip


class InteractionsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        stmt = (
            select(Interaction, Account.name)
            .outerjoin(Account, Interaction.account_id == Account.id)
            .where(Interaction.deleted.is_(False))
            .order_by(Interaction.occurred_at, Interaction.id)
            .execution_options(yield_per=_CHUNK)
        )
        for i, company in session.execute(stmt):
            when = i.occurred_at.astimezone().replace(tzinfo=None)
            yield (when, i.kind, company, i.place, i.summary, i.outcome, i.next_step,
                   i.follow_up_on, _amount(i.cost_minor, i.cost_currency), i.cost_currency,
                   i.cost_category, i.recorded_by, i.id)  # fmt: skip


class FollowUpsSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        who = aliased(Contact)
        stmt = (
            select(FollowUp, who.name, Account.name)
            .outerjoin(who, FollowUp.contact_id == who.id)
            .outerjoin(Account, FollowUp.account_id == Account.id)
            .where(FollowUp.deleted.is_(False))
            .order_by(FollowUp.due_on, FollowUp.id)
            .execution_options(yield_per=_CHUNK)
        )
        for f, contact, company in session.execute(stmt):
            done_at = f.done_at.astimezone().replace(tzinfo=None) if f.done_at else None
            yield (f.due_on, f.description, contact, company, "yes" if f.done else "no",
                   done_at, f.owner, f.id)  # fmt: skip


class OpportunitiesSheet(Sheet):
    def rows(self, session: Session) -> Iterator[Row]:
        stmt = (
            select(Opportunity, Account.name)
            .join(Account, Opportunity.account_id == Account.id)
            .where(Opportunity.deleted.is_(False))
            .order_by(Opportunity.expected_on, Opportunity.id)
            .execution_options(yield_per=_CHUNK)
        )
        for o, company in session.execute(stmt):
            yield (o.name, company, o.stage, o.result, _amount(o.amount_minor, o.currency),
                   o.currency, o.expected_on, o.owner, o.notes, o.id)  # fmt: skip


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
