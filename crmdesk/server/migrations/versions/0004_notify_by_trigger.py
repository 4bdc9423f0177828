"""PostgreSQL: a book whose sequence number moves notifies the long-poll waiters itself, at
commit (a trigger), instead of each writer sending ``SELECT pg_notify`` (one round trip less per
push, and no writer can forget it). SQLite: nothing (its workers poll the books table).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The channel crmdesk.server.syncing.writer.NOTIFY_CHANNEL names (kept literal: a migration does
# not change with the code).
CHANNEL = "crmdesk_sync"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION crmdesk_notify_book() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', NEW.id); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER books_seq_notify AFTER UPDATE OF seq ON books FOR EACH ROW "
        "WHEN (NEW.seq IS DISTINCT FROM OLD.seq) EXECUTE FUNCTION crmdesk_notify_book()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS books_seq_notify ON books")
    op.execute("DROP FUNCTION IF EXISTS crmdesk_notify_book()")
