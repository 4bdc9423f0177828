"""The command line starts at once: asking for its version or help loads no heavy library.

Each case runs in one fresh interpreter (a subprocess), one after the other; a module once
imported stays in ``sys.modules``, so the first case that loads a heavy library is the one named.
"""

from __future__ import annotations

import json
import subprocess
import sys

from crmdesk.cli import build_parser, main
from crmdesk.cli.planner import ITEM_KINDS
from crmdesk.core.planner import ItemKind

# What a --help must not pay for: the database stack, the wire schemas, pinyin, Qt, the file
# formats' libraries, HTTP, the keyring, the lunar calendar, the import's decoders, the
# terminal's password prompt.
HEAVY = (
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "pydantic",
    "pypinyin",
    "PySide6",
    "vobject",
    "openpyxl",
    "icalendar",
    "httpx",
    "keyring",
    "phonenumbers",
    "lunar_python",
    "crmdesk.db.models",
    "crmdesk.core.importing.source",
    "crmdesk.core.importing.encoding",
    "getpass",
)

_PROBE = """
import contextlib, io, json, sys
from crmdesk.cli import main

heavy = tuple(json.loads(sys.argv[1]))
report = []
for argv in json.loads(sys.argv[2]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)
    report.append([argv, code, loaded])
print(json.dumps(report))
"""


def _commands() -> list[list[str]]:
    """Every command and sub-command path, e.g. ["contact", "add"]."""
    paths: list[list[str]] = []

    def walk(parser: object, prefix: list[str]) -> None:
        for action in getattr(parser, "_actions", []):
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict) and action.__class__.__name__ == "_SubParsersAction":
                for name, sub in choices.items():
                    paths.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(build_parser(), [])
    return paths


def test_version_help_and_every_commands_help_load_nothing_heavy() -> None:
    commands = _commands()
    assert ["contact", "add"] in commands and ["export"] in commands
    cases = [["--version"], ["--help"], ["help"]]
    cases += [["help", *path] for path in commands] + [[*path, "--help"] for path in commands]
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(HEAVY), json.dumps(cases)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(proc.stdout)
    assert len(report) == len(cases)
    for argv, code, loaded in report:
        assert code == 0, argv
        assert loaded == [], f"crmdesk {' '.join(argv)} loaded {loaded}"


def test_help_command_prints_the_commands_help(capsys) -> None:
    assert main(["contact", "add", "--help"]) == 0
    direct = capsys.readouterr().out
    assert main(["help", "contact", "add"]) == 0
    assert capsys.readouterr().out == direct
    assert "--account" in direct


def test_help_of_an_unknown_command_is_a_usage_error(capsys) -> None:
    assert main(["help", "nope"]) == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_version_is_answered_at_once(capsys) -> None:
    from crmdesk import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"crmdesk {__version__}\n"


def test_planner_item_kinds_in_the_help_match_the_planner() -> None:
    assert tuple(k.value for k in ItemKind) == ITEM_KINDS


# What a read-only command on a book must not pay for: the ORM and the models (contact list
# reads with Core), and for a search even SQLAlchemy itself (plain SQL on the driver).
ORM = ("sqlalchemy.orm", "crmdesk.db.models", "crmdesk.db.search.indexing", "pypinyin")
NOT_FOR_SEARCH = ("sqlalchemy", *ORM)


def _probe(cases: list[list[str]], modules: tuple[str, ...]) -> list[list]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules), json.dumps(cases)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report: list[list] = json.loads(proc.stdout)
    return report


def test_search_and_contact_list_on_a_book_do_not_load_the_orm(tmp_path, monkeypatch) -> None:
    book = tmp_path / "book.crmdesk"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "correct horse battery")
    assert main(["--book", str(book), "init", "--passphrase"]) == 0
    assert main(["--book", str(book), "contact", "add", "--name", "曾国梁"]) == 0
    [[_, code, loaded]] = _probe([["--book", str(book), "search", "zgl"]], NOT_FOR_SEARCH)
    assert code == 0 and loaded == [], f"crmdesk search loaded {loaded}"
    [[_, code, loaded]] = _probe([["--book", str(book), "contact", "list", "--json"]], ORM)
    assert code == 0 and loaded == [], f"crmdesk contact list loaded {loaded}"


def test_the_probe_sees_the_orm_when_a_command_loads_it(tmp_path, monkeypatch) -> None:
    """The check above can fail: a command that writes (contact add) does load the ORM."""
    book = tmp_path / "book.crmdesk"
    monkeypatch.setenv("CRMDESK_PASSPHRASE", "correct horse battery")
    assert main(["--book", str(book), "init", "--passphrase"]) == 0
    [[_, code, loaded]] = _probe([["--book", str(book), "contact", "add", "--name", "曾国梁"]], ORM)
    assert code == 0 and "sqlalchemy.orm" in loaded and "crmdesk.db.models" in loaded
