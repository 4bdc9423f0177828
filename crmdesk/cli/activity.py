"""``crmdesk log``, ``interactions``, ``followups``, ``followup`` and ``search``."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output, money
from crmdesk.cli.render import cell, sid, table
from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import parse_date, parse_datetime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.core.views import InteractionView
    from crmdesk.db.services.interactions import NewGift


_GIFT_SEP = re.compile(r"[:：]")


def parse_gift(s: Session, text: str, attendees: list[str], currency: str | None) -> NewGift:
    """``description[:value[:recipient]]``; one attendee is the recipient when none is named."""
    from crmdesk.db.services.interactions import NewGift
    from crmdesk.db.services.lookup import resolve_contact

    parts = _GIFT_SEP.split(text, maxsplit=2)
    description = parts[0]
    value = money(parts[1], field="gift", currency=currency) if len(parts) > 1 else None
    if len(parts) > 2 and parts[2].strip():
        recipient: str | None = resolve_contact(s, parts[2], field="gift")
    else:
        recipient = attendees[0] if len(attendees) == 1 else None
    return NewGift(description=description, value=value, recipient_id=recipient)


def _when(args: argparse.Namespace) -> dt.datetime:
    if args.when is None:
        return dt.datetime.now().astimezone()
    return parse_datetime(args.when, field="when")


def interaction_text(view: InteractionView) -> str:
    who = ", ".join(a.name for a in view.attendees) or view.account_name or ""
    cost = f" {view.cost}" if view.cost else ""
    return f"{cell(view.occurred_at)} {view.kind} with {who}{cost} ({sid(view.id)})"


def log(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import interactions
    from crmdesk.db.services.lookup import resolve_account, resolve_contact

    when = _when(args)
    follow_up = parse_date(args.follow_up, field="follow_up") if args.follow_up else None
    cost = money(args.cost, field="cost", currency=args.currency)
    with ctx.transaction() as s:
        attendees = [resolve_contact(s, ref) for ref in args.contacts]
        account = resolve_account(s, args.account) if args.account else None
        gifts = [parse_gift(s, g, attendees, args.currency) for g in args.gift]
        view = interactions.log_interaction(
            s,
            occurred_at=when,
            kind=args.kind,
            attendee_ids=attendees,
            account_id=account,
            place=args.where,
            summary=args.summary or "",
            colleagues=args.colleague,
            products=args.products,
            promises=args.promises,
            outcome=args.outcome,
            next_step=args.next_step,
            follow_up_on=follow_up,
            cost=cost,
            cost_category=args.cost_category,
            gifts=gifts,
            recorded_by=args.by,
        )
    return Output(view.to_json(), "Logged " + interaction_text(view))


def interaction_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import interactions
    from crmdesk.db.services.lookup import resolve_account, resolve_contact

    with ctx.transaction() as s:
        views = interactions.list_interactions(
            s,
            contact_id=resolve_contact(s, args.contact) if args.contact else None,
            account_id=resolve_account(s, args.account) if args.account else None,
            limit=args.limit,
        )
    text = table(
        ["ID", "WHEN", "KIND", "WITH", "WHERE", "COST"],
        (
            [
                sid(v.id),
                v.occurred_at,
                v.kind,
                ", ".join(a.name for a in v.attendees) or v.account_name,
                v.place,
                v.cost,
            ]
            for v in views
        ),
        empty="No interactions.",
    )
    return Output([v.to_json() for v in views], text)


def followup_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import followups
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        views = followups.list_follow_ups(
            s,
            overdue_only=args.overdue,
            include_done=args.all,
            contact_id=resolve_contact(s, args.contact) if args.contact else None,
            limit=args.limit,
        )
    text = table(
        ["ID", "DUE", "", "WHO", "WHAT"],
        (
            [
                sid(v.id),
                v.due_on,
                "done" if v.done else ("OVERDUE" if v.overdue else ""),
                v.contact_name or v.account_name,
                v.description,
            ]
            for v in views
        ),
        empty="No follow-ups.",
    )
    return Output([v.to_json() for v in views], text)


def followup_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import followups
    from crmdesk.db.services.lookup import resolve_contact

    due = parse_date(args.due, field="due")
    with ctx.transaction() as s:
        view = followups.add_follow_up(
            s,
            due_on=due,
            description=args.what,
            contact_id=resolve_contact(s, args.contact),
            owner=args.owner,
        )
    return Output(view.to_json(), f"Follow-up {sid(view.id)} due {view.due_on}: {view.description}")


def followup_done(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.models import FollowUp
    from crmdesk.db.services import followups
    from crmdesk.db.services.lookup import resolve_id

    with ctx.transaction() as s:
        follow_up_id = resolve_id(s, FollowUp, args.id, field="follow_up")
        if args.undo:
            view = followups.reopen_follow_up(s, follow_up_id=follow_up_id)
        else:
            view = followups.complete_follow_up(s, follow_up_id=follow_up_id)
    state = "done" if view.done else "open again"
    return Output(view.to_json(), f"Follow-up {sid(view.id)} is {state}: {view.description}")


def search(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.search import search as run_search

    query = " ".join(args.query).strip()
    if not query:
        raise ValidationError("type something to search for", field="query", code="required")
    with ctx.driver_reading() as conn:  # plain SQL: a search loads no SQLAlchemy
        kinds = (args.kind,) if args.kind else None
        hits = run_search(conn, query, limit=args.limit, kinds=kinds)
    text = table(
        ["ID", "KIND", "NAME", "", "MATCHED"],
        ([sid(h.id), h.kind, h.name, h.subtitle, h.matched] for h in hits),
        empty="Nothing found.",
    )
    return Output([dataclasses.asdict(h) for h in hits], text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("log", parents=[common], help="log an interaction (visit, meal, call...)")
    p.add_argument("contacts", nargs="*", metavar="CONTACT", help="who took part (id or name)")
    p.add_argument("--kind", required=True, help="visit, meal, call, wechat, gift, greeting...")
    p.add_argument("--when", help='local date and time, e.g. "2026-11-20 19:00" (default: now)')
    p.add_argument("--where", help="the place")
    p.add_argument("--account", help="the account (default: the contacts' own, if they share one)")
    p.add_argument("--summary", help="what happened")
    p.add_argument("--colleague", action="append", default=[], help="our side's attendee (repeat)")
    p.add_argument("--cost", help="what it cost, e.g. 800, ¥1,200.50, 50 USD")
    p.add_argument("--currency", help="currency of --cost and gifts when they name none (CNY)")
    p.add_argument("--cost-category", help="meal, gift, travel, entertainment, event, other")
    p.add_argument(
        "--gift",
        action="append",
        default=[],
        help='a gift: "description[:value[:recipient]]", e.g. "茶叶:600" (repeat)',
    )
    p.add_argument("--products", help="products discussed")
    p.add_argument("--promises", help="promises made")
    p.add_argument("--outcome")
    p.add_argument("--next-step")
    p.add_argument("--follow-up", metavar="DATE", help="follow up by this date (adds a follow-up)")
    p.add_argument("--by", help="who records it")
    p.set_defaults(handler=log)

    p = sub.add_parser("interactions", parents=[common], help="the interaction log, newest first")
    p.add_argument("--contact", help="only with this contact")
    p.add_argument("--account", help="only with this account")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=interaction_list)

    p = sub.add_parser("followups", parents=[common], help="open follow-ups, most urgent first")
    p.add_argument("--overdue", action="store_true", help="only those past their date")
    p.add_argument("--all", action="store_true", help="done ones too")
    p.add_argument("--contact", help="only this contact's")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(handler=followup_list)

    follow = sub.add_parser("followup", help="add or complete a follow-up")
    fsub = follow.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = fsub.add_parser("add", parents=[common], help="add a follow-up for a contact")
    p.add_argument("contact")
    p.add_argument("--due", required=True, metavar="DATE")
    p.add_argument("--what", required=True, help="what is to be done")
    p.add_argument("--owner")
    p.set_defaults(handler=followup_add)
    p = fsub.add_parser("done", parents=[common], help="mark a follow-up done")
    p.add_argument("id", help="the follow-up's id or id prefix")
    p.add_argument("--undo", action="store_true", help="open it again")
    p.set_defaults(handler=followup_done)

    p = sub.add_parser("search", parents=[common], help="find contacts and accounts")
    p.add_argument("query", nargs="+", help="characters, pinyin, initials, phone digits...")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--kind", choices=["contact", "account"], help="only contacts or accounts")
    p.set_defaults(handler=search)
