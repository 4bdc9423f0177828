"""Sign-in throttling against a real server on each backend: failures slow the address they come
from, never lock the user out; the usual address keeps working during an attack from elsewhere;
the administrator sees and clears throttled sign-ins.

The server runs on loopback, so the tests name the caller's address the way a reverse proxy does
(X-Forwarded-For from a trusted peer, here 127.0.0.1)."""

from __future__ import annotations

import io
import sys
import time

import httpx
import pytest

from crmdesk.server import cli, crud
from tests import http_calls
from tests.server.live import PASSWORD, Database, LiveServer, headers


def sign_in(server: LiveServer, user: str, password: str, address: str) -> httpx.Response:
    return http_calls.post(
        server.url + "/api/v1/enrol",
        json={"username": user, "password": password, "device_name": "t"},
        headers={**headers(), "X-Forwarded-For": address},
        timeout=30,
    )


def admin(db: Database, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    code = cli.main(["--database-url", db.url, *args])
    monkeypatch.undo()
    assert code == 0
    return out.getvalue()


def test_failures_slow_their_address_and_the_usual_one_keeps_working(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = db.user()
    home, attacker, laptop = "10.1.0.5", "10.66.0.66", "10.1.0.9"
    assert sign_in(server, user, PASSWORD, home).status_code == 200  # the usual address
    # Three free tries from the attacker's address, then each try must wait.
    for _ in range(3):
        assert sign_in(server, user, "wrong-pass", attacker).status_code == 401
    slowed = sign_in(server, user, "wrong-pass", attacker)
    assert slowed.status_code == 429
    body = slowed.json()
    assert body["code"] == "rate_limited" and body["retry_after"] >= 1
    assert slowed.headers["Retry-After"] == str(body["retry_after"])
    # Meanwhile the rep signs in from home, and from a new laptop elsewhere.
    assert sign_in(server, user, PASSWORD, home).status_code == 200
    assert sign_in(server, user, PASSWORD, laptop).status_code == 200
    # The attacker's address is slowed, not locked: after the wait the password works there.
    assert sign_in(server, user, PASSWORD, attacker).status_code == 429
    time.sleep(body["retry_after"] + 0.2)
    assert sign_in(server, user, PASSWORD, attacker).status_code == 200


def test_the_administrator_sees_and_clears_throttled_sign_ins(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = db.user()
    for _ in range(4):
        sign_in(server, user, "wrong-pass", "10.66.0.1")
    assert sign_in(server, user, "wrong-pass", "10.66.0.1").status_code == 429
    listed = [line for line in admin(db, monkeypatch, "throttled").splitlines() if user in line]
    assert len(listed) == 1 and "10.66.0.1" in listed[0] and "3 failures" in listed[0]
    assert "waits" in listed[0]
    assert "3 failed sign-ins" in admin(db, monkeypatch, "clear-throttle", user)
    assert sign_in(server, user, "wrong-pass", "10.66.0.1").status_code == 401  # not 429
    assert "1 failed sign-ins" in admin(
        db, monkeypatch, "clear-throttle", user, "--address", "10.66.0.1"
    )
    # A password reset clears them too.
    for _ in range(5):
        sign_in(server, user, "wrong-pass", "10.66.0.1")
    with db.sessions() as s, s.begin():
        crud.reset_password(s, username=user, password=PASSWORD)
    assert sign_in(server, user, PASSWORD, "10.66.0.1").status_code == 200


def test_an_attack_from_many_addresses_slows_new_addresses_not_the_usual_one(
    server: LiveServer, db: Database
) -> None:
    user = db.user()
    assert sign_in(server, user, PASSWORD, "10.2.0.5").status_code == 200
    # One guess from each of twenty addresses: each is free on its own...
    for n in range(20):
        assert sign_in(server, user, "wrong-pass", f"10.77.0.{n}").status_code == 401
    # ...but together they slow every address the user never signed in from,
    assert sign_in(server, user, PASSWORD, "10.77.1.1").status_code == 429
    # while the usual one is not slowed at all.
    assert sign_in(server, user, PASSWORD, "10.2.0.5").status_code == 200


def test_an_unknown_user_name_is_throttled_like_a_known_one(
    server: LiveServer, db: Database
) -> None:
    # The answers do not tell which user names exist.
    ghost, real = "ghost-" + db.unique("g"), db.user()
    answers = []
    for name in (ghost, real):
        codes = [sign_in(server, name, "wrong-pass", "10.88.0.1").status_code for _ in range(4)]
        answers.append(codes)
    assert answers[0] == answers[1] == [401, 401, 401, 429]
