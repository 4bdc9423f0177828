"""Whether Qt can run on this machine, and what to do when it cannot.

PySide6's wheels carry Qt itself but not the system libraries Qt's GUI module links against (libGL,
libEGL, xkbcommon, fontconfig, GLib, D-Bus). A fresh container with nothing but uv lacks them: the
tests of the app are then set aside with one line saying how to get them (``tests/conftest.py``),
and ``CRMDESK_REQUIRE_QT=1`` (set by CI) makes that a failure.
"""

from __future__ import annotations

import functools

HOW_TO_GET = (
    "install Qt's system libraries (Debian: apt-get install libgl1 libegl1 libxkbcommon0 "
    "libfontconfig1 libglib2.0-0 libdbus-1-3)"
)


@functools.cache
def missing() -> str | None:
    """None when Qt's GUI and widgets load here; otherwise why they do not."""
    try:
        import PySide6.QtGui
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None
