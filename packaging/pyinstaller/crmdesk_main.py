"""Entry point of the bundled crmdesk (PyInstaller): the ``crmdesk`` command, nothing more.

``crmdesk --bundle-check`` is answered here, before the command line is parsed: it checks, from
inside the bundle, that what PyInstaller cannot see being loaded was collected (Qt plugins,
translations, migration scripts, keyring back ends, pypinyin's data...). See
``crmdesk_bundle_check``. Every other invocation is exactly ``crmdesk.cli.main``.
"""

from __future__ import annotations

import sys

BUNDLE_CHECK = "--bundle-check"


def main() -> int:
    if sys.argv[1:2] == [BUNDLE_CHECK]:
        from crmdesk_bundle_check import run

        return run(sys.argv[2:])
    from crmdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
