"""Every row of every table of a book, to prove that a refused command wrote nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from crmdesk.db import integrity
from crmdesk.db.engine import PragmaKey, open_readonly
from crmdesk.db.keys import Passphrase

# Copies of one book share its salt, so a passphrase's key is derived once for all of them
# (SQLCipher's derivation costs 0.1-0.2 s of CPU; a refused command is checked before and after).
_DERIVED: dict[tuple[bytes, str], PragmaKey] = {}


def snapshot_file(path: Path, passphrase: str) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`snapshot` of the passphrase book at ``path``, read without opening it as the app
    does (no migration check, no write): what a command under test left in the file."""
    with open(path, "rb") as f:
        salt = f.read(16)
    key = _DERIVED.get((salt, passphrase))
    if key is None:
        key = _DERIVED[salt, passphrase] = integrity.fast_key(path, Passphrase(passphrase))
    raw = open_readonly(path, key)
    try:
        names = [
            r[0]
            for r in raw.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: sorted(tuple(map(repr, row)) for row in raw.execute(f'SELECT * FROM "{name}"'))
            for name in names
        }
    finally:
        raw.close()


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        names = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            )
        ]
        return {
            name: sorted(
                (tuple(map(repr, row)) for row in conn.execute(text(f'SELECT * FROM "{name}"'))),
            )
            for name in names
        }


def row_counts(engine: Engine) -> dict[str, int]:
    return {name: len(rows) for name, rows in snapshot(engine).items()}
