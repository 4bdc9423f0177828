"""Festival campaigns: ``campaigns`` and ``campaign_items`` (synced records like the others).

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("occasion", sa.String(length=80), nullable=False),
        sa.Column("occasion_on", sa.Date(), nullable=False),
        sa.Column("buy_by", sa.Date(), nullable=False),
        sa.Column("send_by", sa.Date(), nullable=False),
        sa.Column("tiers", sa.JSON(), nullable=False),
        sa.Column("owners", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "campaign_items",
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("gift", sa.String(length=200), nullable=False),
        sa.Column("catalogue_key", sa.String(length=80), nullable=True),
        sa.Column("value_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("greeting", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("interaction_id", sa.String(length=36), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"]),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"]),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("campaign_items") as batch:
        batch.create_index("ix_campaign_items_campaign_id", ["campaign_id"], unique=False)
        batch.create_index("ix_campaign_items_contact_id", ["contact_id"], unique=False)


def downgrade() -> None:
    op.drop_table("campaign_items")
    op.drop_table("campaigns")
