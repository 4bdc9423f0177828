"""Sync in the app: enrol this book with a server, "Sync now", a background sync, conflicts.

Every call of the (blocking, Qt-free) :class:`~crmdesk.sync.client.SyncClient` runs on the one
database worker through the task runner; the GUI gets plain dataclasses back. One controller per
window: the window hands it the desk on open and ``None`` on lock.
"""

from __future__ import annotations

import datetime as dt
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import BookError, CrmdeskError
from crmdesk.ui import formats
from crmdesk.ui.forms import Form, error_text

if TYPE_CHECKING:  # the sync client (httpx, pydantic) loads on the worker, at the first sync
    from crmdesk.db.book import Book
    from crmdesk.db.keys import KeyringStore
    from crmdesk.sync.client import SyncClient, SyncReport, SyncStatus
    from crmdesk.ui.desk import Desk
    from crmdesk.ui.tasks import Op

BACKGROUND_MS = 5 * 60_000
MAX_REJECTED_SHOWN = 20


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict as the conflicts screen shows it."""

    id: str
    table: str
    record: str  # the record's name when it has one, else its id
    field: str
    kind: str  # "field" or "delete"
    kept: str
    losing: str
    at: str
    who: str = ""  # whose value lost: a username when the book knows it, else the device id


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _moment(stamp: str) -> str:
    """An ISO time stamp from the sync state as people read it (as stored if it is not one)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    # The server stamps in UTC; a stamp without its offset is read so.
    return formats.moment_text(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


def field_text(field: str) -> str:
    """A record field's name as the cards and lists call it ("decision_role" -> 决策角色); the
    column's own name for a field no screen shows."""
    from PySide6.QtCore import QCoreApplication

    title = field.removesuffix("_id").replace("_", " ").capitalize()
    for context in ("Pages", "Columns"):
        shown = QCoreApplication.translate(context, title)
        if shown != title:
            return shown
    return title


def load_conflicts(client: SyncClient) -> list[ConflictRow]:
    """The open conflicts with their records' names (worker)."""
    from crmdesk.db.models import SYNCED_MODELS

    models = {m.__tablename__: m for m in SYNCED_MODELS}
    rows: list[ConflictRow] = []
    views = client.conflicts()
    devices = client.device_names()
    with client.book.sessions() as s:
        for c in views:
            name = c.record_id
            model = models.get(c.tbl)
            if model is not None:
                rec = s.get(model, c.record_id)
                name = str(getattr(rec, "name", None) or c.record_id)
            rows.append(
                ConflictRow(
                    c.id,
                    c.tbl,
                    name,
                    c.field,
                    c.kind,
                    _text(c.winner),
                    _text(c.value),
                    c.at,
                    devices.get(c.device_id, c.device_id),
                )
            )
    return rows


def _sync_and_status(client: SyncClient) -> tuple[SyncReport, SyncStatus]:
    report = client.sync_once()
    return report, client.status()


def _enrol(client: SyncClient, url: str, user: str, password: str, ca: str | None) -> SyncStatus:
    client.enrol(url, user, password, ca_file=ca)
    return client.status()


def _status(client: SyncClient) -> SyncStatus:
    return client.status()


def _restore_conflict(client: SyncClient, conflict_id: str) -> Any:
    return client.restore_conflict(conflict_id)


def _dismiss_conflict(client: SyncClient, conflict_id: str) -> Any:
    return client.dismiss_conflict(conflict_id)


def _device_revoked() -> str:
    """The server's code for a revoked device (imported only when an error is looked at)."""
    from crmdesk.sync.protocol import DEVICE_REVOKED

    return DEVICE_REVOKED


def _is_certificate_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class SyncController(QObject):
    """Sync for the open book: status, Sync now, the background timer, enrol and conflicts."""

    status_changed = Signal(object)  # SyncStatus | None (locked)
    synced = Signal(object)  # SyncReport
    failed = Signal(str)  # a translated sentence
    # The server revoked this device and the book was wiped (on the worker): the window must
    # let go of it at once. The argument is a translated sentence.
    revoked = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        keystore: KeyringStore | None = None,
        interval_ms: int = BACKGROUND_MS,
    ) -> None:
        super().__init__(parent)
        self.keystore = keystore
        self.desk: Desk | None = None
        self.status: SyncStatus | None = None
        self.running = False
        # A failing background sync says so once per distinct error, not every 5 minutes.
        self._last_failure: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer)

    # -- the book -------------------------------------------------------------------------------

    def set_desk(self, desk: Desk | None) -> None:
        self.timer.stop()
        self.desk, self.status = desk, None
        self._last_failure = None
        if desk is not None:
            self.refresh()
        else:
            self.status_changed.emit(None)

    def _op(self, fn: Any, *args: Any) -> Op[Any] | None:
        """An op calling ``fn(client, *args)`` on the worker with a client for the open book.

        The client is made for each op and closed after it: nothing here keeps a reference to
        the book (and so to its key) once the desk is locked.
        """
        desk = self.desk
        if desk is None:
            return None
        keystore = self.keystore

        def job() -> Any:
            # Runs on the worker thread.
            book: Book | None = desk.book
            if book is None:
                raise BookError("the book is locked")
            from crmdesk.sync.client import SyncClient

            client = SyncClient(book, keystore=keystore)
            try:
                return fn(client, *args)
            finally:
                client.close()

        return desk.runner.op(job)

    def run(self, fn: Any, *args: Any) -> Op[Any] | None:
        """An op calling ``fn(client, *args)`` on the worker (None while locked); for dialogs
        that talk to the server (team, handover). Their failure handlers call
        :meth:`check_revoked` first."""
        return self._op(fn, *args)

    # -- status and syncing ---------------------------------------------------------------------

    def refresh(self) -> None:
        op = self._op(_status)
        if op is not None:
            op.success(self._on_status).failure(self._on_refresh_failed).run()

    def _on_refresh_failed(self, error: BaseException) -> None:
        if self.check_revoked(error):
            return
        if self.desk is not None and self.desk.is_open:
            self.failed.emit(self.message(error))

    def check_revoked(self, error: BaseException) -> bool:
        """When ``error`` says this device was revoked (the book is wiped already): stop
        syncing and announce :attr:`revoked`. Every failure handler of a sync op calls it."""
        if getattr(error, "code", "") != _device_revoked():
            return False
        self.timer.stop()
        self.desk, self.status = None, None
        self.revoked.emit(self.message(error))
        return True

    def _on_status(self, status: SyncStatus) -> None:
        if self.desk is None or not self.desk.is_open:
            return  # locked meanwhile: show nothing of the book
        self.status = status
        if status.enrolled and not self.timer.isActive():
            self.timer.start()
        self.status_changed.emit(status)

    def _on_timer(self) -> None:
        if self.status is not None and self.status.enrolled and not self.running:
            self.sync_now(background=True)

    def sync_now(self, *, background: bool = False) -> None:
        """Queue one sync on the worker (nothing when one is already running). A background
        sync that fails as the last one did stays quiet (the status bar shows "sync error")."""
        if self.running:
            return
        op = self._op(_sync_and_status)
        if op is None:
            return
        self.running = True
        desk = self.desk

        def done(result: tuple[SyncReport, SyncStatus]) -> None:
            report, status = result
            self.running = False
            self._last_failure = None
            self._on_status(status)
            if report.pulled and desk is not None and desk.is_open:
                for kind in ("account", "contact", "interaction"):
                    desk.changed.emit(kind)
            self.synced.emit(report)

        def fail(error: BaseException) -> None:
            self.running = False
            if self.desk is not desk or self.check_revoked(error):
                return
            text = self.message(error)
            if not (background and text == self._last_failure):
                self.failed.emit(text)
            self._last_failure = text
            self.refresh()

        if self.status is not None:
            self.status_changed.emit(self.status)  # "Syncing…"
        op.success(done).failure(fail).finally_(self._not_running).run()

    def _not_running(self) -> None:
        self.running = False

    def enrol(self, url: str, user: str, password: str, ca_file: str | None) -> Op[Any] | None:
        """An op enrolling the book (its success gets the new status); the caller runs it."""
        op = self._op(_enrol, url, user, password, ca_file)
        if op is not None:
            op.after_success(self._on_status)
        return op

    def conflicts(self) -> Op[Any] | None:
        return self._op(load_conflicts)

    def restore(self, conflict_id: str) -> Op[Any] | None:
        return self._after_resolve(self._op(_restore_conflict, conflict_id))

    def dismiss(self, conflict_id: str) -> Op[Any] | None:
        return self._after_resolve(self._op(_dismiss_conflict, conflict_id))

    def _after_resolve(self, op: Op[Any] | None) -> Op[Any] | None:
        desk = self.desk
        if op is not None:

            def changed(_result: object) -> None:
                if desk is not None and desk.is_open:
                    for kind in ("account", "contact", "interaction"):
                        desk.changed.emit(kind)
                self.refresh()

            op.after_success(changed)
        return op

    # -- text -----------------------------------------------------------------------------------

    def message(self, error: BaseException) -> str:
        """A plain, translated sentence for a sync failure."""
        code = getattr(error, "code", "")
        if isinstance(error, FileNotFoundError):
            return self.tr("The CA file cannot be read.")
        if _is_certificate_error(error):
            return self.tr(
                "The server's certificate is not trusted: choose the CA file your administrator "
                "gave you."
            )
        if code == "offline":
            return self.tr("The server cannot be reached: check the address and the network.")
        if code == "bad_login":
            return self.tr("Wrong user name or password.")
        if code == "unauthorised":
            return self.tr("This device is no longer signed in: enrol it again.")
        if code == "not_enrolled":
            return self.tr("This book is not enrolled with a server.")
        if code == "update_required":
            return self.tr("The server needs a newer version of crmdesk.")
        if code == _device_revoked():
            return self.tr("This device was revoked by your company; its local book was removed.")
        if code == "forbidden":
            return self.tr("Your account may not do this (managers and admins only).")
        if code == "unassigned":
            return self.tr(
                "Some records would be left without a successor: choose who receives "
                "everything else."
            )
        if code == "no_user":
            return self.tr("A successor is unknown to the server or no longer active.")
        if isinstance(error, CrmdeskError) and code not in ("", "sync", "server"):
            return error_text(error)
        return self.tr("Sync failed: %1").replace("%1", str(error) or type(error).__name__)

    def status_text(self, status: SyncStatus | None) -> str:
        if status is None:
            return ""
        if not status.enrolled:
            return self.tr("Sync: not enrolled")
        parts: list[str] = []
        if self.running:
            parts.append(self.tr("Syncing…"))
        elif status.last_sync_at is None:
            parts.append(self.tr("Never synced"))
        else:
            local = status.last_sync_at.astimezone()
            if local.date() == dt.date.today():
                when = formats.time_text(local)
            else:
                when = formats.moment_text(local)
            parts.append(self.tr("Synced %1").replace("%1", when))
        parts.append(self.tr("%1 pending").replace("%1", str(status.pending)))
        if status.open_conflicts:
            parts.append(self.tr("%1 conflicts").replace("%1", str(status.open_conflicts)))
        if status.rejected:
            parts.append(self.tr("%1 set aside").replace("%1", str(len(status.rejected))))
        if status.last_error:
            parts.append(self.tr("sync error"))
        return " · ".join(parts)

    def status_tooltip(self, status: SyncStatus | None) -> str:
        """The details behind the status text: the last error, the lease, and the pulled
        records this book could not hold (e.g. a second tier with the same code)."""
        if status is None or not status.enrolled:
            return ""
        lines = [
            self.tr("Server: %1 (as %2)")
            .replace("%1", status.server_url or "")
            .replace("%2", status.username or "")
        ]
        if status.lease_until is not None:
            day = formats.date_text(status.lease_until)
            lines.append(self.tr("Opens without the server until %1").replace("%1", day))
        if status.last_error:
            lines.append(self.tr("Last error: %1").replace("%1", status.last_error))
        if status.rejected:
            lines.append(
                self.tr(
                    "Records from the server this book could not take, set aside (%1):"
                ).replace("%1", str(len(status.rejected)))
            )
            reasons = {(t, i): r for t, i, r in status.set_aside}
            shown = status.rejected[:MAX_REJECTED_SHOWN]
            lines += [
                f"  {table} {record_id}: {reasons.get((table, record_id), '')}".rstrip(": ")
                for table, record_id in shown
            ]
            if len(status.rejected) > len(shown):
                lines.append("  …")
        return "\n".join(lines)


