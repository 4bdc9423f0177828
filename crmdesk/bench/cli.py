"""Benchmark section ``cli``: the command line as users feel it, in whole processes.

Each command runs as its own process, start to exit, the way a script or a terminal runs it:
``crmdesk --version``, ``--help`` and ``help contact add`` (no book), ``crmdesk search zgl`` on a
small book, ``crmdesk contact list --json`` of 11,000 contacts and ``crmdesk export-ics`` of a book
with 24,000 important dates (three years of them and a 30-day plan: about 72,000 events), each
next to the floor of a bare ``python -c pass``. The commands run interleaved, round after round,
so that load from other work on the machine falls on all of them alike; each figure is the median.

The books are real encrypted books made in the scratch folder. Most are keyring books: the child
processes reach their key through the real keyring code path, backed by
:mod:`crmdesk.bench.envkeyring` (a back end that serves the key from the environment, so no key
derivation is timed, as with a desktop keyring); one passphrase book shows what the passphrase's
key derivation (PBKDF2, 256,000 rounds) adds. Children run with a bytecode cache of their own,
filled by warm-up rounds that are not counted, as an installed crmdesk has its ``.pyc`` files.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from crmdesk.bench import BenchContext, Figures, section

# crmdesk.bench.envkeyring's names, written out: importing it here would register its back end
# with keyring's discovery in this process (and in the test run), not only in the children.
KEY_ENV = "CRMDESK_BENCH_KEY"
BACKEND = "crmdesk.bench.envkeyring.EnvKeyring"

VERSION_BUDGET_S = 0.15
SEARCH_BUDGET_S = 0.4
LIST_BUDGET_S = 1.0
ICS_BUDGET_S = 2.0
LIST_SHARE = 0.11  # 11,000 contacts at 100,000
ICS_SHARE = 0.343  # contacts for 24,000 dates at 100,000 (70% have a birthday)
BENCH_PASSPHRASE = "bench passphrase, not a secret"


def crmdesk_command() -> list[str]:
    """The installed ``crmdesk`` script beside this Python, else ``python -m crmdesk``."""
    script = Path(sys.executable).with_name("crmdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "crmdesk"]


def make_book(
    path: Path, contacts: int, seed: int, *, passphrase: str | None = None, demo: bool = False
) -> str:
    """An encrypted book of ``contacts`` synthetic contacts (with dates, pinyin keys and the
    search index); with ``demo`` also the README's 华东重工集团 and 曾国梁. Returns the raw key
    in hex for a keyring book, "" for a passphrase book."""
    from crmdesk.bench.synthetic import fill_name_keys, generate, insert_rows
    from crmdesk.db import search
    from crmdesk.db.book import BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import Passphrase, RawKey
    from crmdesk.db.migrate import ensure_current

    raw = RawKey.generate()
    key = Passphrase(passphrase) if passphrase else raw
    path.touch(mode=0o600)
    engine = create_book_engine(path, key)
    try:
        ensure_current(engine, path)
        data = generate(contacts, seed)
        fill_name_keys(data)
        with engine.begin() as conn:
            insert_rows(conn, data)
            search.rebuild(conn)
        if demo:  # through the services, as `crmdesk contact add` writes them
            from crmdesk.db.book import Book
            from crmdesk.db.services import accounts
            from crmdesk.db.services import contacts as people

            book = Book(path, BookInfo(book_id="demo", key_source="keyring"), engine, None)
            with book.session() as session, session.begin():
                account = accounts.add_account(session, name="华东重工集团", tier="S")
                people.add_contact(
                    session, name="曾国梁", account_id=account.id, phones=["138 0013 8000"]
                )
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    if passphrase:
        BookInfo(book_id=str(uuid.uuid4()), key_source="passphrase").save(path)
        return ""
    BookInfo(book_id=str(uuid.uuid4()), key_source="keyring", keyring_backend=BACKEND).save(path)
    return raw.key.hex()


def child_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("CRMDESK_BOOK", "CRMDESK_PASSPHRASE", KEY_ENV):
        env.pop(name, None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    env["PYTHON_KEYRING_BACKEND"] = BACKEND
    return env


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_commands(
    commands: dict[str, tuple[list[str], dict[str, str]]],
    *,
    runs: int,
    warmup: int,
    cpu: dict[str, float] | None = None,
) -> dict[str, float]:
    """Median wall-clock seconds of each command, start to exit, run interleaved; with ``cpu``,
    also the median CPU seconds each command's process spent (on a loaded machine the wall
    time includes waiting for a core, the CPU time does not)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpu_samples: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for round_no in range(warmup + runs):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:  # a different order each round
            argv, env = commands[name]
            began, cpu_began = time.perf_counter(), _children_cpu()
            done = subprocess.run(argv, env=env, capture_output=True, check=False, timeout=600)
            elapsed = time.perf_counter() - began
            cpu_spent = _children_cpu() - cpu_began
            if done.returncode != 0:
                raise RuntimeError(
                    f"{name} failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
                )
            if round_no >= warmup:
                samples[name].append(elapsed)
                cpu_samples[name].append(cpu_spent)
    if cpu is not None:
        cpu.update({name: statistics.median(values) for name, values in cpu_samples.items()})
    return {name: statistics.median(values) for name, values in samples.items()}


