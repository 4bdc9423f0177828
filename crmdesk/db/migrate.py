"""Schema versions of a book, managed by Alembic from the first revision.

A book whose schema is older than this crmdesk is first copied (the copy is the encrypted file
itself, after a WAL checkpoint, so it is as encrypted as the book) and then migrated in place.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError("crmdesk ships no schema revisions")
    return head


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
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
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in known:
        from crmdesk.core.errors import BookError

        raise BookError(
            f"the book was written by a newer crmdesk (schema {current}); update crmdesk to open it"
        )
    made = backup(engine, book, current)
    upgrade(engine)
    return made
