"""The agenda as a tree model: sections (today, this week, overdue, later) and their items.

The model holds a :class:`~crmdesk.core.planner.Plan` (made on the worker) split into
:func:`crmdesk.core.agenda_sections.sections`. A section's row count comes from the plan without
making its items; the items of a day are made when the view first asks for one of them (the plan
makes them lazily), so a 365-day plan over a big book costs only the rows on screen.

Index layout: a section row has internal id 0; an item row has internal id ``section row + 1``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from crmdesk.core.agenda_sections import Section, SectionKind, sections
from crmdesk.core.planner import ItemKind, Plan, PlanItem
from crmdesk.ui.pages import colon
from crmdesk.ui.planner.texts import PlannerTexts, money_text, qdate_text

Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the PlanItem (item rows)
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's id (item rows)
DAY_ROLE = Qt.ItemDataRole.UserRole + 3  # the day as a datetime.date (both kinds of row)
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the ItemKind value (item rows)

WHO, WHEN, WHY, BUY_BY, BUDGET, LAST_GIFT = range(6)
COLUMNS = 6
SECTION_ROLE = Qt.ItemDataRole.UserRole + 5  # the SectionKind value (section rows)


class AgendaModel(QAbstractItemModel):
    """Sections and their plan items; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._sections: list[Section] = []
        self.texts = PlannerTexts(self)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ---------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    @property
    def sections(self) -> list[Section]:
        return self._sections

    def set_plan(self, plan: Plan | None, split: list[Section] | None = None) -> None:
        """Show ``plan``; ``split`` is its :func:`sections`, made on the worker (at 100,000
        contacts the first day's tens of thousands of overdue items are sorted there), else
        here."""
        self.beginResetModel()
        self._plan = plan
        if plan is None:
            self._sections = []
        else:
            self._sections = split if split is not None else sections(plan)
        self.endResetModel()

    def section_index(self, kind: SectionKind) -> QModelIndex:
        for row, section in enumerate(self._sections):
            if section.kind is kind:
                return self.index(row, 0)
        return QModelIndex()

    def day_index(self, day: dt.date) -> QModelIndex:
        """The index of the first item on ``day`` (invalid if nothing falls on it)."""
        for row, section in enumerate(self._sections):
            if section.kind is SectionKind.OVERDUE:
                continue
            found = section.first_row_of_day(day)
            if found is not None:
                return self.index(found, 0, self.index(row, 0))
        return QModelIndex()

    def item_at(self, index: Index) -> PlanItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        section = self._sections[index.internalId() - 1]
        return section.item(index.row()) if 0 <= index.row() < len(section) else None

    def find(self, item_id: str) -> QModelIndex:
        """The index of the item with this id (invalid if it is not in the plan)."""
        if self._plan is None:
            return QModelIndex()
        item = self._plan.find(item_id)
        if item is None:
            return QModelIndex()
        for section_row, section in enumerate(self._sections):
            row = section.row_of(item_id, item.day)
            if row is not None:
                return self.index(row, 0, self.index(section_row, 0))
        return QModelIndex()

    # -- Qt model interface ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._sections[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            WHO: self.tr("Who"),
            WHEN: self.tr("When"),
            WHY: self.tr("Why"),
            BUY_BY: self.tr("Buy by"),
            BUDGET: self.tr("Budget"),
            LAST_GIFT: self.tr("Last gift"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._section_data(self._sections[index.row()], index.column(), role)
        item = self.item_at(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == ITEM_ID_ROLE:
            return item.id
        if role == DAY_ROLE:
            return item.day
        if role == KIND_ROLE:
            return str(item.kind)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of an elided cell, and what the item is about.
            cell = self._text(item, index.column())
            about = f"{self.texts.kind(item.kind)}{colon()}{self.texts.why(item)}"
            return about if cell in about else f"{cell}\n{about}"
        if role == Qt.ItemDataRole.FontRole and item.kind is ItemKind.DORMANT:
            return self._bold
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == WHO:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        return None

    def section_title(self, kind: SectionKind) -> str:
        return {
            SectionKind.TODAY: self.tr("Today"),
            SectionKind.WEEK: self.tr("This week"),
            SectionKind.OVERDUE: self.tr("Overdue (oldest first)"),
            SectionKind.LATER: self.tr("Later"),
        }[kind]

    def _section_data(self, section: Section, column: int, role: int) -> Any:
        if role == SECTION_ROLE:
            return str(section.kind)
        if column != WHO:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("%1 — %n item(s)", "", len(section)).replace(
                "%1", self.section_title(section.kind)
            )
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def when(self, item: PlanItem) -> str:
        """The day of the item; for an overdue one, the day it was due."""
        if item.overdue_days and item.kind in (ItemKind.FOLLOW_UP, ItemKind.NEGLECT):
            return qdate_text(item.day - dt.timedelta(days=item.overdue_days))
        return qdate_text(item.day)

    def _text(self, item: PlanItem, column: int) -> str:
        if column == WHO:
            return f"{self.texts.kind(item.kind)} · {self.texts.who(item)}"
        if column == WHEN:
            return self.when(item)
        if column == WHY:
            return self.texts.why(item)
        if column == BUY_BY:
            return qdate_text(item.buy_by) if item.buy_by is not None else ""
        if column == BUDGET:
            return money_text(item.budget)
        if column == LAST_GIFT:
            return self.texts.last_gift(item)
        return ""
