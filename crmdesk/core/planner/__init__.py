"""The outreach planner (moved into a package; split along its seams in the next commit)."""

from crmdesk.core.planner.agenda import *  # noqa: F403
from crmdesk.core.planner.agenda import _Prepared, gc_paused, spec_text  # noqa: F401
