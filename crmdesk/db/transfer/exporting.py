"""Export a book: vCard 4.0 (contacts), CSV (UTF-8 with a BOM, so Excel reads Chinese), Excel
(.xlsx: Accounts, Contacts, Interactions, Follow-ups, Opportunities) and JSON (every live
record of every kind, one document with a format version).

The file is written beside its destination under a temporary name and renamed into place once
complete, so a failure never leaves half a file where the user looks for it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import vobject  # type: ignore[import-untyped]
from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk import __version__
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.drafts import RowError
from crmdesk.db.models import SYNCED_MODELS, Account, Contact, Record
from crmdesk.db.transfer.formats import (
    EXPORT_FORMATS,
    SUFFIXES,
    WHATS,
    ExportFormat,
    What,
    check_export,
)
from crmdesk.db.transfer.sheets import (
    ACCOUNTS,
    ALL_SHEETS,
    CONTACTS,
    Sheet,
    birthdays,
    contact_rows,
    csv_cell,
)

__all__ = [
    "EXPORT_FORMATS",
    "SUFFIXES",
    "WHATS",
    "ExportFormat",
    "ExportResult",
    "What",
    "check_export",
    "export_book",
    "write_error_report",
]

JSON_FORMAT = "crmdesk-export"
JSON_FORMAT_VERSION = 1
_CJK = re.compile(r"[\u3400-\u9fff]")
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "令狐",
        "慕容",
        "尉迟",
        "公孙",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
        "轩辕",
        "独孤",
        "南宫",
    ]
)


@dataclass(frozen=True)
class ExportResult:
    path: str
    format: str
    what: str
    counts: dict[str, int]  # table or sheet -> rows written

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@contextmanager
def atomic_file(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """A file that appears at ``path`` only once written completely."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_error_report(path: Path, rejected: Sequence[RowError]) -> None:
    """The rejected rows as a CSV Excel opens (UTF-8 with a BOM): row, field, reason."""
    try:
        with atomic_file(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["row", "field", "reason"])
            writer.writerows([e.number, e.field, e.reason] for e in rejected)
    except OSError as exc:
        raise ValidationError(
            f"cannot write {path}: {exc.strerror or exc}", field="report"
        ) from None


def _name_parts(name: str) -> Any:
    """N's family and given parts, a best guess: 张伟 -> 张 + 伟, John Smith -> Smith + John."""
    if _CJK.match(name):
        cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return vobject.vcard.Name(family=name[:cut], given=name[cut:])
    given, _, family = name.rpartition(" ")
    return vobject.vcard.Name(family=family, given=given)


def _vcard(contact: Any, company: str | None, birthday: str | None) -> str:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("fn").value = contact.name
    card.add("n").value = _name_parts(contact.name)
    for phone in contact.phones or ():
        card.add("tel").value = phone
    for email in contact.emails or ():
        card.add("email").value = email
    if company or contact.department:
        department = [contact.department] if contact.department else []
        card.add("org").value = [company or "", *department]
    if contact.title:
        card.add("title").value = contact.title
    if birthday and not birthday.startswith("L"):  # vCard has no lunar dates
        parts = birthday.split("-")  # "1985-03-14" or "03-14" (DateSpec's text)
        card.add("bday").value = "".join(parts) if len(parts) == 3 else "--" + "".join(parts)
    if contact.gender in ("male", "female", "other"):
        card.add("gender").value = contact.gender[0].upper()
    if contact.notes:
        card.add("note").value = contact.notes
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    card.add("uid").value = f"urn:uuid:{contact.id}"
    text: str = card.serialize()
    return text


def _write_vcard(session: Session, path: Path) -> dict[str, int]:
    born = birthdays(session)
    count = 0
    with atomic_file(path, "w", encoding="utf-8", newline="") as out:
        for contact in contact_rows(session):
            out.write(_vcard(contact, contact.company, born.get(contact.id)))
            count += 1
    return {"contacts": count}


def _write_csv(session: Session, path: Path, sheet: Sheet) -> dict[str, int]:
    count = 0
    # utf-8-sig: the BOM is how Excel knows a CSV is UTF-8 (else it reads Chinese as GBK).
    with atomic_file(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(sheet.header)
        for row in sheet.rows(session):
            writer.writerow([csv_cell(v) for v in row])
            count += 1
    return {sheet.title.lower(): count}


def _write_xlsx(session: Session, path: Path, sheets: tuple[Sheet, ...]) -> dict[str, int]:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="2F5597")
    counts: dict[str, int] = {}
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        ws.freeze_panes = "A2"
        for index, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        header = []
        for title in sheet.header:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(vertical="center")
            header.append(cell)
        ws.append(header)
        count = 0
        for row in sheet.rows(session):
            ws.append(row)
            count += 1
        if count:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{count + 1}"
        counts[sheet.title.lower()] = count
    with atomic_file(path, "wb") as out:
        book.save(out)
    return counts


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _write_json(session: Session, path: Path, what: What, book_id: str | None) -> dict[str, int]:
    choices: dict[str, list[type[Record]]] = {
        "all": list(SYNCED_MODELS),
        "contacts": [Contact],
        "accounts": [Account],
    }
    wanted = choices[what]
    counts: dict[str, int] = {}
    with atomic_file(path, "w", encoding="utf-8") as out:
        head = {
            "format": JSON_FORMAT,
            "format_version": JSON_FORMAT_VERSION,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
            "crmdesk_version": __version__,
            "book_id": book_id,
        }
        # Streamed by hand (one record per line inside "tables"), so 100k contacts never sit
        # in memory as one list; the result is still one ordinary JSON document.
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
        for t_index, model in enumerate(wanted):
            columns = [c.key for c in model.__table__.columns]
            out.write(("," if t_index else "") + f"\n{json.dumps(model.__tablename__)}: [")
            count = 0
            stmt = (
                select(*model.__table__.columns)
                .where(model.__table__.c.deleted.is_(False))
                .order_by(model.__table__.c.id)
                .execution_options(yield_per=2000)
            )
            for row in session.execute(stmt):
                record = {k: _json_value(v) for k, v in zip(columns, row, strict=True)}
                out.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
                count += 1
            out.write("]")
            counts[model.__tablename__] = count
        out.write("\n}}\n")
    return counts


def export_book(
    session: Session,
    path: Path,
    fmt: str,
    what: str | None = None,
    *,
    book_id: str | None = None,
) -> ExportResult:
    """Write the book (contacts, accounts or all) to ``path`` in ``fmt``; see the module doc."""
    chosen, scope = check_export(fmt, what)
    writers: dict[ExportFormat, Callable[[], dict[str, int]]] = {
        "vcard": lambda: _write_vcard(session, path),
        "csv": lambda: _write_csv(session, path, CONTACTS if scope == "contacts" else ACCOUNTS),
        "xlsx": lambda: _write_xlsx(
            session,
            path,
            {"contacts": (CONTACTS,), "accounts": (ACCOUNTS,), "all": ALL_SHEETS}[scope],
        ),
        "json": lambda: _write_json(session, path, scope, book_id),
    }
    try:
        counts = writers[chosen]()
    except OSError as exc:
        raise ValidationError(
            f"cannot write {path}: {exc.strerror or exc}", field="output", code="write_failed"
        ) from None
    return ExportResult(str(path), chosen, scope, counts)
