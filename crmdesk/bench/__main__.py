"""``uv run python -m crmdesk.bench``: run the benchmark sections (see :mod:`crmdesk.bench`)."""

from crmdesk.bench import main

raise SystemExit(main())
