"""Search that finds people: new name keys, an exact-name column, and the index rebuilt.

Names get new pinyin keys (the given name alone, ü typed as v/u/yu, surnames read as surnames
and no rare readings of other characters), text is folded traditional to simplified, and
``search_rows`` gains ``name_key`` (the folded whole name) with an index for the exact-name
tier. Every record's stored keys are blanked and the whole index rebuilt, which recomputes them:
an existing book finds people as a new one does.

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE search_rows ADD COLUMN name_key TEXT NOT NULL DEFAULT ''")
    op.execute("CREATE INDEX ix_search_rows_name_key ON search_rows (name_key, doc_id)")
    _rebuild_with_new_keys()


def downgrade() -> None:
    op.execute("DROP INDEX ix_search_rows_name_key")
    op.execute("ALTER TABLE search_rows DROP COLUMN name_key")


def _rebuild_with_new_keys() -> None:
    # The index's writer is the app's own (the same one every import and first sync ends with);
    # blank keys are what it recomputes.
    from crmdesk.db import search

    op.execute("UPDATE contacts SET name_pinyin = '', name_initials = '', sort_key = ''")
    op.execute("UPDATE accounts SET name_pinyin = ''")
    search.rebuild(op.get_bind())
