"""The lease (days a book may stay offline) is a server setting the admin sets; every pull page,
push answer and status carries it, with the names of the books in the caller's scope."""

from __future__ import annotations

import io
import sys
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from crmdesk.server import cli
from crmdesk.server.models import AuditEntry
from crmdesk.sync.protocol import COMPANY_BOOK, DEFAULT_LEASE_DAYS
from tests import http_calls
from tests.server.live import Database, LiveServer, enrol, headers
from tests.server.wire import call, create, push


def _cli(db: Database, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    code = cli.main(["--database-url", db.url, *args])
    monkeypatch.undo()
    return code, out.getvalue()


@pytest.fixture
def lease_reset(db: Database) -> Iterator[None]:
    """Other tests share this server: leave the default behind."""
    yield
    code = cli.main(["--database-url", db.url, "set-lease", str(DEFAULT_LEASE_DAYS)])
    assert code == 0


def _leases(server: LiveServer, e: dict[str, str], seq: int) -> tuple[int, int, int]:
    page = call(server.url, "/sync/pull", e["token"]).json()
    status = http_calls.get(server.url + "/api/v1/status", headers=headers(e["token"]), timeout=30)
    pushed = push(
        server.url, e, [create(seq, "accounts", str(uuid.uuid4()), {"name": "n"})], seq - 1
    )
    return page["lease_days"], status.json()["lease_days"], pushed.json()["lease_days"]


def test_set_lease_reaches_every_device(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch, lease_reset: None
) -> None:
    e = enrol(server.url, db.user())
    assert _leases(server, e, 1) == (DEFAULT_LEASE_DAYS,) * 3
    code, out = _cli(db, "set-lease", "7", monkeypatch=monkeypatch)
    assert code == 0 and "7 days" in out
    assert _leases(server, e, 2) == (7, 7, 7)
    for bad in ("0", "366", "-3"):
        code, out = _cli(db, "set-lease", bad, monkeypatch=monkeypatch)
        assert code == 2 and "1 to 365 days" in out, out
    with pytest.raises(SystemExit) as exited:  # argparse's own refusal
        _cli(db, "set-lease", "soon", monkeypatch=monkeypatch)
    assert exited.value.code == 2
    assert _leases(server, e, 3) == (7, 7, 7)
    with db.sessions() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "set_lease").order_by(AuditEntry.n.desc())
        ).first()
        assert entry is not None and entry.detail == {"from": DEFAULT_LEASE_DAYS, "to": 7}


def test_pages_name_the_books_in_scope(server: LiveServer, db: Database) -> None:
    team = db.team()
    rep, manager = db.user("rep", team), db.user("manager", team)
    outsider = db.user("rep", db.team())
    r = enrol(server.url, rep)
    m = enrol(server.url, manager)
    rep_page = call(server.url, "/sync/pull", r["token"]).json()
    assert rep_page["book_names"] == {r["book_id"]: rep, COMPANY_BOOK: ""}
    names = call(server.url, "/sync/pull", m["token"]).json()["book_names"]
    assert names == {r["book_id"]: rep, m["book_id"]: manager, COMPANY_BOOK: ""}
    assert outsider not in str(names)
    status = http_calls.get(server.url + "/api/v1/status", headers=headers(m["token"]), timeout=30)
    assert status.json()["book_names"] == names
    # Resync and behind-the-client pages carry them too.
    ahead = call(server.url, "/sync/pull", r["token"], {"cursor": {r["book_id"]: 10**9}}).json()
    assert ahead["server_behind"] and ahead["book_names"] == rep_page["book_names"]
