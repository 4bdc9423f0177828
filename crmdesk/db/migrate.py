"""Schema versions of a book, managed by Alembic from the first revision.

A book whose schema is older than this crmdesk is first copied (the copy is the encrypted file
itself, after a WAL checkpoint, so it is as encrypted as the book) and then migrated in place.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from crmdesk.core.errors import BookError
from crmdesk.db.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# Alembic is imported only when a book needs building or migrating: it costs a large part of a
# second at start-up, and an up-to-date book (the usual case) needs none of it.
def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return HEAD


@cache
def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(
        s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    )


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_path(book: Path, revision: str) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return book.with_name(f"{book.name}.before-{revision}-{stamp}.bak")


def backup(engine: Engine, book: Path, revision: str) -> Path:
    """Copy the encrypted book aside, with every committed page in the main file."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    target = backup_path(book, revision)
    shutil.copy2(book, target)
    return target


def ensure_current(engine: Engine, book: Path) -> Path | None:
    """Bring the book's schema to this crmdesk's head; return the backup made, if any.

    A book with no schema at all (just created) is built from scratch without a backup.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    head = head_revision()
    if current == head:
        return None
    if current is None:
        upgrade(engine)
        return None
    if current not in known_revisions():
        raise BookError(
            f"the book was written by a newer crmdesk (schema {current}); update crmdesk to open it"
        )
    made = backup(engine, book, current)
    upgrade(engine)
    return made
