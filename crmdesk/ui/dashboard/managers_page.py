"""The "Retention and risk" sub-view of the Team tab: what a manager watches besides the pipeline.

Retention by year or quarter (overall, by tier, by owner) with what the rate keeps over five
years; the key accounts at risk and why; accounts that hang on one person; complaints followed
through. Shows a :class:`~crmdesk.core.retention.ManagerViews` made on the worker; runs no query.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.retention import (
    AGE_BUCKETS,
    AgeCount,
    ChainDepth,
    ComplaintFact,
    ManagerViews,
    PeriodKind,
    RepeatedComplaints,
    ResolutionTime,
    RetentionCell,
    RiskAccount,
    RiskReason,
)
from crmdesk.core.vocab import COMPLAINT_STATUSES, DECISION_ROLES
from crmdesk.ui import formats, labels
from crmdesk.ui.dashboard.charts import ChartBox, coverage_chart
from crmdesk.ui.dashboard.dashboard_page import HintTable, fit_columns, make_table
from crmdesk.ui.dashboard.tables import RECORD_ROLE, Col, RowsModel
from crmdesk.ui.dashboard.texts import TeamTexts
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP


def percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def risk_reason(row: RiskAccount, reason: RiskReason) -> str:
    f = row.facts
    if reason is RiskReason.OPEN_COMPLAINT:
        return QCoreApplication.translate("ManagerTexts", "%1 open complaint(s)").replace(
            "%1", str(f.open_complaints)
        )
    if reason is RiskReason.LOST_OPPORTUNITY:
        return QCoreApplication.translate("ManagerTexts", "%1 deal(s) lost this year").replace(
            "%1", str(f.lost_opportunities)
        )
    if reason is RiskReason.PAST_CADENCE:
        if row.days_since is None:
            return QCoreApplication.translate("ManagerTexts", "never touched")
        return (
            QCoreApplication.translate("ManagerTexts", "%1 days untouched (cadence %2)")
            .replace("%1", str(row.days_since))
            .replace("%2", str(f.cadence_days))
        )
    return (
        QCoreApplication.translate("ManagerTexts", "touches fell: %1 against %2 the year before")
        .replace("%1", str(f.touches_this_year))
        .replace("%2", str(f.touches_last_year))
    )


def role_text(role: str) -> str:
    return labels.label(DECISION_ROLES, role)


def age_text(bucket: int) -> str:
    low, high = AGE_BUCKETS[bucket]
    if high is None:
        return QCoreApplication.translate("ManagerTexts", "over %1 days").replace(
            "%1", str(low - 1)
        )
    return (
        QCoreApplication.translate("ManagerTexts", "%1–%2 days")
        .replace("%1", str(low))
        .replace("%2", str(high))
    )


class _AccountRows(RowsModel[Any]):
    def record(self, row: Any) -> tuple[str, str] | None:
        account_id = getattr(row, "account_id", None) or getattr(
            getattr(row, "facts", None), "account_id", None
        )
        return ("account", account_id) if account_id else None


class RiskModel(_AccountRows):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.facts.name),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: r.facts.tier),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.facts.owner)
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Why"),
                    lambda r: "; ".join(risk_reason(r, reason) for reason in r.reasons),
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Score"), lambda r: str(r.score), True),
            ),
            parent,
        )
        self.texts = texts

    def is_alarm(self, row: Any) -> bool:
        return RiskReason.OPEN_COMPLAINT in row.reasons


class ChainModel(_AccountRows):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.name),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: r.tier),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Contacts touched"),
                    lambda r: f"{r.touched_contacts} / {r.contacts}",
                    True,
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Roles touched"),
                    lambda r: (
                        QCoreApplication.translate("ManagerTexts", ", ").join(
                            role_text(x) for x in r.roles_touched
                        )
                        or "—"
                    ),
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Roles not touched"),
                    lambda r: (
                        QCoreApplication.translate("ManagerTexts", ", ").join(
                            role_text(x) for x in r.missing_roles
                        )
                        or "—"
                    ),
                ),
            ),
            parent,
        )
        self.texts = texts

    def is_alarm(self, row: ChainDepth) -> bool:
        return row.single_threaded


class RetentionModel(RowsModel[RetentionCell]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)

        def group(r: RetentionCell) -> str:
            if r.dimension == "all":
                return QCoreApplication.translate("ManagerTexts", "All accounts")
            if r.dimension == "tier":
                return QCoreApplication.translate("ManagerTexts", "Tier %1").replace(
                    "%1", texts.tier(r.group)
                )
            return texts.owner(r.group)

        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Period"), lambda r: r.period),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Group"), group),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Active before"),
                    lambda r: str(r.active_before),
                    True,
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Kept"), lambda r: str(r.kept), True),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Retention"), lambda r: percent(r.rate), True),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Came back"), lambda r: str(r.returned), True),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Active now"),
                    lambda r: str(r.active_now),
                    True,
                ),
            ),
            parent,
        )
        self.texts = texts


class LostModel(_AccountRows):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.name),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: texts.tier(r.tier)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Last touch"),
                    lambda r: formats.date_text(r.last_touch),
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Last touched by"),
                    lambda r: texts.owner(r.last_owner),
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
            ),
            parent,
        )
        self.texts = texts


class OpenComplaintModel(_AccountRows):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Received"),
                    lambda r: formats.date_text(r.received_on),
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Age (days)"), self._age, True),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.account_name or ""),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Status"),
                    lambda r: labels.label(COMPLAINT_STATUSES, r.status),
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Complaint"), lambda r: r.description),
            ),
            parent,
        )
        self.texts = texts
        self.today: dt.date | None = None

    def _age(self, row: ComplaintFact) -> str:
        return "" if self.today is None else str((self.today - row.received_on).days)


class AgeModel(RowsModel[AgeCount]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Open for"), lambda r: age_text(r.bucket)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Complaints"), lambda r: str(r.count), True),
            ),
            parent,
        )
        self.texts = texts


class ResolutionModel(RowsModel[ResolutionTime]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: texts.tier(r.tier)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Resolved"), lambda r: str(r.resolved), True),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Median days"),
                    lambda r: f"{r.median_days:g}",
                    True,
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Average days"),
                    lambda r: f"{r.mean_days:.1f}",
                    True,
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Longest days"),
                    lambda r: str(r.longest_days),
                    True,
                ),
            ),
            parent,
        )
        self.texts = texts


class RepeatedModel(_AccountRows):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.name),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Complaints this year"),
                    lambda r: str(r.count),
                    True,
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Still open"), lambda r: str(r.open), True),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Last received"),
                    lambda r: formats.date_text(r.last_received),
                ),
            ),
            parent,
        )
        self.texts = texts

    def is_alarm(self, row: RepeatedComplaints) -> bool:
        return row.open > 0


class ManagersPage(QWidget):
    """Retention summary and chart above; risk, chains, retention and complaint lists below."""

    open_record = Signal(str, str)
    period_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = TeamTexts(self)
        self.views: ManagerViews | None = None
        self.period = QComboBox(self)
        self.period.setObjectName("retentionPeriod")
        self.period.addItem("", str(PeriodKind.YEAR))
        self.period.addItem("", str(PeriodKind.QUARTER))
        self.period.currentIndexChanged.connect(lambda _i: self.period_changed.emit())
        self.period_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("retentionSummary")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.period_label)
        top.addWidget(self.period)

        self.owner_chart = ChartBox(self)
        self.risk = RiskModel(self)
        self.chains = ChainModel(self)
        self.retention = RetentionModel(self)
        self.lost = LostModel(self)
        self.open_complaints = OpenComplaintModel(self)
        self.ages = AgeModel(self)
        self.resolution = ResolutionModel(self)
        self.repeated = RepeatedModel(self)
        self.models: tuple[RowsModel[Any], ...] = (
            self.risk,
            self.chains,
            self.retention,
            self.lost,
            self.open_complaints,
            self.ages,
            self.resolution,
            self.repeated,
        )
        self.lists = QTabWidget(self)
        self.lists.setDocumentMode(True)
        self.tables: list[HintTable] = []
        for model in self.models:
            table = make_table(model, self)
            table.doubleClicked.connect(self._open)
            table.activated.connect(self._open)
            self.tables.append(table)
            self.lists.addTab(table, "")

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.owner_chart)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    @property
    def period_kind(self) -> PeriodKind:
        return PeriodKind(self.period.currentData() or PeriodKind.YEAR)

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Retention by:"))
        self.period.setItemText(0, self.tr("Year"))
        self.period.setItemText(1, self.tr("Quarter"))
        self.show_views(self.views)

    def show_views(self, views: ManagerViews | None) -> None:
        self.views = views
        self._empty_texts()
        if views is None:
            for model in self.models:
                model.set_rows(())
            self.owner_chart.show_empty(self.tr("Loading…"))
            self.summary.setText("")
            self._tab_titles()
            return
        r = views.retention
        latest = r.periods[-1].label
        self.risk.set_rows(views.risk)
        self.chains.set_rows(views.chains)
        self.retention.set_rows([c for c in r.cells if c.period == latest])
        self.lost.set_rows(r.lost)
        self.open_complaints.today = views.today
        self.open_complaints.set_rows(views.complaints.open)
        self.ages.set_rows(views.complaints.ages)
        self.resolution.set_rows(views.complaints.resolution)
        self.repeated.set_rows(views.complaints.repeated)
        for table in self.tables:
            fit_columns(table, widest=320)
        self._tab_titles()
        self._summary(views)
        self._chart(views)

    # -- pieces ---------------------------------------------------------------------------------

    def _summary(self, v: ManagerViews) -> None:
        r = v.retention
        overall = r.overall()
        last = overall[-1] if overall else None
        if last is None or last.rate is None:
            self.summary.setText(
                self.tr(
                    "No account was active in %1, so there is no retention to show yet. An account "
                    "is active in a period when it had a visit, meal, call or gift, or a won deal."
                ).replace("%1", r.periods[-2].label)
            )
            return
        five = r.five_years()
        text = self.tr(
            "Retention %1 in %2 (%3 of %4 accounts active in %5 still active). At this rate "
            "today's accounts keep %6 after five years."
        )
        values = (
            percent(last.rate),
            last.period,
            last.kept,
            last.active_before,
            r.periods[-2].label,
            percent(five[-1]) if five else "—",
        )
        for i, value in enumerate(values, start=1):
            shown = formats.count_text(value) if isinstance(value, int) else str(value)
            text = text.replace(f"%{i}", shown)
        years = " · ".join(
            self.tr("%1 y: %2").replace("%1", str(n)).replace("%2", percent(share))
            for n, share in enumerate(five, start=1)
        )
        single = sum(1 for c in v.chains if c.single_threaded)
        extra = self.tr("%1 key accounts at risk · %2 hang on one person · %3 open complaints")
        for i, value in enumerate((len(v.risk), single, len(v.complaints.open)), start=1):
            extra = extra.replace(f"%{i}", formats.count_text(value))
        self.summary.setText(f"{text}\n{years}\n{extra}")

    def _chart(self, v: ManagerViews) -> None:
        cells = [
            c
            for c in v.retention.cells
            if c.period == v.retention.periods[-1].label
            and c.dimension == "owner"
            and c.rate is not None
        ]
        if not cells:
            self.owner_chart.show_empty(
                self.tr("No owner had active accounts in %1: nothing to compare yet.").replace(
                    "%1", v.retention.periods[-2].label
                )
            )
            return
        overall = v.retention.latest_rate()
        self.owner_chart.show_chart(
            coverage_chart(
                self.tr("Retention by owner, %1").replace("%1", v.retention.periods[-1].label),
                [f"{self.texts.owner(c.group)} ({c.kept}/{c.active_before})" for c in cells],
                [c.rate or 0.0 for c in cells],
                bar_name=self.tr("Retention"),
                target_name=self.tr("All accounts"),
                target=overall if overall is not None else 0.0,
            )
        )

    def _empty_texts(self) -> None:
        v = self.views
        if v is None:
            for table in self.tables:
                table.set_empty_text(self.tr("Loading…"))
            return
        before = v.retention.periods[-2].label
        texts = (
            self.tr(
                "No key account is at risk: none lost touches against last year, passed its "
                "cadence, lost a deal this year or has an open complaint."
            ),
            self.tr("No key account yet: mark a tier as key to see its decision chains."),
            self.tr("No account was active in %1 or since.").replace("%1", before),
            self.tr("No account active in %1 was lost since.").replace("%1", before),
            self.tr("No open complaint."),
            self.tr("No open complaint."),
            self.tr("No complaint has been resolved yet."),
            self.tr("No account complained more than once in the last year."),
        )
        for table, text in zip(self.tables, texts, strict=True):
            table.set_empty_text(text)

    def _tab_titles(self) -> None:
        v = self.views
        single = sum(1 for c in v.chains if c.single_threaded) if v else 0
        titles = (
            self.tr("At risk (%1)").replace("%1", str(self.risk.total)),
            self.tr("Decision chains (%1 single-threaded)").replace("%1", str(single)),
            self.tr("Retention"),
            self.tr("Lost accounts (%1)").replace("%1", str(self.lost.total)),
            self.tr("Open complaints (%1)").replace("%1", str(self.open_complaints.total)),
            self.tr("Complaints by age"),
            self.tr("Time to resolution"),
            self.tr("Repeated complaints (%1)").replace("%1", str(self.repeated.total)),
        )
        for i, title in enumerate(titles):
            self.lists.setTabText(i, title)

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record:
            self.open_record.emit(*record)
