"""Record commands of the main window: add, edit, delete and undo, the visit log and the brief.

Each command asks the desk (the one database worker) and shows its result when it comes back;
the window (``crmdesk.ui.mainwindow``) composes the panels these commands act on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from crmdesk.core.views import AccountView, ContactView, DeletionView
from crmdesk.db import browse
from crmdesk.ui import labels
from crmdesk.ui import settings as s
from crmdesk.ui.desk import Desk
from crmdesk.ui.detail import DetailPane, Shown
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import Translations
from crmdesk.ui.panels import AccountPanel, ContactPanel, RecordPanel
from crmdesk.ui.session import BookSession
from crmdesk.ui.tasks import Op

if TYPE_CHECKING:  # each dialog's module loads when the dialog is first opened
    from crmdesk.ui.brief import BriefDialog
    from crmdesk.ui.editors import AccountDialog, ContactDialog, RecordDialog
    from crmdesk.ui.transfer import ExportDialog, ImportWizard
    from crmdesk.ui.visit import VisitDialog

STATUS_MS = 8000


@dataclass(frozen=True)
class Deleted:
    """The last delete, for Undo: what it was and its name."""

    view: DeletionView
    name: str


class RecordCommands(QMainWindow):
    """The commands on the current contact or account; the window builds what they act on."""

    # Set by MainWindow.__init__ before any command can run.
    session: BookSession
    settings: s.Settings
    desk: Desk | None
    last_deleted: Deleted | None
    choices: browse.FilterChoices
    tabs: QTabWidget
    contacts: ContactPanel
    accounts: AccountPanel
    detail: DetailPane
    brief_dialog: BriefDialog
    translations: Translations

    def _update_actions(self) -> None:
        """Enable what applies now (the window's actions override this)."""

    def _on_unhandled(self, error: BaseException) -> None:
        self.statusBar().showMessage(error_text(error), STATUS_MS)

    # -- current record -------------------------------------------------------------------------

    def current_panel(self) -> RecordPanel:
        return self.contacts if self.tabs.currentIndex() == 0 else self.accounts

    def current(self) -> Shown | None:
        # The planner and the Team tab have no current record.
        if self.tabs.currentWidget() not in (self.contacts, self.accounts):
            return None
        panel = self.current_panel()
        rid = panel.current_id()
        if not rid:
            return None
        return Shown("contact" if panel is self.contacts else "account", rid)

    def focus_search(self) -> None:
        self.current_panel().focus_search()

    def refresh(self) -> None:
        if self.desk is not None:
            self.desk.changed.emit("*")

    # -- editing --------------------------------------------------------------------------------

    def new_contact(self) -> None:
        if self.desk is None:
            return
        account_id = None
        shown = self.current()
        if shown is not None and shown.kind == "account":
            account_id = shown.id
        from crmdesk.ui.editors import ContactDialog

        self._open_editor(ContactDialog(self.desk, self.choices, self, account_id=account_id))

    def new_account(self) -> None:
        from crmdesk.ui.editors import AccountDialog

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
        from crmdesk.ui.editors import ContactDialog

        if self.desk is not None:
            self._open_editor(ContactDialog(self.desk, self.choices, self, contact=view))

    def _edit_account(self, view: AccountView) -> None:
        from crmdesk.ui.editors import AccountDialog

        if self.desk is not None:
            self._open_editor(AccountDialog(self.desk, self.choices, self, account=view))

    def _open_editor(self, dialog: ContactDialog | AccountDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def add_to_contact(self, what: str) -> None:
        """Open the small dialog for an "Add…" link of the card (a contact's, or an account's
        opportunity)."""
        page, desk = self.detail.page, self.desk
        dialog: RecordDialog
        if desk is not None and what == "opportunity" and isinstance(page, browse.AccountPage):
            from crmdesk.ui.opportunity_dialog import OpportunityDialog

            account = page.account
            dialog = OpportunityDialog(desk, account.id, account.currency, self)
            self._open_added(dialog, what)
            return
        if desk is None or not isinstance(page, browse.ContactPage):
            return
        from crmdesk.ui.editors import DateDialog, FamilyDialog, PreferenceDialog

        contact_id = page.detail.contact.id
        if what == "preference":
            dialog = PreferenceDialog(desk, contact_id, self)
        elif what == "family":
            dialog = FamilyDialog(desk, contact_id, self)
        elif what == "date":
            family = [(m.id, m.name) for m in page.detail.family]
            dialog = DateDialog(desk, contact_id, family, self)
        elif what == "followup":
            from crmdesk.ui.followup_dialog import FollowUpDialog

            dialog = FollowUpDialog(desk, contact_id, self)
        else:
            return
        self._open_added(dialog, what)

    def _open_added(self, dialog: RecordDialog, what: str) -> None:
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
                    self.tr("Done: %1").replace("%1", labels.follow_up_text(view.description)),
                    STATUS_MS,
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
        from crmdesk.ui.visit import VisitDialog

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
        from crmdesk.ui.brief import BriefDialog, brief_html

        html = brief_html(
            page,
            interactions=self.settings.get(s.BRIEF_INTERACTIONS),
            days=self.settings.get(s.UPCOMING_DAYS),
        )
        title = (
            page.detail.contact.name if isinstance(page, browse.ContactPage) else page.account.name
        )
        dialog = BriefDialog(
            html, title, self.session.runner, self, language=self.translations.language
        )
        dialog.setObjectName("briefDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.brief_dialog = dialog

    # -- settings and window state --------------------------------------------------------------

    def open_import(self) -> ImportWizard | None:
        if self.desk is None:
            return None
        from crmdesk.ui.transfer import ImportWizard

        wizard = ImportWizard(self.desk, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        return wizard

    def open_export(self) -> ExportDialog | None:
        if self.desk is None:
            return None
        from crmdesk.ui.transfer import ExportDialog

        dialog = ExportDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
