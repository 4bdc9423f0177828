"""Operations across server processes: two workers on one database (pokes and the login limit
cross them) and a server restored from a backup."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import psycopg
import pytest

from crmdesk.db.models import Account
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.migrate import upgrade
from tests import http_calls
from tests.server.live import Database, fresh_database, headers, pg_admin, start_server
from tests.sync.helpers import add_account, edit, enrolled, get, pending, snapshot


def test_two_server_processes_share_pokes_and_the_login_limit(tmp_path: Path, db: Database) -> None:
    s1 = start_server(db.url, tmp_path / "s1.log")
    s2 = start_server(db.url, tmp_path / "s2.log")
    try:
        rep = db.user()
        a = enrolled(tmp_path, "a", s1.url, rep)
        b = enrolled(tmp_path, "b", s2.url, rep)
        try:
            a.client.sync_once()
            b.client.sync_once()
            result: dict[str, object] = {}

            def wait() -> None:
                result["changed"] = b.client.wait_for_change(timeout=20)

            t = threading.Thread(target=wait)
            t.start()
            time.sleep(0.5)  # b is parked on server 2
            aid = add_account(a.book, "poke across workers")
            a.client.sync_once()  # through server 1
            t.join(25)
            # True: woken by the change (a poll that times out answers False), not a clock.
            assert result["changed"] is True
            b.client.sync_once()
            assert get(b.book, Account, aid).name == "poke across workers"
        finally:
            a.close()
            b.close()
        victim = db.user()
        # Three free tries, then each must wait (crmdesk.server.throttling): counted across both.
        for s in (s1, s2, s1):
            r = http_calls.post(
                s.url + "/api/v1/enrol",
                headers=headers(),
                json={"username": victim, "password": "wrong-guess"},
                timeout=30,
            )
            assert r.status_code == 401
        r = http_calls.post(
            s2.url + "/api/v1/enrol",
            headers=headers(),
            json={"username": victim, "password": "wrong-guess"},
            timeout=30,
        )
        assert r.status_code == 429
    finally:
        s1.stop()
        s2.stop()


def _snapshot(backend: str, url: str, tmp: Path, name: str) -> None:
    if backend == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(path) + suffix)
            if src.exists():
                shutil.copy2(src, tmp / (name + suffix))
            else:
                (tmp / (name + suffix)).unlink(missing_ok=True)
    else:
        db_name = url.rsplit("/", 1)[1]
        with psycopg.connect(pg_admin(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db_name}_{name}"')
            conn.execute(f'CREATE DATABASE "{db_name}_{name}" TEMPLATE "{db_name}"')


def _restore(backend: str, url: str, tmp: Path, name: str) -> None:
    if backend == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            src = tmp / (name + suffix)
            dst = Path(str(path) + suffix)
            if src.exists():
                shutil.copy2(src, dst)
            else:
                dst.unlink(missing_ok=True)
    else:
        db_name = url.rsplit("/", 1)[1]
        with psycopg.connect(pg_admin(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{db_name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{db_name}" TEMPLATE "{db_name}_{name}"')
            conn.execute(f'DROP DATABASE "{db_name}_{name}"')


def test_a_server_restored_from_backup_gets_back_what_it_lost(tmp_path: Path, backend: str) -> None:
    from crmdesk.server import crud
    from tests.server.live import PASSWORD

    with fresh_database(backend, tmp_path) as url:
        engine = make_engine(url, pool_size=1)
        upgrade(engine)
        with make_sessions(engine)() as s, s.begin():
            crud.create_user(s, username="rep", password=PASSWORD, role="rep")
        engine.dispose()
        server = start_server(url, tmp_path / "s.log")
        a = enrolled(tmp_path, "a", server.url, "rep")
        b = enrolled(tmp_path, "b", server.url, "rep")
        try:
            x1 = add_account(a.book, "before the backup", notes="v1")
            a.client.sync_once()
            b.client.sync_once()
            server.stop()
            _snapshot(backend, url, tmp_path, "backup")
            server = start_server(url, tmp_path / "s.log")
            a.client.close()
            b.client.close()
            for d in (a, b):
                d.client._write(server_url=server.url)
            x2 = add_account(a.book, "after the backup")
            edit(a.book, Account, x1, notes="v2 after the backup")
            a.client.sync_once()
            b.client.sync_once()
            x3 = add_account(b.book, "pending on b during the restore")
            server.stop()
            _restore(backend, url, tmp_path, "backup")  # the disk died; last night's backup
            server = start_server(url, tmp_path / "s.log")
            for d in (a, b):
                d.client.close()
                d.client._write(server_url=server.url)
            b.client.sync_once()  # b sees the server's sequence went back
            a.client.sync_once()  # a's acknowledged pushes are gone from the server
            b.client.sync_once()
            a.client.sync_once()
            for d in (a, b):
                assert pending(d.book) == 0
                assert get(d.book, Account, x1).notes == "v2 after the backup"
                assert get(d.book, Account, x2) is not None
                assert get(d.book, Account, x3) is not None
            assert snapshot(a.book) == snapshot(b.book)
            # A third device enrolled now sees everything from the server alone.
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


@pytest.fixture(autouse=True)
def _no_leftover_threads() -> None:
    yield
    assert threading.active_count() < 20
