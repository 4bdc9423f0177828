"""``crmdesk enrol`` and ``crmdesk sync`` at a terminal, and the exit codes of a lapsed lease and a
revoked device, against the real loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, insert

from crmdesk.cli import EXIT_LEASE_LAPSED, EXIT_OK, EXIT_REVOKED, main
from crmdesk.db.book import create_book, open_book
from crmdesk.db.sync_state import SyncMeta
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import enrolled

PASS = "correct horse battery"
OFFLINE_URL = "http://127.0.0.1:9"


@pytest.fixture
def book_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    monkeypatch.setenv("CRMDESK_SYNC_PASSWORD", PASSWORD)
    monkeypatch.delenv("CRMDESK_BOOK", raising=False)
    path = tmp_path / "book.crmdesk"
    create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True).close()
    return path


def _set_meta(path: Path, **values: str) -> None:
    with open_book(path, passphrase=lambda _p: PASS) as book, book.engine.begin() as conn:
        for key, value in values.items():
            conn.execute(delete(SyncMeta).where(SyncMeta.key == key))
            conn.execute(insert(SyncMeta).values(key=key, value=value))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_enrol_sync_and_a_lapsed_lease_at_the_terminal(
    book_path: Path, server: LiveServer, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    user = db.user()
    b = str(book_path)
    code, out, _ = _run(capsys, "--book", b, "enrol", server.url, "--user", user)
    assert code == EXIT_OK and user in out
    code, out, _ = _run(capsys, "--book", b, "account", "add", "--name", "中国建筑")
    assert code == EXIT_OK
    code, out, _ = _run(capsys, "--book", b, "sync", "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    # One edit pushed: 中国建筑.
    assert data["report"]["pushed"] == 1 and data["pending"] == 0 and data["lease_until"]

    _set_meta(book_path, lease_until="2020-03-01T08:00:00+00:00", server_url=OFFLINE_URL)
    code, out, err = _run(capsys, "--book", b, "account", "list", "--json")
    assert code == EXIT_LEASE_LAPSED
    assert "2020-03-01" in err and "company network" in err
    assert json.loads(out)["error"]["code"] == "lease_lapsed"
    assert "中国建筑" not in out  # nothing of the book shown

    _set_meta(book_path, server_url=server.url)
    code, out, _ = _run(capsys, "--book", b, "account", "list")
    assert code == EXIT_OK and "中国建筑" in out  # renewed on the way in


def test_a_revoked_device_is_wiped_by_crmdesk_sync(
    book_path: Path,
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    capsys: pytest.CaptureFixture[str],
) -> None:
    user = db.user()
    b = str(book_path)
    assert _run(capsys, "--book", b, "enrol", server.url, "--user", user)[0] == EXIT_OK
    code, out, _ = _run(capsys, "--book", b, "sync", "--status", "--json")
    assert code == EXIT_OK
    with open_book(book_path, passphrase=lambda _p: PASS) as book, book.engine.connect() as conn:
        from sqlalchemy import select

        device = conn.execute(select(SyncMeta.value).where(SyncMeta.key == "device_id")).scalar()
    other = enrolled(tmp_path, "other", server.url, user)
    try:
        assert other.client.revoke_device(str(device))
    finally:
        other.close()

    code, out, err = _run(capsys, "--book", b, "sync", "--json")
    assert code == EXIT_REVOKED
    assert "revoked by your company" in err
    assert json.loads(out)["error"]["code"] == "device_revoked"
    assert [p for p in tmp_path.iterdir() if p.name.startswith("book.crmdesk")] == []
