"""kill -9 of the server after it committed and before its answer left (see
``tests/sync/kill_server.py``): the client, which never heard back, keeps its outbox; once the
server is back on the same database it pushes again and nothing is applied twice or lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from crmdesk.db.models import Account
from crmdesk.server.models import SyncRecord, User
from crmdesk.sync.client import SyncError
from tests import http_calls
from tests.server.live import Database, free_port
from tests.sync.helpers import Device, enrolled, pending

ROOT = Path(__file__).resolve().parents[2]


def serve(
    db_url: str, port: int, log: Path, hold: tuple[str, Path] | None
) -> subprocess.Popen[bytes]:
    """The server on ``port``; with ``hold``, the one that holds the answer to that path."""
    module = "tests.sync.kill_server" if hold else "crmdesk.server.cli"
    env = dict(os.environ)
    if hold:
        env["CRMDESK_TEST_HOLD_PATH"], env["CRMDESK_TEST_HOLD_MARKER"] = hold[0], str(hold[1])
    p = subprocess.Popen(
        [sys.executable, "-m", module, "--database-url", db_url, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert p.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            if (
                http_calls.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code
                == 200
            ):
                return p
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    p.kill()
    raise RuntimeError("server did not start")


def server_rows(db: Database, book_id: str) -> dict[str, tuple[str | None, int]]:
    with db.sessions() as s:
        return {
            r.id: (r.data.get("notes"), r.version)
            for r in s.scalars(
                select(SyncRecord).where(
                    SyncRecord.book_id == book_id, SyncRecord.tbl == "accounts"
                )
            )
        }


@pytest.mark.parametrize("path", ["/api/v1/sync/push", "/api/v1/sync/pull"])
def test_server_killed_after_commit_before_answer(
    tmp_path: Path, db: Database, backend: str, path: str
) -> None:
    port, log, marker = free_port(), tmp_path / "server.log", tmp_path / "committed"
    rep = db.user()
    with db.sessions() as s:
        user = s.scalar(select(User).where(User.username == rep))
        assert user is not None
        book_id = user.id
    holding = serve(db.url, port, log, (path, marker))
    devices: list[Device] = []
    plain: subprocess.Popen[bytes] | None = None
    try:
        a = enrolled(tmp_path, "a", f"http://127.0.0.1:{port}", rep)
        b = enrolled(tmp_path, "b", f"http://127.0.0.1:{port}", rep)
        devices += [a, b]
        expected: dict[str, tuple[str | None, int]] = {}
        with a.book.sessions() as s, s.begin():
            for i in range(12):
                acc = Account(name=f"k{i}", notes="first")
                s.add(acc)
                s.flush()
                expected[acc.id] = ("first", 1)
        if path.endswith("/pull"):
            a.client.push()  # answered: the hold is on the pull
        errors: list[BaseException] = []

        def sync() -> None:
            try:
                a.client.sync_once()
            except BaseException as exc:
                errors.append(exc)

        syncing = threading.Thread(target=sync)
        syncing.start()
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline, "the server never answered"
            assert syncing.is_alive(), errors
            time.sleep(0.01)
        assert marker.read_text() == "200"  # handled and committed; the answer never leaves
        holding.send_signal(signal.SIGKILL)
        holding.wait(timeout=30)
        assert holding.returncode == -signal.SIGKILL
        syncing.join(timeout=60)
        assert not syncing.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], SyncError), errors
        assert errors[0].code == "offline"
        assert server_rows(db, book_id) == expected  # the commit landed before the kill
        if path.endswith("/push"):
            assert pending(a.book) == 12  # unacknowledged: still queued

        plain = serve(db.url, port, log, None)  # back on the same database and port
        a.client.sync_once()
        b.client.sync_once()
        assert pending(a.book) == 0
        assert server_rows(db, book_id) == expected  # sent again, applied once
        for d in (a, b):
            with d.book.sessions() as s:
                local = {x.id: (x.notes, 1) for x in s.scalars(select(Account))}
            assert local == expected, d.path.name
    finally:
        for d in devices:
            d.close()
        for p in (holding, plain):
            if p is not None and p.poll() is None:
                # The holding server never lets its held request go: a polite stop would wait.
                if p is holding:
                    p.kill()
                else:
                    p.terminate()
                p.wait(timeout=30)
