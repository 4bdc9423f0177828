"""Write an import plan through the services, in the caller's transaction.

``with book.session() as s, s.begin(): apply_import(s, plan, choices)`` — the one transaction
means a failure half-way (a crash, a full disk) leaves the book as it was. Merges are computed
again from the stored values at apply time, so an edit made since the preview is not lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.drafts import ContactDraft
from crmdesk.core.importing.plan import (
    CHOICES,
    Choice,
    CurrentContact,
    Duplicate,
    ImportPlan,
    ImportResult,
    plan_merge,
)
from crmdesk.core.validation import required_text
from crmdesk.db.models import Account, Contact, ImportantDate, new_id
from crmdesk.db.services import contacts, important_dates
from crmdesk.db.services._common import limit_of
from crmdesk.db.transfer.planning import current_of, currents_of, live_account_names


def check_choice(value: str) -> Choice:
    if value not in CHOICES:
        raise ValidationError(
            f"{value!r} is not a choice for a duplicate; use merge, skip or new",
            field="on_duplicate",
            code="unknown_term",
        )
    return value


_BATCH = 500


class _Writer:
    def __init__(self, session: Session, merge_into: list[str]) -> None:
        self.session = session
        self.currents: dict[str, CurrentContact | None] = dict(currents_of(session, merge_into))
        self.accounts = live_account_names(session)
        self.accounts_created = 0
        self.pending = 0
        self.dates: list[ImportantDate] = []

    def account_id(self, name: str | None) -> str | None:
        if not name:
            return None
        key = name.strip().casefold()
        if key not in self.accounts:
            # Flushed with the contacts' batch (the Contact.account relationship orders them).
            clean = required_text(name, field="account", limit=limit_of(Account.name))
            account = Account(id=new_id(), name=clean)
            self.session.add(account)
            self.accounts[key] = account.id
            self.accounts_created += 1
        return self.accounts[key]

    def create(self, draft: ContactDraft) -> str:
        # The contact service's own checks, then ORM objects flushed in batches: the session
        # hooks (pinyin keys, search index, outbox) see them as they see add_contact's, and a
        # 10,000-row file is not 20,000 flushes.
        given = {
            "name": draft.name,
            "title": draft.title,
            "department": draft.department,
            "gender": draft.gender,
            "phones": draft.phones,
            "emails": draft.emails,
            "wechat": draft.wechat,
            "hometown": draft.hometown,
            "notes": draft.notes,
            "tags": draft.tags,
        }
        values = contacts.check_contact_values(self.session, given)
        contact = Contact(id=new_id(), account_id=self.account_id(draft.account), **values)
        self.session.add(contact)
        if draft.birthday is not None:
            spec = draft.birthday
            self.dates.append(
                ImportantDate(
                    contact_id=contact.id, kind="birthday", label="",
                    calendar=str(spec.calendar), year=spec.year, month=spec.month,
                    day=spec.day, is_leap_month=spec.is_leap_month,
                )
            )  # fmt: skip
        self.pending += 1
        if self.pending >= _BATCH:
            self.flush()
        return contact.id

    def flush(self) -> None:
        # Dates after their contacts: no relationship tells the unit of work the order.
        self.session.flush()
        if self.dates:
            self.session.add_all(self.dates)
            self.dates = []
            self.session.flush()
        self.pending = 0

    def add_birthday(self, contact_id: str, draft: ContactDraft) -> None:
        assert draft.birthday is not None
        important_dates.add_important_date(
            self.session, contact_id=contact_id, kind="birthday", date=draft.birthday
        )

    def merge(self, contact_id: str, draft: ContactDraft, region: str) -> bool:
        """Merge into a stored contact; False when it brought nothing new."""
        self.flush()  # it may be a contact created earlier in this import
        # Read in bulk up front; taken out once used, as a second merge must see the first.
        known = self.currents.pop(contact_id, None)
        current: CurrentContact = known or current_of(self.session, contact_id)
        merge = plan_merge(current, draft, region)
        values: dict[str, Any] = dict(merge.values)
        if "account" in values:
            values["account_id"] = self.account_id(str(values.pop("account")))
        if values:
            contacts.edit_contact(self.session, contact_id=contact_id, **values)
        if merge.add_birthday is not None:
            self.add_birthday(contact_id, draft)
        return bool(values) or merge.add_birthday is not None


def apply_import(
    session: Session,
    plan: ImportPlan,
    choices: Mapping[int, Choice] | None = None,
    *,
    default: Choice = "merge",
) -> ImportResult:
    """Write ``plan``: creates, and each duplicate as ``choices[row number]`` (else ``default``)."""
    default = check_choice(default)
    picked = {number: check_choice(choice) for number, choice in (choices or {}).items()}
    merge_into = [
        d.match_id
        for d in plan.duplicates
        if d.match_id is not None and picked.get(d.number, default) == "merge"
    ]
    writer = _Writer(session, merge_into)
    target: dict[int, str] = {}  # row number -> the contact it became or went into
    created = merged = skipped = 0
    rows: list[ContactDraft | Duplicate] = [*plan.creates, *plan.duplicates]
    rows.sort(key=lambda r: r.number)
    for row in rows:
        if isinstance(row, ContactDraft):
            target[row.number] = writer.create(row)
            created += 1
            continue
        choice = picked.get(row.number, default)
        into = row.match_id if row.match_id is not None else target.get(row.match_row or -1)
        if choice == "new" or into is None:
            target[row.number] = writer.create(row.draft)
            created += 1
        elif choice == "skip":
            target[row.number] = into
            skipped += 1
        else:
            target[row.number] = into
            if writer.merge(into, row.draft, plan.region):
                merged += 1
            else:
                skipped += 1  # nothing new: the book has it all already
    writer.flush()
    return ImportResult(
        created=created,
        merged=merged,
        skipped=skipped,
        rejected=len(plan.rejected),
        accounts_created=writer.accounts_created,
    )