def run_cli_bench(ctx: BenchContext, *, runs: int = 7, warmup: int = 2) -> Figures:
    work = ctx.workdir / "cli"
    work.mkdir(exist_ok=True)
    env = child_env(work)
    list_n = max(10, round(ctx.contacts * LIST_SHARE))
    ics_n = max(10, round(ctx.contacts * ICS_SHARE))
    ctx.say(f"making books: a small one, {list_n:,} contacts, {ics_n:,} contacts with dates…")
    small = work / "small.crmdesk"
    small_key = make_book(small, 20, ctx.seed, demo=True)
    locked = work / "small-passphrase.crmdesk"
    make_book(locked, 20, ctx.seed, passphrase=BENCH_PASSPHRASE, demo=True)
    listed = work / "list.crmdesk"
    list_key = make_book(listed, list_n, ctx.seed + 1)
    dated = work / "dates.crmdesk"
    dates_key = make_book(dated, ics_n, ctx.seed + 2)
    dates = _count_dates(dated, dates_key)

    crmdesk = crmdesk_command()

    def with_key(key: str) -> dict[str, str]:
        return {**env, KEY_ENV: key}

    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "floor": ([sys.executable, "-c", "pass"], env),
        "version": ([*crmdesk, "--version"], env),
        "help": ([*crmdesk, "--help"], env),
        "help_command": ([*crmdesk, "help", "contact", "add"], env),
        "search": ([*crmdesk, "search", "zgl", "--book", str(small)], with_key(small_key)),
        "search_passphrase": (
            [*crmdesk, "search", "zgl", "--book", str(locked)],
            {**env, "CRMDESK_PASSPHRASE": BENCH_PASSPHRASE},
        ),
        "contact_list_json": (
            [*crmdesk, "contact", "list", "--json", "--book", str(listed)],
            with_key(list_key),
        ),
        "export_ics": (
            [*crmdesk, "export-ics", str(work / "plan.ics"), "--book", str(dated)],
            with_key(dates_key),
        ),
    }
    cpu: dict[str, float] = {}
    medians = time_commands(commands, runs=runs, warmup=warmup, cpu=cpu)
    floor = medians["floor"]
    for name, seconds in medians.items():
        ctx.say(
            f"{name:18} {seconds:7.3f} s  ({seconds / floor:5.1f}× the floor; "
            f"CPU {cpu[name]:.3f} s)"
        )
    rows = [
        ("CLI floor: bare `python -c pass` (s)", medians["floor"], None),
        ("`crmdesk --version`, whole process (s)", medians["version"], VERSION_BUDGET_S),
        ("`crmdesk --help` (s)", medians["help"], VERSION_BUDGET_S),
        ("`crmdesk help contact add` (s)", medians["help_command"], VERSION_BUDGET_S),
        ("`crmdesk search zgl`, small book, keyring (s)", medians["search"], SEARCH_BUDGET_S),
        (
            "`crmdesk search zgl`, passphrase book (+ PBKDF2) (s)",
            medians["search_passphrase"],
            None,
        ),
        (
            f"`crmdesk contact list --json`, {list_n:,} contacts (s)",
            medians["contact_list_json"],
            LIST_BUDGET_S,
        ),
        (
            f"`crmdesk export-ics`, {dates:,} dates (3 years + 30-day plan) (s)",
            medians["export_ics"],
            ICS_BUDGET_S,
        ),
        # The same processes' CPU time: what they cost when the machine is shared.
        ("`crmdesk search zgl`, small book: CPU (s)", cpu["search"], None),
        ("`crmdesk contact list --json`: CPU (s)", cpu["contact_list_json"], None),
        ("`crmdesk export-ics`: CPU (s)", cpu["export_ics"], None),
    ]
    return {
        "seconds": {k: round(v, 4) for k, v in medians.items()},
        "cpu_seconds": {k: round(v, 4) for k, v in cpu.items()},
        "ratio_to_floor": {k: round(v / floor, 1) for k, v in medians.items()},
        "contacts_listed": list_n,
        "dates": dates,
        "rows": rows,
    }


def _count_dates(path: Path, hex_key: str) -> int:
    from sqlalchemy import func, select

    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.models import ImportantDate

    engine = create_book_engine(path, RawKey(bytes.fromhex(hex_key)))
    try:
        with engine.connect() as conn:
            return int(conn.scalar(select(func.count(ImportantDate.id))) or 0)
    finally:
        engine.dispose()


@section(
    "cli", "the command line in whole processes: --version, search, list, export-ics", order=60
)
def cli_section(ctx: BenchContext) -> Figures:
    return run_cli_bench(ctx)
