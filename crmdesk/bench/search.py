"""Benchmark sections ``search`` (bulk load and search, encrypted against plain SQLite) and
``unlock`` (opening a book through the keyring, a raw key or a passphrase).

The floor is the same workload, through the same code, on a plain stdlib ``sqlite3`` file with
the same pragmas: the ratio of the two is what encryption costs.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from crmdesk.bench import BenchContext, Figures, percentiles, section, stopwatch
from crmdesk.bench.synthetic import SyntheticBook, fill_name_keys, generate, insert_rows
from crmdesk.core.search_keys import has_cjk, phone_digits
from crmdesk.db import engine as book_engine
from crmdesk.db import migrate, search
from crmdesk.db.book import create_book, open_book
from crmdesk.db.keys import KeyringStore, RawKey

BENCH_PASSPHRASE_ENV = "CRMDESK_PASSPHRASE"
_UNLOCK_PASSPHRASE = "bench passphrase, not a secret"


def plain_engine(path: Path) -> Engine:
    """A stdlib sqlite3 engine set up like the book's engine, minus the encryption."""
    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool, pool_size=4)

    @event.listens_for(engine, "connect")
    def _pragmas(raw: Any, _record: Any) -> None:
        raw.isolation_level = None
        for pragma in (
            "temp_store = MEMORY",
            "foreign_keys = ON",
            f"cache_size = -{book_engine.CACHE_SIZE_KIB}",
            "busy_timeout = 5000",
            "journal_mode = WAL",
            "synchronous = NORMAL",
        ):
            raw.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def workload(data: SyntheticBook, per_kind: int, seed: int) -> dict[str, list[str]]:
    """Queries a rep would type, drawn from the book itself."""
    rng = random.Random(seed)
    chinese = [c for c in data.contacts if has_cjk(c["name"])]
    three = [c for c in chinese if len(c["name"]) == 3] or chinese
    people = data.contacts

    def draw(pool: list[dict[str, Any]], make: Callable[[dict[str, Any]], str]) -> list[str]:
        return [make(rng.choice(pool)) for _ in range(per_kind)]

    return {
        # A first keystroke: the surname half the time, any character of a name otherwise.
        "char_1": draw(chinese, lambda c: rng.choice([c["name"][0], rng.choice(c["name"])])),
        "char_2": draw(chinese, lambda c: c["name"][:2]),
        "char_3": draw(three, lambda c: c["name"]),
        "pinyin_full": draw(chinese, lambda c: c["name_pinyin"].split()[0]),
        "pinyin_surname": draw(chinese, lambda c: c["sort_key"].split()[0]),
        "initials": draw(chinese, lambda c: c["name_initials"].split()[0]),
        "phone_last4": draw(people, lambda c: phone_digits(c["phones"][0])[-4:]),
        "phone_full": draw(people, lambda c: c["phones"][0]),
    }  # fmt: skip


def _load(engine: Engine, data: SyntheticBook) -> Figures:
    with stopwatch() as inserting, engine.begin() as conn:
        insert_rows(conn, data)
    with stopwatch() as indexing, engine.begin() as conn:
        documents = search.rebuild(conn)
    with stopwatch() as checkpointing, engine.connect() as conn:
        # As an import would: move the load out of the WAL, so reads find pages in one place.
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = len(data.accounts) + len(data.contacts) + len(data.dates)
    return {
        "rows": rows,
        "insert_s": round(inserting(), 2),
        "insert_rows_per_s": round(rows / inserting()),
        "index_s": round(indexing(), 2),
        "index_docs_per_s": round(documents / indexing()),
        "checkpoint_s": round(checkpointing(), 2),
        "contacts_per_s": round(len(data.contacts) / (inserting() + indexing())),
    }


def _time_queries(engine: Engine, queries: dict[str, list[str]]) -> Figures:
    # The generated rows are millions of live objects; a full garbage collection pass over them
    # in the middle of a query would be timed as search. The app holds no such heap.
    gc.collect()
    gc.freeze()
    figures: Figures = {}
    every: list[float] = []
    with Session(engine) as session:
        for batch in queries.values():  # warm the page cache as a session in use would be
            for q in batch:
                search.search(session, q)
        for kind, batch in queries.items():
            samples: list[float] = []
            empty = 0
            for q in batch:
                start = time.perf_counter()
                hits = search.search(session, q)
                samples.append((time.perf_counter() - start) * 1000)
                empty += not hits
            every += samples
            figures[kind] = {**percentiles(samples), "no_hits": empty}
        figures["all"] = {**percentiles(every), "total_ms": round(sum(every), 1)}
    return figures


def _plans(engine: Engine, queries: dict[str, list[str]]) -> Figures:
    scans: list[str] = []
    statements = 0
    with engine.connect() as conn:
        for batch in queries.values():
            for q in batch[:5]:
                lines = search.query_plans(conn, q)
                statements += len(lines)
                scans += [f"{q!r}: {line}" for line in search.full_scans(lines)]
    return {"plan_lines_checked": statements, "full_scans": scans}


def _file_mb(path: Path) -> float:
    parts = [path, path.with_name(path.name + "-wal")]
    return round(sum(p.stat().st_size for p in parts if p.exists()) / 1e6, 1)


def _encrypted_engine(ctx: BenchContext) -> tuple[Engine, Path]:
    if ctx.book is None:
        path = ctx.workdir / "encrypted.crmdesk"
        key = RawKey.generate()
        engine = book_engine.create_book_engine(path, key)
        migrate.ensure_current(engine, path)
        ctx.shared["raw_key_book"] = (path, key)
        return engine, path
    if not os.environ.get(BENCH_PASSPHRASE_ENV):
        raise SystemExit(f"--book needs a passphrase for the kept book: set {BENCH_PASSPHRASE_ENV}")
    book = create_book(ctx.book, prefer_passphrase=True)
    return book.engine, ctx.book


