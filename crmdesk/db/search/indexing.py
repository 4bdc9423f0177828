"""Writing the search index: an SQLite FTS5 index kept in step with contacts and accounts.

Design
------
* **Tokens.** ``unicode61`` makes a run of Chinese characters one token, and the ``trigram``
  tokenizer finds nothing for a query shorter than three characters (张三 has two). So documents
  are written with one token per CJK character (``search_keys.index_text``) and a Chinese query
  becomes a phrase of characters: ``"张 三"`` finds any name containing 张三, and ``"张"`` works
  too. Text is folded first (case, width, accents, traditional to simplified), and queries
  the same way. Pinyin (the readings a name is said with), joined spellings, the given name
  alone and initials are computed with pypinyin when the record is written
  (``name_pinyin``/``name_initials`` columns) and matched by prefix ("zhang" finds 张三 through
  "zhangsan"). A phone number is indexed as its overlapping three-digit runs, and digits typed
  are a phrase of them: any 3+ digits match.
* **Three FTS5 tables, one document id**, because prefix indexes are per table and cost space
  (and page cache, which is what keeps encrypted search fast): ``search_index`` (name, company,
  handles, tags, notes) has 2- and 3-character prefix indexes, which skip the one-character CJK
  tokens; ``search_pinyin`` has 1- to 6-character ones (6 = the longest syllable, "zhuang"), so
  pinyin typed letter by letter is one doclist read, not a merge of every word it begins;
  ``search_phones`` needs none. ``search_rows`` maps a record to its document id (FTS5 finds a
  row by rowid only) and holds the folded whole name (``name_key``) for the exact-name tier.
* **Document ids are the tie-break.** Queries read each tier newest rowid first (see
  :mod:`crmdesk.db.search.querying`). A document is rewritten whenever its record changes, so
  "newest" means "most recently touched"; records at a key account (its tier, or the contact's
  own, of rank 0) are numbered in a band above everyone else (``KEY_BAND``), so they come first.
* **Keeping in step.** ``attach`` hooks the ORM session: before a flush it fills the pinyin
  columns of changed names; after it, in the same transaction, it rewrites the documents of the
  contacts and accounts written (and of an account's contacts when its name, tier or deletion
  changes: they carry its name and its tier). Soft-deleted records have no document, so they
  are never found.
* **Bulk loads** (import, first sync) write rows with Core inserts, which fire no ORM events, and
  then call ``rebuild`` (the whole index in one pass, executemany, then an FTS5 ``optimize``) or
  ``reindex`` for the ids they changed. Nothing is done per row with SQL triggers.
"""

from __future__ import annotations

import itertools
import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    event,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy import func as sa_func
from sqlalchemy.orm import InstanceState, Session, sessionmaker

from crmdesk.core import search_keys
from crmdesk.core.search_keys import index_text, name_index_text, name_keys, phone_tokens
from crmdesk.db.models import Account, Contact, Tier
from crmdesk.db.search.schema import KEY_BAND, TABLES, Kind

Row = dict[str, Any]  # one record's columns, as read for its document

_CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
_BULK_CHUNK = 5000


_DOCS_BY_RECORD = text(
    "SELECT doc_id, record_id FROM search_rows WHERE record_id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_DOCS = [
    text(f"DELETE FROM {table} WHERE rowid IN :doc_ids").bindparams(
        bindparam("doc_ids", expanding=True)
    )
    for table in (*TABLES, "search_rows")
]
_NEXT_DOC_ID = text(
    "SELECT coalesce(max(doc_id), :band) + 1 FROM search_rows "
    "WHERE doc_id > :band AND doc_id < :end"
)
_INSERT_ROW = text(
    "INSERT INTO search_rows (doc_id, kind, record_id, name_key) "
    "VALUES (:doc_id, :kind, :id, :name_key)"
)
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
    words = "" if search_keys.has_cjk(row["name"]) else name_index_text(row["name"])
    return " ".join(k for k in (*keys, words) if k)


