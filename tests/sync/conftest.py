"""Sync tests use the same real servers as the server tests (one per backend)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server.conftest import backend, db, server

__all__ = ["backend", "db", "server"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow soak runs only with ``-m slow`` (the marker's promise; kept to this folder)."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="slow soak run: select it with -m slow")
    for item in items:
        if "slow" in item.keywords and here in item.path.parents:
            item.add_marker(skip)
