"""What the screenshot scripts share: wait for the app without blocking its event loop, and save
a widget's grab as a compact PNG.

Imported by ``scripts/screenshots.py``, ``team_screenshots.py`` and ``campaign_screenshots.py``
(their folder is on ``sys.path`` when they run), after they have made the ``QApplication``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parent.parent

# Qt's PNG "quality" is its zlib effort: 0 packs hardest. Screenshots are mostly flat colour,
# so the files shrink a good deal for a little time.
PNG_QUALITY = 0


def settle(ms: int = 300) -> None:
    """Let the event loop run for ``ms`` (layouts, paints, queued results land)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], object], timeout_ms: int = 10_000, step_ms: int = 50) -> bool:
    """Run the event loop until ``condition()`` holds or ``timeout_ms`` passed; whether it held."""
    waited = 0
    while not condition():
        if waited >= timeout_ms:
            return False
        settle(step_ms)
        waited += step_ms
    return True


def save(widget: QWidget, path: Path) -> Path:
    """Grab ``widget`` as it is on screen into the PNG at ``path`` and say so on stdout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG", PNG_QUALITY):
        raise OSError(f"could not write {path}")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    sys.stdout.write(f"wrote {shown}\n")
    return path
