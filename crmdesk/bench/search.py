"""Benchmark sections ``search`` (bulk load and search latency, encrypted against plain SQLite) and
``unlock`` (opening a book through the keyring, a raw key or a passphrase).

Search is timed per kind of query (one character, surnames, initials, the given name alone,
traditional characters, phone suffixes...) on a book **closed and reopened** after it was built,
so SQLite's page cache starts empty as it does when a rep opens the app; the queries of every kind
are interleaved, so no kind gets the warm cache of the one before it. A second pass over the same
queries gives the warm figures.

The floor is the same workload, through the same code, on a plain stdlib ``sqlite3`` file with
the same pragmas: the ratio of the two is what encryption costs.
"""

from __future__ import annotations

import functools
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
from crmdesk.core.search_keys import COMPOUND_SURNAMES, has_cjk, phone_digits
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
    latin = [c for c in data.contacts if not has_cjk(c["name"])] or data.contacts
    people = data.contacts

    def given(c: dict[str, Any]) -> str:
        # The given name alone in pinyin: the sort key's syllables after the surname's.
        syllables = c["sort_key"].split()
        return "".join(syllables[2 if c["name"][:2] in COMPOUND_SURNAMES else 1 :])

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
        "pinyin_given": draw(chinese, given),
        "traditional": draw(chinese, lambda c: traditional(c["name"])),
        "latin_name": draw(latin, lambda c: c["name"].split()[-1].lower()),
        "phone_last4": draw(people, lambda c: phone_digits(c["phones"][0])[-4:]),
        "phone_full": draw(people, lambda c: c["phones"][0]),
    }  # fmt: skip


def traditional(name: str) -> str:
    """A name written in traditional characters (OpenCC ``s2t``), as a Hong Kong or Taiwan
    colleague types it."""
    return str(_s2t().convert(name))


@functools.lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


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


def _time_queries(engine: Engine, queries: dict[str, list[str]], seed: int) -> Figures:
    """Per-kind timings on this engine's first queries (cold) and again (warm)."""
    # The generated rows are millions of live objects; a full garbage collection pass over them
    # in the middle of a query would be timed as search. The app holds no such heap.
    gc.collect()
    gc.freeze()
    order = [(kind, q) for kind, batch in queries.items() for q in batch]
    random.Random(seed).shuffle(order)  # kinds interleaved: none warms the cache for another
    figures: Figures = {}
    with Session(engine) as session:
        for label in ("cold", "warm"):
            samples: dict[str, list[float]] = {kind: [] for kind in queries}
            cpu: dict[str, list[float]] = {kind: [] for kind in queries}
            empty = dict.fromkeys(queries, 0)
            for kind, q in order:
                start, start_cpu = time.perf_counter(), time.thread_time()
                hits = search.search(session, q)
                samples[kind].append((time.perf_counter() - start) * 1000)
                # CPU time of this thread: the query's own work (decryption included), without
                # the time it waited for a core on a busy machine.
                cpu[kind].append((time.thread_time() - start_cpu) * 1000)
                empty[kind] += not hits
            every = [ms for batch in samples.values() for ms in batch]
            every_cpu = [ms for batch in cpu.values() for ms in batch]
            figures[label] = {
                **{k: {**percentiles(v), **_cpu(cpu[k]), "no_hits": empty[k]}
                   for k, v in samples.items()},
                "all": {**percentiles(every), **_cpu(every_cpu), "total_ms": round(sum(every), 1)},
            }  # fmt: skip
    return figures


def _cpu(samples_ms: list[float]) -> Figures:
    figures = percentiles(samples_ms)
    return {"cpu_p50_ms": figures.get("p50_ms"), "cpu_p95_ms": figures.get("p95_ms")}


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


