"""What the app does when the company takes a book back: a revoked device, a lapsed lease.

* Revoked: the sync client has already wiped the book on the worker. The window drops it at
  once (every view forgets its rows and the lock screen covers the window), a message says
  what happened, and then the app starts over: with no book there, that is the welcome.
* Lease lapsed: the book was opened, found lapsed, could not be renewed and was closed again
  before anything was shown. A dialog says since when and what to do; the lock screen stays,
  so the user can retry once back on the company network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.ui import formats
from crmdesk.ui.team_dialog import widen

if TYPE_CHECKING:
    from crmdesk.ui.mainwindow import MainWindow
    from crmdesk.ui.session import BookSession


def lease_lapsed_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """The (not yet shown) dialog for a lapsed lease."""
    from crmdesk.sync.lease import LeaseLapsedError

    box = QMessageBox(parent)
    box.setObjectName("leaseLapsed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BookGuard", "The book cannot be opened"))
    if isinstance(error, LeaseLapsedError):
        day = formats.date_text(error.lapsed_at)
        text = QCoreApplication.translate(
            "BookGuard",
            "This book's lease lapsed on %1: it has not synced with your company's server for "
            "too long, so it cannot be opened without the server.",
        ).replace("%1", day)
        reason = error.reason
    else:
        text = QCoreApplication.translate(
            "BookGuard", "This book's lease lapsed, so it cannot be opened without the server."
        )
        reason = str(error)
    box.setText(text)
    box.setInformativeText(
        QCoreApplication.translate(
            "BookGuard",
            "Connect to the company network (or VPN) and open the book again: one sync renews "
            "the lease.",
        )
    )
    box.setDetailedText(reason)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    widen(box)
    return box


def revoked_box(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("deviceRevoked")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("BookGuard", "Device revoked"))
    box.setText(text)
    box.setInformativeText(
        QCoreApplication.translate(
            "BookGuard",
            "Its key and its sign-in were removed too. Ask your administrator if this is a "
            "mistake; you can start a new book now.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    widen(box)
    return box


class BookGuard(QObject):
    """Follows the session and the sync controller of one window; see the module docstring."""

    def __init__(self, window: MainWindow, session: BookSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.box: QMessageBox | None = None
        # Connected after the window's own handlers: the lock screen's error line is set first.
        session.failed.connect(self._on_open_failed)
        window.sync.revoked.connect(self._on_revoked)

    def _on_open_failed(self, error: BaseException) -> None:
        # Imported here, on a failure: the sync modules stay out of the app's start-up.
        from crmdesk.sync.lease import LEASE_LAPSED
        from crmdesk.sync.protocol import DEVICE_REVOKED

        code = getattr(error, "code", "")
        if code == DEVICE_REVOKED:
            self._on_revoked(self.window.sync.message(error))
        elif code == LEASE_LAPSED:
            self.window.lock_screen.error.setText(self.tr("The book's lease lapsed."))
            self._show(lease_lapsed_box(self.window, error))

    def _on_revoked(self, text: str) -> None:
        self.session.forget()
        # Nothing of the wiped book stays on screen, not even empty tables.
        self.window.lock_screen.set_mode("opening")
        self.window.stack.setCurrentWidget(self.window.lock_screen)
        self.window.lock_screen.heading.setText(self.tr("This book was removed"))
        box = revoked_box(self.window, text)
        box.finished.connect(lambda _r: self.session.start())
        self._show(box)

    def _show(self, box: QMessageBox) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = box
        box.open()
