"""Team and devices (managers and admins): who is on the team, their devices, last seen; Revoke.

The team comes from the server (``SyncClient.team``) on the worker; revoking a device asks first,
then runs on the worker too. A revoked device wipes its book at its next contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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

from crmdesk.ui import formats

if TYPE_CHECKING:
    from crmdesk.sync.client import SyncClient
    from crmdesk.sync.protocol import TeamResponse
    from crmdesk.ui.sync_ui import SyncController


@dataclass(frozen=True)
class DeviceRow:
    """One line of the table: a member's device (or the member alone, with no device)."""

    username: str
    role: str
    active: bool
    device_id: str  # "" when the member has no device
    device_name: str
    last_seen: str  # local time, "YYYY-MM-DD HH:MM"
    revoked: bool


def team_rows(team: TeamResponse) -> list[DeviceRow]:
    rows: list[DeviceRow] = []
    for m in sorted(team.members, key=lambda m: (m.role != "rep", m.username)):
        if not m.devices:
            rows.append(DeviceRow(m.username, m.role, m.active, "", "", "", False))
        for d in sorted(m.devices, key=lambda d: d.last_seen_at, reverse=True):
            seen = formats.moment_text(d.last_seen_at)
            rows.append(DeviceRow(m.username, m.role, m.active, d.id, d.name, seen, d.revoked))
    return rows


def _revoke_device(client: SyncClient, device_id: str) -> object:
    return client.revoke_device(device_id)


def load_team(client: SyncClient) -> list[DeviceRow]:
    """The team as table rows (worker)."""
    return team_rows(client.team())


class TeamDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows: list[DeviceRow] = []
        self.setWindowTitle(self.tr("Team and devices"))
        self.resize(760, 420)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("team")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User"),
                self.tr("Role"),
                self.tr("Device"),
                self.tr("Last seen"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self.tr("Loading the team…"), self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.revoke_button = QPushButton(self.tr("&Revoke device…"), self)
        self.revoke_button.setObjectName("revoke")
        self.revoke_button.clicked.connect(self.confirm_revoke)
        reload = QPushButton(self.tr("Re&load"), self)
        reload.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(reload)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.confirm: QMessageBox | None = None
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        op = self.controller.run(load_team)
        if op is not None:
            self.message.setText(self.tr("Loading the team…"))
            op.success(self._show).failure(self._failed).run()

    def _show(self, rows: list[DeviceRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            if r.revoked:
                state = self.tr("revoked")
            elif not r.active:
                state = self.tr("user inactive")
            elif not r.device_id:
                state = self.tr("no device")
            else:
                state = self.tr("active")
            cells = (r.username, self.role_text(r.role), r.device_name, r.last_seen, state)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2 and r.device_id:
                    item.setToolTip(r.device_id)
                self.table.setItem(i, j, item)
        self.message.setText(
            self.tr("%1 people, %2 devices.")
            .replace("%1", str(len({r.username for r in rows})))
            .replace("%2", str(sum(1 for r in rows if r.device_id)))
        )
        self._update_buttons()

    def role_text(self, role: str) -> str:
        return {
            "rep": self.tr("rep"),
            "manager": self.tr("manager"),
            "admin": self.tr("admin"),
        }.get(role, role)

    def current(self) -> DeviceRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[row]
        return None

    def _update_buttons(self) -> None:
        r = self.current()
        self.revoke_button.setEnabled(r is not None and bool(r.device_id) and not r.revoked)

    def confirm_revoke(self) -> None:
        r = self.current()
        if r is None or not r.device_id or r.revoked:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmRevoke")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Revoke device"))
        box.setText(
            self.tr("Revoke %1's device “%2”?")
            .replace("%1", r.username)
            .replace("%2", r.device_name)
        )
        box.setInformativeText(
            self.tr(
                "At its next contact with the server it deletes its local book and key. Edits it "
                "still sends are kept for review, not applied."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        widen(box)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Revoke"))
        yes.clicked.connect(lambda: self.revoke(r.device_id))
        self.confirm = box
        box.open()

    def revoke(self, device_id: str) -> None:
        op = self.controller.run(_revoke_device, device_id)
        if op is None:
            return
        self.revoke_button.setEnabled(False)
        op.success(lambda _revoked: self.reload()).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        if self.controller.check_revoked(error):
            self.reject()
            return
        self.message.setText(self.controller.message(error))
        self._update_buttons()


def widen(box: QMessageBox, width: int = 440) -> None:
    """Give a message box room for its sentences (Qt sizes it to the shortest line it can)."""
    from PySide6.QtWidgets import QGridLayout, QSizePolicy, QSpacerItem

    grid = box.layout()
    if isinstance(grid, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        grid.addItem(spacer, grid.rowCount(), 0, 1, grid.columnCount())


def open_team(controller: SyncController, parent: QWidget) -> TeamDialog:
    dialog = TeamDialog(controller, parent)
    dialog.setObjectName("teamDialog")
    dialog.open()
    return dialog
