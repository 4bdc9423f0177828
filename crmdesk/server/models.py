"""The server's tables (SQLAlchemy 2, typed). Record data is kept as JSON: the server merges
fields by name and never needs the book's columns."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from crmdesk.db.types import UTCDateTime


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


ROLES = ("admin", "manager", "rep")


class ServerMeta(Base):
    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    protocol: Mapped[int] = mapped_column(Integer, default=0)
    schema_rev: Mapped[str] = mapped_column(String(40), default="")


class Book(Base):
    """A sequence space: one per user, plus the company book. Its row is the write lock.

    It also holds the head of the book's audit chain (``crmdesk.server.audit``): the writers of a
    book already hold its row lock, so chaining costs them no lock of their own."""

    __tablename__ = "books"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    purged_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_n: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    audit_hash: Mapped[str] = mapped_column(String(64), default="0" * 64, server_default="0" * 64)


class DeviceCursor(Base):
    """How far a device has applied a book (reported by its pulls): the tombstone horizon."""

    __tablename__ = "device_cursors"

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    book_id: Mapped[str] = mapped_column(ForeignKey("books.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncRecord(Base):
    """The current state of one record of one book.

    The key includes the book: ids are made on devices, so a record id known in one book says
    nothing about any other book (a write to an id that exists elsewhere behaves exactly as if it
    did not exist, and reveals nothing).
    """

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_book_seq", "book_id", "seq"),)

    book_id: Mapped[str] = mapped_column(ForeignKey("books.id"), primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column()
    # field -> [version, device id] of its last write
    fv: Mapped[dict[str, Any]] = mapped_column()


class Departure(Base):
    __tablename__ = "departures"
    __table_args__ = (Index("ix_departures_book_seq", "book_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    book_id: Mapped[str] = mapped_column(ForeignKey("books.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))


class Moved(Base):
    """A record that left a book (ownership change), kept for good: later writes to it from the
    old book are quarantined, even after the departure itself is purged."""

    __tablename__ = "moved"

    book_id: Mapped[str] = mapped_column(ForeignKey("books.id"), primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    to_book: Mapped[str] = mapped_column(String(36))


class Quarantine(Base):
    """A write that was not applied (outside the writer's scope, or invalid), or a stored record
    found invalid by ``crmdesk-server check`` (no device), kept for an administrator."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    tbl: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    mutation: Mapped[dict[str, Any]] = mapped_column()
    reason: Mapped[str] = mapped_column(String(40))
    # For an invalid write: [{field, reason, code}] (crmdesk.db.record_schema.Problem).
    problems: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)


class LoginFailure(Base):
    """Failed sign-ins, kept in the database so every worker sees the same throttle; counted per
    user name and source address (see ``crmdesk.server.throttling``)."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_user_at", "username", "at"),
        Index("ix_login_failures_user_address_at", "username", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(64), default="", server_default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SignInAddress(Base):
    """An address a user signed in from with the right password: their usual places, which a
    flood of failures from elsewhere does not slow down."""

    __tablename__ = "sign_in_addresses"

    username: Mapped[str] = mapped_column(String(120), primary_key=True)
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One line of the audit log: who did what, when, from which device.

    Never updated or deleted. Each entry carries the SHA-256 of its canonical form and of the
    previous entry's hash (``crmdesk.server.audit``), so a changed, removed or inserted row breaks
    the chain at that entry. User and device are plain ids (no foreign keys): the log outlives
    whatever it names. ``detail`` holds field names and counts, never customer data.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_user", "user_id", "at"),
        Index("ix_audit_log_record", "record_id", "at"),
    )

    # One chain per book (the book whose row the writer holds locked), numbered from 1.
    chain: Mapped[str] = mapped_column(String(36), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(120))
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    tbl: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, Any]] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
