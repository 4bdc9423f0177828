"""Alembic environment of the server database (SQLite or PostgreSQL).

Run through ``crmdesk.server.migrate`` (``crmdesk-server migrate``, and before every start), which
hands over a connection.
"""

from __future__ import annotations

from alembic import context

from crmdesk.server.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guards against running `alembic` by hand
    raise RuntimeError("server migrations run through crmdesk.server.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
