"""The benchmark entry point: ``uv run python -m crmdesk.bench [--contacts N] [--only a,b]``.

Speeds are measured here, never by timed unit tests. The benchmark is a list of sections; each
lives in a module of this package (``crmdesk/bench/*.py``) that registers itself with
:func:`section` when imported, and every such module is found and imported on start.
A section gets a :class:`BenchContext` (sizes, a scratch folder, a way to print)
and returns its figures as a dict, printed as JSON with ``--json``.

To add one::

    # crmdesk/bench/planner.py
    from crmdesk.bench import BenchContext, section

    @section("planner", "outreach plan for the next 30 days")
    def planner(ctx: BenchContext) -> dict[str, object]:
        ...
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Figures = dict[str, Any]


@dataclass
class BenchContext:
    """What every section is handed."""

    contacts: int
    queries: int
    seed: int
    workdir: Path  # scratch space, removed afterwards
    book: Path | None  # where to keep the synthetic encrypted book, if asked
    quiet: bool = False
    floor: bool = True  # also run the plain-SQLite floor where a section has one
    shared: dict[str, Any] = field(default_factory=dict)  # sections may leave things for others

    def say(self, line: str = "") -> None:
        if not self.quiet:
            print(line, flush=True)


@dataclass(frozen=True)
class Section:
    name: str
    description: str
    run: Callable[[BenchContext], Figures]
    order: int


SECTIONS: dict[str, Section] = {}
# The modules that register sections; the others (bundle, sync, ui, planner) run on their own.
SECTION_MODULES = ("search", "dashboard", "transfer", "integrity")


def section(
    name: str, description: str, *, order: int = 100
) -> Callable[[Callable[[BenchContext], Figures]], Callable[[BenchContext], Figures]]:
    """Register a benchmark section (sections run by ``order``, then name)."""

    def register(run: Callable[[BenchContext], Figures]) -> Callable[[BenchContext], Figures]:
        if name in SECTIONS and SECTIONS[name].run is not run:
            raise ValueError(f"two benchmark sections are called {name!r}")
        SECTIONS[name] = Section(name, description, run, order)
        return run

    return register


def load_sections() -> None:
    """Import every module of this package that holds sections, so each registers them."""
    for module in pkgutil.iter_modules(__path__):
        if module.name in SECTION_MODULES:
            importlib.import_module(f"crmdesk.bench.{module.name}")


def percentiles(samples_ms: Sequence[float]) -> Figures:
    """p50, p95 and max of timings in milliseconds (nearest-rank)."""
    ordered = sorted(samples_ms)
    if not ordered:
        return {"n": 0}

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]

    return {
        "n": len(ordered),
        "p50_ms": round(rank(0.50), 3),
        "p95_ms": round(rank(0.95), 3),
        "max_ms": round(ordered[-1], 3),
    }


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """``with stopwatch() as elapsed: ...`` — elapsed() gives seconds so far (and after)."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # not on Windows
        return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m crmdesk.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--contacts", type=int, default=100_000, help="contacts in the synthetic book"
    )
    parser.add_argument("--queries", type=int, default=200, help="queries timed per kind")
    parser.add_argument("--seed", type=int, default=20261125, help="random seed of the data")
    parser.add_argument("--only", default="", help="comma-separated sections to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the sections and exit")
    parser.add_argument("--book", type=Path, help="keep the synthetic encrypted book at this path")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument(
        "--no-floor", action="store_true", help="skip the plain-SQLite floor (saves time at 1M)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    load_sections()
    chosen = sorted(SECTIONS.values(), key=lambda s: (s.order, s.name))
    if args.list:
        for s in chosen:
            print(f"{s.name:12} {s.description}")
        return 0
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in SECTIONS]
        if unknown:
            print(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
            return 2
        chosen = [s for s in chosen if s.name in wanted]
    if args.contacts < 1 or args.queries < 1:
        print("--contacts and --queries must be at least 1")
        return 2
    # Other work on the machine shows up as latency: the load average says how far to trust it.
    machine: Figures = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    machine["load_before"] = _load_average()
    results: dict[str, Figures] = {"machine": machine}
    with tempfile.TemporaryDirectory(prefix="crmdesk-bench-") as tmp:
        ctx = BenchContext(
            contacts=args.contacts,
            queries=args.queries,
            seed=args.seed,
            workdir=Path(tmp),
            book=args.book,
            quiet=args.json,
            floor=not args.no_floor,
        )
        for s in chosen:
            ctx.say(f"== {s.name}: {s.description}")
            results[s.name] = s.run(ctx)
            ctx.say()
    machine["load_after"] = _load_average()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(f"load average (1 min) before {machine['load_before']}, after {machine['load_after']}"
              f" on {machine['cpus']} CPUs")  # fmt: skip
    return 0
