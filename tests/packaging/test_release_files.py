"""The version is written once; the Linux desktop files are valid; the server's settings files
name only settings that exist, and every setting is documented."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import crmdesk
from crmdesk.server.config import Settings

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
SERVER = ROOT / "packaging" / "server"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


metainfo = _load("crmdesk_metainfo", LINUX / "metainfo.py")


# -- one version --------------------------------------------------------------------------------


def test_the_changelog_names_the_current_version_first() -> None:
    newest = metainfo.releases((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))[0]
    assert newest.version == crmdesk.__version__


def test_pyproject_takes_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if "version" in project["project"]:  # until pyproject.toml reads it (see packaging/README.md)
        assert project["project"]["version"] == crmdesk.__version__
    else:
        assert "version" in project["project"]["dynamic"]
        assert project["tool"]["hatch"]["version"]["path"] == "crmdesk/__init__.py"


def test_no_packaging_recipe_writes_a_version_of_its_own() -> None:
    version = re.escape(crmdesk.__version__)
    for path in (ROOT / "packaging").rglob("*"):
        if path.is_file() and path.suffix not in {".png", ".ico", ".icns", ".pyc"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(rf"(?<![\d.]){version}(?![\d.])", text), path


def test_metainfo_releases_follow_the_changelog() -> None:
    source = (LINUX / "crmdesk.metainfo.xml").read_text(encoding="utf-8")
    changelog = "## [1.1.0] - Unreleased\n\n## [1.0.0] - 2026-10-01\n- first\n"
    root = ET.fromstring(metainfo.metainfo(source, changelog, "1.1.0"))
    releases = [r.attrib for r in root.iter("release")]
    assert releases[0]["version"] == "1.1.0" and releases[0]["type"] == "development"
    assert releases[1] == {"version": "1.0.0", "date": "2026-10-01"}
    with pytest.raises(metainfo.ChangelogError, match="add a"):
        metainfo.metainfo(source, changelog, "1.2.0")
    with pytest.raises(metainfo.ChangelogError, match="only the newest"):
        metainfo.releases("## [1.1.0] - 2026-11-01\n## [1.0.0] - Unreleased\n")


# -- the Linux desktop files --------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_file_is_valid() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / "crmdesk.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="no appstream (appstreamcli)")
def test_built_metainfo_is_valid(tmp_path: Path) -> None:
    out = tmp_path / "crmdesk.metainfo.xml"
    assert metainfo.main(["--out", str(out)]) == 0
    # The component id is the desktop id, "crmdesk", which the app sets
    # (QGuiApplication.setDesktopFileName); AppStream would prefer a reverse-DNS id.
    done = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            "--override=cid-desktopapp-is-not-rdns=info",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_ids_agree() -> None:
    app = (ROOT / "crmdesk" / "ui" / "app.py").read_text(encoding="utf-8")
    desktop_id = re.search(r'setDesktopFileName\("([^"]+)"\)', app)
    assert desktop_id is not None
    root = ET.parse(LINUX / "crmdesk.metainfo.xml").getroot()
    assert root.findtext("launchable") == f"{desktop_id.group(1)}.desktop"
    assert (LINUX / f"{desktop_id.group(1)}.desktop").is_file()


# -- the server's settings ----------------------------------------------------------------------

# Read by the systemd unit's command line, not by crmdesk.server.config.
UNIT_ONLY = {"CRMDESK_SERVER_HOST", "CRMDESK_SERVER_LOG_LEVEL"}


def _env_file_keys() -> set[str]:
    lines = (SERVER / "crmdesk-server.env").read_text(encoding="utf-8").splitlines()
    return {ln.split("=", 1)[0] for ln in lines if ln and not ln.startswith("#")}


def test_env_file_names_real_settings_and_every_one() -> None:
    prefix = Settings.model_config.get("env_prefix", "")
    settings = {f"{prefix}{name}".upper() for name in Settings.model_fields}
    keys = _env_file_keys()
    assert keys - UNIT_ONLY == settings


def test_env_file_values_parse_as_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _env_file_keys()
    lines = (SERVER / "crmdesk-server.env").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            monkeypatch.setenv(key, value)
    parsed = Settings()
    assert parsed.database_url.startswith("postgresql+psycopg://")
    assert len(keys) > len(UNIT_ONLY)


def test_systemd_units_use_only_variables_the_env_file_sets() -> None:
    keys = _env_file_keys()
    for unit in (SERVER / "systemd").glob("*.service"):
        used = set(re.findall(r"\$\{(\w+)\}", unit.read_text(encoding="utf-8")))
        assert used <= keys, (unit.name, used - keys)
        assert "EnvironmentFile=/etc/crmdesk/server.env" in unit.read_text(encoding="utf-8")


def test_nginx_read_timeout_outlasts_the_long_poll() -> None:
    site = (SERVER / "nginx" / "crmdesk.conf").read_text(encoding="utf-8")
    block = site[site.index("location = /api/v1/sync/wait") :]
    block = block[: block.index("}")]
    assert "proxy_buffering off;" in block
    timeout = re.search(r"proxy_read_timeout (\d+)s;", block)
    assert timeout is not None and int(timeout.group(1)) > Settings().long_poll_seconds + 30
