"""One search box over contacts and accounts: an SQLite FTS5 index kept in step with the tables.

Design
------
* **Tokens.** ``unicode61`` makes a run of Chinese characters one token, and the ``trigram``
  tokenizer finds nothing for a query shorter than three characters (张三 has two). So documents
  are written with one token per CJK character (``search_keys.index_text``) and a Chinese query
  becomes a phrase of characters: ``"张 三"`` finds any name containing 张三, and ``"张"`` works
  too. Pinyin (every reading of polyphonic characters), joined spellings and initials are
  computed with pypinyin when the record is written (``name_pinyin``/``name_initials`` columns)
  and matched by prefix ("zhang" finds 张三 through "zhangsan"). A phone number is indexed as its
  overlapping three-digit runs, and digits typed are a phrase of them: any 3+ digits match.
* **Three FTS5 tables, one document id**, because prefix indexes are per table and cost space
  (and page cache, which is what keeps encrypted search fast): ``search_index`` (name, company,
  handles, tags, notes) has 2- and 3-character prefix indexes, which skip the one-character CJK
  tokens; ``search_pinyin`` has 1- to 6-character ones (6 = the longest syllable, "zhuang"), so
  pinyin typed letter by letter is one doclist read, not a merge of every word it begins;
  ``search_phones`` needs none. ``search_rows`` maps a record to its document id (FTS5 finds a
  row by rowid only).
* **Ranking without scoring every match.** ``bm25`` must read every matching row; a one-character
  query such as 张 matches ~7 % of a book. Instead a query runs as tiers, best first — name
  starts with the query, name contains it, pinyin starts with it, pinyin contains it, phone,
  company (account, department, title), WeChat and e-mail, tags, notes, then words spread over
  several fields — each newest document first with ``LIMIT``, so FTS5 stops after the rows it
  needs. Tiers on one table form a group asked at once (see ``TierGroup``), so a rare query
  pays for the big doclists once per group, not once per tier. Within a tier, an exact name
  match comes first. A document is rewritten whenever its record changes, so "newest" means
  "most recently touched". A one-letter Latin query runs on pinyin only (its prefix index makes
  it cheap; Latin names are in that table too).
* **Keeping in step.** ``attach`` hooks the ORM session: before a flush it fills the pinyin
  columns of changed names; after it, in the same transaction, it rewrites the documents of the
  contacts and accounts written (and of an account's contacts when its name changes, their
  "company"). Soft-deleted records have no document, so they are never found.
* **Bulk loads** (import, first sync) write rows with Core inserts, which fire no ORM events, and
  then call ``rebuild`` (the whole index in one pass, executemany, then an FTS5 ``optimize``) or
  ``reindex`` for the ids they changed. Nothing is done per row with SQL triggers.
"""

from __future__ import annotations

import itertools
import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    column,
    event,
    false,
    inspect,
    select,
    text,
    union,
    update,
)
from sqlalchemy import table as table_clause
from sqlalchemy.orm import InstanceState, Session, sessionmaker
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.selectable import CompoundSelect

from crmdesk.core import search_keys
from crmdesk.core.search_keys import index_text, name_keys, phone_tokens
from crmdesk.core.search_results import HitKind, MatchedField, SearchHit
from crmdesk.db.models import Account, Contact

Kind = Literal["contact", "account"]
Row = dict[str, Any]  # one record's columns, as read for its document

# Each FTS5 table and its columns; a document is one row in each, under the same rowid.
TABLES: dict[str, tuple[str, ...]] = {
    "search_index": ("name", "company", "handles", "tags", "notes"),
    "search_pinyin": ("pinyin",),
    "search_phones": ("phones",),
}
_CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
_BULK_CHUNK = 5000


def _match(table: str) -> TextClause:
    return text(f"SELECT rowid FROM {table} WHERE {table} MATCH :expr ORDER BY rowid DESC LIMIT :n")


