"""What every reader produces: a table of raw text, and the typed error for unreadable files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from crmdesk.core.errors import ValidationError

FileFormat = Literal["vcard", "csv", "xlsx"]
FORMATS: tuple[FileFormat, ...] = ("vcard", "csv", "xlsx")


class UnreadableFileError(ValidationError):
    """The file cannot be read at all (missing, not this format, no header...)."""

    code = "unreadable"

    def __init__(self, message: str) -> None:
        super().__init__(message, field="file")


@dataclass(frozen=True, slots=True)
class CellProblem:
    """Something the reader could not take from a row (a value not in its charset, a line that
    is no vCard property): the field it concerns, why, and the text kept as written, if any."""

    field: str
    reason: str
    kept: str = ""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row (or card) of the file; ``number`` is how the user finds it in the file."""

    number: int
    cells: tuple[str, ...]
    problems: tuple[CellProblem, ...] = ()

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass
class SourceTable:
    """Columns and rows of raw text; ``mapping`` (column index -> field) is the reader's own
    guess where the format names its fields (vCard), else empty until ``guess_mapping``."""

    format: FileFormat
    columns: tuple[str, ...]
    rows: list[SourceRow]
    mapping: dict[int, str] = field(default_factory=dict)
    encoding: str | None = None  # the file's text encoding, as users name it ("GB18030")
    encoding_how: str | None = None  # "bom", "utf-8", "ascii", "detected" or "given"
    charsets: tuple[str, ...] = ()  # charsets vCard lines named for themselves
    sheet: str | None = None

    def preview(self, limit: int = 20) -> list[SourceRow]:
        return self.rows[:limit]
