"""The sync benchmark runs end to end at a tiny size (speeds are its output, not asserted)."""

from __future__ import annotations

import pytest

from crmdesk.bench import sync as bench_sync


def test_bench_sync_runs_every_section(capsys: pytest.CaptureFixture[str]) -> None:
    code = bench_sync.main(
        [
            "--records",
            "300",
            "--reps",
            "4",
            "--duration",
            "2",
            "--think",
            "0.2",
            "0.5",
            "--visible-rounds",
            "3",
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


def test_percentiles() -> None:
    assert bench_sync.pct([float(v) for v in range(1, 101)], 95) == 95.0
    assert bench_sync.pct([3.0], 50) == 3.0
