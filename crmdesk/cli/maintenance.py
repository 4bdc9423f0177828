"""``crmdesk check``, ``backup``, ``restore`` and ``recover``: the book kept safe from a shell.

``check`` verifies every page (and rebuilds a damaged search index or index without asking);
``backup`` writes a verified encrypted backup now, lists them (``--list``) or sets how many are
kept; ``restore`` puts a backup in the book's place; ``recover`` rebuilds a damaged book from
the company server (enrolled) or the newest good backup, with every record the damaged file
still holds. Restore and recover replace the book file, so they need the app closed (they take
the book's lock, ``crmdesk.db.lock``); the old file is always kept aside.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output, ask_passphrase
from crmdesk.core.errors import NotFoundError

if TYPE_CHECKING:
    from crmdesk.db.book import BookInfo
    from crmdesk.db.keys import BookKey

LOCK_WAIT_S = 3.0


def _key(ctx: Context) -> tuple[BookInfo, BookKey]:
    """The book's key without opening it (a damaged book may not open)."""
    from crmdesk.core.errors import BookError
    from crmdesk.db.book import BookInfo, book_exists, book_key

    if not book_exists(ctx.path):
        raise BookError(f"there is no book at {ctx.path}")
    info = BookInfo.load(ctx.path)
    return info, book_key(ctx.path, info, passphrase=ask_passphrase)


