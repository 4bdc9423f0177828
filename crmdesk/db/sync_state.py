"""The client side of sync, kept inside the encrypted book (see ``docs/sync.md``).

* ``SyncOutbox`` — one entry per local change, written by the session hook in
  ``crmdesk.db.outbox`` in the same transaction as the change. ``seq`` never repeats
  (AUTOINCREMENT), so the server can tell a replay from a new mutation.
* ``SyncShadow`` — per record, the server version and book this device last pulled.
* ``SyncConflict`` — losing values (and flagged deletes) pulled from the server, for review.
* ``SyncMeta`` — device id, server URL, cursor, epoch, last sync and last error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Integer, String, Text, delete, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from crmdesk.db.models import Base


class SyncOutbox(Base):
    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 - SQLAlchemy reads it

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    row: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SyncShadow(Base):
    __tablename__ = "sync_shadow"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy reads it

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    book_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer, default=0)  # its sequence number in that book
    mark: Mapped[int] = mapped_column(Integer, default=0)


class SyncConflict(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(10))  # field, delete
    value: Mapped[Any] = mapped_column(JSON, nullable=True)  # the losing value (may be null)
    winner: Mapped[Any] = mapped_column(JSON, nullable=True)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[str] = mapped_column(String(40), default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncMeta(Base):
    __tablename__ = "sync_meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def set_meta_value(conn: Connection | Session, key: str, value: str | None) -> None:
    """Write one ``SyncMeta`` value (None removes it)."""
    conn.execute(delete(SyncMeta).where(SyncMeta.key == key))
    if value is not None:
        conn.execute(insert(SyncMeta).values(key=key, value=value))
