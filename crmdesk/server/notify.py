""" "Something changed, pull now": wakes long-polling clients on every worker.

PostgreSQL: pushes ``NOTIFY crmdesk_sync, '<book id>'`` inside their transaction (so the poke
leaves only on commit); each worker process keeps one ``LISTEN`` connection in a thread and wakes
its waiters. SQLite (one machine): waiters poll the books table.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from crmdesk.server.syncing import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Waiter:
    books: set[str]
    loop: asyncio.AbstractEventLoop
    event: asyncio.Event = field(default_factory=asyncio.Event)


class Notifier:
    def __init__(self, engine: Engine, *, poll_seconds: float) -> None:
        self._engine = engine
        self._poll = poll_seconds
        self._waiters: set[_Waiter] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()

    @property
    def uses_listen(self) -> bool:
        return self._engine.dialect.name == "postgresql"

    def start(self) -> None:
        if self.uses_listen and self._thread is None:
            self._thread = threading.Thread(target=self._listen, name="crmdesk-listen", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _conninfo(self) -> str:
        url = self._engine.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._wake(note.payload)
            except psycopg.Error as exc:  # the database went away: waiters fall back to timeouts
                self.listening.clear()
                log.warning("LISTEN connection lost (%s); reconnecting", type(exc).__name__)
                self._stop.wait(1.0)

    def _wake(self, book: str) -> None:
        with self._lock:
            waiters = [w for w in self._waiters if book in w.books]
        for w in waiters:
            w.loop.call_soon_threadsafe(w.event.set)

    async def wait(self, books: set[str], timeout: float, check: Callable[[], bool]) -> bool:
        """True as soon as ``check()`` says the scope moved; False at ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if not self.uses_listen or not self.listening.is_set():
            while True:
                if await run_in_threadpool(check):
                    return True
                left = deadline - loop.time()
                if left <= 0:
                    return False
                await asyncio.sleep(min(self._poll, left))
        waiter = _Waiter(books, loop)
        with self._lock:
            self._waiters.add(waiter)
        try:
            # Registered before the check, so a change committed in between is not missed.
            if await run_in_threadpool(check):
                return True
            while True:
                left = deadline - loop.time()
                if left <= 0:
                    return False
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.event.wait(), timeout=left)
                if waiter.event.is_set():
                    waiter.event.clear()
                    if await run_in_threadpool(check):
                        return True
        finally:
            with self._lock:
                self._waiters.discard(waiter)
