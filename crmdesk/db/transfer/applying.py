"""Write an import plan through the services, in the caller's transaction.

``with book.session() as s, s.begin(): apply_import(s, plan, choices)`` — the one transaction
means a failure half-way (a crash, a full disk) leaves the book as it was. Merges are computed
again from the stored values at apply time, so an edit made since the preview is not lost.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, func, select
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
from crmdesk.db import search
from crmdesk.db.models import Account, Contact, ImportantDate, Record, new_id, utcnow
from crmdesk.db.record_schema import encode_value, table_specs
from crmdesk.db.services import contacts, important_dates
from crmdesk.db.services._common import limit_of
from crmdesk.db.sync_state import SyncOutbox
from crmdesk.db.transfer.planning import current_of, currents_of, live_account_names


def check_choice(value: str) -> Choice:
    if value not in CHOICES:
        raise ValidationError(
            f"{value!r} is not a choice for a duplicate; use merge, skip or new",
            field="on_duplicate",
            code="unknown_term",
        )
    return value


log = logging.getLogger(__name__)
_BATCH = 1000
_WRITE_CACHE_KIB = 8 * 1024
# New records' outbox entries: base version 0, the whole row as both the fields and the row.
_OUTBOX_INSERT = (
    f"INSERT INTO {SyncOutbox.__tablename__} (tbl, record_id, base_version, fields, row) "
    "VALUES (?, ?, 0, ?, ?)"
)


def _full_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Every column of a new row: the given values, the others at their model defaults."""
    row: dict[str, Any] = {}
    for col in table.columns:
        if col.name in values:
            row[col.name] = values[col.name]
        elif col.default is None:
            row[col.name] = None
        elif col.default.is_scalar:
            row[col.name] = col.default.arg  # type: ignore[attr-defined]
        else:  # a callable default (list, utcnow): SQLAlchemy wraps it to take a context
            row[col.name] = col.default.arg(None)  # type: ignore[attr-defined]
    return row


