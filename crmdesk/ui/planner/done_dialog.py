""" "Done…" for a plan item: what was done (greeting, gift, call…), its cost and gift, in one step.

Saving runs :func:`crmdesk.db.planning.mark_done` on the desk's worker (it logs the interaction
through the services, completes a follow-up, ticks the occasion); the dialog closes on success and
shows the error at its field otherwise (e.g. "never the same gift twice" at the gift). For a
festival the rep ticks whom they greeted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import vocab
from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.core.planner import ItemKind, PlanItem
from crmdesk.db.planning import DoneView, mark_done
from crmdesk.ui import labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import Form, error_text
from crmdesk.ui.money_field import MoneyField
from crmdesk.ui.planner.texts import PlannerTexts, money_text

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class DoneDialog(QDialog):
    """Mark ``item`` done; :attr:`completed` carries the :class:`DoneView` once saved."""

    completed = Signal(object)

    def __init__(self, desk: Desk, item: PlanItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.item = item
        self.texts = PlannerTexts(self)
        self.setObjectName("plannerDoneDialog")
        self.setWindowTitle(self.tr("Done: %1").replace("%1", self.texts.who(item)))

        self.summary = QLabel(self.texts.why(item), self)
        self.summary.setWordWrap(True)
        self.form = Form(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("doneKind")
        for code, label in labels.choices(vocab.INTERACTION_KINDS):
            self.kind.addItem(label, code)
        self.cost = MoneyField("cost", self)
        self.cost.setObjectName("doneCost")
        self.cost.checked.connect(self._cost_checked)
        if item.budget is not None and item.kind is not ItemKind.FESTIVAL:
            self.cost.setPlaceholderText(
                self.tr("Suggested: %1").replace("%1", money_text(item.budget))
            )
        self.gift = QLineEdit(self)
        self.gift.setObjectName("doneGift")
        last = self.texts.last_gift(item)
        if last:
            self.gift.setPlaceholderText(self.tr("Last time: %1").replace("%1", last))
        self.allow_repeat = QCheckBox(self.tr("Allow a gift they already received"), self)
        self.form.add_row("kind", self.tr("What"), self.kind)
        self.form.add_row("cost", self.tr("Cost"), self.cost)
        self.form.add_row("gift", self.tr("Gift"), self.gift)
        self.people: QListWidget | None = None
        festival = item.festival_day
        if festival is not None:
            self.people = QListWidget(self)
            self.people.setObjectName("donePeople")
            for person in festival.open_people:
                entry = QListWidgetItem(person.name, self.people)
                entry.setData(PERSON_ROLE, person.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
            self.form.add_row("contact", self.tr("Greeted"), self.people)
        self.form.add_row("allow_repeat", "", self.allow_repeat)
        self._select_kind("gift" if item.kind in (ItemKind.FESTIVAL,) else "greeting")
        self.gift.textChanged.connect(self._on_gift)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def _select_kind(self, code: str) -> None:
        index = self.kind.findData(code)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def _on_gift(self, text: str) -> None:
        if text.strip() and self.kind.currentData() == "greeting":
            self._select_kind("gift")

    def chosen_people(self) -> list[str]:
        if self.people is None:
            return []
        return [
            self.people.item(i).data(PERSON_ROLE)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _cost_checked(self, error: ValidationError | None) -> None:
        """The cost as typed: its error at the field, OK disabled while it is not an amount."""
        label = self.form.error_label("cost")
        assert label is not None
        label.setText(self.cost.error_message())
        label.setToolTip(error.message if error else "")
        label.setVisible(error is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(error is None)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show an error under a field whole (a wrapped label asks for height for its
        width, which a top-level dialog does not follow by itself)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def save(self) -> None:
        """Check the input, then mark the item done on the worker."""
        self.form.clear_errors()
        try:
            cost = self.cost.value()
        except ValidationError as error:
            self.form.show_error("cost", self.cost.error_message() or error_text(error))
            return
        self.buttons.setEnabled(False)
        (
            self.desk.write(
                mark_done,
                changes="interaction",
                item_id=self.item.id,
                cost=cost,
                gift=self.gift.text().strip() or None,
                contact_ids=self.chosen_people(),
                kind=self.kind.currentData(),
                allow_repeat_gift=self.allow_repeat.isChecked(),
            )
            .success(self._saved)
            .failure(self._failed)
            .finally_(self._finished_writing)
            .run()
        )

    def _finished_writing(self) -> None:
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.cost.is_valid())

    def _saved(self, result: DoneView) -> None:
        self.completed.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        field = error.field if isinstance(error, CrmdeskError) else None
        code = error.code if isinstance(error, CrmdeskError) else None
        if code == "gift_repeated":
            message = self.tr(
                "They were already given this gift: never the same gift twice. Choose another, "
                "or allow the repeat."
            )
        elif field == "contact" and code == "required":
            message = self.tr("Tick whom you greeted.")
        else:
            message = error_text(error)
        if not self.form.show_error(field, message):
            self.summary.setText(message)
        self._fit_height()
