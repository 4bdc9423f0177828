"""The main window: composition only — actions, panels, detail pane, lock screen, status bar.

The window runs no query: panels and dialogs ask the desk, and the book session decides what is
locked. Every frequent action has a shortcut; the visit log's (Ctrl+I) and the lock's (Ctrl+L)
work from anywhere in the application.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QWidget

from crmdesk.db import browse
from crmdesk.ui import settings as s
from crmdesk.ui.dashboard import TeamView
from crmdesk.ui.desk import Desk
from crmdesk.ui.detail import DetailPane, Shown
from crmdesk.ui.first_steps import FirstSteps, make_sample_book, scratch_folder
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import Translations
from crmdesk.ui.panels import AccountPanel, ContactPanel, RecordPanel
from crmdesk.ui.planner import PlannerNotifier, PlannerView
from crmdesk.ui.quick_open import QuickOpenDialog
from crmdesk.ui.record_commands import STATUS_MS, Deleted
from crmdesk.ui.session import BookSession
from crmdesk.ui.sync_ui import SyncController
from crmdesk.ui.theme import icon
from crmdesk.ui.unlock import LockScreen, WelcomeDialog
from crmdesk.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from crmdesk.db.book import Book
    from crmdesk.ui.app import App

__all__ = ["STATUS_MS", "Deleted", "MainWindow"]

log = logging.getLogger(__name__)

# After the first rows: a moment for them to be painted before the background loads start; and
# the latest those loads wait should the first rows never come (a failed query).
REST_DELAY_MS = 150
REST_FALLBACK_MS = 5000


def _statistics_failed(error: BaseException) -> None:
    # Only slower queries follow; the user has nothing to do about it. The text, not the error:
    # its traceback would keep the book's engine (and key) alive in a log record kept somewhere.
    log.warning("the book's statistics were not refreshed: %s", str(error))


def _optimize_statistics(desk: Desk) -> None:
    """Worker: refresh the book's statistics (``crmdesk.db.engine.optimize_statistics``)."""
    from crmdesk.db.engine import optimize_statistics

    book = desk.book
    if book is not None:
        optimize_statistics(book.engine)


