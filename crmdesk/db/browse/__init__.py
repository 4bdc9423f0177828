"""Read-only queries behind the desktop app's screens, in two parts:

* :mod:`crmdesk.db.browse.tables` — the big contact and account tables: ordered ids for a filter
  and sort, then the rows on screen by id;
* :mod:`crmdesk.db.browse.pages` — everything a contact or account card (and its brief) shows.

Both import SQLAlchemy inside their functions (they run on the database worker), so importing
this package costs the GUI thread nothing. The names are re-exported here: callers write
``browse.contact_ids`` or ``browse.ContactPage``.
"""

from crmdesk.db.browse.pages import (
    AccountPage,
    ComingDate,
    ContactPage,
    GiftRecord,
    OrgNode,
    SpendLine,
    account_page,
    account_spend,
    contact_page,
    gifts_to,
)
from crmdesk.db.browse.tables import (
    ID_SLICE,
    MAX_IDS_PER_QUERY,
    AccountFilter,
    AccountRow,
    AccountSort,
    Choice,
    ContactFilter,
    ContactRow,
    ContactSort,
    FilterChoices,
    account_ids,
    account_rows,
    chunks,
    contact_ids,
    contact_rows,
    count_contacts,
    filter_choices,
)

__all__ = [
    "ID_SLICE",
    "MAX_IDS_PER_QUERY",
    "AccountFilter",
    "AccountPage",
    "AccountRow",
    "AccountSort",
    "Choice",
    "ComingDate",
    "ContactFilter",
    "ContactPage",
    "ContactRow",
    "ContactSort",
    "FilterChoices",
    "GiftRecord",
    "OrgNode",
    "SpendLine",
    "account_ids",
    "account_page",
    "account_rows",
    "account_spend",
    "chunks",
    "contact_ids",
    "contact_page",
    "contact_rows",
    "count_contacts",
    "filter_choices",
    "gifts_to",
]
