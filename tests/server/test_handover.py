"""Handover (离职交接) over a real server: everything of the leaver's book reaches the
successors with stages, follow-ups and ``recorded_by`` intact; a handover that would leave a
record behind moves nothing; only the right people may hand over."""

from __future__ import annotations

import io
import sys
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select

from crmdesk.server import cli
from crmdesk.server.models import AuditEntry, Book, Device, SyncRecord, User
from crmdesk.sync.protocol import DEVICE_REVOKED
from tests.server.live import Database, LiveServer, enrol
from tests.server.wire import call, create, edit, pull_all, push


def _id() -> str:
    return str(uuid.uuid4())


@dataclass
class Office:
    """A team: a leaver with a full book on two devices, two successors, their manager."""

    team: str
    leaver: str
    s1: str
    s2: str
    manager: str
    devices: list[dict[str, str]]
    ids: dict[str, str] = field(default_factory=dict)

    def rows(self, db: Database) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every record of these people's books: id -> (owner's book, data)."""
        with db.sessions() as s:
            books = {
                u.id: u.username
                for u in s.scalars(
                    select(User).where(User.username.in_([self.leaver, self.s1, self.s2]))
                )
            }
            return {
                r.id: (books[r.book_id], dict(r.data))
                for r in s.scalars(select(SyncRecord).where(SyncRecord.book_id.in_(books)))
            }


def make_office(server: LiveServer, db: Database) -> Office:
    team = db.team()
    leaver = db.user("rep", team)
    office = Office(
        team=team,
        leaver=leaver,
        s1=db.user("rep", team),
        s2=db.user("rep", team),
        manager=db.user("manager", team),
        devices=[enrol(server.url, leaver), enrol(server.url, leaver)],
    )
    ids = office.ids = {
        k: _id() for k in ("acc1", "c1", "i1", "f1", "o1", "acc2", "o2", "c3", "p3", "f3", "c4")
    }
    rows: list[tuple[str, str, dict[str, Any]]] = [
        ("accounts", "acc1", {"name": "华为 Huawei", "status": "existing", "owner": leaver}),
        ("contacts", "c1", {"name": "张三", "account_id": ids["acc1"], "owner": leaver}),
        (
            "interactions",
            "i1",
            {
                "account_id": ids["acc1"],
                "occurred_at": "2026-11-20T11:00:00+00:00",
                "kind": "meal",
                "summary": "dinner",
                "recorded_by": leaver,
            },
        ),
        (
            "follow_ups",
            "f1",
            {
                "contact_id": ids["c1"],
                "interaction_id": ids["i1"],
                "due_on": "2026-12-01",
                "description": "send the quote",
                "done": False,
                "owner": leaver,
            },
        ),
        (
            "opportunities",
            "o1",
            {"account_id": ids["acc1"], "name": "5G", "stage": "develop", "owner": leaver},
        ),
        ("accounts", "acc2", {"name": "ZTE", "status": "potential", "owner": leaver}),
        ("opportunities", "o2", {"account_id": ids["acc2"], "name": "core", "stage": "propose"}),
        ("contacts", "c3", {"name": "李四 (no account)", "owner": leaver}),
        ("preferences", "p3", {"contact_id": ids["c3"], "category": "tea", "value": "oolong"}),
        (
            "follow_ups",
            "f3",
            {
                "contact_id": ids["c3"],
                "due_on": "2026-11-01",
                "description": "call back",
                "done": True,
                "owner": leaver,
            },
        ),
        ("contacts", "c4", {"name": "gone", "owner": leaver}),
    ]
    a, b = office.devices
    muts = [create(n, t, ids[k], row) for n, (t, k, row) in enumerate(rows, 1)]
    muts.append(edit(len(muts) + 1, "contacts", ids["c4"], 1, deleted=True))
    r = push(server.url, a, muts)
    assert r.status_code == 200 and all(x["status"] == "applied" for x in r.json()["results"]), (
        r.text
    )
    # Two devices edit the same field: a conflict row in the leaver's book, about acc1.
    r = push(server.url, a, [edit(len(muts) + 1, "accounts", ids["acc1"], 1, notes="A")], len(muts))
    assert r.json()["results"][0]["status"] == "applied"
    r = push(server.url, b, [edit(1, "accounts", ids["acc1"], 1, notes="B")])
    assert r.json()["results"][0]["status"] == "conflict"
    return office


@pytest.fixture
def office(server: LiveServer, db: Database) -> Office:
    return make_office(server, db)


def _token(server: LiveServer, name: str) -> str:
    return enrol(server.url, name)["token"]


def test_handover_moves_everything_intact(office: Office, server: LiveServer, db: Database) -> None:
    ids = office.ids
    before = office.rows(db)
    conflicts = [i for i, (_, d) in before.items() if d.get("record_id") == ids["acc1"]]
    assert len(conflicts) == 1
    s1_device = enrol(server.url, office.s1)
    known, first = pull_all(server.url, s1_device)  # the successor has synced before
    assert not set(known) & set(before)
    r = call(
        server.url,
        "/handover",
        _token(server, office.manager),
        {"leaver": office.leaver, "accounts": {ids["acc1"]: office.s1}, "default_to": office.s2},
    )
    assert r.status_code == 200, r.text
    answer = r.json()
    # acc1 with contact, interaction, follow-up, opportunity and the conflict; the rest to s2
    # (the deleted contact's tombstone too, so the leaver's book is empty).
    assert answer == {
        "moved": 12,
        "accounts": 2,
        "successors": {office.s1: 6, office.s2: 6},
        "revoked_devices": 2,
    }
    after = office.rows(db)
    assert set(after) == set(before)
    to_s1 = {ids[k] for k in ("acc1", "c1", "i1", "f1", "o1")} | set(conflicts)
    for rid, (owner, data) in after.items():
        assert owner == (office.s1 if rid in to_s1 else office.s2)
        old = {k: v for k, v in before[rid][1].items() if k != "owner"}
        if "owner" in data:  # a table with an owner column names the successor
            assert data.pop("owner") == owner
        assert data == old  # stages, due dates, done flags, recorded_by: untouched
    assert after[ids["o1"]][1]["stage"] == "develop"
    assert after[ids["f1"]][1]["done"] is False and after[ids["f3"]][1]["done"] is True
    assert after[ids["i1"]][1]["recorded_by"] == office.leaver

    # The successor's device receives them at its next pull, the leaver's are refused.
    seen, page = pull_all(server.url, s1_device, first["cursor"])
    assert set(seen) == to_s1  # exactly what it received, at its next incremental pull
    assert page["book_names"][s1_device["book_id"]] == office.s1
    for e in office.devices:
        r = call(server.url, "/sync/pull", e["token"])
        assert r.status_code == 401 and r.json()["code"] == DEVICE_REVOKED
    with db.sessions() as s:
        leaver = s.scalar(select(User).where(User.username == office.leaver))
        assert leaver is not None and not leaver.active
        assert s.scalar(select(func.count()).where(SyncRecord.book_id == leaver.id)) == 0
        assert all(
            d.revoked_at is not None
            for d in s.scalars(select(Device).where(Device.user_id == leaver.id))
        )
        moves = s.scalars(
            select(AuditEntry.record_id).where(
                AuditEntry.action == "move", AuditEntry.record_id.in_(list(after))
            )
        ).all()
        assert sorted(moves) == sorted(after)
        entry = s.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "handover", AuditEntry.record_id == leaver.id
            )
        )
        assert entry is not None and entry.username == office.manager
        assert entry.detail["successors"] == answer["successors"]


def _snapshot(db: Database, office: Office) -> tuple[Any, ...]:
    with db.sessions() as s:
        users = s.scalars(
            select(User).where(User.username.in_([office.leaver, office.s1, office.s2]))
        ).all()
        seqs = sorted(
            (b.id, b.seq) for b in s.scalars(select(Book).where(Book.id.in_([u.id for u in users])))
        )
        recs = sorted(
            (r.book_id, r.tbl, r.id, r.seq, r.version)
            for r in s.scalars(
                select(SyncRecord).where(SyncRecord.book_id.in_([u.id for u in users]))
            )
        )
        devices = sorted(
            (d.id, d.revoked_at is None)
            for d in s.scalars(
                select(Device).where(
                    Device.user_id.in_([u.id for u in users if u.username == office.leaver])
                )
            )
        )
        return seqs, recs, devices, sorted((u.username, u.active) for u in users)


def test_unassigned_records_refuse_the_whole_handover(
    office: Office, server: LiveServer, db: Database
) -> None:
    before = _snapshot(db, office)
    r = call(
        server.url,
        "/handover",
        _token(server, office.manager),
        {"leaver": office.leaver, "accounts": {office.ids["acc1"]: office.s1}},
    )
    assert r.status_code == 409 and r.json()["code"] == "unassigned"
    assert _snapshot(db, office) == before
    assert call(server.url, "/sync/pull", office.devices[0]["token"]).status_code == 200


def test_who_may_hand_over(office: Office, server: LiveServer, db: Database) -> None:
    other_team = db.team()
    outsider_manager = _token(server, db.user("manager", other_team))
    outsider = db.user("rep", other_team)
    body = {"leaver": office.leaver, "default_to": office.s1}
    before = _snapshot(db, office)

    def status(token: str, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        r = call(server.url, "/handover", token, request)
        return r.status_code, r.json()

    # A rep, even of the team, may not.
    assert status(_token(server, office.s1), body)[0] == 403
    # A manager of another team learns nothing: the same answer as for a made-up leaver.
    refused = status(outsider_manager, body)
    assert refused[0] == 403
    assert refused == status(
        outsider_manager, {"leaver": "nobody-" + _id(), "default_to": outsider}
    )
    assert office.leaver not in str(refused)
    manager = _token(server, office.manager)
    # The team's manager may not give the book outside the team...
    assert status(manager, {"leaver": office.leaver, "default_to": outsider})[0] == 403
    # ... nor to someone who does not exist or left, nor to the leaver.
    code, err = status(manager, {"leaver": office.leaver, "default_to": "nobody-" + _id()})
    assert (code, err["code"]) == (404, "no_user")
    code, err = status(manager, {"leaver": office.leaver, "default_to": office.leaver})
    assert (code, err["code"]) == (400, "invalid")
    code, err = status(
        manager, {"leaver": office.leaver, "accounts": {_id(): office.s1}, "default_to": office.s1}
    )
    assert (code, err["code"]) == (404, "not_found")
    assert _snapshot(db, office) == before
    # An admin may hand over anyone, to anyone (here across teams).
    r = call(
        server.url,
        "/handover",
        _token(server, db.user("admin")),
        {
            "leaver": office.leaver,
            "default_to": outsider,
            "deactivate": False,
            "revoke_devices": False,
        },
    )
    assert r.status_code == 200 and r.json()["successors"] == {outsider: 12}
    assert r.json()["revoked_devices"] == 0
    assert call(server.url, "/sync/pull", office.devices[0]["token"]).status_code == 200


def test_handover_from_the_cli(
    office: Office, server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    code = cli.main(
        [
            "--database-url",
            db.url,
            "handover",
            office.leaver,
            "--account",
            f"{office.ids['acc2']}={office.s2}",
            "--to",
            office.s1,
            "--keep-active",
        ]
    )
    bad = cli.main(["--database-url", db.url, "handover", office.leaver, "--account", "no-equals"])
    half = cli.main(["--database-url", db.url, "handover", office.leaver, "--keep-devices"])
    monkeypatch.undo()
    text = out.getvalue()
    assert code == 0, text
    assert f"{office.s1}\t10 records" in text and f"{office.s2}\t2 records" in text
    assert "12 records (2 accounts) handed over, 2 devices revoked" in text
    assert bad == 2 and "ACCOUNT_ID=NAME" in text
    assert half == 2 and "--keep-devices needs --keep-active" in text
    after = office.rows(db)
    assert after[office.ids["o2"]][0] == office.s2 and after[office.ids["o1"]][0] == office.s1
    with db.sessions() as s:
        leaver = s.scalar(select(User).where(User.username == office.leaver))
        assert leaver is not None and leaver.active
        entry = s.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "handover", AuditEntry.record_id == leaver.id
            )
        )
        assert entry is not None and entry.username.startswith("cli:")
    r = call(server.url, "/sync/pull", office.devices[1]["token"])
    assert r.status_code == 401 and r.json()["code"] == DEVICE_REVOKED
    # The conflict row about acc1 went with acc1 (counted in s1's 10).
    about_acc1 = [book for book, d in after.values() if d.get("record_id") == office.ids["acc1"]]
    assert about_acc1 == [office.s1]
