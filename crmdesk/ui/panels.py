"""The list panels: a search box that filters as you type, filter boxes and a lazy table.

Typing restarts a short timer; when it fires the model gets the new filter and asks the worker for
the matching ids (an op keyed per model, so an older query still queued is skipped and an older
answer dropped). The GUI thread only swaps the id list in: it never waits for the query.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.db import browse
from crmdesk.ui import labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.models import AccountTableModel, ChoiceModel, ContactTableModel, LazyTableModel
from crmdesk.ui.theme import icon

SEARCH_DELAY_MS = 120


class RecordTable(QTableView):
    """A table for a lazy model: fixed row heights, no per-row sizing, whole-row selection."""

    def __init__(self, model: LazyTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        vertical = self.verticalHeader()
        vertical.hide()
        # Never ResizeToContents: it measures every row (37 s for 100k rows).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, spec in enumerate(model.columns):
            header.resizeSection(column, spec.width)


class RecordPanel(QWidget):
    """Search box, filters, count and table for one kind of record."""

    # The selected record's id ("" when none).
    current_changed = Signal(str)
    # Enter or a double click on a row.
    activated = Signal(str)

    def __init__(self, model: LazyTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._desk: Desk | None = None
        self._keep_id = ""  # the current row's id, to find it again after a reload
        self._wanted_id = ""  # a record to select once the table shows it (after a save)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.tier = QComboBox(self)
        self.tag = QComboBox(self)
        self.owner = QComboBox(self)
        self._make_boxes()
        self.count = QLabel(self)
        self.count.setProperty("role", "muted")
        self.table = RecordTable(model, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_return)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for box in self._filter_boxes():
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        model.loaded.connect(self._on_loaded)
        model.modelAboutToBeReset.connect(self._remember_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)  # Enter on a row, as well
        self.retranslate()
        self.set_choices(browse.FilterChoices((), (), (), ()))

    # -- composition hooks ----------------------------------------------------------------------

    def _make_boxes(self) -> None:
        """Create any filter boxes beyond tier, tag and owner."""

    def _filter_boxes(self) -> list[QComboBox]:
        return [self.tier, self.tag, self.owner]

    def current_filter(self) -> Any:
        raise NotImplementedError

    def retranslate(self) -> None:
        self._update_count()

    # -- public ---------------------------------------------------------------------------------

    def set_desk(self, desk: Desk | None) -> None:
        self._desk = desk
        self.model.set_desk(desk)
        if desk is None:
            self.set_choices(browse.FilterChoices((), (), (), ()))

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) or "" if index.isValid() else ""

    def select_later(self, record_id: str) -> None:
        """Select ``record_id`` as soon as a reload shows it (a record just saved)."""
        self._wanted_id = record_id
        self.select_id(record_id)

    def select_id(self, record_id: str) -> bool:
        """Make ``record_id`` the current row if the table shows it."""
        row = self.model.row_of(record_id)
        if row is None:
            self._wanted_id = record_id
            return False
        if record_id == self._wanted_id:
            self._wanted_id = ""
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- internals ------------------------------------------------------------------------------

    def _everything(self) -> dict[QComboBox, str]:
        """Each filter box's "no filter" item, in the current language."""
        return {
            self.tier: self.tr("All tiers"),
            self.tag: self.tr("All tags"),
            self.owner: self.tr("All owners"),
        }

    def _retitle_boxes(self) -> None:
        for box, text in self._everything().items():
            model = box.model()
            if isinstance(model, ChoiceModel):
                model.set_everything(text)

    def set_choices(self, choices: browse.FilterChoices) -> None:
        """Offer these tiers, tags, owners (and accounts) in the filter boxes."""
        self._fill(
            self.tier,
            self.tr("All tiers"),
            [(c.value, labels.tier_choice(c.label)) for c in choices.tiers],
        )
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in choices.tags])
        self._fill(self.owner, self.tr("All owners"), [(o, o) for o in choices.owners])

    @staticmethod
    def _fill(box: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        model = box.model()
        if not isinstance(model, ChoiceModel):
            model = ChoiceModel(box)
            box.setModel(model)
        current = box.currentData()
        box.blockSignals(True)
        try:
            model.set_items(everything, items)
            box.setCurrentIndex(max(model.row_of(current), 0))
        finally:
            box.blockSignals(False)

    def _remember_current(self) -> None:
        current = self.current_id()
        if current:
            self._keep_id = current

    def _on_loaded(self, rows: int) -> None:
        self._update_count()
        if self._wanted_id and self.select_id(self._wanted_id):
            return
        if self._keep_id and self.select_id(self._keep_id):
            self._wanted_id = ""
            return
        if rows and not self.table.currentIndex().isValid():
            self.current_changed.emit("")

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n record(s)", "", self.model.rowCount()))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rid = self.model.id_at(current.row()) if current.isValid() else None
        if rid:
            self._keep_id = rid
        self.current_changed.emit(rid or "")

    def _on_double_click(self, index: QModelIndex) -> None:
        rid = self.model.id_at(index.row())
        if rid:
            self.activated.emit(rid)

    def _on_return(self) -> None:
        # Enter in the search box: filter now, then move into the results.
        self.apply_filter()
        if self.model.rowCount() and not self.model.is_loading:
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.select_id(self.model.id_at(0) or "")


class ContactPanel(RecordPanel):
    model: ContactTableModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ContactTableModel(), parent)
        self.model.setParent(self)

    def _make_boxes(self) -> None:
        self.account = QComboBox(self)
        self.account.setMaximumWidth(220)

    def _filter_boxes(self) -> list[QComboBox]:
        return [self.tier, self.tag, self.account, self.owner]

    def _everything(self) -> dict[QComboBox, str]:
        return {**super()._everything(), self.account: self.tr("All accounts")}

    def set_choices(self, choices: browse.FilterChoices) -> None:
        super().set_choices(choices)
        self._fill(
            self.account, self.tr("All accounts"), [(c.value, c.label) for c in choices.accounts]
        )

    def current_filter(self) -> browse.ContactFilter:
        return browse.ContactFilter(
            text=self.search.text().strip(),
            tier=self.tier.currentData(),
            tag=self.tag.currentData(),
            account_id=self.account.currentData(),
            owner=self.owner.currentData(),
        )

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search contacts: name, pinyin, initials, phone, company…  (Ctrl+F)")
        )
        self._retitle_boxes()
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n contact(s)", "", self.model.rowCount()))


class AccountPanel(RecordPanel):
    model: AccountTableModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(AccountTableModel(), parent)
        self.model.setParent(self)

    def current_filter(self) -> browse.AccountFilter:
        return browse.AccountFilter(
            text=self.search.text().strip(),
            tier=self.tier.currentData(),
            tag=self.tag.currentData(),
            owner=self.owner.currentData(),
        )

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search accounts: name, pinyin, code, phone…"))
        self._retitle_boxes()
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n account(s)", "", self.model.rowCount()))
