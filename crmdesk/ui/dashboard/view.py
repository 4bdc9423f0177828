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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from crmdesk.core.spend import local_months
from crmdesk.ui import formats
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crmdesk.core.dashboard import ComingOccasion, Dashboard
    from crmdesk.core.retention import ManagerViews
    from crmdesk.core.spend import SpendReport
    from crmdesk.ui.dashboard.dashboard_page import DashboardPage
    from crmdesk.ui.dashboard.managers_page import ManagersPage
    from crmdesk.ui.dashboard.spend_page import SpendPage


# The queries run on the worker and import the database stack there, when the tab is first shown:
# none of it loads on the GUI thread at start-up.
def load_dashboard(session: Any, **options: Any) -> Dashboard:
    from crmdesk.db.team_stats import load_dashboard as load

    return load(session, **options)


def load_occasions(session: Any, **options: Any) -> tuple[ComingOccasion, ...]:
    from crmdesk.db.team_stats import load_occasions as load

    return load(session, **options)


def load_spend(session: Any, **options: Any) -> SpendReport:
    from crmdesk.db.spend_stats import load_spend as load

    return load(session, **options)


def load_manager_views(session: Any, **options: Any) -> ManagerViews:
    from crmdesk.db.retention_stats import load_manager_views as load

    return load(session, **options)


def write_xlsx(path: Path, tables: Any, **cell_formats: str) -> Path:
    from crmdesk.core.spend_export import write_xlsx as write

    return write(path, tables, **cell_formats)


def write_csv(path: Path, table: Any) -> Path:
    from crmdesk.core.spend_export import write_csv as write

    return write(path, table)


RELOAD_DELAY_MS = 300


@dataclass
class _Pages:
    dashboard: DashboardPage
    spend: SpendPage
    managers: ManagersPage
    tabs: QTabWidget = field(default_factory=QTabWidget)


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
        self._pages: _Pages | None = None  # built when first needed (see _built)
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addStretch(1)
        self._layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self._spend_timer = QTimer(self)
        self._spend_timer.setSingleShot(True)
        self._spend_timer.setInterval(RELOAD_DELAY_MS)
        self._spend_timer.timeout.connect(self.reload_spend)
        self._occasion_timer = QTimer(self)
        self._occasion_timer.setSingleShot(True)
        self._occasion_timer.setInterval(RELOAD_DELAY_MS)
        self._occasion_timer.timeout.connect(self.reload_occasions)

    # -- the pages, built on first use ----------------------------------------------------------

    def _built(self) -> _Pages:
        """The three pages and their tab widget, made the first time they are needed: their
        charts (Qt Charts) cost the app's start-up a third of a second if made with the window."""
        if self._pages is not None:
            return self._pages
        from crmdesk.ui.dashboard.dashboard_page import DashboardPage
        from crmdesk.ui.dashboard.managers_page import ManagersPage
        from crmdesk.ui.dashboard.spend_page import SpendPage

        pages = _Pages(DashboardPage(self), SpendPage(self._today(), self), ManagersPage(self))
        self._pages = pages
        pages.tabs.setParent(self)
        pages.tabs.setObjectName("teamPages")
        pages.tabs.addTab(pages.dashboard, "")
        pages.tabs.addTab(pages.spend, "")
        pages.tabs.addTab(pages.managers, "")
        self._layout.insertWidget(0, pages.tabs, 1)
        self._layout.takeAt(1)  # the stretch that held its place
        pages.dashboard.open_record.connect(self.open_record)
        pages.spend.open_record.connect(self.open_record)
        pages.managers.open_record.connect(self.open_record)
        pages.managers.period_changed.connect(self.reload_managers)
        pages.dashboard.days_changed.connect(lambda _d: self._occasion_timer.start())
        pages.spend.filters_changed.connect(self._spend_timer.start)
        pages.spend.export_requested.connect(self.ask_export)
        self._retranslate_pages(pages)
        return pages

    @property
    def pages(self) -> QTabWidget:
        return self._built().tabs

    @property
    def dashboard_page(self) -> DashboardPage:
        return self._built().dashboard

    @property
    def spend_page(self) -> SpendPage:
        return self._built().spend

    @property
    def managers_page(self) -> ManagersPage:
        return self._built().managers

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
        if self._pages is not None:
            self._pages.dashboard.show_dashboard(None)
            self._pages.spend.show_report(None)
            self._pages.managers.show_views(None)
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
        from crmdesk.core.spend_export import Wording, spend_tables

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
        if self._pages is not None:
            self._retranslate_pages(self._pages)

    def _retranslate_pages(self, pages: _Pages) -> None:
        pages.tabs.setTabText(0, self.tr("Dashboard"))
        pages.tabs.setTabText(1, self.tr("Spend"))
        pages.tabs.setTabText(2, self.tr("Retention and risk"))
        pages.dashboard.retranslate()
        pages.spend.retranslate()
        pages.managers.retranslate()

    # -- internals ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._built()
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
