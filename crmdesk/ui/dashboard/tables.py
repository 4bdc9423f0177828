"""Table models of the Team tab: rows handed over whole (plain dataclasses made on the worker),
shown a block at a time (``canFetchMore``/``fetchMore``), so a neglected list of thousands costs
the view only the rows scrolled to.

Each model is a list of :class:`Col` (title, text, alignment) over one row type; the rows' record
(``RECORD_ROLE``: ``(kind, id)``, kind ``"account"`` or ``"contact"``) is what a double-click
opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from crmdesk.core.dashboard import ComingOccasion, KeyAccount, OverdueFollowUp
from crmdesk.core.spend import SpendFlag, SpendLine
from crmdesk.ui import formats
from crmdesk.ui.dashboard.texts import TeamTexts, amount_text, money_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP
from crmdesk.ui.planner.texts import PlannerTexts

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 11  # (kind, id) to open, or None
ROW_ROLE = Qt.ItemDataRole.UserRole + 12
OVER_COLOR = QColor("#d1242f")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Col(Generic[Row]):
    title: str  # untranslated, context "TeamColumns"
    text: Callable[[Row], str]
    numeric: bool = False


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows given whole, exposed to the view a block at a time."""

    BLOCK = 200

    def __init__(self, columns: Sequence[Col[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: tuple[Row, ...] = ()
        self._shown = 0

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._shown = min(len(self._rows), self.BLOCK)
        self.endResetModel()

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    @property
    def total(self) -> int:
        """All the rows held (the view may show fewer until it scrolls)."""
        return len(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < self._shown else None

    # -- lazy exposure ------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(self.BLOCK, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TeamColumns", self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
            return int(RIGHT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_alarm(row):
            return OVER_COLOR
        if role == RECORD_ROLE:
            return self.record(row)
        if role == ROW_ROLE:
            return row
        return None

    # -- per table ----------------------------------------------------------------------------

    def record(self, row: Row) -> tuple[str, str] | None:
        return None

    def is_alarm(self, row: Row) -> bool:
        return False


def _day(day: dt.date | None) -> str:
    return formats.date_text(day)


def _period(text: str) -> str:
    """A month key ("2026-03") or day ("2026-03-12") from the core as people read it."""
    try:
        if len(text) == 7:
            return formats.month_text(int(text[:4]), int(text[5:]))
        if len(text) == 10:
            return formats.date_text(dt.date.fromisoformat(text))
    except ValueError:
        pass
    return text


class NeglectedModel(RowsModel[KeyAccount]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        never = QCoreApplication.translate("TeamColumns", "never")
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.name),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: r.tier),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Last touch"),
                    lambda r: _day(r.last_touch) or never,
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Days since"),
                    lambda r: "" if r.days_since is None else str(r.days_since),
                    numeric=True,
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Cadence (days)"),
                    lambda r: str(r.cadence_days),
                    True,
                ),
            ),
            parent,
        )
        self.texts = texts

    def record(self, row: KeyAccount) -> tuple[str, str] | None:
        return ("account", row.account_id)


class OverdueModel(RowsModel[OverdueFollowUp]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Due"), lambda r: _day(r.due_on)),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Days overdue"),
                    lambda r: str(r.days_overdue),
                    True,
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Follow-up"), lambda r: r.description),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Contact"), lambda r: r.contact_name or ""),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Account"), lambda r: r.account_name or ""),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
            ),
            parent,
        )
        self.texts = texts

    def record(self, row: OverdueFollowUp) -> tuple[str, str] | None:
        if row.contact_id:
            return ("contact", row.contact_id)
        return ("account", row.account_id) if row.account_id else None


class OccasionModel(RowsModel[ComingOccasion]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts, plan = TeamTexts(parent), PlannerTexts(parent)
        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Day"), lambda r: _day(r.day)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Occasion"), lambda r: plan.kind(r.item.kind)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Who"), lambda r: plan.who(r.item)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Why"), lambda r: plan.why(r.item)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: r.tier or ""),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Owner"),
                    lambda r: "" if r.item.festival_day is not None else texts.owner(r.owner),
                ),
            ),
            parent,
        )
        self.texts, self.plan = texts, plan

    def record(self, row: ComingOccasion) -> tuple[str, str] | None:
        if row.contact_id:
            return ("contact", row.contact_id)
        return ("account", row.account_id) if row.account_id else None