_MATCH = {table: _match(table) for table in TABLES}
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
_CONTACT_HITS = text(
    "SELECT c.id, c.name, c.title, a.name FROM contacts AS c "
    "LEFT JOIN accounts AS a ON a.id = c.account_id AND a.deleted = 0 "
    "WHERE c.id IN :ids AND c.deleted = 0"
).bindparams(bindparam("ids", expanding=True))
_ACCOUNT_HITS = text(
    "SELECT id, name, industry FROM accounts WHERE id IN :ids AND deleted = 0"
).bindparams(bindparam("ids", expanding=True))
_DOCS_BY_RECORD = text(
    "SELECT doc_id, record_id FROM search_rows WHERE record_id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_DOCS = [
    text(f"DELETE FROM {table} WHERE rowid IN :doc_ids").bindparams(
        bindparam("doc_ids", expanding=True)
    )
    for table in (*TABLES, "search_rows")
]
_NEXT_DOC_ID = text("SELECT coalesce(max(doc_id), 0) + 1 FROM search_rows")
_INSERT_ROW = text("INSERT INTO search_rows (doc_id, kind, record_id) VALUES (:doc_id, :kind, :id)")
_INSERT_DOC = {
    table: text(
        f"INSERT INTO {table} (rowid, {', '.join(columns)}) "
        f"VALUES (:doc_id, {', '.join(':' + c for c in columns)})"
    )
    for table, columns in TABLES.items()
}
_CONTACTS_OF_ACCOUNTS = text(
    "SELECT id FROM contacts WHERE account_id IN :ids AND deleted = 0"
).bindparams(bindparam("ids", expanding=True))


# ---------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class Tier:
    """One step of a search: an FTS5 expression, and the field its hits are credited to."""

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


def plan_query(query: str) -> list[TierGroup]:
    """The tiers a query runs as, best first: name, pinyin, phone, company, handles (WeChat,
    e-mail), tags, notes, then words spread over several fields.

    Every user word is quoted: FTS5 syntax in the query (``"``, ``*``, ``(``, ``-``, ``AND``,
    ``NEAR``...) is searched for as text, never obeyed.
    """
    terms = search_keys.query_terms(query)
    if not terms:
        return []
    parts = [_term_expression(t) for t in terms]
    every = " AND ".join(parts)
    anchored = " AND ".join(["^" + parts[0], *parts[1:]])
    pinyin = TierGroup("search_pinyin", every, (Tier("pinyin", anchored), Tier("pinyin", every)))
    if _one_letter(terms):
        return [pinyin]
    name_tiers = (Tier("name", f"name : ({anchored})"), Tier("name", f"name : ({every})"))
    groups = [TierGroup("search_index", f"name : ({every})", name_tiers)]
    if not any(search_keys.is_cjk_term(t) for t in terms):
        groups.append(pinyin)
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


