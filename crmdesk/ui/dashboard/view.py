"""The Team tab: Dashboard, Spend and Retention-and-risk sub-views over the open book.

``TeamView(parent=None, *, today=datetime.date.today)`` — hand it the desk when the book opens
(:meth:`TeamView.set_desk`; None on lock). Every query runs on the desk's worker
(:func:`crmdesk.db.team_stats.load_dashboard`, :func:`crmdesk.db.spend_stats.load_spend`,
:func:`crmdesk.db.retention_stats.load_manager_views`); so do
the exports (:mod:`crmdesk.core.spend_export`). The tab loads when first shown and again, a
moment after the book changes (an edit, a sync), while it is shown; a change while hidden marks
it stale for its next showing.

Signals: :attr:`open_record` (kind, id) for a double-click; :attr:`dashboard_shown`,
:attr:`occasions_shown`, :attr:`spend_shown` and :attr:`managers_shown` after new figures are on
screen;
:attr:`exported` (path) and :attr:`failed`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from crmdesk.core.dashboard import ComingOccasion, Dashboard
from crmdesk.core.retention import ManagerViews
from crmdesk.core.spend import SpendReport, local_months
from crmdesk.core.spend_export import Wording, spend_tables, write_csv, write_xlsx
from crmdesk.db.retention_stats import load_manager_views
from crmdesk.db.spend_stats import load_spend
from crmdesk.db.team_stats import load_dashboard, load_occasions
from crmdesk.ui import formats
from crmdesk.ui.dashboard.dashboard_page import DashboardPage
from crmdesk.ui.dashboard.managers_page import ManagersPage
from crmdesk.ui.dashboard.spend_page import SpendPage
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

RELOAD_DELAY_MS = 300


class TeamView(QWidget):
    """The Team tab (see the module docstring)."""

    open_record = Signal(str, str)
    dashboard_shown = Signal()
    spend_shown = Signal()
    occasions_shown = Signal()
    managers_shown = Signal()
    exported = Signal(str)
    failed = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamView")
        self._today = today
        self._desk: Desk | None = None
        self._stale = True
        self._generation = 0
        self.dashboard_page = DashboardPage(self)
        self.spend_page = SpendPage(today(), self)
        self.managers_page = ManagersPage(self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("teamPages")
        self.pages.addTab(self.dashboard_page, "")
        self.pages.addTab(self.spend_page, "")
        self.pages.addTab(self.managers_page, "")
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self._spend_timer = QTimer(self)
        self._spend_timer.setSingleShot(True)
        self._spend_timer.setInterval(RELOAD_DELAY_MS)
        self._spend_timer.timeout.connect(self.reload_spend)
        self.dashboard_page.open_record.connect(self.open_record)
        self.spend_page.open_record.connect(self.open_record)
        self.managers_page.open_record.connect(self.open_record)
        self.managers_page.period_changed.connect(self.reload_managers)
        self._occasion_timer = QTimer(self)
        self._occasion_timer.setSingleShot(True)
        self._occasion_timer.setInterval(RELOAD_DELAY_MS)
        self._occasion_timer.timeout.connect(self.reload_occasions)
        self.dashboard_page.days_changed.connect(lambda _d: self._occasion_timer.start())
        self.spend_page.filters_changed.connect(self._spend_timer.start)
        self.spend_page.export_requested.connect(self.ask_export)
        self.retranslate()

    # -- public ---------------------------------------------------------------------------------

    @property
    def dashboard(self) -> Dashboard | None:
        return self.dashboard_page.dashboard

    @property
    def report(self) -> SpendReport | None:
        return self.spend_page.report

    def set_desk(self, desk: Desk | None) -> None:
        """Show this open book's figures (None: locked; forget everything shown)."""
        if self._desk is not None:
            self._desk.changed.disconnect(self._on_changed)
        self._desk = desk
        self._generation += 1
        self._stale = True
        self.dashboard_page.show_dashboard(None)
        self.spend_page.show_report(None)
        self.managers_page.show_views(None)
        self.status.setText("")
        if desk is not None:
            desk.changed.connect(self._on_changed)
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        """Load both sub-views again (on the worker)."""
        if self._desk is None:
            return
        self._stale = False
        generation = self._generation
        (
            self._desk.read(load_dashboard, today=self._today(), with_occasions=False)
            .key(f"team.{id(self)}.dashboard")
            .success(lambda d: self._on_dashboard(generation, d))
            .failure(self._on_failed)
            .run()
        )
        self.reload_spend()
        self.reload_managers()
        self.reload_occasions()

    def reload_managers(self) -> None:
        """Retention, risk, decision chains and complaints (on the worker)."""
        if self._desk is None:
            return
        generation = self._generation
        (
            self._desk.read(
                load_manager_views, today=self._today(), kind=self.managers_page.period_kind
            )
            .key(f"team.{id(self)}.managers")
            .success(lambda v: self._on_managers(generation, v))
            .failure(self._on_failed)
            .run()
        )

    def reload_occasions(self) -> None:
        """The coming occasions (the planner's input: the longest load, so it comes last)."""
        if self._desk is None:
            return
        generation = self._generation
        (
            self._desk.read(
                load_occasions, today=self._today(), days=self.dashboard_page.days.value()
            )
            .key(f"team.{id(self)}.occasions")
            .success(lambda o: self._on_occasions(generation, o))
            .failure(self._on_failed)
            .run()
        )

    def reload_spend(self) -> None:
        if self._desk is None:
            return
        generation = self._generation
        first, last = self.spend_page.month_range()
        filtered, rep = self.spend_page.rep_filter()
        try:
            months = local_months(first, last)
        except Exception as exc:  # a range ending before it starts: say so, keep the last report
            self._on_failed(exc)
            return
        (
            self._desk.read(load_spend, months=months, rep=rep, filtered=filtered)
            .key(f"team.{id(self)}.spend")
            .success(lambda r: self._on_spend(generation, r))
            .failure(self._on_failed)
            .run()
        )

    def ask_export(self, fmt: str) -> None:
        """Ask where to save (a file dialog), then export there on the worker."""
        if self.report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = self.spend_page.current_key() if fmt == "csv" else "spend"
        months = self.report.months
        span = f"{months[0]}_{months[-1]}" if months else ""
        suggested = str(Path(folder) / f"crmdesk-{stem}-{span}.{fmt}")
        filters = (
            self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV file (*.csv)")
        )
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export spend"), suggested, filters
        )
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the spend tables (Excel: every view; CSV: the table shown) on the worker."""
        if self._desk is None or self.report is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        texts = self.spend_page.texts
        wording = Wording(
            text=_translate_header,
            reason=texts.reason,
            record_kind=texts.record_kind,
            owner=texts.owner,
            day=formats.date_text,
            money=formats.money_text,
        )
        tables = spend_tables(self.report, wording=wording)
        if fmt == "xlsx":
            day_format, month_format = formats.excel_formats()
            job: Callable[[], Path] = lambda: write_xlsx(  # noqa: E731
                path, tables, day_format=day_format, month_format=month_format
            )
        else:
            key = self.spend_page.current_key()
            table = next(t for t in tables if t.key == key)
            job = lambda: write_csv(path, table)  # noqa: E731
        self.status.setText(self.tr("Exporting…"))
        (self._desk.runner.op(job).success(self._on_exported).failure(self._on_failed).run())

    def refresh_later(self) -> None:
        """Reload a moment from now if shown, else when next shown (after a sync, an edit)."""
        self._on_changed("*")

    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("Dashboard"))
        self.pages.setTabText(1, self.tr("Spend"))
        self.pages.setTabText(2, self.tr("Retention and risk"))
        self.dashboard_page.retranslate()
        self.spend_page.retranslate()
        self.managers_page.retranslate()

    # -- internals ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._desk is not None:
            self.reload()

    def _on_changed(self, _kind: str) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def _on_dashboard(self, generation: int, dashboard: Dashboard) -> None:
        if generation != self._generation:
            return
        self.dashboard_page.show_dashboard(dashboard)
        self.status.setText("")
        self.dashboard_shown.emit()

    def _on_occasions(self, generation: int, occasions: tuple[ComingOccasion, ...]) -> None:
        if generation != self._generation:
            return
        self.dashboard_page.show_occasions(occasions)
        self.occasions_shown.emit()

    def _on_spend(self, generation: int, report: SpendReport) -> None:
        if generation != self._generation:
            return
        self.spend_page.show_report(report)
        self.spend_shown.emit()

    def _on_managers(self, generation: int, views: ManagerViews) -> None:
        if generation != self._generation:
            return
        self.managers_page.show_views(views)
        self.managers_shown.emit()

    def _on_exported(self, path: Path) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.failed.emit(error)


# Words the spend export (crmdesk.core.spend_export) writes that no table of the tab shows.
_EXPORT_ONLY = (
    QT_TRANSLATE_NOOP("TeamColumns", "No account"),
    QT_TRANSLATE_NOOP("TeamColumns", "Record ids"),
    QT_TRANSLATE_NOOP("TeamColumns", "Code"),
    QT_TRANSLATE_NOOP("TeamColumns", "Currency"),
    QT_TRANSLATE_NOOP("TeamColumns", "By account"),
    QT_TRANSLATE_NOOP("TeamColumns", "By tier"),
    QT_TRANSLATE_NOOP("TeamColumns", "By rep"),
    QT_TRANSLATE_NOOP("TeamColumns", "By month"),
    QT_TRANSLATE_NOOP("TeamColumns", "Flags"),
)


def _translate_header(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TeamColumns", text)
