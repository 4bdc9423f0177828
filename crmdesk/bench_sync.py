"""Sync benchmark: ``uv run python -m crmdesk.bench_sync`` (PostgreSQL at 127.0.0.1:5432).

Measures, against a real ``crmdesk-server`` (2 uvicorn workers) on a fresh PostgreSQL database
of its own (dropped at the end) and real encrypted books:

1. first sync of a book of N records (default 100,000) on a new device        (target <= 10 s)
2. an idle sync (nothing changed): one round trip                              (target <= 50 ms)
3. a change visible on another online device after its push (long-poll)       (target <= 1 s)
4. R simulated reps (default 200) syncing at once: request latency p95         (target <= 250 ms)

Bench users get argon2id hashes of a small cost so that enrolling 200 of them does not dominate
the run; the server's own default cost is unchanged. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import keyring.backends.null
import psycopg
from sqlalchemy import insert, select, update

from crmdesk.db.book import Book, BookInfo
from crmdesk.db.engine import create_book_engine
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.migrate import ensure_current
from crmdesk.db.models import Account
from crmdesk.server import crud, security
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.migrate import upgrade
from crmdesk.server.models import Book as ServerBook
from crmdesk.server.models import SyncRecord
from crmdesk.sync.client import SyncClient
from crmdesk.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, table_specs

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PASSWORD = "bench password"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@contextmanager
def fresh_pg() -> Iterator[str]:
    name = "crmdesk_bench_" + secrets.token_hex(4)
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def server(url: str, workers: int, log: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crmdesk.server.cli",
                "--database-url",
                url,
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            else:
                raise RuntimeError("the server did not start")
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def open_device(path: Path) -> tuple[Book, SyncClient]:
    engine = create_book_engine(path, RawKey.generate())
    ensure_current(engine, path)
    book = Book(path, BookInfo(book_id="bench-" + path.stem, key_source="passphrase"), engine, None)
    client = SyncClient(book, keystore=KeyringStore(keyring.backends.null.Keyring()))
    return book, client


def seed_book(sessions: Any, user_id: str, records: int) -> None:
    """Write ``records`` rows into a user's server book (a fifth accounts, the rest contacts)."""
    rng = random.Random(5)
    accounts_n = max(1, records // 5)
    now = dt.datetime.now(dt.UTC).isoformat()
    specs = table_specs()
    rows: list[dict[str, Any]] = []
    account_ids = [str(uuid.uuid4()) for _ in range(accounts_n)]
    seq = 0

    def record(tbl: str, rid: str, data: dict[str, Any]) -> dict[str, Any]:
        nonlocal seq
        seq += 1
        full: dict[str, Any] = dict.fromkeys(specs[tbl].fields)
        full.update(created_at=now, updated_at=now, deleted=False, tags=[], phones=[], notes="")
        full.update(data)
        return {
            "book_id": user_id,
            "tbl": tbl,
            "id": rid,
            "seq": seq,
            "version": 1,
            "deleted": False,
            "data": full,
            "fv": {},
        }

    for i, aid in enumerate(account_ids):
        rows.append(
            record(
                "accounts",
                aid,
                {
                    "name": f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}集团{i}",
                    "name_pinyin": "",
                    "status": "existing",
                    "insight": "",
                    "notes": "重点客户，春节拜访",
                },
            )
        )
    for i in range(records - accounts_n):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        rows.append(
            record(
                "contacts",
                str(uuid.uuid4()),
                {
                    "name": name,
                    "name_pinyin": "",
                    "name_initials": "",
                    "sort_key": name,
                    "account_id": rng.choice(account_ids),
                    "title": "总经理",
                    "phones": [f"138{i:08d}"],
                    "emails": [],
                    "notes": f"喜欢普洱 {i}",
                },
            )
        )
    with sessions() as s, s.begin():
        for start in range(0, len(rows), 5000):
            s.execute(insert(SyncRecord), rows[start : start + 5000])
        s.execute(update(ServerBook).where(ServerBook.id == user_id).values(seq=seq))


