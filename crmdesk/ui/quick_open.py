"""Go to anyone in two keystrokes: Ctrl+K, a few letters, Enter.

The quick-open box asks the book's search (the same as the list filter, the attendee type-ahead
and ``crmdesk search``: characters simplified or traditional, full pinyin, the given name alone,
initials, phone digits, company) on the worker as the user types, and shows the best page of
contacts and accounts; Enter or a click opens the record. It holds the page it shows (at most
``PAGE`` hits), never the whole result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from crmdesk.core.search_results import SearchHit
from crmdesk.ui.desk import Desk
from crmdesk.ui.theme import icon

TYPE_DELAY_MS = 80
PAGE = 30

Index = QModelIndex | QPersistentModelIndex


def quick_open_hits(session: Any, text: str) -> list[SearchHit]:
    """The best page of contacts and accounts for ``text``; runs on the worker."""
    from crmdesk.db import search

    return search.search(session, text, limit=PAGE)


class HitModel(QAbstractListModel):
    """A page of search hits: name and who they are, a contact or account icon."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.name}  —  {hit.subtitle}" if hit.subtitle else hit.name
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("contact" if hit.kind == "contact" else "account")
        return None


class _QueryEdit(QLineEdit):
    """The query box: Up and Down move through the hits below while typing goes on."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            event.accept()
            return
        super().keyPressEvent(event)


class QuickOpenDialog(QDialog):
    """Type to find a contact or account, Enter to open it (``chosen`` with kind and id)."""

    chosen = Signal(str, str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickOpen")
        self.desk = desk
        self.edit = _QueryEdit(self)
        self.edit.setObjectName("quickOpenQuery")
        self.edit.setClearButtonEnabled(True)
        self.edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.model = HitModel(self)
        self.list = QListView(self)
        self.list.setObjectName("quickOpenHits")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_DELAY_MS)
        self._timer.timeout.connect(self._ask)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._open_current)
        self.edit.moved.connect(self._move)
        self.list.activated.connect(lambda index: self._open(index.row()))
        self.list.clicked.connect(lambda index: self._open(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.resize(520, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Go to a contact or account"))
        self.edit.setPlaceholderText(
            self.tr("Name, pinyin, initials, phone digits, company…  (Enter opens)")
        )
        self._update_status()

    def _ask(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self._show([])
            return
        self.desk.read(quick_open_hits, text).key(f"quickopen.{id(self)}").success(self._show).run()

    def _show(self, hits: list[SearchHit]) -> None:
        self.model.set_hits(hits)
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update_status()

    def _update_status(self) -> None:
        if not self.edit.text().strip():
            self.status.setText(self.tr("Characters, pinyin or initials: 曾国梁, guoliang, zgl"))
        elif self.model.rowCount() == 0:
            self.status.setText(self.tr("Nothing found."))
        else:
            self.status.setText(self.tr("%n match(es) shown", "", self.model.rowCount()))

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = (self.list.currentIndex().row() + step) % rows
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _open_current(self) -> None:
        self._timer.stop()
        self._open(max(self.list.currentIndex().row(), 0))

    def _open(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.chosen.emit(hit.kind, hit.id)
            self.accept()
