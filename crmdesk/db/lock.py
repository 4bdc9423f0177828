"""One app per book: an OS file lock on ``<book>.lock`` that dies with its process.

The desktop app holds it while it runs; restore and recover (which replace the book file) take
it too. It is an advisory lock of the operating system (``flock`` on POSIX, ``LockFileEx``
through ``msvcrt`` on Windows), not a marker file: a crash or kill -9 releases it at once, so a
stale lock cannot exist. The file says which process holds it, for the message.

Ordinary commands do not take it: they write through SQLite, whose own locking serialises
writers (the app and a command never write at the same instant), and the app's lists notice
their commits (``crmdesk.ui.maintenance``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

from crmdesk.db.integrity import BookBusyError


def lock_path(book_path: Path) -> Path:
    return book_path.with_name(book_path.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class BookLock:
    """The book's instance lock; :meth:`acquire` or use as a context manager."""

    def __init__(self, book_path: Path, *, purpose: str = "app") -> None:
        self.book_path = book_path
        self.path = lock_path(book_path)
        self.purpose = purpose
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def try_acquire(self) -> bool:
        if self._handle is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while locked
        if not _try_lock(handle):
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {self.purpose}\n")
        handle.flush()
        self._handle = handle
        return True

    def acquire(self, timeout: float = 0.0) -> BookLock:
        """Take the lock, waiting up to ``timeout`` seconds; else raise BookBusyError."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise BookBusyError(
                    f"the book {self.book_path.name} is open in {holder(self.book_path)}; "
                    "close it there first"
                )
            time.sleep(0.1)
        return self

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()  # closing the file releases the OS lock

    def __enter__(self) -> BookLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder(book_path: Path) -> str:
    """Who holds the lock, in words ("the crmdesk app (process 1234)")."""
    try:
        pid, _, purpose = lock_path(book_path).read_text(encoding="utf-8").strip().partition(" ")
    except OSError:
        return "another crmdesk"
    what = "the crmdesk app" if purpose == "app" else f"another crmdesk ({purpose})"
    return f"{what} (process {pid})" if pid.isdigit() else what
