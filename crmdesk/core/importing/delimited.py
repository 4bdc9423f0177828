"""CSV files: delimiter (, ; tab) sniffed from the header line; the header is row 1.

``read_delimited_stream`` reads a text stream record by record (the file is never held whole).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from typing import TextIO

from crmdesk.core.importing.fields import guess_mapping
from crmdesk.core.importing.table import SourceRow, SourceTable, UnreadableFileError

_DELIMITERS = (",", ";", "\t")


def _delimiter(header_line: str) -> str:
    # The header is the line the user's columns are named in: the delimiter it uses most is the
    # file's. (csv.Sniffer guesses wrong on Chinese headers with no quotes.)
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_delimited_stream(stream: TextIO, encoding: str = "UTF-8") -> SourceTable:
    line_num = 0  # the physical lines read, for errors
    try:
        first_line = stream.readline().lstrip("\ufeff")
        lines: Iterable[str] = itertools.chain([first_line], stream)
        if not first_line.strip():
            rest = stream.read()  # a blank first line: is there anything at all?
            if not rest.strip():
                raise UnreadableFileError("the file is empty")
            lines = itertools.chain([first_line], io.StringIO(rest, newline=""))
        reader = csv.reader(lines, delimiter=_delimiter(first_line.split("\n")[0]))
        header = next(reader)
        rows: list[SourceRow] = []
        for record in reader:
            line_num = reader.line_num
            # line_num counts physical lines; a quoted cell may span several, and the user's
            # spreadsheet shows the record number, so count records (header = 1).
            row = SourceRow(len(rows) + 2, tuple(record))
            rows.append(row)
    except csv.Error as exc:
        raise UnreadableFileError(
            f"the CSV cannot be read near line {line_num + 1}: {exc}"
        ) from None
    except UnicodeDecodeError:
        raise UnreadableFileError(
            f"near line {line_num + 1:,} the file is not {encoding} text; choose the file's "
            "encoding"
        ) from None
    columns = tuple(h.strip() for h in header)
    if not any(columns):
        raise UnreadableFileError("the first row holds no column names")
    table = SourceTable(format="csv", columns=columns, rows=[r for r in rows if not r.is_blank()])
    table.mapping = guess_mapping(columns)
    return table
