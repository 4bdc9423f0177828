"""The desktop app starts light: until the first rows are on screen the GUI thread imports none
of the heavy libraries; the database stack loads on the worker (and its preload thread), the
sync client, the file formats and the charts only when first used.

Each check runs in a fresh interpreter (a subprocess): a module once imported stays loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Never on the GUI thread before the first rows (nor, for most, anywhere before them).
HEAVY = (
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "pydantic",
    "httpx",
    "pypinyin",
    "vobject",
    "openpyxl",
    "icalendar",
    "phonenumbers",
    "keyring",
    "crmdesk.db.models",
    "crmdesk.sync.client",
    "PySide6.QtCharts",
)
# Not needed for the first rows at all: nothing imports them until the user asks for them.
NOT_BEFORE_ROWS = (
    "pydantic",
    "httpx",
    "vobject",
    "openpyxl",
    "icalendar",
    "phonenumbers",
    "crmdesk.sync.client",
    "PySide6.QtCharts",
    "crmdesk.db.planning",
    "crmdesk.db.team_stats",
    "crmdesk.db.spend_stats",
)

_WINDOW_MODULE = """
import json, sys
import crmdesk.ui.app, crmdesk.ui.mainwindow
heavy = json.loads(sys.argv[1])
loaded = {h for h in heavy for m in sys.modules if m == h or m.startswith(h + ".")}
print(json.dumps(sorted(loaded)))
"""

# Records which thread first imported each watched module, and when, then starts the app the way
# `crmdesk` does (crmdesk.ui.app.run, through the benchmark's start child) on a real book.
_START = """
import json, sys, threading, time
from pathlib import Path

watched = json.loads(sys.argv[3])
seen = {}


class Watch:
    def find_spec(self, name, path=None, target=None):
        for w in watched:
            if (name == w or name.startswith(w + ".")) and w not in seen:
                seen[w] = [threading.current_thread().name, time.monotonic()]
        return None


# The benchmark's in-memory keyring is made on this thread by the harness, not by the app.
import keyring.backend  # noqa: F401

sys.meta_path.insert(0, Watch())
from crmdesk.bench import ui

result = ui.child_start(Path(sys.argv[1]), Path(sys.argv[2]), sys.stdin.readline().strip())
print(json.dumps({"result": result, "seen": seen, "main": threading.main_thread().name}))
"""


def _run(script: str, *args: str, stdin: str = "") -> dict | list:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[:2000] + "\n…\n" + done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_module_imports_nothing_heavy() -> None:
    assert _run(_WINDOW_MODULE, json.dumps(HEAVY)) == []


def test_the_gui_thread_imports_nothing_heavy_before_the_first_rows(tmp_path: Path) -> None:
    from crmdesk.bench.ui import make_book

    book = tmp_path / "start.crmdesk"
    key = make_book(book, 60, 3)
    settings = tmp_path / "settings.ini"
    settings.write_text("[ui]\nlanguage=en\n[security]\nlock_after_minutes=0\n")
    watched = sorted(set(HEAVY) | set(NOT_BEFORE_ROWS))
    report = _run(_START, str(book), str(settings), json.dumps(watched), stdin=key + "\n")
    assert isinstance(report, dict)
    result, seen, main = report["result"], report["seen"], report["main"]
    assert result["rows"] == 60, result
    before_rows = {name: thread for name, (thread, at) in seen.items() if at <= result["ready"]}
    on_gui_thread = sorted(name for name, thread in before_rows.items() if thread == main)
    assert on_gui_thread == []
    # The worker did load the database stack: the first rows came from the book.
    assert "sqlalchemy" in before_rows and "sqlcipher3" in before_rows
    assert sorted(set(before_rows) & set(NOT_BEFORE_ROWS)) == []
