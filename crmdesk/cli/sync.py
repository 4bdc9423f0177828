"""``crmdesk enrol`` and ``crmdesk sync``: the book and the company server, from a terminal.

``enrol`` signs this book in once (the password from ``$CRMDESK_SYNC_PASSWORD`` or asked for
without echo); ``sync`` pushes and pulls once, ``sync --status`` only says how things stand. A
device the server revoked is wiped by the sync itself (``crmdesk.sync.wipe``); the command then
says so and exits with its own code (docs/cli.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from crmdesk.cli.context import Context, Output
from crmdesk.core.errors import ValidationError

PASSWORD_ENV = "CRMDESK_SYNC_PASSWORD"


def _password() -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise ValidationError(
            f"no password: set {PASSWORD_ENV} or run at a terminal", field="password"
        )
    import getpass  # here: only enrolling asks

    return getpass.getpass("Password on the sync server: ")


def enrol(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.sync.client import SyncClient

    url = str(args.server).strip()
    if not url.startswith(("http://", "https://")):
        raise ValidationError("write the address with http:// or https://", field="server")
    client = SyncClient(ctx.book)
    try:
        client.enrol(url, args.user, _password(), ca_file=args.ca_file)
        status = client.status()
    finally:
        client.close()
    data = {"server": status.server_url, "username": status.username, "role": status.role}
    return Output(data, f"Enrolled with {status.server_url} as {status.username}.")


def sync(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.sync.client import SyncClient

    client = SyncClient(ctx.book)
    try:
        report = None if args.status else client.sync_once()
        status = client.status()
    finally:
        client.close()
    data: dict[str, Any] = {
        "enrolled": status.enrolled,
        "server": status.server_url,
        "username": status.username,
        "last_sync_at": status.last_sync_at.isoformat() if status.last_sync_at else None,
        "lease_until": status.lease_until.isoformat() if status.lease_until else None,
        "pending": status.pending,
        "open_conflicts": status.open_conflicts,
        "rejected": len(status.rejected),
        "set_aside": [{"table": t, "id": i, "reason": r} for t, i, r in status.set_aside],
        "pending_audit": status.pending_audit,
    }
    lines = []
    if report is not None:
        data["report"] = {
            "pushed": report.pushed,
            "pulled": report.pulled,
            "conflicts": report.conflicts,
            "quarantined": report.quarantined,
        }
        lines.append(
            f"Synced: {report.pushed} pushed, {report.pulled} pulled, "
            f"{report.conflicts} conflicts, {report.quarantined} quarantined."
        )
    if not status.enrolled:
        lines.append("This book is not enrolled with a server (crmdesk enrol).")
    else:
        lease = status.lease_until.astimezone().date().isoformat() if status.lease_until else "-"
        lines.append(
            f"{status.username} at {status.server_url}; {status.pending} pending, "
            f"{status.open_conflicts} open conflicts; opens offline until {lease}."
        )
        if status.set_aside:
            lines.append(
                f"{len(status.set_aside)} pulled records set aside (this book could not take "
                "them; the rest synced):"
            )
            for t, i, r in status.set_aside[:SHOWN_SET_ASIDE]:
                lines.append(f"  {t} {i}: {r or 'refused by the book'}")
            if len(status.set_aside) > SHOWN_SET_ASIDE:
                lines.append(f"  ... and {len(status.set_aside) - SHOWN_SET_ASIDE} more (--json)")
    return Output(data, "\n".join(lines))


SHOWN_SET_ASIDE = 10


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("enrol", parents=[common], help="sign this book in to a sync server")
    p.add_argument("server", help="the server's address, e.g. https://crm.example.com")
    p.add_argument("--user", required=True, help="your user name on the server")
    p.add_argument("--ca-file", help="the CA certificate your administrator gave you")
    p.set_defaults(handler=enrol)
    p = sub.add_parser("sync", parents=[common], help="push and pull once with the server")
    p.add_argument("--status", action="store_true", help="only show the sync status")
    p.set_defaults(handler=sync)
