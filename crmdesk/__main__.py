"""``python -m crmdesk``: the same as the ``crmdesk`` command."""

from crmdesk.cli import main

raise SystemExit(main())
