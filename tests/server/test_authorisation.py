"""Authorisation matrix: every endpoint x every role x a record of someone else.

The owner is a rep of team T with an account and a contact on the server. Each actor then tries
every endpoint on them. What an actor may not read must not show up anywhere: not in pulls, not
in counts or cursors, not in push answers, not in error messages.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import select

from crmdesk.server.models import Quarantine, SyncRecord
from crmdesk.sync.protocol import COMPANY_BOOK
from tests import http_calls
from tests.server.live import Database, LiveServer, enrol, headers


@dataclass
class World:
    owner: dict[str, str]
    account: str
    contact: str
    actors: dict[str, str]  # role name -> user name
    url: str

    def device(self, actor: str) -> dict[str, str]:
        """A fresh device of the actor, so push sequences start at 1 in every test."""
        return enrol(self.url, self.actors[actor])


ROW = {"name": "secret account 机密", "status": "existing", "notes": "the owner's notes"}


def _push(url: str, e: dict[str, str], mutations: list[dict], acked: int = 0) -> httpx.Response:
    return http_calls.post(
        url + "/api/v1/sync/push",
        headers=headers(e["token"]),
        json={"acked_through": acked, "mutations": mutations},
        timeout=30,
    )


def _pull_all(url: str, e: dict[str, str]) -> dict:
    r = http_calls.post(url + "/api/v1/sync/pull", headers=headers(e["token"]), json={}, timeout=30)
    assert r.status_code == 200
    return r.json()


def make_world(server: LiveServer, db: Database) -> World:
    team, other_team = db.team(), db.team()
    owner = enrol(server.url, db.user("rep", team))
    account, contact = str(uuid.uuid4()), str(uuid.uuid4())
    r = _push(
        server.url,
        owner,
        [
            {"seq": 1, "tbl": "accounts", "id": account, "fields": ROW, "row": ROW},
            {
                "seq": 2,
                "tbl": "contacts",
                "id": contact,
                "fields": {"name": "张三", "account_id": account},
                "row": {"name": "张三", "account_id": account},
            },
        ],
    )
    assert r.status_code == 200, r.text
    actors = {
        "rep_same_team": db.user("rep", team),
        "rep_other_team": db.user("rep", other_team),
        "manager_of_team": db.user("manager", team),
        "manager_other_team": db.user("manager", other_team),
        "admin": db.user("admin"),
    }
    return World(owner, account, contact, actors, server.url)


@pytest.fixture(scope="module")
def world(server: LiveServer, db: Database) -> World:
    """Shared by the tests that change nothing of the owner's."""
    return make_world(server, db)


@pytest.fixture
def fresh_world(server: LiveServer, db: Database) -> World:
    return make_world(server, db)


READERS = {"manager_of_team", "admin"}
ACTORS = ["rep_same_team", "rep_other_team", "manager_of_team", "manager_other_team", "admin"]


@pytest.mark.parametrize("actor", ACTORS)
def test_pull_status_and_wait_show_only_the_scope(
    world: World, server: LiveServer, actor: str
) -> None:
    e = world.device(actor)
    page = _pull_all(server.url, e)
    ids = {c["id"] for c in page["changes"]}
    text = http_calls.post(
        server.url + "/api/v1/sync/pull", headers=headers(e["token"]), json={}, timeout=30
    ).text
    owner_book = world.owner["book_id"]
    status = http_calls.get(server.url + "/api/v1/status", headers=headers(e["token"]), timeout=30)
    if actor in READERS:
        assert {world.account, world.contact} <= ids
        assert owner_book in page["cursor"] and owner_book in status.json()["books"]
    else:
        assert world.account not in ids and world.contact not in ids
        assert world.account not in text and "secret account" not in text
        assert owner_book not in page["cursor"] and owner_book not in status.text
        if actor.startswith("rep"):
            assert set(page["cursor"]) == {e["book_id"], COMPANY_BOOK}
    # Waiting on a cursor that claims the owner's book reveals nothing either.
    w = http_calls.post(
        server.url + "/api/v1/sync/wait",
        headers=headers(e["token"]),
        json={"cursor": page["cursor"], "timeout": 0},
        timeout=30,
    )
    assert w.status_code == 200 and w.json() == {"changed": False}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("kind", ["edit", "delete", "child"])
