"""The server's install recipes leave out every Qt package the lock pins: the container
(packaging/server/Dockerfile) and the operator guide's ``uv sync``; and such an environment,
made for real, has no PySide6 in it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECIPES = (ROOT / "packaging" / "server" / "Dockerfile", ROOT / "docs" / "operator-guide.md")


def _qt_packages() -> set[str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {p["name"] for p in lock["package"] if p["name"].startswith(("pyside6", "shiboken6"))}


def _sync_commands(text: str) -> list[str]:
    # A command may continue over lines ending in a backslash.
    joined = re.sub(r"\\\n\s*", " ", text)
    return [line for line in joined.splitlines() if "uv sync --" in line]


def test_the_lock_has_the_qt_packages_this_test_knows() -> None:
    assert {"pyside6-essentials", "pyside6-addons", "shiboken6"} <= _qt_packages()


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda p: p.name)
def test_every_server_install_leaves_out_every_qt_package(recipe: Path) -> None:
    commands = _sync_commands(recipe.read_text(encoding="utf-8"))
    assert commands, f"{recipe.name} installs nothing with uv sync"
    for command in commands:
        left_out = set(re.findall(r"--no-install-package\s+(\S+)", command))
        assert _qt_packages() <= left_out, f"{recipe.name}: {command.strip()}"


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda p: p.name)
def test_every_server_install_compiles_the_bytecode(recipe: Path) -> None:
    """The service's account cannot write ``__pycache__`` into its environment: without the
    compiled modules made at install, every process start compiles its imports again."""
    text = recipe.read_text(encoding="utf-8")
    for command in _sync_commands(text):
        assert "--compile-bytecode" in command or "UV_COMPILE_BYTECODE=1" in text, command


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not installed")
def test_the_server_environment_has_no_qt(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "VIRTUAL_ENV"))}
    env["UV_PROJECT_ENVIRONMENT"] = str(tmp_path / "venv")
    command = ["uv", "sync", "--locked", "--no-dev", "--no-install-project"]
    for package in sorted(_qt_packages()):
        command += ["--no-install-package", package]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    site = list((tmp_path / "venv" / "lib").glob("python*/site-packages"))
    assert site and not list(site[0].glob("PySide6*")) and not list(site[0].glob("shiboken6*"))