@section("search", "bulk load and search latency, encrypted vs plain SQLite", order=10)
def search_section(ctx: BenchContext) -> Figures:
    encrypted, encrypted_path = _encrypted_engine(ctx)  # first: it may refuse (--book)
    with stopwatch() as generating:
        data = generate(ctx.contacts, ctx.seed)
    ctx.say(f"generated {len(data.contacts):,} contacts, {len(data.accounts):,} accounts, "
            f"{len(data.dates):,} dates in {generating():.1f} s")  # fmt: skip
    with stopwatch() as keying:
        fill_name_keys(data)
    keys_per_s = round(len(data.contacts) / keying())
    ctx.say(f"pinyin keys: {keying():.1f} s ({keys_per_s:,} names/s, pypinyin, cached per name)")
    queries = workload(data, ctx.queries, ctx.seed)
    figures: Figures = {"contacts": ctx.contacts, "keys_s": round(keying(), 2)}
    plain_path = ctx.workdir / "plain.sqlite"
    plain = plain_engine(plain_path)
    migrate.upgrade(plain)
    runs = [("encrypted", encrypted, encrypted_path)]
    runs += [("plain", plain, plain_path)] if ctx.floor else []
    try:
        for label, engine, path in runs:
            load = _load(engine, data)
            rate, seconds = load["insert_rows_per_s"], load["insert_s"]
            ctx.say(f"[{label}] insert {rate:,} rows/s ({seconds} s), "
                    f"index {load['index_docs_per_s']:,} docs/s ({load['index_s']} s), "
                    f"{_file_mb(path)} MB")  # fmt: skip
            timings = _time_queries(engine, queries)
            for kind, t in timings.items():
                ctx.say(f"[{label}] {kind:15} p50 {t['p50_ms']:7.2f} ms  p95 {t['p95_ms']:7.2f} ms"
                        f"  max {t['max_ms']:7.2f} ms")  # fmt: skip
            figures[label] = {"load": load, "search": timings, "file_mb": _file_mb(path)}
        figures["plans"] = _plans(encrypted, queries)
    finally:
        encrypted.dispose()
        plain.dispose()
    scans = figures["plans"]["full_scans"]
    ctx.say(f"query plans: {figures['plans']['plan_lines_checked']} lines checked, "
            f"{len(scans)} full-table scans" + (f": {scans[:3]}" if scans else ""))  # fmt: skip
    if not ctx.floor:
        return figures
    enc, pln = figures["encrypted"]["search"], figures["plain"]["search"]
    figures["ratio_encrypted_to_plain"] = {
        "search_total": round(enc["all"]["total_ms"] / pln["all"]["total_ms"], 2),
        "search_p95": round(enc["all"]["p95_ms"] / pln["all"]["p95_ms"], 2),
        "insert": round(figures["plain"]["load"]["insert_rows_per_s"]
                        / figures["encrypted"]["load"]["insert_rows_per_s"], 2),
    }  # fmt: skip
    ctx.say(f"encrypted/plain: search total {figures['ratio_encrypted_to_plain']['search_total']}, "
            f"search p95 {figures['ratio_encrypted_to_plain']['search_p95']}, "
            f"insert {figures['ratio_encrypted_to_plain']['insert']}")  # fmt: skip
    return figures


def _median_ms(action: Callable[[], None], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)


@section("unlock", "opening a book: keyring, raw key, passphrase", order=20)
def unlock_section(ctx: BenchContext) -> Figures:
    figures: Figures = {}
    store = KeyringStore()
    if store.usable():
        path = ctx.workdir / "keyring.crmdesk"
        book = create_book(path, keystore=store)
        book.close()
        try:
            figures["keyring_ms"] = _median_ms(lambda: open_book(path, keystore=store).close(), 5)
        finally:
            store.forget(book.info.book_id)
        ctx.say(f"unlock through the keyring ({store.name}): {figures['keyring_ms']} ms")
    else:
        figures["keyring_ms"] = None
        ctx.say(f"no keyring here ({store.name}); raw-key open time instead")
    raw_path, raw_key = ctx.shared.get("raw_key_book") or (ctx.workdir / "raw.crmdesk", None)
    if raw_key is None:
        raw_key = RawKey.generate()
        migrate.ensure_current(book_engine.create_book_engine(raw_path, raw_key), raw_path)

    def open_raw() -> None:
        engine = book_engine.create_book_engine(raw_path, raw_key)
        migrate.ensure_current(engine, raw_path)
        engine.dispose()

    figures["raw_key_ms"] = _median_ms(open_raw, 5)
    figures["raw_key_book_mb"] = _file_mb(raw_path)
    ctx.say(f"open with the raw key (no KDF; {figures['raw_key_book_mb']} MB book): "
            f"{figures['raw_key_ms']} ms")  # fmt: skip
    pass_path = ctx.workdir / "passphrase.crmdesk"
    create_book(pass_path, passphrase=lambda _: _UNLOCK_PASSPHRASE, prefer_passphrase=True).close()
    figures["passphrase_ms"] = _median_ms(
        lambda: open_book(pass_path, passphrase=lambda _: _UNLOCK_PASSPHRASE).close(), 3
    )
    ctx.say(f"unlock with a passphrase (PBKDF2-HMAC-SHA512, SQLCipher 4 defaults): "
            f"{figures['passphrase_ms']} ms")  # fmt: skip
    return figures
