"""Sync tests use the same real servers as the server tests (one per backend)."""

from __future__ import annotations

from tests.server.conftest import backend, db, server

__all__ = ["backend", "db", "server"]
