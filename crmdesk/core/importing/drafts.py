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
    check_phone,
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
    # Fields set aside (kept as written in the notes) or stored as written: reported, not lost.
    problems: tuple[RowError, ...] = field(default=(), compare=False)


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


# How a value set aside is labelled in the contact's notes (the book's text, not the GUI's).
FIELD_LABELS = {"phone": "Phone", "email": "E-mail", "account": "Company", "title": "Job title",
                "department": "Department", "wechat": "WeChat", "hometown": "Hometown",
                "gender": "Gender", "birthday": "Birthday", "tag": "Tag", "tags": "Tags",
                "name": "Name", "notes": "Notes", "card": "Card"}  # fmt: skip
KEPT_HEADING = "Kept as written at import:"
# A dial string: the number, then pauses (p , ;) or waits (w) and the digits dialled after them.
_DIAL_TAIL = re.compile(r"^(.*?\d[\d\s().\-]*?)\s*([pPwW,;].*)$")


class _Row:
    """One row's checks: a bad field is set aside (kept as written in the notes) and reported."""

    def __init__(self, row: SourceRow) -> None:
        self.number = row.number
        self.problems: list[RowError] = []
        self.kept: list[str] = []
        for problem in row.problems:
            reason = problem.reason + ("; kept as written in the notes" if problem.kept else "")
            self.problems.append(RowError(row.number, problem.field, reason, "unreadable"))
            if problem.kept:
                self.keep(problem.field, problem.kept)

    def keep(self, field_name: str, raw: str) -> None:
        self.kept.append(f"{FIELD_LABELS.get(field_name, field_name)}: {raw}")

    def set_aside(self, exc: ValidationError, field_name: str, raw: str) -> None:
        self.problems.append(
            RowError(self.number, exc.field or field_name,
                     f"{exc.message.rstrip('.')}; kept as written in the notes", exc.code)
        )  # fmt: skip
        self.keep(exc.field or field_name, raw)

    def phone(self, raw: str, region: str) -> str | None:
        # A dial string first: phonenumbers would drop the p or w and merge the digits after
        # it into the number.
        dial = _DIAL_TAIL.match(raw)
        failure = None
        if dial is None:
            try:
                return normalise_phone(raw, region)
            except ValidationError as exc:
                failure = exc
        else:
            # "555-1234p123": the number is stored; what is dialled after the pause is kept.
            try:
                number = normalise_phone(dial[1], region)
            except ValidationError as exc:
                failure = exc
            else:
                self.problems.append(
                    RowError(self.number, "phone",
                             f"{raw!r} has pause or wait digits ({dial[2]}); the number is "
                             f"stored as {number} and the whole dial string kept in the notes",
                             "phone_dial")
                )  # fmt: skip
                self.keep("phone", raw)
                return number
        assert failure is not None
        try:
            written = check_phone(raw)
        except ValidationError:
            self.set_aside(failure, "phone", raw)
            return None
        self.problems.append(
            RowError(self.number, "phone",
                     f"{failure.message.rstrip('.')}; stored as written", "phone_raw")
        )  # fmt: skip
        return written


def draft_from_row(
    row: SourceRow,
    mapping: Mapping[int, str],
    *,
    limits: Mapping[str, int],
    region: str = DEFAULT_REGION,
) -> ContactDraft:
    """Check one row. Only a row without a usable name is refused (RowRejected naming the
    field); any other bad value is set aside, kept as written in the notes, and reported in the
    draft's ``problems`` with the row and field."""
    values = _collect(row, mapping)
    first = {code: cells[0] for code, cells in values.items()}
    name = first.get("name") or _join_name(
        first.get("family_name", ""), first.get("given_name", "")
    )
    try:
        name = required_text(_CJK_GAP.sub("", name), field="name", limit=limits.get("name", 200))
    except ValidationError as exc:
        reason = exc.message
        unreadable = [p.reason for p in row.problems if p.field == "name"]
        if unreadable:
            reason = f"the name cannot be read: {unreadable[0]}"
        elif exc.code == "required":
            reason = "the row has no name" + (
                "; a card needs FN, N or NICKNAME"
                if row.cells and len(row.cells) == 11 and mapping.get(0) == "name"
                else ""
            )
        raise RowRejected(RowError(row.number, "name", reason, exc.code)) from None
    checks = _Row(row)
    phones: dict[str, None] = {}
    for cell in values.get("phones", []):
        for part in split_list(cell):
            if (phone := checks.phone(part, region)) is not None:
                phones[phone] = None
    emails: dict[str, str] = {}  # folded -> first spelling
    for cell in values.get("emails", []):
        for part in split_list(cell):
            try:
                emails.setdefault(part.casefold(), check_email(part))
            except ValidationError as exc:
                checks.set_aside(exc, "email", part)
    texts: dict[str, str | None] = {}
    for code in ("account", "title", "department", "wechat", "hometown"):
        try:
            texts[code] = optional_text(first.get(code), field=code, limit=limits[code])
        except ValidationError as exc:
            texts[code] = None
            checks.set_aside(exc, code, first.get(code, ""))
    gender = None
    try:
        gender = _gender(first.get("gender", ""))
    except ValidationError as exc:
        checks.set_aside(exc, "gender", first.get("gender", ""))
    birthday = None
    try:
        birthday = parse_birthday(first.get("birthday", ""))
    except ValidationError as exc:
        checks.set_aside(exc, "birthday", first.get("birthday", ""))
    tags: list[str] = []
    for tag in _tags(values.get("tags", [])):
        try:
            tags += check_tags([tag])
        except ValidationError as exc:
            checks.set_aside(exc, "tag", tag)
    tags = list({t.casefold(): t for t in reversed(tags)}.values())[::-1]  # first spelling
    notes = "\n".join(values.get("notes", [])).replace("\r\n", "\n")
    if checks.kept:
        notes = "\n".join(p for p in (notes, KEPT_HEADING, *checks.kept) if p)
    try:
        notes = notes_text(notes)
    except ValidationError as exc:
        checks.problems.append(
            RowError(row.number, "notes", f"{exc.message}; the notes were not imported", exc.code)
        )
        notes = ""
    return ContactDraft(
        number=row.number,
        name=name,
        phones=tuple(phones),
        emails=tuple(emails.values()),
        gender=gender,
        birthday=birthday,
        notes=notes,
        tags=tuple(tags),
        problems=tuple(checks.problems),
        **texts,
    )