def _encrypted_engine(ctx: BenchContext) -> tuple[Engine, Path, Callable[[], Engine]]:
    """The encrypted book's engine, its path, and a way to open it again (a fresh engine)."""
    if ctx.book is None:
        path = ctx.workdir / "encrypted.crmdesk"
        key = RawKey.generate()
        engine = book_engine.create_book_engine(path, key)
        migrate.ensure_current(engine, path)
        ctx.shared["raw_key_book"] = (path, key)
        return engine, path, lambda: book_engine.create_book_engine(path, key)
    if not os.environ.get(BENCH_PASSPHRASE_ENV):
        raise SystemExit(f"--book needs a passphrase for the kept book: set {BENCH_PASSPHRASE_ENV}")
    book = create_book(ctx.book, prefer_passphrase=True)
    kept = ctx.book
    return book.engine, kept, lambda: open_book(kept).engine


@section("search", "bulk load and search latency, encrypted vs plain SQLite", order=10)
def search_section(ctx: BenchContext) -> Figures:
    encrypted, encrypted_path, reopen = _encrypted_engine(ctx)  # first: it may refuse (--book)
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
    runs: list[tuple[str, Engine, Path, Callable[[], Engine]]] = [
        ("encrypted", encrypted, encrypted_path, reopen)
    ]
    runs += [("plain", plain, plain_path, lambda: plain_engine(plain_path))] if ctx.floor else []
    reopened: list[Engine] = []
    try:
        for label, engine, path, again in runs:
            load = _load(engine, data)
            rate, seconds = load["insert_rows_per_s"], load["insert_s"]
            ctx.say(f"[{label}] insert {rate:,} rows/s ({seconds} s), "
                    f"index {load['index_docs_per_s']:,} docs/s ({load['index_s']} s), "
                    f"{_file_mb(path)} MB")  # fmt: skip
            engine.dispose()  # closed, then opened again: nothing of the load left in memory
            reopened.append(fresh := again())
            timings = _time_queries(fresh, queries, ctx.seed)
            ctx.say(f"[{label}] reopened book, cold: the first query of each kind, interleaved; "
                    f"warm: the same queries again")  # fmt: skip
            for kind, cold in timings["cold"].items():
                warm = timings["warm"][kind]
                ctx.say(f"[{label}] {kind:15} cold p50 {cold['p50_ms']:6.2f} p95 "
                        f"{cold['p95_ms']:6.2f} max {cold['max_ms']:6.2f} ms (CPU p50 "
                        f"{cold['cpu_p50_ms']:6.2f} p95 {cold['cpu_p95_ms']:6.2f}) | warm p50 "
                        f"{warm['p50_ms']:6.2f} p95 {warm['p95_ms']:6.2f} ms")  # fmt: skip
            figures[label] = {
                "load": load, "search": timings["cold"], "search_warm": timings["warm"],
                "file_mb": _file_mb(path),
            }  # fmt: skip
        figures["plans"] = _plans(reopened[0], queries)
    finally:
        for engine in (encrypted, plain, *reopened):
            engine.dispose()
    scans = figures["plans"]["full_scans"]
    ctx.say(f"query plans: {figures['plans']['plan_lines_checked']} lines checked, "
            f"{len(scans)} full-table scans" + (f": {scans[:3]}" if scans else ""))  # fmt: skip
    n = f"{ctx.contacts:,}"
    cold = figures["encrypted"]["search"]["all"]
    figures["rows"] = [
        (f"search p95, every kind, {n} contacts, reopened book, cold (ms)", cold["p95_ms"], 10.0),
        ("  … the same, CPU time (ms)", cold["cpu_p95_ms"], None),
        (f"search index build, {n} contacts (docs/s, higher is better)",
         figures["encrypted"]["load"]["index_docs_per_s"], None),
        ("full-table scans in the search query plans", len(scans), 0),
    ]  # fmt: skip
    if not ctx.floor:
        return figures
    floor_p95 = figures["plain"]["search"]["all"]["p95_ms"]
    figures["rows"].insert(2, ("  … plain-SQLite floor, same queries (ms)", floor_p95, None))
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
    figures["rows"] = [
        ("open a book through the keyring (ms)", figures["keyring_ms"] or "no keyring", None),
        ("open a book with its raw key, no KDF (ms)", figures["raw_key_ms"], None),
        ("unlock a book with a passphrase, PBKDF2 (ms)", figures["passphrase_ms"], None),
    ]
    return figures
