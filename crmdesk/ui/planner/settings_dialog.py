"""The planner's settings panel: date policies, lead time, dormancy, reminder time, cadences per
tier, and which festivals apply to which tiers.

Everything shown is what the book holds; saving writes it in one transaction on the worker
(:func:`crmdesk.db.planner_settings.apply_planner_settings`) and shows a refused value at its
field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.core.occasions import Feb29Policy, LeapMonthPolicy, LunarDay30Policy, OccasionPolicy
from crmdesk.core.planner import PlanTier
from crmdesk.core.planner_config import (
    MAX_DORMANT_DAYS,
    MAX_LEAD_DAYS,
    PlannerSettings,
    TierSet,
    parse_tier_list,
)
from crmdesk.db.planner_settings import apply_planner_settings
from crmdesk.db.services.tiers import MAX_CADENCE_DAYS
from crmdesk.ui import labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.formats import list_text
from crmdesk.ui.forms import Form, error_text
from crmdesk.ui.planner.texts import PlannerTexts

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class PlannerSettingsDialog(QDialog):
    """Show and change the planner's settings; :attr:`saved` carries the new settings."""

    saved = Signal(object)

    def __init__(
        self,
        desk: Desk,
        settings: PlannerSettings,
        tiers: Sequence[PlanTier],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.settings = settings
        self.tier_rows = sorted(tiers, key=lambda t: t.rank)
        self.texts = PlannerTexts(self)
        self.setObjectName("plannerSettingsDialog")
        self.setWindowTitle(self.tr("Planner settings"))
        self.form = Form(self)

        self.feb29 = self._combo(
            "feb29", [(p, self.texts.feb29(p)) for p in Feb29Policy], settings.policy.feb29
        )
        self.leap = self._combo(
            "leap_month",
            [(p, self.texts.leap_month(p)) for p in LeapMonthPolicy],
            settings.policy.missing_leap_month,
        )
        self.day30 = self._combo(
            "day30",
            [(p, self.texts.day30(p)) for p in LunarDay30Policy],
            settings.policy.missing_day30,
        )
        self.lead = QSpinBox(self)
        self.lead.setObjectName("leadDays")
        self.lead.setRange(0, MAX_LEAD_DAYS)
        self.lead.setValue(settings.lead_days)
        self.dormant = QSpinBox(self)
        self.dormant.setObjectName("dormantDays")
        self.dormant.setRange(1, MAX_DORMANT_DAYS)
        self.dormant.setValue(settings.dormant_days)
        self.remind = QTimeEdit(self)
        self.remind.setObjectName("remindAt")
        self.remind.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.remind.setTime(QTime(settings.remind_at.hour, settings.remind_at.minute))
        self.form.add_row("feb29", self.tr("29 February"), self.feb29)
        self.form.add_row("leap_month", self.tr("Leap months"), self.leap, "missing_leap_month")
        self.form.add_row("day30", self.tr("Lunar day 30"), self.day30, "missing_day30")
        self.form.add_row("lead_days", self.tr("Buy gifts (days ahead)"), self.lead)
        self.form.add_row("dormant_days", self.tr("Dormant after (days)"), self.dormant)
        self.form.add_row("remind_at", self.tr("Daily reminder at"), self.remind)

        self.cadences: dict[str, QSpinBox] = {}
        for tier in self.tier_rows:
            spin = QSpinBox(self)
            spin.setObjectName(f"cadence_{tier.code}")
            spin.setRange(1, MAX_CADENCE_DAYS)
            spin.setValue(tier.cadence_days)
            spin.setSuffix(self.tr(" days"))
            self.cadences[tier.code] = spin
            self.form.add_row(
                f"cadence_{tier.code}",
                self.tr("Contact tier %1 every").replace(
                    "%1", f"{tier.code} · {labels.tier_name(tier.name)}"
                ),
                spin,
            )

        self.festivals = QTableWidget(self)
        self.festivals.setObjectName("festivalTiers")
        self.festivals.setColumnCount(2)
        self.festivals.setHorizontalHeaderLabels([self.tr("Festival"), self.tr("Tiers")])
        self.festivals.horizontalHeader().setStretchLastSection(True)
        all_festivals = settings.festivals()
        self.festivals.setRowCount(len(all_festivals))
        language = QLocale().name()
        for row, festival in enumerate(all_festivals):
            name = QTableWidgetItem(festival.name(language))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(KEY_ROLE, festival.key)
            self.festivals.setItem(row, 0, name)
            self.festivals.setItem(
                row, 1, QTableWidgetItem(self._tier_text(settings.tiers_for(festival.key)))
            )
        self.form.add_row("tiers", self.tr("Festivals"), self.festivals, "festival")
        hint = QLabel(self.tr('Tiers: "all", "none", or codes such as S, A.'), self)
        hint.setWordWrap(True)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _combo(self, name: str, choices: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, text in choices:
            combo.addItem(text, str(value))
        combo.setCurrentIndex(max(0, combo.findData(str(current))))
        return combo

    def _tier_text(self, tiers: TierSet) -> str:
        if tiers is None:
            return self.tr("all")
        return list_text(tiers) if tiers else self.tr("none")

    def _tier_list(self, text: str) -> TierSet:
        """Read a tier cell: the translated "all"/"none" as well as the English ones."""
        words = {self.tr("all").casefold(): "all", self.tr("none").casefold(): "none"}
        return parse_tier_list(words.get(text.strip().casefold(), text), field="tiers")

    def new_settings(self) -> PlannerSettings:
        """The settings as shown; ValidationError (naming the field) for a bad value."""
        festival_tiers = dict(self.settings.festival_tiers)
        for row in range(self.festivals.rowCount()):
            name = self.festivals.item(row, 0)
            cell = self.festivals.item(row, 1)
            if name is None:  # pragma: no cover - every row is filled in __init__
                continue
            key = name.data(KEY_ROLE)
            festival_tiers[key] = self._tier_list(cell.text() if cell else "")
        time = self.remind.time()
        return replace(
            self.settings,
            policy=OccasionPolicy(
                feb29=Feb29Policy(self.feb29.currentData()),
                missing_leap_month=LeapMonthPolicy(self.leap.currentData()),
                missing_day30=LunarDay30Policy(self.day30.currentData()),
            ),
            lead_days=self.lead.value(),
            dormant_days=self.dormant.value(),
            remind_at=dt.time(time.hour(), time.minute()),
            festival_tiers=festival_tiers,
        )

    def save(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        try:
            settings = self.new_settings()
        except ValidationError as error:
            self._failed(error)
            return
        cadences = {code: spin.value() for code, spin in self.cadences.items()}
        self.buttons.setEnabled(False)
        (
            self.desk.write(
                apply_planner_settings, changes="planner", settings=settings, cadences=cadences
            )
            .success(self._saved)
            .failure(self._failed)
            .finally_(lambda: self.buttons.setEnabled(True))
            .run()
        )

    def _saved(self, settings: PlannerSettings) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        field = error.field if isinstance(error, CrmdeskError) else None
        if not self.form.show_error(field, error_text(error)):
            self.message.setText(error_text(error))
