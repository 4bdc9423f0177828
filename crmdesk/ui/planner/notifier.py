"""Desktop reminders from the outreach plan: in the system tray, at start and daily while running.

``PlannerNotifier(parent=None, *, now=...)``; give it the desk when the book opens
(:meth:`set_desk`; None on lock). When the app starts, and then once a day at the time set in the
planner settings (09:00 by default), it computes today's reminders on the desk's worker
(:func:`crmdesk.core.planner_reminders.todays_reminders`) and shows them as a tray message — when
the platform has a system tray (``QSystemTrayIcon.isSystemTrayAvailable()``; the offscreen
platform of the tests has none). It emits :attr:`reminded` either way, so the window can also
show them, and :attr:`open_planner` when the rep clicks the message.

When is decided by :func:`crmdesk.core.planner_reminders.is_due` (tested without a tray).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from crmdesk.core.planner import build_plan, release
from crmdesk.core.planner_config import DEFAULT_REMIND_AT
from crmdesk.core.planner_reminders import Reminders, is_due, reminder_days, todays_reminders
from crmdesk.ui.desk import Desk
from crmdesk.ui.pages import colon
from crmdesk.ui.planner.texts import PlannerTexts

CHECK_EVERY_MS = 60_000
MESSAGE_LINES = 6


def compute_reminders(session: Any, today: dt.date) -> tuple[Reminders, dt.time]:
    """Runs on the worker: today's reminders and the reminder time of the book's settings."""
    from crmdesk.db.planner_settings import load_settings
    from crmdesk.db.planning import load_plan_input

    settings = load_settings(session)
    data = load_plan_input(session)
    plan = build_plan(data, start=today, days=reminder_days(settings), settings=settings)
    reminders = todays_reminders(plan, today)
    release(data)  # here, a slice at a time, not all at once when the last reference goes
    return reminders, settings.remind_at


class PlannerNotifier(QObject):
    """Shows today's reminders at start and daily; see the module docstring."""

    reminded = Signal(object)  # Reminders
    open_planner = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        tray_icon: Any = None,
    ) -> None:
        super().__init__(parent)
        self._desk: Desk | None = None
        self._now = now
        self.last_shown: dt.date | None = None
        self.remind_at: dt.time = DEFAULT_REMIND_AT
        self._busy = False
        self.texts = PlannerTexts(self)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self)
            if tray_icon is not None:
                self.tray.setIcon(tray_icon)
            self.tray.messageClicked.connect(self.open_planner)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def set_desk(self, desk: Desk | None) -> None:
        """Start (with the book open) or stop (locked) reminding; the first check is at once."""
        self._desk = desk
        if desk is None:
            self.timer.stop()
            if self.tray is not None:
                self.tray.hide()
            return
        if self.tray is not None:
            self.tray.show()
        self.timer.start()
        self.check()

    def check(self) -> bool:
        """Compute and show the reminders if they are due; True when a computation started."""
        if self._desk is None or self._busy:
            return False
        now = self._now()
        if not is_due(self.last_shown, self.remind_at, now):
            return False
        self._busy = True
        today = now.date()
        (
            self._desk.read(compute_reminders, today)
            .success(lambda result: self._show(today, *result))
            .failure(lambda _error: None)  # a reminder is not worth an error dialog
            .finally_(self._done)
            .run()
        )
        return True

    def _done(self) -> None:
        self._busy = False

    def _show(self, today: dt.date, reminders: Reminders, remind_at: dt.time) -> None:
        self.last_shown = today
        self.remind_at = remind_at
        self.reminded.emit(reminders)
        if self.tray is not None and not reminders.is_empty:
            title, body = self.message(reminders)
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)

    def message(self, reminders: Reminders) -> tuple[str, str]:
        """The tray message's title and body, translated."""
        lines = [
            f"{self.texts.who(item)}{colon()}{self.texts.why(item)}" for item in reminders.occasions
        ]
        lines += [
            self.tr("Buy a gift for %1 (%2)")
            .replace("%1", self.texts.who(item))
            .replace("%2", self.texts.kind(item.kind))
            for item in reminders.buy_today
        ]
        lines += [
            self.tr("Follow up: %1").replace("%1", self.texts.why(item))
            for item in (*reminders.follow_ups_overdue, *reminders.follow_ups_due)
        ]
        if reminders.neglected:
            lines.append(
                self.tr("%n relationship(s) past their contact cadence", "", reminders.neglected)
            )
        more = len(lines) - MESSAGE_LINES
        body = "\n".join(lines[:MESSAGE_LINES])
        if more > 0:
            body += "\n" + self.tr("…and %n more", "", more)
        count = len(reminders.occasions) + len(reminders.buy_today)
        title = self.tr("Today: %n occasion(s) to greet", "", count)
        return title, body
