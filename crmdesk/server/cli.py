"""``crmdesk-server``: run the company server and administer it.

    crmdesk-server [serve] [--host H] [--port P] [--workers N] [--ssl-certfile F --ssl-keyfile F]
    crmdesk-server migrate
    crmdesk-server create-team NAME
    crmdesk-server create-user NAME --role rep|manager|admin [--team T] [--password-stdin]
    crmdesk-server reset-password NAME [--password-stdin]
    crmdesk-server deactivate-user NAME
    crmdesk-server list-users
    crmdesk-server list-devices [--user NAME]
    crmdesk-server revoke-device DEVICE_ID
    crmdesk-server reassign ACCOUNT_ID --to NAME
    crmdesk-server purge

Every command takes ``--database-url`` (else ``$CRMDESK_SERVER_DATABASE_URL``, else an SQLite file
in the platform's data directory). Passwords are asked for (or read from standard input), never
taken on the command line, where other users of the machine could see them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from crmdesk.core.errors import CrmdeskError
from crmdesk.server import crud, syncing
from crmdesk.server.config import Settings, get_settings
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.errors import ApiError
from crmdesk.server.migrate import upgrade
from crmdesk.server.models import User

DATABASE_ENV = "CRMDESK_SERVER_DATABASE_URL"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="crmdesk-server", description="The crmdesk company server.")
    p.add_argument("--database-url", help=f"SQLAlchemy URL (default: ${DATABASE_ENV} or SQLite)")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("serve", help="run the server (the default)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--ssl-certfile")
    s.add_argument("--ssl-keyfile")
    s.add_argument("--log-level", default="warning")

    w = sub.add_parser("serve-worker", help=argparse.SUPPRESS)
    w.add_argument("--fd", type=int, required=True)
    w.add_argument("--ssl-certfile")
    w.add_argument("--ssl-keyfile")
    w.add_argument("--log-level", default="warning")

    sub.add_parser("migrate", help="create or upgrade the database schema")
    t = sub.add_parser("create-team", help="make a team")
    t.add_argument("name")
    u = sub.add_parser("create-user", help="make a user (asks for the password)")
    u.add_argument("username")
    u.add_argument("--role", choices=("rep", "manager", "admin"), default="rep")
    u.add_argument("--team")
    u.add_argument("--password-stdin", action="store_true")
    r = sub.add_parser("reset-password", help="set a new password")
    r.add_argument("username")
    r.add_argument("--password-stdin", action="store_true")
    d = sub.add_parser("deactivate-user", help="stop a user (a rep who left) and their devices")
    d.add_argument("username")
    sub.add_parser("list-users")
    ld = sub.add_parser("list-devices")
    ld.add_argument("--user")
    rv = sub.add_parser("revoke-device")
    rv.add_argument("device_id")
    ra = sub.add_parser("reassign", help="move an account and all on it to another user")
    ra.add_argument("account_id")
    ra.add_argument("--to", required=True)
    sub.add_parser("purge", help="remove tombstones every active device has applied")
    return p


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise CrmdeskError("the passwords differ", code="invalid")
    return first


def _sessions(settings: Settings) -> sessionmaker[Session]:
    engine = make_engine(settings.resolved_database_url(), pool_size=2)
    upgrade(engine)
    return make_sessions(engine)


APP = "crmdesk.server.api.main:create_app"


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    engine = make_engine(settings.resolved_database_url(), pool_size=1)
    upgrade(engine)
    engine.dispose()
    if args.workers <= 1 or sys.platform == "win32":
        uvicorn.run(
            APP,
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            ssl_certfile=args.ssl_certfile,
            ssl_keyfile=args.ssl_keyfile,
            log_level=args.log_level,
        )
        return 0
    return _prefork(args)


def _prefork(args: argparse.Namespace) -> int:
    """Several worker processes accepting on one listening socket.

    WORKAROUND: uvicorn's own ``--workers`` hands its children a socket on which answers leave
    late: every response then waits out the client's delayed ACK (about 40 ms on Linux; see
    Stuart Cheshire, http://www.stuartcheshire.org/papers/NagleDelayedAck/). Here the parent
    binds the socket with TCP_NODELAY (inherited by accepted connections) and each child runs
    one plain uvicorn server on it.
    """
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((args.host, args.port))
    sock.listen(2048)
    sock.set_inheritable(True)
    command = [
        sys.executable,
        "-m",
        "crmdesk.server.cli",
        "serve-worker",
        "--fd",
        str(sock.fileno()),
        "--log-level",
        args.log_level,
    ]
    if args.ssl_certfile:
        command += ["--ssl-certfile", args.ssl_certfile, "--ssl-keyfile", args.ssl_keyfile]
    children = [subprocess.Popen(command, pass_fds=[sock.fileno()]) for _ in range(args.workers)]
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for child in children:
            if child.poll() is None:
                child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while not stopping and all(c.poll() is None for c in children):
            time.sleep(0.2)
    finally:
        stop(signal.SIGTERM, None)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        sock.close()
    return 0 if stopping else 1


def _serve_worker(args: argparse.Namespace) -> None:
    import uvicorn

    sock = socket.socket(fileno=args.fd)
    config = uvicorn.Config(
        APP,
        factory=True,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        log_level=args.log_level,
    )
    uvicorn.Server(config).run(sockets=[sock])


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.database_url:
        # Through the environment, so every uvicorn worker process reads the same one.
        os.environ[DATABASE_ENV] = args.database_url
        get_settings.cache_clear()
    settings = get_settings()
    command = args.command or "serve"
    out = sys.stdout
    try:
        if command == "serve":
            if args.command is None:
                args = _parser().parse_args([*(argv or sys.argv[1:]), "serve"])
            return _serve(args, settings)
        if command == "serve-worker":
            _serve_worker(args)
            return 0
        sessions = _sessions(settings)
        with sessions() as session, session.begin():
            if command == "migrate":
                out.write("database is current\n")
            elif command == "create-team":
                team = crud.create_team(session, name=args.name)
                out.write(f"team {team.name} ({team.id})\n")
            elif command == "create-user":
                user = crud.create_user(
                    session,
                    username=args.username,
                    password=_password(args.password_stdin),
                    role=args.role,
                    team=args.team,
                )
                out.write(f"user {user.username} ({user.role}, {user.id})\n")
            elif command == "reset-password":
                crud.reset_password(
                    session, username=args.username, password=_password(args.password_stdin)
                )
                out.write(f"password of {args.username} changed\n")
            elif command == "deactivate-user":
                crud.set_active(session, username=args.username, active=False)
                out.write(f"{args.username} deactivated\n")
            elif command == "list-users":
                for user, team_name in crud.list_users(session):
                    state = "active" if user.active else "inactive"
                    out.write(f"{user.username}\t{user.role}\t{team_name or '-'}\t{state}\n")
            elif command == "list-devices":
                for device, username in crud.list_devices(session, username=args.user):
                    state = "revoked" if device.revoked_at else "active"
                    seen = device.last_seen_at.isoformat(timespec="seconds")
                    out.write(f"{device.id}\t{username}\t{device.name}\t{state}\tseen {seen}\n")
            elif command == "revoke-device":
                device = crud.revoke_device(session, device_id=args.device_id)
                out.write(f"device {device.id} revoked\n")
            elif command == "reassign":
                admin = User(id="cli", username="cli", role="admin", password_hash="")
                moved = syncing.reassign(
                    session, actor=admin, account_id=args.account_id, to_username=args.to
                )
                out.write(f"moved {moved} records to {args.to}\n")
        if command == "purge":
            horizons = syncing.purge(sessions, inactive_days=settings.inactive_days)
            out.write(f"purged below the horizon of {len(horizons)} books\n")
    except ApiError as exc:
        sys.stderr.write(f"crmdesk-server: {exc.message}\n")
        return 2
    except CrmdeskError as exc:
        sys.stderr.write(f"crmdesk-server: {exc.message}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
