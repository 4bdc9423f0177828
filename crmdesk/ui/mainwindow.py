"""The main window: composition only — actions, panels, detail pane, lock screen, status bar.

The window runs no query: panels and dialogs ask the desk, and the book session decides what is
locked. Every frequent action has a shortcut; the visit log's (Ctrl+I) and the lock's (Ctrl+L)
work from anywhere in the application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from crmdesk.core.views import AccountView, ContactView, DeletionView
from crmdesk.db import browse
from crmdesk.ui import settings as s
from crmdesk.ui.brief import BriefDialog, brief_html
from crmdesk.ui.campaigns import CampaignsAction
from crmdesk.ui.company_menu import CompanyActions
from crmdesk.ui.dashboard import TeamView
from crmdesk.ui.desk import Desk
from crmdesk.ui.detail import DetailPane, Shown
from crmdesk.ui.editors import (
    AccountDialog,
    ContactDialog,
    DateDialog,
    FamilyDialog,
    PreferenceDialog,
    RecordDialog,
)
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import Translations, resolve_language
from crmdesk.ui.maintenance import ToolsMenu
from crmdesk.ui.panels import AccountPanel, ContactPanel, RecordPanel
from crmdesk.ui.planner import PlannerNotifier, PlannerView
from crmdesk.ui.quick_open import QuickOpenDialog
from crmdesk.ui.session import BookSession
from crmdesk.ui.settingsdialog import SettingsDialog
from crmdesk.ui.sync_ui import SyncController, open_conflicts, open_enrol
from crmdesk.ui.tasks import Op
from crmdesk.ui.theme import apply_theme, icon
from crmdesk.ui.transfer import ExportDialog, ImportWizard
from crmdesk.ui.unlock import LockScreen, WelcomeDialog
from crmdesk.ui.visit import VisitDialog

STATUS_MS = 8000


@dataclass(frozen=True)
class Deleted:
    """The last delete, for Undo: what it was and its name."""

    view: DeletionView
    name: str


class MainWindow(QMainWindow):
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

    # -- actions --------------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        icon_name: str | None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.act_new_contact = a("newContact", "contact-add", "Ctrl+N", self.new_contact)
        self.act_new_account = a("newAccount", "account-add", "Ctrl+Shift+N", self.new_account)
        self.act_edit = a("edit", "edit", "Ctrl+E", self.edit_current)
        self.act_delete = a(
            "delete", "delete", QKeySequence.StandardKey.Delete, self.delete_current
        )
        self.act_undo = a("undo", "undo", QKeySequence.StandardKey.Undo, self.undo_delete)
        self.act_visit = a("logVisit", "visit", "Ctrl+I", self.log_visit)
        self.act_brief = a("brief", "brief", "Ctrl+B", self.show_brief)
        self.act_find = a("find", "search", QKeySequence.StandardKey.Find, self.focus_search)
        self.act_go_to = a("goTo", "search", "Ctrl+K", self.quick_open)
        self.act_contacts = a(
            "showContacts", "contact", "Ctrl+1", lambda: self.tabs.setCurrentIndex(0)
        )
        self.act_accounts = a(
            "showAccounts", "account", "Ctrl+2", lambda: self.tabs.setCurrentIndex(1)
        )
        self.act_planner = a(
            "showPlanner", "calendar", "Ctrl+3", lambda: self.tabs.setCurrentWidget(self.planner)
        )
        self.act_team = a(
            "showTeam", "account", "Ctrl+4", lambda: self.tabs.setCurrentWidget(self.team)
        )
        self.act_refresh = a("refresh", "refresh", QKeySequence.StandardKey.Refresh, self.refresh)
        self.act_lock = a("lock", "lock", "Ctrl+L", self.session.lock)
        self.act_settings = a(
            "settings", "settings", QKeySequence.StandardKey.Preferences, self.open_settings
        )
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_quit = a("quit", "quit", QKeySequence.StandardKey.Quit, self.close)
        if self.act_quit.shortcut().isEmpty():
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_sync_now = a("syncNow", "refresh", "Ctrl+Shift+S", self.sync.sync_now)
        self.act_enrol = a("syncEnrol", None, None, lambda: open_enrol(self.sync, self))
        self.act_conflicts = a("syncConflicts", None, None, lambda: open_conflicts(self.sync, self))
        self.act_import = a("importContacts", None, None, self.open_import)
        self.act_export = a("exportBook", None, None, self.open_export)
        for action in (self.act_visit, self.act_lock):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (
            self.act_new_contact,
            self.act_new_account,
            None,
            self.act_visit,
            self.act_brief,
            None,
            self.act_edit,
            self.act_delete,
            self.act_undo,
        ):
            if item is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(item)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.act_lock)
        self.addToolBar(self.toolbar)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for action in (self.act_new_contact, self.act_new_account, None, self.act_import,
                       self.act_export, None, self.act_settings, self.act_lock, None,
                       self.act_quit):  # fmt: skip
            self.menu_file.addSeparator() if action is None else self.menu_file.addAction(action)
        self.menu_edit = bar.addMenu("")
        for action in (self.act_edit, self.act_delete, self.act_undo):
            self.menu_edit.addAction(action)
        self.menu_go = bar.addMenu("")
        for action in (self.act_find, self.act_go_to, self.act_contacts, self.act_accounts,
                       self.act_planner, self.act_team, self.act_refresh):  # fmt: skip
            self.menu_go.addAction(action)
        self.menu_record = bar.addMenu("")
        for action in (self.act_visit, self.act_brief):
            self.menu_record.addAction(action)
        self.menu_sync = bar.addMenu("")
        for action in (self.act_enrol, self.act_sync_now, self.act_conflicts):
            self.menu_sync.addAction(action)
        self.company = CompanyActions(self.sync, self.menu_sync, self)  # managers and admins
        self.tools = ToolsMenu(self)  # check, back up, restore (crmdesk.ui.maintenance)
        self.campaigns = CampaignsAction(self)  # festival campaigns (crmdesk.ui.campaigns)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("crmdesk — %1").replace("%1", self.session.path.name))
        texts = {
            self.act_new_contact: self.tr("New &contact"),
            self.act_new_account: self.tr("New &account"),
            self.act_edit: self.tr("&Edit"),
            self.act_delete: self.tr("&Delete"),
            self.act_undo: self.tr("&Undo delete"),
            self.act_visit: self.tr("&Log a visit"),
            self.act_brief: self.tr("&Brief"),
            self.act_find: self.tr("&Find"),
            self.act_go_to: self.tr("&Go to…"),
            self.act_contacts: self.tr("&Contacts"),
            self.act_accounts: self.tr("&Accounts"),
            self.act_planner: self.tr("&Planner"),
            self.act_team: self.tr("&Team"),
            self.act_refresh: self.tr("&Refresh"),
            self.act_lock: self.tr("&Lock"),
            self.act_settings: self.tr("&Settings…"),
            self.act_quit: self.tr("&Quit"),
            self.act_sync_now: self.tr("&Sync now"),
            self.act_enrol: self.tr("&Enrol…"),
            self.act_conflicts: self.tr("&Conflicts…"),
            self.act_import: self.tr("&Import contacts…"),
            self.act_export: self.tr("E&xport…"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_record.setTitle(self.tr("&Record"))
        self.menu_sync.setTitle(self.tr("S&ync"))
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
        self.planner.set_desk(desk)
        self.team.set_desk(desk)
        self.notifier.set_desk(desk)
        self.sync.set_desk(desk)
        self.stack.setCurrentWidget(self.splitter)
        self._update_lock_label()
        self._update_actions()
        desk.changed.connect(self._on_changed)
        # After the first rows (queued behind them on the one worker).
        self._load_choices()
        self.contacts.table.setFocus()

    def _on_locked(self) -> None:
        self.desk = None
        self.last_deleted = None
        # Forget every row and page shown: nothing of the book stays on screen or in memory.
        self.contacts.set_desk(None)
        self.accounts.set_desk(None)
        self.detail.set_desk(None)
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

    def _on_unhandled(self, error: BaseException) -> None:
        self.statusBar().showMessage(error_text(error), STATUS_MS)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _maybe_ready(self, *_args: Any) -> None:
        if self._ready_sent or self.desk is None or self.contacts.model.is_loading:
            return
        model = self.contacts.model
        if model.rowCount() == 0 or model.cached_row(0) is not None:
            self._ready_sent = True
            self.ready.emit()

    # -- current record -------------------------------------------------------------------------

    def current_panel(self) -> RecordPanel:
        return self.contacts if self.tabs.currentIndex() == 0 else self.accounts

    def current(self) -> Shown | None:
        if self.tabs.currentWidget() in (self.planner, self.team):
            return None
        panel = self.current_panel()
        rid = panel.current_id()
        if not rid:
            return None
        return Shown("contact" if panel is self.contacts else "account", rid)

    def _on_current(self, kind: str, rid: str) -> None:
        if self.tabs.currentWidget() is not (self.contacts if kind == "contact" else self.accounts):
            return
        self.detail.show_record(Shown(kind, rid) if rid else None)
        self._update_actions()

    def _on_tab(self) -> None:
        # The planner has its own layout; the record card belongs to the tables.
        self.detail.setVisible(self.tabs.currentWidget() not in (self.planner, self.team))
        if self.desk is not None and self.accounts.model.desk is not self.desk:
            self.accounts.set_desk(self.desk)
            self.accounts.set_choices(self.choices)
        self.detail.show_record(self.current())
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.desk is not None
        has_current = unlocked and self.current() is not None
        for action in (self.act_new_contact, self.act_new_account, self.act_visit, self.act_find,
                       self.act_refresh, self.act_lock, self.act_sync_now, self.act_enrol,
                       self.act_conflicts, self.act_import, self.act_export,
                       self.act_go_to):  # fmt: skip
            action.setEnabled(unlocked)
        for action in (self.act_edit, self.act_delete, self.act_brief):
            action.setEnabled(has_current)
        self.act_undo.setEnabled(unlocked and self.last_deleted is not None)

    def open_record(self, kind: str, rid: str) -> None:
        panel: RecordPanel = self.contacts if kind == "contact" else self.accounts
        self.tabs.setCurrentWidget(panel)
        if not panel.select_id(rid):
            # Not in the filtered list: clear the filter, then select it when the ids are in.
            panel.search.clear()
            panel.apply_filter()
            self.detail.show_record(Shown(kind, rid))

    def focus_search(self) -> None:
        self.current_panel().focus_search()

    def quick_open(self) -> QuickOpenDialog | None:
        if self.desk is None:
            return None
        dialog = QuickOpenDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_record)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        if self.desk is not None:
            self.desk.changed.emit("*")

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

    # -- editing --------------------------------------------------------------------------------

    def new_contact(self) -> None:
        if self.desk is None:
            return
        account_id = None
        shown = self.current()
        if shown is not None and shown.kind == "account":
            account_id = shown.id
        self._open_editor(ContactDialog(self.desk, self.choices, self, account_id=account_id))

    def new_account(self) -> None:
        if self.desk is not None:
            self._open_editor(AccountDialog(self.desk, self.choices, self))

    def edit_current(self) -> None:
        shown, desk = self.current(), self.desk
        if shown is None or desk is None:
            return
        from crmdesk.db.services import accounts, contacts

        if shown.kind == "contact":
            desk.read(contacts.get_contact, contact_id=shown.id).success(self._edit_contact).run()
        else:
            desk.read(accounts.get_account, account_id=shown.id).success(self._edit_account).run()

    def _edit_contact(self, view: ContactView) -> None:
        if self.desk is not None:
            self._open_editor(ContactDialog(self.desk, self.choices, self, contact=view))

    def _edit_account(self, view: AccountView) -> None:
        if self.desk is not None:
            self._open_editor(AccountDialog(self.desk, self.choices, self, account=view))

    def _open_editor(self, dialog: ContactDialog | AccountDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def add_to_contact(self, what: str) -> None:
        """Open the small dialog for an "Add…" link of the contact card."""
        page, desk = self.detail.page, self.desk
        if desk is None or not isinstance(page, browse.ContactPage):
            return
        contact_id = page.detail.contact.id
        dialog: RecordDialog
        if what == "preference":
            dialog = PreferenceDialog(desk, contact_id, self)
        elif what == "family":
            dialog = FamilyDialog(desk, contact_id, self)
        elif what == "date":
            family = [(m.id, m.name) for m in page.detail.family]
            dialog = DateDialog(desk, contact_id, family, self)
        else:
            return
        dialog.setObjectName(f"add-{what}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def complete_follow_up(self, follow_up_id: str) -> None:
        if self.desk is None:
            return
        from crmdesk.db.services import followups

        (
            self.desk.write(
                followups.complete_follow_up, changes="followup", follow_up_id=follow_up_id
            )
            .success(
                lambda view: self.statusBar().showMessage(
                    self.tr("Done: %1").replace("%1", view.description), STATUS_MS
                )
            )
            .failure(self._on_unhandled)
            .run()
        )

    def _on_saved(self, view: ContactView | AccountView) -> None:
        kind = "contact" if isinstance(view, ContactView) else "account"
        panel = self.contacts if kind == "contact" else self.accounts
        panel.select_later(view.id)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", view.name), STATUS_MS)

    def delete_current(self) -> None:
        shown, desk = self.current(), self.desk
        if shown is None or desk is None:
            return
        panel = self.current_panel()
        row = panel.model.row_of(shown.id)
        cached = panel.model.cached_row(row) if row is not None else None
        name = getattr(cached, "name", "")
        from crmdesk.db.services import accounts, contacts

        if shown.kind == "contact":
            op = desk.write(contacts.delete_contact, changes="contact", contact_id=shown.id)
        else:
            op = desk.write(accounts.delete_account, changes="account", account_id=shown.id)
        op.success(lambda view: self._on_deleted(view, name)).failure(self._on_unhandled).run()

    def _on_deleted(self, view: DeletionView, name: str) -> None:
        self.last_deleted = Deleted(view, name)
        self.detail.show_record(None)
        self._update_actions()
        self.statusBar().showMessage(
            self.tr("Deleted %1. Undo with Ctrl+Z.").replace("%1", name), STATUS_MS * 2
        )

    def undo_delete(self) -> None:
        deleted, desk = self.last_deleted, self.desk
        if deleted is None or desk is None:
            return
        view = deleted.view
        from crmdesk.db.services import accounts, contacts

        op: Op[Any]
        if view.kind == "contact":
            op = desk.write(contacts.restore_contact, changes="contact", contact_id=view.id)
        else:
            op = desk.write(accounts.restore_account, changes="account", account_id=view.id)
        op.success(lambda restored: self._on_restored(restored)).failure(self._on_unhandled).run()

    def _on_restored(self, view: ContactView | AccountView) -> None:
        self.last_deleted = None
        self._update_actions()
        panel = self.contacts if isinstance(view, ContactView) else self.accounts
        panel.select_later(view.id)
        self.statusBar().showMessage(self.tr("Restored %1").replace("%1", view.name), STATUS_MS)

    # -- visit log and brief --------------------------------------------------------------------

    def log_visit(self) -> VisitDialog | None:
        if self.desk is None:
            return None
        attendees: list[tuple[str, str]] = []
        account_id = None
        shown = self.current()
        if shown is not None:
            panel = self.current_panel()
            row = panel.model.row_of(shown.id)
            cached = panel.model.cached_row(row) if row is not None else None
            if shown.kind == "contact" and cached is not None:
                attendees.append((shown.id, cached.name))
            elif shown.kind == "account":
                account_id = shown.id
        dialog = VisitDialog(
            self.desk,
            self,
            attendees=attendees,
            account_id=account_id,
            currency=self.settings.get(s.CURRENCY),
            recorded_by=self.settings.get(s.MY_NAME) or None,
        )
        dialog.setObjectName("visitDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda _view: self.statusBar().showMessage(self.tr("Visit logged"), STATUS_MS)
        )
        dialog.open()
        return dialog

    def show_brief(self) -> None:
        shown, desk = self.current(), self.desk
        if shown is None or desk is None:
            return
        fn: Callable[..., browse.ContactPage | browse.AccountPage] = (
            browse.contact_page if shown.kind == "contact" else browse.account_page
        )
        desk.read(fn, shown.id).success(self._open_brief).failure(self._on_unhandled).run()

    def _open_brief(self, page: browse.ContactPage | browse.AccountPage) -> None:
        html = brief_html(
            page,
            interactions=self.settings.get(s.BRIEF_INTERACTIONS),
            days=self.settings.get(s.UPCOMING_DAYS),
        )
        title = (
            page.detail.contact.name if isinstance(page, browse.ContactPage) else page.account.name
        )
        dialog = BriefDialog(html, title, self.session.runner, self)
        dialog.setObjectName("briefDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.brief_dialog = dialog

    # -- settings and window state --------------------------------------------------------------

    def open_import(self) -> ImportWizard | None:
        if self.desk is None:
            return None
        wizard = ImportWizard(self.desk, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        return wizard

    def open_export(self) -> ExportDialog | None:
        if self.desk is None:
            return None
        dialog = ExportDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_settings)
        dialog.open()

    def apply_settings(self) -> None:
        from PySide6.QtWidgets import QApplication

        language = resolve_language(self.settings.get(s.LANGUAGE))
        if language != self.translations.language:
            # Widgets also get a LanguageChange event; the window retranslates at once.
            self.translations.install(language)
            self.retranslate()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.get(s.THEME))
        self.session.set_idle_minutes(self.settings.get(s.LOCK_AFTER_MINUTES))

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