def check(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.errors import WrongKeyError
    from crmdesk.db import integrity
    from crmdesk.db.backup import key_opens_a_backup
    from crmdesk.db.lock import BookLock
    from crmdesk.db.recover import repair_derived

    info, key = _key(ctx)
    try:
        reader = integrity.Reader(ctx.path, key)
    except WrongKeyError:
        if key_opens_a_backup(ctx.path, key):
            raise integrity.damaged(ctx.path, "its first page cannot be read") from None
        raise
    try:
        report = integrity.full_check(reader)
    finally:
        reader.close()
    data: dict[str, Any] = report.to_dict()
    text = report.summary()
    if report.derived_only:
        with BookLock(ctx.path, purpose="repair").acquire(LOCK_WAIT_S):
            repaired = repair_derived(ctx.path, info, key)
        data["repaired"] = True
        data["damaged_kept"] = str(repaired.damaged_kept)
        text += f"\nRebuilt; the damaged file is kept as {repaired.damaged_kept}."
    elif not report.ok:
        raise integrity.BookDamagedError(text)
    return Output(data, text)


def repair_if_derived(ctx: Context) -> str | None:
    """After a command met damage: if it lies only in derived data and the app does not hold
    the book, rebuild it; the note to print, or None (then the damage is reported)."""
    from crmdesk.core.errors import CrmdeskError
    from crmdesk.db import integrity
    from crmdesk.db.book import BookInfo
    from crmdesk.db.lock import BookLock
    from crmdesk.db.recover import repair_derived

    key = ctx.key_in_hand()
    ctx.close()
    if key is None:
        return None
    try:
        reader = integrity.Reader(ctx.path, key)
        try:
            report = integrity.full_check(reader)
        finally:
            reader.close()
        if not report.derived_only:
            return None
        lock = BookLock(ctx.path, purpose="repair")
        if not lock.try_acquire():
            return None  # the app has it open; it repairs such damage itself
        try:
            repaired = repair_derived(ctx.path, BookInfo.load(ctx.path), key)
        finally:
            lock.release()
    except CrmdeskError:
        return None
    return (
        f"the search index of {ctx.path.name} was damaged and has been rebuilt (no record was "
        f"lost; the damaged file is kept as {repaired.damaged_kept})"
    )


def _policy_from(args: argparse.Namespace, ctx: Context) -> Any:
    from dataclasses import replace

    from crmdesk.db.backup import load_policy, save_policy

    policy = load_policy(ctx.path)
    changes: dict[str, Any] = {}
    for name in ("daily", "weekly", "monthly"):
        value = getattr(args, name, None)
        if value is not None:
            changes[name] = value
    if args.max_mb is not None:
        changes["max_bytes"] = int(args.max_mb) * 1024**2
    if changes:
        policy = replace(policy, **changes)
        save_policy(ctx.path, policy)
    return policy, bool(changes)


def backup(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.backup import list_backups, make_backup

    policy, changed = _policy_from(args, ctx)
    settings = (
        f"keeping {policy.daily} daily, {policy.weekly} weekly, {policy.monthly} monthly, "
        f"at most {policy.max_bytes // 1024**2} MB"
    )
    if args.list or (changed and not args.now):
        found = list_backups(ctx.path)
        lines = [f"{b.taken:%Y-%m-%d %H:%M:%S} UTC  {b.size // 1024} KB  {b.path}" for b in found]
        head = f"{len(found)} backup(s) of {ctx.path.name}, {settings}."
        return Output(
            {"backups": [b.to_dict() for b in found], "policy": settings},
            "\n".join([head, *lines]),
        )
    made = make_backup(ctx.book, policy)
    return Output(
        {"backup": made.to_dict(), "policy": settings},
        f"Backed up {ctx.path.name} to {made.path} ({made.size // 1024} KB, verified); {settings}.",
    )


def _pick(ctx: Context, name: str | None) -> Any:
    from crmdesk.db.backup import list_backups

    found = list_backups(ctx.path)
    if not found:
        raise NotFoundError(f"the book {ctx.path.name} has no backups", field="backup")
    if name is None:
        return found[0]
    for b in found:
        if name in (b.path.name, str(b.path)) or b.path.name.startswith(name):
            return b
    raise NotFoundError(f"no backup named {name} (see: crmdesk backup --list)", field="backup")


def restore(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.backup import restore_backup
    from crmdesk.db.lock import BookLock

    chosen = _pick(ctx, args.backup)
    _info, key = _key(ctx)
    with BookLock(ctx.path, purpose="restore").acquire(LOCK_WAIT_S):
        aside = restore_backup(ctx.path, chosen, key)
    return Output(
        {"restored": chosen.to_dict(), "previous_kept": str(aside)},
        f"Restored {ctx.path.name} from the backup of {chosen.taken:%Y-%m-%d %H:%M} UTC. "
        f"The file it replaced is kept as {aside.name}.",
    )


def recover(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.book import Book
    from crmdesk.db.lock import BookLock
    from crmdesk.db.recover import recover_book

    info, key = _key(ctx)

    def pull(book: Book) -> object:
        from crmdesk.sync.client import SyncClient

        client = SyncClient(book)
        try:
            return client.pull()
        finally:
            client.close()

    with BookLock(ctx.path, purpose="recover").acquire(LOCK_WAIT_S):
        report = recover_book(ctx.path, info, key, pull=pull, use_server=not args.from_backup)
    return Output(report.to_dict(), report.summary())


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("cannot be negative")
    return value


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("check", parents=[common], help="check every page of the book")
    p.set_defaults(handler=check)
    p = sub.add_parser("backup", parents=[common], help="back up the book now; list backups")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.add_argument("--now", action="store_true", help="with a setting: also back up now")
    p.add_argument("--daily", type=_non_negative, help="how many daily backups to keep")
    p.add_argument("--weekly", type=_non_negative, help="how many weekly backups to keep")
    p.add_argument("--monthly", type=_non_negative, help="how many monthly backups to keep")
    p.add_argument("--max-mb", type=_non_negative, help="the most space backups may take (MB)")
    p.set_defaults(handler=backup)
    p = sub.add_parser("restore", parents=[common], help="put a backup in the book's place")
    p.add_argument("backup", nargs="?", help="the backup's name (default: the newest)")
    p.set_defaults(handler=restore)
    p = sub.add_parser("recover", parents=[common], help="rebuild a damaged book")
    p.add_argument(
        "--from-backup",
        action="store_true",
        help="use the newest good backup even if the book is enrolled with a server",
    )
    p.set_defaults(handler=recover)
