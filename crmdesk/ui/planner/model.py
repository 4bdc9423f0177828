"""The agenda as a tree model: days at the top, their items below (for a QTreeView).

The model holds a :class:`~crmdesk.core.planner.Plan` (made on the worker) and nothing else. A
day's row count comes from the plan without making its items; the items of a day are made when
the view first asks for one of them (the plan makes them lazily), so a 365-day plan over a big
book costs only the days on screen.

Index layout: a day row has internal id 0; an item row has internal id ``day row + 1``.
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

from crmdesk.core.planner import AgendaDay, ItemKind, Plan, PlanItem
from crmdesk.ui.pages import colon
from crmdesk.ui.planner.texts import PlannerTexts, money_text, qdate_text

Index = QModelIndex | QPersistentModelIndex

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the PlanItem (item rows)
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's id (item rows)
DAY_ROLE = Qt.ItemDataRole.UserRole + 3  # the day as a datetime.date (both kinds of row)
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the ItemKind value (item rows)

WHO, WHY, BUY_BY, BUDGET, LAST_GIFT = range(5)


class AgendaModel(QAbstractItemModel):
    """Days and their plan items; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._days: tuple[AgendaDay, ...] = ()
        self._rows: dict[dt.date, int] = {}
        self.texts = PlannerTexts(self)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ---------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._plan = plan
        self._days = plan.days if plan is not None else ()
        self._rows = {d.day: row for row, d in enumerate(self._days)}
        self.endResetModel()

    def day_index(self, day: dt.date) -> QModelIndex:
        """The index of ``day``'s row (invalid if nothing falls on it)."""
        row = self._rows.get(day)
        return QModelIndex() if row is None else self.index(row, 0)

    def item_at(self, index: Index) -> PlanItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        day = self._days[index.internalId() - 1]
        items = day.items
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def find(self, item_id: str) -> QModelIndex:
        """The index of the item with this id (invalid if it is not in the plan)."""
        if self._plan is None:
            return QModelIndex()
        item = self._plan.find(item_id)
        if item is None:
            return QModelIndex()
        day_row = self._rows[item.day]
        for row, candidate in enumerate(self._days[day_row].items):
            if candidate.id == item_id:
                return self.index(row, 0, self.index(day_row, 0))
        return QModelIndex()  # pragma: no cover - find() and the day agree

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
            return len(self._days)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._days[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 5

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            WHO: self.tr("Who"),
            WHY: self.tr("Why"),
            BUY_BY: self.tr("Buy by"),
            BUDGET: self.tr("Budget"),
            LAST_GIFT: self.tr("Last gift"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._day_data(self._days[index.row()], index.column(), role)
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
            return f"{self.texts.kind(item.kind)}{colon()}{self.texts.why(item)}"
        if role == Qt.ItemDataRole.FontRole and item.kind is ItemKind.DORMANT:
            return self._bold
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == WHO:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        return None

    def _day_data(self, day: AgendaDay, column: int, role: int) -> Any:
        if role == DAY_ROLE:
            return day.day
        if column != WHO:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("%1 — %n item(s)", "", len(day)).replace(
                "%1", qdate_text(day.day, long=True)
            )
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _text(self, item: PlanItem, column: int) -> str:
        if column == WHO:
            return f"{self.texts.kind(item.kind)} · {self.texts.who(item)}"
        if column == WHY:
            return self.texts.why(item)
        if column == BUY_BY:
            return qdate_text(item.buy_by) if item.buy_by is not None else ""
        if column == BUDGET:
            return money_text(item.budget)
        if column == LAST_GIFT:
            return self.texts.last_gift(item)
        return ""
