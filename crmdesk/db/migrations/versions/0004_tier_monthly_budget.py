"""A monthly spend budget per account of a tier, and an index for the spend view.

``tiers.monthly_budget_minor``: what one account of the tier may cost per month (meals, gifts,
events), in minor units of the book's currency; NULL means no budget. Tiers sync through the
company book and the sync protocol reads a record's fields from the model, so the column travels
with the rest of the tier.

``ix_interactions_spend`` covers the spend view's walk through a range of months: on a
100,000-contact book the interactions outgrow the page cache, and reading each one from the
table in time order is a random, decrypted page read per interaction.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SPEND_INDEX_COLUMNS = [
    "occurred_at", "deleted", "account_id", "recorded_by", "cost_currency", "cost_minor", "id",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("tiers") as batch:
        batch.add_column(sa.Column("monthly_budget_minor", sa.Integer(), nullable=True))
    op.create_index("ix_interactions_spend", "interactions", SPEND_INDEX_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_interactions_spend", table_name="interactions")
    with op.batch_alter_table("tiers") as batch:
        batch.drop_column("monthly_budget_minor")
