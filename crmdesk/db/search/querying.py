"""Asking the search index: what a query runs as, in what order, and the hits it gives.

The same search serves the CLI, the attendee type-ahead, the quick-open box (:func:`search`, a
page of ranked hits) and the list filter (:func:`matching_ids_condition` and
:func:`relevance`, conditions on the list's own query).

Ranking without scoring every match: ``bm25`` must read every matching row, and a one-character
query such as 张 matches ~7 % of a book. Instead a query runs as tiers, best first, each newest
document first with ``LIMIT``, so FTS5 stops after the rows it needs:

1. the exact name (``search_rows.name_key``, a b-tree lookup);
2. the name starts with the query, then contains it;
3. pinyin: the full spelling exactly, then starting with it, then any key equal to it (the
   given name alone, initials, a syllable), then any key starting with it;
4. phone digits; company (account, department, title); WeChat and e-mail; tags; notes;
5. words spread over several fields.

Ties inside a tier go to key accounts, then to the most recently touched: document ids are
numbered that way (see :mod:`crmdesk.db.search.indexing`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
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
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.selectable import CompoundSelect

from crmdesk.core import search_keys
from crmdesk.core.search_results import HitKind, MatchedField, SearchHit
from crmdesk.db.search.schema import EXACT, TABLES, Kind

if TYPE_CHECKING:
    # Only the list filter's conditions need the ORM, and load it when called: a search from
    # the command line runs on a Core connection and never imports the models.
    from sqlalchemy.orm import Session


def _match(table: str) -> TextClause:
    return text(f"SELECT rowid FROM {table} WHERE {table} MATCH :expr ORDER BY rowid DESC LIMIT :n")


_MATCH = {table: _match(table) for table in TABLES}
# The exact-name "table": search_rows by its name key, newest (and key accounts) first.
_MATCH[EXACT] = text(
    "SELECT doc_id FROM search_rows WHERE name_key = :expr ORDER BY doc_id DESC LIMIT :n"
)
# Which of a few documents a tier matches (FTS5 seeks each rowid; nothing is scanned).
_MATCH_AMONG = {
    table: text(
        f"SELECT rowid FROM {table} WHERE {table} MATCH :expr AND rowid IN :doc_ids"
    ).bindparams(bindparam("doc_ids", expanding=True))
    for table in TABLES
}
_ROWS_BY_DOC = text(
    "SELECT doc_id, kind, record_id FROM search_rows WHERE doc_id IN :doc_ids"
).bindparams(bindparam("doc_ids", expanding=True))
# "+deleted": never let the planner walk the live-contacts index (every live contact) instead
# of the primary key for a page of ids.
_CONTACT_HITS = text(
    "SELECT c.id, c.name, c.title, a.name FROM contacts AS c "
    "LEFT JOIN accounts AS a ON a.id = c.account_id AND +a.deleted = 0 "
    "WHERE c.id IN :ids AND +c.deleted = 0"
).bindparams(bindparam("ids", expanding=True))
_ACCOUNT_HITS = text(
    "SELECT id, name, industry FROM accounts WHERE id IN :ids AND +deleted = 0"
).bindparams(bindparam("ids", expanding=True))


@dataclass(frozen=True)
class Tier:
    """One step of a search: an expression, and the field its hits are credited to."""

    matched: MatchedField
    expression: str


@dataclass(frozen=True)
class TierGroup:
    """Tiers on one table, and an expression matching at least everything they match.

    The whole group is first asked at once; when that finds fewer rows than asked for, it found
    them all, and which tier each belongs to is settled among just those rows. Only a group
    with more matches than the page runs tier by tier. So a rare query costs one pass over the
    big doclists per group, not one per tier.
    """

    table: str
    union: str
    tiers: tuple[Tier, ...]


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _term_expression(term: str) -> str:
    # A CJK run is a phrase of single characters; any other word matches as a token prefix.
    if search_keys.is_cjk_term(term):
        return _quoted(" ".join(term))
    return _quoted(term) + "*"


def _phone_expression(digits: str) -> str:
    return _quoted(" ".join(search_keys.phone_query_tokens(digits)))


def _one_letter(terms: list[str]) -> bool:
    # Only search_pinyin has a one-character prefix index; elsewhere "z*" would merge the
    # postings of every word starting with z before returning a row.
    return len(terms) == 1 and len(terms[0]) == 1 and not search_keys.is_cjk_term(terms[0])


def _pinyin_group(terms: list[str]) -> TierGroup:
    parts = [_term_expression(t) for t in terms]
    every = " AND ".join(parts)
    tiers: tuple[Tier, ...]
    if len(terms) == 1:
        word = _quoted(terms[0])
        tiers = (
            Tier("pinyin", f"^{word}"),  # the full spelling: wangwei is 王伟 before 王伟明
            Tier("pinyin", f"^{every}"),
            Tier("pinyin", word),  # the given name alone, initials, a syllable
            Tier("pinyin", every),
        )
    else:
        anchored = " AND ".join(["^" + parts[0], *parts[1:]])
        tiers = (Tier("pinyin", anchored), Tier("pinyin", every))
    return TierGroup("search_pinyin", every, tiers)


def plan_query(query: str) -> list[TierGroup]:
    """The tiers a query runs as, best first (see the module's docstring).

    Every user word is quoted: FTS5 syntax in the query (``"``, ``*``, ``(``, ``-``, ``AND``,
    ``NEAR``...) is searched for as text, never obeyed.
    """
    terms = search_keys.query_terms(query)
    if not terms:
        return []
    exact = TierGroup(EXACT, "".join(terms), (Tier("name", "".join(terms)),))
    if _one_letter(terms):
        return [exact, _pinyin_group(search_keys.query_terms(query, pinyin=True))]
    parts = [_term_expression(t) for t in terms]
    every = " AND ".join(parts)
    anchored = " AND ".join(["^" + parts[0], *parts[1:]])
    name_tiers = (Tier("name", f"name : ({anchored})"), Tier("name", f"name : ({every})"))
    groups = [exact, TierGroup("search_index", f"name : ({every})", name_tiers)]
    if not any(search_keys.is_cjk_term(t) for t in terms):
        spelled = search_keys.query_terms(query, pinyin=True)
        # A typed lü or nü is pinyin for sure: 吕 before Lucas.
        groups.insert(1 if spelled != terms else 2, _pinyin_group(spelled))
    digits = search_keys.query_phone_digits(query)
    if digits is not None:
        phone = _phone_expression(digits)
        groups.append(TierGroup("search_phones", phone, (Tier("phone", phone),)))
    fields: tuple[tuple[MatchedField, str], ...] = (
        ("company", "company"), ("handle", "handles"), ("tag", "tags"), ("notes", "notes"),
    )  # fmt: skip
    groups.append(TierGroup(
        "search_index",
        f"{{{' '.join(c for _, c in fields)}}} : ({every})",
        tuple(Tier(m, f"{c} : ({every})") for m, c in fields),
    ))  # fmt: skip
    if len(terms) > 1:  # words found in different fields ("王 华为": 王 at 华为)
        groups.append(TierGroup("search_index", every, (Tier("several", every),)))
    return groups


def search(
    source: Session | Connection,
    query: str,
    *,
    limit: int = 50,
    kinds: Iterable[HitKind] | None = None,
) -> list[SearchHit]:
    """Contacts and accounts matching ``query``, best first, at most ``limit`` of them.

    ``source`` is the app's session or a plain Core connection (the command line's, which
    never loads the ORM); the statements are the same. ``kinds`` keeps only these kinds of
    record (the attendee type-ahead asks for contacts); the page is still filled, from further
    down the ranking where needed.
    """
    if limit <= 0:
        return []
    wanted = frozenset(kinds) if kinds is not None else frozenset(("contact", "account"))
    conn = source if isinstance(source, Connection) else source.connection()
    terms = search_keys.query_terms(query)
    hits: list[SearchHit] = []
    # Mostly one pass; when kinds are filtered out, ask for a bigger page until it is full.
    for page in (limit, limit * 4, limit * 16):
        found: dict[int, MatchedField] = {}
        for group in plan_query(query):
            if len(found) >= page:
                break
            _run_group(conn, group, found, page)
        hits = [h for h in _hits(conn, found, terms) if h.kind in wanted]
        if len(hits) >= limit or len(found) < page:
            break
    return hits[:limit]


def _run_group(
    conn: Connection, group: TierGroup, found: dict[int, MatchedField], limit: int
) -> None:
    """Add the group's hits to ``found`` (in order, up to ``limit``)."""

    def matching(expression: str) -> list[int]:
        # Rows found by an earlier tier may come again; ask for enough to skip them.
        params = {"expr": expression, "n": limit}
        return [row[0] for row in conn.execute(_MATCH[group.table], params)]

    def take(doc_ids: Iterable[int], matched: MatchedField) -> None:
        for doc_id in doc_ids:
            if len(found) >= limit:
                return
            found.setdefault(doc_id, matched)

    everything = matching(group.union)
    if len(group.tiers) == 1 or len(everything) == limit:
        if len(group.tiers) == 1:
            take(everything, group.tiers[0].matched)
            return
        for tier in group.tiers:  # more than a page: tier by tier, each newest first
            take(matching(tier.expression), tier.matched)
        return
    unsettled = [d for d in everything if d not in found]
    for tier in group.tiers:
        if not unsettled:
            return
        params = {"expr": tier.expression, "doc_ids": unsettled}
        in_tier = {row[0] for row in conn.execute(_MATCH_AMONG[group.table], params)}
        take((d for d in unsettled if d in in_tier), tier.matched)
        unsettled = [d for d in unsettled if d not in in_tier]


