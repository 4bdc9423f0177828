"""The spend tables and flags written to Excel (a sheet per view) or CSV (one view a file).

:func:`spend_tables` turns a :class:`~crmdesk.core.spend.SpendReport` into plain tables; the
headers and sheet titles go through ``text`` so the GUI can hand its translations in (English by
default, for the CLI and tests). Amounts are written as numbers (``Decimal`` in the currency's
unit) with a number format in Excel, next to a currency column: never one total across
currencies. Files are written to a temporary file beside the target and renamed over it, so a
failed export leaves no half-written file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crmdesk.core.money import Money, minor_digits
from crmdesk.core.spend import SpendFlag, SpendLine, SpendReport

Text = Callable[[str], str]


@dataclass(frozen=True)
class Amount:
    """A money cell: a number in its currency's unit, written with that many decimals."""

    value: Decimal
    digits: int

    @classmethod
    def of(cls, minor: int | None, currency: str) -> Amount | None:
        if minor is None:
            return None
        digits = minor_digits(currency)
        return cls(Decimal(minor).scaleb(-digits), digits)

    @classmethod
    def money(cls, money: Money | None) -> Amount | None:
        return None if money is None else cls.of(money.minor, money.currency)

    def __str__(self) -> str:
        return f"{self.value:.{self.digits}f}"


Cell = str | int | Amount | None


@dataclass(frozen=True)
class Table:
    """One exported view: ``name`` (a sheet title, also the CSV file's stem), headers, rows."""

    key: str
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _plain(value: str) -> str:
    return value


def _line_rows(lines: Sequence[SpendLine], *, account: bool) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for ln in lines:
        head: tuple[Cell, ...] = (
            (ln.label, ln.tier or "", ln.owner or "") if account else (ln.label,)
        )
        rows.append(
            (
                *head,
                ln.currency,
                Amount.of(ln.cost_minor, ln.currency),
                Amount.of(ln.gift_minor, ln.currency),
                Amount.of(ln.total_minor, ln.currency),
                ln.interactions,
                Amount.of(ln.budget_minor, ln.currency),
            )
        )
    return tuple(rows)


def _flag_rows(flags: Sequence[SpendFlag], reason: Text) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for f in flags:
        records = "; ".join(
            f"{r.kind} {r.id} {r.day.isoformat()} {r.label}"
            + (f" ({r.amount})" if r.amount is not None else "")
            for r in f.records
        )
        shown = f.amount or f.budget
        currency = shown.currency if shown is not None else ""
        rows.append(
            (
                str(f.code),
                reason(str(f.code)),
                f.period,
                f.subject,
                ", ".join(o or "" for o in f.owners),
                currency,
                Amount.money(f.amount),
                Amount.money(f.budget),
                records,
            )
        )
    return tuple(rows)


def spend_tables(
    report: SpendReport, text: Text = _plain, reason: Text = _plain
) -> tuple[Table, ...]:
    """The report's views as tables: accounts, tiers, reps, months, flags."""
    money = (
        text("Currency"),
        text("Costs"),
        text("Gifts"),
        text("Total"),
        text("Interactions"),
        text("Budget"),
    )
    return (
        Table(
            "accounts",
            text("By account"),
            (text("Account"), text("Tier"), text("Owner"), *money),
            _line_rows(report.accounts, account=True),
        ),
        Table(
            "tiers",
            text("By tier"),
            (text("Tier"), *money),
            _line_rows(report.tiers, account=False),
        ),
        Table(
            "reps", text("By rep"), (text("Rep"), *money), _line_rows(report.reps, account=False)
        ),
        Table(
            "months",
            text("By month"),
            (text("Month"), *money),
            _line_rows(report.by_month, account=False),
        ),
        Table(
            "flags",
            text("Flags"),
            (
                text("Code"),
                text("Reason"),
                text("When"),
                text("About"),
                text("Reps"),
                text("Currency"),
                text("Amount"),
                text("Budget"),
                text("Records"),
            ),
            _flag_rows(report.flags, reason),
        ),
    )


@contextmanager
def _replacing(path: Path, suffix: str) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it when the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _csv_value(cell: Cell) -> str | int:
    if cell is None:
        return ""
    if isinstance(cell, Amount):
        return str(cell)
    return cell


def write_csv(path: Path, table: Table) -> Path:
    """One table as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese), comma-separated."""
    with _replacing(path, ".csv") as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_csv_value(c) for c in row])
    return path


def write_xlsx(path: Path, tables: Sequence[Table]) -> Path:
    """Every table on a sheet of its own: bold, filled header row, frozen; amounts as numbers."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F6FEB")
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = header_font
            cell.fill = header_fill
        sheet.freeze_panes = "A2"
        widths = [len(h) + 2 for h in table.headers]
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                target = sheet.cell(row=r, column=c)
                target.value = _xlsx_value(value)
                if isinstance(value, Amount):
                    target.number_format = "#,##0" + (
                        "." + "0" * value.digits if value.digits else ""
                    )
                widths[c - 1] = max(widths[c - 1], min(60, _width(value)))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = width
    with _replacing(path, ".xlsx") as temp:
        book.save(temp)
    return path


def _xlsx_value(value: Cell) -> Any:
    if isinstance(value, Amount):
        return value.value
    return value


def _width(value: Cell) -> int:
    text = "" if value is None else str(value)
    # CJK characters take two columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2


def _sheet_title(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\ .
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return clean[:31] or "Sheet"
