"""A monthly spend budget per account of a tier (the team dashboard's spend view).

``tiers.monthly_budget_minor``: what one account of the tier may cost per month (meals, gifts,
events), in minor units of the book's currency; NULL means no budget. Tiers sync through the
company book and the sync protocol reads a record's fields from the model, so the column travels
with the rest of the tier.

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


def upgrade() -> None:
    with op.batch_alter_table("tiers") as batch:
        batch.add_column(sa.Column("monthly_budget_minor", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tiers") as batch:
        batch.drop_column("monthly_budget_minor")
