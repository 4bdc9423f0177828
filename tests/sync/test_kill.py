"""kill -9 aimed by phase: a client process is killed inside each critical window of a sync
(see ``tests/sync/kill_worker.py`` for the windows and how they are signalled), then restarted
from its book file: nothing lost, nothing applied twice, the book equal to the server's view,
its search index whole.

The default run kills once in every window (and prints which were hit); ``-m slow`` sweeps each
window at several of its entries, and also a moment after each (the worker let run on).
"""

from __future__ import annotations

import json
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select, text

from crmdesk.db.models import Account
from crmdesk.db.record_schema import encode_value, table_specs
from crmdesk.server.models import SyncRecord, User
from tests.server.live import Database, LiveServer
from tests.sync.helpers import Device, enrolled, open_device, pending
from tests.sync.kill_worker import PHASES

ROOT = Path(__file__).resolve().parents[2]
WAIT = 120.0  # seconds for the worker to reach a window on a loaded machine
EOF = "<end of output>"


@dataclass
class Killed:
    window: str
    occurrence: int
    phases: list[str]  # every window entered before the kill, in order


def kill_in_window(
    device: Device, window: str, occurrence: int = 1, *, run_on: float | None = None
) -> Killed:
    """Run one sync of ``device`` in a child process and SIGKILL it in ``window`` (at its
    ``occurrence``-th entry; ``run_on`` seconds later when given). The device is closed first."""
    device.close()
    p = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.kill_worker"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert p.stdin is not None and p.stdout is not None and p.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    stdout = p.stdout

    def read_lines() -> None:
        for line in stdout:
            lines.put(line)
        lines.put(EOF)

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    p.stdin.write(
        json.dumps(
            {
                "path": str(device.path),
                "key": device.key.key.hex(),
                "target": window,
                "occurrence": occurrence,
            }
        )
        + "\n"
    )
    p.stdin.flush()
    seen: list[str] = []
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic())).strip()
            except queue.Empty:
                pytest.fail(f"the worker never reached {window} #{occurrence}; saw {seen}")
            if line.startswith("phase "):
                seen.append(line.split()[1])
            if line == f"hold {window} {occurrence}":
                break
            if line == "done":
                pytest.fail(f"the sync ended without entering {window} #{occurrence}; saw {seen}")
            if line == EOF:
                p.wait(timeout=30)
                pytest.fail(f"the worker exited {p.returncode} by itself: {p.stderr.read()}")
        if run_on is not None:
            p.stdin.write("go\n")
            p.stdin.flush()
            time.sleep(run_on)
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    err = p.stderr.read()
    reader.join(timeout=30)  # every line the worker wrote before it ended
    rest = []
    while not lines.empty():
        rest.append(lines.get().strip())
    finished = run_on is not None and p.returncode == 0 and "done" in rest
    # Killed by us, in the window: not exited by itself (a crash would print and exit 1). Let
    # run on, the sync may also have finished cleanly before the kill.
    assert p.returncode == -signal.SIGKILL or finished, (p.returncode, err)
    assert err == "", err
    return Killed(window, occurrence, seen)


@dataclass
class Scene:
    """A rep with two long-lived devices and the model of what the server must hold."""

    tmp: Path
    url: str
    db: Database
    rep: str
    book_id: str
    a: Device
    b: Device
    rng: random.Random
    expected: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (notes, version)
    fresh: list[Device] = field(default_factory=list)

    def work(self, trial: int) -> None:
        """New records and edits on ``a`` to push; records from ``b`` for ``a`` to pull."""
        with self.a.book.sessions() as s, s.begin():
            for i in range(50):
                acc = Account(name=f"a{trial}-{i}", notes=f"t{trial}")
                s.add(acc)
                s.flush()
                self.expected[acc.id] = (f"t{trial}", 1)
            for rid in self.rng.sample(sorted(self.expected), min(30, len(self.expected))):
                obj = s.get(Account, rid)
                if obj is not None and obj.notes != f"e{trial}":
                    obj.notes = f"e{trial}"
                    self.expected[rid] = (f"e{trial}", self.expected[rid][1] + 1)
        self.b = self.add_from(self.b, f"b{trial}", 60)
        self.b.client.sync_once()

    def add_from(self, device: Device, prefix: str, n: int) -> Device:
        with device.book.sessions() as s, s.begin():
            for i in range(n):
                acc = Account(name=f"{prefix}-{i}", notes=prefix)
                s.add(acc)
                s.flush()
                self.expected[acc.id] = (prefix, 1)
        return device

    def new_device(self, trial: int) -> Device:
        """A device on its first sync (the one that rebuilds the search index at its end)."""
        d = enrolled(self.tmp, f"n{trial}", self.url, self.rep)
        self.add_from(d, f"n{trial}", 20)
        return d

    def server_records(self) -> dict[str, SyncRecord]:
        with self.db.sessions() as s:
            return {
                r.id: r
                for r in s.scalars(
                    select(SyncRecord).where(
                        SyncRecord.book_id == self.book_id, SyncRecord.tbl == "accounts"
                    )
                )
            }

    def check(self, *devices: Device) -> None:
        recs = self.server_records()
        lost = sorted({self.expected[r][0] for r in set(self.expected) - set(recs)})
        assert not lost, f"lost on the server: edits {lost}"
        assert set(recs) == set(self.expected)  # nothing lost, nothing extra
        for rid, (notes, version) in self.expected.items():
            assert recs[rid].data["notes"] == notes, rid
            assert recs[rid].version == version, rid  # applied exactly once
        fields = table_specs()["accounts"].fields
        for d in devices:
            assert pending(d.book) == 0, d.path.name
            with d.book.engine.connect() as conn:
                local = {
                    row["id"]: {f: encode_value(row[f]) for f in fields}
                    for row in conn.execute(select(Account.__table__)).mappings()
                }
                indexed = set(
                    conn.scalars(text("SELECT record_id FROM search_rows WHERE kind = 'account'"))
                )
            assert set(local) == set(recs), d.path.name
            for rid, row in local.items():
                assert {f: row[f] for f in recs[rid].data} == recs[rid].data
            assert indexed == set(local), f"{d.path.name}: search index not whole"


