"""The Team tab: the manager's dashboard and spend views (``TeamView``)."""

from crmdesk.ui.dashboard.view import TeamView

__all__ = ["TeamView"]
