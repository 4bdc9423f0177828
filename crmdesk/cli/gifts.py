"""``crmdesk gift list|add|edit|remove``: the gift catalogue that campaign suggestions choose from.

An item is named by its key (``mooncakes``; an item added by hand has its id as key, and the
first characters of it are enough). A name is required and a price must be an amount above zero;
an item a campaign names can be made inactive (``edit KEY --inactive``) but not removed.
"""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli.context import Context, Output
from crmdesk.cli.render import table


def _row(e: Any) -> list[object]:
    return [
        e.key[:8] if len(e.key) == 36 else e.key, e.name_zh, e.name_en, str(e.price),
        ", ".join(e.tags), ", ".join(e.occasions) or "any",
        "yes" if e.active else "no", e.used,
    ]  # fmt: skip


HEADERS = ["KEY", "NAME", "ENGLISH", "PRICE", "TAGS", "OCCASIONS", "ACTIVE", "USED"]


def _one(entry: Any, verb: str) -> Output:
    return Output(entry.to_json(), f"{verb}:\n" + table(HEADERS, [_row(entry)], empty=""))


def gift_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import gift_catalogue

    with ctx.transaction() as s:
        entries = gift_catalogue.list_catalogue(s, active_only=args.active)
    text = table(HEADERS, (_row(e) for e in entries), empty="The catalogue is empty.")
    return Output([e.to_json() for e in entries], text)


def gift_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import gift_catalogue

    with ctx.transaction() as s:
        entry = gift_catalogue.add_item(
            s,
            name_zh=args.name,
            name_en=args.english or "",
            price=args.price,
            tags=args.tag,
            occasions=args.occasion,
        )
    return _one(entry, "Added")


def gift_edit(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import gift_catalogue
    from crmdesk.db.services._common import UNSET

    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name_zh"] = args.name
    if args.english is not None:
        changes["name_en"] = args.english
    if args.price is not None:
        changes["price"] = args.price
    if args.tag is not None:
        changes["tags"] = args.tag
    if args.occasion is not None:
        changes["occasions"] = args.occasion
    if args.any_occasion:
        changes["occasions"] = []
    changes["active"] = True if args.active else False if args.inactive else UNSET
    with ctx.transaction() as s:
        entry = gift_catalogue.edit_item(s, args.gift, **changes)
    return _one(entry, "Changed")


def gift_remove(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import gift_catalogue

    with ctx.transaction() as s:
        entry = gift_catalogue.remove_item(s, args.gift)
    return _one(entry, "Removed")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    gift = sub.add_parser("gift", help="the gift catalogue campaigns suggest from")
    gsub = gift.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = gsub.add_parser("list", parents=[common], help="the catalogue, active items first")
    p.add_argument("--active", action="store_true", help="only the items suggested")
    p.set_defaults(handler=gift_list)
    tags_help = (
        "what it is, for the taboo rules (repeat): tea, alcohol, sweets, meat, pork, fruit, "
        "tobacco, food, health, stationery, clothing, book"
    )
    p = gsub.add_parser("add", parents=[common], help="add a gift with its price")
    p.add_argument("--name", required=True, help="its name (Chinese, as on the shopping list)")
    p.add_argument("--english", help="its English name")
    p.add_argument("--price", required=True, help="e.g. 300, 300.50, ¥1,200 (above zero)")
    p.add_argument("--tag", action="append", default=[], help=tags_help)
    p.add_argument(
        "--occasion", action="append", default=[],
        help="a festival it suits, e.g. cn.mid_autumn (repeat; none: any)",
    )  # fmt: skip
    p.set_defaults(handler=gift_add)
    p = gsub.add_parser("edit", parents=[common], help="change a gift (only what is given)")
    p.add_argument("gift", help="its key (the first characters are enough)")
    p.add_argument("--name")
    p.add_argument("--english")
    p.add_argument("--price")
    p.add_argument("--tag", action="append", help="replaces the tags (repeat)")
    p.add_argument("--occasion", action="append", help="replaces the occasions (repeat)")
    p.add_argument("--any-occasion", action="store_true", help="suits every occasion")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--active", action="store_true", help="suggest it again")
    state.add_argument("--inactive", action="store_true", help="no longer suggest it")
    p.set_defaults(handler=gift_edit)
    p = gsub.add_parser("remove", parents=[common], help="remove a gift no campaign names")
    p.add_argument("gift")
    p.set_defaults(handler=gift_remove)
