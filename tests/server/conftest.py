"""Server fixtures: each backend (SQLite file, PostgreSQL database of its own) with a real
server process on loopback, shared by the session (``live_backends``, tests/conftest.py); tests
isolate themselves with fresh users."""

from __future__ import annotations

import pytest

from tests.server.live import BACKENDS, Database, LiveBackends, LiveServer


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def db(backend: str, live_backends: LiveBackends) -> Database:
    return live_backends.db(backend)


@pytest.fixture(scope="session")
def server(backend: str, db: Database, live_backends: LiveBackends) -> LiveServer:
    return live_backends.server(backend)
