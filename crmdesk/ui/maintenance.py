"""Keeping the open book safe while the app runs: automatic backups, Tools → Check / Back up now /
Restore, and noticing writes made elsewhere (the CLI while the app is open).

* **Automatic backups.** Once the book is open (after its first rows) and then every half hour,
  the worker makes a backup if the newest is older than the policy's interval (a day by
  default; ``crmdesk.db.backup``). The GUI never waits for it.
* **Writes made elsewhere.** Every few seconds the worker reads SQLite's ``data_version`` on a
  connection of its own; a change that none of the app's own writes explains means another
  process committed, and every list refreshes (``desk.changed("*")``).
* **Restore and repair** close the book (as Lock does), replace the file on the worker, and open
  it again with the key already in hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from crmdesk.ui import formats

if TYPE_CHECKING:
    from crmdesk.db.backup import BackupFile
    from crmdesk.db.book import Book
    from crmdesk.db.integrity import CheckReport
    from crmdesk.db.keys import BookKey
    from crmdesk.ui.desk import Desk
    from crmdesk.ui.session import BookSession

BACKUP_CHECK_MS = 30 * 60_000
FIRST_BACKUP_DELAY_MS = 15_000
WATCH_MS = 3000


# -- worker functions -----------------------------------------------------------------------------


def backup_if_due(book: Book) -> BackupFile | None:
    from crmdesk.db.backup import backup_due, load_policy, make_backup

    policy = load_policy(book.path)
    return make_backup(book, policy) if backup_due(book.path, policy) else None


def back_up(book: Book) -> BackupFile:
    from crmdesk.db.backup import load_policy, make_backup

    return make_backup(book, load_policy(book.path))


def check_book(path: Path, key: BookKey) -> CheckReport:
    from crmdesk.db.integrity import Reader, full_check

    reader = Reader(path, key)
    try:
        return full_check(reader)
    finally:
        reader.close()


class _Versions:
    """``PRAGMA data_version`` on a connection kept for it alone (worker only)."""

    def __init__(self) -> None:
        self.raw: Any = None
        self.book: Book | None = None

    def read(self, book: Book) -> int | None:
        if book.key is None:
            return None
        if self.book is not book:
            self.close()
            from crmdesk.db.engine import connect_raw

            self.raw, self.book = connect_raw(book.path, book.key), book
        return int(self.raw.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()
        self.raw, self.book = None, None


@dataclass(frozen=True)
class Unlocked:
    """What reopening needs after the file was replaced: the key in hand."""

    passphrase: str | None


class Maintenance(QObject):
    """Backups, checks and restore for the window's book (GUI thread)."""

    message = Signal(str)  # for the status bar
    backed_up = Signal(object)  # BackupFile
    checked = Signal(object)  # CheckReport
    failed = Signal(object)  # the error
    repaired = Signal(object)  # RecoveryReport, after derived data was rebuilt

    def __init__(self, session: BookSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.desk: Desk | None = None
        self._versions = _Versions()
        self._last_version: int | None = None
        self._own_writes = 0
        self._writes_seen = 0
        self._checking = False
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.backup_if_due)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._poll)
        session.opened.connect(self._on_opened)
        session.locked.connect(self._on_locked)

    # -- the open book --------------------------------------------------------------------------

    def _on_opened(self, desk: Desk) -> None:
        self.desk = desk
        self._last_version = None
        self._watch_for_damage()
        desk.changed.connect(self._count_own)
        self._backup_timer.start()
        self._watch.start()
        QTimer.singleShot(FIRST_BACKUP_DELAY_MS, self.backup_if_due)

    def _watch_for_damage(self) -> None:
        """Work that fails on a damaged page starts a full check; damage in derived data only
        (the search index, an index) is then repaired without asking (see :meth:`_on_checked`)."""
        runner = self.session.runner
        previous = runner.unhandled
        if getattr(previous, "damage_aware", False):
            return

        def unhandled(error: BaseException) -> None:
            if getattr(error, "code", "") == "book_damaged" and not self._checking:
                self.check()
            if previous is not None:
                previous(error)

        unhandled.damage_aware = True  # type: ignore[attr-defined]
        runner.unhandled = unhandled

    def _on_locked(self) -> None:
        self.desk = None
        self._backup_timer.stop()
        self._watch.stop()
        self.session.runner.run_on_worker(self._versions.close)

    def _count_own(self, _kind: str) -> None:
        self._own_writes += 1

    def _book(self) -> Book | None:
        return self.desk.book if self.desk is not None else None

    # -- backups --------------------------------------------------------------------------------

    def backup_if_due(self) -> None:
        book = self._book()
        if book is None:
            return
        self.session.runner.op(backup_if_due, book).key("maintenance.auto-backup").success(
            lambda made: self.backed_up.emit(made) if made is not None else None
        ).failure(self._on_backup_failed).run()

    def back_up_now(self) -> None:
        book = self._book()
        if book is None:
            return
        self.message.emit(self.tr("Backing up the book…"))
        self.session.runner.op(back_up, book).success(self.backed_up.emit).failure(
            self._on_backup_failed
        ).run()

    def _on_backup_failed(self, error: BaseException) -> None:
        self.failed.emit(error)

    # -- check, restore, repair -----------------------------------------------------------------

    def key_in_hand(self) -> tuple[BookKey, Unlocked] | None:
        from crmdesk.db.keys import Passphrase

        book = self._book()
        if book is None or book.key is None:
            return None
        key = book.key
        return key, Unlocked(key.text if isinstance(key, Passphrase) else None)

    def check(self) -> None:
        held = self.key_in_hand()
        if held is None:
            return
        self._checking = True
        self.session.runner.op(check_book, self.session.path, held[0]).success(
            self._on_checked
        ).failure(self.failed.emit).finally_(self._done_checking).run()

    def _done_checking(self) -> None:
        self._checking = False

    def _on_checked(self, report: CheckReport) -> None:
        self.checked.emit(report)
        if report.derived_only:
            from crmdesk.ui.maintenance_dialog import repair

            self.message.emit(self.tr("The search index was damaged; rebuilding it…"))
            self.replace_book(repair, self.repaired.emit)

    def replace_book(self, work: Any, done: Any) -> bool:
        """Close the book, run ``work(path, info, key)`` on the worker, reopen; ``done(result)``.

        With the book open its key is in hand; a keyring book that failed to open (damaged)
        gets its key from the keyring on the worker. False: no key (a passphrase book that is
        not open: ``crmdesk recover`` asks for the passphrase)."""
        held = self.key_in_hand()
        path = self.session.path
        keystore = self.session.keystore
        if held is None and self.session.key_source != "keyring":
            return False
        passphrase = held[1].passphrase if held is not None else None
        key = held[0] if held is not None else None
        self.session.lock()  # queues the close behind the running tasks

        def job() -> Any:
            from crmdesk.db.book import BookInfo, book_key

            info = BookInfo.load(path)
            return work(path, info, key or book_key(path, info, keystore=keystore, passphrase=None))

        def reopen(result: Any) -> None:
            done(result)
            self.session.unlock(passphrase)

        def failed(error: BaseException) -> None:
            self.failed.emit(error)
            self.session.unlock(passphrase)

        self.session.runner.op(job).success(reopen).failure(failed).run()
        return True

    # -- writes made elsewhere ------------------------------------------------------------------

    def _poll(self) -> None:
        book = self._book()
        if book is None:
            return
        writes = self._own_writes
        self.session.runner.op(self._versions.read, book).key("maintenance.watch").success(
            lambda v: self._on_version(v, writes)
        ).failure(lambda _e: None).run()

    def _on_version(self, version: int | None, writes_before: int) -> None:
        if version is None or self.desk is None:
            return
        changed = self._last_version is not None and version != self._last_version
        own = self._own_writes != self._writes_seen or self._own_writes != writes_before
        self._last_version = version
        self._writes_seen = self._own_writes
        if changed and not own:
            self.desk.changed.emit("*")


