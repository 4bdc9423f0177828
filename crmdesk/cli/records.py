"""``crmdesk account ...`` and ``crmdesk contact ...``: add, list, show, edit, delete, restore."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from crmdesk.cli.context import Context, Output, money, read_note, text_list
from crmdesk.cli.render import cell, fields, sid, table
from crmdesk.core.vocab import ACCOUNT_STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.core.views import AccountView, ContactDetailView, ContactView


V = TypeVar("V", "AccountView", "ContactView")

PAGE = 1000

# option, destination (the service's keyword), help
ACCOUNT_TEXT_OPTIONS = (
    ("--code", "code", "the account's code in the company's books"),
    ("--tier", "tier", "tier code, e.g. S, A, B, C (see `crmdesk tier list`)"),
    ("--type", "customer_type", "government, state_owned, large_contractor, private_end_user..."),
    ("--status", "status", "existing, target, potential or dormant"),
    ("--owner", "owner", "the rep who holds the account"),
    ("--industry", "industry", None),
    ("--application", "application", None),
    ("--address", "address", None),
    ("--postcode", "postcode", None),
    ("--website", "website", None),
    ("--currency", "currency", "ISO 4217 code, e.g. CNY"),
    ("--bank-account", "bank_account", None),
    ("--discount", "discount", None),
    ("--payment-terms", "payment_terms", None),
    ("--tax-rule", "tax_rule", None),
    ("--credit-record", "credit_record", None),
    ("--delivery-address", "delivery_address", None),
    ("--invoice-address", "invoice_address", None),
    ("--commission-code", "commission_code", None),
    ("--insight", "insight", "strategy notes and sources (客户洞察)"),
)

CONTACT_TEXT_OPTIONS = (
    ("--title", "title", "job title"),
    ("--department", "department", None),
    ("--role", "decision_role", "decision_maker, influencer, user, technical_evaluator, coach..."),
    ("--tier", "tier", "the contact's own tier (default: the account's)"),
    ("--owner", "owner", None),
    ("--gender", "gender", "female, male or other"),
    ("--wechat", "wechat", "WeChat ID"),
    ("--hometown", "hometown", "籍贯"),
    ("--school", "school", None),
)


def _add_note_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--note", help="free notes (up to 100,000 characters)")
    group.add_argument("--note-file", metavar="PATH", help="read the notes from a file (- = stdin)")


def _add_tag_options(parser: argparse.ArgumentParser, *, edit: bool) -> None:
    verb = "set the tags to these (repeat; '' clears)" if edit else "a tag (repeat)"
    parser.add_argument("--tag", action="append", help=verb)
    if edit:
        parser.add_argument("--add-tag", action="append", default=[], help="add a tag")
        parser.add_argument("--remove-tag", action="append", default=[], help="remove a tag")


def _text_options(parser: argparse.ArgumentParser, options: tuple[Any, ...]) -> None:
    for option, dest, help_text in options:
        parser.add_argument(option, dest=dest, help=help_text)


def _given(args: argparse.Namespace, options: tuple[Any, ...]) -> dict[str, Any]:
    return {dest: getattr(args, dest) for _, dest, _ in options if getattr(args, dest) is not None}


def _tags(args: argparse.Namespace, current: tuple[str, ...]) -> list[str] | None:
    tags = text_list(args.tag)
    if tags is None and not (getattr(args, "add_tag", []) or getattr(args, "remove_tag", [])):
        return None
    result = list(current) if tags is None else tags
    result += [t for t in getattr(args, "add_tag", []) if t not in result]
    return [t for t in result if t not in getattr(args, "remove_tag", [])]


# -- accounts -------------------------------------------------------------------------------------


def _account_values(args: argparse.Namespace, current: AccountView | None) -> dict[str, Any]:
    values = _given(args, ACCOUNT_TEXT_OPTIONS)
    if args.name is not None:
        values["name"] = args.name
    note = read_note(args)
    if note is not None:
        values["notes"] = note
    phones = text_list(args.phone)
    if phones is not None:
        values["phones"] = phones
    tags = _tags(args, current.tags if current else ())
    if tags is not None:
        values["tags"] = tags
    if args.sales_limit is not None:
        values["sales_limit"] = money(args.sales_limit, field="sales_limit", currency=args.currency)
    return values


def account_text(view: AccountView) -> str:
    return fields(
        [
            ("Account", view.name),
            ("Id", view.id),
            *((label, getattr(view, dest)) for label, dest in _ACCOUNT_LABELS),
            ("Phones", view.phones),
            ("Tags", view.tags),
            ("Sales limit", view.sales_limit),
            ("Insight", view.insight),
            ("Notes", view.notes),
        ]
    )


_ACCOUNT_LABELS = [
    (option.lstrip("-").replace("-", " ").capitalize(), dest)
    for option, dest, _ in ACCOUNT_TEXT_OPTIONS
    if dest != "insight"
]


def account_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts

    with ctx.transaction() as s:
        view = accounts.add_account(s, **_account_values(args, None))
    return Output(view.to_json(), f"Added account {view.name} ({sid(view.id)})")


def account_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts
    from crmdesk.db.services.tiers import check_tier

    with ctx.transaction() as s:
        filters = {
            "tier": check_tier(s, args.tier),
            "tag": args.tag,
            "owner": args.owner,
            "status": ACCOUNT_STATUSES.check(args.status) if args.status else None,
            "deleted": args.deleted,
        }
        views: list[AccountView] = _all_pages(
            lambda after, limit: accounts.list_accounts(s, after=after, limit=limit, **filters),
            args.limit,
        )
    text = (
        ""
        if args.json
        else table(  # --json prints no table: do not make one
            ["ID", "NAME", "TIER", "STATUS", "OWNER"],
            ([sid(v.id), v.name, v.tier, v.status, v.owner] for v in views),
            empty="No accounts.",
        )
    )
    return Output([v.to_json() for v in views], text)


def _all_pages(fetch: Callable[[Any, int], Sequence[V]], limit: int | None) -> list[V]:
    """Up to ``limit`` views (all without one), fetched page by page by keyset cursor."""
    views: list[V] = []
    after = None
    while limit is None or len(views) < limit:
        want = PAGE if limit is None else min(PAGE, limit - len(views))
        page = fetch(after, want)
        views += page
        if len(page) < want:
            break
        after = page[-1].cursor
    return views


def _account_id(s: Session, ref: str, deleted: bool = False) -> str:
    from crmdesk.db.services.lookup import resolve_account

    return resolve_account(s, ref, field="account", deleted=deleted)


def account_show(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts, contacts

    with ctx.transaction() as s:
        view = accounts.get_account(s, account_id=_account_id(s, args.account))
        people = contacts.list_contacts(s, account_id=view.id, limit=PAGE)
    data = {**view.to_json(), "contacts": [p.to_json() for p in people]}
    listing = table(
        ["ID", "CONTACT", "TITLE", "ROLE"],
        ([sid(p.id), p.name, p.title, p.decision_role] for p in people),
        empty="No contacts.",
    )
    return Output(data, f"{account_text(view)}\n\n{listing}")


def account_edit(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts

    with ctx.transaction() as s:
        account_id = _account_id(s, args.account)
        current = accounts.get_account(s, account_id=account_id)
        view = accounts.edit_account(s, account_id=account_id, **_account_values(args, current))
    return Output(view.to_json(), f"Changed account {view.name} ({sid(view.id)})")


def account_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts

    with ctx.transaction() as s:
        done = accounts.delete_account(s, account_id=_account_id(s, args.account))
    return Output(
        done.to_json(),
        f"Deleted account {sid(done.id)} with {done.dependants} related records "
        f"(undo: crmdesk account restore {sid(done.id)})",
    )


def account_restore(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import accounts

    with ctx.transaction() as s:
        view = accounts.restore_account(s, account_id=_account_id(s, args.account, deleted=True))
    return Output(view.to_json(), f"Restored account {view.name} ({sid(view.id)})")


# -- contacts -------------------------------------------------------------------------------------


def _contact_values(
    s: Session, args: argparse.Namespace, current: ContactView | None
) -> dict[str, Any]:
    from crmdesk.db.services.lookup import resolve_account, resolve_contact

    values = _given(args, CONTACT_TEXT_OPTIONS)
    if args.name is not None:
        values["name"] = args.name
    if args.account is not None:
        values["account_id"] = resolve_account(s, args.account) if args.account.strip() else None
    if args.reports_to is not None:
        values["reports_to_id"] = (
            resolve_contact(s, args.reports_to, field="reports_to")
            if args.reports_to.strip()
            else None
        )
    note = read_note(args)
    if note is not None:
        values["notes"] = note
    for option, key in (("phone", "phones"), ("email", "emails")):
        items = text_list(getattr(args, option))
        if items is not None:
            values[key] = items
    tags = _tags(args, current.tags if current else ())
    if tags is not None:
        values["tags"] = tags
    return values


def contact_text(view: ContactView) -> str:
    return fields(
        [
            ("Contact", view.name),
            ("Id", view.id),
            ("Account", view.account_name),
            ("Title", view.title),
            ("Department", view.department),
            ("Role", view.decision_role),
            ("Reports to", view.reports_to_name),
            ("Tier", view.effective_tier),
            ("Owner", view.owner),
            ("Gender", view.gender),
            ("Phones", view.phones),
            ("E-mails", view.emails),
            ("WeChat", view.wechat),
            ("Hometown", view.hometown),
            ("School", view.school),
            ("Tags", view.tags),
            ("Notes", view.notes),
        ]
    )


def _detail_text(detail: ContactDetailView) -> str:
    parts = [contact_text(detail.contact)]
    if detail.preferences:
        parts.append(
            "Preferences:\n"
            + "\n".join(
                f"  {p.category}: {p.value}" + (f" ({p.note})" if p.note else "")
                for p in detail.preferences
            )
        )
    if detail.family:
        parts.append("Family:\n" + "\n".join(f"  {m.relation}: {m.name}" for m in detail.family))
    if detail.dates:
        parts.append(
            "Dates:\n"
            + "\n".join(
                f"  {d.kind} {d.text}"
                + (f" ({d.family_member_name})" if d.family_member_name else "")
                + (f" {d.label}" if d.label else "")
                for d in detail.dates
            )
        )
    if detail.open_follow_ups:
        parts.append(
            "Open follow-ups:\n"
            + "\n".join(f"  {f.due_on} {f.description}" for f in detail.open_follow_ups)
        )
    if detail.recent_interactions:
        parts.append(
            "Recent interactions:\n"
            + "\n".join(
                f"  {cell(i.occurred_at)} {i.kind}" + (f" at {i.place}" if i.place else "")
                for i in detail.recent_interactions
            )
        )
    return "\n\n".join(parts)


def contact_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import contacts

    with ctx.transaction() as s:
        view = contacts.add_contact(s, **_contact_values(s, args, None))
    return Output(view.to_json(), f"Added contact {view.name} ({sid(view.id)})")


def contact_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.contact_listing import contact_page

    def pages(source: Any, tier: str | None, account_id: str | None) -> list[ContactView]:
        return _all_pages(
            lambda after, limit: contact_page(
                source,
                tier=tier,
                tag=args.tag,
                owner=args.owner,
                account_id=account_id,
                deleted=args.deleted,
                after=after,
                limit=limit,
            ),
            args.limit,
        )

    views: list[ContactView]
    if args.tier is None and args.account is None:
        # Nothing to look up by name: Core statements on a plain connection, no ORM loaded.
        with ctx.reading() as conn:
            views = pages(conn, None, None)
    else:
        from crmdesk.db.services.lookup import resolve_account
        from crmdesk.db.services.tiers import check_tier

        with ctx.transaction() as s:
            tier = check_tier(s, args.tier)
            views = pages(s, tier, resolve_account(s, args.account) if args.account else None)
    text = (
        ""
        if args.json
        else table(  # --json prints no table: do not make one
            ["ID", "NAME", "ACCOUNT", "TITLE", "TIER"],
            ([sid(v.id), v.name, v.account_name, v.title, v.effective_tier] for v in views),
            empty="No contacts.",
        )
    )
    return Output(views, text)  # render.dumps writes the views as to_json() would


def contact_show(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import contacts
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        detail = contacts.contact_detail(s, contact_id=resolve_contact(s, args.contact))
    return Output(detail.to_json(), _detail_text(detail))


def contact_edit(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import contacts
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        contact_id = resolve_contact(s, args.contact)
        current = contacts.get_contact(s, contact_id=contact_id)
        view = contacts.edit_contact(s, contact_id=contact_id, **_contact_values(s, args, current))
    return Output(view.to_json(), f"Changed contact {view.name} ({sid(view.id)})")


def contact_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import contacts
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        done = contacts.delete_contact(s, contact_id=resolve_contact(s, args.contact))
    return Output(
        done.to_json(),
        f"Deleted contact {sid(done.id)} with {done.dependants} related records "
        f"(undo: crmdesk contact restore {sid(done.id)})",
    )


def contact_restore(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import contacts
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        contact_id = resolve_contact(s, args.contact, deleted=True)
        view = contacts.restore_contact(s, contact_id=contact_id)
    return Output(view.to_json(), f"Restored contact {view.name} ({sid(view.id)})")


# -- parsers ------------------------------------------------------------------------------------


def _list_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tier", help="only this tier")
    parser.add_argument("--tag", help="only records with this tag")
    parser.add_argument("--owner", help="only this owner's")
    parser.add_argument("--limit", type=int, help="at most this many (default: all)")
    parser.add_argument("--deleted", action="store_true", help="list deleted records instead")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    account = sub.add_parser("account", help="accounts (customer organisations)")
    acc = account.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, handler, help_text in (
        ("add", account_add, "add an account"),
        ("edit", account_edit, "change an account"),
    ):
        p = acc.add_parser(action, parents=[common], help=help_text)
        if action == "edit":
            p.add_argument("account", help="id, id prefix or exact name")
        p.add_argument("--name", required=action == "add")
        _text_options(p, ACCOUNT_TEXT_OPTIONS)
        p.add_argument("--phone", action="append", help="a phone number (repeat)")
        p.add_argument("--sales-limit", help="an amount, e.g. 1,000,000 or ¥500000")
        _add_tag_options(p, edit=action == "edit")
        _add_note_options(p)
        p.set_defaults(handler=handler)
    p = acc.add_parser("list", parents=[common], help="list accounts")
    _list_filters(p)
    p.add_argument("--status", help="only this status")
    p.set_defaults(handler=account_list)
    for action, handler, help_text in (
        ("show", account_show, "show an account and its contacts"),
        ("delete", account_delete, "delete an account with its contacts (undo: restore)"),
        ("restore", account_restore, "bring back a deleted account"),
    ):
        p = acc.add_parser(action, parents=[common], help=help_text)
        p.add_argument("account", help="id, id prefix or exact name")
        p.set_defaults(handler=handler)

    contact = sub.add_parser("contact", help="contacts (people)")
    con = contact.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, handler, help_text in (
        ("add", contact_add, "add a contact"),
        ("edit", contact_edit, "change a contact"),
    ):
        p = con.add_parser(action, parents=[common], help=help_text)
        if action == "edit":
            p.add_argument("contact", help="id, id prefix or exact name")
        p.add_argument("--name", required=action == "add")
        p.add_argument("--account", help="account id, id prefix or exact name ('' = none)")
        p.add_argument("--reports-to", help="the contact they report to ('' = nobody)")
        _text_options(p, CONTACT_TEXT_OPTIONS)
        p.add_argument("--phone", action="append", help="a phone number (repeat)")
        p.add_argument("--email", action="append", help="an e-mail address (repeat)")
        _add_tag_options(p, edit=action == "edit")
        _add_note_options(p)
        p.set_defaults(handler=handler)
    p = con.add_parser("list", parents=[common], help="list contacts (by pinyin)")
    _list_filters(p)
    p.add_argument("--account", help="only this account's contacts")
    p.set_defaults(handler=contact_list)
    for action, handler, help_text in (
        ("show", contact_show, "show a contact with preferences, dates, follow-ups"),
        ("delete", contact_delete, "delete a contact and their details (undo: restore)"),
        ("restore", contact_restore, "bring back a deleted contact"),
    ):
        p = con.add_parser(action, parents=[common], help=help_text)
        p.add_argument("contact", help="id, id prefix or exact name")
        p.set_defaults(handler=handler)
