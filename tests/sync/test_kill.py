"""kill -9: a client process killed at random points of push and pull, then restarted from its
book file: nothing lost, nothing applied twice, the book equal to the server's view."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from crmdesk.db.models import Account
from crmdesk.db.record_schema import encode_value, table_specs
from crmdesk.server.models import SyncRecord, User
from tests.server.live import Database, LiveServer
from tests.sync.helpers import Device, enrolled, open_device, pending

ROOT = Path(__file__).resolve().parents[2]


def _spawn(device: Device) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.kill_worker"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write(f"{device.path} {device.key.key.hex()}\n")
    p.stdin.flush()
    assert p.stdout.readline().strip() == "ready"
    return p


def _trials(tmp_path: Path, server: LiveServer, db: Database, trials: int, seed: int) -> None:
    rng = random.Random(seed)
    rep = db.user()
    a = enrolled(tmp_path, "a", server.url, rep)
    b = enrolled(tmp_path, "b", server.url, rep)
    expected: dict[str, tuple[str, int]] = {}  # account id -> (notes, version)
    with db.sessions() as s:
        user = s.scalar(select(User).where(User.username == rep))
        assert user is not None
        book_id = user.id
    try:
        for trial in range(trials):
            # Work for the victim to push (new records and edits) and to pull (b's records).
            with a.book.sessions() as s, s.begin():
                for i in range(60):
                    acc = Account(name=f"a{trial}-{i}", notes=f"t{trial}")
                    s.add(acc)
                    s.flush()
                    expected[acc.id] = (f"t{trial}", 1)
                for rid in rng.sample(sorted(expected), min(30, len(expected))):
                    obj = s.get(Account, rid)
                    if obj is not None and obj.notes != f"e{trial}":
                        obj.notes = f"e{trial}"
                        expected[rid] = (f"e{trial}", expected[rid][1] + 1)
            with b.book.sessions() as s, s.begin():
                for i in range(60):
                    acc = Account(name=f"b{trial}-{i}", notes=f"b{trial}")
                    s.add(acc)
                    s.flush()
                    expected[acc.id] = (f"b{trial}", 1)
            b.client.sync_once()
            a.close()
            victim = _spawn(a)
            time.sleep(rng.uniform(0.0, 1.2))
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()
            a = open_device(a.path, a.key)  # restarted from its file
            a.client.sync_once()
            b.client.sync_once()
            assert pending(a.book) == pending(b.book) == 0
        with db.sessions() as s:
            recs = {
                r.id: r
                for r in s.scalars(
                    select(SyncRecord).where(
                        SyncRecord.book_id == book_id, SyncRecord.tbl == "accounts"
                    )
                )
            }
        assert set(recs) == set(expected)  # nothing lost, nothing extra
        for rid, (notes, version) in expected.items():
            assert recs[rid].data["notes"] == notes, rid
            assert recs[rid].version == version, rid  # applied exactly once
        fields = table_specs()["accounts"].fields
        for d in (a, b):
            with d.book.engine.connect() as conn:
                local = {
                    row["id"]: {f: encode_value(row[f]) for f in fields}
                    for row in conn.execute(select(Account.__table__)).mappings()
                }
            assert set(local) == set(recs)
            for rid, row in local.items():
                assert {f: row[f] for f in recs[rid].data} == recs[rid].data
    finally:
        a.close()
        b.close()


def test_killed_client_loses_and_duplicates_nothing(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    _trials(tmp_path, server, db, trials=4, seed=1)


@pytest.mark.slow
def test_killed_client_loses_and_duplicates_nothing_many_times(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    _trials(tmp_path, server, db, trials=24, seed=2)
