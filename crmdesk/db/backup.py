"""Automatic encrypted backups: a dropped laptop's disk or a damaged book costs at most a day.

* **Where.** ``<book>.backups/`` beside the book, one file per backup named by its UTC time
  (``20261202T231500123456Z.crmdesk``), plus a copy of the book's plain sidecar (no secret).
* **How.** ``sqlcipher_export`` from a read transaction of the running book into an attached file
  keyed like the book (an ``ATTACH`` without ``KEY`` takes the book's own key), so a backup is a
  consistent snapshot even while the app writes — never a file copy of a live WAL database — and
  as encrypted as the book. A keyring book's backup opens with the keyring's key, a passphrase
  book's with the passphrase.
* **Safe against a crash.** The backup is written as ``*.partial``, flushed to disk, opened
  again on its own and checked (every page's HMAC, the schema, the schema version, the row count
  of every table against the snapshot's), and only then renamed into place. Old backups are
  removed only after that. A kill -9 at any moment leaves the earlier backups as they were and,
  at worst, a ``*.partial`` that the next backup clears away.
* **Rotation.** The newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and
  ``monthly`` months is kept (settable, :class:`BackupPolicy`); the others go. Then a size cap:
  the oldest go first until the set fits, and a backup is refused (with a clear message) when it
  would leave less than ``min_free_bytes`` on the disk.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.core.errors import BookError, ValidationError
from crmdesk.db import integrity

if TYPE_CHECKING:
    from crmdesk.db.book import Book
    from crmdesk.db.keys import BookKey

BACKUP_SUFFIX = ".crmdesk"
PARTIAL_SUFFIX = ".partial"
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
SIDECAR_COPY = "book.json"
_ATTACHED = "crmdesk_backup"


class BackupError(BookError):
    """A backup could not be made, verified or restored."""

    code = "backup"


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep and how much room they may take."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 6
    max_bytes: int = 2 * 1024**3
    min_free_bytes: int = 512 * 1024**2
    # The app makes one when the newest is older than this.
    every: dt.timedelta = dt.timedelta(days=1)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "taken": self.taken.isoformat(), "size": self.size}


def backup_dir(book_path: Path) -> Path:
    return book_path.with_name(book_path.name + ".backups")


POLICY_FILE = "policy.json"


def load_policy(book_path: Path) -> BackupPolicy:
    """The book's backup policy (``<book>.backups/policy.json``, shared by the app and the CLI)."""
    try:
        data = json.loads((backup_dir(book_path) / POLICY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupPolicy()
    base = BackupPolicy()
    try:
        return BackupPolicy(
            daily=int(data.get("daily", base.daily)),
            weekly=int(data.get("weekly", base.weekly)),
            monthly=int(data.get("monthly", base.monthly)),
            max_bytes=int(data.get("max_bytes", base.max_bytes)),
            min_free_bytes=int(data.get("min_free_bytes", base.min_free_bytes)),
            every=dt.timedelta(hours=float(data.get("every_hours", 24))),
        )
    except (TypeError, ValueError):
        return base


def save_policy(book_path: Path, policy: BackupPolicy) -> None:
    for name, value in (("daily", policy.daily), ("weekly", policy.weekly),
                        ("monthly", policy.monthly)):  # fmt: skip
        if value < 0:
            raise ValidationError(f"{name} cannot be negative", field=name)
    if policy.max_bytes <= 0:
        raise ValidationError("the size cap must be more than 0", field="max_mb")
    folder = backup_dir(book_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    data = {
        "daily": policy.daily,
        "weekly": policy.weekly,
        "monthly": policy.monthly,
        "max_bytes": policy.max_bytes,
        "min_free_bytes": policy.min_free_bytes,
        "every_hours": policy.every.total_seconds() / 3600,
    }
    tmp = folder / (POLICY_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / POLICY_FILE)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _taken(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(path.name.removesuffix(BACKUP_SUFFIX), STAMP_FORMAT).replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


def list_backups(book_path: Path) -> list[BackupFile]:
    """The book's backups, newest first (partial ones are not backups)."""
    folder = backup_dir(book_path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        taken = _taken(p) if p.name.endswith(BACKUP_SUFFIX) else None
        if taken is not None:
            found.append(BackupFile(p, taken, p.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backup_due(book_path: Path, policy: BackupPolicy, now: dt.datetime | None = None) -> bool:
    backups = list_backups(book_path)
    return not backups or (now or _now()) - backups[0].taken >= policy.every


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":  # a directory cannot be opened for fsync on Windows
        _fsync(folder)


def _counts(raw: Any, schema: str, tables: list[str]) -> dict[str, int]:
    return {
        t: int(raw.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0]) for t in tables
    }


def make_backup(
    book: Book,
    policy: BackupPolicy | None = None,
    *,
    now: dt.datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> BackupFile:
    """Write, verify and keep one backup of the open ``book``; rotate the set. Worker thread."""
    policy = policy or BackupPolicy()
    folder = backup_dir(book.path)
    folder.mkdir(mode=0o700, exist_ok=True)
    for stale in folder.glob("*" + PARTIAL_SUFFIX):
        stale.unlink(missing_ok=True)  # left by a backup that was killed
    needed = book.path.stat().st_size
    free = shutil.disk_usage(folder).free
    if free - needed < policy.min_free_bytes:
        raise BackupError(
            f"no backup made: it needs about {needed // 1024**2 + 1} MB and would leave less than "
            f"{policy.min_free_bytes // 1024**2} MB free on the disk of {folder}"
        )
    taken = now or _now()
    final = folder / (taken.strftime(STAMP_FORMAT) + BACKUP_SUFFIX)
    partial = final.with_name(final.name + PARTIAL_SUFFIX)
    with book.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE ? AS {_ATTACHED}", (str(partial),))
        try:
            raw.execute("BEGIN")
            try:
                tables = integrity.record_tables(raw)
                expected = _counts(raw, "main", tables)
                raw.execute(f"SELECT sqlcipher_export('{_ATTACHED}')").fetchall()
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.execute(f"DETACH DATABASE {_ATTACHED}")
    try:
        os.chmod(partial, 0o600)  # encrypted, but nobody else's business either
        _fsync(partial)
        if progress is not None:
            progress("verify")
        verify_backup(partial, book.key, expected=expected)
        os.replace(partial, final)
        _fsync_dir(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    from crmdesk.db.book import BookInfo

    sidecar = BookInfo.sidecar(book.path)
    if sidecar.exists():
        shutil.copyfile(sidecar, folder / SIDECAR_COPY)
    rotate(book.path, policy, now=taken)
    return BackupFile(final, taken, final.stat().st_size)


def verify_backup(
    path: Path, key: BookKey | None, *, expected: dict[str, int] | None = None
) -> None:
    """Open ``path`` on its own with the book's key and check it through; raise BackupError."""
    if key is None:
        raise BackupError("the book's key is not at hand to check the backup")
    try:
        reader = integrity.Reader(path, key)
    except BookError as exc:
        raise BackupError(f"the backup {path.name} does not open with the book's key") from exc
    try:
        # Every page's HMAC and the b-trees' structure; the row counts stand in for a full read.
        report = integrity.full_check(reader, scan_tables=expected is None)
        if not report.ok:
            raise BackupError(f"the backup {path.name} is damaged: {report.summary()}")
        if expected is not None:
            got = _counts(reader.raw, "main", list(expected))
            if got != expected:
                raise BackupError(f"the backup {path.name} does not hold every row of the book")
    except BackupError:
        raise
    except Exception as exc:
        raise BackupError(f"the backup {path.name} cannot be read ({exc})") from exc
    finally:
        reader.close()


def key_opens_a_backup(book_path: Path, key: BookKey) -> bool:
    """Does ``key`` open the newest backup? (Then a book it cannot open is damaged.)"""
    from crmdesk.db.engine import open_readonly

    for b in list_backups(book_path)[:1]:  # one key derivation at most for a wrong passphrase
        try:
            open_readonly(b.path, key).close()
        except Exception:  # a damaged or foreign backup: try the next
            continue
        return True
    return False


def rotate(book_path: Path, policy: BackupPolicy, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove backups the policy no longer keeps, then the oldest beyond the size cap."""
    backups = list_backups(book_path)
    if not backups:
        return []
    keep: set[Path] = {backups[0].path}  # the newest always stays
    for count, bucket in (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for b in backups:  # newest first: the first of each bucket is its newest
            key = bucket(b.taken)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(b.path)
    removed = [b.path for b in backups if b.path not in keep]
    kept = [b for b in backups if b.path in keep]
    total = sum(b.size for b in kept)
    while len(kept) > 1 and total > policy.max_bytes:
        oldest = kept.pop()
        total -= oldest.size
        removed.append(oldest.path)
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def move_aside(book_path: Path, why: str, *, now: dt.datetime | None = None) -> Path:
    """Rename the book file and its -wal/-shm to ``<book>.<why>-<time>``; return the new name."""
    from crmdesk.db.book import book_files

    stamp = (now or _now()).strftime("%Y%m%dT%H%M%SZ")
    aside = book_path.with_name(f"{book_path.name}.{why}-{stamp}")
    for src in book_files(book_path):
        if src.exists():
            os.replace(src, aside.with_name(aside.name + src.name[len(book_path.name) :]))
    return aside


def restore_backup(book_path: Path, backup: BackupFile, key: BookKey) -> Path:
    """Put ``backup`` in the book's place (the book must be closed everywhere); the current file
    is kept aside, never deleted. Returns where it was put."""
    verify_backup(backup.path, key)
    staging = book_path.with_name(book_path.name + ".restoring")
    shutil.copyfile(backup.path, staging)
    os.chmod(staging, 0o600)
    _fsync(staging)
    aside = move_aside(book_path, "replaced")
    os.replace(staging, book_path)
    _fsync_dir(book_path.parent)
    return aside
