"""docs/cli.md against the argparse tree: every command and every option the code has is
documented, so an option cannot go missing from the reference again."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

from crmdesk.cli import build_parser

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
# Every subcommand takes these; the doc says so once, at the top.
COMMON = {"--help", "--book", "--json"}


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if path and (parser.get_default("handler") is not None or not subs):
        yield " ".join(path), parser
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaves(child, (*path, name))


def _options(parser: argparse.ArgumentParser) -> set[str]:
    found = set()
    for action in parser._actions:
        longs = [o for o in action.option_strings if o.startswith("--")]
        if longs:
            found.add(longs[0])
    return found - COMMON


def _rows() -> list[tuple[list[str], str]]:
    """Each table row of the doc: the code spans of its first cell, and its whole text."""
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            first = re.split(r"(?<!\\)\|", line)[1]
            rows.append((re.findall(r"`([^`]+)`", first), line))
    return rows


def _documented(command: str, rows: list[tuple[list[str], str]]) -> str:
    pattern = re.compile(rf"^{re.escape(command)}(\s|$)")
    text = "\n".join(t for spans, t in rows if any(pattern.match(s) for s in spans))
    # "any of the options of `account add`" brings that row's options in.
    for other in re.findall(r"options of `([^`]+)`", text):
        if other != command:
            text += "\n" + _documented(other, rows)
    return text


def test_every_command_and_option_is_in_docs_cli_md() -> None:
    rows = _rows()
    missing = []
    leaves = list(_leaves(build_parser()))
    assert len(leaves) > 40  # the walk found the tree
    for command, parser in leaves:
        text = _documented(command, rows)
        if not text:
            missing.append(f"{command}: no row in the command tables")
            continue
        for option in sorted(_options(parser)):
            if not re.search(rf"{re.escape(option)}(?![\w-])", text):
                missing.append(f"{command}: {option}")
    assert not missing, "docs/cli.md lacks:\n" + "\n".join(missing)


def test_the_doc_names_no_command_the_code_lacks() -> None:
    commands = {command for command, _parser in _leaves(build_parser())}
    heads = {c.split()[0] for c in commands}
    for spans, text in _rows():
        for span in spans:
            words = span.split()
            if words and words[0] in heads and words[0] not in commands:
                # A group (e.g. `account add`): its first two words must be a command.
                assert " ".join(words[:2]) in commands or words[0] in commands, text