def bench_first_and_idle(sessions: Any, base: str, tmp: Path, records: int) -> dict[str, float]:
    with sessions() as s, s.begin():
        user = crud.create_user(s, username="bench-big", password=PASSWORD, role="rep")
        user_id = user.id
    t = time.perf_counter()
    seed_book(sessions, user_id, records)
    out(f"  seeded {records} server records in {time.perf_counter() - t:.1f} s")
    book, client = open_device(tmp / "big.crmdesk")
    try:
        client.enrol(base, "bench-big", PASSWORD)
        t = time.perf_counter()
        report = client.sync_once()
        first = time.perf_counter() - t
        assert report.pulled == records, report
        with book.sessions() as s:
            assert s.scalar(select(Account.id).limit(1)) is not None
        out(
            f"1. first sync of {records} records: {first:.2f} s "
            f"({records / first:,.0f} rows/s)  target <= 10 s"
        )
        idle = []
        for _ in range(50):
            t = time.perf_counter()
            client.sync_once()
            idle.append((time.perf_counter() - t) * 1000)
        out(
            f"2. idle sync: median {statistics.median(idle):.1f} ms, p95 {pct(idle, 95):.1f} ms"
            "  target <= 50 ms"
        )
        return {"first_sync_s": first, "idle_p95_ms": pct(idle, 95)}
    finally:
        client.close()
        book.close()


def bench_visibility(sessions: Any, base: str, tmp: Path, rounds: int = 20) -> dict[str, float]:
    with sessions() as s, s.begin():
        crud.create_user(s, username="bench-vis", password=PASSWORD, role="rep")
    a_book, a = open_device(tmp / "vis-a.crmdesk")
    b_book, b = open_device(tmp / "vis-b.crmdesk")
    a.enrol(base, "bench-vis", PASSWORD)
    b.enrol(base, "bench-vis", PASSWORD)
    with a_book.sessions() as s, s.begin():
        acc = Account(name="可见性测试")
        s.add(acc)
        s.flush()
        aid = acc.id
    a.sync_once()
    b.sync_once()
    seen: dict[str, float] = {}
    stop = threading.Event()

    def listener() -> None:
        while not stop.is_set():
            try:
                if b.wait_for_change(timeout=5):
                    b.sync_once()
                    with b_book.sessions() as s:
                        obj = s.get(Account, aid)
                        if obj is not None and obj.notes not in seen:
                            seen[obj.notes] = time.perf_counter()
            except Exception:  # keep listening; the bench reports what it saw
                time.sleep(0.05)

    thread = threading.Thread(target=listener, daemon=True)
    thread.start()
    latencies = []
    try:
        for i in range(rounds):
            value = f"v{i}"
            with a_book.sessions() as s, s.begin():
                obj = s.get(Account, aid)
                assert obj is not None
                obj.notes = value
            a.sync_once()
            pushed = time.perf_counter()
            deadline = pushed + 10
            while value not in seen and time.perf_counter() < deadline:
                time.sleep(0.002)
            if value in seen:
                latencies.append((seen[value] - pushed) * 1000)
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=10)
        for c in (a, b):
            c.close()
        a_book.close()
        b_book.close()
    out(
        f"3. change visible on another device: median {statistics.median(latencies):.0f} ms, "
        f"max {max(latencies):.0f} ms ({len(latencies)}/{rounds} seen)  target <= 1000 ms"
    )
    return {"visible_max_ms": max(latencies)}


