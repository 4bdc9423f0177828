"""What the desktop app reads for its views, on the database worker: plain frozen dataclasses.

Two seams, one module each:

- :mod:`.tables` — the big contact and account tables (ids first, rows by id), their filters and
  the filter boxes' choices;
- :mod:`.cards` — the contact and account cards and briefs (one record's whole page).

Callers keep writing ``from crmdesk.db import browse`` and ``browse.contact_page``; the names
below are the package's public face.
"""

from crmdesk.db.browse.cards import (
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
    "contact_ids",
    "contact_page",
    "contact_rows",
    "count_contacts",
    "filter_choices",
    "gifts_to",
]
