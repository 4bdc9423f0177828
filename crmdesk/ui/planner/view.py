"""The planner view: the agenda (grouped by day) beside a month calendar, with filters and actions.

``PlannerView(desk=None, parent=None, *, today=datetime.date.today)`` — mount it anywhere (a tab of
the main window) and hand it the desk when the book opens (:meth:`PlannerView.set_desk`; None on
lock). It then:

* loads the planner's input and settings on the desk's worker
  (:func:`crmdesk.db.planning.load_plan_input`, indexed there) and builds the plan on the worker
  too (:func:`crmdesk.core.planner.build_plan`); the GUI thread only shows the result;
* rebuilds the plan from the loaded input when the range or a filter changes (no database work),
  and reloads when the desk says the book changed;
* highlights the days with items in the calendar; clicking a day selects it in the agenda;
* "Done…" opens :class:`DoneDialog` for the selected item (logs the interaction on the worker);
* "Settings…" opens :class:`PlannerSettingsDialog`; the policies in force are stated above the
  agenda.

Signals: :attr:`plan_shown` (a plan is on screen), :attr:`failed` (with the error).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.planner import (
    MAX_PLAN_DAYS,
    Plan,
    PlanFilter,
    PlanInput,
    PlanItem,
    PlanTier,
    build_plan,
)
from crmdesk.core.planner_config import DEFAULT_SETTINGS, PlannerSettings
from crmdesk.db.planner_settings import load_settings
from crmdesk.db.planning import load_plan_input
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.planner.done_dialog import DoneDialog
from crmdesk.ui.planner.model import DAY_ROLE, WHO, WHY, AgendaModel
from crmdesk.ui.planner.settings_dialog import PlannerSettingsDialog
from crmdesk.ui.planner.texts import PlannerTexts

DEFAULT_DAYS = 30
RELOAD_DELAY_MS = 150


@dataclass(frozen=True)
class Loaded:
    """What the worker hands back after loading: the input, the settings and filter choices."""

    data: PlanInput
    settings: PlannerSettings
    owners: tuple[str, ...]
    tags: tuple[str, ...]


def load_for_planner(session: Any) -> Loaded:
    """Runs on the worker: the planner's input (indexed), settings and the filters' choices."""
    data = load_plan_input(session)
    owners = sorted(
        {c.owner for c in data.contacts if c.owner} | {a.owner for a in data.accounts if a.owner}
    )
    tags = sorted({t for c in data.contacts for t in c.tags}, key=str.casefold)
    return Loaded(data, load_settings(session), tuple(owners), tuple(tags))


EXPANDED_DAYS = 10


class PlannerView(QWidget):
    """The planner view; see the module docstring for what it does and how to mount it."""

    plan_shown = Signal()
    failed = Signal(object)

    def __init__(
        self,
        desk: Desk | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plannerView")
        self._desk: Desk | None = None
        self._today = today
        self._loaded: Loaded | None = None
        self._generation = 0
        self.texts = PlannerTexts(self)

        self.days = QSpinBox(self)
        self.days.setObjectName("plannerDays")
        self.days.setRange(1, MAX_PLAN_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.tier = QComboBox(self)
        self.tier.setObjectName("plannerTier")
        self.owner = QComboBox(self)
        self.owner.setObjectName("plannerOwner")
        self.tag = QComboBox(self)
        self.tag.setObjectName("plannerTag")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("plannerDone")
        self.settings_button = QPushButton(self)
        self.settings_button.setObjectName("plannerSettings")
        self.policies = QLabel(self)
        self.policies.setObjectName("plannerPolicies")
        self.policies.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("plannerStatus")

        self.model = AgendaModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("plannerAgenda")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.header().setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(WHO, 260)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("plannerCalendar")
        self.calendar.setGridVisible(True)

        bar = QHBoxLayout()
        self.days_label = QLabel(self)
        self.days_label.setBuddy(self.days)
        for widget in (self.days_label, self.days, self.tier, self.owner, self.tag):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        bar.addWidget(self.settings_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        # The month keeps its natural height at the top instead of stretching to the window's.
        month = QWidget(self)
        month_layout = QVBoxLayout(month)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.addWidget(self.calendar)
        month_layout.addStretch(1)
        splitter.addWidget(month)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.policies)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.days.valueChanged.connect(lambda _v: self.replan())
        for box in (self.tier, self.owner, self.tag):
            box.currentIndexChanged.connect(lambda _i: self.replan())
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._update_actions())
        self.tree.doubleClicked.connect(lambda _index: self.open_done())
        self.done_button.clicked.connect(self.open_done)
        self.settings_button.clicked.connect(self.open_settings)

        self.retranslate()
        self._fill_choices((), (), ())
        self._update_actions()
        if desk is not None:
            self.set_desk(desk)

    # -- public ----------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self.model.plan

    @property
    def settings(self) -> PlannerSettings:
        return self._loaded.settings if self._loaded is not None else DEFAULT_SETTINGS

    def set_desk(self, desk: Desk | None) -> None:
        """Show the plan of this open book (None: the book is locked; forget everything)."""
        if self._desk is not None:
            self._desk.changed.disconnect(self._on_changed)
        self._desk = desk
        self._loaded = None
        self._generation += 1
        self.model.set_plan(None)
        self._mark_calendar()
        if desk is not None:
            desk.changed.connect(self._on_changed)
            self.reload()
        self._update_actions()

    def reload(self) -> None:
        """Load the input from the book again (on the worker), then plan."""
        if self._desk is None:
            return
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Loading the plan…"))
        (
            self._desk.read(load_for_planner)
            .key(f"planner.{id(self)}.load")
            .success(lambda loaded: self._on_loaded(generation, loaded))
            .failure(self._on_failed)
            .run()
        )

    def replan(self) -> None:
        """Build the plan again from the loaded input (range or filters changed)."""
        if self._desk is None or self._loaded is None:
            return
        self._generation += 1
        generation = self._generation
        job = partial(
            build_plan,
            self._loaded.data,
            start=self._today(),
            days=self.days.value(),
            settings=self._loaded.settings,
            filters=self.filters(),
        )
        (
            self._desk.runner.op(job)
            .key(f"planner.{id(self)}.plan")
            .success(lambda plan: self._on_plan(generation, plan))
            .failure(self._on_failed)
            .run()
        )

    def filters(self) -> PlanFilter:
        tier = self.tier.currentData()
        return PlanFilter(
            tiers=(tier,) if tier else (),
            owner=self.owner.currentData() or None,
            tag=self.tag.currentData() or None,
        )

    def current_item(self) -> PlanItem | None:
        return self.model.item_at(self.tree.currentIndex())

    def select_day(self, day: dt.date) -> bool:
        """Select and show ``day`` in the agenda; False when nothing falls on it."""
        index = self.model.day_index(day)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.expand(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def select_item(self, item_id: str) -> bool:
        index = self.model.find(item_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        return True

    def open_done(self) -> DoneDialog | None:
        """The "Done…" dialog for the selected item (None when no item is selected)."""
        item = self.current_item()
        if item is None or self._desk is None:
            return None
        dialog = DoneDialog(self._desk, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> PlannerSettingsDialog | None:
        if self._desk is None:
            return None
        tiers: tuple[PlanTier, ...] = (
            tuple(self._loaded.data.tiers) if self._loaded is not None else ()
        )
        dialog = PlannerSettingsDialog(self._desk, self.settings, tiers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.days_label.setText(self.tr("Next days:"))
        self.done_button.setText(self.tr("Done…"))
        self.done_button.setToolTip(
            self.tr("Log the greeting or gift for the selected item, with its cost")
        )
        self.settings_button.setText(self.tr("Settings…"))
        self.policies.setText(self.texts.policies(self.settings))

    # -- internals -------------------------------------------------------------------------------

    def _on_changed(self, _kind: str) -> None:
        self._reload_timer.start()

    def _on_loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._loaded = loaded
        self.policies.setText(self.texts.policies(loaded.settings))
        tiers = sorted(loaded.data.tiers, key=lambda t: t.rank)
        self._fill_choices(
            [(t.code, f"{t.code} · {t.name}") for t in tiers], loaded.owners, loaded.tags
        )
        self.replan()

    def _on_plan(self, generation: int, plan: Plan) -> None:
        if generation != self._generation:
            return
        current = self.current_item()
        self.model.set_plan(plan)
        self._mark_calendar()
        # The first days open; items of later days are built only when a day is opened.
        for row in range(min(len(plan.days), EXPANDED_DAYS)):
            self.tree.expand(self.model.index(row, 0))
        if current is not None and not self.select_item(current.id):
            self.select_day(current.day)
        count = len(plan)
        text = self.tr("%n item(s)", "", count)
        if plan.skipped_dates:
            text += " · " + self.tr(
                "%n stored date(s) could not be read and are left out", "", plan.skipped_dates
            )
        self.status.setText(text)
        self._update_actions()
        self.plan_shown.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.failed.emit(error)

    def _fill_choices(
        self,
        tiers: Any,
        owners: Any,
        tags: Any,
    ) -> None:
        for box, everyone, values in (
            (self.tier, self.tr("All tiers"), list(tiers)),
            (self.owner, self.tr("All owners"), [(o, o) for o in owners]),
            (self.tag, self.tr("All tags"), [(t, t) for t in tags]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, "")
            for value, text in values:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _mark_calendar(self) -> None:
        # Clear every date's format, then mark the days of the plan.
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        plan = self.model.plan
        if plan is None:
            return
        marked = QTextCharFormat()
        marked.setFontWeight(700)
        marked.setBackground(QBrush(self.palette().color(QPalette.ColorRole.AlternateBase)))
        for day in plan.days:
            self.calendar.setDateTextFormat(QDate(day.day.year, day.day.month, day.day.day), marked)

    def _on_calendar_clicked(self, date: QDate) -> None:
        self.select_day(dt.date(date.year(), date.month(), date.day()))

    def _update_actions(self) -> None:
        item = self.current_item()
        self.done_button.setEnabled(self._desk is not None and item is not None and not item.done)
        self.settings_button.setEnabled(self._desk is not None)

    def day_of(self, index: QModelIndex) -> dt.date | None:
        value = self.model.data(index, DAY_ROLE)
        return value if isinstance(value, dt.date) else None
