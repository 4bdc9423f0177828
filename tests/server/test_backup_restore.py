"""The operator guide's backup and restore, rehearsed with its own commands (docs/operator-guide.md,
section 5), and a damaged enrolled book rebuilt from the server with its unsynced edits.

Back up while the server runs, change things from two devices, restore the old backup, and the
devices' restore detection brings the server back to the newest state with nothing lost.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from crmdesk.db.integrity import Reader, full_check
from crmdesk.db.models import Account, Contact
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.migrate import upgrade
from tests import http_calls, postgres
from tests.server.live import PASSWORD, LiveServer, free_port, fresh_database, start_server
from tests.sync.helpers import (
    NO_KEYRING,
    add_account,
    add_contact,
    edit,
    enrolled,
    get,
    open_device,
    pending,
    snapshot,
)


def _run(*argv: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{argv[0]} failed: {done.stderr}"


def _back_up(backend: str, url: str, dest: Path) -> None:
    """Section 5, "Back up" — while the server runs."""
    if backend == "postgresql":
        name = url.rsplit("/", 1)[1]
        pg = postgres.cluster()
        _run(pg.tool("pg_dump"), *pg.client_args, "--format=custom", f"--dbname={name}",
             f"--file={dest}")  # fmt: skip
    else:
        if shutil.which("sqlite3") is None:
            pytest.skip("the guide's SQLite backup uses the sqlite3 shell: apt-get install sqlite3")
        _run("sqlite3", url.removeprefix("sqlite:///"), f".backup '{dest}'")


def _restore(backend: str, url: str, backup: Path) -> None:
    """Section 5, "Restore" — the servers are stopped."""
    if backend == "postgresql":
        name = url.rsplit("/", 1)[1]
        pg = postgres.cluster()
        _run(pg.tool("dropdb"), *pg.client_args, "--force", name)
        _run(pg.tool("createdb"), *pg.client_args, "--encoding", "UTF8", name)
        _run(pg.tool("pg_restore"), *pg.client_args, "--no-owner", f"--dbname={name}",
             str(backup))  # fmt: skip
    else:
        db = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(db) + suffix)
            if part.exists():
                part.rename(Path(str(db) + suffix + ".broken"))
        shutil.copyfile(backup, db)
    _run(sys.executable, "-m", "crmdesk.server.cli", "--database-url", url, "migrate")


def _serve(url: str, log: Path, port: int) -> LiveServer:
    """The server on a fixed port: after the restore the devices find it where it was."""
    process = subprocess.Popen(
        [sys.executable, "-m", "crmdesk.server.cli", "--database-url", url, "serve",
         "--port", str(port)],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            if http_calls.get(server.url + "/api/v1/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop()
    raise AssertionError("the server did not start")


def _server_with_user(url: str) -> None:
    from crmdesk.server import crud

    engine = make_engine(url, pool_size=1)
    upgrade(engine)
    with make_sessions(engine)() as s, s.begin():
        crud.create_user(s, username="rep", password=PASSWORD, role="rep")
    engine.dispose()


def test_the_guides_backup_and_restore_lose_nothing(tmp_path: Path, backend: str) -> None:
    with fresh_database(backend, tmp_path) as url:
        _server_with_user(url)
        port = free_port()  # the same address after the restore
        server = _serve(url, tmp_path / "s.log", port)
        a = enrolled(tmp_path, "a", server.url, "rep")
        b = enrolled(tmp_path, "b", server.url, "rep")
        try:
            x1 = add_account(a.book, "before the backup", notes="v1")
            a.client.sync_once()
            b.client.sync_once()
            backup = tmp_path / ("crmdesk.dump" if backend == "postgresql" else "server-backup.db")
            _back_up(backend, url, backup)
            # Work goes on from both devices after the backup.
            x2 = add_account(a.book, "after the backup, from a")
            edit(a.book, Account, x1, notes="v2 after the backup")
            y1 = add_account(b.book, "after the backup, from b")
            c1 = add_contact(b.book, y1, "李四")
            for d in (a, b, a, b):
                d.client.sync_once()
            x3 = add_account(b.book, "pending on b during the restore")
            server.stop()
            _restore(backend, url, backup)  # the disk died; last night's backup
            server = _serve(url, tmp_path / "s.log", port)
            for d in (b, a, b, a):
                d.client.sync_once()
            for d in (a, b):
                assert pending(d.book) == 0
                assert get(d.book, Account, x1).notes == "v2 after the backup"
                for rid in (x2, y1, x3):
                    assert get(d.book, Account, rid) is not None
                assert get(d.book, Contact, c1).name == "李四"
            assert snapshot(a.book) == snapshot(b.book)
            # The server itself holds it all again: a new device sees the same from it alone.
            c = enrolled(tmp_path, "c", server.url, "rep")
            try:
                c.client.sync_once()
                assert snapshot(c.book) == snapshot(a.book)
            finally:
                c.close()
        finally:
            a.close()
            b.close()
            server.stop()


def _damaged_contacts_page(path: Path, key: object, scratch: Path) -> int:
    """A page of ``path`` whose damage hits contact records only (found by trying)."""
    total = path.stat().st_size // 4096
    for page in range(total, 2, -1):
        probe = scratch / f"probe-{page}"
        shutil.copyfile(path, probe)
        with open(probe, "r+b") as f:
            f.seek((page - 1) * 4096 + 2048)
            byte = f.read(1)
            f.seek((page - 1) * 4096 + 2048)
            f.write(bytes([byte[0] ^ 0xFF]))
        reader = Reader(probe, key)  # type: ignore[arg-type]
        try:
            report = full_check(reader)
        finally:
            reader.close()
        probe.unlink()
        if report.damaged_tables == ["contacts"]:
            return page
    raise AssertionError("no page of the contacts table found")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_damaged_enrolled_book_is_rebuilt_from_the_server_with_its_unsynced_edits(
    tmp_path: Path, backend: str
) -> None:
    from crmdesk.db.recover import recover_book
    from crmdesk.sync.client import SyncClient

    with fresh_database(backend, tmp_path) as url:
        _server_with_user(url)
        server = start_server(url, tmp_path / "s.log")
        a = enrolled(tmp_path, "a", server.url, "rep")
        try:
            acc = add_account(a.book, "华东重工集团")
            people = [add_contact(a.book, acc, f"联系人{i}", notes="笔记 " * 40) for i in range(60)]
            a.client.sync_once()
            # Unsynced work at the moment the disk fails.
            edit(a.book, Account, acc, notes="unsynced note")
            fresh = add_account(a.book, "never synced")
            assert pending(a.book) == 2
        finally:
            a.close()
        scratch = tmp_path / "scratch"
        scratch.mkdir()
        page = _damaged_contacts_page(a.path, a.key, scratch)
        with open(a.path, "r+b") as f:
            f.seek((page - 1) * 4096 + 2048)
            byte = f.read(1)
            f.seek((page - 1) * 4096 + 2048)
            f.write(bytes([byte[0] ^ 0xFF]))

        def pull(book: object) -> object:
            client = SyncClient(book, keystore=NO_KEYRING)  # type: ignore[arg-type]
            try:
                return client.pull()
            finally:
                client.close()

        from crmdesk.db.book import BookInfo

        info = BookInfo(book_id="test-a", key_source="passphrase")
        report = recover_book(a.path, info, a.key, pull=pull)
        assert report.source.startswith("the company server")
        assert report.pending_carried == 2
        assert report.damaged_kept is not None and report.damaged_kept.exists()
        again = open_device(a.path, a.key)
        try:
            # Every contact is back (the server had them all), and the unsynced edits too.
            for cid in people:
                assert get(again.book, Contact, cid) is not None
            assert get(again.book, Account, acc).notes == "unsynced note"
            assert get(again.book, Account, fresh).name == "never synced"
            again.client.sync_once()
            assert pending(again.book) == 0
        finally:
            again.close()
        other = enrolled(tmp_path, "b", server.url, "rep")
        try:
            other.client.sync_once()
            assert get(other.book, Account, acc).notes == "unsynced note"
            assert get(other.book, Account, fresh) is not None
        finally:
            other.close()
            server.stop()
