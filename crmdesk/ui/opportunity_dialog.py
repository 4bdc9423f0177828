"""Adding an opportunity (商机) to an account from its card: name, stage, amount, expected close.

The amount and the expected close are typed and checked at every key (the core's money parser
and date policy): an impossible one is named at its field and Save stays disabled, so nothing is
saved as some other amount or day than the one typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from crmdesk.core import vocab
from crmdesk.ui.date_fields import DateField
from crmdesk.ui.desk import Desk
from crmdesk.ui.money_field import MoneyField
from crmdesk.ui.record_dialog import RecordDialog, vocab_box

DEFAULT_DAYS_TO_CLOSE = 90


class OpportunityDialog(RecordDialog):
    """Add an opportunity to ``account_id``; a bare amount is in ``currency``."""

    def __init__(
        self,
        desk: Desk,
        account_id: str,
        currency: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.account_id = account_id
        self.setWindowTitle(self.tr("Add an opportunity"))
        f = self.form
        self.name = QLineEdit(f)
        self.stage = vocab_box(f, vocab.OPPORTUNITY_STAGES, blank=False)
        self.amount = MoneyField("amount", f, currency=currency)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("e.g. 1,200,000 or 50,000 USD"))
        self._watch(self.amount)
        self.expected = QCheckBox(self.tr("Expected to close on"), f)
        close = dt.date.today() + dt.timedelta(days=DEFAULT_DAYS_TO_CLOSE)
        self.expected_on = DateField(close, "expected_on", f)
        self.expected_on.setObjectName("expected_on")
        self.expected_on.setEnabled(False)
        self.expected.toggled.connect(self.expected_on.setEnabled)
        self._watch(self.expected_on, self.expected)
        when = QWidget(f)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.expected)
        row.addWidget(self.expected_on)
        row.addStretch(1)
        f.add_row("name", self.tr("&Name"), self.name)
        f.add_row("stage", self.tr("&Stage"), self.stage)
        f.add_row("amount", self.tr("&Amount"), self.amount)
        f.add_row("expected_on", self.tr("Close"), when)
        self._layout((self.tr("Opportunity"), f))
        self.resize(480, 240)
        self.name.setFocus()

    def _values(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "name": self.name.text(),
            "stage": self.stage.currentData(),
            "amount": self.amount.value(),
            "expected_on": self.expected_on.value() if self.expected.isChecked() else None,
        }

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import opportunities

        return self.desk.write(opportunities.add_opportunity, changes="opportunity", **values)
