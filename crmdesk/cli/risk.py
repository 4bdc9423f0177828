"""``crmdesk risk``: the key accounts at risk, with the reasons (a manager's Monday list).

A key account is at risk when its touches over the last 12 months fell against the 12 months
before, it passed its tier's cadence, it lost an opportunity in the last year, or it has an open
complaint (:mod:`crmdesk.core.retention`). The book is read when the command runs; nothing heavy
is imported before.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from crmdesk.cli.context import Context, Output

SORTS = ("score", "days", "name", "tier", "owner")


def risk_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.cli.render import table
    from crmdesk.core.validation import parse_date
    from crmdesk.db.retention_stats import load_risk

    today = parse_date(args.today, field="today") if args.today else dt.date.today()
    with ctx.transaction() as s:
        rows = list(load_risk(s, today=today))
    if args.sort == "days":
        rows.sort(key=lambda r: -(r.days_since if r.days_since is not None else 10**6))
    elif args.sort == "name":
        rows.sort(key=lambda r: r.facts.name)
    elif args.sort == "tier":
        rows.sort(key=lambda r: (r.facts.tier, -r.score))
    elif args.sort == "owner":
        rows.sort(key=lambda r: (r.facts.owner is None, r.facts.owner or "", -r.score))
    text = table(
        ["ACCOUNT", "TIER", "OWNER", "LAST TOUCH", "WHY"],
        (
            [
                r.facts.name,
                r.facts.tier,
                r.facts.owner or "-",
                "never" if r.facts.last_touch is None else r.facts.last_touch.isoformat(),
                "; ".join(r.reason_texts()),
            ]
            for r in rows
        ),
        empty="No key account is at risk.",
    )
    return Output(
        {"today": today.isoformat(), "accounts": [r.to_json() for r in rows]},
        text,
    )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "risk",
        parents=[common],
        help="key accounts at risk: touches fell, past cadence, a lost deal, an open complaint",
    )
    p.add_argument("--sort", choices=SORTS, default="score", help="order (default: score)")
    p.add_argument("--today", help="the day to judge from (YYYY-MM-DD; default: today)")
    p.set_defaults(handler=risk_list)
