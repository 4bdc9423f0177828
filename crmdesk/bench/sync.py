"""Sync benchmark: ``uv run python -m crmdesk.bench.sync`` (PostgreSQL at 127.0.0.1:5432).

Measures, against a real ``crmdesk-server`` (2 uvicorn workers) on a fresh PostgreSQL database
of its own (dropped at the end) and real encrypted books:

1. first sync of a book of N records (default 100,000) on a new device        (target <= 5 s)
   with the CPU time of the client and of the server processes beside it
2. an idle sync (nothing changed): one round trip                              (target <= 50 ms)
3. a change visible on another online device after its push (long-poll)       (target <= 1 s)
4. R simulated reps (default 200) online at once, each syncing (push 1-3 edits, pull) every
   1.5-4.5 s: request latency p95, and server CPU a request                   (target <= 250 ms)

It ends with the one table of ``crmdesk.bench`` (what, figure, budget); the section ``sync`` is
the same run for ``python -m crmdesk.bench`` (``--contacts`` records, a 20 s load).

``--ab OLD_REV``: the many-reps load against OLD_REV's server (run from a ``git worktree`` of it)
and this one, alternately, ``--rounds`` pairs, each on a fresh database; prints the p95 and the
server CPU a request of each, their ratio per pair and the median ratio. On a shared machine the
load drifts between runs and within a pair it is about the same: the ratio is the figure.

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
import shutil
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
import keyring.backends.null
import psycopg
from sqlalchemy import insert, select, update

from crmdesk.bench import BenchContext, Figures, TableRow, render_table, section
from crmdesk.db import search
from crmdesk.db.book import Book, BookInfo
from crmdesk.db.engine import create_book_engine
from crmdesk.db.keys import KeyringStore, RawKey
from crmdesk.db.migrate import ensure_current
from crmdesk.db.models import Account
from crmdesk.db.record_schema import table_specs
from crmdesk.server import crud, security
from crmdesk.server.db import make_engine, make_sessions
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


@dataclass
class Served:
    """A running server: its address and its processes (for their CPU time)."""

    base: str
    proc: subprocess.Popen[bytes]

    def cpu_seconds(self) -> float:
        """User + system CPU of the server and its worker processes so far (Linux /proc)."""
        return _tree_cpu(self.proc.pid)


def _tree_cpu(pid: int) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        total = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        children: list[int] = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(c) for c in (task / "children").read_text().split()]
    except (OSError, ValueError):
        return float("nan")  # not Linux, or the process is gone
    return total + sum(_tree_cpu(c) for c in children)


@contextmanager
def server(url: str, workers: int, log: Path, checkout: Path | None = None) -> Iterator[Served]:
    """Run ``crmdesk-server serve`` (it migrates the database first); ``checkout``: the code of
    another commit (a ``git worktree``), for the A/B."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
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
            env=env,
            cwd=checkout,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            started = False
            # One client for the polling: each new one loads the CA bundle (25 ms of CPU).
            with httpx.Client(timeout=1) as probe:
                while not started and time.monotonic() < deadline and proc.poll() is None:
                    try:
                        started = probe.get(base + "/api/v1/health").status_code == 200
                    except httpx.HTTPError:
                        time.sleep(0.2)
            if not started:
                raise RuntimeError(f"the server did not start (see {log})")
            yield Served(base, proc)
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


