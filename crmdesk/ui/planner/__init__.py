"""The outreach planner in the app: the agenda and month calendar view, the "Done…" dialog, the
settings panel and the tray reminders. Mount :class:`PlannerView` in the main window and give it
and :class:`PlannerNotifier` the desk when the book opens (see each class's docstring)."""

from crmdesk.ui.planner.notifier import PlannerNotifier
from crmdesk.ui.planner.view import PlannerView

__all__ = ["PlannerNotifier", "PlannerView"]
