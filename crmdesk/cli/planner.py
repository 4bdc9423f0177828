"""The planner's commands: ``upcoming``, ``planner done|remind|settings``, ``cadence``,
``festival``, ``export-ics``.

Wired into ``crmdesk`` by :func:`register` (see crmdesk/cli/__init__.py). Handlers
follow the CLI's contract: ``handler(ctx, args) -> Output``, one transaction per command, errors
raised as :class:`~crmdesk.core.errors.CrmdeskError` (the CLI prints them with the field named
and sets the exit code).

Examples::

    crmdesk upcoming --days 30 --tier S --json
    crmdesk planner done date:1a2b3c4d:2026-01-23 --cost 800 --gift 紫砂壶
    crmdesk planner done festival:cn.mid_autumn:2026-09-25 --contact 张伟 --contact 李娜 --cost 300
    crmdesk planner settings --feb29 mar1 --lead-days 10
    crmdesk planner remind --json
    crmdesk cadence set S 30
    crmdesk festival add founding --name "Founding day" --date 06-18 --tiers S,A
    crmdesk festival tiers intl.christmas all
    crmdesk export-ics plan.ics --years 5 --plan-days 30
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output, money
from crmdesk.cli.render import fields, table
from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import parse_date, parse_datetime

if TYPE_CHECKING:
    from crmdesk.core.festivals import Festival
    from crmdesk.core.planner import ItemKind, Plan, PlanFilter, PlanItem
    from crmdesk.core.planner_config import PlannerSettings, TierSet


DEFAULT_DAYS = 14
# crmdesk.core.planner.ItemKind's values, written out so --help need not load the planner (a test
# keeps the two equal).
ITEM_KINDS = (
    "follow_up",
    "dormant",
    "birthday",
    "anniversary",
    "other_date",
    "festival",
    "neglect",
)
TEXT_NEGLECT_LIMIT = 25
TEXT_PEOPLE_LIMIT = 8


def short_item_id(item_id: str) -> str:
    """An item id with its record id cut to 8 characters (``planner done`` accepts it)."""
    parts = item_id.split(":")
    if parts[0] != "festival" and len(parts) >= 2 and len(parts[1]) > 8:
        parts[1] = parts[1][:8]
    return ":".join(parts)


def _today(args: argparse.Namespace) -> dt.date:
    start = getattr(args, "start", None)
    return parse_date(start, field="from") if start else dt.date.today()


def _filters(args: argparse.Namespace) -> PlanFilter:
    from crmdesk.core.planner import PlanFilter

    return PlanFilter(
        tiers=tuple(args.tier or ()),
        owner=args.owner,
        tag=args.tag,
        kinds=tuple(_kind(k) for k in getattr(args, "kind", None) or ()),
    )


def _kind(text: str) -> ItemKind:
    from crmdesk.core.planner import ItemKind

    try:
        return ItemKind(text.strip().lower().replace("-", "_"))
    except ValueError:
        allowed = ", ".join(str(k) for k in ItemKind)
        raise ValidationError(
            f"{text!r} is not a kind of plan item; choose from: {allowed}",
            field="kind",
            code="unknown_kind",
        ) from None


# -- upcoming ----------------------------------------------------------------------------------


def _item_line(item: PlanItem) -> list[Any]:
    extra: list[str] = []
    if item.buy_by is not None:
        extra.append(f"buy by {item.buy_by.isoformat()}")
    if item.budget is not None:
        extra.append(f"budget {item.budget}")
    if item.last_gift is not None:
        value = f" {item.last_gift.value}" if item.last_gift.value is not None else ""
        extra.append(f"last gift {item.last_gift.description}{value} ({item.last_gift.given_on})")
    festival = item.festival_day
    if festival is not None:
        names = [p.name for p in festival.open_people[:TEXT_PEOPLE_LIMIT]]
        more = len(festival.open_people) - len(names)
        extra.append("whom: " + ", ".join(names) + (f" +{more}" if more > 0 else ""))
    who = item.who
    if (
        item.contact is not None
        and item.contact.account_name
        and not (item.date is not None and item.date.family_member_name)
    ):
        who += f" ({item.contact.account_name})"
    tier = item.contact.tier if item.contact else (item.account.tier if item.account else None)
    mark = "done" if item.done else ""
    return [
        short_item_id(item.id),
        str(item.kind).replace("_", "-"),
        tier or "",
        who,
        item.why + ("; " + "; ".join(extra) if extra else ""),
        mark,
    ]


def plan_text(plan: Plan, *, neglect_limit: int = TEXT_NEGLECT_LIMIT) -> str:
    """The plan for people: one table per day, the neglect list cut to ``neglect_limit``."""
    from crmdesk.core.planner import ItemKind

    if not plan.days:
        return f"Nothing planned from {plan.start} to {plan.end}."
    blocks = []
    for day in plan.days:
        lines = []
        neglect_left = 0
        for item in day.items:
            if item.kind is ItemKind.NEGLECT:
                if neglect_limit <= 0:
                    neglect_left += 1
                    continue
                neglect_limit -= 1
            lines.append(_item_line(item))
        text = table(["ID", "KIND", "TIER", "WHO", "WHY", ""], lines, empty="")
        if neglect_left:
            text += f"\n… and {neglect_left} more neglected relationships (see --json)"
        blocks.append(f"{day.day.isoformat()} {day.day.strftime('%a')}\n{text}")
    counts = ", ".join(f"{n} {kind.replace('_', '-')}" for kind, n in plan.counts().items() if n)
    return "\n\n".join(blocks) + f"\n\n{plan.start} to {plan.end}: {counts}."


def upcoming(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.planner import check_days
    from crmdesk.db.planning import plan_from_book

    start = _today(args)
    days = check_days(args.days)
    with ctx.transaction() as s:
        plan = plan_from_book(s, start=start, days=days, filters=_filters(args))
    if args.json:
        return Output(plan.to_json(), "")
    return Output(None, plan_text(plan, neglect_limit=args.max_neglect))


# -- planner done / settings --------------------------------------------------------------------


def planner_done(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.planning import mark_done, parse_item_id
    from crmdesk.db.services.lookup import resolve_contact

    cost = money(args.cost, field="cost", currency=args.currency)
    when = parse_datetime(args.when, field="when") if args.when else None
    with ctx.transaction() as s:
        people = [resolve_contact(s, ref) for ref in args.contact]
        done = mark_done(
            s,
            item_id=parse_item_id(s, args.item).item_id,
            when=when,
            cost=cost,
            gift=args.gift,
            contact_ids=people,
            kind=args.kind,
            summary=args.summary,
            recorded_by=args.by,
            allow_repeat_gift=args.allow_repeat,
        )
    logged = ", ".join(
        f"{v.kind} with {', '.join(a.name for a in v.attendees) or v.account_name}"
        + (f" ({v.cost})" if v.cost else "")
        for v in done.interactions
    )
    text = f"Done: {short_item_id(done.item_id)}. Logged {logged}."
    if done.follow_up is not None:
        text += f" Follow-up completed: {done.follow_up.description}"
    return Output(done.to_json(), text)


def planner_remind(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.planner_reminders import reminder_days, todays_reminders
    from crmdesk.db import planner_settings
    from crmdesk.db.planning import plan_from_book

    today = _today(args)
    with ctx.transaction() as s:
        settings = planner_settings.load_settings(s)
        plan = plan_from_book(s, start=today, days=reminder_days(settings), settings=settings)
    reminders = todays_reminders(plan, today)
    data = {
        "day": today.isoformat(),
        "occasions": [i.to_json() for i in reminders.occasions],
        "buy_today": [i.to_json() for i in reminders.buy_today],
        "follow_ups_due": [i.to_json() for i in reminders.follow_ups_due],
        "follow_ups_overdue": [i.to_json() for i in reminders.follow_ups_overdue],
        "neglected": reminders.neglected,
    }
    text = "\n".join(reminders.lines()) or f"Nothing to remind you of on {today}."
    return Output(data, text)


def settings_text(settings: PlannerSettings) -> str:
    return fields(
        [
            ("29 February in common years", str(settings.policy.feb29)),
            ("Leap month missing that year", str(settings.policy.missing_leap_month)),
            ("Lunar day 30 missing that year", str(settings.policy.missing_day30)),
            ("Lead time (days before, to buy the gift)", str(settings.lead_days)),
            ("Dormant after (days untouched)", str(settings.dormant_days)),
            ("Daily reminder at", settings.remind_at.strftime("%H:%M")),
            ("Company festivals", ", ".join(s.key for s in settings.company_festivals) or "none"),
        ]
    )


def _choice(kind: type[Any], value: str, field: str) -> Any:
    try:
        return kind(value.strip().lower())
    except ValueError:
        allowed = ", ".join(str(m) for m in kind)
        raise ValidationError(
            f"{value!r} is not a choice; choose one of: {allowed}", field=field, code="choice"
        ) from None


def planner_settings_command(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.occasions import (
        Feb29Policy,
        LeapMonthPolicy,
        LunarDay30Policy,
        OccasionPolicy,
    )
    from crmdesk.core.planner_config import parse_time
    from crmdesk.db import planner_settings

    with ctx.transaction() as s:
        current = planner_settings.load_settings(s)
        policy = OccasionPolicy(
            feb29=_choice(Feb29Policy, args.feb29, "feb29") if args.feb29 else current.policy.feb29,
            missing_leap_month=(
                _choice(LeapMonthPolicy, args.leap_month, "leap_month")
                if args.leap_month
                else current.policy.missing_leap_month
            ),
            missing_day30=(
                _choice(LunarDay30Policy, args.day30, "day30")
                if args.day30
                else current.policy.missing_day30
            ),
        )
        updated = replace(
            current,
            policy=policy,
            lead_days=current.lead_days if args.lead_days is None else args.lead_days,
            dormant_days=current.dormant_days if args.dormant_days is None else args.dormant_days,
            remind_at=(
                parse_time(args.remind_at, field="remind_at")
                if args.remind_at
                else current.remind_at
            ),
        )
        if updated != current:
            planner_settings.save_settings(s, updated)
    return Output(updated.to_json(), settings_text(updated))


# -- cadence -----------------------------------------------------------------------------------


def cadence_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    with ctx.transaction() as s:
        views = tiers.list_tiers(s)
    text = table(
        ["TIER", "NAME", "CONTACT EVERY (DAYS)", "GREETING BUDGET"],
        ([v.code, v.name, v.cadence_days, v.greeting_budget] for v in views),
        empty="No tiers.",
    )
    return Output([v.to_json() for v in views], text)


def cadence_set(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import tiers

    with ctx.transaction() as s:
        view = tiers.edit_tier(s, code=args.tier, cadence_days=args.days)
    return Output(
        view.to_json(), f"Tier {view.code} ({view.name}): contact every {view.cadence_days} days"
    )


# -- festivals ---------------------------------------------------------------------------------


def _tiers_text(value: TierSet) -> str:
    if value is None:
        return "all"
    return ", ".join(value) if value else "off"


def festival_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db import planner_settings

    year = args.year or dt.date.today().year
    with ctx.transaction() as s:
        settings = planner_settings.load_settings(s)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = []
    data = []
    festival: Festival
    for festival in settings.festivals():
        days = festival.dates_between(start, end)
        applies = settings.tiers_for(festival.key)
        rows.append(
            [
                festival.key,
                festival.name_en,
                festival.name_zh_hans,
                str(festival.region),
                _tiers_text(applies),
                ", ".join(d.isoformat() for d in days),
            ]
        )
        data.append(
            {
                "key": festival.key,
                "name": festival.name_en,
                "name_zh_hans": festival.name_zh_hans,
                "name_zh_hant": festival.name_zh_hant,
                "region": str(festival.region),
                "tiers": None if applies is None else list(applies),
                "in_plan": applies is None or bool(applies),
                "dates": [d.isoformat() for d in days],
            }
        )
    text = table(["KEY", "NAME", "中文", "REGION", "TIERS", str(year)], rows, empty="")
    return Output(data, text)


def festival_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.planner_config import CompanyFestivalSpec, parse_tier_list
    from crmdesk.db import planner_settings

    spec = CompanyFestivalSpec(
        slug=args.slug.strip(),
        name=args.name,
        date=args.date.strip(),
        name_zh_hans=args.name_zh or None,
        name_zh_hant=args.name_zh_hant or None,
    )
    applies = parse_tier_list(args.tiers) if args.tiers is not None else None
    with ctx.transaction() as s:
        settings = planner_settings.add_company_festival(s, spec=spec, tiers=applies)
    return Output(
        settings.to_json(),
        f"Festival {spec.key} ({spec.name}, {spec.date}) applies to: "
        f"{_tiers_text(settings.tiers_for(spec.key))}",
    )


def festival_remove(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db import planner_settings

    slug = args.slug.strip().removeprefix("company.")
    with ctx.transaction() as s:
        settings = planner_settings.remove_company_festival(s, slug=slug)
    return Output(settings.to_json(), f"Removed the festival company.{slug}")


def festival_tiers(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.planner_config import parse_tier_list
    from crmdesk.db import planner_settings

    applies = parse_tier_list(args.tiers)
    with ctx.transaction() as s:
        settings = planner_settings.set_festival_tiers(
            s, festival_key=args.key.strip(), tiers=applies
        )
    return Output(
        settings.to_json(),
        f"{args.key.strip()} applies to: {_tiers_text(settings.tiers_for(args.key.strip()))}",
    )


# -- export ------------------------------------------------------------------------------------


def export_ics(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.planner import check_days
    from crmdesk.db.planning import export_calendar

    if args.plan_days:
        check_days(args.plan_days)
    path = Path(args.file).expanduser()
    with ctx.transaction() as s:
        data = export_calendar(
            s,
            book_id=ctx.book.info.book_id,
            today=_today(args),
            years=args.years,
            plan_days=args.plan_days,
            filters=_filters(args),
        )
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ValidationError(f"cannot write {path}: {exc}", field="file") from None
    events = data.count(b"BEGIN:VEVENT")
    return Output(
        {"file": str(path), "events": events},
        f"Wrote {events} events to {path} (dates for {args.years} years, "
        f"plan for {args.plan_days} days).",
    )


# -- the parser --------------------------------------------------------------------------------


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="the first day (default: today)"
    )
    parser.add_argument(
        "--tier", action="append", help="only contacts of this tier (repeat for several)"
    )
    parser.add_argument("--owner", help="only the relationships this rep owns")
    parser.add_argument("--tag", help="only contacts (or their accounts) with this tag")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the planner's commands to ``crmdesk``'s subparsers (``common``: --book, --json)."""
    p = sub.add_parser(
        "upcoming",
        parents=[common],
        help="the outreach plan: whom to greet in the next days, and why",
    )
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"default {DEFAULT_DAYS}")
    _add_filters(p)
    p.add_argument(
        "--kind",
        action="append",
        help="only items of this kind: " + ", ".join(ITEM_KINDS),
    )
    p.add_argument(
        "--max-neglect",
        type=int,
        default=TEXT_NEGLECT_LIMIT,
        help="neglected relationships shown in text output (all with --json)",
    )
    p.set_defaults(handler=upcoming)

    planner = sub.add_parser("planner", help="act on the outreach plan; its settings")
    psub = planner.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = psub.add_parser(
        "done", parents=[common], help="mark a plan item done: log the greeting or gift"
    )
    p.add_argument("item", help="the item's id from `crmdesk upcoming`")
    p.add_argument("--cost", help="what it cost (per person for a festival), e.g. 800")
    p.add_argument("--currency", help="currency of --cost when it names none (CNY)")
    p.add_argument("--gift", help="the gift given (never the same twice)")
    p.add_argument(
        "--allow-repeat", action="store_true", help="allow a gift the person already received"
    )
    p.add_argument(
        "--contact", action="append", default=[], help="whom you greeted (festivals; repeat)"
    )
    p.add_argument("--kind", help="greeting, gift, call, visit, wechat... (default: greeting/gift)")
    p.add_argument("--when", help='local date and time (default: now), e.g. "2026-01-20 10:00"')
    p.add_argument("--summary", help="what happened (default: the occasion)")
    p.add_argument("--by", help="who records it")
    p.set_defaults(handler=planner_done)
    p = psub.add_parser("remind", parents=[common], help="today's reminders (as the tray shows)")
    p.add_argument("--from", dest="start", metavar="DATE", help="the day (default: today)")
    p.set_defaults(handler=planner_remind)
    p = psub.add_parser("settings", parents=[common], help="show or change the planner's policies")
    p.add_argument("--feb29", help="29 February in common years: feb28 or mar1")
    p.add_argument(
        "--leap-month", help="a leap-month date in a year without it: ordinary_month or skip"
    )
    p.add_argument("--day30", help="lunar day 30 in a 29-day month: day29 or skip")
    p.add_argument("--lead-days", type=int, help="days before an occasion to buy the gift")
    p.add_argument("--dormant-days", type=int, help="days untouched before a customer is dormant")
    p.add_argument("--remind-at", metavar="HH:MM", help="time of the daily desktop reminder")
    p.set_defaults(handler=planner_settings_command)

    cadence = sub.add_parser("cadence", help="how often each tier is to be contacted")
    csub = cadence.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = csub.add_parser("list", parents=[common], help="the cadence of every tier")
    p.set_defaults(handler=cadence_list)
    p = csub.add_parser("set", parents=[common], help="set a tier's cadence, e.g. `S 30`")
    p.add_argument("tier")
    p.add_argument("days", type=int)
    p.set_defaults(handler=cadence_set)

    festival = sub.add_parser("festival", help="festivals: list, company days, which tiers")
    fsub = festival.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = fsub.add_parser("list", parents=[common], help="every festival, its tiers and dates")
    p.add_argument("--year", type=int, help="the dates of this year (default: this year)")
    p.set_defaults(handler=festival_list)
    p = fsub.add_parser("add", parents=[common], help="add or replace a company festival")
    p.add_argument("slug", help="its key: lower-case letters, digits, - and _")
    p.add_argument("--name", required=True)
    p.add_argument("--date", required=True, help="e.g. 06-18, or L08-15 for a lunar date")
    p.add_argument("--name-zh", help="its name in simplified Chinese")
    p.add_argument("--name-zh-hant", help="its name in traditional Chinese")
    p.add_argument("--tiers", help='"all" (default), "none", or codes such as S,A')
    p.set_defaults(handler=festival_add)
    p = fsub.add_parser("remove", parents=[common], help="remove a company festival")
    p.add_argument("slug")
    p.set_defaults(handler=festival_remove)
    p = fsub.add_parser("tiers", parents=[common], help="which tiers a festival applies to")
    p.add_argument("key", help="e.g. cn.mid_autumn or company.founding")
    p.add_argument("tiers", help='"all", "none", or codes such as S,A')
    p.set_defaults(handler=festival_tiers)

    p = sub.add_parser(
        "export-ics",
        parents=[common],
        help="an .ics calendar of every date (lunar ones expanded) and of the plan",
    )
    p.add_argument("file", help="the .ics file to write")
    p.add_argument("--years", type=int, default=3, help="years of dates and festivals (3)")
    p.add_argument("--plan-days", type=int, default=30, help="days of the plan (30; 0 for none)")
    _add_filters(p)
    p.set_defaults(handler=export_ics, kind=None)
