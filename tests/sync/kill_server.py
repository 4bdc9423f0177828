"""``crmdesk-server`` with one window made visible, for the server kill test: once a request to
``CRMDESK_TEST_HOLD_PATH`` has been handled (its transaction committed) and its answer is about
to leave, the server writes the answer's status to the file ``CRMDESK_TEST_HOLD_MARKER`` and holds
the answer back, so the test can kill it there. Made here, around the real application, so no
product code carries a hook. Arguments are the server CLI's own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio

from crmdesk.server import cli
from crmdesk.server.api import main as app_main

HOLD_PATH = os.environ["CRMDESK_TEST_HOLD_PATH"]
MARKER = Path(os.environ["CRMDESK_TEST_HOLD_MARKER"])
_create_app = app_main.create_app


def create_app(settings: Any = None) -> Any:
    app = _create_app(settings)

    async def holding(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != HOLD_PATH:
            await app(scope, receive, send)
            return

        async def hold_answer(message: Any) -> None:
            if message["type"] == "http.response.start":
                # Whole or not at all: the test reads the marker as soon as it exists.
                partial = MARKER.with_name(MARKER.name + ".part")
                partial.write_text(str(message["status"]))
                partial.replace(MARKER)
                await anyio.sleep_forever()
            await send(message)

        await app(scope, receive, hold_answer)

    return holding


app_main.create_app = create_app  # uvicorn imports the factory by name, after this

if __name__ == "__main__":
    sys.exit(cli.main())
