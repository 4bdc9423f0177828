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
    crmdesk-server handover LEAVER --to NAME [--account ACCOUNT_ID=NAME ...] [--keep-active]
                   [--keep-devices]
    crmdesk-server set-lease DAYS
    crmdesk-server list-quarantine [--user NAME] [--limit N]
    crmdesk-server check [--dry-run] [--unknown-tables]
    crmdesk-server throttled
    crmdesk-server clear-throttle NAME [--address ADDRESS]
    crmdesk-server audit verify
    crmdesk-server audit list [--user NAME] [--record ID] [--since DATE] [--limit N]
    crmdesk-server purge

Every command takes ``--database-url`` (else ``$CRMDESK_SERVER_DATABASE_URL``, else an SQLite file
in the platform's data directory). Passwords are asked for (or read from standard input), never
taken on the command line, where other users of the machine could see them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from sqlalchemy import make_url, select
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.core.errors import CrmdeskError
from crmdesk.server import audit, checking, crud, syncing, throttling
from crmdesk.server.config import Settings, get_settings
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.errors import ApiError
from crmdesk.server.handover import handover
from crmdesk.server.migrate import upgrade
from crmdesk.server.models import Device, Quarantine, User
from crmdesk.sync.protocol import HandoverRequest

DATABASE_ENV = "CRMDESK_SERVER_DATABASE_URL"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crmdesk-server",
        description="The crmdesk company server: run it (serve, the default) and administer it.",
    )
    p.add_argument("--database-url", help=f"SQLAlchemy URL (default: ${DATABASE_ENV} or SQLite)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("serve", help="run the server (the default)")
    s.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    s.add_argument("--port", type=int, default=8765, help="port (default: %(default)s)")
    s.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    s.add_argument("--ssl-certfile", help="TLS certificate (PEM); with --ssl-keyfile")
    s.add_argument("--ssl-keyfile", help="TLS private key (PEM)")
    s.add_argument("--log-level", default="warning", help="uvicorn's (default: %(default)s)")

    sub.add_parser("migrate", help="create or upgrade the database schema")
    t = sub.add_parser("create-team", help="make a team")
    t.add_argument("name", help="the team's name")
    u = sub.add_parser("create-user", help="make a user (asks for the password)")
    u.add_argument("username", help="the user's sign-in name")
    u.add_argument(
        "--role", choices=("rep", "manager", "admin"), default="rep", help="default: rep"
    )
    u.add_argument("--team", help="the team the user belongs to (a manager manages it)")
    u.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    r = sub.add_parser("reset-password", help="set a new password (clears sign-in throttling)")
    r.add_argument("username", help="whose password")
    r.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    d = sub.add_parser("deactivate-user", help="stop a user (a rep who left) and their devices")
    d.add_argument("username", help="who")
    sub.add_parser("list-users", help="every user: name, role, team, active or not")
    ld = sub.add_parser("list-devices", help="enrolled devices: id, user, name, state, last seen")
    ld.add_argument("--user", help="only this user's devices")
    rv = sub.add_parser("revoke-device", help="revoke a device: it wipes its book at next contact")
    rv.add_argument("device_id", help="from list-devices")
    ra = sub.add_parser("reassign", help="move an account and all on it to another user")
    ra.add_argument("account_id", help="the account's record id")
    ra.add_argument("--to", required=True, help="the new owner's user name")
    h = sub.add_parser("handover", help="pass a leaver's whole book to successors (离职交接)")
    h.add_argument("leaver", help="the user name of the rep who leaves")
    h.add_argument("--to", help="who receives every record not given per account")
    h.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="ACCOUNT_ID=NAME",
        help="give one account (with all on it) to NAME; repeatable",
    )
    h.add_argument("--keep-active", action="store_true", help="do not deactivate the leaver")
    h.add_argument(
        "--keep-devices",
        action="store_true",
        help="do not revoke their devices (with --keep-active)",
    )
    sl = sub.add_parser("set-lease", help="days a book may stay offline before it needs us")
    sl.add_argument("days", type=int, help="days")
    lq = sub.add_parser("list-quarantine", help="edits and records kept aside for review")
    lq.add_argument("--user", help="only this user's")
    lq.add_argument("--limit", type=int, default=100, help="newest N (default: %(default)s)")
    ck = sub.add_parser(
        "check", help="find stored records that break the record schema; move them to quarantine"
    )
    ck.add_argument("--dry-run", action="store_true", help="only report, move nothing")
    ck.add_argument(
        "--unknown-tables",
        action="store_true",
        help="also move records of tables this server does not know (else only counted)",
    )
    sub.add_parser("throttled", help="sign-ins slowed after failures: user, address, count, wait")
    ct = sub.add_parser("clear-throttle", help="forget a user's failed sign-ins")
    ct.add_argument("username", help="whose")
    ct.add_argument("--address", help="only the failures from this address")
    au = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", metavar="ACTION"
    )
    au.required = True
    au.add_parser("verify", help="check the hash chain (exit 1 naming the first bad entry)")
    al = au.add_parser("list", help="entries, newest last")
    al.add_argument("--user", help="user name or id")
    al.add_argument("--record", help="record id")
    al.add_argument("--since", type=_date, help="YYYY-MM-DD or an ISO datetime (UTC)")
    al.add_argument("--limit", type=int, default=100, help="newest N (default: %(default)s)")
    sub.add_parser("purge", help="remove tombstones every active device has applied")
    return p


