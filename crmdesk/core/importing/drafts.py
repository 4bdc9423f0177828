"""One source row, mapped and checked: a ContactDraft, or a RowError naming the field.

The length limits come from the book's columns (``crmdesk.db.transfer`` passes them), so a
value too long for the book is refused here with the row number, before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.birthdays import parse_birthday
from crmdesk.core.importing.phones import DEFAULT_REGION, normalise_phone, split_list
from crmdesk.core.importing.table import SourceRow
from crmdesk.core.validation import (
    check_email,
    check_tags,
    notes_text,
    optional_text,
    required_text,
)
from crmdesk.core.vocab import GENDERS

_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")  # "李 娜" -> "李娜"
# vCard 4.0 GENDER letters and common spellings the vocabulary does not know.
_GENDER_ALIASES = {"m": "male", "f": "female", "o": "other", "男性": "male", "女性": "female",
                   "其它": "other"}  # fmt: skip
# What exports write for "not given" (Outlook: Unspecified): the same as an empty cell.
_NO_GENDER = {"unspecified", "unknown", "n", "u", "未知", "保密", "不详"}


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row is not imported: the row as the user numbers it, the field, the reason."""

    number: int
    field: str
    reason: str
    code: str = ""  # the core's error code, which the GUI translates


@dataclass(frozen=True)
class ContactDraft:
    """A contact as one row of the file describes it, checked and normalised."""

    number: int
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
    tags: tuple[str, ...] = field(default=())


class RowRejected(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(error.reason)
        self.error = error


def _join_name(family: str, given: str) -> str:
    if _CJK.search(family + given):
        return family + given  # 张 + 伟 = 张伟
    return " ".join(part for part in (given, family) if part)


def _gender(text: str) -> str | None:
    if not text.strip() or text.strip().casefold() in _NO_GENDER:
        return None
    alias = _GENDER_ALIASES.get(text.strip().casefold())
    return GENDERS.check(alias or text, field="gender")


def _tags(cells: list[str]) -> list[str]:
    # Google writes its labels as "* myContacts ::: Friends"; starred ones are its own groups.
    parts = (part for cell in cells for part in split_list(cell.replace(":::", ";")))
    return [part for part in parts if not part.startswith("*")]


def _collect(row: SourceRow, mapping: Mapping[int, str]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for index, code in mapping.items():
        if code and index < len(row.cells):
            cell = row.cells[index].strip()
            if cell:
                values.setdefault(code, []).append(cell)
    return values


def draft_from_row(
    row: SourceRow,
    mapping: Mapping[int, str],
    *,
    limits: Mapping[str, int],
    region: str = DEFAULT_REGION,
) -> ContactDraft:
    """Check one row; RowRejected (with the row number and field) for the first bad value."""
    values = _collect(row, mapping)
    field_name = "name"
    try:
        first = {code: cells[0] for code, cells in values.items()}
        name = first.get("name") or _join_name(
            first.get("family_name", ""), first.get("given_name", "")
        )
        name = required_text(_CJK_GAP.sub("", name), field="name", limit=limits.get("name", 200))
        field_name = "phone"
        phones: dict[str, None] = {}
        for cell in values.get("phones", []):
            for part in split_list(cell):
                phones[normalise_phone(part, region)] = None
        field_name = "email"
        emails: dict[str, str] = {}  # folded -> first spelling
        for cell in values.get("emails", []):
            for part in split_list(cell):
                emails.setdefault(part.casefold(), check_email(part))
        texts: dict[str, str | None] = {}
        for code in ("account", "title", "department", "wechat", "hometown"):
            field_name = code
            texts[code] = optional_text(first.get(code), field=code, limit=limits[code])
        field_name = "gender"
        gender = _gender(first.get("gender", ""))
        field_name = "birthday"
        birthday = parse_birthday(first.get("birthday", ""))
        field_name = "tags"
        tags = check_tags(_tags(values.get("tags", [])))
        field_name = "notes"
        notes = notes_text("\n".join(values.get("notes", [])).replace("\r\n", "\n"))
    except ValidationError as exc:
        raise RowRejected(
            RowError(row.number, exc.field or field_name, exc.message, exc.code)
        ) from None
    return ContactDraft(
        number=row.number,
        name=name,
        phones=tuple(phones),
        emails=tuple(emails.values()),
        gender=gender,
        birthday=birthday,
        notes=notes,
        tags=tuple(tags),
        **texts,
    )
