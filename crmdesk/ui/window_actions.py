"""The main window's commands as actions: one QAction each, the toolbar and the menus.

Menus are declared as a table (``_menu_table``): a new menu or entry is one line there, its
title one line in ``_retranslate_actions``. Slots live with what they act on: record commands
in ``crmdesk.ui.record_commands``, the rest in the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QWidget

from crmdesk.ui import settings as s
from crmdesk.ui.campaigns import CampaignsAction
from crmdesk.ui.company_menu import CompanyActions
from crmdesk.ui.i18n import resolve_language
from crmdesk.ui.maintenance import ToolsMenu
from crmdesk.ui.record_commands import RecordCommands
from crmdesk.ui.theme import apply_theme, icon

if TYPE_CHECKING:
    from crmdesk.ui.dashboard import TeamView
    from crmdesk.ui.planner import PlannerView
    from crmdesk.ui.sync_ui import SyncController


class WindowActions(RecordCommands):
    """Builds the actions, toolbar and menus of the window and keeps their texts translated."""

    # Set by MainWindow.__init__ before the actions are made.
    planner: PlannerView
    team: TeamView
    sync: SyncController
    # Made by _make_menus from _menu_table.
    menu_file: QMenu
    menu_edit: QMenu
    menu_go: QMenu
    menu_record: QMenu
    menu_sync: QMenu

    def retranslate(self) -> None:
        """Set every text in the current language (the window overrides this)."""

    def quick_open(self) -> object:
        """Go to… (Ctrl+K): the window opens its quick-open dialog (it overrides this)."""
        return None

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
        self.act_enrol = a("syncEnrol", None, None, self.open_enrol)
        self.act_conflicts = a("syncConflicts", None, None, self.open_conflicts)
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

    def _menu_table(self) -> list[tuple[str, tuple[QAction | None, ...]]]:
        """Each menu's attribute name and its actions in order (None: a separator)."""
        return [
            ("menu_file", (self.act_new_contact, self.act_new_account, None, self.act_import,
                           self.act_export, None, self.act_settings, self.act_lock, None,
                           self.act_quit)),
            ("menu_edit", (self.act_edit, self.act_delete, self.act_undo)),
            ("menu_go", (self.act_find, self.act_go_to, self.act_contacts, self.act_accounts,
                         self.act_planner, self.act_team, self.act_refresh)),
            ("menu_record", (self.act_visit, self.act_brief)),
            ("menu_sync", (self.act_enrol, self.act_sync_now, self.act_conflicts)),
        ]  # fmt: skip

    def _make_menus(self) -> None:
        bar = self.menuBar()
        for name, actions in self._menu_table():
            menu = bar.addMenu("")
            menu.setObjectName(name)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
            setattr(self, name, menu)
        self.company = CompanyActions(self.sync, self.menu_sync, self)  # managers and admins
        self.tools = ToolsMenu(self)  # check, back up, restore (crmdesk.ui.maintenance)
        self.campaigns = CampaignsAction(self)  # festival campaigns (crmdesk.ui.campaigns)

    def _retranslate_actions(self) -> None:
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

    # -- settings ---------------------------------------------------------------------------------

    def open_enrol(self) -> None:
        from crmdesk.ui.sync_ui import open_enrol

        open_enrol(self.sync, self)

    def open_conflicts(self) -> None:
        from crmdesk.ui.sync_ui import open_conflicts

        open_conflicts(self.sync, self)

    def open_settings(self) -> None:
        from crmdesk.ui.settingsdialog import SettingsDialog

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