def _used(line: SpendLine) -> str:
    if not line.budget_minor:
        return ""
    return f"{round(100 * line.total_minor / line.budget_minor)}%"


def _money_cols(first: Sequence[Col[SpendLine]]) -> tuple[Col[SpendLine], ...]:
    return (
        *first,
        Col(QT_TRANSLATE_NOOP("TeamColumns", "Currency"), lambda r: r.currency),
        Col(
            QT_TRANSLATE_NOOP("TeamColumns", "Costs"),
            lambda r: amount_text(r.cost_minor, r.currency),
            True,
        ),
        Col(
            QT_TRANSLATE_NOOP("TeamColumns", "Gifts"),
            lambda r: amount_text(r.gift_minor, r.currency),
            True,
        ),
        Col(
            QT_TRANSLATE_NOOP("TeamColumns", "Total"),
            lambda r: amount_text(r.total_minor, r.currency),
            True,
        ),
        Col(
            QT_TRANSLATE_NOOP("TeamColumns", "Interactions"),
            lambda r: formats.count_text(r.interactions),
            True,
        ),
        Col(
            QT_TRANSLATE_NOOP("TeamColumns", "Budget"),
            lambda r: amount_text(r.budget_minor, r.currency),
            True,
        ),
        Col(QT_TRANSLATE_NOOP("TeamColumns", "Used"), _used, True),
    )


class SpendModel(RowsModel[SpendLine]):
    """Spend lines of one view: account, tier, rep or month."""

    def __init__(self, view: str, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)
        self.view = view
        first: tuple[Col[SpendLine], ...]
        if view == "account":
            first = (
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Account"),
                    lambda r: r.label or texts.tr("No account"),
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: r.tier or ""),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Owner"), lambda r: texts.owner(r.owner)),
            )
        elif view == "tier":
            first = (Col(QT_TRANSLATE_NOOP("TeamColumns", "Tier"), lambda r: texts.tier(r.key)),)
        elif view == "rep":
            first = (Col(QT_TRANSLATE_NOOP("TeamColumns", "Rep"), lambda r: texts.owner(r.key)),)
        else:
            first = (Col(QT_TRANSLATE_NOOP("TeamColumns", "Month"), lambda r: _period(r.label)),)
        super().__init__(_money_cols(first), parent)
        self.texts = texts

    def record(self, row: SpendLine) -> tuple[str, str] | None:
        return ("account", row.key) if self.view == "account" and row.key else None

    def is_alarm(self, row: SpendLine) -> bool:
        return row.over_budget


class FlagModel(RowsModel[SpendFlag]):
    def __init__(self, parent: QObject | None = None) -> None:
        texts = TeamTexts(parent)

        def records(flag: SpendFlag) -> str:
            return "; ".join(
                " · ".join(
                    part
                    for part in (
                        texts.record_kind(r.kind),
                        _day(r.day),
                        r.label,
                        r.contact_name or "",
                        r.account_name or "",
                        money_text(r.amount),
                    )
                    if part
                )
                for r in flag.records
            )

        def about(flag: SpendFlag) -> str:
            if flag.code in ("rep_over_budget",):
                return texts.owner(flag.subject)
            return flag.subject

        super().__init__(
            (
                Col(QT_TRANSLATE_NOOP("TeamColumns", "When"), lambda r: _period(r.period)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Reason"), lambda r: texts.reason(r.code)),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "About"), about),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Reps"),
                    lambda r: formats.list_text(texts.owner(o) for o in r.owners),
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Amount"), lambda r: money_text(r.amount), True
                ),
                Col(
                    QT_TRANSLATE_NOOP("TeamColumns", "Budget"), lambda r: money_text(r.budget), True
                ),
                Col(QT_TRANSLATE_NOOP("TeamColumns", "Records"), records),
            ),
            parent,
        )
        self.texts = texts

    def record(self, row: SpendFlag) -> tuple[str, str] | None:
        for r in row.records:
            if r.contact_id:
                return ("contact", r.contact_id)
            if r.account_id:
                return ("account", r.account_id)
        return None
