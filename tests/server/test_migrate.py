"""The server database's migrations: several workers starting at once on a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from crmdesk.server.models import Book, ServerMeta
from crmdesk.sync.protocol import COMPANY_BOOK
from tests.server.live import fresh_database


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_workers_starting_together_migrate_once(backend: str, tmp_path: Path) -> None:
    with fresh_database(backend, tmp_path) as url:
        env = {**os.environ, "CRMDESK_SERVER_DATABASE_URL": url}
        # Separate processes, as workers and hosts are; started together on an empty database.
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "crmdesk.server.cli", "migrate"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
        for p in procs:
            for stream in (p.stdout, p.stderr):
                if stream:
                    stream.close()
        assert [code for code, _ in results] == [0, 0, 0], [err for _, err in results]
        engine = create_engine(url)
        try:
            with Session(engine) as s:
                epochs = s.scalar(
                    select(func.count()).select_from(ServerMeta).where(ServerMeta.key == "epoch")
                )
                assert epochs == 1
                assert s.get(Book, COMPANY_BOOK) is not None
        finally:
            engine.dispose()
