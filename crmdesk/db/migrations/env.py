"""Alembic environment for a book: runs on the keyed connection the book hands over.

Books are only ever migrated by crmdesk itself (``crmdesk.db.migrate``), never from an alembic
command line with a URL: the key must not travel in a URL.
"""

from __future__ import annotations

from alembic import context

from crmdesk.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guards against running `alembic` by hand
    raise RuntimeError("book migrations run through crmdesk.db.migrate, on an unlocked book")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
