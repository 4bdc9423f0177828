"""CSV files: delimiter (, ; tab) sniffed from the header line; the header is row 1."""

from __future__ import annotations

import csv
import io

from crmdesk.core.importing.fields import guess_mapping
from crmdesk.core.importing.table import SourceRow, SourceTable, UnreadableFileError

_DELIMITERS = (",", ";", "\t")


def _delimiter(header_line: str) -> str:
    # The header is the line the user's columns are named in: the delimiter it uses most is the
    # file's. (csv.Sniffer guesses wrong on Chinese headers with no quotes.)
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_delimited(text: str) -> SourceTable:
    if not text.strip():
        raise UnreadableFileError("the file is empty")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""),
                        delimiter=_delimiter(first_line))  # fmt: skip
    try:
        header = next(reader)
        rows: list[SourceRow] = []
        for record in reader:
            # line_num counts physical lines; a quoted cell may span several, and the user's
            # spreadsheet shows the record number, so count records (header = 1).
            rows.append(SourceRow(len(rows) + 2, tuple(record)))
    except csv.Error as exc:
        raise UnreadableFileError(
            f"the CSV cannot be read near line {reader.line_num}: {exc}"
        ) from None
    columns = tuple(h.strip() for h in header)
    if not any(columns):
        raise UnreadableFileError("the first row holds no column names")
    table = SourceTable(format="csv", columns=columns, rows=[r for r in rows if not r.is_blank()])
    table.mapping = guess_mapping(columns)
    return table