def search(session: Session, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Contacts and accounts matching ``query``, best first, at most ``limit`` of them."""
    if limit <= 0:
        return []
    conn = session.connection()
    found: dict[int, MatchedField] = {}
    for group in plan_query(query):
        if len(found) >= limit:
            break
        _run_group(conn, group, found, limit)
    return _hits(conn, found, search_keys.query_terms(query))


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


_SEARCH_ROWS = table_clause("search_rows", column("doc_id"), column("kind"), column("record_id"))


def matching_ids_condition(kind: Kind, query: str) -> ColumnElement[bool]:
    """A condition on ``Contact.id`` or ``Account.id``: the record matches ``query`` anywhere
    (all its words in any fields, or its words as pinyin, or its digits in a phone number).

    For filters, whose order is set elsewhere.
    """
    terms = search_keys.query_terms(query)
    if not terms:
        return false()
    every = " AND ".join(_term_expression(t) for t in terms)
    matches: list[tuple[str, str]] = [] if _one_letter(terms) else [("search_index", every)]
    if not any(search_keys.is_cjk_term(t) for t in terms):
        matches.append(("search_pinyin", every))
    digits = search_keys.query_phone_digits(query)
    if digits is not None:
        matches.append(("search_phones", _phone_expression(digits)))
    documents: CompoundSelect[Any] = union(*(
        text(f"SELECT rowid FROM {table} WHERE {table} MATCH :match_{i}")
        .bindparams(**{f"match_{i}": expression})
        .columns(column("rowid"))
        for i, (table, expression) in enumerate(matches)
    ))  # fmt: skip
    record_ids = select(_SEARCH_ROWS.c.record_id).where(
        _SEARCH_ROWS.c.kind == kind, _SEARCH_ROWS.c.doc_id.in_(documents)
    )
    model = Contact if kind == "contact" else Account
    return model.id.in_(record_ids)


def query_plans(conn: Connection, query: str) -> list[str]:
    """``EXPLAIN QUERY PLAN`` lines of every statement ``search`` runs for ``query``."""
    statements: list[tuple[Any, dict[str, Any]]] = []
    for group in plan_query(query):
        statements.append((_MATCH[group.table], {"expr": group.union, "n": 50}))
        for tier in group.tiers:
            statements.append((_MATCH[group.table], {"expr": tier.expression, "n": 50}))
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


# ---------------------------------------------------------------------------------------------
# Documents


def name_key_columns(kind: Kind, name: str) -> dict[str, str]:
    """The pinyin columns to store with a record's name (for importers writing Core rows)."""
    if kind == "account":
        # Pinyin, then initials ("huawei hua wei hw"); blank for a Latin name, which sorts as is.
        keys = name_keys(name, personal=False)
        return {"name_pinyin": f"{keys.pinyin} {keys.initials}" if keys.pinyin else ""}
    keys = name_keys(name)
    return {"name_pinyin": keys.pinyin, "name_initials": keys.initials, "sort_key": keys.sort_key}


def _text(*values: str | None) -> str:
    return index_text(" ".join(v for v in values if v))


def _pinyin_document(row: Row, *keys: str) -> str:
    # A Latin name's own words go here too, so a one-letter query (pinyin only) finds it.
    words = "" if search_keys.has_cjk(row["name"]) else _text(row["name"])
    return " ".join(k for k in (*keys, words) if k)


def _contact_document(row: Row) -> dict[str, str]:
    return {
        "name": _text(row["name"]),
        "pinyin": _pinyin_document(row, row["name_pinyin"], row["name_initials"]),
        "company": _text(row["account_name"], row["department"], row["title"]),
        "phones": phone_tokens(row["phones"] or []),
        "handles": _text(row["wechat"], *(row["emails"] or [])),
        "tags": _text(*(row["tags"] or [])),
        "notes": _text(row["notes"], row["hometown"], row["school"]),
    }


def _account_document(row: Row) -> dict[str, str]:
    return {
        "name": _text(row["name"]),
        "pinyin": _pinyin_document(row, row["name_pinyin"]),
        "company": "",
        "phones": phone_tokens(row["phones"] or []),
        "handles": _text(row["code"], row["website"]),
        "tags": _text(*(row["tags"] or [])),
        "notes": _text(
            row["notes"], row["insight"], row["industry"], row["application"], row["address"]
        ),
    }


def _contact_rows(conn: Connection, ids: Sequence[str] | None) -> Iterator[Row]:
    c, a = Contact.__table__, Account.__table__
    stmt = (
        select(
            c.c.id, c.c.name, c.c.name_pinyin, c.c.name_initials, c.c.sort_key, c.c.title,
            c.c.department, c.c.phones, c.c.wechat, c.c.emails, c.c.tags, c.c.notes,
            c.c.hometown, c.c.school, a.c.name.label("account_name"),
        )
        .outerjoin(a, (a.c.id == c.c.account_id) & (a.c.deleted.is_(False)))
        .where(c.c.deleted.is_(False))
    )  # fmt: skip
    yield from _select_rows(conn, stmt, c.c.id, c.c.updated_at, ids)


def _account_rows(conn: Connection, ids: Sequence[str] | None) -> Iterator[Row]:
    a = Account.__table__
    stmt = select(
        a.c.id, a.c.name, a.c.name_pinyin, a.c.code, a.c.website, a.c.phones, a.c.tags,
        a.c.notes, a.c.insight, a.c.industry, a.c.application, a.c.address,
    ).where(a.c.deleted.is_(False))  # fmt: skip
    yield from _select_rows(conn, stmt, a.c.id, a.c.updated_at, ids)


def _select_rows(
    conn: Connection, stmt: Any, id_col: Any, updated_col: Any, ids: Sequence[str] | None
) -> Iterator[dict[str, Any]]:
    if ids is None:
        # Oldest first, so the most recently touched records get the highest document ids.
        for part in conn.execute(stmt.order_by(updated_col)).mappings().partitions(_BULK_CHUNK):
            yield from (dict(row) for row in part)
        return
    for chunk in _chunks(ids, _CHUNK):
        yield from (dict(row) for row in conn.execute(stmt.where(id_col.in_(chunk))).mappings())


def _with_keys(conn: Connection, kind: Kind, rows: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """Rows with their pinyin columns, computing (and storing) them where a writer left none.

    The stored keys are written after the last row is read, not under an open cursor.
    """
    model = Contact if kind == "contact" else Account
    missing: list[dict[str, str]] = []
    for row in rows:
        if kind == "contact":
            blank = row["sort_key"] == "" and bool(row["name"])
        else:  # an account's name_pinyin stays blank for a name with no Chinese in it
            blank = row["name_pinyin"] == "" and search_keys.has_cjk(row["name"])
        if blank:
            keys = name_key_columns(kind, row["name"])
            missing.append({"record_id": row["id"], **keys})
            row.update(keys)
        yield row
    if missing:
        stmt = (
            update(model)
            .where(model.id == bindparam("record_id"))
            .values({k: bindparam(k) for k in missing[0] if k != "record_id"})
        )
        conn.execute(stmt, missing)


# ---------------------------------------------------------------------------------------------
# Writing the index


def reindex(target: Session | Connection, kind: Kind, ids: Iterable[str]) -> None:
    """Rewrite the documents of these records (removing those deleted or gone).

    For accounts, their contacts' documents are rewritten too (they carry the account's name).
    Runs in the caller's transaction; for a batch of changed ids, e.g. rows sync applied.
    """
    conn = target.connection() if isinstance(target, Session) else target
    wanted = list(dict.fromkeys(ids))
    if kind == "account":
        _rewrite(conn, "account", wanted)
        kind, wanted = "contact", _contacts_of(conn, wanted)
    _rewrite(conn, kind, wanted)


def rebuild(conn: Connection) -> int:
    """(Re)build the whole index in one pass; returns the number of documents.

    For imports and first sync, after rows were written with Core inserts. Pinyin columns left
    blank by the writer are filled in on the way.

    The documents are the ones ``reindex`` writes, made faster: the FTS5 tables are dropped and
    created again (deleting a whole contentful index row by row costs as much as writing it),
    each field's text is put together in SQL, rows are read and written as plain tuples through
    the driver, and segments are merged once, by the ``optimize`` at the end, not during the load.
    """
    kinds: tuple[Kind, ...] = ("account", "contact")
    # Read before the old index is dropped: the records' pages are decrypted into a cache not
    # yet crowded with the new index's dirty pages.
    rows = {kind: conn.exec_driver_sql(_BULK_ROWS[kind]).all() for kind in kinds}
    schemas = [
        conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar_one()
        for table in TABLES
    ]
    for table, schema in zip(TABLES, schemas, strict=True):
        conn.exec_driver_sql(f"DROP TABLE {table}")
        conn.exec_driver_sql(schema)
        for option, value in _BULK_LOAD.items():
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({table}, rank) VALUES ('{option}', {value})"
            )
    conn.exec_driver_sql("DELETE FROM search_rows")
    memo: dict[str | None, str] = {}
    count = 0
    for kind in kinds:  # accounts, then contacts, each oldest first
        count += _bulk_write(conn, kind, rows[kind], count + 1, memo)
    for table in TABLES:
        # Merge each index's segments into one: fewer b-trees for every later query to visit.
        conn.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        for option, value in _DEFAULTS.items():
            conn.exec_driver_sql(
                f"INSERT INTO {table} ({table}, rank) VALUES ('{option}', {value})"
            )
    return count


# FTS5 options while loading: no merging (the final optimize merges once) and a large buffer of
# pending terms, so fewer, larger segments are written. FTS5's defaults are restored after.
_BULK_LOAD = {"automerge": 0, "hashsize": 64 * 1024 * 1024}
_DEFAULTS = {"automerge": 4, "hashsize": 1024 * 1024}


# Each record's fields as ``rebuild`` reads them: id, name, sort_key, name_pinyin,
# name_initials, phones (JSON), then the text of company, handles, tags and notes, each field's
# values joined in SQL (index_text splits on spaces, so joining there or here is the same).
def _joined(*columns: str) -> str:
    """SQL joining the columns' text with spaces, NULLs as empty (concat_ws needs SQLite 3.44)."""
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


_EMAILS = "(SELECT group_concat(value, ' ') FROM json_each(c.emails))"
_BULK_ROWS: dict[Kind, str] = {
    "account": (
        "SELECT id, name, NULL, name_pinyin, '', phones, '', "
        f"{_joined('code', 'website')}, "
        "(SELECT group_concat(value, ' ') FROM json_each(tags)), "
        f"{_joined('notes', 'insight', 'industry', 'application', 'address')} "
        "FROM accounts WHERE deleted IS 0 ORDER BY updated_at"
    ),
    "contact": (
        "SELECT c.id, c.name, c.sort_key, c.name_pinyin, c.name_initials, c.phones, "
        f"{_joined('a.name', 'c.department', 'c.title')}, "
        f"{_joined('c.wechat', _EMAILS)}, "
        "(SELECT group_concat(value, ' ') FROM json_each(c.tags)), "
        f"{_joined('c.notes', 'c.hometown', 'c.school')} "
        "FROM contacts AS c LEFT OUTER JOIN accounts AS a "
        "ON a.id = c.account_id AND a.deleted IS 0 "
        "WHERE c.deleted IS 0 ORDER BY c.updated_at"
    ),
}
_BULK_INSERT_ROW = "INSERT INTO search_rows (doc_id, kind, record_id) VALUES (?, ?, ?)"
_BULK_INSERT_DOC = {
    table: f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})"
    for table, columns in TABLES.items()
}


