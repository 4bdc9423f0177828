"""Benchmark section ``app``: the desktop app's start, typing and memory, measured in fresh
processes by :mod:`crmdesk.bench.ui` (which also runs on its own: ``python -m crmdesk.bench.ui``):
cold start to first rows on a book of half ``--contacts`` (50,000 by default) against a bare
PySide6 window, the longest GUI-thread stall while typing a filter and the peak memory with
``--contacts`` open.
"""

from __future__ import annotations

from crmdesk.bench import BenchContext, Figures, section

RUNS = 3


def run_app_section(ctx: BenchContext, *, runs: int = RUNS) -> Figures:
    from crmdesk.bench.ui import run_app_bench

    work = ctx.workdir / "app"
    work.mkdir(exist_ok=True)
    return run_app_bench(
        work,
        start_contacts=max(ctx.contacts // 2, 1),
        typing_contacts=ctx.contacts,
        runs=runs,
        say=ctx.say,
    )


@section("app", "desktop app: cold start to first rows, typing stall, memory", order=70)
def app_section(ctx: BenchContext) -> Figures:
    return run_app_section(ctx)
