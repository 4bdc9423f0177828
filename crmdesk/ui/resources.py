"""Where the app's resources (SVG icons, translations) are found.

In a checkout (``uv run crmdesk``) they are the sources in ``resources/`` beside the package; an
installed wheel carries them as ``crmdesk/resources``. Compiled translations (``.qm``) are made
from the ``.ts`` sources when missing or stale, into the user's cache directory (see ``i18n``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import crmdesk


@cache
def resources_dir() -> Path:
    package = Path(crmdesk.__file__).resolve().parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "icons").is_dir():
            return candidate
    raise FileNotFoundError(
        f"crmdesk's resources are missing (looked in {package / 'resources'} and "
        f"{package.parent / 'resources'}); reinstall crmdesk"
    )


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"
