"""Every row of every table of a book, to prove that a refused command wrote nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text


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
