"""Readers that never choke: rows already behind the server's door (written before it validated,
or put into its database by hand) reach devices; each device sets the bad ones aside with their
reason, applies the rest, keeps syncing, says so in ``crmdesk sync --status`` and tells the
server's audit log; ``crmdesk-server check`` then moves them to quarantine. Real server, both
backends."""

from __future__ import annotations

import io
import json
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from crmdesk.cli import EXIT_OK
from crmdesk.cli import main as crmdesk_main
from crmdesk.db.book import create_book
from crmdesk.db.models import Account, Contact
from crmdesk.server import cli as server_cli
from crmdesk.server import syncing
from crmdesk.server.models import AuditEntry, Quarantine, SyncRecord, User
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import add_account, enrolled, get, snapshot

PASS = "correct horse battery"


def plant(db: Database, username: str, rows: list[tuple[str, str, dict[str, Any], bool]]) -> None:
    """Write records straight into the server's ``records``, as an old server stored them."""
    with db.sessions() as s, s.begin():
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        writer = syncing.BookWriter(s)
        for tbl, rid, data, deleted in rows:
            s.add(
                SyncRecord(
                    book_id=user.id,
                    tbl=tbl,
                    id=rid,
                    seq=writer.next_seq(user.id),
                    version=1,
                    deleted=deleted,
                    data=data,
                    fv={},
                )
            )


def bad_rows() -> list[tuple[str, str, dict[str, Any], bool]]:
    return [
        ("contacts", str(uuid.uuid4()), {"name": "王五", "deleted": "yes"}, False),
        ("contacts", str(uuid.uuid4()), {"name": 12345, "phones": "not-a-list"}, False),
        ("accounts", str(uuid.uuid4()), {"name": "x", "notes": "n" * 100_001}, False),
        ("follow_ups", str(uuid.uuid4()), {"due_on": "2026-02-30", "description": "d"}, False),
        ("accounts", "not-a-uuid", {"name": "bad id"}, False),
        ("accounts", str(uuid.uuid4()), {"status": "existing"}, False),  # no name
    ]


def test_bad_rows_are_set_aside_and_the_rest_syncs(
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rep = db.user()
    writer_device = enrolled(tmp_path, "w", server.url, rep)
    good = add_account(writer_device.book, "三一重工")
    writer_device.client.sync_once()
    bad = bad_rows()
    plant(db, rep, bad)
    later = add_account(writer_device.book, "中联重科")
    writer_device.client.sync_once()  # must not stop at the bad rows
    reader = enrolled(tmp_path, "r", server.url, rep)
    try:
        reader.client.sync_once()
        assert get(reader.book, Account, good).name == "三一重工"
        assert get(reader.book, Account, later).name == "中联重科"
        status = reader.client.status()
        # (Other tests may leave a tier the book refuses by its unique code: set aside too.)
        planted = {(t, i) for t, i, _, _ in bad}
        assert planted <= {(t, i) for t, i, _ in status.set_aside}
        reasons = {i: r for _, i, r in status.set_aside}
        assert "deleted" in reasons[bad[0][1]] and "true or false" in reasons[bad[0][1]]
        assert "February 2026 has 28 days" in reasons[bad[3][1]]
        assert "required" in reasons[bad[5][1]]
        with reader.book.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Contact)) == 0
        # The server's audit log hears of it (the event goes out at the next sync).
        reader.client.sync_once()
        with db.sessions() as s:
            events = s.scalars(
                select(AuditEntry).where(
                    AuditEntry.username == rep, AuditEntry.action == "set_aside"
                )
            ).all()
        assert events and sum(e.detail["count"] for e in events) >= len(bad)
        # The administrator moves them out of the records.
        out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        assert server_cli.main(["--database-url", db.url, "check"]) == 0
        monkeypatch.undo()
        text = out.getvalue()
        assert all(i in text for _, i, _, _ in bad) and "to quarantine" in text
        assert "February 2026 has 28 days" in text
        with db.sessions() as s:
            left = s.scalars(
                select(SyncRecord.id).where(SyncRecord.id.in_([i for _, i, _, _ in bad]))
            ).all()
            kept = s.scalars(select(Quarantine).where(Quarantine.reason == "check")).all()
        assert left == [] and {q.record_id for q in kept} >= {i for _, i, _, _ in bad}
        # Their departures clear the device's list; everything else stays.
        reader.client.sync_once()
        assert not planted & {(t, i) for t, i, _ in reader.client.status().set_aside}
        assert get(reader.book, Account, good).name == "三一重工"
        assert snapshot(reader.book).keys() == snapshot(writer_device.book).keys()
    finally:
        reader.close()
        writer_device.close()


def test_sync_status_at_the_terminal_counts_what_was_set_aside(
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rep = db.user()
    planted = bad_rows()[:2]
    plant(db, rep, planted)
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    monkeypatch.setenv("CRMDESK_SYNC_PASSWORD", PASSWORD)
    path = tmp_path / "term.crmdesk"
    create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True).close()
    assert crmdesk_main(["--book", str(path), "enrol", server.url, "--user", rep]) == EXIT_OK
    assert crmdesk_main(["--book", str(path), "sync"]) == EXIT_OK
    capsys.readouterr()
    assert crmdesk_main(["--book", str(path), "sync", "--status"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "pulled records set aside" in out and "deleted: must be true or false" in out
    assert crmdesk_main(["--book", str(path), "--json", "sync", "--status"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["rejected"] >= 2
    assert {i for _, i, _, _ in planted} <= {x["id"] for x in data["set_aside"]}
