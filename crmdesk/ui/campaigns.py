"""Festival campaigns (三节两寿) in one sitting: choose the festival, see everyone it concerns with
the suggested gift, why, and the greeting; copy greetings one by one, mark gifts bought and sent,
export the shopping list for whoever buys them. "Gift catalogue…" edits what is suggested
(:mod:`crmdesk.ui.campaigns_catalogue`); the "Team" page sums every campaign on the device per rep
(:mod:`crmdesk.ui.campaigns_team`). The planner's "Start a campaign for 中秋 2027…" opens the
dialog with that festival, year, tiers and owner filled in (:meth:`CampaignsDialog.preset`).

Every read and write runs on the database worker (``Desk.read`` / ``Desk.write``); the tables hold
the plain views the service returns (a campaign has dozens of people, not thousands).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import CrmdeskError
from crmdesk.core.festivals import BUILTIN_FESTIVALS
from crmdesk.ui.date_fields import YearField
from crmdesk.ui.desk import Desk
from crmdesk.ui.editors import split_list
from crmdesk.ui.formats import date_text, money_text
from crmdesk.ui.forms import error_text
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from crmdesk.db.campaign_stats import CampaignSummary
    from crmdesk.db.services.campaigns import CampaignView, ItemView


def _campaigns() -> ModuleType:
    """The campaigns service, loaded when the dialog first needs it (not at the app's start)."""
    from crmdesk.db.services import campaigns

    return campaigns


_STATUS = {
    "to_buy": QT_TRANSLATE_NOOP("Campaigns", "to buy"),
    "bought": QT_TRANSLATE_NOOP("Campaigns", "bought"),
    "sent": QT_TRANSLATE_NOOP("Campaigns", "sent"),
    "thanked": QT_TRANSLATE_NOOP("Campaigns", "thanked"),
}
_ERRORS = {
    "no_contacts": QT_TRANSLATE_NOOP(
        "Campaigns", "No contact matches these tiers: nobody to greet."
    ),
    "no_gift": QT_TRANSLATE_NOOP("Campaigns", "Choose a gift before marking it sent."),
    "not_sent": QT_TRANSLATE_NOOP("Campaigns", "A gift is thanked for only after it was sent."),
    "required": QT_TRANSLATE_NOOP("Campaigns", "Say who the greetings are from."),
}


# The workbook's words (crmdesk.db.campaign_export hands them to _tr), listed for lupdate.
_WORKBOOK_WORDS = (
    QT_TRANSLATE_NOOP("Campaigns", "Shopping list"),
    QT_TRANSLATE_NOOP("Campaigns", "Items"),
    QT_TRANSLATE_NOOP("Campaigns", "Greetings"),
    QT_TRANSLATE_NOOP("Campaigns", "Quantity"),
    QT_TRANSLATE_NOOP("Campaigns", "Each"),
    QT_TRANSLATE_NOOP("Campaigns", "Total"),
    QT_TRANSLATE_NOOP("Campaigns", "Buy by"),
    QT_TRANSLATE_NOOP("Campaigns", "Owner"),
    QT_TRANSLATE_NOOP("Campaigns", "Greeting"),
)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Campaigns", text)


def _language() -> str:
    """The app's language as the translations set it ("zh_CN", "zh_TW", "en_GB")."""
    return QLocale().name()


def campaign_error(error: BaseException) -> str:
    if isinstance(error, CrmdeskError) and error.code in _ERRORS:
        return _tr(_ERRORS[error.code])
    return error_text(error)


class ItemsModel(QAbstractTableModel):
    """The people of one campaign: contact, account, tier, gift, value, status, why."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Campaigns", "Contact"),
        QT_TRANSLATE_NOOP("Campaigns", "Account"),
        QT_TRANSLATE_NOOP("Campaigns", "Tier"),
        QT_TRANSLATE_NOOP("Campaigns", "Gift"),
        QT_TRANSLATE_NOOP("Campaigns", "Value"),
        QT_TRANSLATE_NOOP("Campaigns", "Status"),
        QT_TRANSLATE_NOOP("Campaigns", "Why"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[ItemView, ...] = ()

    def set_items(self, items: tuple[ItemView, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                item.contact,
                item.account or "",
                item.tier or "",
                item.gift or _tr("(choose one)"),
                money_text(item.value) if item.value else "",
                _tr(_STATUS.get(item.status, item.status)),
                item.reason,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.greeting
        return None


class CampaignsDialog(QDialog):
    """Tools > Campaigns…: make a campaign, work through its people, export the shopping list."""

    def __init__(self, desk: Desk, *, sender: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.current: CampaignView | None = None
        self.setObjectName("campaignsDialog")
        self.setWindowTitle(self.tr("Festival campaigns"))
        self.resize(1100, 640)

        self.festival = QComboBox(self)
        self.festival.setObjectName("campaignFestival")
        for festival in BUILTIN_FESTIVALS:
            if festival.key.startswith("cn."):
                self.festival.addItem(festival.name(_language()), festival.key)
        self.year = YearField(dt.date.today().year, parent=self)
        self.year.setObjectName("campaignYear")
        self.year.setMaximumWidth(110)
        self.year.checked.connect(self._year_checked)
        self.tiers = QLineEdit(self)
        self.tiers.setPlaceholderText(self.tr("e.g. S, A (empty: every tier)"))
        self.tiers.setObjectName("campaignTiers")
        self.owners = QLineEdit(self)
        self.owners.setObjectName("campaignOwners")
        self.owners.setPlaceholderText(self.tr("reps, e.g. liu (empty: everyone's)"))
        self.from_field = QLineEdit(sender, self)
        self.from_field.setObjectName("campaignSender")
        self.from_field.setPlaceholderText(self.tr("your name and company"))
        self.tone = QComboBox(self)
        self.tone.addItem(self.tr("Formal"), "formal")
        self.tone.addItem(self.tr("Warm"), "warm")
        self.make_button = QPushButton(self.tr("&Make campaign"), self)
        self.make_button.setObjectName("makeCampaign")
        self.make_button.clicked.connect(self.make)
        form = QFormLayout()
        form.addRow(self.tr("Festival:"), self.festival)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Tiers:"), self.tiers)
        form.addRow(self.tr("Owners:"), self.owners)
        form.addRow(self.tr("From:"), self.from_field)
        form.addRow(self.tr("Tone:"), self.tone)
        form.addRow(self.make_button)
        self.catalogue_button = QPushButton(self.tr("&Gift catalogue…"), self)
        self.catalogue_button.setObjectName("giftCatalogue")
        self.catalogue_button.clicked.connect(lambda _checked=False: self.open_catalogue())

        self.list = QListWidget(self)
        self.list.setObjectName("campaignList")
        self.list.currentItemChanged.connect(self._chosen)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(QLabel(self.tr("Campaigns:"), left))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.catalogue_button)

        self.heading = QLabel(self)
        self.heading.setObjectName("campaignHeading")
        self.heading.setWordWrap(True)
        self.model = ItemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("campaignItems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_greeting)
        self.greeting = QLabel(self)
        self.greeting.setObjectName("campaignGreeting")
        self.greeting.setWordWrap(True)
        self.greeting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shopping = QLabel(self)
        self.shopping.setObjectName("campaignShopping")
        self.shopping.setWordWrap(True)
        copy = QPushButton(self.tr("&Copy greeting"), self)
        copy.clicked.connect(self.copy_greeting)
        bought = QPushButton(self.tr("Mark &bought"), self)
        bought.setObjectName("markBought")
        bought.clicked.connect(lambda: self.set_status("bought"))
        self.sent_button = QPushButton(self.tr("Mark &sent"), self)
        self.sent_button.setObjectName("markSent")
        self.sent_button.clicked.connect(self.mark_sent)
        export = QPushButton(self.tr("&Export…"), self)
        export.clicked.connect(self.export)
        actions = QHBoxLayout()
        for button in (copy, bought, self.sent_button, export):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.greeting)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.shopping)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        self.status = QLabel(self)
        self.status.setObjectName("campaignStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        from crmdesk.ui.campaigns_team import TeamCampaigns

        self.team = TeamCampaigns(desk, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("campaignPages")
        self.pages.addTab(splitter, self.tr("Campaigns"))
        self.pages.addTab(self.team, self.tr("Team"))
        self.pages.currentChanged.connect(
            lambda index: self.team.reload() if self.pages.widget(index) is self.team else None
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._set_campaign(None)
        self.reload()

    # -- reading ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        def done(views: list[CampaignSummary]) -> None:
            self.list.clear()
            for view in views:
                entry = QListWidgetItem(
                    self.tr("%1 (%2 people)").replace("%1", view.name)
                    .replace("%2", str(view.total.people))
                )  # fmt: skip
                entry.setData(Qt.ItemDataRole.UserRole, view.id)
                self.list.addItem(entry)
                if view.id == select:
                    self.list.setCurrentItem(entry)

        self.desk.read(_campaigns().list_campaigns).success(done).failure(self._failed).run()

    def _chosen(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            self._set_campaign(None)
            return
        campaign_id = entry.data(Qt.ItemDataRole.UserRole)
        self.desk.read(_campaigns().campaign_detail, campaign_id).success(
            self._set_campaign
        ).failure(self._failed).run()

    def _set_campaign(self, view: CampaignView | None) -> None:
        self.current = view
        self.model.set_items(view.items if view else ())
        self.greeting.clear()
        if view is None:
            self.heading.setText(self.tr("Make a campaign, or choose one on the left."))
            self.shopping.clear()
            return
        progress = view.progress
        self.heading.setText(
            self.tr("%1 on %2 — buy by %3, send by %4. To buy %5, bought %6, sent %7, thanked %8.")
            .replace("%1", view.name).replace("%2", date_text(view.occasion_on))
            .replace("%3", date_text(view.buy_by)).replace("%4", date_text(view.send_by))
            .replace("%5", str(progress["to_buy"])).replace("%6", str(progress["bought"]))
            .replace("%7", str(progress["sent"])).replace("%8", str(progress["thanked"]))
        )  # fmt: skip
        lines = [
            f"{line.gift} × {line.quantity} = {money_text(line.total)}" if line.total else
            f"{line.gift} × {line.quantity}"
            for line in _campaigns().shopping_list(view)
        ]  # fmt: skip
        self.shopping.setText(self.tr("Shopping list: %1").replace("%1", "; ".join(lines)))
        if view.items:
            self.table.selectRow(0)

    def _show_greeting(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.greeting.setText(self.model.items[current.row()].greeting)

    def _selected(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.items[row].id for row in sorted(rows)]

    # -- writing ---------------------------------------------------------------------------------

    def preset(self, occasion: str, year: int, tiers: list[str], owners: list[str]) -> None:
        """Fill in the form for a campaign (from the planner); the rep checks it and makes it."""
        self.pages.setCurrentIndex(0)
        index = self.festival.findData(occasion)
        if index < 0:  # a festival outside the list (a company's): add it
            from crmdesk.core.festivals import festival_by_key

            self.festival.addItem(festival_by_key(occasion).name(_language()), occasion)
            index = self.festival.count() - 1
        self.festival.setCurrentIndex(index)
        self.year.setText(str(year))
        self.tiers.setText(", ".join(tiers))
        self.owners.setText(", ".join(owners))
        self.status.setText(
            self.tr("Check the festival, tiers and owners, then make the campaign.")
        )
        self.make_button.setFocus()

    def open_catalogue(self) -> QDialog:
        from crmdesk.ui.campaigns_catalogue import GiftCatalogueDialog

        dialog = GiftCatalogueDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _year_checked(self, error: object) -> None:
        # Make waits for a real year; the field says what is wrong with the one typed.
        self.make_button.setEnabled(error is None)
        self.status.setText(self.year.error_message())

    def make(self) -> None:
        if not self.year.is_valid():
            self.status.setText(self.year.error_message())
            return
        year = self.year.value()
        tiers = [t.upper() for t in split_list(self.tiers.text())]
        owners = split_list(self.owners.text())
        self.status.setText(self.tr("Making the campaign…"))
        self.make_button.setEnabled(False)

        def done(view: CampaignView) -> None:
            self.make_button.setEnabled(True)
            self.status.setText(self.tr("%1 people to greet.").replace("%1", str(len(view.items))))
            self.reload(select=view.id)

        def failed(error: BaseException) -> None:
            self.make_button.setEnabled(True)
            self._failed(error)

        self.desk.write(
            _new_campaign,
            self.festival.currentData(),
            year,
            self.from_field.text(),
            tiers,
            owners,
            _language(),
            self.tone.currentData(),
            changes="campaigns",
        ).success(done).failure(failed).run()

    def copy_greeting(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(self.model.items[index.row()].greeting)
            self.status.setText(self.tr("Greeting copied: paste it into WeChat, SMS or e-mail."))

    def set_status(self, status: str) -> None:
        if self.current is None or not self._selected():
            return
        self.desk.write(
            _set_status, self.current.id, self._selected(), status, changes="campaigns"
        ).success(self._set_campaign).failure(self._failed).run()

    def mark_sent(self) -> None:
        if self.current is None or not self._selected():
            return

        def done(result: tuple[CampaignView, int]) -> None:
            view, logged = result
            self._set_campaign(view)
            self.status.setText(
                self.tr("%1 gift(s) logged as sent; items sent before were not logged again.")
                .replace("%1", str(logged))
            )  # fmt: skip

        self.desk.write(
            _mark_sent, self.current.id, self._selected(), changes="interactions"
        ).success(done).failure(self._failed).run()

    def export(self) -> None:
        if self.current is None:
            return
        start = Path.home() / f"{self.current.name}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), str(start), "*.xlsx")
        if not path:
            return
        view = self.current
        self.desk.runner.op(_export, view, Path(path)).success(
            lambda written: self.status.setText(self.tr("Saved %1.").replace("%1", str(written)))
        ).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(campaign_error(error))


# Worker-thread functions: plain arguments in, plain views out.


def _new_campaign(
    session: Any,
    occasion: str,
    year: int,
    sender: str,
    tiers: list[str],
    owners: list[str],
    lang: str,
    tone: str,
) -> CampaignView:
    from crmdesk.core.greetings import Tone

    return _campaigns().new_campaign(
        session, occasion=occasion, year=year, sender=sender, tiers=tiers, owners=owners,
        lang=lang, tone=Tone(tone),
    )  # fmt: skip


def _set_status(session: Any, campaign_id: str, items: list[str], status: str) -> CampaignView:
    return _campaigns().set_status(session, campaign_id=campaign_id, item_ids=items, status=status)


def _mark_sent(session: Any, campaign_id: str, items: list[str]) -> tuple[CampaignView, int]:
    return _campaigns().mark_sent(
        session, campaign_id=campaign_id, item_ids=items, when=dt.datetime.now().astimezone()
    )


def _export(view: CampaignView, path: Path) -> Path:
    from crmdesk.db.campaign_export import write_xlsx
    from crmdesk.ui.formats import excel_formats

    return write_xlsx(view, path, text=_tr, day_format=excel_formats()[0])


class CampaignsAction(QObject):
    """Tools > Festival campaigns… (Ctrl+Shift+G): enabled while a book is open."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        from PySide6.QtGui import QAction, QKeySequence

        self.window = window
        self.dialog: CampaignsDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("festivalCampaigns")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.triggered.connect(lambda _checked=False: self.open())
        menu = window.tools.menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        menu.insertSeparator(first)
        window.session.opened.connect(lambda _desk: self.action.setEnabled(True))
        planner = getattr(window, "planner", None)
        if planner is not None:  # "Start a campaign for 中秋 2027…" in the planner
            planner.campaign_requested.connect(self.open_for)
        window.session.locked.connect(self._locked)
        self.action.setEnabled(False)

    def retranslate(self) -> None:
        self.action.setText(self.tr("Festival &campaigns…"))

    def _locked(self) -> None:
        self.action.setEnabled(False)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None

    def open_for(self, occasion: str, year: int, tiers: list[str], owner: str) -> None:
        dialog = self.open()
        if dialog is not None:
            dialog.preset(occasion, year, tiers, [owner] if owner else [])

    def open(self) -> CampaignsDialog | None:
        desk = self.window.session.desk
        if desk is None:
            return None
        if self.dialog is None:
            self.dialog = CampaignsDialog(desk, parent=self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
