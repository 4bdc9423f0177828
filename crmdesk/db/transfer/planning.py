"""Plan an import: check every row, find duplicates in the book and within the file, write nothing.

Duplicate rule (issue #6): same name (case and spaces ignored) and a shared phone, or a shared
e-mail (case ignored). Phones are compared in E.164 (``phone_key``), so ``138 0013 8000`` in the
book matches ``+86-138-0013-8000`` in a file. Only the phones of contacts whose name matches an
incoming name are parsed, so planning against a 100k book stays quick.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.dates import Calendar, DateSpec
from crmdesk.core.importing.drafts import ContactDraft, RowRejected, draft_from_row
from crmdesk.core.importing.drafts import RowError as RowError
from crmdesk.core.importing.phones import DEFAULT_REGION, check_region, phone_key
from crmdesk.core.importing.plan import (
    CurrentContact,
    Duplicate,
    ImportPlan,
    name_key,
    plan_merge,
)
from crmdesk.core.importing.table import SourceTable
from crmdesk.db.models import Account, Contact, ImportantDate
from crmdesk.db.services._common import limit_of

_CHUNK = 500
LIMITS = {
    "name": limit_of(Contact.name),
    "account": limit_of(Account.name),
    "title": limit_of(Contact.title),
    "department": limit_of(Contact.department),
    "wechat": limit_of(Contact.wechat),
    "hometown": limit_of(Contact.hometown),
}


@dataclass
class _Seen:
    """An index of contacts (the book's, or the file's rows so far) for duplicate lookups."""

    by_email: dict[str, str] = field(default_factory=dict)  # folded e-mail -> id
    by_name: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)

    def add(self, ident: str, name: str, phones: tuple[str, ...], emails: tuple[str, ...]) -> None:
        for email in emails:
            self.by_email.setdefault(email.casefold(), ident)
        self.by_name.setdefault(name_key(name), []).append((ident, phones))

    def find(self, draft: ContactDraft, region: str) -> tuple[str, str] | None:
        for email in draft.emails:
            if (ident := self.by_email.get(email.casefold())) is not None:
                return ident, "email"
        candidates = self.by_name.get(name_key(draft.name))
        if candidates and draft.phones:
            wanted = {phone_key(p, region) for p in draft.phones}
            for ident, phones in candidates:
                if any(phone_key(p, region) in wanted for p in phones):
                    return ident, "phone"
        return None


def _book_index(session: Session) -> _Seen:
    seen = _Seen()
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.phones, Contact.emails).where(
            Contact.deleted.is_(False)
        )
    )
    for ident, name, phones, emails in rows:
        seen.add(ident, name, tuple(phones or ()), tuple(emails or ()))
    return seen


def currents_of(session: Session, contact_ids: Iterable[str]) -> dict[str, CurrentContact]:
    """The stored values merges into these contacts start from (a few queries per 500 ids)."""
    wanted = list(dict.fromkeys(contact_ids))
    out: dict[str, CurrentContact] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        born: dict[str, DateSpec] = {}
        d = ImportantDate
        for contact_id, calendar, month, day, year, leap in session.execute(
            select(d.contact_id, d.calendar, d.month, d.day, d.year, d.is_leap_month)
            .where(
                d.contact_id.in_(chunk),
                d.kind == "birthday",
                d.family_member_id.is_(None),
                d.deleted.is_(False),
            )
            .order_by(d.created_at)
        ):
            if contact_id not in born:
                born[contact_id] = DateSpec(
                    calendar=Calendar(calendar),
                    month=month,
                    day=day,
                    year=year,
                    is_leap_month=leap,
                )
        # Plain columns, not ORM objects: a re-import reads 10,000 of them.
        c = Contact
        rows = session.execute(
            select(
                c.id, c.name, c.phones, c.emails, c.title, c.department, c.wechat, c.hometown,
                c.gender, c.notes, c.tags, Account.name, Account.deleted,
            )
            .outerjoin(Account, c.account_id == Account.id)
            .where(c.id.in_(chunk))
        )  # fmt: skip
        for (ident, name, phones, emails, title, department, wechat, hometown, gender, notes,
             tags, account, account_deleted) in rows:  # fmt: skip
            out[ident] = CurrentContact(
                name=name,
                phones=tuple(phones or ()),
                emails=tuple(emails or ()),
                account=account if account is not None and not account_deleted else None,
                title=title,
                department=department,
                wechat=wechat,
                hometown=hometown,
                gender=gender,
                birthday=born.get(ident),
                notes=notes,
                tags=tuple(tags or ()),
            )
    return out


def current_of(session: Session, contact_id: str) -> CurrentContact:
    """The stored values a merge into this contact starts from."""
    return currents_of(session, [contact_id])[contact_id]


def live_account_names(session: Session) -> dict[str, str]:
    """Folded account name -> id of the live accounts (the first one of a name wins)."""
    names: dict[str, str] = {}
    rows = session.execute(
        select(Account.id, Account.name)
        .where(Account.deleted.is_(False))
        .order_by(Account.created_at, Account.id)
    )
    for ident, name in rows:
        names.setdefault(name.strip().casefold(), ident)
    return names


def plan_import(
    session: Session,
    table: SourceTable,
    mapping: Mapping[int, str] | None = None,
    *,
    region: str = DEFAULT_REGION,
    source: str = "",
) -> ImportPlan:
    """Check and match every row of ``table`` (``mapping`` defaults to the table's guess)."""
    region = check_region(region)
    chosen = dict(table.mapping if mapping is None else mapping)
    plan = ImportPlan(source=source, region=region, total=len(table.rows))
    if "name" not in chosen.values() and not {"family_name", "given_name"} & set(chosen.values()):
        # Every row would fail the same way: say so once, clearly, for each row.
        for row in table.rows:
            plan.rejected.append(RowError(row.number, "name", "no column is mapped to the name"))
        plan.rejected.sort(key=lambda e: e.number)
        return plan
    book = _book_index(session)
    in_file = _Seen()
    drafts: dict[str, ContactDraft] = {}
    accounts = live_account_names(session)
    new_accounts: dict[str, str] = {}
    in_book: list[tuple[ContactDraft, str, str]] = []  # draft, contact id, reason
    for row in table.rows:
        try:
            draft = draft_from_row(row, chosen, limits=LIMITS, region=region)
        except RowRejected as rejected:
            plan.rejected.append(rejected.error)
            continue
        plan.warnings.extend(draft.problems)
        if draft.account and draft.account.casefold() not in accounts:
            new_accounts.setdefault(draft.account.casefold(), draft.account)
        match = book.find(draft, region)
        if match is not None:
            in_book.append((draft, match[0], match[1]))
        elif (earlier := in_file.find(draft, region)) is not None:
            first = drafts[earlier[0]]
            merge = plan_merge(CurrentContact.of_draft(first), draft, region)
            plan.duplicates.append(
                Duplicate(draft, first.name, earlier[1], merge.changes, match_row=first.number)
            )
        else:
            plan.creates.append(draft)
        ident = f"row:{draft.number}"
        drafts[ident] = draft
        in_file.add(ident, draft.name, draft.phones, draft.emails)
    # The book's side of each match, read in bulk: a re-import of 10,000 rows is 10,000 matches.
    currents = currents_of(session, (ident for _draft, ident, _reason in in_book))
    for draft, ident, reason in in_book:
        current = currents[ident]
        merge = plan_merge(current, draft, region)
        plan.duplicates.append(
            Duplicate(draft, current.name, reason, merge.changes, match_id=ident)
        )
    plan.duplicates.sort(key=lambda d: d.number)
    plan.rejected.sort(key=lambda e: e.number)
    plan.new_accounts = sorted(new_accounts.values())
    return plan


def count_contacts(session: Session) -> int:
    stmt = select(func.count(Contact.id)).where(Contact.deleted.is_(False))
    return int(session.scalar(stmt) or 0)