def bench_first_and_idle(
    sessions: Any, served: Served, tmp: Path, records: int
) -> dict[str, float]:
    with sessions() as s, s.begin():
        user = crud.create_user(s, username="bench-big", password=PASSWORD, role="rep")
        user_id = user.id
    t = time.perf_counter()
    seed_book(sessions, user_id, records)
    out(f"  seeded {records} server records in {time.perf_counter() - t:.1f} s")
    book, client = open_device(tmp / "big.crmdesk")
    try:
        client.enrol(served.base, "bench-big", PASSWORD)
        server_cpu = served.cpu_seconds()
        cpu = time.process_time()
        t = time.perf_counter()
        report = client.sync_once()
        first = time.perf_counter() - t
        cpu = time.process_time() - cpu
        server_cpu = served.cpu_seconds() - server_cpu
        assert report.pulled == records, report
        with book.sessions() as s:
            assert s.scalar(select(Account.id).limit(1)) is not None
        with book.engine.begin() as conn:
            t = time.perf_counter()
            search.rebuild(conn)  # the same one-pass rebuild the first sync ends with
            rebuild = time.perf_counter() - t
        out(
            f"1. first sync of {records} records: {first:.2f} s ({records / first:,.0f} rows/s),"
            f" of which the search index rebuild about {rebuild:.1f} s; CPU: client {cpu:.2f} s,"
            f" server {server_cpu:.2f} s  target <= 5 s"
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
        return {
            "first_sync_s": first,
            "first_sync_client_cpu_s": cpu,
            "first_sync_server_cpu_s": server_cpu,
            "first_sync_rebuild_s": rebuild,
            "idle_p95_ms": pct(idle, 95),
        }
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
                # A short poll: a change wakes it at once either way, and the end of the
                # section waits for the poll in flight.
                if b.wait_for_change(timeout=1):
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
    sessions: Any,
    served: Served,
    reps: int,
    duration: float,
    think: tuple[float, float] = THINK_SECONDS,
) -> dict[str, float]:
    base = served.base
    errors.clear()
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

    server_cpu = served.cpu_seconds()
    asyncio.run(run())
    server_cpu = served.cpu_seconds() - server_cpu
    requests = len(lat["push"]) + len(lat["pull"])
    cpu_ms = server_cpu * 1000 / max(1, requests)
    for what, count in errors.most_common(3):
        out(f"  failure x{count}: {what}")
    every = sorted(lat["push"] + lat["pull"])
    out(
        f"4. {reps} reps syncing at once for {duration:.0f} s, each every {think[0]:g}-"
        f"{think[1]:g} s: {requests} requests "
        f"({requests / duration:.0f}/s); request p50 {pct(every, 50):.0f} ms, "
        f"p95 {pct(every, 95):.0f} ms (push p95 {pct(lat['push'], 95):.0f}, pull p95 "
        f"{pct(lat['pull'], 95):.0f}); whole sync p95 {pct(lat['sync'], 95):.0f} ms; "
        f"{len(lat['failed'])} syncs failed (timeout 30 s); server CPU {cpu_ms:.1f} ms a request"
        "  target p95 <= 250 ms"
    )
    return {
        "request_p95_ms": pct(every, 95) if every else float("nan"),
        "push_p95_ms": pct(lat["push"], 95) if lat["push"] else float("nan"),
        "pull_p95_ms": pct(lat["pull"], 95) if lat["pull"] else float("nan"),
        "requests_per_s": requests / duration,
        "server_cpu_ms_per_request": cpu_ms,
        "failed": float(len(lat["failed"])),
    }


def rows(results: dict[str, float]) -> list[TableRow]:
    """The lines of the one benchmark table (``crmdesk.bench``): what, figure, budget."""
    out_rows: list[TableRow] = []
    if "first_sync_s" in results:
        out_rows += [
            ("sync: first sync, whole (s)", results["first_sync_s"], 5.0),
            ("sync: first sync, client CPU (s)", results["first_sync_client_cpu_s"], None),
            ("sync: first sync, server CPU (s)", results["first_sync_server_cpu_s"], None),
            ("sync: idle sync p95 (ms)", results["idle_p95_ms"], 50.0),
        ]
    if "visible_max_ms" in results:
        out_rows.append(
            ("sync: change visible elsewhere, max (ms)", results["visible_max_ms"], 1000.0)
        )
    if "request_p95_ms" in results:
        out_rows += [
            ("sync: many reps at once, request p95 (ms)", results["request_p95_ms"], 250.0),
            (
                "sync: many reps, server CPU a request (ms)",
                results["server_cpu_ms_per_request"],
                None,
            ),
        ]
    if "ab_median_ratio" in results:
        out_rows.append(("sync: A/B p95 new/old, median of pairs", results["ab_median_ratio"], 1.0))
    return out_rows


@contextmanager
def old_checkout(rev: str) -> Iterator[Path]:
    """A ``git worktree`` of ``rev`` (detached, removed afterwards): the old server's code."""
    root = Path(__file__).resolve().parents[2]
    place = Path(tempfile.mkdtemp(prefix="crmdesk-ab-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(place / "tree"), rev],
        cwd=root,
        check=True,
        capture_output=True,
    )
    try:
        yield place / "tree"
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(place / "tree")],
            cwd=root,
            check=False,
            capture_output=True,
        )
        shutil.rmtree(place, ignore_errors=True)


def one_side(
    checkout: Path | None, tmp: Path, args: argparse.Namespace, label: str
) -> dict[str, float]:
    """The many-reps load against one server (old code: ``checkout``) on a fresh database."""
    with fresh_pg() as url, server(url, args.workers, tmp / f"server-{label}.log", checkout) as srv:
        engine = make_engine(url, pool_size=4)
        try:
            sessions = make_sessions(engine)
            return bench_many(
                sessions, srv, args.reps, args.duration, (args.think[0], args.think[1])
            )
        finally:
            engine.dispose()


