"""The ``crmdesk`` command: the desktop app with no arguments, scripting subcommands otherwise.

Every subcommand takes ``--book PATH`` (else ``$CRMDESK_BOOK``, else the default book) and
``--json``. Errors are one line on stderr, ``crmdesk: error: <field>: <message>``, and with
``--json`` also ``{"error": {...}}`` on stdout. Exit codes (docs/cli.md):

* 0 — done
* 1 — any other failure (no book there, keyring trouble, ...)
* 2 — bad input (the message names the field; nothing was written)
* 3 — wrong key or passphrase
* 4 — no such record
* 5 — the book's lease lapsed and the server could not renew it
* 6 — the desktop app has no display here
* 7 — this device was revoked: its book was wiped
* 8 — the book is damaged (the message says what to do: crmdesk check / recover)
* 9 — the book is busy or open in the app (for restore and recover)

Adding commands: write ``crmdesk/cli/NAME.py`` with ``register(sub, common)`` (it adds its
subparsers to ``sub``, each with ``set_defaults(handler=...)``; ``common`` is the parent parser
with ``--book`` and ``--json``) and add ``"NAME"`` to :data:`COMMAND_MODULES`. The parser is built
for every run, ``--help`` included, so a command module imports at its top only the standard
library, ``crmdesk.cli.*`` and light ``crmdesk.core`` modules; SQLAlchemy, the services, pydantic,
pypinyin, Qt, vobject, openpyxl and httpx are imported inside the handler that needs them.
``tests/test_cli_imports.py`` holds every module to that (``--version``, ``--help``, ``help CMD``
and ``CMD --help`` load none of them).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from crmdesk import __version__
from crmdesk.cli.context import (
    EXIT_BUSY,
    EXIT_DAMAGED,
    Context,
    Output,
    ask_passphrase,
    run_repairing,
    user_error,
)
from crmdesk.cli.render import dumps
from crmdesk.core.errors import CrmdeskError, NotFoundError, ValidationError, WrongKeyError
from crmdesk.db.paths import resolve_book_path

# The modules under crmdesk.cli whose register(sub, common) adds commands, in --help order.
COMMAND_MODULES = (
    "records", "details", "activity", "tiers", "risk", "transfer", "sync", "maintenance",
    "conflicts", "planner", "campaigns",
)  # fmt: skip

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_WRONG_KEY = 3
EXIT_NOT_FOUND = 4
EXIT_LEASE_LAPSED = 5
EXIT_NO_DISPLAY = 6  # crmdesk.ui.app.EXIT_NO_DISPLAY
EXIT_REVOKED = 7


class UsageError(CrmdeskError):
    """The command line itself is wrong (unknown option, missing argument...)."""

    code = "usage"


class _Parser(argparse.ArgumentParser):
    # argparse would print and exit; raise instead so --json and the exit codes stay ours.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _write(stream: Any, text: str) -> None:
    stream.write(text + "\n")


def init(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.book import create_book

    book = create_book(ctx.path, passphrase=ask_passphrase, prefer_passphrase=args.passphrase)
    try:
        info = book.info
    finally:
        book.close()
    where = (
        f"the keyring ({info.keyring_backend})"
        if info.key_source == "keyring"
        else "your passphrase"
    )
    data = {"book": str(ctx.path), "book_id": info.book_id, "key_source": info.key_source}
    return Output(data, f"Created the book {ctx.path}, locked with {where}.")


def build_parser() -> argparse.ArgumentParser:
    # Options every subcommand takes; SUPPRESS lets them be given before or after the command.
    common = _Parser(add_help=False)
    common.add_argument("--book", default=argparse.SUPPRESS, help="the book file")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    parser = _Parser(
        prog="crmdesk",
        description="A relationship notebook for sales reps. With no command, the desktop app.",
        epilog="See docs/cli.md. The passphrase is read from CRMDESK_PASSPHRASE or asked for.",
    )
    parser.add_argument("--book", help="the book file (default: $CRMDESK_BOOK or your data dir)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    p = sub.add_parser("init", parents=[common], help="create a new encrypted book")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="lock it with a passphrase even where a keyring is available",
    )
    p.set_defaults(handler=init)
    for name in COMMAND_MODULES:
        importlib.import_module(f"crmdesk.cli.{name}").register(sub, common)
    p = sub.add_parser("help", help="show the help of a command, e.g. crmdesk help contact add")
    p.add_argument("topic", nargs="*", metavar="COMMAND", help="a command (and sub-command)")
    p.set_defaults(handler=None)
    return parser


def _exit_code(error: CrmdeskError) -> int:
    if isinstance(error, WrongKeyError):
        return EXIT_WRONG_KEY
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if error.code == "lease_lapsed":
        return EXIT_LEASE_LAPSED
    if error.code == "device_revoked":
        return EXIT_REVOKED
    if error.code == "book_damaged":
        return EXIT_DAMAGED
    if error.code == "book_busy":
        return EXIT_BUSY
    if isinstance(error, ValidationError | UsageError):
        return EXIT_BAD_INPUT
    return EXIT_FAILURE


def _report(error: CrmdeskError, as_json: bool) -> int:
    code = _exit_code(error)
    field = f"{error.field}: " if error.field else ""
    _write(sys.stderr, f"crmdesk: error: {field}{error.message}")
    if as_json:
        _write(sys.stdout, dumps({"error": {**error.to_dict(), "exit_code": code}}))
    return code


def run_desktop(book_path: Path) -> int:
    """Start the desktop app (imported only now: scripts never load Qt)."""
    try:
        app = importlib.import_module("crmdesk.ui.app")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("crmdesk.ui"):
            raise
        _write(sys.stderr, "crmdesk: error: the desktop app is not part of this build")
        return EXIT_FAILURE
    return int(app.run(book_path) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``crmdesk`` with ``argv`` (default: the process's arguments); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # answered before any parser is built
        _write(sys.stdout, f"crmdesk {__version__}")
        return EXIT_OK
    as_json = "--json" in arguments
    try:
        parser = build_parser()
        args = parser.parse_args(arguments)
        if args.command == "help":
            # `crmdesk help contact add` is `crmdesk contact add --help`.
            parser.parse_args([*args.topic, "--help"])
    except UsageError as exc:
        return _report(exc, as_json)
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_OK
    if args.command is None:
        return run_desktop(resolve_book_path(args.book))
    ctx = Context(args)
    try:
        out = run_repairing(ctx, args)  # damage in the search index is rebuilt, not reported
    except CrmdeskError as exc:
        return _report(exc, args.json)
    except Exception as exc:
        known = user_error(exc, ctx.path)  # a damaged page or a busy book, never a traceback
        if known is None:
            raise
        return _report(known, args.json)
    except KeyboardInterrupt:
        _write(sys.stderr, "crmdesk: interrupted; nothing was written")
        return 130
    finally:
        ctx.close()
    _write(sys.stdout, dumps(out.data) if args.json else out.text)
    return EXIT_OK