def test_writes_to_someone_elses_record_are_never_applied(
    world: World, server: LiveServer, db: Database, actor: str, kind: str
) -> None:
    e = world.device(actor)
    if kind == "edit":
        m = {
            "seq": 1,
            "tbl": "accounts",
            "id": world.account,
            "fields": {"notes": "hijack"},
            "base_version": 1,
        }
    elif kind == "delete":
        m = {
            "seq": 1,
            "tbl": "accounts",
            "id": world.account,
            "fields": {"deleted": True},
            "base_version": 1,
        }
    else:
        child = {"name": "spy", "account_id": world.account}
        m = {"seq": 1, "tbl": "contacts", "id": str(uuid.uuid4()), "fields": child, "row": child}
    r = _push(server.url, e, [m])
    assert r.status_code == 200
    result = r.json()["results"][0]
    with db.sessions() as s:
        owner_rec = s.get(SyncRecord, (world.owner["book_id"], "accounts", world.account))
        assert owner_rec is not None
        assert owner_rec.data["notes"] == "the owner's notes" and not owner_rec.deleted
        spies = s.scalars(
            select(SyncRecord).where(
                SyncRecord.book_id == world.owner["book_id"], SyncRecord.tbl == "contacts"
            )
        ).all()
        assert [c.id for c in spies] == [world.contact]
    if actor in READERS:
        # Readers see the record, may not write it: kept in quarantine, the row handed back.
        assert result["status"] == "quarantined"
        with db.sessions() as s:
            q = s.scalars(select(Quarantine).where(Quarantine.device_id == e["device_id"])).all()
            assert len(q) == 1 and q[0].mutation["fields"] == m["fields"]
        if kind != "child":
            assert result["current"]["data"]["notes"] == "the owner's notes"
    else:
        # Outside the scope: exactly what a never-seen id gets (a record of the writer's own,
        # or a request for the whole row). Nothing of the owner's record comes back.
        assert result["status"] in ("applied", "need_row")
        assert result["current"] is None and not result["gone"]
        assert "secret" not in r.text and "owner's notes" not in r.text


@pytest.mark.parametrize("actor", ACTORS)
def test_restore_check_and_reassign_reveal_nothing(
    fresh_world: World, server: LiveServer, db: Database, actor: str
) -> None:
    world = fresh_world
    e = world.device(actor)
    r = http_calls.post(
        server.url + "/api/v1/sync/restore-check",
        headers=headers(e["token"]),
        json={"records": [["accounts", world.account, 1], ["accounts", str(uuid.uuid4()), 1]]},
        timeout=30,
    )
    assert r.status_code == 200
    behind = r.json()["behind"]
    assert [b[2] for b in behind] == [0, 0]  # both "unknown" to a non-owner, whatever exists
    target = db.user("rep")
    r = http_calls.post(
        server.url + "/api/v1/reassign",
        headers=headers(e["token"]),
        json={"account_id": world.account, "to_user": target},
        timeout=30,
    )
    missing = http_calls.post(
        server.url + "/api/v1/reassign",
        headers=headers(e["token"]),
        json={"account_id": str(uuid.uuid4()), "to_user": target},
        timeout=30,
    )
    assert "secret" not in r.text
    if actor == "admin":
        assert r.status_code == 200 and r.json()["moved"] == 2
    elif actor == "manager_of_team":
        assert r.status_code == 403  # may read it, may not give it outside the team
    else:
        # Same answer as for an id that exists nowhere.
        assert r.status_code == missing.status_code == 404
        assert r.json() == missing.json()


def test_owner_and_manager_can_do_their_jobs(
    world: World, server: LiveServer, db: Database
) -> None:
    r = _push(
        server.url,
        world.owner,
        [
            {
                "seq": 3,
                "tbl": "accounts",
                "id": world.account,
                "fields": {"notes": "mine"},
                "base_version": 1,
            }
        ],
        acked=2,
    )
    assert r.json()["results"][0]["status"] == "applied"
    # A manager hands the account to another rep of the team.
    team_rep = db.user("rep", None)
    with db.sessions() as s:
        from crmdesk.server.models import User

        owner = s.get(User, world.owner["user_id"])
        assert owner is not None
        team_id = owner.team_id
    with db.sessions() as s, s.begin():
        new_rep = s.scalar(select(User).where(User.username == team_rep))
        assert new_rep is not None
        new_rep.team_id = team_id
    m = world.device("manager_of_team")
    r = http_calls.post(
        server.url + "/api/v1/reassign",
        headers=headers(m["token"]),
        json={"account_id": world.account, "to_user": team_rep},
        timeout=30,
    )
    assert r.status_code == 200 and r.json()["moved"] == 2
    # The old owner's later write is quarantined, and they are told the record is gone.
    r = _push(
        server.url,
        world.owner,
        [
            {
                "seq": 4,
                "tbl": "accounts",
                "id": world.account,
                "fields": {"notes": "too late"},
                "base_version": 2,
            }
        ],
        acked=3,
    )
    assert r.json()["results"][0]["status"] == "quarantined" and r.json()["results"][0]["gone"]
    ids = {c["id"] for c in _pull_all(server.url, world.owner)["changes"]}
    assert world.account not in ids