def _contact_document(row: Row) -> dict[str, str]:
    return {
        "name": name_index_text(row["name"]),
        "pinyin": _pinyin_document(row, row["name_pinyin"], row["name_initials"]),
        "company": _text(row["account_name"], row["department"], row["title"]),
        "phones": phone_tokens(row["phones"] or []),
        "handles": _text(row["wechat"], *(row["emails"] or [])),
        "tags": _text(*(row["tags"] or [])),
        "notes": _text(row["notes"], row["hometown"], row["school"]),
    }


def _account_document(row: Row) -> dict[str, str]:
    return {
        "name": name_index_text(row["name"]),
        "pinyin": _pinyin_document(row, row["name_pinyin"]),
        "company": "",
        "phones": phone_tokens(row["phones"] or []),
        "handles": _text(row["code"], row["website"]),
        "tags": _text(*(row["tags"] or [])),
        "notes": _text(
            row["notes"], row["insight"], row["industry"], row["application"], row["address"]
        ),
    }


# Key accounts: tiers of rank 0 (the top tier of the book's scheme).
_KEY_TIERS = select(Tier.code).where(Tier.rank == 0, Tier.deleted.is_(False))
_KEY_TIERS_SQL = "(SELECT code FROM tiers WHERE rank = 0 AND deleted IS 0)"


def _contact_rows(conn: Connection, ids: Sequence[str] | None) -> Iterator[Row]:
    c, a = Contact.__table__, Account.__table__
    stmt = (
        select(
            c.c.id, c.c.name, c.c.name_pinyin, c.c.name_initials, c.c.sort_key, c.c.title,
            c.c.department, c.c.phones, c.c.wechat, c.c.emails, c.c.tags, c.c.notes,
            c.c.hometown, c.c.school, a.c.name.label("account_name"),
            sa_func.coalesce(c.c.tier, a.c.tier).in_(_KEY_TIERS).label("key"),
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
        a.c.tier.in_(_KEY_TIERS).label("key"),
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
    next_ids = {False: 1, True: KEY_BAND + 1}  # the next document id in each band
    count = 0
    for kind in kinds:  # accounts, then contacts, each oldest first
        count += _bulk_write(conn, kind, rows[kind], next_ids, memo)
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
# values joined in SQL (index_text splits on spaces, so joining there or here is the same), and
# whether the record is at a key account.
def _joined(*columns: str) -> str:
    """SQL joining the columns' text with spaces, NULLs as empty (concat_ws needs SQLite 3.44)."""
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


_EMAILS = "(SELECT group_concat(value, ' ') FROM json_each(c.emails))"
_BULK_ROWS: dict[Kind, str] = {
    "account": (
        "SELECT id, name, NULL, name_pinyin, '', phones, '', "
        f"{_joined('code', 'website')}, "
        "(SELECT group_concat(value, ' ') FROM json_each(tags)), "
        f"{_joined('notes', 'insight', 'industry', 'application', 'address')}, "
        f"coalesce(tier IN {_KEY_TIERS_SQL}, 0) "
        "FROM accounts WHERE deleted IS 0 ORDER BY updated_at"
    ),
    "contact": (
        "SELECT c.id, c.name, c.sort_key, c.name_pinyin, c.name_initials, c.phones, "
        f"{_joined('a.name', 'c.department', 'c.title')}, "
        f"{_joined('c.wechat', _EMAILS)}, "
        "(SELECT group_concat(value, ' ') FROM json_each(c.tags)), "
        f"{_joined('c.notes', 'c.hometown', 'c.school')}, "
        f"coalesce(coalesce(c.tier, a.tier) IN {_KEY_TIERS_SQL}, 0) "
        "FROM contacts AS c LEFT OUTER JOIN accounts AS a "
        "ON a.id = c.account_id AND a.deleted IS 0 "
        "WHERE c.deleted IS 0 ORDER BY c.updated_at"
    ),
}
_BULK_INSERT_ROW = "INSERT INTO search_rows (doc_id, kind, record_id, name_key) VALUES (?, ?, ?, ?)"
_BULK_INSERT_DOC = {
    table: f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})"
    for table, columns in TABLES.items()
}


