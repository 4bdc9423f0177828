"""The one question asked before a follow-up due in the past is saved.

A past visit is simply logged; a follow-up already due is most often a typo (the wrong month or
year), so the rep is asked once, naming how long ago it was due. The box is window-modal and
opened with ``open()``: the GUI thread never waits in a nested event loop for the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


class PastDueQuestion(QMessageBox):
    """ "This follow-up is due in the past (N days ago). Save anyway?" — Save or Cancel."""

    def __init__(self, due: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        days = (dt.date.today() - due).days
        self.setObjectName("pastDueQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Follow-up in the past"))
        self.setText(
            self.tr("This follow-up is due in the past (%n day(s) ago). Save anyway?", "", days)
        )
        self.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)


def ask_past_due(parent: QWidget, due: dt.date, answered: Callable[[bool], None]) -> QMessageBox:
    """Open the question for ``due`` (in the past); ``answered(True)`` when the rep saves anyway."""
    box = PastDueQuestion(due, parent)
    box.finished.connect(lambda answer: answered(answer == QMessageBox.StandardButton.Save))
    box.open()
    return box
