"""The command line and the import refuse the impossible values the dialogs refuse (issue 11).

Each command exits 2 naming the field and the problem, and every row of every table of the real
SQCipher book is as it was. An import keeps the contact but sets an impossible birthday aside with
its reason (kept as written in the notes): never stored as some other day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import Cli, cli, template, zhang  # noqa: F401 - fixtures

# (argv, the field named, words of the message)
IMPOSSIBLE = [
    (["date", "add", "张伟", "--kind", "birthday", "--date", "2026-02-30"], "day",
     "February 2026 has 28 days"),
    (["date", "add", "张伟", "--kind", "birthday", "--date", "1800-01-01"], "year",
     "between 1900 and 2099, not 1800"),
    (["date", "add", "张伟", "--kind", "birthday", "--date", "2200-01-01"], "year",
     "between 1900 and 2099, not 2200"),
    (["date", "add", "张伟", "--kind", "birthday", "--lunar", "L2200-01-01"], "year",
     "between 1900 and 2099, not 2200"),
    (["date", "add", "张伟", "--kind", "birthday", "--lunar", "L2025-12-30"], "day",
     "has 29 days"),
    (["followup", "add", "张伟", "--due", "2026-02-30", "--what", "quote"], "due",
     "February 2026 has 28 days"),
    (["followup", "add", "张伟", "--due", "2026-13-45", "--what", "quote"], "due",
     "between 1 and 12, not 13"),
    (["followup", "add", "张伟", "--due", "1800-01-01", "--what", "quote"], "due",
     "between 1900 and 2099"),
    (["followup", "add", "张伟", "--due", "2200-01-01", "--what", "quote"], "due",
     "between 1900 and 2099"),
    (["log", "张伟", "--kind", "visit", "--when", "2026-13-45 25:99"], "when",
     "between 1 and 12, not 13"),
    (["log", "张伟", "--kind", "visit", "--when", "2026-01-04 25:99"], "when",
     "between 0 and 23, not 25"),
    (["log", "张伟", "--kind", "visit", "--follow-up", "2026-02-30"], "follow_up",
     "February 2026 has 28 days"),
    (["log", "张伟", "--kind", "meal", "--cost", "12,34.5.6"], "cost", "is not an amount"),
    (["log", "张伟", "--kind", "meal", "--cost", "-5"], "cost", "cannot be negative"),
    # "1e9999" was refused as an unknown currency 'e9999'; it is simply not an amount.
    (["log", "张伟", "--kind", "meal", "--cost", "1e9999"], "cost", "'1e9999' is not an amount"),
    (["log", "张伟", "--kind", "meal", "--cost", "800.505"], "cost", "at most 2 decimal places"),
    (["account", "add", "--name", "X", "--sales-limit", "1e9999"], "sales_limit",
     "is not an amount"),
    (["account", "add", "--name", "X", "--sales-limit", "10000000000000.01"], "sales_limit",
     "larger than crmdesk accepts"),
    (["pref", "add", "张伟", "--category", "tea", "--value", "普洱", "--learned", "2200-01-01"],
     "learned_on", "between 1900 and 2099"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "field", "words"), IMPOSSIBLE, ids=[" ".join(a[:1] + a[-2:]) for a, _, _ in IMPOSSIBLE]
)
def test_an_impossible_value_is_named_and_writes_nothing(
    cli: Cli,  # noqa: F811
    argv: list[str],
    field: str,
    words: str,
) -> None:
    before = cli.snapshot()
    code, out, err = cli(*argv, "--json")
    assert code == 2, err
    assert err.startswith(f"crmdesk: error: {field}: ") and words in err
    assert json.loads(out)["error"]["field"] == field
    assert cli.snapshot() == before


def test_a_valid_due_date_and_amount_save_and_read_back(cli: Cli) -> None:  # noqa: F811
    added = cli.json("followup", "add", "张伟", "--due", "2028-02-29", "--what", "quote")
    assert added["due_on"] == "2028-02-29"
    logged = cli.json("log", "张伟", "--kind", "meal", "--cost", "1,200.50")
    assert logged["cost"] == {"amount": "1200.50", "currency": "CNY"}


@pytest.mark.parametrize("suffix", ["vcf", "csv"])
def test_an_imported_impossible_birthday_is_set_aside_never_another_day(
    cli: Cli,  # noqa: F811
    tmp_path: Path,
    suffix: str,
) -> None:
    people = [("李娜", "2026-02-30"), ("王五", "1800-01-01"), ("赵六", "2200-01-01")]
    people.append(("钱七", "1985-03-14"))
    source = tmp_path / f"people.{suffix}"
    if suffix == "vcf":
        source.write_text(
            "".join(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nBDAY:{day}\r\nEND:VCARD\r\n"
                for name, day in people
            ),
            encoding="utf-8",
        )
    else:
        rows = "".join(f"{name},{day}\n" for name, day in people)
        source.write_text("name,birthday\n" + rows, encoding="utf-8")
    report = cli.json("import", str(source))
    set_aside = {(issue["field"], issue["reason"].split("'")[1]) for issue in report["set_aside"]}
    assert set_aside == {("birthday", day) for _, day in people[:3]}
    reasons = " ".join(issue["reason"] for issue in report["set_aside"])
    assert "February 2026 has 28 days" in reasons and "not 1800" in reasons
    contacts = {c["name"]: c for c in cli.json("contact", "list")}
    for name, day in people:
        dates = [d["text"] for d in cli.json("date", "list", contacts[name]["id"])]
        if day == "1985-03-14":
            assert dates == ["1985-03-14"]
        else:
            assert dates == []  # no other day stored in its place
            assert f"Birthday: {day}" in contacts[name]["notes"]  # kept as written, to fix
