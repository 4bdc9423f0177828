"""WORKAROUND for PySide6 6.12.0 on Python 3.11: calls returning None/bool drop a reference.

PySide6 6.12.0 treats ``None``, ``True`` and ``False`` as immortal objects, as they are from
Python 3.12 on (PEP 683): it returns them without taking a reference. Under Python 3.11 they are
ordinary objects, so every call of a void Qt method and every ``Signal.emit`` takes one reference
away, and after a few thousand calls CPython aborts with "Fatal Python error: bool_dealloc" (or
``none_dealloc``). Measured here: 100 ``emit`` calls take 100 references from ``True``; PySide6
6.11.3 takes none.

The fix is in the dependencies (PySide6-Essentials < 6.12 or Python >= 3.12). Until then this
module detects the bug with a probe and, only when it is present, gives the three singletons the
headroom immortality gives them in 3.12: 2**40 extra references, which no session exhausts. It
does nothing on a Python or PySide6 without the bug.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_applied = False


def bug_present() -> bool:
    """True when a void call and an emit each drop a reference to None/True."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal(int)

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20):
        probe.setObjectName("probe")
        probe.ping.emit(1)
    lost = (none_before - sys.getrefcount(None)) + (true_before - sys.getrefcount(True))
    # Compensate what the probe itself took.
    if lost > 0:
        _add_references(lost)
    return lost >= 20


def _add_references(count: int) -> None:
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += count


def guard_singletons() -> bool:
    """Apply the workaround if this interpreter and PySide6 need it; True if applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not bug_present():
        return False
    _add_references(_HEADROOM)
    _applied = True
    return True