class ToolsMenu(QObject):
    """The window's Tools menu: Check the book…, Back up now, Restore… (and its status text)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from PySide6.QtGui import QAction

        self.window = window
        self.maintenance = Maintenance(window.session, self)
        self.dialog: Any = None
        self.menu = window.menuBar().addMenu("")
        self.act_check = QAction(window)
        self.act_check.setObjectName("checkBook")
        self.act_check.triggered.connect(lambda _c=False: self.open_dialog(check=True))
        self.act_backup = QAction(window)
        self.act_backup.setObjectName("backUpNow")
        self.act_backup.triggered.connect(lambda _c=False: self.maintenance.back_up_now())
        self.act_restore = QAction(window)
        self.act_restore.setObjectName("restoreBackup")
        self.act_restore.triggered.connect(lambda _c=False: self.open_dialog())
        for action in (self.act_check, self.act_backup, self.act_restore):
            self.menu.addAction(action)
        status = window.statusBar()
        self.maintenance.message.connect(lambda text: status.showMessage(text, 8000))
        self.maintenance.backed_up.connect(self._on_backed_up)
        self.maintenance.failed.connect(self._on_failed)
        window.session.opened.connect(lambda _d: self._enable(True))
        window.session.locked.connect(lambda: self._enable(False))
        window.session.failed.connect(self._on_open_failed)
        self._enable(False)

    def _enable(self, unlocked: bool) -> None:
        self.act_backup.setEnabled(unlocked)
        self.act_check.setEnabled(unlocked)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Tools"))
        self.act_check.setText(self.tr("&Check the book…"))
        self.act_backup.setText(self.tr("&Back up now"))
        self.act_restore.setText(self.tr("&Restore…"))
        if self.dialog is not None:
            self.dialog.retranslate()

    def open_dialog(self, *, check: bool = False) -> Any:
        from crmdesk.ui.maintenance_dialog import MaintenanceDialog

        if self.dialog is None:
            self.dialog = MaintenanceDialog(self.maintenance, self.window)
        else:
            self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        if check:
            self.dialog.start_check()
        return self.dialog

    def _on_backed_up(self, made: BackupFile) -> None:
        self.window.statusBar().showMessage(
            self.tr("Backed up and checked at %1").replace("%1", formats.time_text(made.taken)),
            8000,
        )

    def _on_failed(self, error: BaseException) -> None:
        from crmdesk.ui.forms import error_text

        self.window.statusBar().showMessage(error_text(error), 8000)

    def _on_open_failed(self, error: BaseException) -> None:
        if getattr(error, "code", "") == "book_damaged":
            self.open_dialog()
