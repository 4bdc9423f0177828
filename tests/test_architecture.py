"""The house rules, enforced: each package imports only what its room allows (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "crmdesk"

# package (relative to crmdesk/) -> top-level modules it must never import
FORBIDDEN = {
    "core": (
        "PySide6",
        "sqlalchemy",
        "sqlcipher3",
        "crmdesk.db",
        "crmdesk.ui",
        "crmdesk.server",
        "fastapi",
        "httpx",
        "crmdesk.sync",
        "crmdesk.cli",
        "crmdesk.bench",
    ),
    # The book's own sync state (outbox, audit queue, record schema) lives in db: sync depends on
    # db, never the reverse.
    "db": (
        "PySide6",
        "crmdesk.ui",
        "crmdesk.server",
        "fastapi",
        "crmdesk.sync",
        "crmdesk.cli",
        "crmdesk.bench",
    ),
    "sync": ("PySide6", "crmdesk.ui", "crmdesk.server", "crmdesk.cli", "crmdesk.bench"),
    "server": ("PySide6", "crmdesk.ui", "crmdesk.cli", "crmdesk.bench"),
    "ui": ("crmdesk.server", "crmdesk.cli", "crmdesk.bench"),
    "cli": ("PySide6", "crmdesk.ui", "crmdesk.bench"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _violations(room: str, banned: tuple[str, ...]) -> list[str]:
    bad = []
    for file in sorted((PACKAGE / room).rglob("*.py")):
        for name in _imports(file):
            if any(name == b or name.startswith(b + ".") for b in banned):
                bad.append(f"{file.relative_to(PACKAGE.parent)} imports {name}")
    return bad


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_what_it_may(room: str) -> None:
    assert _violations(room, FORBIDDEN[room]) == []


def test_only_the_ui_package_imports_qt() -> None:
    bad = [
        f"{f.relative_to(PACKAGE.parent)}"
        for f in PACKAGE.rglob("*.py")
        if f.relative_to(PACKAGE).parts[0] != "ui"
        and f.relative_to(PACKAGE) != Path("bench/ui.py")
        and any(n.split(".")[0] == "PySide6" for n in _imports(f))
    ]
    assert bad == []


def test_the_top_level_holds_only_entry_points() -> None:
    """Modules belong in a room; the package's top level keeps only what starts the program."""
    assert sorted(f.name for f in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_the_rule_checker_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n")
    assert _imports(sample) == {"PySide6.QtCore", "sqlalchemy.orm"}
