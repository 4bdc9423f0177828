"""The planner view: the agenda (today, this week, overdue, later) beside a month calendar.

``PlannerView(desk=None, parent=None, *, today=datetime.date.today)`` — mount it anywhere (a tab of
the main window) and hand it the desk when the book opens (:meth:`PlannerView.set_desk`; None on
lock). It then:

* loads the planner's input and settings on the desk's worker
  (:func:`crmdesk.db.planning.load_plan_input`, indexed there) and builds the plan on the worker
  too (:func:`crmdesk.core.planner.build_plan`); the GUI thread only shows the result;
* rebuilds the plan from the loaded input when the range or a filter changes (no database work),
  and reloads when the desk says the book changed;
* shows the plan in sections (:mod:`crmdesk.core.agenda_sections`): today and this week open,
  overdue collapsed with its count, oldest first; filter chips by kind and by tier;
* highlights the days with items in the calendar, the days of key occasions (birthdays,
  anniversaries, festivals) in the accent colour; clicking a day selects it in the agenda;
* "Done…" opens :class:`DoneDialog` for the selected item (logs the interaction on the worker);
  with several items selected, "Mark done" logs each with its suggested cost
  (:class:`BulkDoneDialog`);
* sizes the columns to their content's share of the width; long names elide in the middle,
  with the whole text as a tooltip;
* "Settings…" opens :class:`PlannerSettingsDialog`; the policies in force are stated above the
  agenda.

Signals: :attr:`plan_shown` (a plan is on screen), :attr:`failed` (with the error),
:attr:`campaign_requested` ("Start a campaign for 中秋 2027…" in the context menu of a festival
row or of a festival's day in the calendar: festival key, year, tiers, owner).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QPalette, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.agenda_sections import Section, SectionKind, key_occasion_days, sections
from crmdesk.core.planner import (
    MAX_PLAN_DAYS,
    ItemKind,
    Plan,
    PlanFilter,
    PlanInput,
    PlanItem,
    PlanTier,
    build_plan,
    release,
)
from crmdesk.core.planner_config import DEFAULT_SETTINGS, PlannerSettings
from crmdesk.ui import labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.planner.model import COLUMNS, DAY_ROLE, WHY, AgendaModel
from crmdesk.ui.planner.texts import PlannerTexts

if TYPE_CHECKING:  # the dialogs and the book side load when first used, not at start-up
    from crmdesk.ui.planner.bulk_done import BulkDoneDialog
    from crmdesk.ui.planner.done_dialog import DoneDialog
    from crmdesk.ui.planner.settings_dialog import PlannerSettingsDialog

DEFAULT_DAYS = 30
RELOAD_DELAY_MS = 150


@dataclass(frozen=True)
class Loaded:
    """What the worker hands back after loading: the input, the settings and filter choices."""

    data: PlanInput
    settings: PlannerSettings
    owners: tuple[str, ...]
    tags: tuple[str, ...]


def plan_in_sections(data: PlanInput, **options: Any) -> tuple[Plan, list[Section]]:
    """Runs on the worker: the plan and its sections (today, this week, overdue, later)."""
    plan = build_plan(data, **options)
    return plan, sections(plan)


def load_for_planner(session: Any) -> Loaded:
    """Runs on the worker: the planner's input (indexed), settings and the filters' choices."""
    from crmdesk.db.planner_settings import load_settings
    from crmdesk.db.planning import load_plan_input

    data = load_plan_input(session)
    owners = sorted(
        {c.owner for c in data.contacts if c.owner} | {a.owner for a in data.accounts if a.owner}
    )
    tags = sorted({t for c in data.contacts for t in c.tags}, key=str.casefold)
    return Loaded(data, load_settings(session), tuple(owners), tuple(tags))


# The filter chips by kind, in the order a rep thinks of them.
KIND_CHIPS = (
    ItemKind.BIRTHDAY,
    ItemKind.ANNIVERSARY,
    ItemKind.FESTIVAL,
    ItemKind.FOLLOW_UP,
    ItemKind.NEGLECT,
    ItemKind.DORMANT,
    ItemKind.OTHER_DATE,
)
# Rows whose text sizes the columns (the first of each section: what is on screen).
SIZING_ROWS = 40


class PlannerView(QWidget):
    """The planner view; see the module docstring for what it does and how to mount it."""

    plan_shown = Signal()
    failed = Signal(object)
    campaign_requested = Signal(str, int, list, str)  # festival key, year, tiers, owner ("": all)

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
        self.kind_chips: dict[ItemKind, QToolButton] = {}
        for kind in KIND_CHIPS:
            chip = self._chip(f"plannerKind-{kind}")
            self.kind_chips[kind] = chip
        self.tier_chips: dict[str, QToolButton] = {}
        self.tier_bar = QHBoxLayout()
        self.tier_bar.setSpacing(4)
        self.owner = QComboBox(self)
        self.owner.setObjectName("plannerOwner")
        self.tag = QComboBox(self)
        self.tag.setObjectName("plannerTag")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("plannerDone")
        self.bulk_button = QPushButton(self)
        self.bulk_button.setObjectName("plannerBulkDone")
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
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.header().setStretchLastSection(False)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("plannerCalendar")
        self.calendar.setGridVisible(True)

        bar = QHBoxLayout()
        self.days_label = QLabel(self)
        self.days_label.setBuddy(self.days)
        for widget in (self.days_label, self.days, self.owner, self.tag):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        bar.addWidget(self.bulk_button)
        bar.addWidget(self.settings_button)
        chips = QHBoxLayout()
        chips.setSpacing(4)
        for chip in self.kind_chips.values():
            chips.addWidget(chip)
        chips.addSpacing(16)
        chips.addLayout(self.tier_bar)
        chips.addStretch(1)
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
        layout.addLayout(chips)
        layout.addWidget(self.policies)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.days.valueChanged.connect(lambda _v: self.replan())
        for box in (self.owner, self.tag):
            box.currentIndexChanged.connect(lambda _i: self.replan())
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._update_actions())
        self.tree.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.tree.expanded.connect(lambda _index: self._fit_columns())
        self.tree.doubleClicked.connect(lambda _index: self.open_done())
        self.done_button.clicked.connect(self.open_done)
        self.bulk_button.clicked.connect(self.open_bulk_done)
        self.settings_button.clicked.connect(self.open_settings)

        # A festival's campaign (crmdesk.ui.campaigns opens it), from the row or the day.
        self.campaign_action = QAction(self)
        self.campaign_action.setObjectName("plannerStartCampaign")
        self.campaign_action.triggered.connect(lambda _checked=False: self.start_campaign())
        for target in (self.tree, self.calendar):
            target.addAction(self.campaign_action)
            target.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.calendar.selectionChanged.connect(self._update_actions)

        self.retranslate()
        self._fill_choices((), ())
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
            plan_in_sections,
            self._loaded.data,
            start=self._today(),
            days=self.days.value(),
            settings=self._loaded.settings,
            filters=self.filters(),
        )
        (
            self._desk.runner.op(job)
            .key(f"planner.{id(self)}.plan")
            .success(lambda planned: self._on_plan(generation, *planned))
            .failure(self._on_failed)
            .run()
        )

    def filters(self) -> PlanFilter:
        return PlanFilter(
            tiers=tuple(code for code, chip in self.tier_chips.items() if chip.isChecked()),
            owner=self.owner.currentData() or None,
            tag=self.tag.currentData() or None,
            kinds=tuple(kind for kind, chip in self.kind_chips.items() if chip.isChecked()),
        )

    def current_item(self) -> PlanItem | None:
        return self.model.item_at(self.tree.currentIndex())

    def selected_items(self) -> list[PlanItem]:
        """The selected items not done yet, in the agenda's order."""
        rows = self.tree.selectionModel().selectedRows(0)
        rows.sort(key=lambda i: (i.parent().row(), i.row()))
        items = [self.model.item_at(index) for index in rows]
        return [item for item in items if item is not None and not item.done]

    def select_day(self, day: dt.date) -> bool:
        """Select and show ``day`` in the agenda; False when nothing falls on it."""
        index = self.model.day_index(day)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def select_item(self, item_id: str) -> bool:
        index = self.model.find(item_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        return True

    def festival_item(self) -> PlanItem | None:
        """The festival to start a campaign for: the selected row's, else one on its day (or on
        the calendar's selected day)."""
        item = self.current_item()
        if item is not None and item.festival_day is not None:
            return item
        picked = self.calendar.selectedDate()
        day = item.day if item is not None else dt.date(picked.year(), picked.month(), picked.day())
        agenda = self.plan.day(day) if self.plan is not None else None
        return next((i for i in agenda.items if i.festival_day), None) if agenda else None

    def start_campaign(self) -> None:
        """Ask for a campaign for the chosen festival, with the planner's tier and owner filters
        (no tier chip on: the tiers the festival applies to)."""
        item = self.festival_item()
        if item is None or item.festival_day is None:
            return
        filters = self.filters()
        tiers = list(filters.tiers) or sorted(item.festival_day.tiers or ())
        key = item.festival_day.festival.key
        self.campaign_requested.emit(key, item.day.year, tiers, filters.owner or "")

    def open_done(self) -> DoneDialog | None:
        """The "Done…" dialog for the selected item (None when no item is selected)."""
        item = self.current_item()
        if item is None or self._desk is None:
            return None
        from crmdesk.ui.planner.done_dialog import DoneDialog

        dialog = DoneDialog(self._desk, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_bulk_done(self) -> BulkDoneDialog | None:
        """Mark every selected item done at once (None when fewer than two are selected)."""
        items = self.selected_items()
        if len(items) < 2 or self._desk is None:
            return None
        from crmdesk.ui.planner.bulk_done import BulkDoneDialog

        dialog = BulkDoneDialog(self._desk, items, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> PlannerSettingsDialog | None:
        if self._desk is None:
            return None
        tiers: tuple[PlanTier, ...] = (
            tuple(self._loaded.data.tiers) if self._loaded is not None else ()
        )
        from crmdesk.ui.planner.settings_dialog import PlannerSettingsDialog

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
        self.bulk_button.setToolTip(
            self.tr("Log each selected item as done, with its suggested cost")
        )
        self.settings_button.setText(self.tr("Settings…"))
        self.policies.setText(self.texts.policies(self.settings))
        for kind, chip in self.kind_chips.items():
            chip.setText(self.texts.kind(kind))
            chip.setToolTip(self.tr("Show only these (several may be chosen)"))
        for code, chip in self.tier_chips.items():
            chip.setText(self.tr("Tier %1").replace("%1", code))
        self._update_actions()

    # -- internals -------------------------------------------------------------------------------

    def _on_changed(self, _kind: str) -> None:
        self._reload_timer.start()

    def _on_loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        old, self._loaded = self._loaded, loaded
        if old is not None and self._desk is not None:
            # Freed here, the old input would hold the GUI thread for tens of ms at 100k.
            self._desk.runner.run_on_worker(lambda: release(old.data))
        self.policies.setText(self.texts.policies(loaded.settings))
        tiers = sorted(loaded.data.tiers, key=lambda t: t.rank)
        self._fill_tier_chips([(t.code, t.name) for t in tiers])
        self._fill_choices(loaded.owners, loaded.tags)
        self.replan()

    def _on_plan(self, generation: int, plan: Plan, split: list[Section]) -> None:
        if generation != self._generation:
            return
        current = self.current_item()
        self.model.set_plan(plan, split)
        self._mark_calendar()
        # Today, this week and later open; overdue stays folded under its count.
        for row, section in enumerate(self.model.sections):
            index = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.setExpanded(index, section.kind is not SectionKind.OVERDUE)
        if current is not None and not self.select_item(current.id):
            self.select_day(current.day)
        self._fit_columns()
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

    def _chip(self, name: str) -> QToolButton:
        chip = QToolButton(self)
        chip.setObjectName(name)
        chip.setCheckable(True)
        chip.setAutoRaise(False)
        chip.setProperty("role", "chip")
        chip.toggled.connect(lambda _on: self.replan())
        return chip

    def _fill_tier_chips(self, tiers: list[tuple[str, str]]) -> None:
        chosen = {code for code, chip in self.tier_chips.items() if chip.isChecked()}
        for chip in self.tier_chips.values():
            self.tier_bar.removeWidget(chip)
            chip.deleteLater()
        self.tier_chips = {}
        for code, name in tiers:
            chip = self._chip(f"plannerTier-{code}")
            chip.blockSignals(True)
            chip.setChecked(code in chosen)
            chip.blockSignals(False)
            chip.setText(self.tr("Tier %1").replace("%1", code))
            chip.setToolTip(labels.tier_name(name))
            self.tier_bar.addWidget(chip)
            self.tier_chips[code] = chip

    def _fill_choices(self, owners: Any, tags: Any) -> None:
        for box, everyone, values in (
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
        key = QTextCharFormat(marked)
        key.setBackground(QBrush(self.palette().color(QPalette.ColorRole.Highlight)))
        key.setForeground(QBrush(self.palette().color(QPalette.ColorRole.HighlightedText)))
        key_days = key_occasion_days(plan.days)
        for day in plan.days:
            fmt = key if day.day in key_days else marked
            self.calendar.setDateTextFormat(QDate(day.day.year, day.day.month, day.day.day), fmt)

    def _on_calendar_clicked(self, date: QDate) -> None:
        self.select_day(dt.date(date.year(), date.month(), date.day()))

    def _update_actions(self) -> None:
        item = self.current_item()
        self.done_button.setEnabled(self._desk is not None and item is not None and not item.done)
        selected = len(self.selected_items()) if self._desk is not None else 0
        self.bulk_button.setText(
            self.tr("Mark %n done", "", selected)
            if selected >= 2
            else self.tr("Mark selected done")
        )
        self.bulk_button.setEnabled(selected >= 2)
        self.settings_button.setEnabled(self._desk is not None)
        festival = self.festival_item() if self._desk is not None else None
        self.campaign_action.setEnabled(festival is not None)
        self.campaign_action.setText(
            self.tr("Start a campaign for %1 %2…")
            .replace("%1", festival.festival_day.festival.name(QLocale().name()))
            .replace("%2", str(festival.day.year))
            if festival is not None and festival.festival_day is not None
            else self.tr("Start a campaign…")
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Give each column its content's share of the width (the first rows of each open
        section are measured); "Why" takes what is left, and long names elide in the middle."""
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        pad = metrics.horizontalAdvance("MM")
        wanted = [
            metrics.horizontalAdvance(str(self.model.headerData(c, Qt.Orientation.Horizontal)))
            + pad
            for c in range(COLUMNS)
        ]
        for row, section in enumerate(self.model.sections):
            parent = self.model.index(row, 0)
            if not self.tree.isExpanded(parent):
                continue
            for r in range(min(len(section), SIZING_ROWS)):
                for c in range(COLUMNS):
                    text = self.model.data(self.model.index(r, c, parent))
                    if text:
                        wanted[c] = max(wanted[c], metrics.horizontalAdvance(str(text)) + pad)
        check_box = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        wanted[0] += self.tree.indentation() * 2 + check_box + pad  # branch, check box
        available = max(self.tree.viewport().width(), 200)
        total = sum(wanted)
        if total <= available:
            wanted[WHY] += available - total
        else:
            # Each column gets its share of the width, no less than its header.
            share = available / total
            for c in range(COLUMNS):
                floor = (
                    metrics.horizontalAdvance(
                        str(self.model.headerData(c, Qt.Orientation.Horizontal))
                    )
                    + pad
                )
                wanted[c] = max(floor, int(wanted[c] * share))
        for c, width in enumerate(wanted):
            header.resizeSection(c, width)

    def day_of(self, index: QModelIndex) -> dt.date | None:
        value = self.model.data(index, DAY_ROLE)
        return value if isinstance(value, dt.date) else None
