"""The sync benchmark runs end to end at a tiny size (speeds are its output, not asserted)."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from crmdesk.bench import sync as bench_sync

ROOT = Path(__file__).resolve().parents[2]


def test_bench_sync_runs_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    code = bench_sync.main(
        [
            "--records",
            "300",
            "--reps",
            "4",
            "--duration",
            "1",
            "--think",
            "0.1",
            "0.3",
            "--visible-rounds",
            "2",
            "--workers",
            "1",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    for section in (
        "1. first sync of 300 records",
        "2. idle sync",
        "3. change visible",
        "4. 4 reps",
    ):
        assert section in out
    assert "0 syncs failed" in out
    # The one table: each row with its budget, CPU beside the wall-clock figures.
    table = out[out.index("what ") :]
    for row, budget in (
        ("sync: first sync, whole (s)", "5"),
        ("sync: idle sync p95 (ms)", "50.0"),
        ("sync: change visible elsewhere, max (ms)", "1,000"),
        ("sync: many reps at once, request p95 (ms)", "250"),
    ):
        line = next(x for x in table.splitlines() if x.startswith(row))
        assert budget in line.split()[-2:], line
    assert "sync: first sync, client CPU (s)" in table
    assert "sync: many reps, server CPU a request (ms)" in table


def test_bench_sync_ab_alternates_old_and_new(capsys: pytest.CaptureFixture[str]) -> None:
    """``--ab REV`` runs REV's server from a git worktree and this one, alternately, and
    reports the ratio of each pair; the worktree is removed afterwards."""
    before = subprocess.run(
        ["git", "worktree", "list"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    tiny = ["--rounds", "2", "--reps", "2", "--duration", "0.5", "--think", "0.1", "0.2"]
    tiny += ["--workers", "1"]
    code = bench_sync.main(["--ab", "HEAD", *tiny])
    assert code == 0
    out = capsys.readouterr().out
    sides = [line.split(",")[1].split()[0] for line in out.splitlines() if line.startswith("round")]
    assert sides == ["old", "new", "new", "old"]
    assert out.count("  pair ") == 2
    assert "A/B: p95 new/old per pair" in out and "median" in out
    assert "sync: A/B p95 new/old, median of pairs" in out
    after = subprocess.run(
        ["git", "worktree", "list"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert after == before


def test_percentiles() -> None:
    assert bench_sync.pct([float(v) for v in range(1, 101)], 95) == 95.0
    assert bench_sync.pct([3.0], 50) == 3.0


def test_the_sync_section_says_it_did_not_run_without_postgresql(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crmdesk import bench
    from crmdesk.bench import sync as bench_sync

    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(bench_sync, "PG_ADMIN", f"postgresql://postgres@127.0.0.1:{port}/test")
    assert bench.main(["--only", "sync", "--contacts", "10"]) == 0
    out = capsys.readouterr().out
    assert "sync: needs PostgreSQL at 127.0.0.1:5432" in out and "not run" in out
