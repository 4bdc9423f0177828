"""The search index's tables, as both the writer and the reader of the index name them."""

from __future__ import annotations

from typing import Literal

Kind = Literal["contact", "account"]

# Each FTS5 table and its columns; a document is one row in each, under the same rowid.
TABLES: dict[str, tuple[str, ...]] = {
    "search_index": ("name", "company", "handles", "tags", "notes"),
    "search_pinyin": ("pinyin",),
    "search_phones": ("phones",),
}
# Not an FTS5 table: the exact-name tier reads ``search_rows.name_key`` through its index.
EXACT = "search_rows"

# Document ids of records at key accounts are numbered from here, so that "newest rowid first"
# puts them before everyone else's in every tier; a band apart, each still newest first.
KEY_BAND = 1 << 40
