"""Excel workbooks (.xlsx) with openpyxl: the first sheet or a named one; the header is row 1.

Date cells arrive as dates (written ISO, so the birthday parser reads them); numbers that are
whole (a phone number typed into a number cell) lose Excel's ".0".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from crmdesk.core.importing.fields import guess_mapping
from crmdesk.core.importing.table import SourceRow, SourceTable, UnreadableFileError


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path, *, sheet: str | None = None) -> SourceTable:
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UnreadableFileError(f"there is no file {path}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UnreadableFileError(f"{path.name} is not an Excel .xlsx workbook ({exc})") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UnreadableFileError(
                f"the workbook has no sheet {sheet!r}; it has: {', '.join(book.sheetnames)}"
            )
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        lines = ws.iter_rows(values_only=True)
        header = next(lines, None)
        if header is None or not any(v is not None for v in header):
            raise UnreadableFileError(f"the sheet {ws.title!r} has no header row")
        columns = tuple(cell_text(v).strip() for v in header)
        rows = []
        for number, values in enumerate(lines, start=2):
            row = SourceRow(number, tuple(cell_text(v) for v in values))
            if not row.is_blank():
                rows.append(row)
        table = SourceTable(format="xlsx", columns=columns, rows=rows, sheet=ws.title)
    finally:
        book.close()
    table.mapping = guess_mapping(columns)
    return table