def _hits(conn: Connection, found: dict[int, MatchedField], terms: list[str]) -> list[SearchHit]:
    if not found:
        return []
    records: dict[int, tuple[str, str]] = {}
    for doc_id, kind, record_id in conn.execute(_ROWS_BY_DOC, {"doc_ids": list(found)}):
        records[doc_id] = (kind, record_id)
    by_kind: dict[str, list[str]] = {"contact": [], "account": []}
    for kind, record_id in records.values():
        by_kind[kind].append(record_id)
    shown: dict[str, tuple[str, str]] = {}
    if by_kind["contact"]:
        for cid, name, title, account in conn.execute(_CONTACT_HITS, {"ids": by_kind["contact"]}):
            shown[cid] = (name, " · ".join(p for p in (account, title) if p))
    if by_kind["account"]:
        for aid, name, industry in conn.execute(_ACCOUNT_HITS, {"ids": by_kind["account"]}):
            shown[aid] = (name, industry or "")
    hits: list[SearchHit] = []
    for doc_id, matched in found.items():
        if doc_id not in records or records[doc_id][1] not in shown:
            continue  # the record went away under the index: never show a dangling hit
        kind, record_id = records[doc_id]
        name, subtitle = shown[record_id]
        hit_kind: HitKind = "contact" if kind == "contact" else "account"
        hits.append(SearchHit(hit_kind, record_id, name, subtitle, matched))
    # Tiers keep their order; inside one, a name equal to the query comes first.
    tier_rank = {m: i for i, m in enumerate(dict.fromkeys(h.matched for h in hits))}
    return sorted(
        hits,
        key=lambda h: (tier_rank[h.matched], search_keys.query_terms(h.name) != terms),
    )


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
    every = " AND ".join(_term_expression(t) for t in terms)
    matches: list[tuple[str, str]] = [] if _one_letter(terms) else [("search_index", every)]
    if not any(search_keys.is_cjk_term(t) for t in terms):
        spelled = search_keys.query_terms(query, pinyin=True)
        matches.append(("search_pinyin", " AND ".join(_term_expression(t) for t in spelled)))
    digits = search_keys.query_phone_digits(query)
    if digits is not None:
        matches.append(("search_phones", _phone_expression(digits)))
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


