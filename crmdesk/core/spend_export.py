"""The spend tables and flags written to Excel (a sheet per view) or CSV (one view a file).

:func:`spend_tables` turns a :class:`~crmdesk.core.spend.SpendReport` into plain tables; the
headers and sheet titles go through ``text`` so the GUI can hand its translations in (English by
default, for the CLI and tests). Amounts are written as numbers (``Decimal`` in the currency's
unit) with a number format in Excel, next to a currency column: never one total across
currencies. The workbook is for people: amounts show their sign and separators (``¥1,234.56``),
days and months are real dates with a readable format the caller gives (``2026年3月``), counts
are grouped, and the columns only a program needs (flag codes, record ids) stay in the CSV.
Files are written to a temporary file beside the target and renamed over it, so a
failed export leaves no half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crmdesk.core.money import DISPLAY_SYMBOLS, Money, minor_digits
from crmdesk.core.spend import SpendFlag, SpendLine, SpendReport

Text = Callable[[str], str]


@dataclass(frozen=True)
class Amount:
    """A money cell: a number in its currency's unit, written with that many decimals."""

    value: Decimal
    digits: int
    currency: str = ""

    @classmethod
    def of(cls, minor: int | None, currency: str) -> Amount | None:
        if minor is None:
            return None
        digits = minor_digits(currency)
        return cls(Decimal(minor).scaleb(-digits), digits, currency)

    @property
    def number_format(self) -> str:
        """Excel's format: grouped, the currency's decimals, its sign (``"¥"#,##0.00``)."""
        number = "#,##0" + ("." + "0" * self.digits if self.digits else "")
        symbol = DISPLAY_SYMBOLS.get(self.currency)
        if symbol:
            return f'"{symbol}"{number}'
        return f'{number}" {self.currency}"' if self.currency else number

    @classmethod
    def money(cls, money: Money | None) -> Amount | None:
        return None if money is None else cls.of(money.minor, money.currency)

    def __str__(self) -> str:
        return f"{self.value:.{self.digits}f}"


@dataclass(frozen=True)
class Month:
    """A calendar month cell: ``2026-03`` in a CSV, a date shown as a month in Excel."""

    year: int
    month: int

    @classmethod
    def parse(cls, key: str) -> Month | str:
        """``"2026-03"`` as a Month; any other text as it is."""
        try:
            day = dt.date.fromisoformat(key + "-01")
        except ValueError:
            return key
        return cls(day.year, day.month) if len(key) == 7 else key

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


Cell = str | int | Amount | dt.date | Month | None


@dataclass(frozen=True)
class Table:
    """One exported view: ``name`` (a sheet title, also the CSV file's stem), headers, rows.

    ``machine_columns`` are the indexes of columns written to CSV only (codes and ids)."""

    key: str
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    machine_columns: frozenset[int] = frozenset()


def _plain(value: str) -> str:
    return value


def _owner(owner: str | None) -> str:
    return owner or ""


@dataclass(frozen=True)
class Wording:
    """How the words inside cells read: the GUI hands in its translations and formatter;
    the defaults (English, ISO days, ``800.50 CNY``) serve the CLI and tests."""

    text: Text = _plain  # headers, sheet titles
    reason: Text = _plain  # a flag's code as a sentence
    record_kind: Text = _plain  # "interaction", "gift"
    owner: Callable[[str | None], str] = _owner  # a rep, or "Unassigned" for none
    day: Callable[[dt.date], str] = dt.date.isoformat
    money: Callable[[Money], str] = str


def _line_rows(
    lines: Sequence[SpendLine],
    *,
    account: bool,
    words: Wording,
    month: bool = False,
    rep: bool = False,
) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for ln in lines:
        head: tuple[Cell, ...]
        if account:
            label = ln.label or words.text("No account")
            head = (label, ln.tier or "", words.owner(ln.owner))
        elif month:
            head = (Month.parse(ln.label),)
        elif rep:
            head = (words.owner(ln.key),)
        else:
            head = (ln.label,)
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


def _period(text: str) -> Cell:
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return Month.parse(text)


