"""The quick "log a visit" dialog: a ten-second note takes ten seconds.

Opened with Ctrl+I from anywhere, it starts filled in — now, a visit, the contact on screen as
attendee — with the cursor in the note. Type, press Ctrl+Enter, done. Everything else (where,
kind, more attendees picked by type-ahead, cost, gifts, outcome, next step, a follow-up date) is
one Tab away.

Attendee type-ahead asks the book's search (characters, pinyin, initials) on the worker as the
user types; the completer shows the latest answer only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import vocab
from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.core.money import Money
from crmdesk.ui import labels
from crmdesk.ui.date_fields import CheckedField, DateField, DateTimeField
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import Form, error_text
from crmdesk.ui.models import ID_ROLE, Suggestion, SuggestionModel
from crmdesk.ui.money_field import MoneyField
from crmdesk.ui.past_due import ask_past_due

TYPE_AHEAD_DELAY_MS = 80
SUGGESTIONS = 12


def contact_suggestions(session: Any, text: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Contacts (only) matching ``text``, for the type-ahead; runs on the worker."""
    from crmdesk.db import search

    hits = search.search(session, text, limit=limit, kinds=("contact",))
    return [Suggestion(h.id, h.name, h.subtitle) for h in hits]


@dataclass(frozen=True)
class GiftLine:
    """A gift as the dialog has it: what, worth, to whom (a contact id)."""

    description: str
    value: Money | None
    recipient_id: str | None


def log_visit(session: Any, *, gifts: list[GiftLine], **values: Any) -> Any:
    """Log the interaction (worker): the services' ``log_interaction`` with the dialog's gifts."""
    from crmdesk.db.services import interactions

    given = [interactions.NewGift(g.description, g.value, g.recipient_id) for g in gifts]
    return interactions.log_interaction(session, gifts=given, **values)