def query_plans(conn: Connection, query: str) -> list[str]:
    """``EXPLAIN QUERY PLAN`` lines of every statement ``search`` runs for ``query``."""
    statements: list[tuple[Any, dict[str, Any]]] = []
    for group in plan_query(query):
        statements.append((_MATCH[group.table], {"expr": group.union, "n": 50}))
        for tier in group.tiers:
            statements.append((_MATCH[group.table], {"expr": tier.expression, "n": 50}))
            if group.table in _MATCH_AMONG:
                among = {"expr": tier.expression, "doc_ids": [1, 2]}
                statements.append((_MATCH_AMONG[group.table], among))
    statements += [
        (_ROWS_BY_DOC, {"doc_ids": [1, 2]}),
        (_CONTACT_HITS, {"ids": ["a", "b"]}),
        (_ACCOUNT_HITS, {"ids": ["a", "b"]}),
    ]
    lines: list[str] = []
    for statement, params in statements:
        # Compiled with the IN lists expanded, then run as EXPLAIN with the same parameters.
        compiled = statement.bindparams(**params).compile(
            conn, compile_kwargs={"render_postcompile": True}
        )
        values = tuple(compiled.params[name] for name in compiled.positiontup or ())
        explained = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", values)
        lines += [str(row[3]) for row in explained]
    return lines


def full_scans(plan_lines: Iterable[str]) -> list[str]:
    """Plan lines that read a whole table: a base-table SCAN, or an FTS5 scan with neither a
    MATCH ("M" in its index string) nor a rowid lookup ("=")."""
    return [line for line in plan_lines if line.startswith("SCAN ") and not _fts_lookup(line)]


def _fts_lookup(line: str) -> bool:
    _, marker, index = line.partition("VIRTUAL TABLE INDEX ")
    plan = index.partition(":")[2]
    return bool(marker) and ("M" in plan or "=" in plan)
