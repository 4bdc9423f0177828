"""Item models over the book: lazy tables for contacts and accounts, small lists for pickers.

The tables follow Anki's browser model: they hold the ordered ids of what the filter matches (one
background query) and fetch the rows on screen by id, in blocks, also in the background. A row not
yet fetched shows a placeholder for the moment its block takes; fetched rows are kept in an LRU
cache by id, so a new filter or sort over rows already seen shows them at once. Data changes
reach the models through :attr:`Desk.changed`: the cache is dropped and the ids reloaded.

Nothing here touches the database: the models name ``crmdesk.db.browse`` functions and the desk
runs them on its worker.
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from crmdesk.core import vocab
from crmdesk.db import browse
from crmdesk.ui import formats, labels
from crmdesk.ui.desk import Desk
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

PLACEHOLDER = "…"


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A table column: its untranslated title (context ``Columns``), sort key and cell text."""

    title: str
    sort: str | None
    width: int
    text: Callable[[Row], str]


def _date(value: Any) -> str:
    return formats.recent_date_text(value)  # the local day, as people write it


FREE_ON_WORKER = 50_000


def _free_in_slices(items: list[str]) -> None:
    """Empty a large list a slice at a time (worker): the GUI thread gets the GIL in between."""
    while items:
        del items[-5000:]