def _flag_rows(flags: Sequence[SpendFlag], words: Wording) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for f in flags:
        records = "; ".join(
            " ".join(
                p
                for p in (
                    words.record_kind(r.kind),
                    words.day(r.day),
                    r.label,
                    f"({words.money(r.amount)})" if r.amount is not None else "",
                )
                if p
            )
            for r in f.records
        )
        shown = f.amount or f.budget
        currency = shown.currency if shown is not None else ""
        rows.append(
            (
                str(f.code),
                words.reason(str(f.code)),
                _period(f.period),
                words.owner(f.subject) if f.code == "rep_over_budget" else f.subject,
                ", ".join(words.owner(o) for o in f.owners),
                currency,
                Amount.money(f.amount),
                Amount.money(f.budget),
                records,
                " ".join(r.id for r in f.records),
            )
        )
    return tuple(rows)


def spend_tables(
    report: SpendReport,
    text: Text = _plain,
    reason: Text = _plain,
    *,
    wording: Wording | None = None,
) -> tuple[Table, ...]:
    """The report's views as tables: accounts, tiers, reps, months, flags.

    ``wording`` (or, for headers and reasons alone, ``text`` and ``reason``) words the cells."""
    words = wording or Wording(text=text, reason=reason)
    text = words.text
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
            _line_rows(report.accounts, account=True, words=words),
        ),
        Table(
            "tiers",
            text("By tier"),
            (text("Tier"), *money),
            _line_rows(report.tiers, account=False, words=words),
        ),
        Table(
            "reps",
            text("By rep"),
            (text("Rep"), *money),
            _line_rows(report.reps, account=False, words=words, rep=True),
        ),
        Table(
            "months",
            text("By month"),
            (text("Month"), *money),
            _line_rows(report.by_month, account=False, words=words, month=True),
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
                text("Record ids"),
            ),
            _flag_rows(report.flags, words),
            machine_columns=frozenset({0, 9}),
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
    if isinstance(cell, Amount | Month | dt.date):
        return str(cell)  # 1234.56, 2026-03, 2026-03-12: for programs
    return cell


def write_csv(path: Path, table: Table) -> Path:
    """One table as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese), comma-separated."""
    with _replacing(path, ".csv") as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_csv_value(c) for c in row])
    return path


def write_xlsx(
    path: Path,
    tables: Sequence[Table],
    *,
    day_format: str = "yyyy-mm-dd",
    month_format: str = "yyyy-mm",
) -> Path:
    """Every table on a sheet of its own: bold, filled header row, frozen; amounts as numbers
    with their currency's sign, days and months as dates in ``day_format``/``month_format``
    (Excel number formats), counts grouped; columns as wide as what they show."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F6FEB")
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        shown = [i for i in range(len(table.headers)) if i not in table.machine_columns]
        sheet.append([table.headers[i] for i in shown])
        for cell in sheet[1]:
            cell.font = header_font
            cell.fill = header_fill
        sheet.freeze_panes = "A2"
        widths = [_width(table.headers[i]) for i in shown]
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate((row[i] for i in shown), start=1):
                target = sheet.cell(row=r, column=c)
                target.value = _xlsx_value(value)
                fmt = _number_format(value, day_format, month_format)
                if fmt:
                    target.number_format = fmt
                widths[c - 1] = max(widths[c - 1], min(60, _width(value, fmt)))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = width
    with _replacing(path, ".xlsx") as temp:
        book.save(temp)
    return path


def _xlsx_value(value: Cell) -> Any:
    if isinstance(value, Amount):
        return value.value
    if isinstance(value, Month):
        return dt.date(value.year, value.month, 1)
    return value


def _number_format(value: Cell, day_format: str, month_format: str) -> str | None:
    if isinstance(value, Amount):
        return value.number_format
    if isinstance(value, Month):
        return month_format
    if isinstance(value, dt.date):
        return day_format
    if isinstance(value, int):
        return "#,##0"
    return None


def _width(value: Cell, number_format: str | None = None) -> int:
    """Columns a cell needs as shown: CJK characters take two; an amount its sign and commas."""
    if value is None:
        text = ""
    elif isinstance(value, Amount):
        symbol = number_format.split('"')[1] if number_format and '"' in number_format else ""
        text = f"{symbol}{value.value:,.{value.digits}f}"
    elif isinstance(value, Month | dt.date) and number_format:
        text = number_format.replace('"', "") + "  "  # the pattern is about as long as the text
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2


def _sheet_title(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\ .
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return clean[:31] or "Sheet"
