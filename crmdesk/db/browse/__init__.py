"""Read-only queries behind the desktop app's big tables and cards (moved into a package)."""

from crmdesk.db.browse.tables import *  # noqa: F403
