"""``crmdesk campaign new|list|show|status|done|export``: festival campaigns (三节两寿).

A campaign is made for one festival of one year (``new cn.mid_autumn --year 2027``), for some
tiers, owners and tags; ``show`` lists each person with the suggested gift, its value, why, and
the greeting; ``export`` writes the shopping list, the items and the greetings to Excel for the
one who buys the gifts (or the greetings alone to a CSV, for sending by hand: crmdesk sends
nothing); ``done`` marks items sent, logging each gift once.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output
from crmdesk.cli.render import table
from crmdesk.core.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _show(view: Any) -> Output:
    from crmdesk.db.services.campaigns import shopping_list

    head = (
        f"{view.name} ({view.occasion}) on {view.occasion_on}: buy by {view.buy_by}, "
        f"send by {view.send_by}\n"
        + ", ".join(f"{count} {status}" for status, count in view.progress.items())
    )
    items = table(
        ["ITEM", "CONTACT", "ACCOUNT", "TIER", "GIFT", "VALUE", "STATUS", "WHY"],
        (
            [i.id[:8], i.contact, i.account or "", i.tier or "", i.gift or "(choose one)",
             str(i.value) if i.value else "", i.status, i.reason]
            for i in view.items
        ),
        empty="No one.",
    )  # fmt: skip
    shopping = table(
        ["GIFT", "QUANTITY", "EACH", "TOTAL"],
        (
            [line.gift, line.quantity, str(line.unit or ""), str(line.total or "")]
            for line in shopping_list(view)
        ),
        empty="Nothing to buy.",
    )
    greetings = "\n".join(f"{i.contact}: {i.greeting}" for i in view.items)
    return Output(
        view.to_json(),
        "\n\n".join([head, items, "Shopping list", shopping, "Greetings", greetings]),
    )


def campaign_new(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.greetings import Tone
    from crmdesk.db.services import campaigns

    with ctx.transaction() as s:
        view = campaigns.new_campaign(
            s,
            occasion=args.occasion,
            year=args.year or dt.date.today().year,
            sender=args.sender,
            tiers=args.tier,
            owners=args.owner,
            tags=args.tag,
            lang=args.lang,
            greeting_lang=args.greeting_lang,
            tone=Tone(args.tone),
            name=args.name,
        )
    return _show(view)


def campaign_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import campaigns

    with ctx.transaction() as s:
        views = campaigns.list_campaigns(s)
    text = table(
        ["ID", "NAME", "DAY", "REP", "PEOPLE", "BUDGET", "COMMITTED", "TO BUY", "BOUGHT", "SENT",
         "THANKED"],
        (
            [v.id[:8], v.name, v.occasion_on, v.rep or "", v.total.people,
             str(v.total.budget or ""), " + ".join(str(m) for m in v.total.committed_money),
             v.progress["to_buy"], v.progress["bought"], v.progress["sent"], v.progress["thanked"]]
            for v in views
        ),
        empty="No campaigns. Make one: crmdesk campaign new cn.mid_autumn --sender NAME",
    )  # fmt: skip
    return Output([v.to_json() for v in views], text)


def _campaign_id(session: Session, prefix: str) -> str:
    """A campaign by its id or the first characters of it (as ``list`` shows)."""
    from sqlalchemy import select

    from crmdesk.db.models import Campaign

    found = session.scalars(
        select(Campaign.id).where(Campaign.id.startswith(prefix), Campaign.deleted.is_(False))
    ).all()
    if len(found) != 1:
        raise ValidationError(
            f"{prefix!r} names {'no' if not found else 'more than one'} campaign",
            field="campaign",
        )
    return found[0]


def _item_ids(session: Session, campaign_id: str, prefixes: list[str]) -> list[str]:
    """Items of the campaign by id prefix, read in the transaction that then writes them (so
    nothing can change between the look-up and the write)."""
    from sqlalchemy import select

    from crmdesk.db.models import CampaignItem

    ids = session.scalars(
        select(CampaignItem.id).where(
            CampaignItem.campaign_id == campaign_id, CampaignItem.deleted.is_(False)
        )
    ).all()
    chosen = []
    for prefix in prefixes:
        matches = [i for i in ids if i.startswith(prefix)]
        if len(matches) != 1:
            raise ValidationError(f"{prefix!r} names no single item of this campaign", field="item")
        chosen.append(matches[0])
    return chosen


def campaign_show(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import campaigns

    with ctx.transaction() as s:
        return _show(campaigns.campaign_detail(s, _campaign_id(s, args.campaign)))


def campaign_status(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import campaigns

    with ctx.transaction() as s:
        campaign_id = _campaign_id(s, args.campaign)
        items = _item_ids(s, campaign_id, args.items)
        return _show(campaigns.set_status(s, campaign_id=campaign_id, item_ids=items,
                                          status=args.status))  # fmt: skip


def campaign_done(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import campaigns

    if not args.items and not args.all:
        raise ValidationError("name the items sent, or --all", field="items")
    with ctx.transaction() as s:
        campaign_id = _campaign_id(s, args.campaign)
        items = [] if args.all else _item_ids(s, campaign_id, args.items)
        view, logged = campaigns.mark_sent(
            s, campaign_id=campaign_id, item_ids=items, when=dt.datetime.now().astimezone()
        )
    shown = _show(view)
    return Output(
        {**view.to_json(), "logged": logged},
        f"Logged {logged} gift(s) as sent (items sent before are not logged again).\n\n"
        + shown.text,
    )


def campaign_export(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import campaigns

    with ctx.transaction() as s:
        view = campaigns.campaign_detail(s, _campaign_id(s, args.campaign))
    target = Path(args.file)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(
            f"{target.name}: export to .xlsx (shopping list, items, greetings) or .csv (greetings)",
            field="file",
        )
    from crmdesk.db.campaign_export import write_greetings_csv, write_xlsx

    if suffix == ".csv":
        write_greetings_csv(view, target)
    else:
        write_xlsx(view, target)
    return Output({"file": str(target), "items": len(view.items)},
                  f"Wrote {len(view.items)} people to {target}")  # fmt: skip


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    campaign = sub.add_parser("campaign", help="festival campaigns: gifts and greetings (三节两寿)")
    csub = campaign.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = csub.add_parser("new", parents=[common], help="make a campaign for one festival")
    p.add_argument("occasion", help="a festival key, e.g. cn.mid_autumn, cn.spring_festival")
    p.add_argument("--year", type=int, help="default: this year")
    p.add_argument("--sender", required=True, help="who the greetings are from")
    p.add_argument("--tier", action="append", default=[], help="only this tier (repeat)")
    p.add_argument("--owner", action="append", default=[], help="only this rep's (repeat)")
    p.add_argument("--tag", action="append", default=[], help="only with this tag (repeat)")
    p.add_argument(
        "--lang",
        default="zh",
        choices=["zh", "zh_TW", "en"],
        help="the campaign's name and the gifts' reasons; zh_TW also greets Chinese names in "
        "traditional Chinese",
    )
    p.add_argument(
        "--greeting-lang",
        default="auto",
        choices=["auto", "zh", "zh_TW", "en"],
        help="the greetings' language (auto: traditional Chinese for a name or company written "
        "in traditional characters, Chinese for another Chinese name, else English)",
    )
    p.add_argument("--tone", default="formal", choices=["formal", "warm"])
    p.add_argument("--name", help="default: the festival's name and the year")
    p.set_defaults(handler=campaign_new)
    p = csub.add_parser("list", parents=[common], help="the campaigns and their progress")
    p.set_defaults(handler=campaign_list)
    p = csub.add_parser("show", parents=[common], help="people, gifts, greetings, shopping list")
    p.add_argument("campaign", help="its id (the first characters are enough)")
    p.set_defaults(handler=campaign_show)
    p = csub.add_parser("status", parents=[common], help="mark items bought or thanked")
    p.add_argument("campaign")
    p.add_argument("status", choices=["to_buy", "bought", "thanked"])
    p.add_argument("items", nargs="+", help="item ids (the first characters are enough)")
    p.set_defaults(handler=campaign_status)
    p = csub.add_parser("done", parents=[common], help="mark items sent: logs each gift once")
    p.add_argument("campaign")
    p.add_argument("items", nargs="*")
    p.add_argument("--all", action="store_true", help="every item of the campaign")
    p.set_defaults(handler=campaign_done)
    p = csub.add_parser("export", parents=[common], help="to .xlsx (for purchasing) or .csv")
    p.add_argument("campaign")
    p.add_argument("file")
    p.set_defaults(handler=campaign_export)
    # The catalogue the suggestions choose from: ``crmdesk gift ...`` (crmdesk.cli.gifts).
    from crmdesk.cli import gifts

    gifts.register(sub, common)