async def _rep_loop(
    base: str, token: str, until: float, lat: dict[str, list[float]], rng: random.Random
) -> None:
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    cursor: dict[str, int] = {}
    seq = 0
    ids: list[str] = []
    now = dt.datetime.now(dt.UTC).isoformat()
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as http:
        while time.monotonic() < until:
            muts = []
            for _ in range(rng.randint(1, 3)):
                seq += 1
                if ids and rng.random() < 0.6:
                    muts.append(
                        {
                            "seq": seq,
                            "tbl": "accounts",
                            "id": rng.choice(ids),
                            "base_version": 1,
                            "fields": {"notes": f"n{seq}"},
                        }
                    )
                else:
                    rid = str(uuid.uuid4())
                    ids.append(rid)
                    row = {
                        "name": f"客户{seq}",
                        "status": "existing",
                        "notes": "",
                        "created_at": now,
                        "updated_at": now,
                        "deleted": False,
                    }
                    muts.append(
                        {"seq": seq, "tbl": "accounts", "id": rid, "fields": row, "row": row}
                    )
            t0 = time.perf_counter()
            r = await http.post(
                "/api/v1/sync/push", json={"acked_through": seq - len(muts), "mutations": muts}
            )
            t1 = time.perf_counter()
            r.raise_for_status()
            r = await http.post("/api/v1/sync/pull", json={"cursor": cursor, "limit": 5000})
            t2 = time.perf_counter()
            r.raise_for_status()
            cursor = r.json()["cursor"]
            lat["push"].append((t1 - t0) * 1000)
            lat["pull"].append((t2 - t1) * 1000)
            lat["sync"].append((t2 - t0) * 1000)
            await asyncio.sleep(rng.uniform(0.5, 1.5))


def bench_many(sessions: Any, base: str, reps: int, duration: float) -> dict[str, float]:
    names = [f"bench-rep-{i}" for i in range(reps)]
    with sessions() as s, s.begin():
        team = crud.create_team(s, name="bench-team")
        for n in names:
            crud.create_user(s, username=n, password=PASSWORD, role="rep", team=team.name)
    tokens = []
    with httpx.Client(base_url=base, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}) as h:
        for n in names:
            r = h.post("/api/v1/enrol", json={"username": n, "password": PASSWORD})
            r.raise_for_status()
            tokens.append(r.json()["token"])
    lat: dict[str, list[float]] = {"push": [], "pull": [], "sync": []}

    async def run() -> None:
        until = time.monotonic() + duration
        rng = random.Random(7)
        await asyncio.gather(
            *(_rep_loop(base, t, until, lat, random.Random(rng.random())) for t in tokens)
        )

    asyncio.run(run())
    requests = len(lat["push"]) + len(lat["pull"])
    every = sorted(lat["push"] + lat["pull"])
    out(
        f"4. {reps} reps syncing at once for {duration:.0f} s: {requests} requests "
        f"({requests / duration:.0f}/s); request p50 {pct(every, 50):.0f} ms, "
        f"p95 {pct(every, 95):.0f} ms (push p95 {pct(lat['push'], 95):.0f}, pull p95 "
        f"{pct(lat['pull'], 95):.0f}); whole sync p95 {pct(lat['sync'], 95):.0f} ms"
        "  target p95 <= 250 ms"
    )
    return {"request_p95_ms": pct(every, 95)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--records", type=int, default=100_000)
    p.add_argument("--reps", type=int, default=200)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--only", choices=("first", "visible", "many"))
    args = p.parse_args(argv)
    security.configure(time_cost=1, memory_kib=8192, parallelism=1)
    os.environ.setdefault("CRMDESK_SERVER_POOL_SIZE", "10")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_dir, fresh_pg() as url:
        tmp = Path(tmp_dir)
        engine = make_engine(url, pool_size=4)
        upgrade(engine)
        sessions = make_sessions(engine)
        with server(url, args.workers, tmp / "server.log") as base:
            out(f"server: {base}, {args.workers} workers, PostgreSQL")
            if args.only in (None, "first"):
                results |= bench_first_and_idle(sessions, base, tmp, args.records)
            if args.only in (None, "visible"):
                results |= bench_visibility(sessions, base, tmp)
            if args.only in (None, "many"):
                results |= bench_many(sessions, base, args.reps, args.duration)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
