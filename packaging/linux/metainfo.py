"""Write the AppStream metadata with its releases taken from CHANGELOG.md.

    uv run python packaging/linux/metainfo.py --out DIR/crmdesk.metainfo.xml

The source, ``packaging/linux/crmdesk.metainfo.xml``, has an empty ``<releases/>``: the releases
come from the changelog's headings (``## [X.Y.Z] - YYYY-MM-DD`` or ``- Unreleased``), newest
first, so no version is written twice. The newest must be crmdesk's ``__version__``. An
unreleased version is listed as a development release dated by ``$SOURCE_DATE_EPOCH`` (or today).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "packaging" / "linux" / "crmdesk.metainfo.xml"
CHANGELOG = ROOT / "CHANGELOG.md"
INIT = ROOT / "crmdesk" / "__init__.py"

HEADING = re.compile(
    r"^## \[(?P<version>\d+\.\d+\.\d+(?:[-+.][0-9A-Za-z.-]+)?)\] - "
    r"(?P<date>\d{4}-\d{2}-\d{2}|Unreleased)\s*$",
    re.MULTILINE,
)


class ChangelogError(Exception):
    """The changelog or the version is not as this script needs them."""


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date | None  # None: not released yet


def package_version(init: Path = INIT) -> str:
    found = re.search(r'^__version__ = "([^"]+)"$', init.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise ChangelogError(f"{init} has no __version__")
    return found.group(1)


def releases(changelog: str) -> list[Release]:
    """The changelog's versions, newest first, as written."""
    found = [
        Release(
            m.group("version"),
            None if m.group("date") == "Unreleased" else dt.date.fromisoformat(m.group("date")),
        )
        for m in HEADING.finditer(changelog)
    ]
    if not found:
        raise ChangelogError("the changelog has no '## [X.Y.Z] - DATE' heading")
    if any(r.date is None for r in found[1:]):
        raise ChangelogError("only the newest version may be Unreleased")
    return found


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


def metainfo(source: str, changelog: str, version: str) -> str:
    """The metadata ``source`` with its ``<releases>`` filled in."""
    listed = releases(changelog)
    if listed[0].version != version:
        raise ChangelogError(
            f"the newest version in the changelog is {listed[0].version}, but crmdesk is "
            f"{version}: add a '## [{version}] - Unreleased' entry"
        )
    root = ET.fromstring(source)
    box = root.find("releases")
    if box is None:
        raise ChangelogError("the metainfo source has no <releases/>")
    box.clear()
    for release in listed:
        attributes = {"version": release.version}
        if release.date is None:
            attributes |= {"date": build_date().isoformat(), "type": "development"}
        else:
            attributes["date"] = release.date.isoformat()
        ET.SubElement(box, "release", attributes)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True, help="the .metainfo.xml to write")
    args = parser.parse_args(argv)
    try:
        text = metainfo(
            SOURCE.read_text(encoding="utf-8"),
            CHANGELOG.read_text(encoding="utf-8"),
            package_version(),
        )
    except (ChangelogError, ValueError, ET.ParseError) as exc:
        sys.stderr.write(f"metainfo: {exc}\n")
        return 1
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
