"""``crmdesk risk [--json]`` through the real main() on a real encrypted book."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from crmdesk.cli import main
from crmdesk.db.book import open_book
from crmdesk.db.models import Account
from crmdesk.db.services.complaints import add_complaint

PASS = "correct horse battery"


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--book", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_risk_lists_key_accounts_with_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    path = tmp_path / "book.crmdesk"
    assert run(path, capsys, "init", "--passphrase")[0] == 0
    code, out, _ = run(path, capsys, "risk")
    assert code == 0 and out.strip() == "No key account is at risk."
    for name, tier in (("华东重工", "S"), ("北方机械", "S"), ("小店", "C")):
        assert run(path, capsys, "account", "add", "--name", name, "--tier", tier)[0] == 0
    with open_book(path, passphrase=lambda _p: PASS) as book, book.session() as s, s.begin():
        east = s.scalars(select(Account.id).where(Account.name == "华东重工")).one()
        add_complaint(s, description="泵噪音", received_on=dt.date(2026, 6, 1), account_id=east)
    logged = ("log", "--account", "北方机械", "--kind", "visit", "--when", "2026-06-10 10:00")
    assert run(path, capsys, *logged)[0] == 0

    code, out, err = run(path, capsys, "risk", "--today", "2026-06-15", "--json")
    assert code == 0, err
    data = json.loads(out)
    by_name = {a["name"]: a for a in data["accounts"]}
    # 北方机械 was visited 5 days ago (cadence 30): not at risk. 小店 is not a key tier.
    assert set(by_name) == {"华东重工"}
    east_row = by_name["华东重工"]
    assert east_row["reasons"] == ["open_complaint", "past_cadence"]
    assert east_row["open_complaints"] == 1 and east_row["last_touch"] is None

    code, out, _ = run(path, capsys, "risk", "--today", "2026-06-15", "--sort", "name")
    assert code == 0
    assert "华东重工" in out and "1 open complaint(s)" in out and "never touched" in out

    code, _, err = run(path, capsys, "risk", "--today", "2026-02-30")
    assert code == 2 and "today" in err
