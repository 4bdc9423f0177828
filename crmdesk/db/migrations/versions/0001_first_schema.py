"""First schema: the domain model, the search index and the default tier scheme.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 19:38:00.286538
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.Text(), nullable=False),
        sa.Column("tier", sa.String(length=8), nullable=True),
        sa.Column("customer_type", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("industry", sa.String(length=120), nullable=True),
        sa.Column("application", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.String(length=20), nullable=True),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=True),
        sa.Column("bank_account", sa.String(length=120), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("discount", sa.String(length=40), nullable=True),
        sa.Column("payment_terms", sa.String(length=200), nullable=True),
        sa.Column("tax_rule", sa.String(length=120), nullable=True),
        sa.Column("credit_record", sa.Text(), nullable=True),
        sa.Column("sales_limit_minor", sa.Integer(), nullable=True),
        sa.Column("delivery_address", sa.Text(), nullable=True),
        sa.Column("invoice_address", sa.Text(), nullable=True),
        sa.Column("commission_code", sa.String(length=40), nullable=True),
        sa.Column("insight", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "book_settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "tiers",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("greeting_budget_minor", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "contacts",
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.Text(), nullable=False),
        sa.Column("name_initials", sa.String(length=80), nullable=False),
        sa.Column("sort_key", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=True),
        sa.Column("department", sa.String(length=120), nullable=True),
        sa.Column("decision_role", sa.String(length=40), nullable=True),
        sa.Column("reports_to_id", sa.String(length=36), nullable=True),
        sa.Column("tier", sa.String(length=8), nullable=True),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("gender", sa.String(length=16), nullable=True),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("wechat", sa.String(length=80), nullable=True),
        sa.Column("hometown", sa.String(length=120), nullable=True),
        sa.Column("school", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"],
            ["contacts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contacts_reports_to_id"), ["reports_to_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contacts_sort_key"), ["sort_key"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("colleagues", sa.JSON(), nullable=False),
        sa.Column("products", sa.Text(), nullable=True),
        sa.Column("promises", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("next_step", sa.Text(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("cost_minor", sa.Integer(), nullable=True),
        sa.Column("cost_currency", sa.String(length=3), nullable=True),
        sa.Column("cost_category", sa.String(length=40), nullable=True),
        sa.Column("recorded_by", sa.String(length=120), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interactions_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index("ix_interactions_occurred_at", ["occurred_at"], unique=False)

    op.create_table(
        "opportunities",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunities_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "complaints",
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaints_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaints_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "family_members",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("family_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_members_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "follow_ups",
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("interaction_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_ups_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index("ix_follow_ups_open_due", ["done", "due_on"], unique=False)

    op.create_table(
        "gifts",
        sa.Column("interaction_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("value_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gifts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gifts_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_gifts_interaction_id"), ["interaction_id"], unique=False
        )

    op.create_table(
        "interaction_attendees",
        sa.Column("interaction_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interaction_attendees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_attendees_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_attendees_interaction_id"), ["interaction_id"], unique=False
        )

    op.create_table(
        "preferences",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("learned_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("preferences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_preferences_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "important_dates",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("family_member_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("calendar", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("is_leap_month", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
        ),
        sa.ForeignKeyConstraint(
            ["family_member_id"],
            ["family_members.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("important_dates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_important_dates_contact_id"), ["contact_id"], unique=False
        )

    _create_search_index()
    _seed_default_tiers()


def _create_search_index() -> None:
    # Kept in step by crmdesk.db.search, whose docstring explains the design. Three FTS5 tables
    # share one document id: each gets only the prefix indexes its queries use.
    # search_rows maps each indexed record to its document id (FTS5 looks rows up by rowid only).
    op.execute(
        "CREATE TABLE search_rows ("
        "doc_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL UNIQUE)"
    )
    # columnsize=0: ranking is by tiers, not bm25, so per-row sizes would be dead weight.
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "name, company, handles, tags, notes, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', columnsize = 0)"
    )
    op.execute(
        # Up to six letters: the longest syllable (zhuang), so a surname typed whole is one read.
        "CREATE VIRTUAL TABLE search_pinyin USING fts5(pinyin, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6', columnsize = 0)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_phones USING fts5("
        "phones, tokenize = 'unicode61', columnsize = 0, detail = full)"
    )


# Default scheme (Huawei's S/A/B/C). Fixed ids so every device's default tiers are the same records.
_DEFAULT_TIERS = [
    ("S", "Strategic", 0, 30, 100000),
    ("A", "Partner", 1, 60, 50000),
    ("B", "Key", 2, 90, 20000),
    ("C", "General", 3, 180, 10000),
]


def _seed_default_tiers() -> None:
    import datetime as dt
    import uuid

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    tiers = sa.table(
        "tiers",
        sa.column("id", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("deleted", sa.Boolean),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("rank", sa.Integer),
        sa.column("cadence_days", sa.Integer),
        sa.column("greeting_budget_minor", sa.Integer),
        sa.column("description", sa.Text),
    )
    op.bulk_insert(
        tiers,
        [
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"crmdesk:tier:{code}")),
                "created_at": now,
                "updated_at": now,
                "deleted": False,
                "code": code,
                "name": name,
                "rank": rank,
                "cadence_days": cadence,
                "greeting_budget_minor": budget,
                "description": "",
            }
            for code, name, rank, cadence, budget in _DEFAULT_TIERS
        ],
    )


def downgrade() -> None:
    for table in ("search_phones", "search_pinyin", "search_index", "search_rows"):
        op.execute(f"DROP TABLE {table}")
    with op.batch_alter_table("important_dates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_important_dates_contact_id"))

    op.drop_table("important_dates")
    with op.batch_alter_table("preferences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preferences_contact_id"))

    op.drop_table("preferences")
    with op.batch_alter_table("interaction_attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_attendees_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_attendees_contact_id"))

    op.drop_table("interaction_attendees")
    with op.batch_alter_table("gifts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gifts_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_gifts_contact_id"))

    op.drop_table("gifts")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_open_due")
        batch_op.drop_index(batch_op.f("ix_follow_ups_contact_id"))
        batch_op.drop_index(batch_op.f("ix_follow_ups_account_id"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("family_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_members_contact_id"))

    op.drop_table("family_members")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaints_contact_id"))
        batch_op.drop_index(batch_op.f("ix_complaints_account_id"))

    op.drop_table("complaints")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunities_account_id"))

    op.drop_table("opportunities")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_occurred_at")
        batch_op.drop_index(batch_op.f("ix_interactions_account_id"))

    op.drop_table("interactions")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_sort_key"))
        batch_op.drop_index(batch_op.f("ix_contacts_reports_to_id"))
        batch_op.drop_index(batch_op.f("ix_contacts_account_id"))

    op.drop_table("contacts")
    op.drop_table("tiers")
    op.drop_table("book_settings")
    op.drop_table("accounts")
