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

from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crmdesk.core import search_keys
from crmdesk.core.search_results import HitKind, MatchedField, SearchHit
from crmdesk.db.search.schema import EXACT, TABLES

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# The statements are plain SQL with ``?`` parameters, run through SQLAlchemy's connection (the
# app: its error handling turns damage into one clear message) or straight on the driver's
# connection (``crmdesk search``, which never loads SQLAlchemy): the same text either way.
# ``{ids}`` is a list of as many ``?`` as there are ids.
Rows = Callable[[str, Sequence[Any]], list[Any]]

_MATCH = {
    table: f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"
    for table in TABLES
}
# The exact-name "table": search_rows by its name key, newest (and key accounts) first.
_MATCH[EXACT] = "SELECT doc_id FROM search_rows WHERE name_key = ? ORDER BY doc_id DESC LIMIT ?"
# Which of a few documents a tier matches (FTS5 seeks each rowid; nothing is scanned).
_MATCH_AMONG = {
    table: f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid IN ({{ids}})"
    for table in TABLES
}
_ROWS_BY_DOC = "SELECT doc_id, kind, record_id FROM search_rows WHERE doc_id IN ({ids})"
# "+deleted": never let the planner walk the live-contacts index (every live contact) instead
# of the primary key for a page of ids.
_CONTACT_HITS = (
    "SELECT c.id, c.name, c.title, a.name FROM contacts AS c "
    "LEFT JOIN accounts AS a ON a.id = c.account_id AND +a.deleted = 0 "
    "WHERE c.id IN ({ids}) AND +c.deleted = 0"
)
_ACCOUNT_HITS = "SELECT id, name, industry FROM accounts WHERE id IN ({ids}) AND +deleted = 0"


def _among(statement: str, ids: Sized) -> str:
    return statement.format(ids=", ".join("?" * len(ids)))


def _rows(source: Session | Connection | Any) -> Rows:
    """How to run a statement on ``source``: an ORM session, a Core connection, or a DB-API
    connection (anything with ``cursor()``)."""
    if hasattr(source, "cursor"):  # the driver's own connection
        driver: Any = source

        def raw(sql: str, params: Sequence[Any]) -> list[Any]:
            return list(driver.execute(sql, tuple(params)).fetchall())

        return raw
    conn = source if hasattr(source, "exec_driver_sql") else source.connection()

    def core(sql: str, params: Sequence[Any]) -> list[Any]:
        return list(conn.exec_driver_sql(sql, tuple(params)).all())

    return core


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


def term_expression(term: str) -> str:
    # A CJK run is a phrase of single characters; any other word matches as a token prefix.
    if search_keys.is_cjk_term(term):
        return _quoted(" ".join(term))
    return _quoted(term) + "*"


def phone_expression(digits: str) -> str:
    return _quoted(" ".join(search_keys.phone_query_tokens(digits)))


def one_letter(terms: list[str]) -> bool:
    # Only search_pinyin has a one-character prefix index; elsewhere "z*" would merge the
    # postings of every word starting with z before returning a row.
    return len(terms) == 1 and len(terms[0]) == 1 and not search_keys.is_cjk_term(terms[0])


def _pinyin_group(terms: list[str]) -> TierGroup:
    parts = [term_expression(t) for t in terms]
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
    if one_letter(terms):
        return [exact, _pinyin_group(search_keys.query_terms(query, pinyin=True))]
    parts = [term_expression(t) for t in terms]
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
        phone = phone_expression(digits)
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
    source: Session | Connection | Any,
    query: str,
    *,
    limit: int = 50,
    kinds: Iterable[HitKind] | None = None,
) -> list[SearchHit]:
    """Contacts and accounts matching ``query``, best first, at most ``limit`` of them.

    ``source`` is the app's session, a Core connection, or the driver's own connection (the
    command line's, which never loads SQLAlchemy); the statements are the same. ``kinds`` keeps
    only these kinds of record (the attendee type-ahead asks for contacts); the page is still
    filled, from further down the ranking where needed.
    """
    if limit <= 0:
        return []
    wanted = frozenset(kinds) if kinds is not None else frozenset(("contact", "account"))
    conn = _rows(source)
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


def _run_group(conn: Rows, group: TierGroup, found: dict[int, MatchedField], limit: int) -> None:
    """Add the group's hits to ``found`` (in order, up to ``limit``)."""

    def matching(expression: str) -> list[int]:
        # Rows found by an earlier tier may come again; ask for enough to skip them.
        return [row[0] for row in conn(_MATCH[group.table], (expression, limit))]

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
        statement = _among(_MATCH_AMONG[group.table], unsettled)
        in_tier = {row[0] for row in conn(statement, (tier.expression, *unsettled))}
        take((d for d in unsettled if d in in_tier), tier.matched)
        unsettled = [d for d in unsettled if d not in in_tier]


def _hits(conn: Rows, found: dict[int, MatchedField], terms: list[str]) -> list[SearchHit]:
    if not found:
        return []
    records: dict[int, tuple[str, str]] = {}
    for doc_id, kind, record_id in conn(_among(_ROWS_BY_DOC, found), list(found)):
        records[doc_id] = (kind, record_id)
    by_kind: dict[str, list[str]] = {"contact": [], "account": []}
    for kind, record_id in records.values():
        by_kind[kind].append(record_id)
    shown: dict[str, tuple[str, str]] = {}
    if by_kind["contact"]:
        contacts = by_kind["contact"]
        for cid, name, title, account in conn(_among(_CONTACT_HITS, contacts), contacts):
            shown[cid] = (name, " · ".join(p for p in (account, title) if p))
    if by_kind["account"]:
        accounts = by_kind["account"]
        for aid, name, industry in conn(_among(_ACCOUNT_HITS, accounts), accounts):
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


def query_plans(source: Session | Connection | Any, query: str) -> list[str]:
    """``EXPLAIN QUERY PLAN`` lines of every statement ``search`` runs for ``query``."""
    statements: list[tuple[str, tuple[Any, ...]]] = []
    for group in plan_query(query):
        statements.append((_MATCH[group.table], (group.union, 50)))
        for tier in group.tiers:
            statements.append((_MATCH[group.table], (tier.expression, 50)))
            if group.table in _MATCH_AMONG:
                among = _among(_MATCH_AMONG[group.table], (1, 2))
                statements.append((among, (tier.expression, 1, 2)))
    statements += [
        (_among(_ROWS_BY_DOC, (1, 2)), (1, 2)),
        (_among(_CONTACT_HITS, "ab"), ("a", "b")),
        (_among(_ACCOUNT_HITS, "ab"), ("a", "b")),
    ]
    conn = _rows(source)
    lines: list[str] = []
    for statement, params in statements:
        lines += [str(row[3]) for row in conn(f"EXPLAIN QUERY PLAN {statement}", params)]
    return lines


def full_scans(plan_lines: Iterable[str]) -> list[str]:
    """Plan lines that read a whole table: a base-table SCAN, or an FTS5 scan with neither a
    MATCH ("M" in its index string) nor a rowid lookup ("=")."""
    return [line for line in plan_lines if line.startswith("SCAN ") and not _fts_lookup(line)]


def _fts_lookup(line: str) -> bool:
    _, marker, index = line.partition("VIRTUAL TABLE INDEX ")
    plan = index.partition(":")[2]
    return bool(marker) and ("M" in plan or "=" in plan)
