"""When a complaint was resolved, and indexes for the managers' views (retention, chain depth).

``complaints.resolved_on``: the day a complaint was last resolved or closed (NULL while open, and
again when it is reopened), so time to resolution is a subtraction. Complaints sync through the
company book and the sync protocol reads a record's fields from the model, so the column travels
with the rest of the complaint.

``ix_interactions_activity`` covers "which accounts were active in these periods": the counting
kinds and a range of time, read from the index alone. ``ix_attendees_contact_live`` covers a
contact's attendances (its last touch) without a table read per row. ``ix_contacts_tier`` finds
the contacts with a tier of their own (the dashboard's key relationships) without reading every
contact. ``ix_interactions_touch`` and ``ix_interactions_account_touch`` answer "when and of
what kind" for an interaction reached by id (from an attendee or a gift) or by account without
reading its row (rows are wide and encrypted: each read decrypts a page), and
``ix_gifts_contact_live`` covers a contact's gifts. For the spend view's walk over a year of
interactions: ``ix_attendees_interaction_live`` (an interaction's attendees),
``ix_contacts_account_of`` (a contact's account by id) and ``ix_gifts_interaction_value`` (an
interaction's gifts and their value), each read from the index alone.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVITY_COLUMNS = ["kind", "occurred_at", "deleted", "account_id", "id"]
ATTENDEE_COLUMNS = ["contact_id", "deleted", "interaction_id"]
CONTACT_TIER_COLUMNS = ["tier", "deleted", "account_id"]
TOUCH_COLUMNS = ["id", "deleted", "occurred_at", "kind", "account_id"]
ACCOUNT_TOUCH_COLUMNS = ["account_id", "deleted", "occurred_at", "kind"]
GIFT_COLUMNS = ["contact_id", "deleted", "interaction_id"]
ATTENDEE_OF_COLUMNS = ["interaction_id", "deleted", "contact_id"]
ACCOUNT_OF_COLUMNS = ["id", "account_id", "deleted"]
GIFT_VALUE_COLUMNS = ["interaction_id", "deleted", "contact_id", "currency", "value_minor"]


def upgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("resolved_on", sa.Date(), nullable=True))
    op.create_index("ix_interactions_activity", "interactions", ACTIVITY_COLUMNS)
    op.create_index("ix_attendees_contact_live", "interaction_attendees", ATTENDEE_COLUMNS)
    op.create_index("ix_contacts_tier", "contacts", CONTACT_TIER_COLUMNS)
    op.create_index("ix_interactions_touch", "interactions", TOUCH_COLUMNS)
    op.create_index("ix_interactions_account_touch", "interactions", ACCOUNT_TOUCH_COLUMNS)
    op.create_index("ix_gifts_contact_live", "gifts", GIFT_COLUMNS)
    op.create_index("ix_attendees_interaction_live", "interaction_attendees", ATTENDEE_OF_COLUMNS)
    op.create_index("ix_contacts_account_of", "contacts", ACCOUNT_OF_COLUMNS)
    op.create_index("ix_gifts_interaction_value", "gifts", GIFT_VALUE_COLUMNS)
    # Without statistics SQLite reaches an interaction by id through its primary key and reads
    # the row, never the covering index above (a covering index's equality on its first column
    # is assumed to match ten rows, the primary key's one): give the planner the book's shape.
    op.execute("ANALYZE")


def downgrade() -> None:
    op.drop_index("ix_gifts_interaction_value", table_name="gifts")
    op.drop_index("ix_contacts_account_of", table_name="contacts")
    op.drop_index("ix_attendees_interaction_live", table_name="interaction_attendees")
    op.drop_index("ix_gifts_contact_live", table_name="gifts")
    op.drop_index("ix_interactions_account_touch", table_name="interactions")
    op.drop_index("ix_interactions_touch", table_name="interactions")
    op.drop_index("ix_contacts_tier", table_name="contacts")
    op.drop_index("ix_attendees_contact_live", table_name="interaction_attendees")
    op.drop_index("ix_interactions_activity", table_name="interactions")
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("resolved_on")
