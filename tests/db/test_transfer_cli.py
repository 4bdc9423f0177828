"""``crmdesk import`` and ``crmdesk export`` on a real encrypted book, in-process via main()."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.db.book import open_book
from tests.book_snapshot import row_counts, snapshot

PASS = "correct horse battery"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "vcards"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "book.crmdesk"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        assert main(["--book", str(path), "init", "--passphrase"]) == 0
    return path


@pytest.fixture
def run(template, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    for file in template.parent.glob(template.name + "*"):
        shutil.copy2(file, tmp_path / file.name)
    path = tmp_path / template.name
    capsys.readouterr()

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(["--book", str(path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    call.path = path  # type: ignore[attr-defined]
    return call


def counts(path: Path) -> dict[str, int]:
    with open_book(path, passphrase=lambda _p: PASS) as book:
        return row_counts(book.engine)


def test_partial_import_exits_0_and_lists_the_rejected_rows(run, tmp_path):
    report = tmp_path / "errors.csv"
    code, out, _err = run("import", str(FIXTURES / "mixed.vcf"), "--report", str(report))
    assert code == 0
    assert "created 5" in out and "1 rejected" in out
    assert "3 rows imported with a field set aside" in out
    assert "zhaoliu.at.example.com" in out and "1990-02-30" in out
    assert "Encoding: UTF-8" in out
    with report.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["row", "field", "reason"]
    assert [(r[0], r[1]) for r in rows[1:]] == [
        ("2", "card"), ("3", "email"), ("4", "birthday"), ("6", "name")
    ]  # fmt: skip
    assert counts(run.path)["contacts"] == 5


def test_dry_run_writes_nothing_and_json_tells_all(run):
    with open_book(run.path, passphrase=lambda _p: PASS) as book:
        before = snapshot(book.engine)
    code, out, _ = run("import", str(FIXTURES / "excel_gbk.csv"), "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["dry_run"] is True and data["created"] == 5 and data["rejected"] == 0
    assert data["encoding"] == "GB18030" and data["encoding_found_by"] == "detected"
    assert data["set_aside"][0] == {
        "row": 4, "field": "phone",
        "reason": "'13800138000138000' is not a phone number (region CN); stored as written",
    }  # fmt: skip
    with open_book(run.path, passphrase=lambda _p: PASS) as book:
        assert snapshot(book.engine) == before


def test_unreadable_file_exits_2_with_a_clear_message(run, tmp_path):
    code, _out, err = run("import", str(tmp_path / "missing.csv"))
    assert code == 2 and "file: there is no file" in err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK not really")
    code, _out, err = run("import", str(bad))
    assert code == 2 and "not an Excel" in err


def test_all_rows_rejected_exits_2_and_writes_nothing(run, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("姓名,邮箱\n,a@b.cn\n  ,nope\n", encoding="utf-8")
    before = counts(run.path)
    code, _out, err = run("import", str(path))
    assert code == 2 and "none of the 2 rows can be imported" in err
    assert counts(run.path) == before


def test_map_option_and_duplicate_policy(run, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Person,Cell\n林峰,13911110000\n", encoding="utf-8")
    code, _out, err = run("import", str(path))
    assert code == 2 and "no column is mapped to the name" in err
    code, out, _ = run("import", str(path), "--map", "Person=name", "--map", "Cell=phones")
    assert code == 0 and "created 1" in out
    code, out, _ = run("import", str(path), "--map", "Person=name", "--map", "Cell=phones",
                       "--on-duplicate", "skip")  # fmt: skip
    assert code == 0 and "created 0" in out and "skipped 1" in out
    code, _out, err = run("import", str(path), "--on-duplicate", "maybe")
    assert code == 2 and "on_duplicate" in err


# iphone.vcf holds two cards (张伟 at 华东重工集团, Emily Carter at Northwind Traders), each
# with a birthday; importing it makes an account of each company. A new book has 4 tiers.
NOTHING = {"interactions": 0, "follow-ups": 0, "opportunities": 0}
ALL = {
    "tiers": 4, "accounts": 2, "contacts": 2, "family_members": 0, "preferences": 0,
    "important_dates": 2, "interactions": 0, "interaction_attendees": 0, "gifts": 0,
    "follow_ups": 0, "opportunities": 0, "complaints": 0, "campaigns": 0, "campaign_items": 0,
    "gift_catalogue": 11,  # the built-in gifts every new book is seeded with (migration 0010)
}  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "suffix", "what", "counts"),
    [
        ("vcard", "vcf", None, {"contacts": 2}),
        ("csv", "csv", "accounts", {"accounts": 2}),
        ("xlsx", "xlsx", None, {"accounts": 2, "contacts": 2, **NOTHING}),
        ("json", "json", "all", ALL),
    ],
)
def test_export_each_format(run, tmp_path, fmt, suffix, what, counts):
    assert run("import", str(FIXTURES / "iphone.vcf"))[0] == 0
    out_path = tmp_path / f"out.{suffix}"
    extra = ["--what", what] if what else []
    code, out, _ = run("export", "--format", fmt, "--output", str(out_path), *extra, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["file"] == str(out_path) and out_path.stat().st_size > 0
    assert data["counts"] == counts


def test_export_refuses_bad_choices(run, tmp_path):
    code, _out, err = run("export", "--format", "pdf", "--output", str(tmp_path / "x"))
    assert code == 2
    code, _out, err = run(
        "export", "--format", "vcard", "--what", "accounts", "-o", str(tmp_path / "x")
    )
    assert code == 2 and "contacts only" in err


DEFECTS = Path(__file__).parent.parent / "fixtures" / "defects"


def test_the_encoding_is_printed_and_a_wrong_one_named_is_refused(run):
    code, out, _err = run("import", str(DEFECTS / "outlook_windows1252.csv"), "--dry-run")
    assert code == 0
    assert "Encoding: Windows-1252 (detected)" in out
    assert "would create 3" in out
    before = counts(run.path)
    code, _out, err = run("import", str(DEFECTS / "outlook_windows1252.csv"), "--encoding", "utf-8")
    assert code == 2 and "line 2 of the file is not UTF-8 text" in err
    code, out, _err = run(
        "import", str(DEFECTS / "outlook_windows1252.csv"), "--encoding", "cp1252", "--json"
    )
    assert code == 0 and json.loads(out)["encoding"] == "Windows-1252"
    assert counts(run.path)["contacts"] == before["contacts"] + 3
