"""Child process for the kill -9 test: open a device's book and sync in a loop until killed.

Reads the book path, the raw key (hex) and the server URL from standard input (a key is never
put on a command line), prints "ready" once everything is imported and open, then syncs.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from crmdesk.db.keys import RawKey
from crmdesk.sync import client as client_module
from crmdesk.sync.client import SyncError


def main() -> None:
    from tests.sync.helpers import open_device

    path, key_hex = sys.stdin.readline().split()
    # Small batches and pages: many transactions, so a kill lands inside push and pull alike.
    client_module.PUSH_BATCH = 20
    client_module.PULL_LIMIT = 25
    device = open_device(Path(path), RawKey(bytes.fromhex(key_hex)))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        with contextlib.suppress(SyncError):
            device.client.sync_once()


if __name__ == "__main__":
    main()
