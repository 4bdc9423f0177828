"""Real servers for tests: a fresh database (SQLite file or a PostgreSQL database of its own),
``crmdesk-server`` started as a subprocess on a loopback port, and admin helpers on the same
database. Nothing here is mocked."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.server import crud, security
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.migrate import upgrade
from crmdesk.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests import http_calls, postgres

BACKENDS = ("sqlite", "postgresql")
PASSWORD = "correct horse battery"

# Test users get real argon2id hashes with a small cost (a hash carries its parameters, so the
# server verifies them at that cost too); production keeps the library's defaults.
security.configure(time_cost=1, memory_kib=8192, parallelism=1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def fresh_database(backend: str, tmp: Path) -> Iterator[str]:
    """A URL of an empty database that is removed afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'server.db'}"
        return
    pg = postgres.cluster()  # the test run's own server; skips (or fails in CI) without one
    name = "crmdesk_t_" + secrets.token_hex(6)
    with psycopg.connect(pg.admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg.url(name)
    finally:
        with psycopg.connect(pg.admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    counter: list[int] = field(default_factory=lambda: [0])

    def unique(self, prefix: str) -> str:
        self.counter[0] += 1
        return f"{prefix}{self.counter[0]}_{secrets.token_hex(3)}"

    def team(self) -> str:
        name = self.unique("team")
        with self.sessions() as s, s.begin():
            crud.create_team(s, name=name)
        return name

    def user(self, role: str = "rep", team: str | None = None) -> str:
        name = self.unique(role)
        with self.sessions() as s, s.begin():
            crud.create_user(s, username=name, password=PASSWORD, role=role, team=team)
        return name


@contextmanager
def database(backend: str, tmp: Path) -> Iterator[Database]:
    with fresh_database(backend, tmp) as url:
        engine = make_engine(url, pool_size=2)
        upgrade(engine)
        try:
            yield Database(url, engine, make_sessions(engine))
        finally:
            engine.dispose()


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    db_url: str,
    log: Path,
    *,
    workers: int = 1,
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> LiveServer:
    port = free_port()
    scheme = "https" if "--ssl-certfile" in extra else "http"
    out = log.open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crmdesk.server.cli",
            "--database-url",
            db_url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            *extra,
        ],
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    server = LiveServer(f"{scheme}://127.0.0.1:{port}", process, log)
    # Generous: a first start on a fresh machine compiles every module it imports, and a busy
    # machine took over 30 s for that; a server that is up answers at once.
    deadline = time.monotonic() + 90
    verify: bool | str = True
    if scheme == "https":
        verify = False  # only to learn that it is up; tests check certificates themselves
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            r = http_calls.get(server.url + "/api/v1/health", timeout=1, verify=verify)
            if r.status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"server did not start in 90 s: {log.read_text(errors='replace')[-2000:]}")


def headers(token: str | None = None) -> dict[str, str]:
    h = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    if token:
        h["Authorization"] = f"Bearer {token}"
    return h


def enrol(url: str, username: str, password: str = PASSWORD) -> dict[str, str]:
    r = http_calls.post(
        url + "/api/v1/enrol",
        json={"username": username, "password": password, "device_name": "test"},
        headers=headers(),
        timeout=30,
    )
    r.raise_for_status()
    body: dict[str, str] = r.json()
    return body


def pg_admin() -> str:
    """The libpq DSN of the test run's own PostgreSQL (started on first use)."""
    return postgres.cluster().admin_dsn


class LiveBackends:
    """Each backend's database and server, made on first use and kept for the whole session.

    pytest ends a parametrised session fixture whenever the next test wants another parameter,
    and the files' tests alternate between the backends: held by ``backend`` itself, the servers
    were started 55 times in a run instead of once each (1.5 s of CPU a start).
    """

    def __init__(self, stack: ExitStack, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._stack = stack
        self._tmp = tmp_path_factory
        self._dbs: dict[str, Database] = {}
        self._servers: dict[str, LiveServer] = {}

    def db(self, backend: str) -> Database:
        if backend not in self._dbs:
            made = database(backend, self._tmp.mktemp(backend))
            self._dbs[backend] = self._stack.enter_context(made)
        return self._dbs[backend]

    def server(self, backend: str) -> LiveServer:
        if backend not in self._servers:
            s = start_server(self.db(backend).url, self._tmp.mktemp("log") / "server.log")
            self._stack.callback(s.stop)  # before its database goes (the stack unwinds)
            self._servers[backend] = s
        return self._servers[backend]
