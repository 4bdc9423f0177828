"""Benchmark of the built desktop bundle: ``uv run python -m crmdesk.bench.bundle [--dist DIR]``.

Build the bundle first (``packaging/linux/build.sh``; DIR defaults to ``dist/linux/crmdesk``).
Reports, each measured on the bundled executable in fresh processes, in an empty environment (as
on a rep's machine: no Python, a fresh HOME, no keyring):

1. **Size** — the unpacked folder (bytes and files), the archive handed out, and the largest parts.
2. **No-op start** — ``crmdesk --help``: process start to exit, with the CLI and the database stack
   imported. The same from the checkout's Python, for comparison.
3. **A command** — ``crmdesk contact list --json`` on a small passphrase book: start, key
   derivation (PBKDF2, 256,000 rounds, by design), read, exit.
4. **Desktop start, offscreen** — ``crmdesk`` (the app) on a passphrase book with Qt's offscreen
   platform: process start until it has gone idle waiting for the passphrase (the last moment it
   used CPU before 0.5 s without any; read from ``/proc``, 10 ms resolution).
5. **Desktop start, X11** — the same under Xvfb: process start until its first window exists
   (``xwininfo``), when Xvfb is installed.

The first run of each kind is reported apart (files not yet in the page cache); then the median
and the range of ``--runs`` more. Speeds are measured here, never in timed unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # the checkout: crmdesk/bench/bundle.py
DEFAULT_DIST = ROOT / "dist" / "linux" / "crmdesk"
PASSPHRASE = "bench-passphrase-7"
IDLE_QUIET_S = 0.5
START_TIMEOUT_S = 60.0

Figures = dict[str, Any]


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


class BenchError(Exception):
    """The bundle is missing or does not run."""


# -- size ---------------------------------------------------------------------------------------


def tree_size(path: Path) -> tuple[int, int]:
    """Bytes and number of files under ``path`` (symbolic links not followed)."""
    total = files = 0
    for entry in path.rglob("*"):
        if entry.is_file() and not entry.is_symlink():
            total += entry.stat().st_size
            files += 1
    return total, files


def size_figures(dist: Path, top: int = 8) -> Figures:
    total, files = tree_size(dist)
    internal = dist / "_internal"
    parts: list[tuple[int, str]] = []
    if internal.is_dir():
        for entry in internal.iterdir():
            size = tree_size(entry)[0] if entry.is_dir() else entry.stat().st_size
            parts.append((size, entry.name))
    archives = sorted(dist.parent.glob("crmdesk-*.tar.gz"))
    return {
        "unpacked_bytes": total,
        "unpacked_mb": round(total / 1e6, 1),
        "files": files,
        "archive": archives[-1].name if archives else None,
        "archive_mb": round(archives[-1].stat().st_size / 1e6, 1) if archives else None,
        "largest": {name: round(size / 1e6, 1) for size, name in sorted(parts, reverse=True)[:top]},
    }


# -- timing -------------------------------------------------------------------------------------


def bundle_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing of the build in it."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(home),
        "CRMDESK_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return env


def timed_run(command: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from start to exit of ``command``; it must exit 0."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, timeout=START_TIMEOUT_S)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchError(
            f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-1000:]}"
        )
    return elapsed


def cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process so far, in clock ticks (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def time_to_idle(
    command: Sequence[str],
    env: dict[str, str],
    cwd: Path,
    *,
    quiet: float = IDLE_QUIET_S,
    timeout: float = START_TIMEOUT_S,
) -> float:
    """Seconds from start until ``command`` last used CPU before ``quiet`` seconds of none.

    The process must still be running then (a program that waits for its user); it is ended.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        last_ticks = -1
        last_busy = start
        while True:
            now = time.perf_counter()
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise BenchError(f"{command[0]} exited {proc.returncode} while starting: {err}")
            ticks = cpu_ticks(proc.pid)
            if ticks != last_ticks:
                last_ticks, last_busy = ticks, now
            elif now - last_busy >= quiet:
                return last_busy - start
            if now - start > timeout:
                raise BenchError(f"{command[0]} was still busy after {timeout} s")
            time.sleep(0.01)
    finally:
        proc.kill()
        proc.wait()


