"""Mark several plan items done at once: a week's birthday greetings in one step.

Each item is logged as its own interaction (a greeting by default), with the tier's suggested
budget as its cost unless the rep unticks that; a festival greets everyone listed under it. All
items are written in one transaction on the desk's worker (:func:`mark_all_done`): if one is
refused, none is written and the message names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core import vocab
from crmdesk.core.errors import CrmdeskError
from crmdesk.core.money import Money
from crmdesk.core.planner import ItemKind, PlanItem
from crmdesk.db.planning import DoneView, mark_done
from crmdesk.ui import labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.pages import colon
from crmdesk.ui.planner.texts import PlannerTexts, money_text


@dataclass(frozen=True)
class DoneEntry:
    """One item to mark done and what to log with it."""

    item_id: str
    label: str  # how the item is named in an error message
    cost: Money | None
    contact_ids: tuple[str, ...]
    kind: str


class BulkDoneError(CrmdeskError):
    """One item of a bulk "done" was refused; nothing was written."""

    code = "bulk_done"


def mark_all_done(session: Session, *, entries: list[DoneEntry]) -> list[DoneView]:
    """Runs on the worker inside the desk's write transaction: every item or none."""
    done = []
    for entry in entries:
        try:
            done.append(
                mark_done(
                    session,
                    item_id=entry.item_id,
                    cost=entry.cost,
                    contact_ids=entry.contact_ids,
                    kind=entry.kind,
                )
            )
        except CrmdeskError as error:
            raise BulkDoneError(f"{entry.label}: {error.message}", field=error.field) from error
    return done


class BulkDoneDialog(QDialog):
    """Confirm and log ``items`` as done; :attr:`completed` carries the list of DoneViews."""

    completed = Signal(object)

    def __init__(self, desk: Desk, items: list[PlanItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.items = items
        self.texts = PlannerTexts(self)
        self.setObjectName("plannerBulkDoneDialog")
        self.setWindowTitle(self.tr("Mark %n item(s) done", "", len(items)))
        self.summary = QLabel(self.tr("Each is logged as its own interaction:"), self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("bulkDoneItems")
        for item in items:
            cost = money_text(item.budget) if item.budget is not None else ""
            text = f"{self.texts.who(item)}{colon()}{self.texts.why(item)}"
            self.list.addItem(f"{text} · {cost}" if cost else text)
        self.kind = QComboBox(self)
        self.kind.setObjectName("bulkDoneKind")
        for code, label in labels.choices(vocab.INTERACTION_KINDS):
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData("greeting")))
        self.with_budget = QCheckBox(
            self.tr("Log each with its tier's suggested budget as the cost"), self
        )
        self.with_budget.setObjectName("bulkDoneBudget")
        self.with_budget.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("bulkDoneError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.kind)
        layout.addWidget(self.with_budget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def entries(self) -> list[DoneEntry]:
        kind = str(self.kind.currentData())
        out = []
        for item in self.items:
            festival = item.festival_day
            people = tuple(p.id for p in festival.open_people) if festival is not None else ()
            # A festival's budget is per person and the rep may have greeted only some: no cost.
            cost = (
                item.budget
                if self.with_budget.isChecked() and item.kind is not ItemKind.FESTIVAL
                else None
            )
            out.append(DoneEntry(item.id, self.texts.who(item), cost, people, kind))
        return out

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.error.hide()
        (
            self.desk.write(mark_all_done, changes="interaction", entries=self.entries())
            .success(self._saved)
            .failure(self._failed)
            .finally_(lambda: self.buttons.setEnabled(True))
            .run()
        )

    def _saved(self, done: list[DoneView]) -> None:
        self.completed.emit(done)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        cause = error.__cause__ if isinstance(error, BulkDoneError) else error
        who = str(getattr(error, "message", "")).split(": ", 1)[0]
        text = error_text(cause if cause is not None else error)
        self.error.setText(
            self.tr("Nothing was logged. %1: %2").replace("%1", who).replace("%2", text)
        )
        self.error.show()
