"""The ``crmdesk`` command on real encrypted books: in-process via main(), and one real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crmdesk.cli import main
from crmdesk.db.book import BookInfo, open_book
from crmdesk.db.keys import KeyringStore
from crmdesk.db.models import Contact
from tests.book_snapshot import snapshot_file

PASS = "correct horse battery"


class Cli:
    """Runs ``crmdesk --book <tmp> ...`` in this process and captures what it prints."""

    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--book", str(self.path), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)

    def snapshot(self) -> dict[str, Any]:
        return snapshot_file(self.path, PASS)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A book made once per module by `init` with an account and a contact (张伟) in it."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "book.crmdesk"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        assert main(["--book", str(path), "init", "--passphrase"]) == 0
        assert main(["--book", str(path), "account", "add", "--name", "华为", "--tier", "A"]) == 0
        assert (
            main(["--book", str(path), "contact", "add", "--name", "张伟", "--account", "华为"])
            == 0
        )
        with open_book(path, passphrase=lambda _purpose: PASS) as book, book.session() as s:
            zhang = s.scalars(select(Contact.id)).one()
    return path, zhang


@pytest.fixture
def cli(
    template: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    monkeypatch.delenv("CRMDESK_BOOK", raising=False)
    source = template[0]
    for file in source.parent.glob(source.name + "*"):
        shutil.copy2(file, tmp_path / file.name)
    capsys.readouterr()
    return Cli(tmp_path / source.name, capsys)


@pytest.fixture
def zhang(template: tuple[Path, str]) -> str:
    return template[1]


def test_a_rep_records_and_finds_a_contact(cli: Cli, zhang: str) -> None:
    pref = cli.json(
        "pref", "add", "张伟", "--category", "茶", "--value", "普洱", "--learned", "2024-05-01"
    )
    assert (pref["category"], pref["learned_on"]) == ("tea", "2024-05-01")
    mother = cli.json(
        "date",
        "add",
        "张伟",
        "--kind",
        "birthday",
        "--lunar",
        "L2020-04-10",
        "--leap",
        "--family",
        "李秀英",
        "--relation",
        "mother",
    )
    assert (mother["text"], mother["family_member_name"]) == ("L2020-04*-10", "李秀英")
    own = cli.json("date", "add", zhang[:8], "--kind", "birthday", "--date", "02-29")
    assert own["calendar"] == "gregorian" and own["year"] is None
    logged = cli.json(
        "log",
        "张伟",
        "--kind",
        "meal",
        "--when",
        "2026-11-20 19:00",
        "--where",
        "全聚德",
        "--cost",
        "¥1,200",
        "--gift",
        "茶叶:600",
        "--gift",
        "贺卡",
        "--next-step",
        "送报价",
        "--follow-up",
        "2026-12-01",
    )
    assert logged["cost"] == {"amount": "1200.00", "currency": "CNY"}
    assert [(g["description"], g["recipient_name"]) for g in logged["gifts"]] == [
        ("茶叶", "张伟"),
        ("贺卡", "张伟"),
    ]
    [follow_up] = cli.json("followups")
    assert follow_up["description"] == "送报价"
    shown = cli.json("contact", "show", "张伟")
    assert shown["contact"]["account_name"] == "华为"
    assert [p["value"] for p in shown["preferences"]] == ["普洱"]
    assert [f["name"] for f in shown["family"]] == ["李秀英"]
    assert len(shown["dates"]) == 2 and len(shown["recent_interactions"]) == 1
    assert [h["id"] for h in cli.json("search", "zw")] == [zhang]
    done = cli.json("followup", "done", follow_up["id"][:8])
    assert done["done"] is True
    assert cli.json("followups") == []

    code, out, _ = cli("contact", "show", "张伟")
    assert code == 0 and "tea: 普洱" in out and "Account: 华为" in out


def test_edit_delete_and_restore(cli: Cli, zhang: str) -> None:
    edited = cli.json(
        "contact",
        "edit",
        "张伟",
        "--title",
        "采购经理",
        "--phone",
        "138 0000 0000",
        "--add-tag",
        "vip",
        "--role",
        "coach",
    )
    assert (edited["title"], edited["phones"], edited["tags"]) == (
        "采购经理",
        ["138 0000 0000"],
        ["vip"],
    )
    cleared = cli.json("contact", "edit", "张伟", "--title", "", "--remove-tag", "vip")
    assert (
        cleared["title"] is None and cleared["tags"] == [] and cleared["decision_role"] == "coach"
    )
    deleted = cli.json("contact", "delete", "张伟")
    assert deleted["kind"] == "contact"
    assert cli.json("contact", "list") == []
    assert [c["name"] for c in cli.json("contact", "list", "--deleted")] == ["张伟"]
    cli.json("contact", "restore", zhang[:8])
    assert [c["name"] for c in cli.json("contact", "list", "--tier", "a")] == ["张伟"]


def test_accounts_and_tiers(cli: Cli, zhang: str) -> None:
    account = cli.json("account", "show", "华为")
    assert [c["id"] for c in account["contacts"]] == [zhang]
    cli.json("account", "edit", "华为", "--sales-limit", "5,000,000", "--status", "target")
    [listed] = cli.json("account", "list", "--status", "target")
    assert listed["sales_limit"] == {"amount": "5000000.00", "currency": "CNY"}
    scheme = cli.json("tier", "set", "A:Key:30:1000", "B:Develop:60", "C:Select:90", "D:Drop:365")
    assert [t["code"] for t in scheme] == ["A", "B", "C", "D"]
    code, _, err = cli("tier", "set", "K:Key:30")
    assert code == 2 and "remap" in err
    assert [t["code"] for t in cli.json("tier", "list")] == ["A", "B", "C", "D"]
    edited = cli.json("tier", "edit", "A", "--monthly-budget", "3,000")
    assert edited["monthly_budget"] == {"amount": "3000.00", "currency": "CNY"}
    added = cli.json("tier", "add", "E", "--name", "Ecosystem", "--cadence", "45",
                     "--monthly-budget", "800.50")  # fmt: skip
    assert added["monthly_budget"] == {"amount": "800.50", "currency": "CNY"}
    code, _, err = cli("tier", "edit", "A", "--monthly-budget", "USD 100")
    assert code == 2 and "monthly_budget" in err


# Each bad input: the field is named, the exit code is 2, and the book is unchanged.
BAD_INPUTS = [
    (["date", "add", "张伟", "--kind", "birthday", "--date", "1980-02-30"], "day"),
    (["date", "add", "张伟", "--kind", "birthday", "--lunar", "L13-01"], "month"),
    (["date", "add", "张伟", "--kind", "birthday", "--lunar", "L2024-02-10", "--leap"], "leap"),
    (["date", "add", "张伟", "--kind", "wedding", "--date", "05-01"], "kind"),
    (
        ["date", "add", "张伟", "--kind", "birthday", "--date", "05-01", "--family", "某某"],
        "relation",
    ),
    (["contact", "add", "--name", "   "], "name"),
    (["contact", "add", "--name", "李娜", "--note", "n" * 10 * 1024 * 1024], "notes"),
    (["contact", "add", "--name", "李娜", "--tier", "Z"], "tier"),
    (["contact", "add", "--name", "李娜", "--email", "li@"], "email"),
    (["contact", "edit", "张伟", "--name", ""], "name"),
    (["contact", "edit", "张伟", "--reports-to", "张伟"], "reports_to"),
    (["account", "add", "--name", "X", "--tier", "Z"], "tier"),
    (["account", "add", "--name", "X", "--sales-limit", "-5"], "sales_limit"),
    (["tier", "edit", "A", "--monthly-budget", "lots"], "monthly_budget"),
    (["pref", "add", "张伟", "--category", "karaoke", "--value", "x"], "category"),
    (["log", "张伟", "--kind", "meal", "--cost", "lots"], "cost"),
    (["log", "张伟", "--kind", "meal", "--gift", "茶叶:abc"], "gift"),
    (
        ["log", "张伟", "--kind", "meal", "--when", "2026-11-20", "--follow-up", "2026-11-01"],
        "follow_up",
    ),
    (["log", "张伟", "--kind", "meal", "--when", "tonight"], "when"),
]


@pytest.mark.parametrize(("argv", "field"), BAD_INPUTS, ids=[f for _, f in BAD_INPUTS])
def test_bad_input_is_named_and_writes_nothing(
    cli: Cli, zhang: str, argv: list[str], field: str
) -> None:
    before = cli.snapshot()
    code, out, err = cli(*argv, "--json")
    assert code == 2
    assert err.startswith(f"crmdesk: error: {field}: ") and err.count("\n") == 1
    assert json.loads(out)["error"]["field"] == field
    assert cli.snapshot() == before


def test_a_ten_megabyte_note_message_names_the_limit(cli: Cli) -> None:
    code, _, err = cli("contact", "add", "--name", "李娜", "--note", "n" * 10 * 1024 * 1024)
    assert code == 2 and "100,000" in err and "notes" in err


def test_ambiguous_and_missing_references(cli: Cli) -> None:
    first = cli.json("contact", "add", "--name", "李娜")["id"]
    cli.json("contact", "add", "--name", "李娜")
    code, _, err = cli("contact", "show", "李娜")
    assert code == 2 and "matches 2 contacts" in err and first[:8] in err
    code, _, err = cli("contact", "show", "王芳")
    assert code == 4 and err.startswith("crmdesk: error: contact: ")


def test_usage_errors_are_reported_like_the_others(cli: Cli) -> None:
    code, out, err = cli("contact", "add", "--json")
    assert code == 2 and "--name" in err
    assert json.loads(out)["error"]["code"] == "usage"
    code, _, err = cli("frobnicate")
    assert code == 2 and "invalid choice" in err


def test_wrong_passphrase_has_its_own_exit_code_and_is_never_echoed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "not-the-passphrase-xyz"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", wrong)
    code, out, err = cli("contact", "list", "--json")
    assert code == 3
    assert "does not open the book" in err
    assert json.loads(out)["error"]["code"] == "wrong_key"
    assert wrong not in out + err and PASS not in out + err


def test_a_missing_passphrase_is_explained(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRMDESK_PASSPHRASE")
    code, _, err = cli("contact", "list")
    assert code == 1 and "CRMDESK_PASSPHRASE" in err


def test_init_refuses_an_existing_book_and_a_short_passphrase(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli("init", "--passphrase")
    assert code == 1 and "already exists" in err
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "short")
    code = main(["--book", str(tmp_path / "other.crmdesk"), "init", "--passphrase"])
    assert code == 2 and "passphrase:" in capsys.readouterr().err
    assert not (tmp_path / "other.crmdesk").exists()


def test_init_uses_the_keyring_where_one_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = KeyringStore()
    if not store.usable():
        if os.environ.get("CRMDESK_REQUIRE_KEYRING"):
            pytest.fail(
                f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}"
            )
        pytest.skip(f"no usable keyring here ({store.name}); CI runs one")
    monkeypatch.delenv("CRMDESK_PASSPHRASE", raising=False)
    path = tmp_path / "keyed.crmdesk"
    assert main(["--book", str(path), "init", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key_source"] == "keyring"
    try:
        assert main(["--book", str(path), "contact", "add", "--name", "张伟"]) == 0
    finally:
        store.forget(BookInfo.load(path).book_id)


def test_no_arguments_starts_the_desktop_app_on_the_resolved_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wiring only: the real app has its own tests; here we see that it gets the right book.
    started: list[Path] = []
    fake_app = types.ModuleType("crmdesk.ui.app")

    def run(book_path: Path) -> int:
        started.append(book_path)
        return 0

    fake_app.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "crmdesk.ui.app", fake_app)
    monkeypatch.setenv("CRMDESK_BOOK", str(tmp_path / "env.crmdesk"))
    assert main([]) == 0
    assert main(["--book", str(tmp_path / "flag.crmdesk")]) == 0
    assert started == [tmp_path / "env.crmdesk", tmp_path / "flag.crmdesk"]


def test_end_to_end_in_a_real_process(tmp_path: Path) -> None:
    """What only a real process shows: the entry point, the passphrase from the environment and
    never echoed, exit codes. Each process pays the start-up and the key derivation, so logging,
    editing and deleting are left to the in-process tests above."""
    env = {**os.environ, "CRMDESK_PASSPHRASE": PASS, "CRMDESK_BOOK": ""}
    book = str(tmp_path / "e2e.crmdesk")

    def run(*argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "crmdesk", "--book", book, *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert PASS not in done.stdout + done.stderr
        return done.stdout

    run("init", "--passphrase")
    run("account", "add", "--name", "中国建筑", "--tier", "S")
    zhang = json.loads(run("contact", "add", "--name", "张伟", "--account", "中国建筑", "--json"))
    run("pref", "add", "张伟", "--category", "tea", "--value", "普洱")
    run("date", "add", "张伟", "--kind", "birthday", "--lunar", "L1985-08-15")
    [listed] = json.loads(run("contact", "list", "--json"))
    assert (listed["id"], listed["effective_tier"]) == (zhang["id"], "S")
    assert "张伟" in run("search", "zhangwei")
    shown = run("contact", "show", "张伟")
    assert "L1985-08-15" in shown and "普洱" in shown
    bad = subprocess.run(
        [sys.executable, "-m", "crmdesk", "--book", book, "contact", "add", "--name", " "],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("crmdesk: error: name: ")


def test_version_is_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from crmdesk import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"crmdesk {__version__}"
