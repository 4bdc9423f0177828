"""What the import wizard and the export dialog run on the database worker (no widgets here).

Each function takes the session first, as ``Desk.read`` and ``Desk.write`` call them, and
returns plain data for the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from crmdesk.core.importing.plan import Choice, ImportPlan, ImportResult
from crmdesk.core.importing.source import read_table
from crmdesk.core.importing.table import FileFormat, SourceTable
from crmdesk.db.transfer.applying import apply_import
from crmdesk.db.transfer.exporting import ExportResult, export_book
from crmdesk.db.transfer.planning import plan_import


@dataclass(frozen=True)
class Prepared:
    table: SourceTable
    plan: ImportPlan


def prepare(
    session: Session,
    path: Path,
    fmt: FileFormat | None,
    sheet: str | None,
    region: str,
    encoding: str | None = None,
) -> Prepared:
    """Read the file (in ``encoding``, else the one detected) and plan it with the guessed
    mapping (parsing 10k rows stays off the GUI)."""
    table = read_table(path, fmt, sheet=sheet or None, encoding=encoding or None)
    return Prepared(table, plan_import(session, table, region=region, source=path.name))


def replan(
    session: Session, table: SourceTable, mapping: dict[int, str], region: str, source: str
) -> Prepared:
    return Prepared(table, plan_import(session, table, mapping, region=region, source=source))


def run_import(session: Session, plan: ImportPlan, choices: dict[int, Choice]) -> ImportResult:
    return apply_import(session, plan, choices)


def run_export(
    session: Session, path: Path, fmt: str, what: str, book_id: str | None
) -> ExportResult:
    return export_book(session, path, fmt, what, book_id=book_id)
