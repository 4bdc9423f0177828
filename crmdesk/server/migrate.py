"""Schema versions of the server database, managed by Alembic (``crmdesk/server/migrations``)."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from crmdesk.server.models import Book, ServerMeta
from crmdesk.sync.protocol import COMPANY_BOOK

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# An arbitrary constant naming crmdesk's migration lock among PostgreSQL advisory locks.
MIGRATION_LOCK_KEY = 0x63726D6465736B


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` and make sure it has an epoch and a company book."""
    cfg = alembic_config()
    # One transaction, and on PostgreSQL one migrator at a time: several workers starting at once
    # on a fresh database would otherwise race to create the same tables and rows.
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        with Session(bind=conn) as session:
            if session.get(ServerMeta, "epoch") is None:
                # Made once per database: a new epoch tells clients this is not the server they
                # knew.
                session.add(ServerMeta(key="epoch", value=str(uuid.uuid4())))
            if session.get(Book, COMPANY_BOOK) is None:
                session.add(Book(id=COMPANY_BOOK, owner_id=None, seq=0, purged_seq=0))
            session.flush()


def epoch(session: Session) -> str:
    value = session.scalar(select(ServerMeta.value).where(ServerMeta.key == "epoch"))
    if value is None:  # pragma: no cover - upgrade() always makes one
        raise RuntimeError("the server database has no epoch; run crmdesk-server migrate")
    return value