def _bulk_write(
    conn: Connection,
    kind: Kind,
    rows: Sequence[Sequence[Any]],
    first_id: int,
    memo: dict[str | None, str],
) -> int:
    """Write the documents of these records (``_BULK_ROWS``), numbered from ``first_id``."""
    if not rows:
        return 0  # (an empty list of parameters would run each insert once, with none)

    def indexed(value: str | None) -> str:
        # Names, companies, tags and notes repeat a lot across a book: fold each text once.
        if (found := memo.get(value)) is None:
            found = memo[value] = index_text(value) if value else ""
        return found

    names: dict[str, tuple[str, str]] = {}  # a name's text for search_index, and for pinyin
    search_rows: list[tuple[int, str, str]] = []
    documents: list[tuple[Any, ...]] = []
    pinyin: list[tuple[int, str]] = []
    phones: list[tuple[int, str]] = []
    missing: list[dict[str, str]] = []
    for doc_id, row in enumerate(rows, start=first_id):
        record_id, name, sort_key, name_pinyin, initials, phone_json, *fields = row
        if kind == "contact":
            blank = sort_key == "" and bool(name)
        else:  # an account's name_pinyin stays blank for a name with no Chinese in it
            blank = name_pinyin == "" and search_keys.has_cjk(name)
        if blank:
            keys = name_key_columns(kind, name)
            missing.append({"record_id": record_id, **keys})
            name_pinyin, initials = keys["name_pinyin"], keys.get("name_initials", "")
        company, handles, tags, notes = fields
        if (name_words := names.get(name)) is None:
            # A Latin name's own words go to pinyin too, so a one-letter query finds it.
            name_text = index_text(name) if name else ""
            name_words = names[name] = (name_text, "" if search_keys.has_cjk(name) else name_text)
        name_text, words = name_words
        search_rows.append((doc_id, kind, record_id))
        documents.append(
            (doc_id, name_text, indexed(company), index_text(handles), indexed(tags),
             indexed(notes))
        )  # fmt: skip
        pinyin.append((doc_id, " ".join(k for k in (name_pinyin, initials, words) if k)))
        phones.append((doc_id, phone_tokens(json.loads(phone_json) if phone_json else [])))
    conn.exec_driver_sql(_BULK_INSERT_ROW, search_rows)
    for table, values in zip(TABLES, (documents, pinyin, phones), strict=True):
        conn.exec_driver_sql(_BULK_INSERT_DOC[table], values)
    if missing:
        model = Contact if kind == "contact" else Account
        stmt = (
            update(model)
            .where(model.id == bindparam("record_id"))
            .values({k: bindparam(k) for k in missing[0] if k != "record_id"})
        )
        conn.execute(stmt, missing)
    return len(rows)


