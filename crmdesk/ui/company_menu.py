"""The Sync menu's manager entries: "Team and devices…" and "Hand over a rep's accounts…".

Shown only to managers and admins (the role the server gave at enrolment, kept in the book) and
only while the book is open; the window adds them with two lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from crmdesk.sync.client import SyncStatus
    from crmdesk.ui.sync_ui import SyncController

MANAGING_ROLES = frozenset({"manager", "admin"})


# The dialogs (and the sync client they use) load when first opened, not at start-up.
def open_team(controller: SyncController, window: QWidget) -> None:
    from crmdesk.ui.team_dialog import open_team as open_dialog

    open_dialog(controller, window)


def open_handover(controller: SyncController, window: QWidget) -> None:
    from crmdesk.ui.handover_dialog import open_handover as open_dialog

    open_dialog(controller, window)


class CompanyActions(QObject):
    def __init__(self, controller: SyncController, menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.separator = menu.addSeparator()
        self.team = QAction(window)
        self.team.setObjectName("syncTeam")
        self.team.triggered.connect(lambda _checked=False: open_team(controller, window))
        self.handover = QAction(window)
        self.handover.setObjectName("syncHandover")
        self.handover.triggered.connect(lambda _checked=False: open_handover(controller, window))
        menu.addAction(self.team)
        menu.addAction(self.handover)
        controller.status_changed.connect(self.update)
        self.retranslate()
        self.update(controller.status)

    def update(self, status: SyncStatus | None) -> None:
        on = status is not None and status.enrolled and status.role in MANAGING_ROLES
        for action in (self.separator, self.team, self.handover):
            action.setVisible(on)
            action.setEnabled(on)

    def retranslate(self) -> None:
        self.team.setText(self.tr("&Team and devices…"))
        self.handover.setText(self.tr("&Hand over a rep's accounts…"))
