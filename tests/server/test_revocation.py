"""Revocation: a revoked device (or one of a deactivated user) is told so on every call, and
what it still pushes is kept in quarantine, not applied, not lost. Who may revoke whose device,
and who sees whom in /team."""

from __future__ import annotations

import io
import sys
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from crmdesk.server import cli, crud
from crmdesk.server.models import Device, Quarantine, SyncRecord
from crmdesk.sync.protocol import DEVICE_REVOKED
from tests import http_calls
from tests.server.live import Database, LiveServer, enrol, headers
from tests.server.wire import call, create, push

ROUTES = [
    "/sync/push",
    "/sync/pull",
    "/sync/wait",
    "/sync/restore-check",
    "/reassign",
    "/team",
    "/handover",
    "/devices/revoke",
    "/audit/events",
]
BODIES: dict[str, dict[str, Any]] = {
    "/sync/push": {"mutations": []},
    "/sync/wait": {"timeout": 0},
    "/sync/restore-check": {"records": []},
    "/reassign": {"account_id": "x", "to_user": "y"},
    "/handover": {"leaver": "x", "default_to": "y"},
    "/devices/revoke": {"device_id": "x"},
    "/audit/events": {"events": []},
}


def _codes(server: LiveServer, token: str) -> set[tuple[int, str]]:
    answers = {
        (r.status_code, r.json()["code"])
        for r in (call(server.url, path, token, BODIES.get(path)) for path in ROUTES)
    }
    status = http_calls.get(server.url + "/api/v1/status", headers=headers(token), timeout=30)
    return answers | {(status.status_code, status.json()["code"])}


def test_revoked_device_is_told_on_every_route(server: LiveServer, db: Database) -> None:
    user = db.user()
    e1, e2 = enrol(server.url, user), enrol(server.url, user)
    with db.sessions() as s, s.begin():
        crud.revoke_device(s, device_id=e1["device_id"])
    assert _codes(server, e1["token"]) == {(401, DEVICE_REVOKED)}
    assert call(server.url, "/sync/pull", e2["token"]).status_code == 200
    # An unknown token learns nothing more than before.
    assert _codes(server, "0" * 64) == {(401, "unauthorised")}
    # Deactivating the user stops (and revokes) every other device too.
    with db.sessions() as s, s.begin():
        assert crud.set_active(s, username=user, active=False) == 1
    assert _codes(server, e2["token"]) == {(401, DEVICE_REVOKED)}
    with db.sessions() as s:
        revoked = s.scalars(select(Device.revoked_at).where(Device.id == e2["device_id"])).one()
        assert revoked is not None


def test_push_from_a_revoked_device_is_quarantined(server: LiveServer, db: Database) -> None:
    user = db.user()
    e = enrol(server.url, user)
    first = str(uuid.uuid4())
    assert push(server.url, e, [create(1, "accounts", first, {"name": "kept"})]).status_code == 200
    with db.sessions() as s, s.begin():
        crud.set_active(s, username=user, active=False)
    late = str(uuid.uuid4())
    mutations = [
        create(1, "accounts", first, {"name": "kept"}),  # already applied: not kept twice
        create(2, "accounts", late, {"name": "written offline"}),
        {"seq": 3, "tbl": "accounts", "id": first, "base_version": 1, "fields": {"notes": "x"}},
    ]
    for _ in range(2):  # a retried push keeps each mutation once
        r = push(server.url, e, mutations, acked=1)
        assert r.status_code == 401 and r.json()["code"] == DEVICE_REVOKED
    with db.sessions() as s:
        kept = s.scalars(
            select(Quarantine)
            .where(Quarantine.device_id == e["device_id"])
            .order_by(Quarantine.seq)
        ).all()
        assert [(q.seq, q.record_id, q.reason) for q in kept] == [
            (2, late, "revoked"),
            (3, first, "revoked"),
        ]
        assert kept[0].mutation["fields"] == {"name": "written offline"}
        assert s.scalar(select(SyncRecord).where(SyncRecord.id == late)) is None
        applied = s.scalar(select(SyncRecord).where(SyncRecord.id == first))
        assert applied is not None and "notes" not in applied.data


def test_list_quarantine_in_the_cli(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = db.user()
    e = enrol(server.url, user)
    with db.sessions() as s, s.begin():
        crud.revoke_device(s, device_id=e["device_id"])
    rid = str(uuid.uuid4())
    push(server.url, e, [create(1, "contacts", rid, {"name": "王五", "phones": "123"})])
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = cli.main(["--database-url", db.url, "list-quarantine", "--user", user])
    monkeypatch.undo()
    lines = out.getvalue().splitlines()
    assert code == 0 and len(lines) == 1
    assert [user, "contacts", rid, "revoked"] == [lines[0].split("\t")[i] for i in (1, 3, 4, 5)]
    assert e["device_id"] in lines[0] and "name,phones" in lines[0]
    assert "王五" not in lines[0]  # field names for review, not the customer's data


@pytest.fixture(scope="module")
def people(server: LiveServer, db: Database) -> dict[str, str]:
    team, other = db.team(), db.team()
    return {
        "rep": db.user("rep", team),
        "teammate": db.user("rep", team),
        "manager": db.user("manager", team),
        "other_manager": db.user("manager", other),
        "other_rep": db.user("rep", other),
        "admin": db.user("admin"),
    }


@pytest.mark.parametrize(
    ("actor", "owner", "allowed"),
    [
        ("rep", "rep", True),
        ("rep", "teammate", False),
        ("manager", "rep", True),
        ("manager", "other_rep", False),
        ("other_manager", "rep", False),
        ("admin", "other_rep", True),
    ],
)
def test_who_may_revoke_a_device(
    server: LiveServer, people: dict[str, str], actor: str, owner: str, allowed: bool
) -> None:
    actor_device = enrol(server.url, people[actor])
    target = actor_device if actor == owner else enrol(server.url, people[owner])
    r = call(
        server.url, "/devices/revoke", actor_device["token"], {"device_id": target["device_id"]}
    )
    made_up = call(server.url, "/devices/revoke", actor_device["token"], {"device_id": "nope"})
    after = call(server.url, "/sync/pull", target["token"])
    if allowed:
        assert r.status_code == 200 and r.json() == {"revoked": True}
        assert after.status_code == 401 and after.json()["code"] == DEVICE_REVOKED
    else:
        # Refused exactly as a made-up device id is: nothing learnt about the device.
        assert r.status_code == 403 and r.json() == made_up.json()
        assert after.status_code == 200
    if actor == "admin":
        assert made_up.status_code == 404


def test_team_shows_whom_the_caller_manages(server: LiveServer, people: dict[str, str]) -> None:
    def members(actor: str) -> dict[str, dict]:
        r = call(server.url, "/team", enrol(server.url, people[actor])["token"])
        assert r.status_code == 200
        return {m["username"]: m for m in r.json()["members"]}

    assert set(members("rep")) == {people["rep"]}
    team = members("manager")
    assert set(team) == {people["rep"], people["teammate"], people["manager"]}
    assert all(m["devices"] for m in team.values())  # each enrolled at least one above
    device = team[people["manager"]]["devices"][0]
    assert set(device) == {"id", "name", "last_seen_at", "revoked"}
    other = members("other_manager")
    assert people["rep"] not in other and people["other_rep"] in other
    assert set(people.values()) <= set(members("admin"))
