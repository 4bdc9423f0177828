"""One search box over contacts and accounts (see :mod:`crmdesk.db.search.indexing`)."""

from crmdesk.db.search.indexing import (
    TABLES,
    Kind,
    Tier,
    TierGroup,
    attach,
    full_scans,
    matching_ids_condition,
    name_key_columns,
    plan_query,
    query_plans,
    rebuild,
    reindex,
    search,
)

__all__ = [
    "TABLES",
    "Kind",
    "Tier",
    "TierGroup",
    "attach",
    "full_scans",
    "matching_ids_condition",
    "name_key_columns",
    "plan_query",
    "query_plans",
    "rebuild",
    "reindex",
    "search",
]
