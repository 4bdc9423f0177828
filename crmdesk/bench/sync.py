"""Sync benchmark: ``uv run python -m crmdesk.bench.sync`` (PostgreSQL at 127.0.0.1:5432).

Measures, against a real ``crmdesk-server`` (2 uvicorn workers) on a fresh PostgreSQL database
of its own (dropped at the end) and real encrypted books:

1. first sync of a book of N records (default 100,000) on a new device        (target <= 10 s)
2. an idle sync (nothing changed): one round trip                              (target <= 50 ms)
3. a change visible on another online device after its push (long-poll)       (target <= 1 s)
4. R simulated reps (default 200) online at once, each syncing (push 1-3 edits, pull) every
   1.5-4.5 s: request latency p95                                             (target <= 250 ms)

The load generator speaks plain HTTP/1.1 on asyncio streams: httpx costs more CPU per request
than the server does, and on a 2-core machine a heavy generator measures itself.

Bench users get argon2id hashes of a small cost so that enrolling 200 of them does not dominate
the run; the server's own default cost is unchanged. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
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
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import httpx
import keyring.backends.null
import psycopg
from sqlalchemy import insert, select, update

from crmdesk.db import search
from crmdesk.db.book import Book, BookInfo
from crmdesk.db.engine import create_book_engine
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.migrate import ensure_current
from crmdesk.db.models import Account
from crmdesk.db.record_schema import table_specs
from crmdesk.server import crud, security
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.migrate import upgrade
from crmdesk.server.models import Book as ServerBook
from crmdesk.server.models import SyncRecord
from crmdesk.sync.client import SyncClient
from crmdesk.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
# Between two syncs a simulated rep waits this long (the app syncs after every edit and every
# poke; a rep typing notes saves every few seconds, so this is a busy day): 200 reps then make
# about 67 syncs (a push of 1-3 edits and a pull) a second. ``--think`` changes it.
THINK_SECONDS = (1.5, 4.5)
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

    keys: dict[tuple[str, str], dict[str, str]] = {}

    def name_keys(kind: Literal["contact", "account"], name: str) -> dict[str, str]:
        # What the writing device's session hook stores with every name (pinyin, initials).
        if (kind, name) not in keys:
            keys[(kind, name)] = search.name_key_columns(kind, name)
        return keys[(kind, name)]

    for i, aid in enumerate(account_ids):
        name = f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}集团"
        data: dict[str, Any] = {
            "name": f"{name}{i}",
            "status": "existing",
            "insight": "",
            "notes": "重点客户",
        }
        rows.append(record("accounts", aid, {**data, **name_keys("account", name)}))
    for i in range(records - accounts_n):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        data = {
            "name": name,
            "account_id": rng.choice(account_ids),
            "title": "总经理",
            "phones": [f"138{i:08d}"],
            "emails": [],
            "notes": f"喜欢普洱 {i}",
        }
        rows.append(record("contacts", str(uuid.uuid4()), {**data, **name_keys("contact", name)}))
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
        with book.engine.begin() as conn:
            t = time.perf_counter()
            search.rebuild(conn)  # the same one-pass rebuild the first sync ends with
            rebuild = time.perf_counter() - t
        out(
            f"1. first sync of {records} records: {first:.2f} s ({records / first:,.0f} rows/s),"
            f" of which the search index rebuild about {rebuild:.1f} s  target <= 10 s"
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
            a.push()
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


errors: Counter[str] = Counter()


class _Closed(Exception):
    """The connection was closed before an answer came."""


class _Conn:
    """A minimal keep-alive HTTP/1.1 client for the load generator: httpx's machinery costs
    more CPU per request than the server's, and on a 2-core machine the generator would then
    measure itself."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return await self._post(path, body)
        except (ConnectionError, asyncio.IncompleteReadError, _Closed):
            # The server closed the idle keep-alive connection (uvicorn: after 5 s) before it
            # read the request: open a new one and send it again, as httpx does.
            self.close()
            self.writer = self.reader = None
            return await self._post(path, body)

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            sock = self.writer.get_extra_info("socket")
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        data = json.dumps(body).encode()
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.head}"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n".encode()
            + data
        )
        await self.writer.drain()
        status = await self.reader.readline()
        if not status:
            raise _Closed
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        payload = await self.reader.readexactly(length)
        if b" 200 " not in status:
            raise OSError(f"{status!r} {payload[:200]!r}")
        answer: dict[str, Any] = json.loads(payload)
        return answer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _rep_loop(
    base: str,
    token: str,
    until: float,
    lat: dict[str, list[float]],
    rng: random.Random,
    think: tuple[float, float],
) -> None:
    url = httpx.URL(base)
    http = _Conn(
        url.host,
        url.port or 80,
        {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"},
    )
    cursor: dict[str, int] = {}
    seq = 0
    ids: list[str] = []
    now = dt.datetime.now(dt.UTC).isoformat()
    await asyncio.sleep(rng.uniform(0, think[1]))  # reps do not all start the same instant
    try:
        while time.monotonic() < until:
            muts = []
            for _ in range(rng.randint(1, 3)):
                seq += 1
                if ids and rng.random() < 0.6:
                    fields = {"notes": f"n{seq}"}
                    muts.append(
                        {
                            "seq": seq,
                            "tbl": "accounts",
                            "id": rng.choice(ids),
                            "base_version": 1,
                            "fields": fields,
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
            try:
                await asyncio.wait_for(
                    http.post(
                        "/api/v1/sync/push",
                        {"acked_through": seq - len(muts), "mutations": muts},
                    ),
                    30,
                )
                t1 = time.perf_counter()
                page = await asyncio.wait_for(
                    http.post("/api/v1/sync/pull", {"cursor": cursor, "limit": 5000}), 30
                )
                t2 = time.perf_counter()
            except (OSError, TimeoutError, asyncio.IncompleteReadError) as exc:
                lat["failed"].append(time.perf_counter() - t0)
                errors[type(exc).__name__ + " " + str(exc)[:80]] += 1
                http.close()
                http.writer = None
                seq -= len(muts)  # resent next time, as the client would
                await asyncio.sleep(rng.uniform(*think))
                continue
            cursor = page["cursor"]
            lat["push"].append((t1 - t0) * 1000)
            lat["pull"].append((t2 - t1) * 1000)
            lat["sync"].append((t2 - t0) * 1000)
            await asyncio.sleep(rng.uniform(*think))
    finally:
        http.close()


def bench_many(
    sessions: Any, base: str, reps: int, duration: float, think: tuple[float, float] = THINK_SECONDS
) -> dict[str, float]:
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
    lat: dict[str, list[float]] = {"push": [], "pull": [], "sync": [], "failed": []}

    async def run() -> None:
        until = time.monotonic() + duration
        rng = random.Random(7)
        await asyncio.gather(
            *(_rep_loop(base, t, until, lat, random.Random(rng.random()), think) for t in tokens)
        )

    asyncio.run(run())
    requests = len(lat["push"]) + len(lat["pull"])
    for what, count in errors.most_common(3):
        out(f"  failure x{count}: {what}")
    every = sorted(lat["push"] + lat["pull"])
    out(
        f"4. {reps} reps syncing at once for {duration:.0f} s, each every {think[0]:g}-"
        f"{think[1]:g} s: {requests} requests "
        f"({requests / duration:.0f}/s); request p50 {pct(every, 50):.0f} ms, "
        f"p95 {pct(every, 95):.0f} ms (push p95 {pct(lat['push'], 95):.0f}, pull p95 "
        f"{pct(lat['pull'], 95):.0f}); whole sync p95 {pct(lat['sync'], 95):.0f} ms; "
        f"{len(lat['failed'])} syncs failed (timeout 30 s)  target p95 <= 250 ms"
    )
    return {"request_p95_ms": pct(every, 95)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--records", type=int, default=100_000)
    p.add_argument("--reps", type=int, default=200)
    p.add_argument("--duration", type=float, default=40.0)
    p.add_argument("--think", type=float, nargs=2, default=THINK_SECONDS, metavar=("MIN", "MAX"))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--visible-rounds", type=int, default=20)
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
                results |= bench_visibility(sessions, base, tmp, args.visible_rounds)
            if args.only in (None, "many"):
                results |= bench_many(
                    sessions, base, args.reps, args.duration, (args.think[0], args.think[1])
                )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