def ab(args: argparse.Namespace) -> dict[str, float]:
    """Interleaved A/B of the many-reps load: the server of ``args.ab`` and this one, one after
    the other, ``args.rounds`` times (the first side alternates), each on a fresh database. The
    load of a shared machine drifts; within a pair it is about the same, so the ratio of a pair
    is the figure, and the median over the pairs the result."""
    ratios: list[float] = []
    cpu_ratios: list[float] = []
    with old_checkout(args.ab) as tree, tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        out(f"A/B: old = {args.ab} (a git worktree), new = this checkout; {args.rounds} rounds")
        for n in range(args.rounds):
            order = [("old", tree), ("new", None)]
            if n % 2:
                order.reverse()
            got: dict[str, dict[str, float]] = {}
            for label, checkout in order:
                out(f"round {n + 1}, {label} (load {os.getloadavg()[0]:.1f}):")
                got[label] = one_side(checkout, tmp, args, label)
            ratio = got["new"]["request_p95_ms"] / got["old"]["request_p95_ms"]
            cpu = got["new"]["server_cpu_ms_per_request"] / got["old"]["server_cpu_ms_per_request"]
            ratios.append(ratio)
            cpu_ratios.append(cpu)
            out(
                f"  pair {n + 1}: p95 old {got['old']['request_p95_ms']:.0f} ms, new "
                f"{got['new']['request_p95_ms']:.0f} ms: new/old {ratio:.2f}; server CPU a "
                f"request old {got['old']['server_cpu_ms_per_request']:.1f} ms, new "
                f"{got['new']['server_cpu_ms_per_request']:.1f} ms: {cpu:.2f}"
            )
    out(
        f"A/B: p95 new/old per pair {', '.join(f'{r:.2f}' for r in ratios)}; "
        f"median {statistics.median(ratios):.2f}; server CPU a request new/old median "
        f"{statistics.median(cpu_ratios):.2f}"
    )
    return {
        "ab_median_ratio": statistics.median(ratios),
        "ab_cpu_median_ratio": statistics.median(cpu_ratios),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--records", type=int, default=100_000)
    p.add_argument("--reps", type=int, default=200)
    p.add_argument("--duration", type=float, default=40.0)
    p.add_argument("--think", type=float, nargs=2, default=THINK_SECONDS, metavar=("MIN", "MAX"))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--visible-rounds", type=int, default=20)
    p.add_argument("--only", choices=("first", "visible", "many"))
    p.add_argument(
        "--ab",
        metavar="OLD_REV",
        help="interleaved A/B of the many-reps load: the server of OLD_REV against this one",
    )
    p.add_argument("--rounds", type=int, default=4, help="A/B pairs (default 4)")
    args = p.parse_args(argv)
    security.configure(time_cost=1, memory_kib=8192, parallelism=1)
    os.environ.setdefault("CRMDESK_SERVER_POOL_SIZE", "10")
    results = run(args)
    out("")
    out(
        render_table(rows(results), markdown=False, footer=f"load average {os.getloadavg()[0]:.2f}")
    )
    return 0


def run(args: argparse.Namespace) -> dict[str, float]:
    if args.ab:
        return ab(args)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_dir, fresh_pg() as url:
        tmp = Path(tmp_dir)
        with server(url, args.workers, tmp / "server.log") as served:
            engine = make_engine(url, pool_size=4)
            sessions = make_sessions(engine)
            out(f"server: {served.base}, {args.workers} workers, PostgreSQL")
            if args.only in (None, "first"):
                results |= bench_first_and_idle(sessions, served, tmp, args.records)
            if args.only in (None, "visible"):
                results |= bench_visibility(sessions, served.base, tmp, args.visible_rounds)
            if args.only in (None, "many"):
                results |= bench_many(
                    sessions, served, args.reps, args.duration, (args.think[0], args.think[1])
                )
            engine.dispose()
    return results


@section("sync", "first sync, idle sync, visibility and many reps against a real server", order=90)
def sync_section(ctx: BenchContext) -> Figures:
    """For ``python -m crmdesk.bench``: a first sync of ``--contacts`` records and a short
    many-reps load (200 reps for 20 s). Needs PostgreSQL at 127.0.0.1:5432; without one the
    table says so and the other sections still run."""
    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
    except psycopg.Error as exc:
        ctx.say(f"sync: no PostgreSQL at {PG_ADMIN} ({exc.__class__.__name__}); not run")
        return {"rows": [("sync: needs PostgreSQL at 127.0.0.1:5432", "not run", None)]}
    security.configure(time_cost=1, memory_kib=8192, parallelism=1)
    args = argparse.Namespace(
        ab=None,
        records=ctx.contacts,
        reps=200,
        duration=20.0,
        think=THINK_SECONDS,
        workers=2,
        visible_rounds=10,
        only=None,
    )
    results = run(args)
    return {**results, "rows": rows(results)}


if __name__ == "__main__":
    sys.exit(main())
