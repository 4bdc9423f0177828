"""``crmdesk conflicts``: review what a sync overwrote, and put it back or let it go.

When two devices change the same field, the first to reach the server wins and the other value
is kept as an open conflict. ``crmdesk conflicts`` lists them (record, field, the value kept and
the one that lost, whose it was); ``conflicts restore ID`` writes the losing value back (an
ordinary edit, synced like any other; for a delete that did not happen, it deletes the record);
``conflicts dismiss ID`` keeps the current value and closes the conflict. The same as the app's
Sync ▸ Conflicts… screen.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output

if TYPE_CHECKING:
    from crmdesk.sync.client import SyncClient

# A value longer than this is cut in the table (the JSON has it whole).
CELL_CHARS = 40


@dataclass(frozen=True)
class ConflictLine:
    """One conflict as the command prints it."""

    id: str
    table: str
    record_id: str
    record: str  # the record's name when it has one, else its id
    field: str
    kind: str  # "field": a value that lost; "delete": a delete that did not happen
    kept: Any
    losing: Any
    at: str
    who: str  # whose value lost: a username when the book knows it, else a device id
    resolved: bool


def _client(ctx: Context) -> SyncClient:
    from crmdesk.sync.client import SyncClient

    return SyncClient(ctx.book)


def _lines(client: SyncClient, *, include_resolved: bool) -> list[ConflictLine]:
    from crmdesk.db.models import SYNCED_MODELS

    models = {m.__tablename__: m for m in SYNCED_MODELS}
    views = client.conflicts(include_resolved=include_resolved)
    devices = client.device_names()
    lines = []
    with client.book.sessions() as s:
        for c in views:
            model = models.get(c.tbl)
            record = s.get(model, c.record_id) if model is not None else None
            name = str(getattr(record, "name", None) or c.record_id)
            lines.append(
                ConflictLine(
                    c.id,
                    c.tbl,
                    c.record_id,
                    name,
                    c.field,
                    c.kind,
                    c.winner,
                    c.value,
                    c.at,
                    devices.get(c.device_id, c.device_id),
                    c.resolved,
                )
            )
    return lines


def _cell(value: Any) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def _table(lines: list[ConflictLine]) -> str:
    if not lines:
        return "No open conflicts."
    rows = [("ID", "RECORD", "FIELD", "KEPT", "LOST", "WHOSE", "WHEN")]
    for c in lines:
        field = "(deleted)" if c.kind == "delete" else c.field
        kept = "kept" if c.kind == "delete" else _cell(c.kept)
        lost = "delete" if c.kind == "delete" else _cell(c.losing)
        rows.append((c.id, f"{c.table} {_cell(c.record)}", field, kept, lost, c.who, c.at[:16]))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    text = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    text.append(f"{len(lines)} conflicts. Put one back: crmdesk conflicts restore ID")
    return "\n".join(text)


def conflicts_list(ctx: Context, args: argparse.Namespace) -> Output:
    client = _client(ctx)
    try:
        lines = _lines(client, include_resolved=args.all)
    finally:
        client.close()
    return Output([asdict(c) for c in lines], _table(lines))


def _resolve(ctx: Context, conflict_id: str, *, restore: bool) -> Output:
    from crmdesk.core.errors import NotFoundError

    client = _client(ctx)
    try:
        # Named before the change: a restored delete leaves no record to name.
        found = [c for c in _lines(client, include_resolved=False) if c.id == conflict_id]
        if not found:
            raise NotFoundError(f"no open conflict {conflict_id!r}", field="conflict")
        if restore:
            client.restore_conflict(conflict_id)
        else:
            client.dismiss_conflict(conflict_id)
    finally:
        client.close()
    c = found[0]
    what = f"{c.table} {c.record}" + ("" if c.kind == "delete" else f", {c.field}")
    if restore:
        done = "deleted" if c.kind == "delete" else f"restored to {_cell(c.losing)!r}"
    else:
        done = "dismissed; the current value stays"
    data = {**asdict(c), "resolved": True, "action": "restore" if restore else "dismiss"}
    return Output(data, f"{what}: {done}. It goes to the server with the next sync.")


def conflicts_restore(ctx: Context, args: argparse.Namespace) -> Output:
    return _resolve(ctx, args.id, restore=True)


def conflicts_dismiss(ctx: Context, args: argparse.Namespace) -> Output:
    return _resolve(ctx, args.id, restore=False)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "conflicts",
        parents=[common],
        help="sync conflicts: list them, restore the losing value or dismiss",
        description="With no action: list the open conflicts.",
    )
    p.add_argument("--all", action="store_true", help="also list conflicts already resolved")
    p.set_defaults(handler=conflicts_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser(
        "restore", parents=[common], help="write the losing value back (it syncs as an edit)"
    )
    a.add_argument("id", help="the conflict's id (from crmdesk conflicts)")
    a.set_defaults(handler=conflicts_restore)
    a = actions.add_parser("dismiss", parents=[common], help="keep the current value; close it")
    a.add_argument("id", help="the conflict's id (from crmdesk conflicts)")
    a.set_defaults(handler=conflicts_dismiss)
