"""The list filter's conditions on the search index: which records match a query anywhere
(:func:`matching_ids_condition`) and how well (:func:`relevance`), as SQLAlchemy conditions on
the list's own query. The tiers are :func:`crmdesk.db.search.querying.plan_query`'s, so the list
ranks as the search box does; only this side needs SQLAlchemy and the models.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    bindparam,
    case,
    column,
    false,
    literal,
    select,
    text,
    union,
)
from sqlalchemy import table as table_clause
from sqlalchemy.sql.selectable import CompoundSelect

from crmdesk.core import search_keys
from crmdesk.db.search.querying import (
    one_letter,
    phone_expression,
    plan_query,
    term_expression,
)
from crmdesk.db.search.schema import EXACT, Kind

_SEARCH_ROWS = table_clause(
    "search_rows", column("doc_id"), column("kind"), column("record_id"), column("name_key")
)


def _documents(table: str, expression: str, name: str) -> Any:
    """The rowids of one table's documents matching an expression (bound as ``name``)."""
    if table == EXACT:
        return select(_SEARCH_ROWS.c.doc_id).where(
            _SEARCH_ROWS.c.name_key == bindparam(name, expression)
        )
    return (
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}")
        .bindparams(**{name: expression})
        .columns(column("rowid"))
    )


def matching_ids_condition(kind: Kind, query: str) -> ColumnElement[bool]:
    """A condition on ``Contact.id`` or ``Account.id``: the record matches ``query`` anywhere
    (all its words in any fields, or its words as pinyin, or its digits in a phone number).

    For the list filter, whose order is :func:`relevance` or a column the user chose.
    """
    from crmdesk.db.models import Account, Contact

    terms = search_keys.query_terms(query)
    if not terms:
        return false()
    every = " AND ".join(term_expression(t) for t in terms)
    matches: list[tuple[str, str]] = [] if one_letter(terms) else [("search_index", every)]
    if not any(search_keys.is_cjk_term(t) for t in terms):
        spelled = search_keys.query_terms(query, pinyin=True)
        matches.append(("search_pinyin", " AND ".join(term_expression(t) for t in spelled)))
    digits = search_keys.query_phone_digits(query)
    if digits is not None:
        matches.append(("search_phones", phone_expression(digits)))
    documents: CompoundSelect[Any] = union(*(
        _documents(table, expression, f"match_{i}")
        for i, (table, expression) in enumerate(matches)
    ))  # fmt: skip
    record_ids = select(_SEARCH_ROWS.c.record_id).where(
        _SEARCH_ROWS.c.kind == kind, _SEARCH_ROWS.c.doc_id.in_(documents)
    )
    model = Contact if kind == "contact" else Account
    return model.id.in_(record_ids)


def relevance(kind: Kind, query: str) -> ColumnElement[int]:
    """A sort key for ``Contact.id`` or ``Account.id`` under :func:`matching_ids_condition`:
    the number of the first tier of :func:`plan_query` the record is found by (0 is best), so
    the list filter ranks as the search box does ("wang" shows 王 before 方旺).

    Only the name and pinyin tiers are told apart; a record found by anything else (phone,
    company, notes...) ranks after them, in the list's own order. Each tier is one more pass
    over its matches, and those are the ones a long list is scrolled for."""
    from crmdesk.db.models import Account, Contact

    model = Contact if kind == "contact" else Account
    whens: list[tuple[ColumnElement[bool], int]] = []
    number = 0
    for group in plan_query(query):
        for tier in group.tiers:
            if tier.matched not in ("name", "pinyin"):
                continue
            docs = _documents(group.table, tier.expression, f"tier_{number}")
            record_ids = select(_SEARCH_ROWS.c.record_id).where(
                _SEARCH_ROWS.c.kind == kind, _SEARCH_ROWS.c.doc_id.in_(docs)
            )
            whens.append((model.id.in_(record_ids), number))
            number += 1
    if not whens:
        return literal(0, Integer)
    return case(*whens, else_=number)
