"""``crmdesk tier list|add|edit|set|delete``: the book's tier scheme (客户分级)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output, money
from crmdesk.cli.render import table
from crmdesk.core.errors import ValidationError

if TYPE_CHECKING:
    from crmdesk.core.views import TierView
    from crmdesk.db.services.tiers import TierSpec


def _listing(views: list[TierView]) -> Output:
    text = table(
        ["CODE", "NAME", "CADENCE (DAYS)", "GREETING BUDGET", "MONTHLY BUDGET / ACCOUNT"],
        ([v.code, v.name, v.cadence_days, v.greeting_budget, v.monthly_budget] for v in views),
        empty="No tiers.",
    )
    return Output([v.to_json() for v in views], text)


def parse_spec(text: str) -> TierSpec:
    """``CODE:NAME:CADENCE[:BUDGET]``, e.g. ``A:Key:30:1000``."""
    from crmdesk.db.services.tiers import TierSpec

    parts = [p.strip() for p in text.split(":")]
    if len(parts) not in (3, 4):
        raise ValidationError(
            f"{text!r}: write a tier as CODE:NAME:CADENCE_DAYS[:BUDGET], e.g. A:Key:30:1000",
            field="tiers",
        )
    if not parts[2].isdigit():
        raise ValidationError(
            f"{text!r}: the cadence is a whole number of days", field="cadence_days"
        )
    budget = money(parts[3], field="greeting_budget") if len(parts) == 4 else None
    return TierSpec(parts[0], parts[1], int(parts[2]), budget)


def tier_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    with ctx.transaction() as s:
        return _listing(tiers.list_tiers(s))


def tier_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    budget = money(args.budget, field="greeting_budget")
    with ctx.transaction() as s:
        view = tiers.add_tier(
            s,
            code=args.code,
            name=args.name,
            cadence_days=args.cadence,
            rank=args.rank,
            greeting_budget=budget,
            description=args.description or "",
            monthly_budget=money(args.monthly_budget, field="monthly_budget"),
        )
    return Output(view.to_json(), f"Added tier {view.code} ({view.name})")


def tier_edit(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers
    from crmdesk.db.services._common import UNSET

    with ctx.transaction() as s:
        view = tiers.edit_tier(
            s,
            code=args.code,
            name=UNSET if args.name is None else args.name,
            rank=UNSET if args.rank is None else args.rank,
            cadence_days=UNSET if args.cadence is None else args.cadence,
            greeting_budget=(
                UNSET if args.budget is None else money(args.budget, field="greeting_budget")
            ),
            description=UNSET if args.description is None else args.description,
            monthly_budget=(
                UNSET
                if args.monthly_budget is None
                else money(args.monthly_budget, field="monthly_budget")
            ),
        )
    return Output(view.to_json(), f"Changed tier {view.code} ({view.name})")


def tier_set(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    specs = [parse_spec(t) for t in args.tiers]
    remap: dict[str, str] = {}
    for move in args.move:
        old, sep, new = move.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ValidationError(f"{move!r}: write a move as OLD=NEW, e.g. S=A", field="remap")
        remap[old] = new
    with ctx.transaction() as s:
        return _listing(tiers.replace_tiers(s, tiers=specs, remap=remap))


def tier_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    with ctx.transaction() as s:
        tiers.delete_tier(s, code=args.code, move_to=args.move_to)
    return Output({"deleted": args.code.strip().upper()}, f"Deleted tier {args.code.strip()}")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    tier = sub.add_parser("tier", help="the tier scheme (S/A/B/C, A/B/C/D...)")
    tsub = tier.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = tsub.add_parser("list", parents=[common], help="the tiers, most important first")
    p.set_defaults(handler=tier_list)
    for action, handler in (("add", tier_add), ("edit", tier_edit)):
        adding = action == "add"
        p = tsub.add_parser(action, parents=[common], help=f"{action} a tier")
        p.add_argument("code", help="e.g. S, A, KA")
        p.add_argument("--name", required=adding)
        p.add_argument("--cadence", type=int, required=adding, help="contact every N days")
        p.add_argument("--budget", help="greeting budget per occasion, e.g. 500")
        p.add_argument(
            "--monthly-budget",
            help="what one account of the tier may cost per month (the spend view), e.g. 3000",
        )
        p.add_argument("--rank", type=int, help="0 is the most important")
        p.add_argument("--description")
        p.set_defaults(handler=handler)
    p = tsub.add_parser("set", parents=[common], help="replace the whole scheme")
    p.add_argument("tiers", nargs="+", metavar="CODE:NAME:CADENCE[:BUDGET]")
    p.add_argument(
        "--move",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="move records of a removed tier to a new one (repeat)",
    )
    p.set_defaults(handler=tier_set)
    p = tsub.add_parser("delete", parents=[common], help="remove a tier")
    p.add_argument("code")
    p.add_argument("--move-to", help="the tier its accounts and contacts move to")
    p.set_defaults(handler=tier_delete)