def _worker_parser() -> argparse.ArgumentParser:
    """``serve-worker``: one child of a multi-worker ``serve`` (internal; not in --help)."""
    w = argparse.ArgumentParser(prog="crmdesk-server serve-worker")
    w.add_argument("--fd", type=int, required=True)
    w.add_argument("--ssl-certfile")
    w.add_argument("--ssl-keyfile")
    w.add_argument("--log-level", default="warning")
    return w


def _date(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _account_map(pairs: list[str]) -> dict[str, str]:
    accounts: dict[str, str] = {}
    for pair in pairs:
        account, sep, name = pair.partition("=")
        if not sep or not account.strip() or not name.strip():
            raise CrmdeskError(f"--account wants ACCOUNT_ID=NAME, not {pair!r}", code="invalid")
        accounts[account.strip()] = name.strip()
    return accounts


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
    scheme = "https" if args.ssl_certfile else "http"
    host = f"[{args.host}]" if ":" in args.host else args.host
    database = make_url(settings.resolved_database_url()).render_as_string(hide_password=True)
    sys.stdout.write(
        f"crmdesk-server: listening on {scheme}://{host}:{args.port} "
        f"({args.workers} worker{'s' if args.workers != 1 else ''}), database {database}\n"
    )
    sys.stdout.flush()
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


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


CLI_ADMIN = User(id="cli", username="cli", role="admin", password_hash="")


def _handover(session: Session, args: argparse.Namespace, out: TextIO) -> None:
    if args.keep_devices and not args.keep_active:
        raise CrmdeskError(
            "--keep-devices needs --keep-active: a deactivated user's devices are revoked",
            code="invalid",
        )
    request = HandoverRequest(
        leaver=args.leaver,
        default_to=args.to,
        accounts=_account_map(args.account),
        revoke_devices=not args.keep_devices,
        deactivate=not args.keep_active,
    )
    answer = handover(session, actor=CLI_ADMIN, request=request)
    for name, count in sorted(answer.successors.items()):
        out.write(f"{name}\t{count} records\n")
    out.write(
        f"{args.leaver}: {answer.moved} records ({answer.accounts} accounts) handed over, "
        f"{answer.revoked_devices} devices revoked"
        + ("" if args.keep_active else ", deactivated")
        + "\n"
    )


def _list_quarantine(session: Session, args: argparse.Namespace, out: TextIO) -> None:
    stmt = (
        select(Quarantine, User.username, Device.name)
        .outerjoin(User, User.id == Quarantine.user_id)
        .outerjoin(Device, Device.id == Quarantine.device_id)
    )
    if args.user:
        stmt = stmt.where(User.username == args.user)
    rows = session.execute(stmt.order_by(Quarantine.id.desc()).limit(args.limit)).all()
    for q, username, device_name in reversed(rows):
        at = q.received_at.isoformat(timespec="seconds")
        fields = ",".join(sorted(q.mutation.get("fields", {})))
        device = f"{q.device_id} ({device_name})" if q.device_id else "-"
        # What is wrong, by field and code only (the reason may quote the customer's data).
        wrong = ",".join(f"{p['field'] or '*'}:{p['code']}" for p in q.problems or [])
        out.write(
            f"{at}\t{username or 'company'}\t{device}\t{q.tbl}\t{q.record_id}\t"
            f"{q.reason}\t{fields}" + (f"\t{wrong}" if wrong else "") + "\n"
        )


def _check(sessions: sessionmaker[Session], args: argparse.Namespace, out: TextIO) -> None:
    report = checking.check(sessions, move=not args.dry_run, unknown_tables=args.unknown_tables)
    for f in report.moved:
        wrong = "; ".join(f"{p.field or 'record'}: {p.reason}" for p in f.problems)
        out.write(f"{f.book}\t{f.tbl}\t{f.record_id}\t{wrong}\n")
    verb = "would move" if args.dry_run else "moved"
    out.write(
        f"checked {report.checked} records: {verb} {len(report.moved)} to quarantine"
        + ("" if args.dry_run or not report.moved else " (see list-quarantine)")
        + "\n"
    )
    for tbl, count in sorted(report.unknown_tables.items()):
        kept = "moved" if args.unknown_tables and not args.dry_run else "kept"
        out.write(f"{count} records of table {tbl!r}, unknown to this server: {kept}\n")


def _throttled(session: Session, settings: Settings, out: TextIO) -> None:
    rows = throttling.throttled(session, settings=settings)
    for t in rows:
        at = t.last_at.isoformat(timespec="seconds")
        wait = f"waits {t.wait_seconds} s" if t.wait_seconds else "not slowed now"
        out.write(f"{t.username}\t{t.address or '-'}\t{t.failures} failures\tlast {at}\t{wait}\n")
    if not rows:
        out.write("no failed sign-ins in the window\n")


def _audit_list(session: Session, args: argparse.Namespace, out: TextIO) -> None:
    for e in audit.entries(
        session, user=args.user, record_id=args.record, since=args.since, limit=args.limit
    ):
        at = e.at.isoformat(timespec="seconds")
        detail = json.dumps(e.detail, ensure_ascii=False, sort_keys=True)
        out.write(
            f"{e.chain}/{e.n}\t{at}\t{e.username}\t{e.device_id or '-'}\t{e.action}\t"
            f"{e.tbl or '-'}\t{e.record_id or '-'}\t{detail}\n"
        )


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["serve-worker"]:
        _serve_worker(_worker_parser().parse_args(given[1:]))
        return 0
    args = _parser().parse_args(given)
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
                args = _parser().parse_args([*given, "serve"])
            return _serve(args, settings)
        sessions = _sessions(settings)
        if command == "audit" and args.audit_command == "verify":
            with sessions() as session:
                verdict = audit.verify(session)
            if not verdict.ok:
                sys.stderr.write(f"crmdesk-server: audit chain broken: {verdict.problem}\n")
                return 1
            chains = f" in {verdict.chains} chains" if verdict.chains > 1 else ""
            out.write(f"chain intact, {verdict.count} entries{chains}, head {verdict.head}\n")
            return 0
        with sessions() as session, session.begin():
            audit.set_actor(session, audit.Actor(None, f"cli:{_os_user()}"))
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
                revoked = crud.set_active(session, username=args.username, active=False)
                out.write(f"{args.username} deactivated, {revoked} devices revoked\n")
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
                moved = syncing.reassign(
                    session, actor=CLI_ADMIN, account_id=args.account_id, to_username=args.to
                )
                out.write(f"moved {moved} records to {args.to}\n")
            elif command == "handover":
                _handover(session, args, out)
            elif command == "set-lease":
                crud.set_lease_days(session, days=args.days)
                out.write(f"lease set to {args.days} days (devices learn it at their next sync)\n")
            elif command == "list-quarantine":
                _list_quarantine(session, args, out)
            elif command == "throttled":
                _throttled(session, settings, out)
            elif command == "clear-throttle":
                cleared = throttling.clear(session, username=args.username, address=args.address)
                out.write(f"{cleared} failed sign-ins of {args.username} forgotten\n")
            elif command == "audit":
                _audit_list(session, args, out)
        if command == "check":
            _check(sessions, args, out)
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
