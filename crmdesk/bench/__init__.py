"""The benchmark entry point: ``uv run python -m crmdesk.bench [--contacts N] [--only a,b]``.

Speeds are measured here, never by timed unit tests. The benchmark is a list of sections; each
lives in a module of this package named in :data:`SECTION_MODULES` and registers itself with
:func:`section` when imported. A section gets a :class:`BenchContext` (sizes, a scratch folder, a
way to print) and returns its figures as a dict, printed as JSON with ``--json``.

Whatever sections run, the run ends with ONE table — what, figure, budget, within or over — with
the commit it ran on and the load average (``--markdown`` prints it as the README's table). A
section puts its lines in that table by returning them under the key ``"rows"``: tuples of
``(what, figure, budget)``, the unit in the ``what`` (lower is better; ``None`` for no budget)::

    # crmdesk/bench/planner.py (and add "planner" to SECTION_MODULES)
    from crmdesk.bench import BenchContext, Figures, section

    @section("planner", "outreach plan for the next 30 days")
    def planner(ctx: BenchContext) -> Figures:
        seconds = ...
        return {"plan_s": seconds, "rows": [("planner: 365-day plan, 100k contacts (ms)",
                                             seconds * 1000, 200)]}
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
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
# The modules (crmdesk/bench/NAME.py) that register sections; the bundle's runs on its own
# (it needs a built bundle). `python -m crmdesk.bench` runs every section of these.
SECTION_MODULES = (
    "search", "dashboard", "planner", "transfer", "export", "cli", "app", "integrity", "sync",
)  # fmt: skip

# A line of the final table: what (with its unit), the figure, the budget (None: none).
TableRow = tuple[str, float | str, float | None]


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
    """Import every module of :data:`SECTION_MODULES`, so each registers its sections."""
    for name in SECTION_MODULES:
        importlib.import_module(f"crmdesk.bench.{name}")


def commit() -> str:
    """The commit the benchmark runs on (``+changes`` when the work tree differs from it)."""
    root = Path(__file__).resolve().parents[2]

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=30
            )
        except OSError:  # no git on this machine (a copied or archived tree)
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short=10", "HEAD")
    if not head:
        return "unknown (not a git checkout)"
    changed = git("status", "--porcelain", "--untracked-files=no")
    return head + (" +changes" if changed else "")


def _number(value: float | str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value >= 0.01 else f"{value:.2g}"


def verdict(figure: float | str, budget: float | None) -> str:
    if budget is None or isinstance(figure, str):
        return ""
    return "within" if figure <= budget else "OVER"


def table_rows(results: dict[str, Figures]) -> list[TableRow]:
    rows: list[TableRow] = []
    for figures in results.values():
        for what, figure, budget in figures.get("rows", ()):
            rows.append((str(what), figure, budget))
    return rows


def render_table(rows: Sequence[TableRow], *, markdown: bool, footer: str) -> str:
    """The one table of a run: what, figure, budget, within or over."""
    header = ("what", "figure", "budget", "")
    body = [(what, _number(fig), _number(bud), verdict(fig, bud)) for what, fig, bud in rows]
    if markdown:
        lines = ["| what | figure | budget | |", "|---|---:|---:|---|"]
        lines += [f"| {w} | {f} | {b} | {v} |" for w, f, b, v in body]
        return "\n".join([*lines, "", footer])
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(4)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip()
        for r in [header, *body]
    ]
    return "\n".join([*lines, footer])


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
        "--markdown", action="store_true", help="print the final table as Markdown (the README's)"
    )
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
    # Stamped before the run: editing the tree while a long run goes on must not mark its figures.
    machine["commit"] = commit()
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
        return 0
    footer = (
        f"commit {machine['commit']}; load average (1 min) before {machine['load_before']}, "
        f"after {machine['load_after']} on {machine['cpus']} CPUs; python {machine['python']}"
    )
    print(render_table(table_rows(results), markdown=args.markdown, footer=footer))
    return 0
