"""``crmdesk conflicts``: list, restore and dismiss what a sync overwrote, on a real book synced
with the real loopback server against a second device."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmdesk.cli import EXIT_NOT_FOUND, EXIT_OK, main
from crmdesk.db.book import create_book
from crmdesk.db.models import Account
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import edit, enrolled

PASS = "correct horse battery"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_listed_restored_and_dismissed_from_the_terminal(
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    monkeypatch.setenv("CRMDESK_SYNC_PASSWORD", PASSWORD)
    monkeypatch.delenv("CRMDESK_BOOK", raising=False)
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True).close()
    b = str(path)
    user = db.user()
    assert _run(capsys, "--book", b, "enrol", server.url, "--user", user)[0] == EXIT_OK
    assert _run(capsys, "conflicts", "--book", b)[1].strip() == "No open conflicts."
    for name in ("中国建筑", "中铁"):
        assert _run(capsys, "--book", b, "account", "add", "--name", name)[0] == EXIT_OK
    assert _run(capsys, "--book", b, "sync")[0] == EXIT_OK
    other = enrolled(tmp_path, "laptop", server.url, user)
    try:
        other.client.sync_once()
        with other.book.sessions() as s:
            ids = {a.name: a.id for a in s.query(Account)}
        # The other device reaches the server first: its values win, ours become conflicts.
        edit(other.book, Account, ids["中国建筑"], notes="laptop: met the CFO")
        edit(other.book, Account, ids["中铁"], address="北京 海淀")
        other.client.sync_once()
    finally:
        other.close()
    assert (
        _run(capsys, "--book", b, "account", "edit", "中国建筑", "--note", "mine: the CEO")[0] == 0
    )
    assert _run(capsys, "--book", b, "account", "edit", "中铁", "--address", "上海")[0] == 0
    assert _run(capsys, "--book", b, "sync")[0] == EXIT_OK

    code, out, _ = _run(capsys, "--book", b, "conflicts", "--json")
    assert code == EXIT_OK
    listed = {c["record"]: c for c in json.loads(out)}
    assert set(listed) == {"中国建筑", "中铁"}
    notes = listed["中国建筑"]
    assert (notes["field"], notes["kept"], notes["losing"]) == (
        "notes",
        "laptop: met the CFO",
        "mine: the CEO",
    )
    assert notes["who"] == user and notes["resolved"] is False
    code, out, _ = _run(capsys, "--book", b, "conflicts")
    assert code == EXIT_OK and "中国建筑" in out and "mine: the CEO" in out and "2 conflicts" in out

    code, out, _ = _run(capsys, "--book", b, "conflicts", "restore", notes["id"])
    assert code == EXIT_OK and "restored" in out
    code, out, _ = _run(capsys, "--book", b, "account", "show", "中国建筑", "--json")
    assert code == EXIT_OK and "mine: the CEO" in out
    code, out, _ = _run(capsys, "--book", b, "conflicts", "dismiss", listed["中铁"]["id"], "--json")
    assert code == EXIT_OK and json.loads(out)["action"] == "dismiss"
    code, out, _ = _run(capsys, "--book", b, "account", "show", "中铁", "--json")
    assert "北京 海淀" in out and "上海" not in out

    assert _run(capsys, "--book", b, "conflicts", "--json")[1].strip() == "[]"
    code, out, _ = _run(capsys, "--book", b, "conflicts", "--all", "--json")
    assert {c["resolved"] for c in json.loads(out)} == {True} and len(json.loads(out)) == 2
    # Twice, or an id that never was: exit 4, and the message names it.
    code, _out, err = _run(capsys, "--book", b, "conflicts", "restore", notes["id"])
    assert code == EXIT_NOT_FOUND and notes["id"] in err
    # The restore goes to the server with the next sync.
    assert _run(capsys, "--book", b, "sync")[0] == EXIT_OK
