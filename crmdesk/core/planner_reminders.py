"""Today's reminders from the outreach plan, and when to show them (Qt-free).

The desktop notifier (crmdesk.ui.planner.notifier) shows them in the system tray when the app
starts and then once a day while it runs, at the time the rep chose (09:00 by default). The
decision of *what* and *when* is here, so it is tested without a tray.

What a day's reminder holds: occasions today (birthdays, anniversaries, festivals, dormant
customers' birthdays), the gifts to buy today (occasions whose buy-by day is today), follow-ups
due today and overdue ones, and how many relationships are past their cadence. Items already
marked done are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crmdesk.core.planner import GIFT_KINDS, ItemKind, Plan, PlanItem
from crmdesk.core.planner_config import PlannerSettings


def reminder_days(settings: PlannerSettings) -> int:
    """How many days the plan given to :func:`todays_reminders` must cover: today and the lead
    time (an occasion whose gift is bought today is ``lead_days`` ahead)."""
    return settings.lead_days + 1


@dataclass(frozen=True, slots=True)
class Reminders:
    """What to remind the rep of on ``day``."""

    day: dt.date
    occasions: tuple[PlanItem, ...]
    buy_today: tuple[PlanItem, ...]
    follow_ups_due: tuple[PlanItem, ...]
    follow_ups_overdue: tuple[PlanItem, ...]
    neglected: int

    @property
    def is_empty(self) -> bool:
        return not (
            self.occasions
            or self.buy_today
            or self.follow_ups_due
            or self.follow_ups_overdue
            or self.neglected
        )

    def lines(self) -> list[str]:
        """Plain English lines (the CLI's; the GUI builds translated ones from the fields)."""
        out = [f"{item.who}: {item.why}" for item in self.occasions]
        out += [
            f"Buy a gift today for {item.who} ({item.day.isoformat()})" for item in self.buy_today
        ]
        out += [f"Follow up today: {item.who}: {item.why}" for item in self.follow_ups_due]
        out += [f"Overdue: {item.who}: {item.why}" for item in self.follow_ups_overdue]
        if self.neglected:
            out.append(f"{self.neglected} relationship(s) past their contact cadence")
        return out


def todays_reminders(plan: Plan, today: dt.date) -> Reminders:
    """The reminders of ``today`` from ``plan`` (which should start today and cover
    :func:`reminder_days` days)."""
    occasions: list[PlanItem] = []
    buy: list[PlanItem] = []
    due: list[PlanItem] = []
    overdue: list[PlanItem] = []
    neglected = 0
    for agenda_day in plan.days:
        if agenda_day.day == today:
            for item in agenda_day.items:
                if item.done:
                    continue
                if item.kind is ItemKind.FOLLOW_UP:
                    (overdue if item.overdue_days else due).append(item)
                elif item.kind is ItemKind.NEGLECT:
                    neglected += 1
                elif item.kind in GIFT_KINDS:
                    occasions.append(item)
        if agenda_day.day > today:
            # Only occasions can have a buy-by day: the rest of the day need not be made.
            counts = agenda_day.counts()
            if not any(kind in GIFT_KINDS for kind in counts):
                continue
            buy.extend(
                item
                for item in agenda_day.items
                if not item.done and item.kind in GIFT_KINDS and item.buy_by == today
            )
    return Reminders(today, tuple(occasions), tuple(buy), tuple(due), tuple(overdue), neglected)


def next_reminder_at(last_shown: dt.date | None, at: dt.time, now: dt.datetime) -> dt.datetime:
    """When the next reminder is due: now if none was shown yet (the app just started), else
    ``at`` on the day after the last one shown. ``now`` is local wall-clock time (naive or
    aware); the result has the same kind."""
    if last_shown is None:
        return now
    return dt.datetime.combine(last_shown + dt.timedelta(days=1), at, tzinfo=now.tzinfo)


def is_due(last_shown: dt.date | None, at: dt.time, now: dt.datetime) -> bool:
    """Whether a reminder should be shown at ``now`` (see :func:`next_reminder_at`)."""
    return now >= next_reminder_at(last_shown, at, now)
