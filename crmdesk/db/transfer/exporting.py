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
from pathlib import Path
from typing import IO, Any

from sqlalchemy import JSON, Boolean, Date, Integer, String
from sqlalchemy.orm import Session

from crmdesk import __version__
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.drafts import RowError
from crmdesk.core.line_folding import fold_line
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
    ContactRecord,
    Sheet,
    birthdays,
    contact_rows,
    csv_cell,
    decode_list,
)
from crmdesk.db.types import UTCDateTime

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
_JSON_BLOCK = 2000
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


def _name_parts(name: str) -> tuple[str, str]:
    """N's family and given parts, a best guess: 张伟 -> 张 + 伟, John Smith -> Smith + John."""
    if _CJK.match(name):
        cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:cut], name[cut:]
    given, _, family = name.rpartition(" ")
    return family, given


# RFC 6350 3.4: in a text value backslash, comma, semicolon and line breaks are escaped.
_VCARD_ESCAPES = str.maketrans({"\\": "\\\\", ",": "\\,", ";": "\\;", "\n": "\\n"})


_NEEDS_ESCAPE = re.compile(r"[\\,;\r\n]")


def _text(value: str) -> str:
    # Most values need no escape; the search finds that in C, translate would walk every char.
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_VCARD_ESCAPES)


def vcard_text(contact: ContactRecord, birthday: str | None) -> str:
    """One contact as a vCard 4.0 (RFC 6350), CRLF line ends.

    Written directly rather than through vobject, which took 1.7 ms a card (172 s for 100k).
    """
    family, given = _name_parts(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{_text(contact.name)}",
        f"N:{_text(family)};{_text(given)};;;",
    ]
    lines += [f"TEL:{_text(phone)}" for phone in decode_list(contact.phones)]
    lines += [f"EMAIL:{_text(email)}" for email in decode_list(contact.emails)]
    if contact.company or contact.department:
        department = f";{_text(contact.department)}" if contact.department else ""
        lines.append(f"ORG:{_text(contact.company or '')}{department}")
    if contact.title:
        lines.append(f"TITLE:{_text(contact.title)}")
    if birthday and not birthday.startswith("L"):  # vCard has no lunar dates
        parts = birthday.split("-")  # "1985-03-14" or "03-14" (DateSpec's text)
        lines.append("BDAY:" + ("".join(parts) if len(parts) == 3 else "--" + "".join(parts)))
    if contact.gender in ("male", "female", "other"):
        lines.append(f"GENDER:{contact.gender[0].upper()}")
    if contact.notes:
        lines.append(f"NOTE:{_text(contact.notes)}")
    tags = decode_list(contact.tags)
    if tags:
        lines.append("CATEGORIES:" + ",".join(_text(tag) for tag in tags))
    lines.append(f"UID:urn:uuid:{contact.id}")
    lines.append("END:VCARD")
    return "\r\n".join(fold_line(line) for line in lines) + "\r\n"


def _write_vcard(session: Session, path: Path) -> dict[str, int]:
    born = birthdays(session)
    count = 0
    with atomic_file(path, "w", encoding="utf-8", newline="") as out:
        for contact in contact_rows(session):
            out.write(vcard_text(contact, born.get(contact.id)))
            count += 1
    return {"contacts": count}


def _write_csv(session: Session, path: Path, sheet: Sheet) -> dict[str, int]:
    count = 0
    # utf-8-sig: the BOM is how Excel knows a CSV is UTF-8 (else it reads Chinese as GBK).
    with atomic_file(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(sheet.header)
        for row in sheet.rows(session):
            # Text and None (which csv writes as "") pass as they are; dates get our format.
            writer.writerow([v if v is None or type(v) is str else csv_cell(v) for v in row])
            count += 1
    return {sheet.title.lower(): count}


def _write_xlsx(session: Session, path: Path, sheets: tuple[Sheet, ...]) -> dict[str, int]:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    # Write-only mode streams each row to the sheet's XML; with lxml installed (a dependency for
    # this) openpyxl serialises through it, about 40% less CPU than its pure-Python writer.
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
            # An empty text is written as no cell at all (openpyxl reads both back as None):
            # a cell costs openpyxl about 10 µs, and a third of a contact's are empty.
            ws.append([None if value == "" else value for value in row])
            count += 1
        if count:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{count + 1}"
        counts[sheet.title.lower()] = count
    with atomic_file(path, "wb") as out:
        book.save(out)
    return counts


def _json_column(column: Any) -> str:
    """SQL for one column's value inside ``json_object``, as the ORM would give it in JSON:
    booleans true/false, JSON columns as JSON, datetimes as ISO 8601 in UTC (``isoformat()``)."""
    name = '"' + column.name.replace('"', '""') + '"'
    if isinstance(column.type, Boolean):
        return (
            f"CASE WHEN {name} IS NULL THEN NULL "
            f"WHEN {name} THEN json('true') ELSE json('false') END"
        )
    if isinstance(column.type, JSON):
        return f"json({name})"
    if isinstance(column.type, UTCDateTime):
        # Stored as "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC); isoformat() leaves out zero micros.
        micros = f"substr({name}, 21, 6)"
        return (
            f"CASE WHEN {name} IS NULL THEN NULL ELSE replace(substr({name}, 1, 19), ' ', 'T') "
            f"|| CASE WHEN {micros} IN ('', '000000') THEN '' ELSE '.' || {micros} END "
            "|| '+00:00' END"
        )
    if isinstance(column.type, String | Integer | Date):
        return name
    raise TypeError(f"no JSON export for {column.table.name}.{column.name} ({column.type})")


def _json_records_sql(model: type[Record]) -> str:
    """One JSON object per live record, made by SQLite (its json_object runs in C)."""
    table = model.__table__
    pairs = ", ".join(f"'{c.key}', {_json_column(c)}" for c in table.columns)
    return f'SELECT json_object({pairs}) FROM "{model.__tablename__}" WHERE deleted = 0 ORDER BY id'


def _write_json(session: Session, path: Path, what: What, book_id: str | None) -> dict[str, int]:
    choices: dict[str, list[type[Record]]] = {
        "all": list(SYNCED_MODELS),
        "contacts": [Contact],
        "accounts": [Account],
    }
    wanted = choices[what]
    counts: dict[str, int] = {}
    connection = session.connection()
    with atomic_file(path, "w", encoding="utf-8") as out:
        head = {
            "format": JSON_FORMAT,
            "format_version": JSON_FORMAT_VERSION,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
            "crmdesk_version": __version__,
            "book_id": book_id,
        }
        # Streamed (one record per line inside "tables"), so 100k contacts never sit in memory
        # as one list; the result is still one ordinary JSON document.
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
        for t_index, model in enumerate(wanted):
            out.write(("," if t_index else "") + f"\n{json.dumps(model.__tablename__)}: [")
            count = 0
            result = connection.exec_driver_sql(_json_records_sql(model))
            while block := result.fetchmany(_JSON_BLOCK):
                out.write(("," if count else "") + "\n" + ",\n".join(row[0] for row in block))
                count += len(block)
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