def _contacts_of(conn: Connection, account_ids: Sequence[str]) -> list[str]:
    return [
        row[0]
        for chunk in _chunks(account_ids, _CHUNK)
        for row in conn.execute(_CONTACTS_OF_ACCOUNTS, {"ids": list(chunk)})
    ]


def _rewrite(conn: Connection, kind: Kind, record_ids: Sequence[str]) -> None:
    if not record_ids:
        return
    for chunk in _chunks(record_ids, _CHUNK):
        doc_ids = [r[0] for r in conn.execute(_DOCS_BY_RECORD, {"ids": list(chunk)})]
        for delete in _DELETE_DOCS if doc_ids else ():
            conn.execute(delete, {"doc_ids": doc_ids})
    rows = _contact_rows if kind == "contact" else _account_rows
    _write(conn, kind, rows(conn, record_ids))


def _write(conn: Connection, kind: Kind, rows: Iterable[Row]) -> int:
    document = _contact_document if kind == "contact" else _account_document
    next_id = int(conn.execute(_NEXT_DOC_ID).scalar_one())
    written = 0
    for batch in _batches(_with_keys(conn, kind, rows), _BULK_CHUNK):
        numbered = list(enumerate(batch, start=next_id + written))
        conn.execute(_INSERT_ROW, [{"doc_id": d, "kind": kind, "id": r["id"]} for d, r in numbered])
        documents = [{"doc_id": d, **document(r)} for d, r in numbered]
        for insert_document in _INSERT_DOC.values():
            conn.execute(insert_document, documents)
        written += len(batch)
    return written


