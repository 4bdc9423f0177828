"""The spend arithmetic without a book: months in local time, concentration, flags, exports."""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.core.spend import (
    BudgetAccount,
    FlagCode,
    FlagRecord,
    SpendCell,
    SpendSums,
    build_report,
    concentration,
    duplicate_gifts,
    last_months,
    local_months,
    normalise_description,
    parse_month,
)
from crmdesk.core.spend_export import Wording, spend_tables, write_csv, write_xlsx


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_months_follow_daylight_saving(berlin: None) -> None:
    march, april = local_months(dt.date(2026, 3, 15), dt.date(2026, 4, 2))
    # Berlin is UTC+1 until 29 March 2026, then UTC+2.
    assert (march.month, march.start, march.end) == (
        "2026-03",
        dt.datetime(2026, 2, 28, 23, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 31, 22, 0, tzinfo=dt.UTC),
    )
    assert april.start == march.end and april.month == "2026-04"


def test_month_ranges_and_parsing() -> None:
    assert [m.month for m in last_months(dt.date(2026, 2, 10), 3)] == [
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert parse_month("2026-3") == dt.date(2026, 3, 1)
    with pytest.raises(ValidationError, match="YYYY-MM"):
        parse_month("March")
    with pytest.raises(ValidationError, match="before it starts"):
        local_months(dt.date(2026, 5, 1), dt.date(2026, 4, 1))


def test_concentration_top_tenth_and_curve() -> None:
    c = concentration([0, 1, 6, 1, 0, 1, 0, 1, 0, 0])
    assert (c.accounts, c.total, c.top_accounts, c.top_share) == (10, 10, 1, 0.6)
    assert c.curve[0] == (0.0, 0.0) and c.curve[10] == (0.1, 0.6) and c.curve[-1] == (1.0, 1.0)
    # 25 accounts: the top 10% is three accounts (rounded up).
    assert concentration([1] * 25).top_accounts == 3
    assert concentration([]).curve == ()


def test_the_curve_grows_linearly_between_accounts() -> None:
    # Two accounts, 300 and 100: the top half of the accounts is the first one (75%), and a
    # quarter of the accounts is half of it.
    c = concentration([100, 300])
    assert c.curve[25] == (0.25, 0.375) and c.curve[50] == (0.5, 0.75)
    assert c.curve[75] == (0.75, 0.875) and c.curve[100] == (1.0, 1.0)


def _gift(gid: str, label: str, day: int, rep: str) -> FlagRecord:
    return FlagRecord(
        "gift", gid, dt.date(2026, 4, day), label, Money(100), rep, None, None, "i" + gid
    )


def test_duplicate_gifts_normalised_per_day() -> None:
    assert normalise_description("  Ｍｏｕｔａｉ   GIFT\tbox ") == "moutai gift box"
    flags = duplicate_gifts(
        [
            _gift("1", "茅台 礼盒", 1, "li"),
            _gift("2", "茅台　礼盒", 1, "wang"),
            _gift("3", "茅台 礼盒", 2, "li"),
            _gift("4", "茅台", 1, "li"),
        ]
    )
    assert [(f.code, f.period, [r.id for r in f.records]) for f in flags] == [
        (FlagCode.DUPLICATE_GIFT, "2026-04-01", ["1", "2"])
    ]


def _report():  # type: ignore[no-untyped-def]
    accounts = [
        BudgetAccount("a1", "华东重工集团", "S", "李娜", 100_000),
        BudgetAccount("a2", "Beta", "A", None, None),
    ]
    # As the book sums them: by account, by month and rep, by month and tier.
    sums = SpendSums(
        by_account=[
            SpendCell("", "a1", None, "CNY", 123_456, 20_000, 2),
            SpendCell("", "a2", None, "JPY", 5_000, 0, 1),
        ],
        by_month_rep=[
            SpendCell("2026-04", None, "李娜", "CNY", 123_456, 20_000, 2),
            SpendCell("2026-04", None, None, "JPY", 5_000, 0, 1),
        ],
        by_month_tier=[
            SpendCell("2026-04", None, None, "CNY", 123_456, 20_000, 2, tier="S"),
            SpendCell("2026-04", None, None, "JPY", 5_000, 0, 1, tier="A"),
        ],
    )
    unattended = [
        FlagRecord(
            "interaction",
            "i9",
            dt.date(2026, 4, 3),
            "晚宴",
            Money(5_000, "JPY"),
            None,
            "a2",
            "Beta",
            "i9",
        )
    ]
    return build_report(
        months=["2026-04"], sums=sums, accounts=accounts, gifts=[], unattended=unattended
    )


def test_excel_export_reads_back(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "spend.xlsx", spend_tables(_report()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spend.xlsx"]  # no temp file left
    wb = load_workbook(path)
    assert wb.sheetnames == ["By account", "By tier", "By rep", "By month", "Flags"]
    sheet = wb["By account"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Account" and sheet["A1"].font.bold
    row = [c.value for c in sheet[2]]
    assert row[:4] == ["华东重工集团", "S", "李娜", "CNY"]
    assert row[4] == pytest.approx(1234.56) and isinstance(row[4], float)
    # A person sees ¥1,234.56: the sign and separators are the cell's format, the value a number.
    assert sheet.cell(row=2, column=5).number_format == '"¥"#,##0.00'
    assert row[6] == pytest.approx(1434.56) and row[8] == pytest.approx(1000.0)  # total, budget
    yen = [c.value for c in sheet[3]]
    assert yen[3] == "JPY" and yen[4] == 5000
    assert sheet.cell(row=3, column=5).number_format == '"JP¥"#,##0'
    assert sheet.cell(row=2, column=8).number_format == "#,##0"  # a count, grouped
    months = wb["By month"]
    assert months["A2"].value == dt.datetime(2026, 4, 1) and months["A2"].number_format == "yyyy-mm"
    flags = wb["Flags"]
    # The codes and record ids are for programs: the CSV has them, the workbook does not.
    assert [c.value for c in flags[1]] == [
        "Reason", "When", "About", "Reps", "Currency", "Amount", "Budget", "Records"
    ]  # fmt: skip
    # 1,434.56 spent on the one S account (and by its rep) against 1,000: over budget twice.
    assert flags["F2"].value == pytest.approx(1434.56) and flags["G2"].value == pytest.approx(1000)
    assert flags["H4"].value == "interaction 2026-04-03 晚宴 (5000 JPY)"
    assert months.column_dimensions["A"].width >= len("yyyy-mm")


def test_excel_export_in_chinese_reads_as_a_person_writes(tmp_path: Path) -> None:
    """Headers, sheet titles, dates and money in the words the GUI hands in."""
    zh = {"By account": "按客户", "By month": "按月", "Flags": "标记", "Account": "客户",
          "Owner": "负责人", "No account": "无客户", "Month": "月份"}  # fmt: skip
    wording = Wording(
        text=lambda s: zh.get(s, s),
        record_kind=lambda k: {"interaction": "往来", "gift": "礼品"}[k],
        owner=lambda o: o or "未分配",
        day=lambda d: f"{d.year}年{d.month}月{d.day}日",
        money=lambda m: f"JP¥{m.minor:,}" if m.currency == "JPY" else str(m),
    )
    path = write_xlsx(
        tmp_path / "花费.xlsx",
        spend_tables(_report(), wording=wording),
        day_format='yyyy"年"m"月"d"日"',
        month_format='yyyy"年"m"月"',
    )
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "按客户" and "标记" in wb.sheetnames
    accounts = wb["按客户"]
    assert [c.value for c in accounts[1]][:3] == ["客户", "Tier", "负责人"]
    assert accounts["C3"].value == "未分配"  # Beta has no holder: said, not left blank
    assert accounts.column_dimensions["A"].width >= 2 * len("华东重工集团")
    months = wb["按月"]
    assert months["A2"].number_format == 'yyyy"年"m"月"'
    assert wb["标记"]["H4"].value == "往来 2026年4月3日 晚宴 (JP¥5,000)"


def test_csv_export_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    table = spend_tables(_report(), text=lambda s: {"Account": "客户"}.get(s, s))[0]
    path = write_csv(tmp_path / "accounts.csv", table)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "客户"
    assert rows[1][:5] == ["华东重工集团", "S", "李娜", "CNY", "1234.56"]
    assert Decimal(rows[1][6]) == Decimal("1434.56")


def test_a_failed_export_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "spend.csv"
    target.write_text("old")
    table = spend_tables(_report())[0]
    broken = type(table)(table.key, table.name, table.headers, ((object(),),))  # type: ignore[arg-type]

    class Boom(Exception):
        pass

    import crmdesk.core.spend_export as export

    original = export._csv_value

    def explode(cell):  # type: ignore[no-untyped-def]
        raise Boom

    export._csv_value = explode  # type: ignore[assignment]
    try:
        with pytest.raises(Boom):
            write_csv(target, broken)
    finally:
        export._csv_value = original  # type: ignore[assignment]
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spend.csv"]
