"""Adding a follow-up (跟进) for a contact from the card: what is to be done, and by when.

The due date is typed and checked at every key against the date policy (an impossible day is
named at the field and Save stays disabled, never saved as another day). A date already past is
most often a slip of the month or year, so it is asked about once before it is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from crmdesk.ui.date_fields import DateField
from crmdesk.ui.desk import Desk
from crmdesk.ui.past_due import ask_past_due
from crmdesk.ui.record_dialog import RecordDialog

DEFAULT_DAYS_AHEAD = 7


class FollowUpDialog(RecordDialog):
    """Add a follow-up for ``contact_id``."""

    def __init__(self, desk: Desk, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Add a follow-up"))
        f = self.form
        self.description = QLineEdit(f)
        self.description.setPlaceholderText(self.tr("e.g. send the quote"))
        due = dt.date.today() + dt.timedelta(days=DEFAULT_DAYS_AHEAD)
        self.due = DateField(due, "due", f)
        self.due.setObjectName("due")
        self._watch(self.due)
        f.add_row("description", self.tr("&What"), self.description)
        f.add_row("due", self.tr("&Due"), self.due, "due_on")
        self._layout((self.tr("Follow-up"), f))
        self.resize(440, 200)
        self._past_ok: dt.date | None = None  # asked once, the rep said yes
        self.past_due_box: QMessageBox | None = None  # the question, while it is open
        self.description.setFocus()

    def _values(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "description": self.description.text(),
            "due_on": self.due.value(),
        }

    def save(self) -> None:
        if self._busy or not self.inputs_valid():
            return
        due = self.due.value()
        if due < dt.date.today() and self._past_ok != due:
            self.past_due_box = ask_past_due(self, due, lambda yes: self._answered(due, yes))
            return
        super().save()

    def _answered(self, due: dt.date, yes: bool) -> None:
        self.past_due_box = None
        if yes:
            self._past_ok = due
            self.save()
        else:
            self.due.setFocus()

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import followups

        return self.desk.write(followups.add_follow_up, changes="followup", **values)
