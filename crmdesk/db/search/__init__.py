"""One search box over contacts and accounts: an SQLite FTS5 index kept in step with the tables.

* :mod:`~crmdesk.db.search.indexing` writes the index (documents, bulk rebuild, the ORM hooks)
  and explains its design;
* :mod:`~crmdesk.db.search.querying` asks it (tiers, ranking; plain SQL, no SQLAlchemy needed);
* :mod:`~crmdesk.db.search.filtering` turns the same tiers into the list filter's conditions;
* :mod:`~crmdesk.db.search.schema` names the tables both share.

Callers use this package's names: ``search.search(session, "zgl")``, ``search.rebuild(conn)``.
Each name is imported from its module on first use: asking the index (``crmdesk search``) must
not pay for the writing side (the ORM models, pinyin) nor for the list filter's SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from crmdesk.db.search.schema import KEY_BAND, TABLES, Kind

if TYPE_CHECKING:
    from crmdesk.db.search.filtering import matching_ids_condition, relevance
    from crmdesk.db.search.indexing import attach, name_key_columns, rebuild, reindex
    from crmdesk.db.search.querying import (
        Tier,
        TierGroup,
        full_scans,
        plan_query,
        query_plans,
        search,
    )

_HOME = {
    **dict.fromkeys(("attach", "name_key_columns", "rebuild", "reindex"), "indexing"),
    **dict.fromkeys(
        (
            "Tier",
            "TierGroup",
            "full_scans",
            "plan_query",
            "query_plans",
            "search",
        ),
        "querying",
    ),
    **dict.fromkeys(("matching_ids_condition", "relevance"), "filtering"),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later look-ups find it without this hook
    return value


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