class MainWindow(WindowActions):
    # The book is open and the contact table shows its first rows (the benchmark waits for it).
    ready = Signal()

    def __init__(
        self,
        session: BookSession,
        settings: s.Settings,
        translations: Translations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.translations = translations
        self.desk: Desk | None = None
        self.last_deleted: Deleted | None = None
        self.choices = browse.FilterChoices((), (), (), ())
        self._ready_sent = False
        self._rest_pending: Desk | None = None  # opened; its background loads wait for the rows
        self._planner_desk: Desk | None = None  # the desk the planner was given
        self.setWindowIcon(icon("crmdesk"))
        self.setObjectName("mainWindow")

        self.contacts = ContactPanel(self)
        self.accounts = AccountPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.contacts, icon("contact"), "")
        self.tabs.addTab(self.accounts, icon("account"), "")
        self.planner = PlannerView(parent=self)
        self.tabs.addTab(self.planner, icon("calendar"), "")
        self.team = TeamView(self)
        self.tabs.addTab(self.team, icon("account"), "")
        self.team.open_record.connect(self.open_record)
        self.notifier = PlannerNotifier(self, tray_icon=icon("crmdesk"))
        self.notifier.open_planner.connect(lambda: self.tabs.setCurrentWidget(self.planner))
        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.lock_screen = LockScreen(self)
        self.lock_screen.set_path(session.path)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(self.splitter)
        self.first_steps = FirstSteps(self)  # an empty book's three ways forward
        self.sample_app: App | None = None
        self.stack.addWidget(self.first_steps)
        self.setCentralWidget(self.stack)

        self.book_label = QLabel(self)
        self.lock_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.book_label)
        self.statusBar().addPermanentWidget(self.lock_label)
        self.sync = SyncController(self, keystore=session.keystore)
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("syncLabel")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.sync.status_changed.connect(
            lambda st: self.sync_label.setText(self.sync.status_text(st))
        )
        self.sync.status_changed.connect(
            lambda st: self.sync_label.setToolTip(self.sync.status_tooltip(st))
        )
        self.sync.failed.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        # A pull may bring new usernames for the team's books even when no record changed.
        self.sync.synced.connect(lambda _report: self.team.refresh_later())

        self._make_actions()
        self._make_menus()

        self.contacts.current_changed.connect(lambda rid: self._on_current("contact", rid))
        self.accounts.current_changed.connect(lambda rid: self._on_current("account", rid))
        self.contacts.activated.connect(lambda _rid: self.edit_current())
        self.accounts.activated.connect(lambda _rid: self.edit_current())
        self.tabs.currentChanged.connect(lambda _i: self._on_tab())
        self.detail.open_record.connect(self.open_record)
        self.detail.add_requested.connect(self.add_to_contact)
        self.detail.follow_up_done.connect(self.complete_follow_up)
        self.contacts.model.loaded.connect(self._maybe_ready)
        self.contacts.model.loaded.connect(self._after_first_rows)
        self.contacts.model.loaded.connect(self._show_first_steps_if_empty)
        self.first_steps.import_requested.connect(self.open_import)
        self.first_steps.add_requested.connect(self.new_contact)
        self.first_steps.sample_requested.connect(self.open_sample)
        self.contacts.model.dataChanged.connect(lambda *_a: self._maybe_ready())
        self.lock_screen.unlock_requested.connect(self._unlock)
        session.runner.busy_changed.connect(self._on_busy)
        session.first_run.connect(self._welcome)
        session.needs_passphrase.connect(lambda: self._show_locked("passphrase"))
        session.needs_unlock.connect(lambda: self._show_locked("keyring"))
        session.opened.connect(self._on_opened)
        session.locked.connect(self._on_locked)
        session.failed.connect(self._on_failed)
        session.runner.unhandled = self._on_unhandled

        self.retranslate()
        self._update_actions()
        self._restore_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("crmdesk — %1").replace("%1", self.session.path.name))
        self._retranslate_actions()
        self.company.retranslate()
        self.tools.retranslate()
        self.campaigns.retranslate()
        self.sync_label.setText(self.sync.status_text(self.sync.status))
        self.tabs.setTabText(0, self.tr("Contacts"))
        self.tabs.setTabText(1, self.tr("Accounts"))
        self.tabs.setTabText(2, self.tr("Planner"))
        self.tabs.setTabText(self.tabs.indexOf(self.team), self.tr("Team"))
        self.planner.retranslate()
        self.team.retranslate()
        self.contacts.retranslate()
        self.accounts.retranslate()
        self.detail.retranslate()
        self.first_steps.retranslate()
        self.lock_screen.retranslate()
        self.book_label.setText(self.tr("Book: %1").replace("%1", self.session.path.name))
        self.book_label.setToolTip(str(self.session.path))
        self._update_lock_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- lock state -----------------------------------------------------------------------------

    def _update_lock_label(self) -> None:
        if self.desk is not None:
            self.lock_label.setText(self.tr("Unlocked"))
        else:
            self.lock_label.setText(self.tr("Locked"))

    def _welcome(self) -> None:
        dialog = WelcomeDialog(
            self.session.path, self.session.runner, self, keystore=self.session.keystore
        )
        dialog.setObjectName("welcome")
        dialog.finished.connect(lambda _r: self._on_welcome_done(dialog))
        dialog.open()

    def _on_welcome_done(self, dialog: WelcomeDialog) -> None:
        if dialog.book is None:
            self.close()
            return
        self.session.adopt(dialog.book)
        dialog.deleteLater()

    def _show_locked(self, mode: str) -> None:
        self.lock_screen.set_mode(mode)
        self.stack.setCurrentWidget(self.lock_screen)
        self._update_lock_label()

    def _unlock(self, passphrase: str | None) -> None:
        self.session.unlock(passphrase)

    def _on_opened(self, desk: Desk) -> None:
        self.desk = desk
        self.lock_screen.clear()
        self.contacts.set_desk(desk)
        # The account table loads when first shown: the worker serves the visible table first.
        if self.tabs.currentWidget() is self.accounts:
            self.accounts.set_desk(desk)
        self.detail.set_desk(desk)
        if self.stack.currentWidget() is not self.first_steps:  # an empty book keeps it
            self.stack.setCurrentWidget(self.splitter)
        self._update_lock_label()
        self._update_actions()
        desk.changed.connect(self._on_changed)
        self.contacts.table.setFocus()
        # The planner, the Team tab, the reminders, sync and the filter choices start once the
        # first rows are on screen: started now, their loads (the planner's is seconds at 100,000
        # contacts) would hold the GIL while the GUI thread delivers and paints those rows.
        self._rest_pending = desk
        if self.session.runner.inline:
            self._attach_rest()
        else:
            QTimer.singleShot(REST_FALLBACK_MS, self._attach_rest)  # should the rows never come

    def _after_first_rows(self, *_args: Any) -> None:
        if self._rest_pending is not None:
            QTimer.singleShot(REST_DELAY_MS, self._attach_rest)

    def _attach_rest(self) -> None:
        desk, self._rest_pending = self._rest_pending, None
        if desk is None or desk is not self.desk:
            return
        # First on the worker: fresh query-planner statistics for the planner's and the Team
        # tab's queries (milliseconds unless the book changed much).
        desk.runner.op(_optimize_statistics, desk).failure(_statistics_failed).run()
        self._planner_desk = None  # the planner loads its input when its tab is first shown
        self._attach_planner()
        self.team.set_desk(desk)
        self.notifier.set_desk(desk)
        self.sync.set_desk(desk)
        self._load_choices()

    def _on_locked(self) -> None:
        self.desk = None
        self._rest_pending = None
        self.last_deleted = None
        # Forget every row and page shown: nothing of the book stays on screen or in memory.
        self.contacts.set_desk(None)
        self.accounts.set_desk(None)
        self.detail.set_desk(None)
        self._planner_desk = None
        self.planner.set_desk(None)
        self.team.set_desk(None)
        self.notifier.set_desk(None)
        self.sync.set_desk(None)
        self.choices = browse.FilterChoices((), (), (), ())
        self._update_lock_label()
        self._update_actions()

    def _on_failed(self, error: BaseException) -> None:
        if self.stack.currentWidget() is self.lock_screen:
            if self.session.key_source == "passphrase" or getattr(error, "code", "") == "wrong_key":
                self.lock_screen.set_mode("passphrase")
            elif self.session.key_source == "keyring":
                self.lock_screen.set_mode("keyring")
            self.lock_screen.show_error(error)
        else:
            self.statusBar().showMessage(error_text(error), STATUS_MS)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _show_first_steps_if_empty(self, count: int) -> None:
        # The book has no contact at all (not merely none matching a filter): show the way in.
        panel = self.contacts
        unfiltered = not panel.search.text().strip() and all(
            box.currentIndex() <= 0 for box in panel._filter_boxes()
        )
        if self.desk is None:
            return
        if count == 0 and unfiltered:
            self.stack.setCurrentWidget(self.first_steps)
        elif self.stack.currentWidget() is self.first_steps:
            self.stack.setCurrentWidget(self.splitter)

    def open_sample(self) -> None:
        """Make a sample book on the worker and open it in a window of its own."""
        self.first_steps.set_busy(True)
        (
            self.session.runner.op(make_sample_book, scratch_folder())
            .success(self._open_sample_window)
            .failure(self._on_unhandled)
            .finally_(lambda: self.first_steps.set_busy(False))
            .run()
        )

    def _open_sample_window(self, book: Book) -> None:
        from crmdesk.ui.app import build

        sample = build(book.path, settings_path=self.settings.path)
        sample.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sample.window.show()
        sample.session.adopt(book)
        self.sample_app = sample

    def _maybe_ready(self, *_args: Any) -> None:
        if self._ready_sent or self.desk is None or self.contacts.model.is_loading:
            return
        model = self.contacts.model
        if model.rowCount() == 0 or model.cached_row(0) is not None:
            self._ready_sent = True
            self.ready.emit()

    # -- current record -------------------------------------------------------------------------
    def _on_current(self, kind: str, rid: str) -> None:
        if self.tabs.currentWidget() is not (self.contacts if kind == "contact" else self.accounts):
            return
        self.detail.show_record(Shown(kind, rid) if rid else None)
        self._update_actions()

    def _attach_planner(self) -> None:
        """Give the planner the open book once its tab is shown: its input is the largest thing
        the app holds (a third of its memory at 100,000 contacts), read only when wanted."""
        if (
            self.desk is not None
            and self._rest_pending is None
            and self._planner_desk is not self.desk
            and self.tabs.currentWidget() is self.planner
        ):
            self._planner_desk = self.desk
            self.planner.set_desk(self.desk)

    def _on_tab(self) -> None:
        self._attach_planner()
        # The planner has its own layout; the record card belongs to the tables.
        self.detail.setVisible(self.tabs.currentWidget() not in (self.planner, self.team))
        if self.desk is not None and self.accounts.model.desk is not self.desk:
            self.accounts.set_desk(self.desk)
            self.accounts.set_choices(self.choices)
        self.detail.show_record(self.current())
        self._update_actions()

    def quick_open(self) -> QuickOpenDialog | None:
        if self.desk is None:
            return None
        dialog = QuickOpenDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_record)
        dialog.open()
        return dialog

    def open_record(self, kind: str, rid: str) -> None:
        panel: RecordPanel = self.contacts if kind == "contact" else self.accounts
        self.tabs.setCurrentWidget(panel)
        if not panel.select_id(rid):
            # Not in the filtered list: clear the filter, then select it when the ids are in.
            panel.search.clear()
            panel.apply_filter()
            self.detail.show_record(Shown(kind, rid))

    def _on_changed(self, kind: str) -> None:
        # Tiers, tags, owners and accounts only change with contacts and accounts.
        if kind in ("contact", "account", "*"):
            self._load_choices()

    def _load_choices(self) -> None:
        if self.desk is not None:
            self.desk.read(browse.filter_choices).key("window.choices").success(
                self._set_choices
            ).run()

    def _set_choices(self, choices: browse.FilterChoices) -> None:
        self.choices = choices
        self.contacts.set_choices(choices)
        self.accounts.set_choices(choices)

    # -- window state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(s.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        splitter = self.settings.get(s.SPLITTER_STATE)
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        else:
            self.splitter.setSizes([760, 520])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(s.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(s.SPLITTER_STATE, bytes(self.splitter.saveState().data()))
        self.settings.sync()
        self.session.close()
        super().closeEvent(event)
