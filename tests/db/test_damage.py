"""A damaged book never ends in a traceback, and recovery gets back every row a readable page or
a backup still holds: one byte flipped in every page of a small book, in turn (every third page
in the default run, every page with ``-m slow``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from crmdesk.cli import main
from crmdesk.db.backup import list_backups
from crmdesk.db.book import BookInfo, book_key, open_book
from crmdesk.db.integrity import BookDamagedError, Reader, full_check
from crmdesk.db.models import Contact
from crmdesk.db.sample import fill_sample
from tests.db.damage_kit import (
    copy_book,
    flip,
    memory_keyring,
    pages,
    rows_by_id,
    rows_by_rowid,
)

COMMANDS = (("search", "曾"), ("followups",), ("contact", "list"))


@pytest.fixture(scope="module")
def keyring_in_memory() -> Iterator[None]:
    with memory_keyring():
        yield


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, keyring_in_memory: None) -> Path:
    """A keyring book with the sample records, a backup, and edits made after the backup."""
    path = tmp_path_factory.mktemp("template") / "book.crmdesk"
    assert main(["--book", str(path), "init"]) == 0
    with open_book(path) as book, book.session() as s, s.begin():
        fill_sample(s)
    assert main(["--book", str(path), "backup"]) == 0
    with open_book(path) as book, book.session() as s, s.begin():
        for i in range(30):
            s.add(Contact(name=f"备份后{i}", notes="after the backup " * 8))
    assert not path.with_name(path.name + "-wal").exists() or (
        path.with_name(path.name + "-wal").stat().st_size == 0
    )
    return path


def _run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--book", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _key(path: Path) -> Any:
    return book_key(path, BookInfo.load(path))


def test_every_third_page_flipped_gives_a_clear_message_and_recovery_keeps_every_readable_row(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default run: pages 1, 4, 7, ... and the last (a third of the time of every page)."""
    total = pages(template)
    _flip_recover_and_compare(template, tmp_path, capsys, sorted({*range(1, total + 1, 3), total}))


@pytest.mark.slow
def test_every_page_flipped_gives_a_clear_message_and_recovery_keeps_every_readable_row(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _flip_recover_and_compare(template, tmp_path, capsys, range(1, pages(template) + 1))


def _flip_recover_and_compare(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], flipped: Iterable[int]
) -> None:
    key = _key(template)
    original = rows_by_id(template, key)
    backup = rows_by_id(list_backups(template)[0].path, key)
    assert pages(template) > 40
    damaged_seen = 0
    for page in flipped:
        path = copy_book(template, tmp_path / f"p{page}")
        flip(path, page)
        readable = rows_by_rowid(path, key)
        for argv in (*COMMANDS, ("check",)):
            code, out, err = _run(path, capsys, *argv)
            assert "Traceback" not in out + err, (page, argv, err)
            if code != 0:
                damaged_seen += 1
                assert code == 8, (page, argv, code, err)
                assert "damaged" in err and path.name in err, (page, argv, err)
                assert err.count("\n") == 1, err  # one line
        code, out, err = _run(path, capsys, "recover")
        assert code == 0, (page, err)
        assert "Traceback" not in out + err
        aside = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
        assert aside, "the damaged file is kept"
        recovered = rows_by_id(path, key)
        for table, rows in original.items():
            read_back = set(readable[table].values())
            for rid, row in rows.items():
                if row in read_back:
                    assert recovered[table].get(rid) == row, (page, table, rid)
                elif rid in backup[table]:
                    assert rid in recovered[table], (page, table, rid)
        reader = Reader(path, key)
        try:
            assert full_check(reader).ok, page
        finally:
            reader.close()
        code, _out, err = _run(path, capsys, "search", "曾")
        assert code == 0, (page, err)
    assert damaged_seen > 0


def test_a_damaged_schema_page_names_the_book_and_the_way_out(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_book(template, tmp_path / "b")
    flip(path, 2)  # a page of the schema (sqlite_master spans the first pages)
    with pytest.raises(BookDamagedError, match="crmdesk recover"):
        open_book(path)
    code, _out, err = _run(path, capsys, "followups")
    assert code == 8
    assert "book.crmdesk is damaged" in err and "crmdesk recover" in err


def test_damage_in_the_search_index_only_is_rebuilt_without_loss(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = _key(template)
    original = rows_by_id(template, key)
    rebuilt = notes = 0
    for page in range(1, pages(template) + 1):
        path = copy_book(template, tmp_path / f"p{page}")
        flip(path, page)
        if page == 1:
            continue  # the file header: not derived data
        reader = Reader(path, key)
        try:
            report = full_check(reader)
        finally:
            reader.close()
        if not report.derived_only:
            continue
        # An ordinary command that meets the damage rebuilds the index and answers anyway.
        other = copy_book(path, tmp_path / f"q{page}")
        for query in ("曾", "zgl", "华东", "138"):
            code, out, err = _run(other, capsys, "search", query)
            assert code == 0, (page, query, err)
            notes += "was damaged and has been rebuilt" in err
        code, out, err = _run(path, capsys, "check")
        assert code == 0, err
        assert "rebuilt" in out.lower()
        assert rows_by_id(path, key) == original
        rebuilt += 1
        if rebuilt >= 6:
            break
    assert rebuilt, "some page of a small book belongs to the search index"
    assert notes, "a search met a damaged index page and rebuilt the index"
