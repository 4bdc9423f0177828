"""The import plan: what an import would do, computed without writing (plain data for the GUI).

Per duplicate the user chooses ``merge`` (fill empty fields, add new phones, e-mails and tags —
a non-empty value is never overwritten: a differing one is shown as kept), ``skip`` or ``new``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from crmdesk.core.dates import DateSpec
from crmdesk.core.importing.drafts import ContactDraft, RowError
from crmdesk.core.importing.phones import DEFAULT_REGION, phone_key

Choice = Literal["merge", "skip", "new"]
CHOICES: tuple[Choice, ...] = ("merge", "skip", "new")
SCALARS = ("account", "title", "department", "wechat", "hometown", "gender")
_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Names compared for duplicates: case and spaces do not count (张 伟 = 张伟)."""
    return _SPACE.sub("", name).casefold()


@dataclass(frozen=True)
class CurrentContact:
    """The values a duplicate would be merged into (an existing contact or an earlier row)."""

    name: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    account: str | None = None
    title: str | None = None
    department: str | None = None
    wechat: str | None = None
    hometown: str | None = None
    gender: str | None = None
    birthday: DateSpec | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()

    @classmethod
    def of_draft(cls, draft: ContactDraft) -> CurrentContact:
        return cls(
            name=draft.name, phones=draft.phones, emails=draft.emails, account=draft.account,
            title=draft.title, department=draft.department, wechat=draft.wechat,
            hometown=draft.hometown, gender=draft.gender, birthday=draft.birthday,
            notes=draft.notes, tags=draft.tags,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a merge: ``kept`` when the book's value differs and stays."""

    field: str
    before: str
    after: str
    kept: bool = False


@dataclass(frozen=True)
class Merge:
    """What merging ``draft`` into ``current`` writes: scalar fields, whole new lists, notes."""

    values: dict[str, object]
    add_birthday: DateSpec | None
    changes: tuple[FieldChange, ...]


def _union(current: Iterable[str], new: Iterable[str], key: object) -> list[str]:
    keyed = {key(v): v for v in current}  # type: ignore[operator]
    out = list(current)
    for value in new:
        k = key(value)  # type: ignore[operator]
        if k not in keyed:
            keyed[k] = value
            out.append(value)
    return out


def plan_merge(current: CurrentContact, draft: ContactDraft, region: str = DEFAULT_REGION) -> Merge:
    values: dict[str, object] = {}
    changes: list[FieldChange] = []
    for name in SCALARS:
        old, new = getattr(current, name), getattr(draft, name)
        if not new or old == new:
            continue
        if old:
            changes.append(FieldChange(name, old, new, kept=True))
        else:
            values[name] = new
            changes.append(FieldChange(name, "", new))
    lists = (
        ("phones", lambda v: phone_key(v, region)),
        ("emails", str.casefold),
        ("tags", str.casefold),
    )
    for name, key in lists:
        old_list = list(getattr(current, name))
        merged = _union(old_list, getattr(draft, name), key)
        if len(merged) > len(old_list):
            values[name] = merged
            changes.append(FieldChange(name, ", ".join(old_list), ", ".join(merged)))
    if draft.notes and draft.notes not in current.notes:
        notes = f"{current.notes}\n{draft.notes}" if current.notes else draft.notes
        values["notes"] = notes
        changes.append(FieldChange("notes", current.notes, notes))
    add_birthday = None
    if draft.birthday is not None and draft.birthday != current.birthday:
        if current.birthday is None:
            add_birthday = draft.birthday
            changes.append(FieldChange("birthday", "", str(draft.birthday)))
        else:
            changes.append(
                FieldChange("birthday", str(current.birthday), str(draft.birthday), kept=True)
            )
    return Merge(values, add_birthday, tuple(changes))


@dataclass(frozen=True)
class Duplicate:
    """A row that matches a contact in the book (``match_id``) or an earlier row of the file
    (``match_row``); ``reason`` is "email" or "phone" (same name and a shared phone)."""

    draft: ContactDraft
    match_name: str
    reason: str
    changes: tuple[FieldChange, ...]
    match_id: str | None = None
    match_row: int | None = None

    @property
    def number(self) -> int:
        return self.draft.number


@dataclass
class ImportPlan:
    """Rows to create, duplicates to decide on, rows rejected with reasons, and the fields of
    imported rows that were set aside (``warnings``, each with its row, field and reason)."""

    source: str
    region: str
    total: int
    creates: list[ContactDraft] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[RowError] = field(default_factory=list)
    # Rows imported with a field set aside (kept as written in the notes) or stored as written.
    warnings: list[RowError] = field(default_factory=list)
    new_accounts: list[str] = field(default_factory=list)

    @property
    def good(self) -> int:
        return len(self.creates) + len(self.duplicates)


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    skipped: int
    rejected: int
    accounts_created: int

    @property
    def written(self) -> int:
        return self.created + self.merged
