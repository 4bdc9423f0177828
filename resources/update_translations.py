"""Refresh the Qt Linguist sources from the code.

Run: ``uv run python resources/update_translations.py``.

Runs ``pyside6-lupdate`` over ``crmdesk/ui`` into ``resources/translations/crmdesk_<lang>.ts``
(translations already made are kept; strings gone from the code are dropped). Translate new
strings with Qt Linguist (``uv run pyside6-linguist resources/translations/crmdesk_zh_CN.ts``).
The ``.qm`` files are compiled by the app when missing or stale (``crmdesk.ui.i18n``), or ahead of
time with ``--release``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN", "zh_TW", "en")


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "crmdesk" / "ui").rglob("*.py"))
    targets = [
        str(ROOT / "resources" / "translations" / f"crmdesk_{lang}.ts") for lang in LANGUAGES
    ]
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", *targets, "-no-obsolete", "-locations", "none"],
        check=True,
    )
    if "--release" in sys.argv:
        for target in targets:
            subprocess.run(["pyside6-lrelease", target], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
