"""The Dashboard sub-view: charts of accounts, coverage and pipeline; lists of what needs doing.

Shows a :class:`~crmdesk.core.dashboard.Dashboard` made on the worker; runs no query itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.dashboard import PIPELINE_STAGES, ComingOccasion, Dashboard
from crmdesk.core.money import DEFAULT_CURRENCY, minor_digits
from crmdesk.ui.dashboard.charts import ChartBox, coverage_chart, pipeline_chart, stacked_bars_chart
from crmdesk.ui.dashboard.tables import (
    RECORD_ROLE,
    NeglectedModel,
    OccasionModel,
    OverdueModel,
    RowsModel,
)
from crmdesk.ui.dashboard.texts import TeamTexts, amount_text
from crmdesk.ui.formats import list_text


class HintTable(QTableView):
    """A table that says why it is empty (``empty_text``) instead of showing a blank box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""

    @property
    def empty_text(self) -> str:
        return self._empty_text

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0 or not self._empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(16, 16, -16, -16)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(area, int(flags) | int(Qt.TextFlag.TextWordWrap), self._empty_text)
        painter.end()


def make_table(model: RowsModel[Any], parent: QWidget) -> HintTable:
    table = HintTable(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultSectionSize(120)
    return table


def fit_columns(table: QTableView, widest: int = 280) -> None:
    """Columns as wide as the rows loaded need (the last one stretches), never wider than
    ``widest``."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for col in range(header.count() - 1):
        header.resizeSection(col, min(widest, max(60, header.sectionSize(col) + 12)))


class DashboardPage(QWidget):
    """Charts above, lists below (neglected key accounts, overdue follow-ups, occasions)."""

    open_record = Signal(str, str)
    days_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = TeamTexts(self)
        self.dashboard: Dashboard | None = None
        self._occasions_loaded = False

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.days_label = QLabel(self)
        self.days = QSpinBox(self)
        self.days.setObjectName("occasionDays")
        self.days.setRange(1, 366)
        self.days.setValue(30)
        self.days.valueChanged.connect(self.days_changed)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.days_label)
        top.addWidget(self.days)

        self.tier_chart = ChartBox(self)
        self.coverage_chart = ChartBox(self)
        self.pipeline_chart = ChartBox(self)
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, box in enumerate((self.tier_chart, self.coverage_chart, self.pipeline_chart)):
            grid.addWidget(box, 0, col)
            grid.setColumnStretch(col, 1)

        self.neglected = NeglectedModel(self)
        self.overdue = OverdueModel(self)
        self.occasions = OccasionModel(self)
        self.lists = QTabWidget(self)
        self.lists.setDocumentMode(True)
        self.tables: list[HintTable] = []
        for model in (self.neglected, self.overdue, self.occasions):
            table = make_table(model, self)
            table.doubleClicked.connect(self._open)
            table.activated.connect(self._open)
            self.tables.append(table)
            self.lists.addTab(table, "")
        self.tables[2].setColumnWidth(3, 320)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(charts)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    @property
    def occasions_loaded(self) -> bool:
        """Whether the coming occasions of the figures shown have arrived."""
        return self._occasions_loaded

    def retranslate(self) -> None:
        self.days_label.setText(self.tr("Occasions in the next days:"))
        self.show_dashboard(self.dashboard)

    def show_dashboard(self, dashboard: Dashboard | None) -> None:
        self.dashboard = dashboard
        if dashboard is None:
            self._occasions_loaded = False
        self._empty_texts()
        if dashboard is None:
            for model in (self.neglected, self.overdue, self.occasions):
                model.set_rows(())
            for box in (self.tier_chart, self.coverage_chart, self.pipeline_chart):
                box.show_empty(self.tr("Loading…"))
            self.summary.setText("")
            self._tab_titles()
            return
        self.neglected.set_rows(dashboard.neglected)
        self.overdue.set_rows(dashboard.overdue)
        for table in self.tables[:2]:
            fit_columns(table)
        self._tab_titles()
        self._summary(dashboard)
        self._tier_owner_chart(dashboard)
        self._coverage_chart(dashboard)
        self._pipeline_chart(dashboard)

    def show_occasions(self, occasions: tuple[ComingOccasion, ...]) -> None:
        """The coming occasions, loaded after the rest (they need the planner's input)."""
        self._occasions_loaded = True
        self.occasions.set_rows(occasions)
        self._empty_texts()
        fit_columns(self.tables[2], widest=360)
        self._tab_titles()

    # -- pieces ---------------------------------------------------------------------------------

    def _empty_texts(self) -> None:
        """Why each list is empty, in words (shown only while it is)."""
        d = self.dashboard
        loading = self.tr("Loading…")
        if d is None:
            for table in self.tables:
                table.set_empty_text(loading)
            return
        if not d.key_accounts:
            neglected = self.tr(
                "No account is in a key tier (%1), so none can be neglected."
            ).replace("%1", list_text(d.key_tiers) or "—")
        else:
            neglected = self.tr("Every key account was touched within its tier's cadence.")
        self.tables[0].set_empty_text(neglected)
        self.tables[1].set_empty_text(self.tr("No open follow-up is past its due date."))
        if not self._occasions_loaded:
            occasions = loading
        elif not d.key_tiers:
            occasions = self.tr("No tier is marked key, so no occasion is listed.")
        else:
            occasions = self.tr(
                "No birthday, anniversary or festival of a key relationship in the next %1 days."
            ).replace("%1", str(self.days.value()))
        self.tables[2].set_empty_text(occasions)

    def _tab_titles(self) -> None:
        d = self.dashboard
        counts = (
            (len(d.neglected), len(d.overdue), self.occasions.total) if d is not None else (0, 0, 0)
        )
        titles = (
            self.tr("Neglected key accounts (%1)"),
            self.tr("Overdue follow-ups (%1)"),
            self.tr("Coming occasions (%1)"),
        )
        for i, (title, n) in enumerate(zip(titles, counts, strict=True)):
            self.lists.setTabText(i, title.replace("%1", str(n)))

    def _summary(self, d: Dashboard) -> None:
        key = len(d.key_accounts)
        covered = sum(1 for a in d.key_accounts if a.covered)
        accounts = sum(c.accounts for c in d.by_tier_owner)
        if not accounts:
            self.summary.setText(
                self.tr(
                    "No accounts yet. Once the team's books are synced, their accounts show here."
                )
            )
            return
        tiers = list_text(d.key_tiers) or "—"
        text = self.tr(
            "%1 accounts · key tiers: %2 · %3 of %4 key accounts touched within their cadence"
        )
        for i, value in enumerate((accounts, tiers, covered, key), start=1):
            text = text.replace(f"%{i}", str(value))
        self.summary.setText(text)

    def _tier_owner_chart(self, d: Dashboard) -> None:
        if not d.by_tier_owner:
            self.tier_chart.show_empty(self.tr("No accounts yet."))
            return
        owners = sorted(
            {c.owner for c in d.by_tier_owner}, key=lambda o: (o is None, (o or "").casefold())
        )
        tiers = [t for t in d.tiers if any(c.tier == t for c in d.by_tier_owner)]
        if any(c.tier is None or c.tier not in d.tiers for c in d.by_tier_owner):
            tiers.append("")
        counts = {(c.tier if c.tier in d.tiers else "", c.owner): 0 for c in d.by_tier_owner}
        for c in d.by_tier_owner:
            key = (c.tier if c.tier in d.tiers else "", c.owner)
            counts[key] += c.accounts
        sets = [
            (self.texts.tier(t or None), [counts.get((t, o), 0) for o in owners]) for t in tiers
        ]
        self.tier_chart.show_chart(
            stacked_bars_chart(
                self.tr("Accounts by tier and owner"), [self.texts.owner(o) for o in owners], sets
            )
        )

    def _coverage_chart(self, d: Dashboard) -> None:
        coverage = d.coverage
        if not coverage:
            self.coverage_chart.show_empty(
                self.tr("No key accounts: no account is in a key tier (%1).").replace(
                    "%1", list_text(d.key_tiers) or "—"
                )
            )
            return
        self.coverage_chart.show_chart(
            coverage_chart(
                self.tr("Key accounts touched within their cadence"),
                [f"{self.texts.owner(c.owner)} ({c.covered}/{c.key_accounts})" for c in coverage],
                [c.share for c in coverage],
                bar_name=self.tr("Coverage"),
                target_name=self.tr("Cadence target"),
            )
        )

    def _pipeline_chart(self, d: Dashboard) -> None:
        if not d.pipeline:
            self.pipeline_chart.show_empty(self.tr("No opportunities in the pipeline yet."))
            return
        currencies: dict[str, int] = {}
        for s in d.pipeline:
            currencies[s.amount.currency] = currencies.get(s.amount.currency, 0) + s.count
        # Amounts are drawn in one currency (never added across): the book's, else the most used.
        currency = (
            DEFAULT_CURRENCY
            if DEFAULT_CURRENCY in currencies
            else max(currencies, key=currencies.get)  # type: ignore[arg-type]
        )
        stages = [s for s in PIPELINE_STAGES if any(t.stage == s for t in d.pipeline)]
        stages += sorted({t.stage for t in d.pipeline} - set(stages))
        counts = [sum(t.count for t in d.pipeline if t.stage == s) for s in stages]
        scale = 10 ** minor_digits(currency)
        amounts = [
            sum(
                t.amount.minor for t in d.pipeline if t.stage == s and t.amount.currency == currency
            )
            / scale
            for s in stages
        ]
        # Axis labels stay short: amounts in millions or thousands when large.
        amount_name = self.tr("Amount (%1)")
        if max(amounts, default=0) >= 10_000_000:
            amounts = [a / 1_000_000 for a in amounts]
            amount_name = self.tr("Amount (%1, millions)")
        elif max(amounts, default=0) >= 10_000:
            amounts = [a / 1_000 for a in amounts]
            amount_name = self.tr("Amount (%1, thousands)")
        chart = pipeline_chart(
            self.tr("Pipeline by stage"),
            [self.texts.stage(s) for s in stages],
            counts,
            amounts,
            count_name=self.tr("Opportunities"),
            amount_name=amount_name.replace("%1", currency),
        )
        others = sorted(set(currencies) - {currency})
        if others:
            lines = []
            for cur in others:
                total = sum(t.amount.minor for t in d.pipeline if t.amount.currency == cur)
                lines.append(amount_text(total, cur, with_currency=True))
            chart.setTitle(
                chart.title() + " · " + self.tr("also %1").replace("%1", list_text(lines))
            )
        self.pipeline_chart.show_chart(chart)

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record:
            self.open_record.emit(*record)