def _batches(items: Iterable[Row], size: int) -> Iterator[list[Row]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------------------------
# Keeping in step with the ORM

_PENDING = "crmdesk.search.pending"


# Session factories already hooked. Not event.contains(): for a sessionmaker it answers True for
# a new factory once any other has the same listener (SQLAlchemy 2.1), and the hook would be lost.
_ATTACHED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def attach(sessions: sessionmaker[Session]) -> None:
    """Keep the index in step with every Contact and Account written through these sessions."""
    if sessions in _ATTACHED:
        return
    event.listen(sessions, "before_flush", _fill_name_keys)
    event.listen(sessions, "after_flush", _write_changed_documents)
    _ATTACHED.add(sessions)


def _fill_name_keys(session: Session, _context: Any, _instances: Any) -> None:
    for obj in itertools.chain(session.new, session.dirty):
        if isinstance(obj, Contact | Account) and (obj in session.new or _changed(obj, "name")):
            kind: Kind = "contact" if isinstance(obj, Contact) else "account"
            for column, value in name_key_columns(kind, obj.name or "").items():
                setattr(obj, column, value)


def _changed(obj: Contact | Account, attribute: str) -> bool:
    state: InstanceState[Any] = inspect(obj)
    return bool(state.attrs[attribute].history.has_changes())


def _write_changed_documents(session: Session, _context: Any) -> None:
    contacts: list[str] = []
    accounts: list[str] = []
    renamed_accounts: list[str] = []
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        if isinstance(obj, Contact):
            contacts.append(obj.id)
        elif isinstance(obj, Account):
            accounts.append(obj.id)
            # Contacts carry their account's name; they follow its rename or deletion.
            if obj in session.deleted or (
                obj not in session.new and (_changed(obj, "name") or _changed(obj, "deleted"))
            ):
                renamed_accounts.append(obj.id)
    conn = session.connection()
    _rewrite(conn, "account", accounts)
    followers = _contacts_of(conn, renamed_accounts) if renamed_accounts else []
    _rewrite(conn, "contact", list(dict.fromkeys(contacts + followers)))
