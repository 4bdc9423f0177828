"""Child process for the kill -9 tests: open a device's book, sync once, and stop in the window
the test aims at so that the test can kill it exactly there.

The phase signals are made here, on the test side, around the product's own parts, so no
product code carries a hook:

* ``outbox_read``: a push request built from the outbox, before a byte of it left (transport);
* ``push_sent``: the push request written whole to the socket, its answer not yet read (the
  request body stream, asked for more after its last byte);
* ``push_committed``: the server's answer to a push arrived (it committed), not yet read or
  acknowledged in the book (transport);
* ``ack_written``: the acknowledgement written in the book's transaction, not committed
  (the ``acked_through`` write, seen by an SQLAlchemy engine event);
* ``pull_answered``: a page of the pull arrived, not yet applied (transport);
* ``page_applied``: a page's rows written, its cursor about to be stored in the same
  transaction (the ``cursor`` write, seen by an engine event);
* ``index_rebuild``: the search index rebuilt after a first sync, not committed
  (``crmdesk.db.search.rebuild`` wrapped).

Protocol: standard input gives one JSON line ``{"path", "key", "target", "occurrence",
"push_batch", "pull_limit"}`` (a key is never put on a command line). The worker prints
``ready``, then ``phase NAME N`` each time it enters a window. At the target's N-th entry it
prints ``hold NAME N`` and waits for a line on standard input: the test kills it there (or sends
``go`` to let it run on and kills it a moment later). A sync that ends without reaching the
target prints ``done`` and exits 0; a sync that fails prints its traceback and exits 1.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

PHASES = (
    "outbox_read",
    "push_sent",
    "push_committed",
    "ack_written",
    "pull_answered",
    "page_applied",
    "index_rebuild",
)


class Phases:
    """Announces each window on standard output; holds the thread that enters the target."""

    def __init__(self, target: str | None, occurrence: int) -> None:
        self.target = target
        self.occurrence = occurrence
        self.seen: Counter[str] = Counter()
        self.lock = threading.Lock()

    def enter(self, name: str) -> None:
        with self.lock:
            self.seen[name] += 1
            n = self.seen[name]
            sys.stdout.write(f"phase {name} {n}\n")
            hold = name == self.target and n == self.occurrence
            if hold:
                sys.stdout.write(f"hold {name} {n}\n")
            sys.stdout.flush()
        if hold:
            sys.stdin.readline()  # the test kills us here, or says "go"


class _SignalWhenSent(httpx.SyncByteStream):
    """A request body that reports once its last byte was handed to the socket: httpcore asks
    the stream for more only after it wrote the previous chunk."""

    def __init__(self, body: bytes, sent: Callable[[], None]) -> None:
        self.body = body
        self.sent = sent

    def __iter__(self) -> Iterator[bytes]:
        yield self.body
        self.sent()


class PhaseTransport(httpx.BaseTransport):
    """The real HTTP transport (TCP_NODELAY, as the client's own), with the windows around it."""

    def __init__(self, phases: Phases) -> None:
        self.phases = phases
        self.inner = httpx.HTTPTransport(
            socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/sync/push"):
            self.phases.enter("outbox_read")
            body = request.read()
            request = httpx.Request(
                request.method,
                request.url,
                headers=request.headers,
                stream=_SignalWhenSent(body, lambda: self.phases.enter("push_sent")),
            )
            response = self.inner.handle_request(request)
            self.phases.enter("push_committed")
            return response
        response = self.inner.handle_request(request)
        if path.endswith("/sync/pull"):
            self.phases.enter("pull_answered")
        return response

    def close(self) -> None:
        self.inner.close()


def watch_book(engine: Any, phases: Phases) -> None:
    """Announce the writes of ``acked_through`` and ``cursor`` before they run."""

    @event.listens_for(engine, "before_cursor_execute")
    def _before(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO SYNC_META"):
            return
        if not isinstance(params, tuple | list) or not params or not isinstance(params[0], str):
            return
        if params[0] == "acked_through":
            phases.enter("ack_written")
        elif params[0] == "cursor":
            phases.enter("page_applied")


def main() -> int:
    from crmdesk.db import search
    from crmdesk.db.keys import RawKey
    from crmdesk.sync import client as client_module
    from tests.sync.helpers import open_device

    args = json.loads(sys.stdin.readline())
    phases = Phases(args["target"], int(args.get("occurrence", 1)))
    # Small batches and pages: many transactions, so every window is entered several times.
    client_module.PUSH_BATCH = int(args.get("push_batch", 20))
    client_module.PULL_LIMIT = int(args.get("pull_limit", 25))
    rebuild = search.rebuild

    def rebuild_then_hold(conn: Any) -> int:
        documents = rebuild(conn)
        phases.enter("index_rebuild")
        return documents

    search.rebuild = rebuild_then_hold
    transport = PhaseTransport(phases)
    key = RawKey(bytes.fromhex(args["key"]))
    device = open_device(Path(args["path"]), key, transport=transport)
    watch_book(device.book.engine, phases)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    device.client.sync_once()
    device.close()
    sys.stdout.write("done\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
