"""Closing the window ends the process within two seconds whatever is running, and a second
app on the same book brings the first window forward instead of opening the book."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("exit_child.py")


def _start(book: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(book), mode],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("mode", ["sql", "python"])
def test_the_process_is_gone_within_two_seconds_of_closing(tmp_path: Path, mode: str) -> None:
    proc = _start(tmp_path / "book.crmdesk", mode)
    try:
        assert proc.stdout is not None
        closing_at = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("closing"):
                closing_at = float(line.split()[1])
                break
        assert closing_at is not None, proc.stderr.read() if proc.stderr else ""
        proc.wait(timeout=10)
        gone_after = time.time() - closing_at
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert gone_after < 2.0, f"the process lived {gone_after:.2f} s after the window closed"
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")


def test_a_second_app_brings_the_first_forward_and_leaves(tmp_path: Path) -> None:
    book = tmp_path / "book.crmdesk"
    first = _start(book, "idle")
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "opened"
        second = _start(book, "idle")
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0
        assert "opened" not in out  # it never opened the book
        assert "already open on book.crmdesk; its window was brought forward" in err
        assert first.stdout.readline().strip() == "brought forward"
    finally:
        first.kill()
        first.wait()
