"""Enrolment, tokens, passwords, rate limit, revocation, protocol negotiation and TLS — against
a real server process on each backend."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from crmdesk.server import cli, crud
from crmdesk.server.models import Device, User
from crmdesk.server.security import hash_token
from tests import http_calls
from tests.server.live import PASSWORD, Database, LiveServer, enrol, headers, start_server


def _post(
    server: LiveServer, path: str, token: str | None, body: dict | None = None
) -> httpx.Response:
    return http_calls.post(server.url + path, json=body or {}, headers=headers(token), timeout=30)


def test_enrol_gives_a_token_stored_only_as_a_hash(server: LiveServer, db: Database) -> None:
    user = db.user()
    e = enrol(server.url, user)
    assert len(e["token"]) == 64
    with db.sessions() as s:
        device = s.get(Device, e["device_id"])
        assert device is not None
        assert device.token_hash == hash_token(e["token"])
        assert e["token"] not in (device.token_hash, device.name)
        u = s.scalar(select(User).where(User.username == user))
        assert u is not None and u.password_hash.startswith("$argon2id$")
        assert PASSWORD not in u.password_hash
    r = http_calls.get(server.url + "/api/v1/status", headers=headers(e["token"]), timeout=10)
    assert r.status_code == 200 and r.json()["username"] == user


def test_wrong_password_and_unknown_user_look_the_same(server: LiveServer, db: Database) -> None:
    user = db.user()
    bad = _post(server, "/api/v1/enrol", None, {"username": user, "password": "nope-nope"})
    unknown = _post(server, "/api/v1/enrol", None, {"username": "ghost", "password": "nope-nope"})
    assert bad.status_code == unknown.status_code == 401
    assert bad.json() == unknown.json()
    assert "nope-nope" not in bad.text


def test_revoked_device_and_deactivated_user_are_refused(server: LiveServer, db: Database) -> None:
    user = db.user()
    e1, e2 = enrol(server.url, user), enrol(server.url, user)
    with db.sessions() as s, s.begin():
        crud.revoke_device(s, device_id=e1["device_id"])
    assert _post(server, "/api/v1/sync/pull", e1["token"]).status_code == 401
    assert _post(server, "/api/v1/sync/pull", e2["token"]).status_code == 200
    with db.sessions() as s, s.begin():
        crud.set_active(s, username=user, active=False)
    assert _post(server, "/api/v1/sync/pull", e2["token"]).status_code == 401
    assert _post(server, "/api/v1/sync/pull", "0" * 64).status_code == 401
    assert _post(server, "/api/v1/sync/pull", None).status_code == 401


def test_old_protocol_is_told_to_update(server: LiveServer, db: Database) -> None:
    e = enrol(server.url, db.user())
    r = http_calls.post(
        server.url + "/api/v1/sync/pull",
        json={},
        headers={"Authorization": f"Bearer {e['token']}", "X-Crmdesk-Protocol": "0"},
        timeout=10,
    )
    assert r.status_code == 426 and r.json()["code"] == "update_required"


def test_invalid_request_does_not_echo_the_password(server: LiveServer) -> None:
    r = _post(server, "/api/v1/enrol", None, {"username": "", "password": "s3cret-value"})
    assert r.status_code == 422
    assert "s3cret-value" not in r.text


def _cli(
    db: Database, *args: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """Run the admin CLI's entry point in this process (a subprocess costs seconds of imports)."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    code = cli.main(["--database-url", db.url, *args])
    monkeypatch.undo()
    return code, out.getvalue()


def test_admin_cli(server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    team = db.unique("cliteam")
    name = db.unique("cliuser")

    def run(*args: str, stdin: str = "") -> tuple[int, str]:
        return _cli(db, *args, stdin=stdin, monkeypatch=monkeypatch)

    assert run("create-team", team)[0] == 0
    code, out = run(
        "create-user",
        name,
        "--role",
        "manager",
        "--team",
        team,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0, out
    assert PASSWORD not in out
    assert run("create-user", name, "--password-stdin", stdin=PASSWORD + "\n")[0] == 2
    assert run("create-user", db.unique("x"), "--password-stdin", stdin="short\n")[0] == 2
    e = enrol(server.url, name)
    code, listing = run("list-devices", "--user", name)
    assert e["device_id"] in listing and "active" in listing
    assert e["token"] not in listing
    assert run("revoke-device", e["device_id"])[0] == 0
    assert "revoked" in run("list-devices", "--user", name)[1]
    assert (
        http_calls.get(server.url + "/api/v1/status", headers=headers(e["token"])).status_code
        == 401
    )
    assert run("reset-password", name, "--password-stdin", stdin="a new password\n")[0] == 0
    assert enrol(server.url, name, "a new password")["token"]
    users = run("list-users")[1]
    assert name in users and "manager" in users and team in users
    assert run("deactivate-user", name)[0] == 0
    with pytest.raises(httpx.HTTPStatusError):
        enrol(server.url, name, "a new password")
    assert PASSWORD not in server.log.read_text(errors="replace")


def test_cli_entry_point_runs_as_a_program(db: Database) -> None:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "crmdesk.server.cli",
            "--database-url",
            db.url,
            "create-team",
            db.unique("proc"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "team" in r.stdout


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_and_certificate_verification(
    db: Database, tls_files: tuple[Path, Path], tmp_path: Path
) -> None:
    from tests.sync.helpers import open_device

    cert, key = tls_files
    s = start_server(
        db.url, tmp_path / "tls.log", extra=("--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    )
    try:
        assert s.url.startswith("https://")
        user = db.user()
        d = open_device(tmp_path / "tls.crmdesk")
        try:
            from crmdesk.sync.client import SyncError

            with pytest.raises(SyncError) as refused:
                d.client.enrol(s.url, user, PASSWORD)  # a self-signed certificate: refused
            assert refused.value.code == "offline"
            d.client.enrol(s.url, user, PASSWORD, ca_file=str(cert))
            assert d.client.sync_once().pushed == 0
        finally:
            d.close()
    finally:
        s.stop()
