"""``crmdesk campaign`` on a real encrypted book, in-process via main(): a rep's sitting before
Mid-Autumn, with one bad input of each kind; the export read back with openpyxl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from crmdesk.cli import main
from crmdesk.db.book import open_book
from tests.book_snapshot import row_counts

PASS = "correct horse battery"


def counts(path: Path) -> dict[str, int]:
    with open_book(path, passphrase=lambda _p: PASS) as book:
        return row_counts(book.engine)


@pytest.fixture
def call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    book = tmp_path / "book.crmdesk"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--book", str(book), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--passphrase")[0] == 0
    assert run("tier", "edit", "S", "--budget", "500")[0] == 0
    assert run("account", "add", "--name", "华东建设", "--tier", "S", "--owner", "liu")[0] == 0
    for name, title in (("王建国", "总经理"), ("李明", "采购部经理")):
        code, _, err = run("contact", "add", "--name", name, "--account", "华东建设",
                           "--title", title)  # fmt: skip
        assert code == 0, err
    run.book = book  # type: ignore[attr-defined]
    return run


def test_new_show_done_twice_and_export(call, tmp_path: Path) -> None:
    code, out, err = call("--json", "campaign", "new", "cn.mid_autumn", "--year", "2027",
                          "--sender", "东方机械 小刘")  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    assert made["occasion_on"] == "2027-09-15"
    assert [(i["contact"], i["gift"]) for i in made["items"]] == [
        ("李明", "月饼礼盒"),  # sorted by pinyin within the account (no decision roles given)
        ("王建国", "茶叶礼盒"),
    ]
    short = made["id"][:8]
    code, out, _ = call("campaign", "show", short)
    assert code == 0
    assert "尊敬的王总：值此中秋佳节" in out and "Shopping list" in out

    code, out, _ = call("--json", "campaign", "done", short, "--all")
    assert (code, json.loads(out)["logged"]) == (0, 2)
    code, out, _ = call("--json", "campaign", "done", short, "--all")
    assert (code, json.loads(out)["logged"]) == (0, 0)

    target = tmp_path / "中秋 2027.xlsx"
    assert call("campaign", "export", short, str(target))[0] == 0
    sheets = load_workbook(target, read_only=True)
    assert sheets.sheetnames == ["Shopping list", "Items", "Greetings"]
    shopping = [tuple(r) for r in sheets["Shopping list"].iter_rows(values_only=True)]
    assert shopping[0] == ("Gift", "Quantity", "Each", "Total", "Buy by")
    assert shopping[1:] == [("茶叶礼盒", 1, 500, 500, shopping[1][4]),
                            ("月饼礼盒", 1, 300, 300, shopping[1][4])]  # fmt: skip
    assert str(shopping[1][4]).startswith("2027-09-01")
    # Money reads as money (sign and separators), the day as a date.
    cells = next(sheets["Shopping list"].iter_rows(min_row=2, max_row=2))
    assert cells[2].number_format == '"¥"#,##0.00' and cells[4].is_date
    greetings = list(sheets["Greetings"].iter_rows(values_only=True))
    assert greetings[2][1].startswith("尊敬的王总：")
    assert not list(tmp_path.glob("*.part"))


def test_bad_inputs_name_the_problem_and_write_nothing(call) -> None:
    before = counts(call.book)
    code, _, err = call("campaign", "new", "cn.moon", "--sender", "小刘")
    assert (code, "no built-in festival 'cn.moon'" in err) == (2, True)
    code, _, err = call("campaign", "new", "cn.mid_autumn", "--sender", "小刘", "--tier", "Z")
    assert (code, "no tier Z" in err) == (2, True)
    code, _, err = call("campaign", "new", "cn.mid_autumn", "--sender", " ")
    assert (code, "sender" in err) == (2, True)
    code, _, err = call("campaign", "show", "nothing")
    assert (code, "names no campaign" in err) == (2, True)
    assert counts(call.book) == before


def test_gift_catalogue_from_the_command_line(call) -> None:
    code, out, _ = call("gift", "list")
    assert code == 0 and "月饼礼盒" in out and "300.00 CNY" in out
    code, out, err = call("--json", "gift", "add", "--name", "普洱茶饼", "--english", "Pu'er cake",
                          "--price", "¥450", "--tag", "tea")  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert (added["price"], added["tags"], added["active"]) == (
        {"amount": "450.00", "currency": "CNY"}, ["tea"], True)  # fmt: skip
    # Bad input: exit 2, the problem named, nothing written.
    before = counts(call.book)
    for argv, says in (
        (("gift", "add", "--name", " ", "--price", "100"), "name"),
        (("gift", "add", "--name", "丝巾", "--price", "0"), "more than zero"),
        (("gift", "add", "--name", "丝巾", "--price", "abc"), "not an amount"),
        (("gift", "add", "--name", "丝巾", "--price", "100", "--tag", "gold"), "unknown tag"),
        (("gift", "add", "--name", "挂钟", "--price", "100"), "送终"),
        (("gift", "edit", "pen", "--price", "-3"), "negative"),
        (("gift", "edit", "nosuch", "--price", "3"), "no gift"),
    ):
        code, _, err = call(*argv)
        assert code in (2, 4) and says in err, (argv, err)
    assert counts(call.book) == before
    code, out, _ = call("--json", "gift", "edit", added["key"][:8], "--price", "480", "--inactive")
    assert code == 0 and json.loads(out)["price"]["amount"] == "480.00"
    assert json.loads(out)["active"] is False
    # A campaign names the tea box: it can be made inactive, not removed.
    assert call("campaign", "new", "cn.mid_autumn", "--year", "2027", "--sender", "小刘")[0] == 0
    code, _, err = call("gift", "remove", "tea")
    assert code == 2 and "inactive" in err
    code, _, _ = call("gift", "remove", "books")
    assert code == 0
    code, out, _ = call("--json", "gift", "list")
    keys = {g["key"]: g for g in json.loads(out)}
    assert "books" not in keys and keys["tea"]["used"] == 1


def test_list_sums_budget_and_spend(call) -> None:
    assert call("campaign", "new", "cn.mid_autumn", "--year", "2027", "--sender", "小刘")[0] == 0
    code, out, _ = call("--json", "campaign", "list")
    assert code == 0
    (made,) = json.loads(out)
    # Two people of an S account (budget 500.00 each): the tea box 500 and the mooncakes 300.
    assert made["people"] == 2 and made["budget"] == {"amount": "1000.00", "currency": "CNY"}
    assert made["committed"] == [{"amount": "800.00", "currency": "CNY"}]
    assert made["by_rep"][0]["rep"] == "liu"
    code, out, _ = call("campaign", "list")
    assert "1000.00 CNY" in out and "800.00 CNY" in out
