"""Hand over a rep's accounts (离职交接), for managers and admins.

Choose the leaver; their accounts are listed from this (manager's) book — an account's book is
``SyncShadow.book_id``, which is its owner's user id. Each account may go to its own successor;
whatever is not given one (and every record on no account) goes to "everything else". The
server moves it all in one transaction (``SyncClient.handover``), then a sync brings the change
into this book. Every call runs on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.sync.client import SyncClient, SyncError
from crmdesk.sync.protocol import HandoverRequest, HandoverResponse
from crmdesk.ui.formats import list_text
from crmdesk.ui.team_dialog import widen

if TYPE_CHECKING:
    from crmdesk.ui.sync_ui import SyncController


@dataclass(frozen=True)
class Member:
    user_id: str
    username: str
    role: str
    active: bool


@dataclass(frozen=True)
class HandoverChoices:
    """What the dialog offers: the team, and per member (user id) their accounts here."""

    me: str
    members: list[Member]
    accounts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id, name


@dataclass(frozen=True)
class HandoverResult:
    response: HandoverResponse
    sync_error: str | None  # the sync afterwards failed (the handover itself is done)


def load_choices(client: SyncClient) -> HandoverChoices:
    """The team from the server, the accounts from this book (worker)."""
    from crmdesk.sync.team import accounts_by_book

    team = client.team()
    accounts = accounts_by_book(client.book)
    me = client.status().username or ""
    members = [Member(m.user_id, m.username, m.role, m.active) for m in team.members]
    return HandoverChoices(me, sorted(members, key=lambda m: m.username), accounts)


def run_handover(client: SyncClient, request: HandoverRequest) -> HandoverResult:
    """Hand over, then sync so this book shows the new owners (worker)."""
    response = client.handover(request)
    try:
        client.sync_once()
    except SyncError as exc:
        if exc.code == "device_revoked":
            raise
        return HandoverResult(response, exc.message)
    return HandoverResult(response, None)


class HandoverDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.choices: HandoverChoices | None = None
        self.accounts: list[tuple[str, str]] = []
        self.combos: list[QComboBox] = []
        self.confirm: QMessageBox | None = None
        self.setWindowTitle(self.tr("Hand over a rep's accounts"))
        self.resize(720, 540)
        self.leaver = QComboBox(self)
        self.leaver.setObjectName("leaver")
        self.leaver.currentIndexChanged.connect(lambda _i: self._show_accounts())
        self.default_to = QComboBox(self)
        self.default_to.setObjectName("defaultTo")
        self.all_to = QPushButton(self.tr("&All accounts to this person"), self)
        self.all_to.setObjectName("allTo")
        self.all_to.clicked.connect(self.assign_all)
        top = QFormLayout()
        top.addRow(self.tr("Who is leaving:"), self.leaver)
        default_row = QHBoxLayout()
        default_row.addWidget(self.default_to, 1)
        default_row.addWidget(self.all_to)
        top.addRow(self.tr("Everything else to:"), default_row)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Successor")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Cell widgets do not count for ResizeToContents: _show_accounts sizes it to the combos.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.revoke = QCheckBox(
            self.tr("Revoke the leaver's devices (their books are wiped)"), self
        )
        self.revoke.setObjectName("revokeDevices")
        self.revoke.setChecked(True)
        self.deactivate = QCheckBox(self.tr("Deactivate the leaver's user"), self)
        self.deactivate.setObjectName("deactivate")
        self.deactivate.setChecked(True)
        self.message = QLabel(self.tr("Loading the team…"), self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.hand_over = QPushButton(self.tr("&Hand over…"), self)
        self.hand_over.setObjectName("handOver")
        self.hand_over.clicked.connect(self.confirm_handover)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.hand_over)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.revoke)
        layout.addWidget(self.deactivate)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._set_enabled(False)
        op = controller.run(load_choices)
        if op is not None:
            op.success(self._loaded).failure(self._failed).run()

    # -- filling in -----------------------------------------------------------------------------

    def _loaded(self, choices: HandoverChoices) -> None:
        self.choices = choices
        self.leaver.blockSignals(True)
        self.leaver.clear()
        for m in choices.members:
            if m.username != choices.me and m.active:
                count = len(choices.accounts.get(m.user_id, []))
                label = self.tr("%1 (%2 accounts)").replace("%1", m.username)
                self.leaver.addItem(label.replace("%2", str(count)), m.username)
        self.leaver.blockSignals(False)
        if self.leaver.count() == 0:
            self.message.setText(self.tr("There is nobody on your team to hand over."))
            return
        self.message.clear()
        self._set_enabled(True)
        self._show_accounts()

    def _successors(self) -> list[str]:
        leaver = self.leaver.currentData()
        if self.choices is None:
            return []
        return [m.username for m in self.choices.members if m.active and m.username != leaver]

    def _show_accounts(self) -> None:
        if self.choices is None:
            return
        leaver = self.leaver.currentData()
        member = next((m for m in self.choices.members if m.username == leaver), None)
        self.accounts = self.choices.accounts.get(member.user_id, []) if member else []
        successors = self._successors()
        self.default_to.clear()
        self.default_to.addItem(self.tr("Choose…"), None)
        for name in successors:
            self.default_to.addItem(name, name)
        self.table.setRowCount(len(self.accounts))
        self.combos = []
        for i, (_account_id, name) in enumerate(self.accounts):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(with everything else)"), None)
            for successor in successors:
                combo.addItem(successor, successor)
            self.table.setCellWidget(i, 1, combo)
            self.combos.append(combo)
        widest = max((c.sizeHint().width() for c in self.combos), default=0)
        self.table.setColumnWidth(1, max(200, widest + 8))
        if not self.accounts:
            self.message.setText(
                self.tr(
                    "This book holds no accounts of theirs; everything they own goes to one "
                    "successor."
                )
            )
        else:
            self.message.clear()

    def assign_all(self) -> None:
        """Every account to the person chosen for everything else."""
        target = self.default_to.currentIndex()
        if target <= 0:
            self.message.setText(self.tr("Choose who receives everything else first."))
            return
        for combo in self.combos:
            combo.setCurrentIndex(target)  # the same names in the same order, after one entry

    def request(self) -> HandoverRequest | None:
        """The request as chosen, or None (with the reason shown) when it is incomplete."""
        leaver = self.leaver.currentData()
        if not leaver:
            self.message.setText(self.tr("Choose who is leaving."))
            return None
        default = self.default_to.currentData()
        per_account = {
            account_id: combo.currentData()
            for (account_id, _name), combo in zip(self.accounts, self.combos, strict=True)
            if combo.currentData()
        }
        if default is None:
            self.message.setText(
                self.tr(
                    "Choose who receives everything else (records on no account, and "
                    "accounts not given a successor)."
                )
            )
            return None
        return HandoverRequest(
            leaver=leaver,
            default_to=default,
            accounts=per_account,
            revoke_devices=self.revoke.isChecked(),
            deactivate=self.deactivate.isChecked(),
        )

    def summary(self, request: HandoverRequest) -> str:
        counts: dict[str, int] = {}
        for account_id, _name in self.accounts:
            who = request.accounts.get(account_id) or request.default_to or ""
            counts[who] = counts.get(who, 0) + 1
        lines = [
            self.tr(
                "All of %1's accounts, contacts, interactions, preferences, dates, "
                "follow-ups and opportunities pass to their successors:"
            ).replace("%1", request.leaver)
        ]
        default = request.default_to or ""
        for who, n in sorted(counts.items()):
            if who == default:
                line = self.tr("%1: %n account(s) and everything else", "", n)
            else:
                line = self.tr("%1: %n account(s)", "", n)
            lines.append("• " + line.replace("%1", who))
        if default not in counts:
            lines.append("• " + self.tr("%1: everything else").replace("%1", default))
        lines.append(self.tr("Stages, follow-ups and who recorded what stay as they are."))
        if request.revoke_devices:
            lines.append(
                self.tr("%1's devices are revoked and wipe their books.").replace(
                    "%1", request.leaver
                )
            )
        if request.deactivate:
            lines.append(self.tr("%1 can no longer sign in.").replace("%1", request.leaver))
        return "\n".join(lines)

    # -- doing it -------------------------------------------------------------------------------

    def confirm_handover(self) -> None:
        request = self.request()
        if request is None:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmHandover")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Hand over"))
        box.setText(self.tr("Hand over %1's records?").replace("%1", request.leaver))
        box.setInformativeText(self.summary(request))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        widen(box)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Hand over"))
        yes.clicked.connect(lambda: self.start(request))
        self.confirm = box
        box.open()

    def start(self, request: HandoverRequest) -> None:
        op = self.controller.run(run_handover, request)
        if op is None:
            self.message.setText(self.tr("Unlock the book first."))
            return
        self._set_enabled(False)
        self.message.setText(self.tr("Handing over…"))
        op.success(self._done).failure(self._failed).run()

    def _done(self, result: HandoverResult) -> None:
        r = result.response
        received = list_text(f"{who} {n}" for who, n in sorted(r.successors.items()))
        text = (
            self.tr("Done: %1 records moved (%2 accounts) — %3. %4 devices revoked.")
            .replace("%1", str(r.moved))
            .replace("%2", str(r.accounts))
            .replace("%3", received or "-")
            .replace("%4", str(r.revoked_devices))
        )
        if result.sync_error:
            text += " " + self.tr("The sync afterwards failed (%1); it runs again later.").replace(
                "%1", result.sync_error
            )
        self.message.setText(text)
        self.controller.refresh()
        desk = self.controller.desk
        if desk is not None and desk.is_open:
            for kind in ("account", "contact", "interaction"):
                desk.changed.emit(kind)

    def _failed(self, error: BaseException) -> None:
        if self.controller.check_revoked(error):
            self.reject()
            return
        self.message.setText(self.controller.message(error))
        self._set_enabled(self.choices is not None and self.leaver.count() > 0)

    def _set_enabled(self, on: bool) -> None:
        for widget in (
            self.leaver,
            self.default_to,
            self.all_to,
            self.table,
            self.revoke,
            self.deactivate,
            self.hand_over,
        ):
            widget.setEnabled(on)


def open_handover(controller: SyncController, parent: QWidget) -> HandoverDialog:
    dialog = HandoverDialog(controller, parent)
    dialog.setObjectName("handoverDialog")
    dialog.open()
    return dialog
