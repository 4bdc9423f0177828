"""A child process for the clean-exit and single-instance tests: the real app (``run``) on a
keyring book held in memory, with long work started once the book is open."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import keyring.backend

from crmdesk.db.book import book_exists, create_book
from crmdesk.db.keys import KeyringStore


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring for this process only (the machine has none)."""

    priority = 1
    values: dict[tuple[str, str], str] = {}  # noqa: RUF012 - one store per process

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def slow_sql(session: Any) -> int:
    # A long SQLite query (minutes) that sqlite3_interrupt can stop.
    return int(
        session.connection()
        .exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            "SELECT count(*) FROM (SELECT i FROM n LIMIT 5000000000)"
        )
        .scalar()
    )


def slow_python(_session: Any) -> None:
    time.sleep(120)  # nothing can interrupt this


def main() -> int:
    book_path, mode = Path(sys.argv[1]), sys.argv[2]
    store = KeyringStore(MemoryKeyring())
    if not book_exists(book_path):
        create_book(book_path, keystore=store).close()
    elif mode != "idle":
        raise SystemExit("the book's key lives in the first process only")
    from PySide6.QtCore import QTimer

    from crmdesk.ui.app import run

    def on_built(app: Any) -> None:
        def opened(desk: Any) -> None:
            if mode != "idle":
                desk.read(slow_sql if mode == "sql" else slow_python).run()
                QTimer.singleShot(300, close)
            print("opened", flush=True)

        def close() -> None:
            print(f"closing {time.time()}", flush=True)
            app.window.close()

        app.session.opened.connect(opened)
        app.instance.activated.connect(lambda: print("brought forward", flush=True))

    return run(book_path, settings_path=book_path.with_suffix(".ini"), keystore=store,
               on_built=on_built)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
