"""Validation and sign-in throttling: quarantined records keep what was wrong with them (and a
record found broken by ``crmdesk-server check`` has no device, and a company-book one no
user); failed sign-ins are counted per
user name and source address; the addresses a user signed in from are remembered.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.alter_column("device_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.alter_column("user_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.add_column(sa.Column("problems", sa.JSON(), nullable=True))
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("address", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.create_index(
            "ix_login_failures_user_address_at", ["username", "address", "at"], unique=False
        )
    op.create_table(
        "sign_in_addresses",
        sa.Column("username", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", "address"),
    )


def downgrade() -> None:
    op.drop_table("sign_in_addresses")
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_user_address_at")
        batch_op.drop_column("address")
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.drop_column("problems")
        batch_op.alter_column("user_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column("device_id", existing_type=sa.String(length=36), nullable=False)