def scene(tmp_path: Path, server: LiveServer, db: Database, seed: int) -> Scene:
    rep = db.user()
    with db.sessions() as s:
        user = s.scalar(select(User).where(User.username == rep))
        assert user is not None
        book_id = user.id
    a = enrolled(tmp_path, "a", server.url, rep)
    b = enrolled(tmp_path, "b", server.url, rep)
    return Scene(tmp_path, server.url, db, rep, book_id, a, b, random.Random(seed))


def run_kills(sc: Scene, plan: list[tuple[str, int, float | None]]) -> list[Killed]:
    killed: list[Killed] = []
    try:
        for trial, (window, occurrence, run_on) in enumerate(plan):
            sc.work(trial)
            victim = sc.new_device(trial) if window == "index_rebuild" else sc.a
            killed.append(kill_in_window(victim, window, occurrence, run_on=run_on))
            victim = open_device(victim.path, victim.key)  # restarted from its file
            if window == "index_rebuild":
                sc.fresh.append(victim)
            else:
                sc.a = victim
            victim.client.sync_once()
            for d in (sc.a, sc.b, *sc.fresh):  # the later ones see what the earlier pushed
                d.client.sync_once()
            try:
                sc.check(sc.a, sc.b, *sc.fresh)
            except AssertionError as exc:
                raise AssertionError(f"after a kill in {window} #{occurrence}: {exc}") from exc
    finally:
        for d in (sc.a, sc.b, *sc.fresh):
            d.close()
    return killed


def report(capsys: pytest.CaptureFixture[str], backend: str, killed: list[Killed]) -> None:
    hit = sorted(
        {(k.window, k.occurrence) for k in killed}, key=lambda w: (PHASES.index(w[0]), w[1])
    )
    with capsys.disabled():
        sys.stdout.write(
            f"\nkill windows hit ({backend}): " + ", ".join(f"{w} #{n}" for w, n in hit) + "\n"
        )


# Each window once; pages and pushes at their second entry, so one is already stored.
DEFAULT_PLAN: list[tuple[str, int, float | None]] = [
    ("outbox_read", 2, None),
    ("push_sent", 1, None),
    ("push_committed", 2, None),
    ("ack_written", 1, None),
    ("pull_answered", 2, None),
    ("page_applied", 2, None),
    ("index_rebuild", 1, None),
]


def test_killed_client_loses_and_duplicates_nothing(
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    backend: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    killed = run_kills(scene(tmp_path, server, db, seed=1), DEFAULT_PLAN)
    assert {k.window for k in killed} == set(PHASES)  # every window hit
    report(capsys, backend, killed)


@pytest.mark.slow
def test_killed_client_loses_and_duplicates_nothing_sweep(
    tmp_path: Path,
    server: LiveServer,
    db: Database,
    backend: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rng = random.Random(2)
    plan: list[tuple[str, int, float | None]] = []
    for window in PHASES:
        for occurrence in (1, 2, 3) if window != "index_rebuild" else (1,):
            plan.append((window, occurrence, None))
            plan.append((window, occurrence, rng.uniform(0.0, 0.03)))
    killed = run_kills(scene(tmp_path, server, db, seed=3), plan)
    assert {k.window for k in killed} == set(PHASES)
    report(capsys, backend, killed)
