"""Backups: encrypted like the book, verified, rotated, capped; a kill -9 mid-backup leaves the
earlier ones intact; restore keeps the replaced file aside."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.db.backup import (
    BackupError,
    BackupPolicy,
    backup_dir,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from crmdesk.db.book import create_book, open_book
from crmdesk.db.lock import BookLock
from crmdesk.db.models import Contact
from crmdesk.db.sample import fill_bulk

PASS = "correct horse battery"
DISTINCT_NAME = "欧阳栩栩Zyzzyva"
DISTINCT_NOTE = "prefers-the-second-window-seat-qwxjv 喜欢靠窗第二个位置"


def _passphrase(_purpose: str) -> str:
    return PASS


def _new_book(path: Path, bulk: int = 0) -> None:
    create_book(path, passphrase=_passphrase, prefer_passphrase=True).close()
    with open_book(path, passphrase=_passphrase) as book, book.session() as s, s.begin():
        s.add(Contact(name=DISTINCT_NAME, notes=DISTINCT_NOTE, wechat="wx_qwxjv_777"))
        if bulk:
            fill_bulk(s, contacts_count=bulk, accounts_count=bulk // 10)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_encrypted_verified_and_opens_with_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    _new_book(path)
    with open_book(path, passphrase=_passphrase) as book:
        # Written while the book is open in WAL mode with a write not yet checkpointed.
        with book.session() as s, s.begin():
            s.add(Contact(name="备份中写入", notes=DISTINCT_NOTE))
        made = make_backup(book)
        folder_bytes = {p: p.read_bytes() for p in backup_dir(path).iterdir()}
    assert made.path.stat().st_mode & 0o777 == 0o600
    for file, data in folder_bytes.items():
        for needle in (DISTINCT_NAME.encode(), b"qwxjv", DISTINCT_NOTE.encode(), PASS.encode()):
            assert needle not in data, f"{needle!r} in plain form in {file.name}"
    # The backup alone, as a book, opens with the passphrase and holds both contacts.
    copy = tmp_path / "restored" / "book.crmdesk"
    copy.parent.mkdir()
    copy.write_bytes(made.path.read_bytes())
    (copy.parent / "book.crmdesk.json").write_bytes((tmp_path / "book.crmdesk.json").read_bytes())
    with open_book(copy, passphrase=_passphrase) as book, book.session() as s:
        names = {c.name for c in s.query(Contact)}
    assert {DISTINCT_NAME, "备份中写入"} <= names


def test_rotation_keeps_the_newest_of_each_day_week_month_and_respects_the_cap(
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.crmdesk"
    _new_book(path)
    today = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
    policy = BackupPolicy(daily=2, weekly=1, monthly=1)
    with open_book(path, passphrase=_passphrase) as book:
        for days_ago in (40, 10, 9, 2, 1, 0):
            make_backup(book, policy, now=today - dt.timedelta(days=days_ago))
        kept = [b.taken for b in list_backups(path)]
        # daily: today and yesterday; weekly: this week's newest (today); monthly: today.
        assert kept == [today, today - dt.timedelta(days=1)]
        size = list_backups(path)[0].size
        capped = BackupPolicy(daily=10, weekly=0, monthly=0, max_bytes=int(size * 1.5))
        make_backup(book, capped, now=today + dt.timedelta(hours=1))
    assert [b.taken for b in list_backups(path)] == [today + dt.timedelta(hours=1)]


def test_a_backup_that_would_fill_the_disk_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    _new_book(path)
    with open_book(path, passphrase=_passphrase) as book:
        huge = BackupPolicy(min_free_bytes=10**18)
        with pytest.raises(BackupError, match="would leave less than"):
            make_backup(book, huge)
    assert list_backups(path) == []
    assert not list(backup_dir(path).glob("*.partial"))


def test_kill_9_during_a_backup_leaves_the_previous_backups_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    path = tmp_path / "book.crmdesk"
    _new_book(path, bulk=4000)
    assert main(["--book", str(path), "backup"]) == 0
    first = list_backups(path)[0]
    before = _digest(first.path)
    env = {**os.environ, "CRMDESK_PASSPHRASE": PASS, "PYTHONDONTWRITEBYTECODE": "1"}
    killed_during = False
    for _attempt in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "crmdesk", "--book", str(path), "backup"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            partials = list(backup_dir(path).glob("*.partial"))
            if partials and partials[0].stat().st_size > 0:
                os.kill(proc.pid, signal.SIGKILL)
                killed_during = True
                break
            time.sleep(0.002)
        proc.wait()
        if killed_during:
            break
    assert killed_during, "the backup was never caught in the act"
    # The earlier backup is untouched and still good; the torn one is not a backup.
    assert first.path in [b.path for b in list_backups(path)]
    assert _digest(first.path) == before
    with open_book(path, passphrase=_passphrase) as book:
        verify_backup(first.path, book.key)
        assert all(not b.path.name.endswith(".partial") for b in list_backups(path))
        # The next backup clears the torn one away.
        make_backup(book)
    assert not list(backup_dir(path).glob("*.partial"))


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "book.crmdesk"
    _new_book(path)
    with open_book(path, passphrase=_passphrase) as book:
        made = make_backup(book)
        key = book.key
        with book.session() as s, s.begin():
            s.add(Contact(name="备份之后"))
    assert key is not None
    replaced = restore_backup(path, made, key)
    assert replaced.exists()
    with open_book(path, passphrase=_passphrase) as book, book.session() as s:
        names = {c.name for c in s.query(Contact)}
    assert "备份之后" not in names and DISTINCT_NAME in names


def test_restore_waits_for_the_app_then_says_it_holds_the_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "book.crmdesk"
    _new_book(path)
    monkeypatch.setenv("CRMDESK_PASSPHRASE", PASS)
    assert main(["--book", str(path), "backup"]) == 0
    capsys.readouterr()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from crmdesk.db.lock import BookLock;"
            "lock = BookLock(Path(sys.argv[1])).acquire(); print('held', flush=True);"
            "time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        code = main(["--book", str(path), "restore"])
        waited = time.monotonic() - started
        err = capsys.readouterr().err
        assert code == 9
        assert f"the crmdesk app (process {holder.pid})" in err
        assert waited >= 2.5
    finally:
        holder.kill()
        holder.wait()
    # The lock died with its process: no stale lock.
    assert BookLock(path).try_acquire()