class _TypeAheadEdit(QLineEdit):
    """A line edit that keeps Enter to itself: Enter picks a person, it does not save the log."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AttendeePicker(QWidget):
    """A type-ahead box and the list of chosen attendees."""

    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.edit = _TypeAheadEdit(self)
        self.edit.setObjectName("attendeeSearch")
        self.suggestions = SuggestionModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("attendees")
        self.chosen.setMaximumHeight(84)
        self.chosen.itemDoubleClicked.connect(self._remove_item)
        self.remove = QPushButton(self)
        self.remove.clicked.connect(self._remove_current)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_AHEAD_DELAY_MS)
        self._timer.timeout.connect(self._ask)
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._take_first)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self.edit.setPlaceholderText(self.tr("Type a name, pinyin or initials to add someone"))
        self.remove.setText(self.tr("Remove"))

    def ids(self) -> list[str]:
        return [self.chosen.item(i).data(ID_ROLE) for i in range(self.chosen.count())]

    def names(self) -> list[str]:
        return [self.chosen.item(i).text() for i in range(self.chosen.count())]

    def add(self, contact_id: str, name: str) -> None:
        if contact_id in self.ids():
            return
        item = QListWidgetItem(name, self.chosen)
        item.setData(ID_ROLE, contact_id)
        self.changed.emit()

    def _ask(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.suggestions.set_items([])
            return
        (
            self.desk.read(contact_suggestions, text)
            .key(f"attendees.{id(self)}")
            .success(self._show)
            .run()
        )

    def _show(self, items: list[Suggestion]) -> None:
        self.suggestions.set_items(items)
        if items and self.edit.hasFocus():
            self.completer.complete()

    def _on_activated(self, index: QModelIndex) -> None:
        item = self.suggestions.item(index.row())
        if item is not None:
            self._take(item)

    def _take_first(self) -> None:
        popup = self.completer.popup()
        assert popup is not None
        row = popup.currentIndex().row() if popup.isVisible() else -1
        item = self.suggestions.item(row if row >= 0 else 0)
        if item is not None and self.edit.text().strip():
            self._take(item)

    def _take(self, item: Suggestion) -> None:
        self.add(item.id, item.name)
        # Cleared after the completer has written its own text into the box.
        QTimer.singleShot(0, self.edit.clear)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.suggestions.set_items([])

    def _remove_item(self, item: QListWidgetItem) -> None:
        self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()

    def _remove_current(self) -> None:
        item = self.chosen.currentItem()
        if item is not None:
            self._remove_item(item)


class VisitDialog(QDialog):
    """Log an interaction; see the module docstring."""

    saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        attendees: list[tuple[str, str]] | None = None,
        account_id: str | None = None,
        currency: str = "CNY",
        recorded_by: str | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.account_id = account_id
        self.currency = currency
        self.recorded_by = recorded_by
        self.result_view: Any = None
        self._busy = False
        self.setWindowTitle(self.tr("Log a visit"))
        f = self.form = Form(self)
        moment = now or dt.datetime.now().astimezone()
        self.when = DateTimeField(moment, "when", f)
        self.when.setObjectName("when")
        self.kind = QComboBox(f)
        for code, label in labels.choices(vocab.INTERACTION_KINDS):
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(self.kind.findData("visit"), 0))
        self.place = QLineEdit(f)
        self.attendees = AttendeePicker(desk, f)
        for cid, name in attendees or []:
            self.attendees.add(cid, name)
        self.summary = QPlainTextEdit(f)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(90)
        self.cost = MoneyField("cost", f, currency=currency)
        self.cost.setPlaceholderText(self.tr("e.g. 800, ¥1,200 or 50 USD"))
        self.gift = QLineEdit(f)
        self.gift_value = MoneyField("gift_value", f, currency=currency)
        self.gift_value.setPlaceholderText(self.tr("value"))
        self.gift_value.setMaximumWidth(120)
        gift_row = QWidget(f)
        gift_layout = QHBoxLayout(gift_row)
        gift_layout.setContentsMargins(0, 0, 0, 0)
        gift_layout.addWidget(self.gift, 1)
        gift_layout.addWidget(self.gift_value)
        self.gift.setPlaceholderText(self.tr("what was given (to the first attendee)"))
        self.outcome = QLineEdit(f)
        self.next_step = QLineEdit(f)
        self.follow_up = QCheckBox(self.tr("Follow up on"), f)
        self.follow_up_on = DateField(moment.date() + dt.timedelta(days=7), "follow_up", f)
        self.follow_up_on.setObjectName("follow_up_on")
        self.follow_up_on.setEnabled(False)
        self._past_follow_up_ok: dt.date | None = None  # asked once, the rep said yes
        self.past_due_box: QMessageBox | None = None  # the question, while it is open
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        self.next_step.textEdited.connect(
            lambda text: self.follow_up.setChecked(bool(text.strip()) or self.follow_up.isChecked())
        )
        follow_row = QWidget(f)
        follow_layout = QHBoxLayout(follow_row)
        follow_layout.setContentsMargins(0, 0, 0, 0)
        follow_layout.addWidget(self.follow_up)
        follow_layout.addWidget(self.follow_up_on)
        follow_layout.addStretch(1)
        f.add_row("summary", self.tr("&Note"), self.summary)
        f.add_row("contact", self.tr("&Who"), self.attendees, "attendees")
        f.add_row("when", self.tr("Whe&n"), self.when)
        f.add_row("where", self.tr("W&here"), self.place, "place")
        f.add_row("kind", self.tr("&Kind"), self.kind)
        f.add_row("cost", self.tr("&Cost"), self.cost)
        f.add_row("gift", self.tr("&Gift"), gift_row, "gift_value")
        f.add_row("outcome", self.tr("&Outcome"), self.outcome)
        f.add_row("next_step", self.tr("Ne&xt step"), self.next_step)
        f.add_row("follow_up", self.tr("Follow-up"), follow_row)
        hint = QLabel(self.tr("Ctrl+Enter saves."), self)
        hint.setProperty("role", "muted")
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(f, 1)
        layout.addWidget(self.general_error)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        for field in (self.when, self.follow_up_on, self.cost, self.gift_value):
            field.checked.connect(self._field_checked)
        self.follow_up.toggled.connect(lambda _on: self._update_save())
        self.resize(560, 620)
        # With someone already chosen the note is all that is left to type.
        (self.summary if self.attendees.ids() else self.attendees.edit).setFocus()

    def _field_checked(self, error: ValidationError | None) -> None:
        """Typed into a date or time: its error at the field, Save only when all are valid."""
        field = self.sender()
        if isinstance(field, CheckedField):
            label = self.form.error_label(field.field)
            if label is not None:
                if error is None:
                    label.clear()
                    label.hide()
                else:
                    label.setText(field.error_message())
                    label.setToolTip(error.message)
                    label.show()
        self._update_save()

    def inputs_valid(self) -> bool:
        """Every date, time and amount typed is a real one (the follow-up's only when ticked)."""
        return (
            self.when.is_valid()
            and self.cost.is_valid()
            and self.gift_value.is_valid()
            and (not self.follow_up.isChecked() or self.follow_up_on.is_valid())
        )

    def _update_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.inputs_valid() and not self._busy)

    def values(self) -> dict[str, Any]:
        """What the form says, checked where only the form can check it."""
        occurred_at = self.when.value()  # the local zone; a past visit is fine
        cost = self.cost.value()
        gifts: list[GiftLine] = []
        ids = self.attendees.ids()
        if self.gift.text().strip():
            value = self.gift_value.value()
            gifts.append(GiftLine(self.gift.text().strip(), value, ids[0] if ids else None))
        elif self.gift_value.text().strip():
            raise ValidationError("say what the gift was", field="gift", code="required")
        follow_up_on = self.follow_up_on.value() if self.follow_up.isChecked() else None
        if not ids and not self.account_id:
            raise ValidationError("choose who you met", field="contact", code="required")
        return {
            "occurred_at": occurred_at,
            "kind": self.kind.currentData(),
            "attendee_ids": ids,
            "account_id": None if ids else self.account_id,
            "place": self.place.text().strip() or None,
            "summary": self.summary.toPlainText().strip(),
            "outcome": self.outcome.text().strip() or None,
            "next_step": self.next_step.text().strip() or None,
            "follow_up_on": follow_up_on,
            "cost": cost,
            "gifts": gifts,
            "recorded_by": self.recorded_by or None,
        }

    def show_error(self, error: BaseException) -> None:
        field = error.field if isinstance(error, CrmdeskError) else None
        message = error_text(error)
        if field == "contact" and isinstance(error, CrmdeskError) and error.code == "required":
            message = self.tr("Choose who you met.")
        if field == "gift" and isinstance(error, CrmdeskError) and error.code == "required":
            message = self.tr("Say what the gift was.")
        if not self.form.show_error(field, message):
            self.general_error.setText(message)
            self.general_error.show()

    def save(self) -> None:
        if self._busy or not self.inputs_valid():
            return  # Ctrl+Enter with an impossible value: its error is already at the field
        self.form.clear_errors()
        self.general_error.hide()
        try:
            values = self.values()
        except CrmdeskError as exc:
            self.show_error(exc)
            return
        if self._ask_past_due(values["follow_up_on"], values["occurred_at"].date()):
            return
        self._busy = True
        self.buttons.setEnabled(False)
        (
            self.desk.write(log_visit, changes="interaction", **values)
            .success(self._on_saved)
            .failure(self.show_error)
            .finally_(self._done)
            .run()
        )

    def _ask_past_due(self, due: dt.date | None, visited: dt.date) -> bool:
        """A follow-up due before today is asked about once (window-modal, never blocking);
        True while the question is open. A past visit is fine and never asked about; a
        follow-up before its visit is the service's error, not a question."""
        today = dt.date.today()
        if due is None or not visited <= due < today or self._past_follow_up_ok == due:
            return False
        self.past_due_box = ask_past_due(self, due, lambda yes: self._past_due_answered(due, yes))
        return True

    def _past_due_answered(self, due: dt.date, yes: bool) -> None:
        self.past_due_box = None
        if yes:
            self._past_follow_up_ok = due
            self.save()
        else:
            self.follow_up_on.setFocus()

    def _done(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self._update_save()

    def _on_saved(self, view: Any) -> None:
        self.result_view = view
        self.saved.emit(view)
        self.accept()
