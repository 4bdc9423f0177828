"""Damage, backup and recovery at scale: what the open-time check costs, how long a full check,
a backup and a recovery take, and what a sample of damaged pages does at 100,000 contacts.

``uv run python -m crmdesk.bench --only integrity`` (builds its own raw-key book unless the
search section ran first and left one). The open-time check is reported beside the open itself
(keying, schema read, WAL set-up) measured in the same run: the ratio is what to watch.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crmdesk.bench import BenchContext, Figures, section, stopwatch
from crmdesk.core.errors import WrongKeyError
from crmdesk.db import engine as book_engine
from crmdesk.db import integrity, migrate
from crmdesk.db.keys import RawKey

PAGE = 4096
DAMAGE_SAMPLE = 12


def _median_ms(action: Callable[[], Any], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 2)


def _book(ctx: BenchContext) -> tuple[Path, RawKey]:
    kept = ctx.shared.get("raw_key_book")
    if kept is not None:
        return kept
    from crmdesk.bench.search import _load
    from crmdesk.bench.synthetic import fill_name_keys, generate

    path = ctx.workdir / "integrity.crmdesk"
    key = RawKey.generate()
    engine = book_engine.create_book_engine(path, key)
    migrate.ensure_current(engine, path)
    data = generate(ctx.contacts, ctx.seed)
    fill_name_keys(data)
    _load(engine, data)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path, key


def _flip(path: Path, page: int) -> None:
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE + PAGE // 2)
        byte = f.read(1)
        f.seek((page - 1) * PAGE + PAGE // 2)
        f.write(bytes([byte[0] ^ 0xFF]))


@section("integrity", "open-time check, full check, backup and recovery at scale", order=40)
def integrity_section(ctx: BenchContext) -> Figures:
    from crmdesk.db.backup import make_backup
    from crmdesk.db.book import BookInfo, open_with_key
    from crmdesk.db.recover import recover_book

    path, key = _book(ctx)
    info = BookInfo(book_id="bench-integrity", key_source="passphrase")
    info.save(path)
    figures: Figures = {"contacts": ctx.contacts, "file_mb": round(path.stat().st_size / 1e6, 1)}

    def open_only() -> None:
        book_engine.create_book_engine(path, key).dispose()

    def quick() -> None:
        raw = book_engine.connect_raw(path, key)
        try:
            integrity.quick_check(raw, path)
        finally:
            raw.close()

    raw = book_engine.connect_raw(path, key)
    try:
        figures["quick_check_ms"] = _median_ms(lambda: integrity.quick_check(raw, path), 9)
    finally:
        raw.close()
    figures["open_ms"] = _median_ms(open_only, 9)
    figures["open_and_quick_check_ms"] = _median_ms(quick, 9)
    figures["quick_check_share_of_open"] = round(figures["quick_check_ms"] / figures["open_ms"], 3)
    ctx.say(f"open (key, schema, WAL): {figures['open_ms']} ms; quick check on an open "
            f"connection: {figures['quick_check_ms']} ms "
            f"({figures['quick_check_share_of_open']:.1%} of the open)")  # fmt: skip

    with stopwatch() as full:
        reader = integrity.Reader(path, key)
        try:
            report = integrity.full_check(reader)
        finally:
            reader.close()
    figures["full_check_s"] = round(full(), 2)
    figures["full_check_ok"] = report.ok
    ctx.say(f"full check ({report.pages:,} pages): {figures['full_check_s']} s, ok={report.ok}")

    book = open_with_key(path, info, key)
    try:
        with stopwatch() as backing:
            made = make_backup(book)
    finally:
        book.close()
    figures["backup_s"] = round(backing(), 2)
    figures["backup_mb"] = round(made.size / 1e6, 1)
    ctx.say(f"backup (export, fsync, verify every page): {figures['backup_s']} s, "
            f"{figures['backup_mb']} MB")  # fmt: skip

    # A sample of damaged pages, one at a time, on a copy (flipped, looked at, flipped back).
    copy = ctx.workdir / "damaged" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    pages = copy.stat().st_size // PAGE
    sample = sorted({2 + (i * (pages - 2)) // DAMAGE_SAMPLE for i in range(DAMAGE_SAMPLE)})
    outcomes: dict[str, int] = {}
    for page in sample:
        _flip(copy, page)
        try:
            b = open_with_key(copy, info, key)
            b.close()
            seen = "opens (damage found by the full check)"
        except integrity.BookDamagedError:
            seen = "refused at open with the damage message"
        except WrongKeyError:
            # Damage to a page the key check reads looks like a wrong key; with no backup
            # beside this copy there is nothing to tell the two apart.
            seen = "refused at open as a wrong key (no backup to compare)"
        reader = integrity.Reader(copy, key)
        try:
            found = integrity.full_check(reader)
        finally:
            reader.close()
        kind = "derived only" if found.derived_only else "records" if found.bad_pages else "none"
        outcomes[f"{seen}; full check: {kind}"] = outcomes.get(f"{seen}; full check: {kind}", 0) + 1
        _flip(copy, page)
    figures["damage_sample"] = {"pages": len(sample), "outcomes": outcomes}
    for what, n in outcomes.items():
        ctx.say(f"damaged page sample: {n} × {what}")

    # One recovery: a page in the middle of the book damaged, rebuilt from the backup.
    shutil.copytree(path.with_name(path.name + ".backups"),
                    copy.with_name(copy.name + ".backups"))  # fmt: skip
    info.save(copy)
    _flip(copy, pages // 2)
    with stopwatch() as recovering:
        rec = recover_book(copy, info, key)
    figures["recover_s"] = round(recovering(), 2)
    figures["recover_rows_read"] = sum(t.rows for t in rec.tables.values())
    figures["recover_gaps"] = sum(t.gaps for t in rec.tables.values())
    rows, gaps = figures["recover_rows_read"], figures["recover_gaps"]
    ctx.say(f"recovery from the backup + salvage of page {pages // 2}: {figures['recover_s']} s, "
            f"{rows:,} rows read, {gaps} gap(s)")  # fmt: skip
    mb = figures["file_mb"]
    figures["rows"] = [
        ("book open with the quick integrity check (ms)", figures["open_and_quick_check_ms"], None),
        (f"full integrity check, {mb} MB book (s)", figures["full_check_s"], None),
        (f"verified backup, {mb} MB book (s)", figures["backup_s"], None),
        (f"recovery from the backup with page salvage, {mb} MB book (s)", figures["recover_s"],
         None),
    ]  # fmt: skip
    return figures
