"""Fixtures shared by every test area: an open encrypted book on a real SQLCipher file."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from crmdesk.db.book import Book
from tests import qt_runtime
from tests.book_template import BookTemplate, make_template

if TYPE_CHECKING:
    from tests.server.live import LiveBackends

# Qt tests run headless; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Test files that need Qt's GUI libraries (PySide6 imported at the top, or the qtbot fixture).
QT_TEST_FILES = ("ui/*", "packaging/test_icons.py")


def pytest_cmdline_main(config: pytest.Config) -> None:
    """Before any plugin configures: without Qt's system libraries, set the app's tests aside.

    pytest-qt imports Qt when it configures and would end the whole run, the Qt-free tests
    included; so it is unregistered and the Qt test files are not collected. Called for this
    initial conftest before ``pytest_configure``.
    """
    reason = qt_runtime.missing()
    if reason is None:
        return
    if os.environ.get("CRMDESK_REQUIRE_QT") == "1":
        raise pytest.UsageError(f"CRMDESK_REQUIRE_QT=1 but Qt cannot load ({reason}): "
                                + qt_runtime.HOW_TO_GET)  # fmt: skip
    config.pluginmanager.set_blocked("pytest-qt")
    config.pluginmanager.unregister(name="pytest-qt")
    config.stash[_QT_SET_ASIDE] = reason


_QT_SET_ASIDE = pytest.StashKey[str]()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if _QT_SET_ASIDE not in config.stash:
        return None
    relative = collection_path.relative_to(Path(__file__).parent).as_posix()
    return any(fnmatch.fnmatch(relative, pattern) for pattern in QT_TEST_FILES) or None


def pytest_report_header(config: pytest.Config) -> str | None:
    if _QT_SET_ASIDE not in config.stash:
        return None
    return (f"Qt cannot load here ({config.stash[_QT_SET_ASIDE]}): the app's tests "
            f"({', '.join(QT_TEST_FILES)}, tests marked qt_gui) are not run; "
            f"{qt_runtime.HOW_TO_GET}")  # fmt: skip


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    if _QT_SET_ASIDE in config.stash:
        terminalreporter.write_line(
            "NOT RUN: the app's tests, because Qt cannot load here; " + qt_runtime.HOW_TO_GET,
            yellow=True,
        )


# The longest files, handed to the workers first (junit times of a whole run; `pyproject.toml`
# turns off xdist's own order, which is by test count). Under `--dist loadfile` a file stays on one
# worker: a two-minute file with few tests, handed out last, kept one core busy alone at the end.
LONGEST_FILES_FIRST = (
    "packaging/test_nginx_two_workers.py",
    "sync/test_kill.py",
    "server/test_api_contract.py",
    "db/test_damage.py",
    "sync/test_server_ops.py",
    "test_cli.py",
    "sync/test_sync.py",
    "sync/test_bench_sync.py",
    "test_cli_core_paths.py",
    "db/test_backup.py",
    "server/test_backup_restore.py",
    "sync/test_kill_server.py",
    "sync/test_stateful.py",
    "ui/test_unlock.py",
)


@pytest.hookimpl(tryfirst=True)  # first, so orders asked for on the command line (--ff) win
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(__file__).parent
    first = {name: rank for rank, name in enumerate(LONGEST_FILES_FIRST)}

    def rank(item: pytest.Item) -> int:
        relative = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        return first.get(relative, len(first))

    items.sort(key=rank)  # stable: files stay whole and keep their own order
    if _QT_SET_ASIDE in config.stash:  # tests outside the app's files that still need Qt's GUI
        needs_qt = [item for item in items if item.get_closest_marker("qt_gui")]
        if needs_qt:
            config.hook.pytest_deselected(items=needs_qt)
            items[:] = [item for item in items if not item.get_closest_marker("qt_gui")]


@pytest.fixture(scope="session")
def live_backends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveBackends]:
    """Each backend's database and sync server, started on first use, for the whole session."""
    from tests.server.live import LiveBackends

    with ExitStack() as stack:
        yield LiveBackends(stack, tmp_path_factory)


@pytest.fixture(scope="session")
def book_template(tmp_path_factory: pytest.TempPathFactory) -> BookTemplate:
    return make_template(tmp_path_factory.mktemp("template") / "empty.crmdesk")


@pytest.fixture
def book_source(book_template: BookTemplate) -> BookTemplate:
    """What the ``book`` fixture copies (the app's tests give the sample where asked)."""
    return book_template


@pytest.fixture
def book(tmp_path: Path, book_source: BookTemplate) -> Iterator[Book]:
    b = book_source.copy_to(tmp_path / "book.crmdesk")
    try:
        yield b
    finally:
        b.close()
