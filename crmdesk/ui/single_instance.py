"""One app per book, and a quit that never hangs.

* **One writer.** The app takes the book's lock (``crmdesk.db.lock``: an OS lock that dies with
  the process, so a crash leaves nothing stale). A second start on the same book finds it held,
  asks the first app — over a local socket named after the book — to bring its window forward,
  and leaves; it never opens the book.
* **Quitting.** When the window closes, queued work is dropped, the running query is
  interrupted (a write rolls back) and the worker gets :data:`QUIT_TIMEOUT_S` to let go; work
  that cannot be interrupted (Python code, not SQL) is left behind by ending the process, which
  SQLite's journal makes safe. Either way the process is gone within two seconds.
"""

from __future__ import annotations

import hashlib
import os
import sys
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from crmdesk.db.lock import BookLock

if TYPE_CHECKING:
    from crmdesk.db.book import Book
    from crmdesk.ui.app import App
    from crmdesk.ui.desk import Desk

# The second start did its job (the first window came forward): not an error.
EXIT_ALREADY_RUNNING = 0
QUIT_TIMEOUT_S = 1.2
_SHOW = b"show\n"


def server_name(book_path: Path) -> str:
    digest = hashlib.sha256(str(book_path.resolve()).encode()).hexdigest()[:24]
    return f"crmdesk-{digest}"


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class Instance(QObject):
    """The running app's hold on its book, and its ear for a second start."""

    activated = Signal()

    def __init__(self, book_path: Path, lock: BookLock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.books: weakref.WeakSet[Book] = weakref.WeakSet()
        self.server = QLocalServer(self)
        name = server_name(book_path)
        QLocalServer.removeServer(name)  # a socket left by a crash: we hold the lock, it is ours
        self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def attach(self, window: QWidget, session: Any = None) -> None:
        self.activated.connect(lambda: bring_forward(window))
        if session is not None:
            session.opened.connect(self._remember)

    def _remember(self, desk: Desk) -> None:
        if desk.book is not None:
            self.books.add(desk.book)

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_SHOW.strip()):
            self.activated.emit()

    def interrupt(self) -> None:
        for book in list(self.books):
            book.interrupt()

    def close_books(self) -> None:
        for book in list(self.books):
            book.close()

    def release(self) -> None:
        self.server.close()
        self.lock.release()


def ask_first_to_show(book_path: Path, timeout_ms: int = 2000) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(book_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_SHOW)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def claim(book_path: Path) -> Instance | None:
    """The book's instance for this app, or None after bringing the first app's window forward
    (a QApplication must exist)."""
    lock = BookLock(book_path, purpose="app")
    if lock.try_acquire():
        return Instance(book_path, lock)
    shown = ask_first_to_show(book_path)
    sys.stderr.write(
        f"crmdesk is already open on {book_path.name}"
        + ("; its window was brought forward.\n" if shown else ".\n")
    )
    return None


def quit_promptly(built: App, instance: Instance, code: int) -> None:
    """After the event loop: stop the worker within a bounded time, then close the book; if the
    worker will not let go, end the process (see the module docstring)."""
    desk = built.session.desk
    if desk is not None and desk.book is not None:
        instance.books.add(desk.book)
    idle = built.runner.stop(timeout=QUIT_TIMEOUT_S, interrupt=instance.interrupt)
    if not idle:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    built.session.close()
    built.runner.shutdown(wait=True)
    instance.close_books()
    instance.release()
