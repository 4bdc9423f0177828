"""The audit log: what pushes, admins and devices did is recorded by name (never customer
data), in one hash chain that ``audit verify`` checks and that breaks on a changed, removed or
inserted row, even with two server processes writing at once."""

from __future__ import annotations

import io
import json
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from crmdesk.server import audit, cli, crud
from crmdesk.server.models import AuditEntry
from tests.server.live import Database, LiveServer, database, enrol, start_server
from tests.server.wire import call, create, edit, push


def _cli(db_url: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    code = cli.main(["--database-url", db_url, *args])
    monkeypatch.undo()
    return code, out.getvalue()


def _entries(db: Database, record_id: str) -> list[AuditEntry]:
    with db.sessions() as s:
        return list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.record_id == record_id)
                .order_by(AuditEntry.at, AuditEntry.n)
            )
        )


def test_pushes_are_recorded_by_field_name(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = db.user()
    a, b = enrol(server.url, user), enrol(server.url, user)
    rid = str(uuid.uuid4())
    row = {"name": "秘密客户 secret", "status": "existing", "notes": "private words"}
    assert push(server.url, a, [create(1, "accounts", rid, row)]).status_code == 200
    push(server.url, a, [edit(2, "accounts", rid, 1, notes="more private words")], 1)
    push(server.url, b, [edit(1, "accounts", rid, 1, notes="clashing words")])  # conflict
    push(server.url, a, [edit(3, "accounts", rid, 3, deleted=True)], 2)
    push(server.url, a, [edit(4, "accounts", rid, 4, deleted=False)], 3)
    readonly = enrol(server.url, db.user("admin"))  # reads every book, writes none of a rep's
    push(server.url, readonly, [edit(1, "accounts", rid, 5, notes="admin words")])
    entries = _entries(db, rid)
    got = [(e.action, e.detail.get("fields"), e.device_id) for e in entries]
    assert got == [
        ("create", ["name", "notes", "status"], a["device_id"]),
        ("update", ["notes"], a["device_id"]),
        ("conflict", ["notes"], b["device_id"]),
        ("delete", [], a["device_id"]),
        ("restore", [], a["device_id"]),
        ("quarantine", ["notes"], readonly["device_id"]),
    ]
    assert entries[0].username == user and entries[0].tbl == "accounts"
    assert entries[-1].detail["reason"] == "read_only"
    for e in entries:
        assert "secret" not in str(e.detail) and "words" not in str(e.detail)
    code, listing = _cli(db.url, "audit", "list", "--record", rid, monkeypatch=monkeypatch)
    assert code == 0 and len(listing.splitlines()) == 6 and "\tconflict\t" in listing
    code, listing = _cli(
        db.url, "audit", "list", "--user", user, "--limit", "2", monkeypatch=monkeypatch
    )
    assert [line.split("\t")[4] for line in listing.splitlines()] == ["delete", "restore"]
    code, listing = _cli(db.url, "audit", "list", "--since", "2999-01-01", monkeypatch=monkeypatch)
    assert code == 0 and listing == ""
    code, out = _cli(db.url, "audit", "verify", monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("chain intact, ")


def test_device_events_and_admin_actions_are_recorded(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = db.user()
    e = enrol(server.url, user)
    events = [
        {
            "at": "2026-11-25T10:00:00+00:00",
            "action": "export",
            "what": "contacts as vcard",
            "count": 40,
        },
        {
            "at": "2026-11-25T10:05:00+00:00",
            "action": "import",
            "what": "contacts from xlsx",
            "count": 3,
        },
    ]
    r = call(server.url, "/audit/events", e["token"], {"events": events})
    assert r.status_code == 200 and r.json() == {"accepted": 2}
    bad = call(server.url, "/audit/events", e["token"], {"events": [{**events[0], "action": "x"}]})
    assert bad.status_code == 422
    assert _cli(db.url, "revoke-device", e["device_id"], monkeypatch=monkeypatch)[0] == 0
    with db.sessions() as s:
        mine = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.username == user)
            .order_by(AuditEntry.at, AuditEntry.n)
        ).all()
        assert [(x.action, x.device_id) for x in mine] == [
            ("enrol", e["device_id"]),
            ("export", e["device_id"]),
            ("import", e["device_id"]),
        ]
        assert mine[1].detail == {"what": "contacts as vcard", "count": 40, "at": events[0]["at"]}
        revoke = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "revoke_device", AuditEntry.record_id == e["device_id"]
            )
        ).one()
        assert revoke.username.startswith("cli:")


