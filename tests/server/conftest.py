"""Server fixtures: each backend (SQLite file, PostgreSQL database of its own) with a real
server process on loopback, shared by the session; tests isolate themselves with fresh users."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.live import BACKENDS, Database, LiveServer, database, start_server


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    with database(backend, tmp_path_factory.mktemp(backend)) as d:
        yield d


@pytest.fixture(scope="session")
def server(db: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    s = start_server(db.url, tmp_path_factory.mktemp("log") / "server.log")
    try:
        yield s
    finally:
        s.stop()
