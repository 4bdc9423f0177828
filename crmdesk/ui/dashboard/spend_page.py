"""The Spend sub-view: spend per account, tier, rep and month against budget, the effort curve
against the 10/60 rule, the flags, and export to Excel or CSV. Runs no query itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.spend import RULE_CURVE, RULE_TOP_EFFORT, TOP_SHARE, SpendReport
from crmdesk.ui import formats
from crmdesk.ui.dashboard.charts import ChartBox, curve_chart
from crmdesk.ui.dashboard.dashboard_page import HintTable, fit_columns, make_table
from crmdesk.ui.dashboard.tables import RECORD_ROLE, FlagModel, RowsModel, SpendModel
from crmdesk.ui.dashboard.texts import TeamTexts

ALL_REPS = "all"
UNASSIGNED = "unassigned"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, 1)


class SpendPage(QWidget):
    """Filters and export buttons above; the effort curve beside the spend tables."""

    open_record = Signal(str, str)
    filters_changed = Signal()
    export_requested = Signal(str)  # "xlsx" or "csv"

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = TeamTexts(self)
        self.report: SpendReport | None = None

        self.from_label, self.to_label, self.rep_label = QLabel(self), QLabel(self), QLabel(self)
        first = today.replace(day=1)
        for _ in range(11):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        self.first_month = self._month_edit(first, "fromMonth")
        self.last_month = self._month_edit(today, "toMonth")
        self.rep = QComboBox(self)
        self.rep.setObjectName("spendRep")
        self.rep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rep.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.export_xlsx = QPushButton(self)
        self.export_xlsx.setObjectName("exportExcel")
        self.export_xlsx.clicked.connect(lambda: self.export_requested.emit("xlsx"))
        self.export_csv = QPushButton(self)
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        bar = QHBoxLayout()
        for w in (self.from_label, self.first_month, self.to_label, self.last_month,
                  self.rep_label, self.rep):  # fmt: skip
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_xlsx)
        bar.addWidget(self.export_csv)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.curve = ChartBox(self)
        self.curve.setMinimumWidth(340)

        self.models = {
            "accounts": SpendModel("account", self),
            "tiers": SpendModel("tier", self),
            "reps": SpendModel("rep", self),
            "months": SpendModel("month", self),
        }
        self.flags = FlagModel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tables: dict[str, HintTable] = {}
        every: list[tuple[str, RowsModel[Any]]] = [*self.models.items(), ("flags", self.flags)]
        for key, model in every:
            table = make_table(model, self)
            table.doubleClicked.connect(self._open)
            table.activated.connect(self._open)
            self.tables[key] = table
            self.tabs.addTab(table, "")
        self.tables["flags"].setColumnWidth(1, 260)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.curve)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._fill_reps(())
        self.retranslate()

    def _month_edit(self, day: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(False)
        edit.dateChanged.connect(lambda _d: self.filters_changed.emit())
        return edit

    # -- filters --------------------------------------------------------------------------------

    def month_range(self) -> tuple[dt.date, dt.date]:
        a, b = self.first_month.date(), self.last_month.date()
        return dt.date(a.year(), a.month(), 1), dt.date(b.year(), b.month(), 1)

    def rep_filter(self) -> tuple[bool, str | None]:
        """(filtered, rep): (False, None) for every rep; (True, None) for unassigned spend."""
        data = self.rep.currentData()
        if data in (None, ALL_REPS):
            return False, None
        if data == UNASSIGNED:
            return True, None
        return True, str(data)

    def current_key(self) -> str:
        """The table shown: accounts, tiers, reps, months or flags."""
        return list(self.tables)[self.tabs.currentIndex()]

    def _fill_reps(self, reps: tuple[str | None, ...]) -> None:
        current = self.rep.currentData()
        self.rep.blockSignals(True)
        self.rep.clear()
        self.rep.addItem(self.tr("All reps"), ALL_REPS)
        for rep in reps:
            self.rep.addItem(self.texts.owner(rep), rep if rep is not None else UNASSIGNED)
        self.rep.setCurrentIndex(max(0, self.rep.findData(current)))
        self.rep.blockSignals(False)

    # -- showing --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.rep_label.setText(self.tr("Rep"))
        for edit in (self.first_month, self.last_month):
            # A month as people write it (2026年3月, Mar 2026), in the language just chosen.
            edit.setLocale(QLocale())
            edit.setDisplayFormat(formats.month_pattern())
        self.export_xlsx.setText(self.tr("Export to Excel…"))
        self.export_csv.setText(self.tr("Export table to CSV…"))
        self.show_report(self.report)

    def _empty_texts(self, report: SpendReport | None) -> None:
        """Why each table is empty, in words (shown only while it is)."""
        if report is None:
            for table in self.tables.values():
                table.set_empty_text(self.tr("Loading…"))
            return
        nothing = (
            self.tr("No spend logged by this rep in these months.")
            if report.filtered
            else self.tr("No cost or gift logged in these months.")
        )
        for key in self.models:
            self.tables[key].set_empty_text(nothing)
        self.tables["flags"].set_empty_text(
            self.tr(
                "Nothing to flag: no gift bought twice on one day, no tier or rep over budget, "
                "no cost without an attendee."
            )
        )

    def show_report(self, report: SpendReport | None) -> None:
        self.report = report
        self._empty_texts(report)
        if report is None:
            self.flags.set_rows(())
            for model in self.models.values():
                model.set_rows(())
            self.curve.show_empty(self.tr("Loading…"))
            self.summary.setText("")
            self._tab_titles()
            self._update_buttons()
            return
        self.models["accounts"].set_rows(report.accounts)
        self.models["tiers"].set_rows(report.tiers)
        self.models["reps"].set_rows(report.reps)
        self.models["months"].set_rows(report.by_month)
        self.flags.set_rows(report.flags)
        for key, table in self.tables.items():
            fit_columns(table, widest=360 if key == "flags" else 240)
        if not report.filtered:
            self._fill_reps(report.reps_seen)
        self._tab_titles()
        self._summary(report)
        self._curve(report)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.report is not None
        self.export_xlsx.setEnabled(has)
        self.export_csv.setEnabled(has)

    def _tab_titles(self) -> None:
        titles = (self.tr("By account"), self.tr("By tier"), self.tr("By rep"),
                  self.tr("By month"))  # fmt: skip
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        flags = len(self.report.flags) if self.report is not None else 0
        self.tabs.setTabText(4, self.tr("Flags (%1)").replace("%1", str(flags)))

    def _summary(self, r: SpendReport) -> None:
        if r.is_empty:
            self.summary.setText(
                self.tr(
                    "No interactions or gifts in these months. Spend shows here once visits, "
                    "meals and gifts are logged with their cost."
                )
            )
            return
        text = self.tr(
            "The top %1% of accounts (%2 of %3) took %4% of interactions and %5% of spend (%6). "
            "Rule of thumb: key accounts, about %1%, get about %7% of the effort."
        )
        values = (
            round(100 * TOP_SHARE),
            r.effort.top_accounts,
            r.effort.accounts,
            round(100 * r.effort.top_share),
            round(100 * r.spend.top_share),
            r.spend_currency,
            round(100 * RULE_TOP_EFFORT),
        )
        for i, value in reversed(list(enumerate(values, start=1))):
            text = text.replace(f"%{i}", str(value))
        self.summary.setText(text)

    def _curve(self, r: SpendReport) -> None:
        if r.effort.total == 0:
            self.curve.show_empty(self.tr("No interactions in these months: no effort to show."))
            return
        curves = [(self.tr("Interactions"), r.effort.curve, False)]
        if r.spend.total:
            curves.append(
                (self.tr("Spend (%1)").replace("%1", r.spend_currency), r.spend.curve, False)
            )
        curves.append((self.tr("Rule of thumb 10/60"), RULE_CURVE, True))
        self.curve.show_chart(
            curve_chart(
                self.tr("Effort distribution"),
                curves,
                x_title=self.tr("Accounts, most effort first"),
                y_title=self.tr("Share of the total"),
            )
        )

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record:
            self.open_record.emit(*record)