class _BulkInserts:
    """New rows, written with Core ``executemany`` in batches with their outbox entries.

    The ORM hooks (pinyin keys, search documents, outbox) fire per flushed object; for thousands
    of new rows they are done here in bulk instead: pinyin once per distinct name, the outbox
    entries as one insert per batch, the search documents by one ``search.reindex`` at the end.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.now = utcnow()
        self.pending: dict[Table, list[dict[str, Any]]] = {}
        self.contact_ids: dict[str, str | None] = {}  # new contact -> its account
        self.account_ids: list[str] = []
        self._keys: dict[tuple[str, str], dict[str, str]] = {}
        self._specs = table_specs()
        self.records_before = sum(
            int(
                session.scalar(select(func.count()).select_from(m).where(m.deleted.is_(False))) or 0
            )
            for m in (Account, Contact)
        )

    def name_keys(self, kind: search.Kind, name: str) -> dict[str, str]:
        if (keys := self._keys.get((kind, name))) is None:
            keys = self._keys[(kind, name)] = search.name_key_columns(kind, name)
        return keys

    def add(self, model: type[Record], values: dict[str, Any]) -> str:
        table = model.__table__
        assert isinstance(table, Table)
        values = {"id": new_id(), "created_at": self.now, "updated_at": self.now,
                  "deleted": False, **values}  # fmt: skip
        self.pending.setdefault(table, []).append(_full_row(table, values))
        if model is Contact:
            self.contact_ids[values["id"]] = values.get("account_id")
        elif model is Account:
            self.account_ids.append(values["id"])
        if sum(len(rows) for rows in self.pending.values()) >= _BATCH:
            self.flush()
        return str(values["id"])

    def flush(self) -> None:
        # Parents first: accounts, contacts, then their dates. Written through the driver's
        # executemany: SQLAlchemy's per-row parameter handling cost more than the writes, and
        # each outbox entry's JSON is serialised once for its two columns.
        conn = self.session.connection()
        for model in (Account, Contact, ImportantDate):
            table = model.__table__
            assert isinstance(table, Table)
            rows = self.pending.pop(table, [])
            if not rows:
                continue
            columns = [c.name for c in table.columns]
            plain = [c.name for c in table.columns if c.type.bind_processor(conn.dialect) is None]
            converted = [
                (c.name, processor)
                for c in table.columns
                if (processor := c.type.bind_processor(conn.dialect)) is not None
            ]
            # Only dates and times need encoding for the outbox's JSON; other values are as is.
            spec = self._specs[table.name]
            timed = spec.dates | spec.datetimes
            params, entries = [], []
            for row in rows:
                done = {name: row[name] for name in plain}
                done.update((name, convert(row[name])) for name, convert in converted)
                params.append(tuple(done[name] for name in columns))
                whole = json.dumps(
                    {f: encode_value(row[f]) if f in timed else row[f] for f in spec.fields}
                )
                entries.append((table.name, row["id"], whole, whole))
            conn.exec_driver_sql(
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                params,
            )
            conn.exec_driver_sql(_OUTBOX_INSERT, entries)

    def index(self) -> None:
        """Search documents for the new accounts and contacts: one batched reindex, or one
        whole-index rebuild when the import at least doubles the book (the rebuild writes a
        document in well under half the time, and there is less than as much again to redo)."""
        self.flush()
        new = len(self.account_ids) + len(self.contact_ids)
        if new and new >= self.records_before:
            search.rebuild(self.session.connection())
        else:
            accounts = set(self.account_ids)
            if accounts:
                search.reindex(self.session, "account", self.account_ids)  # + their contacts
            others = [c for c, a in self.contact_ids.items() if a not in accounts]
            if others:
                search.reindex(self.session, "contact", others)
        self.records_before += new
        self.account_ids, self.contact_ids = [], {}


class _Writer:
    def __init__(self, session: Session, merge_into: list[str]) -> None:
        self.session = session
        self.currents: dict[str, CurrentContact | None] = dict(currents_of(session, merge_into))
        self.accounts = live_account_names(session)
        self.accounts_created = 0
        self.bulk = _BulkInserts(session)

    def account_id(self, name: str | None) -> str | None:
        if not name:
            return None
        key = name.strip().casefold()
        if key not in self.accounts:
            clean = required_text(name, field="account", limit=limit_of(Account.name))
            self.accounts[key] = self.bulk.add(
                Account, {"name": clean, **self.bulk.name_keys("account", clean)}
            )
            self.accounts_created += 1
        return self.accounts[key]

    def create(self, draft: ContactDraft) -> str:
        # The contact service's own checks, then a Core row (see _BulkInserts).
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
        values["account_id"] = self.account_id(draft.account)
        values.update(self.bulk.name_keys("contact", draft.name))
        contact_id = self.bulk.add(Contact, values)
        if draft.birthday is not None:
            spec = draft.birthday
            self.bulk.add(
                ImportantDate,
                {"contact_id": contact_id, "kind": "birthday", "label": "",
                 "calendar": str(spec.calendar), "year": spec.year, "month": spec.month,
                 "day": spec.day, "is_leap_month": spec.is_leap_month},
            )  # fmt: skip
        return contact_id

    def add_birthday(self, contact_id: str, draft: ContactDraft) -> None:
        assert draft.birthday is not None
        important_dates.add_important_date(
            self.session, contact_id=contact_id, kind="birthday", date=draft.birthday
        )

    def merge(self, contact_id: str, draft: ContactDraft, region: str) -> bool:
        """Merge into a stored contact; False when it brought nothing new."""
        # Read in bulk up front; taken out once used, as a second merge must see the first.
        known = self.currents.pop(contact_id, None)
        current: CurrentContact = known or current_of(self.session, contact_id)
        merge = plan_merge(current, draft, region)
        values: dict[str, Any] = dict(merge.values)
        if "account" in values:
            values["account_id"] = self.account_id(str(values.pop("account")))
            self.bulk.flush()  # the account row must exist before the contact points at it
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
    with _write_cache(session):
        return _apply(session, plan, choices, default)


@contextmanager
def _write_cache(session: Session) -> Iterator[None]:
    """A smaller page cache while the import writes. The book's cache (64 MB) is sized for
    reading: left as it is, an import of 11,000 cards fills it with pages it only writes once,
    ~60 MB the process keeps. Pages beyond the smaller cache spill to the write-ahead log, in
    the same transaction; the cache is put back as it was afterwards."""
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{_WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        try:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
        except Exception:  # never hide the import's own error behind this one
            log.warning("could not restore the page cache size after an import", exc_info=True)


def _apply(
    session: Session, plan: ImportPlan, choices: Mapping[int, Choice] | None, default: Choice
) -> ImportResult:
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
    merges: list[tuple[str, Duplicate]] = []
    rows: list[ContactDraft | Duplicate] = [*plan.creates, *plan.duplicates]
    rows.sort(key=lambda r: r.number)
    # New contacts first, in bulk; then the merges, in file order, through the services (an
    # earlier row of the file may be what a later one merges into).
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
            merges.append((into, row))
    writer.bulk.index()
    for into, row in merges:
        if writer.merge(into, row.draft, plan.region):
            merged += 1
        else:
            skipped += 1  # nothing new: the book has it all already
    writer.bulk.index()
    session.flush()
    return ImportResult(
        created=created,
        merged=merged,
        skipped=skipped,
        rejected=len(plan.rejected),
        accounts_created=writer.accounts_created,
    )
