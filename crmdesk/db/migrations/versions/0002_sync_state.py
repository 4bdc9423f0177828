"""Sync state of the client: outbox, shadow versions, conflicts, sync settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 20:25:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("row", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_sync_outbox_record_id", "sync_outbox", ["record_id"])
    op.create_table(
        "sync_shadow",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("mark", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "record_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("winner", sa.JSON(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_conflicts_record_id", "sync_conflicts", ["record_id"])
    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("sync_meta")
    op.drop_index("ix_sync_conflicts_record_id", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_shadow")
    op.drop_index("ix_sync_outbox_record_id", table_name="sync_outbox")
    op.drop_table("sync_outbox")
