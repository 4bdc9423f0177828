"""The gift catalogue dialog (Festival campaigns → Gift catalogue…): the gifts suggestions choose
from, with their price, what they are (the tags the taboo rules read), the festival they suit and
whether they are still suggested.

Reads and writes run on the database worker; a refused value (a blank name, a price that is not an
amount above zero, a gift custom forbids) is said under its field and nothing is written. A gift a
campaign names cannot be removed, only made inactive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import CrmdeskError
from crmdesk.core.festivals import BUILTIN_FESTIVALS, festival_by_key
from crmdesk.core.money import DEFAULT_CURRENCY
from crmdesk.db.services import gift_catalogue
from crmdesk.db.services.gift_catalogue import TAGS, CatalogueEntry
from crmdesk.ui.desk import Desk
from crmdesk.ui.formats import list_text, money_text
from crmdesk.ui.forms import Form, error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP
from crmdesk.ui.money_field import MoneyField

CONTEXT = "GiftCatalogue"
TAG_NAMES = {
    "tea": QT_TRANSLATE_NOOP("GiftCatalogue", "tea"),
    "alcohol": QT_TRANSLATE_NOOP("GiftCatalogue", "alcohol"),
    "sweets": QT_TRANSLATE_NOOP("GiftCatalogue", "sweets"),
    "meat": QT_TRANSLATE_NOOP("GiftCatalogue", "meat"),
    "pork": QT_TRANSLATE_NOOP("GiftCatalogue", "pork"),
    "fruit": QT_TRANSLATE_NOOP("GiftCatalogue", "fruit"),
    "tobacco": QT_TRANSLATE_NOOP("GiftCatalogue", "tobacco"),
    "food": QT_TRANSLATE_NOOP("GiftCatalogue", "food"),
    "health": QT_TRANSLATE_NOOP("GiftCatalogue", "health"),
    "stationery": QT_TRANSLATE_NOOP("GiftCatalogue", "stationery"),
    "clothing": QT_TRANSLATE_NOOP("GiftCatalogue", "clothing"),
    "book": QT_TRANSLATE_NOOP("GiftCatalogue", "book"),
}
_ERRORS = {
    "required": QT_TRANSLATE_NOOP("GiftCatalogue", "A gift needs a name."),
    "zero": QT_TRANSLATE_NOOP("GiftCatalogue", "A gift's price must be more than zero."),
    "negative": QT_TRANSLATE_NOOP("GiftCatalogue", "A price cannot be negative."),
    "amount_syntax": QT_TRANSLATE_NOOP(
        "GiftCatalogue", "This is not an amount; write e.g. 300, 300.50 or ¥1,200."
    ),
    "too_precise": QT_TRANSLATE_NOOP("GiftCatalogue", "Too many decimal places for a price."),
    "too_large": QT_TRANSLATE_NOOP("GiftCatalogue", "This price is larger than crmdesk accepts."),
    "too_long": QT_TRANSLATE_NOOP("GiftCatalogue", "This name is too long."),
    "custom_taboo": QT_TRANSLATE_NOOP(
        "GiftCatalogue",
        "Custom forbids this as a gift (a clock, an umbrella, a pear, a blade…).",
    ),
    "gift_in_use": QT_TRANSLATE_NOOP(
        "GiftCatalogue",
        "A campaign names this gift: it cannot be removed. Untick “Suggested” to retire it.",
    ),
}
ANY_OCCASION = QT_TRANSLATE_NOOP("GiftCatalogue", "any")
# Errors the service reports under one of these fields are said under its widget.
_FIELDS = ("name_zh", "name_en", "price", "tags", "occasions")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def catalogue_error(error: BaseException) -> str:
    if isinstance(error, CrmdeskError) and error.code in _ERRORS:
        return _tr(_ERRORS[error.code])
    return error_text(error)


def tag_text(tags: tuple[str, ...]) -> str:
    return list_text([_tr(TAG_NAMES.get(t, t)) for t in tags])


def occasion_text(occasions: tuple[str, ...]) -> str:
    if not occasions:
        return _tr(ANY_OCCASION)
    return list_text([festival_by_key(k).name(QLocale().name()) for k in occasions])


class GiftCatalogueDialog(QDialog):
    """Add, edit, retire and remove the gifts campaigns suggest."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("GiftCatalogue", "Gift"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "English"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "Price"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "What it is"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "For"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "Suggested"),
        QT_TRANSLATE_NOOP("GiftCatalogue", "In campaigns"),
    )

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.entries: list[CatalogueEntry] = []
        self.editing: str | None = None  # the key of the gift in the form; None: a new one
        self.setObjectName("giftCatalogueDialog")
        self.setWindowTitle(self.tr("Gift catalogue"))
        self.resize(980, 560)

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("giftTable")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))

        self.form = Form(self)
        self.name_zh = QLineEdit(self)
        self.name_zh.setObjectName("giftName")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("giftEnglish")
        # Checked as typed like every amount (what is not one is said under it and Save waits);
        # that a gift's price is above zero is the catalogue's rule, said when saving.
        self.price = MoneyField("price", self, currency=DEFAULT_CURRENCY)
        self.price.setObjectName("giftPrice")
        self.price.setPlaceholderText(self.tr("e.g. 300 or ¥300.50"))
        self.tags = QListWidget(self)
        self.tags.setObjectName("giftTags")
        self.tags.setFlow(QListWidget.Flow.LeftToRight)
        self.tags.setWrapping(True)
        self.tags.setMaximumHeight(80)
        for tag in TAGS:
            entry = QListWidgetItem(_tr(TAG_NAMES[tag]), self.tags)
            entry.setData(Qt.ItemDataRole.UserRole, tag)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.occasion = QComboBox(self)
        self.occasion.setObjectName("giftOccasion")
        self.occasion.addItem(self.tr("Any occasion"), "")
        for festival in BUILTIN_FESTIVALS:
            if festival.key.startswith("cn."):
                self.occasion.addItem(festival.name(QLocale().name()), festival.key)
        self.active = QCheckBox(self.tr("Suggested in new campaigns"), self)
        self.active.setObjectName("giftActive")
        self.active.setChecked(True)
        self.form.add_row("name_zh", self.tr("Name:"), self.name_zh, "gift")
        self.form.add_row("name_en", self.tr("English name:"), self.name_en)
        self.form.add_row("price", self.tr("Price:"), self.price)
        self.form.add_row("tags", self.tr("What it is:"), self.tags)
        self.form.add_row("occasions", self.tr("For:"), self.occasion)
        self.form.add_row("active", "", self.active)

        self.new_button = QPushButton(self.tr("&New gift"), self)
        self.new_button.setObjectName("giftNew")
        self.new_button.clicked.connect(self.new_gift)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("giftSave")
        self.save_button.clicked.connect(self.save)
        self.price.checked.connect(self._price_checked)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("giftRemove")
        self.remove_button.clicked.connect(self.remove)
        actions = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("giftStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.usage = QLabel(self)
        self.usage.setObjectName("giftUsage")
        self.usage.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.form)
        side.addWidget(self.usage)
        side.addLayout(actions)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.new_gift()
        self.reload()

    # -- reading ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.desk.read(gift_catalogue.list_catalogue).success(
            lambda entries: self._show(entries, select)
        ).failure(self._failed).run()

    def _show(self, entries: list[CatalogueEntry], select: str | None) -> None:
        self.entries = entries
        self.table.blockSignals(True)
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (
                e.name_zh, e.name_en, money_text(e.price), tag_text(e.tags),
                occasion_text(e.occasions), self.tr("yes") if e.active else self.tr("no"),
                str(e.used) if e.used else "",
            )  # fmt: skip
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if not e.active:
                    cell.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        keys = [e.key for e in entries]
        if select in keys:
            self.table.selectRow(keys.index(select))
            self._chosen(keys.index(select))

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        e = self.entries[row]
        self.editing = e.key
        self.form.clear_errors()
        self.name_zh.setText(e.name_zh)
        self.name_en.setText(e.name_en)
        self.price.set_value(e.price)  # a price in another currency says so
        for i in range(self.tags.count()):
            entry = self.tags.item(i)
            on = entry.data(Qt.ItemDataRole.UserRole) in e.tags
            entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.occasion.setCurrentIndex(
            max(0, self.occasion.findData(e.occasions[0] if e.occasions else ""))
        )
        self.active.setChecked(e.active)
        self.remove_button.setEnabled(True)
        self.usage.setText(
            self.tr("In %n campaign item(s): it can be retired, not removed.", "", e.used)
            if e.used
            else ""
        )

    # -- writing ---------------------------------------------------------------------------------

    def new_gift(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.form.clear_errors()
        for field in (self.name_zh, self.name_en, self.price):
            field.clear()
        for i in range(self.tags.count()):
            self.tags.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.occasion.setCurrentIndex(0)
        self.active.setChecked(True)
        self.remove_button.setEnabled(False)
        self.usage.clear()
        self.name_zh.setFocus()

    def values(self) -> dict[str, Any]:
        tags = [
            self.tags.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.tags.count())
            if self.tags.item(i).checkState() == Qt.CheckState.Checked
        ]
        occasion = self.occasion.currentData()
        return {
            "name_zh": self.name_zh.text(),
            "name_en": self.name_en.text(),
            "price": self.price.text(),
            "tags": tags,
            "occasions": [occasion] if occasion else [],
            "active": self.active.isChecked(),
        }

    def _price_checked(self, error: object) -> None:
        label = self.form.error_label("price")
        if label is not None:
            label.setText(self.price.error_message())
            label.setVisible(error is not None)
        self.save_button.setEnabled(error is None)

    def save(self) -> None:
        if not self.price.is_valid():
            return
        self.form.clear_errors()
        values = self.values()
        if self.editing is None:
            op = self.desk.write(_add, values, changes="campaigns")
        else:
            op = self.desk.write(_edit, self.editing, values, changes="campaigns")

        def done(entry: CatalogueEntry) -> None:
            self.status.setText(self.tr("Saved %1.").replace("%1", entry.name_zh))
            self.reload(select=entry.key)

        op.success(done).failure(self._failed).run()

    def remove(self) -> None:
        if self.editing is None:
            return

        def done(entry: CatalogueEntry) -> None:
            self.status.setText(self.tr("Removed %1.").replace("%1", entry.name_zh))
            self.new_gift()
            self.reload()

        self.desk.write(gift_catalogue.remove_item, self.editing, changes="campaigns").success(
            done
        ).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        text = catalogue_error(error)
        field = error.field if isinstance(error, CrmdeskError) else None
        if field in _FIELDS or field == "gift":
            self.form.show_error("name_zh" if field == "gift" else str(field), text)
            if field != "gift":
                self.status.clear()
                return
        self.status.setText(text)


# Worker-thread functions: plain values in, plain views out.


def _add(session: Any, values: dict[str, Any]) -> CatalogueEntry:
    return gift_catalogue.add_item(session, **values)


def _edit(session: Any, key: str, values: dict[str, Any]) -> CatalogueEntry:
    return gift_catalogue.edit_item(session, key, **values)