def _ids_and_first_rows(
    session: Any,
    ids_fn: Callable[..., list[str]],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    rows_fn: Callable[..., dict[str, Any]],
    first: int,
) -> tuple[list[str], dict[str, Any]]:
    """The ids, and the rows of the first screenful with them: one trip to the worker (worker).

    The cyclic collector is held off while the ids are read: reading a million of them made it
    run a full collection of 137 ms, during which the GUI thread cannot run Python at all. The
    rows read are plain tuples and strings that free themselves without it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        ids = ids_fn(session, *args, **kwargs)
    finally:
        if was_enabled:
            gc.enable()
    return ids, rows_fn(session, ids[:first])


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """A table of ids with rows fetched by block on demand (see the module docstring)."""

    BLOCK = 100
    CACHE_ROWS = 20_000

    # Emitted after the ids were (re)loaded, with the number of rows.
    loaded = Signal(int)
    # Emitted when a load starts (True) and ends (False), for a busy indicator.
    loading = Signal(bool)

    columns: Sequence[Column[Row]] = ()
    kind = ""  # the record kind whose changes reload this model

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk: Desk | None = None
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Row] = OrderedDict()
        self._wanted: set[int] = set()
        self._requested: set[int] = set()
        self._generation = 0
        self._sort_column = 0
        self._descending = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._request_wanted)
        self._is_loading = False

    # -- to override ----------------------------------------------------------------------------

    def _ids_fn(self) -> tuple[Callable[..., list[str]], tuple[Any, ...], dict[str, Any]]:
        """The ids query: function, arguments, keywords (it runs on the worker)."""
        raise NotImplementedError

    def _rows_fn(self) -> Callable[..., dict[str, Row]]:
        raise NotImplementedError

    def set_filter(self, filt: Any) -> None:
        raise NotImplementedError

    # -- public ---------------------------------------------------------------------------------

    def set_desk(self, desk: Desk | None) -> None:
        """Attach to an open book (and load), or detach and forget every row (on lock)."""
        if self._desk is not None:
            self._desk.changed.disconnect(self._on_changed)
        self._desk = desk
        self._cache.clear()
        self._generation += 1
        self.beginResetModel()
        self._ids = []
        self._requested.clear()
        self._wanted.clear()
        self.endResetModel()
        if desk is not None:
            desk.changed.connect(self._on_changed)
            self.reload()

    def reload(self) -> None:
        """Fetch the ids again (after a filter or sort change, or a write)."""
        if self._desk is None:
            return
        self._generation += 1
        generation = self._generation
        self._set_loading(True)
        fn, args, kwargs = self._ids_fn()
        (
            self._desk.read(_ids_and_first_rows, fn, args, kwargs, self._rows_fn(), self.BLOCK)
            .key(f"{type(self).__name__}.{id(self)}.ids")
            .success(lambda found: self._on_ids(generation, *found))
            .finally_(lambda: self._set_loading(False))
            .run()
        )

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int | None:
        # A scan in C (about 1 ms per 100,000 rows), not a dict of every id: asked rarely (to
        # select a record after a reload), it is not worth 100 MB at a million contacts.
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def cached_row(self, row: int) -> Row | None:
        rid = self.id_at(row)
        return None if rid is None else self._cache.get(rid)

    @property
    def desk(self) -> Desk | None:
        """The book this model shows (None while locked or not yet shown)."""
        return self._desk

    @property
    def is_loading(self) -> bool:
        return self._is_loading

    # -- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("Columns", self.columns[section].title)
            if role == Qt.ItemDataRole.SizeHintRole:
                return None
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
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= column < len(self.columns)):
            return None
        rid = self._ids[row]
        if role == ID_ROLE:
            return rid
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE):
            return None
        record = self._cache.get(rid)
        if record is None:
            self._want(row)
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return PLACEHOLDER
            return None
        if role == ROW_ROLE:
            return record
        text = self.columns[column].text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending) and self._ids:
            return
        self._sort_column, self._descending = column, descending
        self.reload()

    @property
    def sort_key(self) -> str:
        return self.columns[self._sort_column].sort or ""

    @property
    def descending(self) -> bool:
        return self._descending

    # -- internals ------------------------------------------------------------------------------

    def _set_loading(self, value: bool) -> None:
        if value != self._is_loading:
            self._is_loading = value
            self.loading.emit(value)

    def _on_changed(self, kind: str) -> None:
        if kind in (self.kind, "*") or kind in self._also_reload_on:
            self._cache.clear()
            self._requested.clear()
            self.reload()

    _also_reload_on: tuple[str, ...] = ()

    def _on_ids(self, generation: int, ids: list[str], first: dict[str, Row]) -> None:
        if generation != self._generation:
            return
        self._cache.update(first)
        old = self._ids
        self.beginResetModel()
        self._ids = ids
        self._requested.clear()
        self._wanted.clear()
        self.endResetModel()
        # The first screenful straight away, so the table is never blank after a load.
        for row in range(0, min(len(ids), self.BLOCK)):
            if ids[row] not in self._cache:
                self._want(row)
                break
        self._set_loading(False)
        self.loaded.emit(len(ids))
        if len(old) > FREE_ON_WORKER and self._desk is not None:
            # Freeing a million strings here would hold the GUI thread for tens of ms.
            self._desk.runner.run_on_worker(lambda: _free_in_slices(old))

    def _want(self, row: int) -> None:
        block = row // self.BLOCK
        if block in self._requested or block in self._wanted:
            return
        self._wanted.add(block)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _request_wanted(self) -> None:
        if self._desk is None or not self._wanted:
            self._wanted.clear()
            return
        blocks = sorted(self._wanted)
        self._wanted.clear()
        self._requested.update(blocks)
        generation = self._generation
        ids: list[str] = []
        for block in blocks:
            ids.extend(
                rid
                for rid in self._ids[block * self.BLOCK : (block + 1) * self.BLOCK]
                if rid not in self._cache
            )
        if not ids:
            self._announce(blocks)
            return
        (
            self._desk.read(self._rows_fn(), ids)
            .success(lambda rows: self._on_rows(generation, blocks, rows))
            .failure(lambda _error: self._requested.difference_update(blocks))
            .run()
        )

    def _on_rows(self, generation: int, blocks: list[int], rows: dict[str, Row]) -> None:
        self._cache.update(rows)
        for rid in rows:
            self._cache.move_to_end(rid)
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)
        if generation != self._generation:
            return
        self._announce(blocks)

    def _announce(self, blocks: list[int]) -> None:
        last_column = len(self.columns) - 1
        for block in blocks:
            first = block * self.BLOCK
            last = min(len(self._ids), first + self.BLOCK) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))


def _tier(row: Any) -> str:
    return row.tier or ""


class ContactTableModel(LazyTableModel[browse.ContactRow]):
    """Contacts matching a :class:`browse.ContactFilter`, in the chosen order."""

    kind = "contact"
    _also_reload_on = ("account", "interaction")
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Name"), browse.ContactSort.NAME, 150, lambda r: r.name
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Account"),
            browse.ContactSort.ACCOUNT,
            180,
            lambda r: r.account_name or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Title"),
            browse.ContactSort.TITLE,
            130,
            lambda r: r.title or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Role"),
            browse.ContactSort.ROLE,
            110,
            lambda r: labels.label(vocab.DECISION_ROLES, r.decision_role),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Tier"), browse.ContactSort.TIER, 50, _tier),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Owner"),
            browse.ContactSort.OWNER,
            90,
            lambda r: r.owner or "",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Phone"), None, 120, lambda r: r.phone or ""),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Last contact"), None, 100, lambda r: _date(r.last_contact)
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = browse.ContactFilter()

    def set_filter(self, filt: browse.ContactFilter) -> None:
        if filt != self.filter:
            self.filter = filt
            self.reload()

    def _ids_fn(self) -> tuple[Callable[..., list[str]], tuple[Any, ...], dict[str, Any]]:
        sort = browse.ContactSort(self.sort_key)
        return browse.contact_ids, (self.filter,), {"sort": sort, "descending": self.descending}

    def _rows_fn(self) -> Callable[..., dict[str, browse.ContactRow]]:
        return browse.contact_rows


class AccountTableModel(LazyTableModel[browse.AccountRow]):
    """Accounts matching a :class:`browse.AccountFilter`."""

    kind = "account"
    _also_reload_on = ("contact",)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Name"), browse.AccountSort.NAME, 220, lambda r: r.name
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Code"),
            browse.AccountSort.CODE,
            80,
            lambda r: r.code or "",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Tier"), browse.AccountSort.TIER, 50, _tier),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Status"),
            browse.AccountSort.STATUS,
            90,
            lambda r: labels.label(vocab.ACCOUNT_STATUSES, r.status),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Owner"),
            browse.AccountSort.OWNER,
            90,
            lambda r: r.owner or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Industry"),
            browse.AccountSort.INDUSTRY,
            120,
            lambda r: r.industry or "",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Contacts"), None, 70, lambda r: str(r.contacts)),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = browse.AccountFilter()

    def set_filter(self, filt: browse.AccountFilter) -> None:
        if filt != self.filter:
            self.filter = filt
            self.reload()

    def _ids_fn(self) -> tuple[Callable[..., list[str]], tuple[Any, ...], dict[str, Any]]:
        sort = browse.AccountSort(self.sort_key)
        return browse.account_ids, (self.filter,), {"sort": sort, "descending": self.descending}

    def _rows_fn(self) -> Callable[..., dict[str, browse.AccountRow]]:
        return browse.account_rows


class ChoiceModel(QAbstractListModel):
    """The items of a filter box: "All …" (no filter) then ``(value, label)`` pairs.

    A model rather than ``addItem`` calls: 20,000 accounts went into a combo box in one reset
    instead of 120 ms of item-by-item calls on the GUI thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._everything = ""
        self._items: list[tuple[str | None, str]] = [(None, "")]

    def set_items(self, everything: str, items: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._everything = everything
        self._items = [(None, everything), *items]
        self.endResetModel()

    def set_everything(self, everything: str) -> None:
        """Retitle the "All …" item (after a language change)."""
        self._everything = everything
        self._items[0] = (None, everything)
        self.dataChanged.emit(self.index(0, 0), self.index(0, 0))

    def row_of(self, value: str | None) -> int:
        for row, (item_value, _label) in enumerate(self._items):
            if item_value == value:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        value, label = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


@dataclass(frozen=True)
class Suggestion:
    """A contact offered by type-ahead: id, name and who they are."""

    id: str
    name: str
    subtitle: str


class SuggestionModel(QAbstractListModel):
    """The contacts a type-ahead box offers for its text (filled from the search, in the back)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Suggestion] = []

    def set_items(self, items: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Suggestion | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{item.name} — {item.subtitle}" if item.subtitle else item.name
        if role == ID_ROLE:
            return item.id
        return None
