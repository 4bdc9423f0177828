"""Benchmark section ``export``: a ``--contacts``-sized book (100,000 by default) exported to CSV,
JSON, Excel and vCard, each timed from the call to the file complete on disk, next to the floor of
reading the same contacts' columns from the same encrypted book with no file written.

The book is the search section's synthetic one (``crmdesk.bench.synthetic``), loaded with Core
inserts into a fresh encrypted book in the scratch folder. The .ics export is timed as a whole
process in the ``cli`` section (``crmdesk export-ics``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from crmdesk.bench import BenchContext, Figures, TableRow, section

# format, what, file suffix, budget in seconds at 100,000 contacts
EXPORTS = (
    ("csv", "contacts", "csv", 3.0),
    ("json", "all", "json", 3.0),
    ("xlsx", "all", "xlsx", 15.0),
    ("vcard", "contacts", "vcf", 10.0),
)
LABELS = {"csv": "CSV", "json": "JSON", "xlsx": "Excel", "vcard": "vCard"}


def fresh_book(path: Path) -> object:
    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current

    key = RawKey.generate()
    engine = create_book_engine(path, key)
    ensure_current(engine, path)
    info = BookInfo(book_id="bench-" + path.stem, key_source="passphrase")
    return Book(path, info, engine, None, key=key)


def reopened(book: Any) -> Any:
    """``book`` opened again, as a user's export meets it: its page cache sized from the whole
    book (the connection made while it was empty got the smallest cache)."""
    from crmdesk.db.book import Book
    from crmdesk.db.engine import create_book_engine

    book.engine.dispose()
    engine = create_book_engine(book.path, book.key)
    return Book(book.path, book.info, engine, None, key=book.key)


def run_export_bench(ctx: BenchContext) -> Figures:
    from sqlalchemy import select

    from crmdesk.bench.synthetic import fill_name_keys, generate, insert_rows
    from crmdesk.db.book import Book
    from crmdesk.db.models import Contact
    from crmdesk.db.transfer.exporting import export_book

    data = generate(ctx.contacts, ctx.seed)
    fill_name_keys(data)
    book = fresh_book(ctx.workdir / "export.crmdesk")
    assert isinstance(book, Book)
    figures: Figures = {"contacts": ctx.contacts}
    rows: list[TableRow] = []
    cpu_rows: list[TableRow] = []  # CPU time: what each export costs on a shared machine
    scale = ctx.contacts / 100_000
    try:
        with book.engine.begin() as conn:
            insert_rows(conn, data)
        book = reopened(book)
        with book.session() as s:  # the floor: every contact's columns read, nothing written
            began, cpu_began = time.perf_counter(), time.process_time()
            read = sum(1 for _ in s.connection().execute(select(*Contact.__table__.columns)))
            floor = time.perf_counter() - began
            floor_cpu = time.process_time() - cpu_began
        figures["read_floor_s"] = round(floor, 3)
        figures["read_floor_cpu_s"] = round(floor_cpu, 3)
        ctx.say(f"floor: read {read:,} contacts' columns in {floor:.2f} s (CPU {floor_cpu:.2f} s)")
        rows.append((f"export floor: read {ctx.contacts:,} contacts' columns (s)", floor, None))
        for fmt, what, suffix, budget in EXPORTS:
            path = ctx.workdir / f"export.{suffix}"
            with book.session() as s:
                began, cpu_began = time.perf_counter(), time.process_time()
                result = export_book(s, path, fmt, what)
                seconds = time.perf_counter() - began
                cpu = time.process_time() - cpu_began
            size_mb = round(path.stat().st_size / 1e6, 1)
            figures[fmt] = {
                "seconds": round(seconds, 3), "cpu_s": round(cpu, 3), "mb": size_mb,
                "rows": result.total,
            }  # fmt: skip
            ctx.say(
                f"export {result.total:,} records to {fmt}: {seconds:.2f} s (CPU {cpu:.2f} s, "
                f"{seconds / floor:.1f}× the floor), {size_mb} MB"
            )
            rows.append((
                f"export {ctx.contacts:,} contacts to {LABELS[fmt]} ({what}) (s)",
                seconds, round(budget * scale, 3),
            ))  # fmt: skip
            cpu_rows.append((f"export to {LABELS[fmt]}: CPU (s)", cpu, None))
            path.unlink()
    finally:
        book.close()
    figures["rows"] = rows + cpu_rows
    return figures


@section("export", "export the book to CSV, JSON, Excel and vCard", order=50)
def export_section(ctx: BenchContext) -> Figures:
    return run_export_bench(ctx)