@pytest.fixture
def own_db(backend: str, tmp_path: Path) -> Iterator[Database]:
    """A database of this test's own: tampering must not break the shared one's chain."""
    with database(backend, tmp_path) as d:
        yield d


def _fill(db: Database) -> None:
    with db.sessions() as s, s.begin():
        audit.set_actor(s, audit.Actor(None, "tester"))
        team = crud.create_team(s, name="东区")  # 1
        for i in range(3):  # 2, 3, 4
            crud.create_user(s, username=f"u{i}", password="p" * 8, role="rep", team=team.name)
    with db.sessions() as s, s.begin():
        crud.set_lease_days(s, days=9)  # 5


def test_verify_names_the_first_tampered_entry(
    own_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = own_db
    _fill(db)
    code, out = _cli(db.url, "audit", "verify", monkeypatch=monkeypatch)
    assert code == 0, out
    with db.sessions() as s:
        head = s.scalars(select(AuditEntry.hash).where(AuditEntry.n == 5)).one()
    assert out == f"chain intact, 5 entries, head {head}\n"

    def sql(statement: str) -> None:
        with db.engine.begin() as conn:
            conn.execute(text(statement))

    def broken_at() -> tuple[int | None, str]:
        with db.sessions() as s:
            verdict = audit.verify(s)
        assert not verdict.ok
        return verdict.bad_n, verdict.problem

    with db.sessions() as s:
        original = s.scalars(select(AuditEntry).where(AuditEntry.n == 3)).one()
        detail_text, username = json.dumps(original.detail, ensure_ascii=False), original.username
    sql('UPDATE audit_log SET detail = \'{"username": "someone else"}\' WHERE n = 3')
    assert broken_at() == (3, "entry 3 was changed")
    code, out = _cli(db.url, "audit", "verify", monkeypatch=monkeypatch)
    assert code == 1 and "entry 3" in out
    sql(f"UPDATE audit_log SET detail = '{detail_text}' WHERE n = 3")
    assert _cli(db.url, "audit", "verify", monkeypatch=monkeypatch)[0] == 0  # put back: intact
    sql("UPDATE audit_log SET username = 'mallory' WHERE n = 2")
    assert broken_at()[0] == 2
    sql(f"UPDATE audit_log SET username = '{username}' WHERE n = 2")
    # Entry 2 and 3 swapped user names above and back: the chain holds again.
    with db.sessions() as s:
        assert audit.verify(s).ok
    sql("DELETE FROM audit_log WHERE n = 5")  # the newest: only the head knows
    assert broken_at() == (5, "entry 5 is missing")
    sql("DELETE FROM audit_log WHERE n = 4")  # one in the middle
    assert broken_at() == (4, "entry 4 is missing")


def test_a_slipped_in_entry_breaks_the_chain(own_db: Database) -> None:
    db = own_db
    _fill(db)
    with db.sessions() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.n == 5)).one()
        forged = {
            "chain": last.chain,
            "n": 6,
            "at": last.at,
            "user_id": None,
            "username": "mallory",
            "device_id": None,
            "action": "set_lease",
            "tbl": "",
            "record_id": "",
            "detail": {},
            "prev_hash": last.hash,
        }
        # Even a correctly hashed forgery is caught: the head was not moved with it.
        s.add(AuditEntry(**forged, hash=audit.entry_hash(forged)))
        s.commit()
        verdict = audit.verify(s)
    assert not verdict.ok and verdict.bad_n == 6


def test_concurrent_pushes_of_two_server_processes_keep_one_chain(
    server: LiveServer, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = start_server(db.url, tmp_path / "second.log")
    try:
        devices = [
            (url, enrol(url, db.user())) for url in (server.url, second.url) for _ in range(3)
        ]
        ids: list[str] = []
        failures: list[str] = []

        def rep(url: str, e: dict[str, str]) -> None:
            for batch in range(5):
                muts = []
                for k in range(4):
                    rid = str(uuid.uuid4())
                    ids.append(rid)
                    muts.append(create(batch * 4 + k + 1, "accounts", rid, {"name": "n"}))
                r = push(url, e, muts, acked=batch * 4)
                if r.status_code != 200:
                    failures.append(r.text)

        threads = [threading.Thread(target=rep, args=d) for d in devices]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not failures
    finally:
        second.stop()
    with db.sessions() as s:
        created = s.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.action == "create", AuditEntry.record_id.in_(ids)
            )
        ).all()
        assert sorted(created) == sorted(ids) and len(ids) == 6 * 20
    code, out = _cli(db.url, "audit", "verify", monkeypatch=monkeypatch)
    assert code == 0, out
