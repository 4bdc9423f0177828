"""The bundle's self-check and the bundle benchmark's measuring, on real processes.

The built bundle itself is checked by packaging/linux/smoke.sh (CI builds it); here the same
check runs from the checkout, and the benchmark's timers measure known programs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk.bench import bundle as bench_bundle

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "pyinstaller" / "crmdesk_main.py"


def _check(*names: str) -> tuple[int, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ENTRY), "--bundle-check", *names],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else {}


@pytest.mark.qt_gui  # its checks load Qt
def test_bundle_check_passes_from_the_checkout() -> None:
    code, report = _check()
    failed = {k: v for k, v in report["checks"].items() if not v["ok"]}
    assert code == 0 and report["ok"] and not failed, failed
    assert report["frozen"] is False
    assert set(report["checks"]) == {
        "sqlcipher", "book_migrations", "pinyin", "lunar", "keyring", "tls", "qt", "charts",
            "transfer",
    }  # fmt: skip


def test_bundle_check_refuses_unknown_checks() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ENTRY), "--bundle-check", "nope"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and "nope" in done.stderr


def test_without_the_flag_the_entry_is_the_crmdesk_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ENTRY), "--book", str(tmp_path / "none.crmdesk"), "contact", "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr.startswith("crmdesk: error:")


def test_tree_size_counts_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.bin").write_bytes(b"x" * 1000)
    (tmp_path / "y.bin").write_bytes(b"y" * 24)
    (tmp_path / "link").symlink_to(tmp_path / "y.bin")
    assert bench_bundle.tree_size(tmp_path) == (1024, 2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_time_to_idle_sees_when_a_program_stops_working(tmp_path: Path) -> None:
    busy_then_wait = (
        "import time\n"
        "end = time.perf_counter() + 0.6\n"
        "while time.perf_counter() < end: pass\n"
        "time.sleep(60)\n"
    )
    seconds = bench_bundle.time_to_idle(
        [sys.executable, "-c", busy_then_wait], dict(os.environ), tmp_path, quiet=0.4, timeout=30
    )
    # The floor, measured in the same run: the same interpreter starting and going idle at once.
    floor = bench_bundle.time_to_idle(
        [sys.executable, "-c", "import time; time.sleep(60)"],
        dict(os.environ),
        tmp_path,
        quiet=0.4,
        timeout=30,
    )
    assert seconds > 0.55  # it saw the busy 0.6 s
    assert seconds - floor < 0.6 + max(0.5, floor)  # and stopped at its end, not at the sleep's


def test_time_to_idle_reports_a_program_that_exits(tmp_path: Path) -> None:
    with pytest.raises(bench_bundle.BenchError, match="exited 3"):
        bench_bundle.time_to_idle(
            [sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ), tmp_path
        )


def test_missing_bundle_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_bundle.main(["--dist", str(tmp_path / "nothing")]) == 1
    assert "build it with packaging/linux/build.sh" in capsys.readouterr().out
