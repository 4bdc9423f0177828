"""One search box over contacts and accounts: an SQLite FTS5 index kept in step with the tables.

* :mod:`~crmdesk.db.search.indexing` writes the index (documents, bulk rebuild, the ORM hooks)
  and explains its design;
* :mod:`~crmdesk.db.search.querying` asks it (tiers, ranking, the list filter's conditions);
* :mod:`~crmdesk.db.search.schema` names the tables both share.

Callers use this package's names: ``search.search(session, "zgl")``, ``search.rebuild(conn)``.
"""

from crmdesk.db.search.indexing import attach, name_key_columns, rebuild, reindex
from crmdesk.db.search.querying import (
    Tier,
    TierGroup,
    full_scans,
    matching_ids_condition,
    plan_query,
    query_plans,
    relevance,
    search,
)
from crmdesk.db.search.schema import KEY_BAND, TABLES, Kind

__all__ = [
    "KEY_BAND",
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
    "relevance",
    "search",
]
