"""The book's lock state: first run, unlock (keyring or passphrase), idle lock and Ctrl+L.

Everything that touches the book file or derives a key runs on the worker: reading the sidecar,
opening the book (a passphrase costs a key derivation), creating it. On start-up a keyring book is
opened silently; a passphrase book asks. Locking closes the database behind the tasks already
queued and drops the desk, and with it the only reference to the key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from crmdesk.ui.desk import Desk
from crmdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.keys import KeyringStore

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def probe_book(path: Path) -> BookInfo | None:
    """The book's sidecar, or None when there is no book yet (worker)."""
    from crmdesk.db.book import BookInfo, book_exists

    if not book_exists(path):
        return None
    return BookInfo.load(path)


def open_with(path: Path, passphrase: str | None, keystore: KeyringStore | None) -> Book:
    """Open the book with the keyring (``passphrase`` None) or a passphrase, and check its lease
    (worker). A lapsed lease the server cannot renew leaves the book closed
    (``LeaseLapsedError``); a revoked device's book is wiped (``SyncError`` device_revoked)."""
    from crmdesk.db.book import open_book
    from crmdesk.sync.lease import check_lease

    def client(opened: Book) -> Any:
        # Only for a lapsed lease: the sync client (httpx, pydantic) stays out of a plain open.
        from crmdesk.sync.client import SyncClient

        return SyncClient(opened, keystore=keystore)

    book = open_book(
        path,
        keystore=keystore,
        passphrase=(lambda _purpose: passphrase) if passphrase is not None else None,
    )
    try:
        check_lease(book, client)
    except BaseException:
        book.close()
        raise
    return book


class BookSession(QObject):
    """Opens, locks and re-opens one book; the main window follows its signals."""

    # No book at the path yet: welcome the user.
    first_run = Signal()
    # The book is locked with a passphrase: ask for it.
    needs_passphrase = Signal()
    # A keyring book is locked (after Ctrl+L or idle): offer to unlock.
    needs_unlock = Signal()
    opened = Signal(object)  # Desk
    locked = Signal()
    failed = Signal(object)  # the error, while opening or unlocking

    def __init__(
        self,
        path: Path,
        runner: TaskRunner,
        *,
        keystore: KeyringStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.runner = runner
        self.keystore = keystore
        self.desk: Desk | None = None
        self.key_source: str | None = None
        self.busy = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._watching = False

    # -- start and unlock -----------------------------------------------------------------------

    def start(self) -> None:
        self.runner.op(probe_book, self.path).success(self._on_probe).failure(
            self.failed.emit
        ).run()

    def _on_probe(self, info: BookInfo | None) -> None:
        if info is None:
            self.first_run.emit()
            return
        self.key_source = info.key_source
        if info.key_source == "keyring":
            self.unlock(None)
        else:
            self.needs_passphrase.emit()

    def unlock(self, passphrase: str | None) -> None:
        if self.busy or self.desk is not None:
            return
        self.busy = True
        (
            self.runner.op(open_with, self.path, passphrase, self.keystore)
            .success(self.adopt)
            .failure(self._on_failed)
            .run()
        )

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        self.failed.emit(error)

    def adopt(self, book: Book) -> None:
        """Take an opened (or just created) book: the session is now unlocked."""
        self.busy = False
        self.key_source = book.info.key_source
        self.desk = Desk(book, self.runner, self)
        self.opened.emit(self.desk)
        self._restart_idle()

    # -- locking --------------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database and drop the key; the window shows the lock screen."""
        self._stop_idle()
        desk, self.desk = self.desk, None
        if desk is None:
            return
        desk.close()
        self.locked.emit()
        if self.key_source == "keyring":
            self.needs_unlock.emit()
        else:
            self.needs_passphrase.emit()
        desk.deleteLater()

    def forget(self) -> None:
        """The book was wiped (remote wipe): drop it, clear the window, and start over — with
        no book there, that is the first-run welcome."""
        self._stop_idle()
        desk, self.desk = self.desk, None
        self.busy = False
        self.key_source = None
        if desk is not None:
            desk.close()
            self.locked.emit()
            desk.deleteLater()

    @property
    def is_locked(self) -> bool:
        return self.desk is None

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.setInterval(max(minutes, 0) * 60_000)
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self.desk is not None and self._idle.interval() > 0:
            self._idle.start()
            self._watch_input(True)
        else:
            self._stop_idle()

    def _stop_idle(self) -> None:
        self._idle.stop()
        self._watch_input(False)

    def _watch_input(self, on: bool) -> None:
        """Every event of the app passes through :meth:`eventFilter` while it is installed:
        only while the idle lock counts (a locked app's start and its window's making send
        thousands, each a call into Python)."""
        app = QCoreApplication.instance()
        if app is None or on == self._watching:
            return
        self._watching = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        # Installed on the application: any input means the user is there.
        if event.type() in _INPUT_EVENTS and self._idle.isActive():
            self._idle.start()
        return False

    def close(self) -> None:
        """On quit: close the book (after queued work); the process's end frees the rest."""
        self._stop_idle()
        desk, self.desk = self.desk, None
        if desk is not None:
            desk.close(forget=False)