def _bulk_write(
    conn: Connection,
    kind: Kind,
    rows: Sequence[Sequence[Any]],
    next_ids: dict[bool, int],
    memo: dict[str | None, str],
) -> int:
    """Write the documents of these records (``_BULK_ROWS``), numbered on from ``next_ids``
    (one counter per band: key accounts, everyone else)."""
    if not rows:
        return 0  # (an empty list of parameters would run each insert once, with none)

    def indexed(value: str | None) -> str:
        # Names, companies, tags and notes repeat a lot across a book: fold each text once.
        if (found := memo.get(value)) is None:
            found = memo[value] = index_text(value) if value else ""
        return found

    names: dict[str, tuple[str, str, str]] = {}  # a name's text, its pinyin words, its key
    search_rows: list[tuple[int, str, str, str]] = []
    documents: list[tuple[Any, ...]] = []
    pinyin: list[tuple[int, str]] = []
    phones: list[tuple[int, str]] = []
    missing: list[dict[str, str]] = []
    for row in rows:
        record_id, name, sort_key, name_pinyin, initials, phone_json, *fields, key = row
        doc_id = next_ids[bool(key)]
        next_ids[bool(key)] += 1
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
            name_text = name_index_text(name) if name else ""
            words = "" if search_keys.has_cjk(name) else name_text
            name_words = names[name] = (name_text, words, search_keys.name_key(name or ""))
        name_text, words, exact = name_words
        search_rows.append((doc_id, kind, record_id, exact))
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
    next_ids = {
        key: int(conn.execute(_NEXT_DOC_ID, {"band": band, "end": band + KEY_BAND}).scalar_one())
        for key, band in ((False, 0), (True, KEY_BAND))
    }
    written = 0
    for batch in _batches(_with_keys(conn, kind, rows), _BULK_CHUNK):
        numbered: list[tuple[int, Row]] = []
        for row in batch:
            numbered.append((next_ids[bool(row["key"])], row))
            next_ids[bool(row["key"])] += 1
        conn.execute(
            _INSERT_ROW,
            [
                {
                    "doc_id": d,
                    "kind": kind,
                    "id": r["id"],
                    "name_key": search_keys.name_key(r["name"]),
                }
                for d, r in numbered
            ],
        )
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


def _ids_in_tiers(
    conn: Connection, model: type[Contact] | type[Account], codes: set[str]
) -> list[str]:
    stmt = select(model.id).where(model.tier.in_(codes), model.deleted.is_(False))
    return list(conn.scalars(stmt))


def _changed(obj: Contact | Account | Tier, attribute: str) -> bool:
    state: InstanceState[Any] = inspect(obj)
    return bool(state.attrs[attribute].history.has_changes())


def _write_changed_documents(session: Session, _context: Any) -> None:
    contacts: list[str] = []
    accounts: list[str] = []
    renamed_accounts: list[str] = []
    retiered: set[str] = set()
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        if isinstance(obj, Contact):
            contacts.append(obj.id)
        elif isinstance(obj, Account):
            accounts.append(obj.id)
            # Contacts carry their account's name and tier; they follow its rename, its move to
            # another tier or its deletion.
            if obj in session.deleted or (
                obj not in session.new
                and any(_changed(obj, a) for a in ("name", "deleted", "tier"))
            ):
                renamed_accounts.append(obj.id)
        elif isinstance(obj, Tier) and (
            obj in session.new
            or obj in session.deleted
            or any(_changed(obj, a) for a in ("rank", "deleted", "code"))
        ):
            # A tier became key or stopped being: its records move between the id bands.
            retiered.add(obj.code)
            retiered.update(inspect(obj).attrs.code.history.deleted or ())
    conn = session.connection()
    if retiered:
        accounts += _ids_in_tiers(conn, Account, retiered)
        renamed_accounts += _ids_in_tiers(conn, Account, retiered)
        contacts += _ids_in_tiers(conn, Contact, retiered)
    _rewrite(conn, "account", list(dict.fromkeys(accounts)))
    followers = _contacts_of(conn, renamed_accounts) if renamed_accounts else []
    _rewrite(conn, "contact", list(dict.fromkeys(contacts + followers)))