class EnrolDialog(QDialog):
    """Server URL, user, password and an optional CA file; errors at their field."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Enrol with a sync server"))
        self.form = Form(self)
        self.url = QLineEdit(self)
        self.url.setObjectName("url")
        self.url.setPlaceholderText("https://crm.example.com")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        ca_row = QWidget(self)
        ca_box = QHBoxLayout(ca_row)
        ca_box.setContentsMargins(0, 0, 0, 0)
        self.ca = QLineEdit(ca_row)
        self.ca.setObjectName("caFile")
        self.ca.setPlaceholderText(self.tr("Optional"))
        browse = QPushButton(self.tr("Browse…"), ca_row)
        browse.clicked.connect(self._browse)
        ca_box.addWidget(self.ca)
        ca_box.addWidget(browse)
        self.form.add_row("url", self.tr("Server address"), self.url)
        self.form.add_row("user", self.tr("User name"), self.user)
        self.form.add_row("password", self.tr("Password"), self.password)
        self.form.add_row("ca", self.tr("CA file"), ca_row)
        if status := controller.status:
            self.url.setText(status.server_url or "")
            self.user.setText(status.username or "")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA file"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if path:
            self.ca.setText(path)

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        url, user = self.url.text().strip(), self.user.text().strip()
        password, ca = self.password.text(), self.ca.text().strip() or None
        required = self.tr("This is required.")
        for field, value in (("url", url), ("user", user), ("password", password)):
            if not value:
                self.form.show_error(field, required)
                return
        if not url.startswith(("http://", "https://")):
            self.form.show_error("url", self.tr("Write the address with http:// or https://."))
            return
        if ca is not None and not Path(ca).is_file():
            self.form.show_error("ca", self.tr("The CA file cannot be read."))
            return
        op = self.controller.enrol(url, user, password, ca)
        if op is None:
            self.message.setText(self.tr("Unlock the book first."))
            return
        self.buttons.setEnabled(False)
        op.success(lambda _s: self.accept()).failure(self._failed).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _failed(self, error: BaseException) -> None:
        text = self.controller.message(error)
        code = getattr(error, "code", "")
        if isinstance(error, FileNotFoundError) or _is_certificate_error(error):
            field = "ca"
        elif code in ("bad_login", "unauthorised"):
            field = "password"
        elif code == "offline":
            field = "url"
        else:
            field = None
        if not self.form.show_error(field, text):
            self.message.setText(text)


class ConflictsDialog(QDialog):
    """The losing values of this book: record, field, kept vs losing value; Restore, Dismiss."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows: list[ConflictRow] = []
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(760, 380)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kept value"),
                self.tr("Losing value"),
                self.tr("When"),
                self.tr("Who"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No open conflicts."), self)
        self.empty.hide()
        self.restore_button = QPushButton(self.tr("&Restore losing value"), self)
        self.restore_button.setObjectName("restore")
        self.dismiss_button = QPushButton(self.tr("&Dismiss"), self)
        self.dismiss_button.setObjectName("dismiss")
        close = QPushButton(self.tr("Close"), self)
        self.restore_button.clicked.connect(lambda: self._resolve(restore=True))
        self.dismiss_button.clicked.connect(lambda: self._resolve(restore=False))
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        op = self.controller.conflicts()
        if op is not None:
            op.success(self._show).failure(self._failed).run()

    def _show(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        deleted = self.tr("(deleted)")
        for i, r in enumerate(rows):
            losing = deleted if r.kind == "delete" else r.losing
            cells = (r.record, field_text(r.field), r.kept, losing, _moment(r.at), r.who)
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(0)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._current() is not None
        self.restore_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def _current(self) -> ConflictRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[row]
        return None

    def _resolve(self, *, restore: bool) -> None:
        row = self._current()
        if row is None:
            return
        op = (self.controller.restore if restore else self.controller.dismiss)(row.id)
        if op is not None:
            op.success(lambda _r: self.reload()).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        if self.controller.check_revoked(error):
            self.reject()
            return
        self.empty.setText(self.controller.message(error))
        self.empty.show()


def open_enrol(controller: SyncController, parent: QWidget) -> EnrolDialog:
    dialog = EnrolDialog(controller, parent)
    dialog.setObjectName("enrolDialog")
    dialog.open()
    return dialog


def open_conflicts(controller: SyncController, parent: QWidget) -> ConflictsDialog:
    dialog = ConflictsDialog(controller, parent)
    dialog.setObjectName("conflictsDialog")
    dialog.open()
    return dialog
