"""The command-line benchmark runs its whole processes at a tiny size (no speeds asserted)."""

from __future__ import annotations

import json

import pytest

from crmdesk.bench import BenchContext
from crmdesk.bench.cli import run_cli_bench


def test_cli_section_times_every_command_against_the_floor(tmp_path):
    ctx = BenchContext(contacts=60, queries=1, seed=3, workdir=tmp_path, book=None, quiet=True)
    figures = run_cli_bench(ctx, runs=1, warmup=0)  # a failing command raises
    seconds = figures["seconds"]
    assert set(seconds) == {"floor", "version", "help", "help_command", "search",
                            "search_passphrase", "contact_list_json", "export_ics"}  # fmt: skip
    assert all(s > 0 for s in seconds.values())
    assert figures["ratio_to_floor"]["floor"] == 1.0
    assert figures["dates"] > 0 and figures["contacts_listed"] == 10
    assert len(figures["rows"]) == 11
    assert set(figures["cpu_seconds"]) == set(seconds)
    assert figures["cpu_seconds"]["export_ics"] > 0
    assert (tmp_path / "cli" / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    json.dumps(figures)


@pytest.mark.slow
def test_app_section_runs_its_children(tmp_path):
    from crmdesk.bench.app import run_app_section

    ctx = BenchContext(contacts=400, queries=1, seed=3, workdir=tmp_path, book=None, quiet=True)
    figures = run_app_section(ctx, runs=1)
    assert figures["typing"]["rows"] == 400
    assert figures["start_median_s"] > figures["floor_s"] > 0
    assert len(figures["rows"]) == 7
    assert figures["start_cpu_s"] > figures["floor_cpu_s"] > 0


def test_the_benchmark_keyring_stays_out_of_the_parent_process():
    import subprocess
    import sys

    # In a child: importing envkeyring here would register its back end in the test run itself.
    probe = (
        "import sys, crmdesk.bench.cli as c; loaded = 'crmdesk.bench.envkeyring' in sys.modules; "
        "import crmdesk.bench.envkeyring as e; "
        "print(loaded, (c.KEY_ENV, c.BACKEND) == (e.KEY_ENV, e.BACKEND))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True"]