def time_to_window(
    command: Sequence[str], env: dict[str, str], cwd: Path, *, name: str, display: str
) -> float:
    """Seconds from start until a window whose name contains ``name`` exists on ``display``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        env=env | {"DISPLAY": display},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while time.perf_counter() - start < START_TIMEOUT_S:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise BenchError(f"{command[0]} exited {proc.returncode} while starting: {err}")
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"],
                env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
                capture_output=True,
                text=True,
            ).stdout
            if any(f'"{name}' in line for line in tree.splitlines()):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise BenchError(f"no {name!r} window within {START_TIMEOUT_S} s")
    finally:
        proc.kill()
        proc.wait()


def series(measure: Callable[[], float], runs: int) -> Figures:
    first = measure()
    rest = [measure() for _ in range(runs)]
    return {
        "first_s": round(first, 3),
        "median_s": round(statistics.median(rest), 3),
        "min_s": round(min(rest), 3),
        "max_s": round(max(rest), 3),
        "runs": runs,
    }


class Xvfb:
    """A virtual X server on a free display, for as long as the ``with`` block."""

    def __init__(self) -> None:
        self.display = ""
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Xvfb:
        read_fd, write_fd = os.pipe()
        # -displayfd: Xvfb picks a free display and writes its number when ready.
        self._proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as ready:
            number = ready.readline().strip()
        if not number:
            raise BenchError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)


# -- the benchmark ------------------------------------------------------------------------------


def run(dist: Path, runs: int, say: Callable[[str], None]) -> Figures:
    binary = dist / "crmdesk"
    if not binary.is_file():
        raise BenchError(f"no bundle at {dist}: build it with packaging/linux/build.sh")
    figures: Figures = {"dist": str(dist), "size": size_figures(dist)}
    size = figures["size"]
    say(
        f"size: {size['unpacked_mb']} MB unpacked in {size['files']} files; "
        f"archive {size['archive']}: {size['archive_mb']} MB"
    )
    say("  largest: " + ", ".join(f"{k} {v} MB" for k, v in size["largest"].items()))
    if not sys.platform.startswith("linux"):
        say("start-up timings are measured on Linux only")
        return figures
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-bundle-") as tmp:
        home = Path(tmp)
        env = bundle_env(home)
        book = home / "bench.crmdesk"
        timed_run([str(binary), "--book", str(book), "init", "--passphrase"], env, home)
        timed_run([str(binary), "--book", str(book), "contact", "add", "--name", "张三"], env, home)

        help_ = series(lambda: timed_run([str(binary), "--help"], env, home), runs)
        figures["noop_help"] = help_
        say(f"crmdesk --help (bundle): median {help_['median_s']} s, first {help_['first_s']} s")
        python = ROOT / ".venv" / "bin" / "python"
        if python.exists():
            checkout = series(
                lambda: timed_run([str(python), "-m", "crmdesk", "--help"], env, ROOT), runs
            )
            figures["noop_help_checkout"] = checkout
            say(f"crmdesk --help (checkout, .venv python): median {checkout['median_s']} s")

        listing = series(
            lambda: timed_run(
                [str(binary), "--book", str(book), "contact", "list", "--json"], env, home
            ),
            runs,
        )
        figures["contact_list"] = listing
        say(f"crmdesk contact list --json (passphrase book): median {listing['median_s']} s")

        app = [str(binary), "--book", str(book)]
        idle = series(lambda: time_to_idle(app, env, home), runs)
        figures["app_offscreen_idle"] = idle
        say(f"desktop app, offscreen, start to idle: median {idle['median_s']} s")

        if shutil.which("Xvfb") and shutil.which("xwininfo"):
            x11_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
            with Xvfb() as xvfb:
                window = series(
                    lambda: time_to_window(
                        app, x11_env, home, name="crmdesk", display=xvfb.display
                    ),
                    runs,
                )
            figures["app_x11_first_window"] = window
            say(f"desktop app, X11 (Xvfb), start to first window: median {window['median_s']} s")
        else:
            figures["app_x11_first_window"] = None
            say(
                "desktop app on X11: skipped (needs Xvfb and xwininfo: "
                "apt-get install xvfb x11-utils)"
            )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m crmdesk.bench.bundle", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="the bundle's folder")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each kind (after one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    if args.runs < 1:
        _out("--runs must be at least 1")
        return 2
    try:
        figures = run(args.dist.resolve(), args.runs, (lambda _line: None) if args.json else _out)
    except BenchError as exc:
        _out(f"bench_bundle: {exc}")
        return 1
    figures["machine"] = {"cpus": os.cpu_count(), "load_after": round(os.getloadavg()[0], 2)}
    if args.json:
        _out(json.dumps(figures, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
