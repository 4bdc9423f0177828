"""``crmdesk pref``, ``crmdesk family`` and ``crmdesk date``: what a rep learns about a person."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output, read_note
from crmdesk.cli.render import sid, table
from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import parse_date
from crmdesk.core.vocab import DATE_KINDS

if TYPE_CHECKING:
    from crmdesk.core.dates import DateSpec


# -- preferences --------------------------------------------------------------------------------


def pref_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import preferences
    from crmdesk.db.services.lookup import resolve_contact

    learned = parse_date(args.learned, field="learned_on") if args.learned else None
    with ctx.transaction() as s:
        view = preferences.add_preference(
            s,
            contact_id=resolve_contact(s, args.contact),
            category=args.category,
            value=args.value,
            note=read_note(args) or "",
            learned_on=learned,
        )
    return Output(view.to_json(), f"Added {view.category}: {view.value} ({sid(view.id)})")


def pref_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import preferences
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        views = preferences.list_preferences(s, contact_id=resolve_contact(s, args.contact))
    text = table(
        ["ID", "CATEGORY", "VALUE", "NOTE", "LEARNED"],
        ([sid(v.id), v.category, v.value, v.note, v.learned_on] for v in views),
        empty="No preferences.",
    )
    return Output([v.to_json() for v in views], text)


def pref_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.models import Preference
    from crmdesk.db.services import preferences
    from crmdesk.db.services.lookup import resolve_id

    with ctx.transaction() as s:
        pref_id = resolve_id(s, Preference, args.id, field="preference")
        preferences.delete_preference(s, preference_id=pref_id)
    return Output({"deleted": pref_id}, f"Deleted preference {sid(pref_id)}")


# -- family -------------------------------------------------------------------------------------


def family_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import family
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        view = family.add_family_member(
            s,
            contact_id=resolve_contact(s, args.contact),
            name=args.name,
            relation=args.relation,
            notes=read_note(args) or "",
        )
    return Output(view.to_json(), f"Added {view.relation} {view.name} ({sid(view.id)})")


def family_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import family
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        views = family.list_family(s, contact_id=resolve_contact(s, args.contact))
    text = table(
        ["ID", "RELATION", "NAME", "NOTES"],
        ([sid(v.id), v.relation, v.name, v.notes] for v in views),
        empty="No family members.",
    )
    return Output([v.to_json() for v in views], text)


def family_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.models import FamilyMember
    from crmdesk.db.services import family
    from crmdesk.db.services.lookup import resolve_id

    with ctx.transaction() as s:
        member_id = resolve_id(s, FamilyMember, args.id, field="family_member")
        done = family.delete_family_member(s, family_member_id=member_id)
    return Output(done.to_json(), f"Deleted family member {sid(done.id)}")


# -- important dates ----------------------------------------------------------------------------


def date_spec(args: argparse.Namespace) -> DateSpec:
    """The date of ``--date`` or ``--lunar`` (``L`` optional there), ``--leap`` applied."""
    from crmdesk.core.dates import DateSpec

    if args.lunar is not None:
        text = args.lunar.strip()
        spec = DateSpec.parse(text if text[:1] in ("L", "l") else "L" + text)
    else:
        spec = DateSpec.parse(args.date)
    if args.leap and not spec.is_leap_month:
        if not spec.is_lunar:
            raise ValidationError("--leap applies to a lunar date (--lunar)", field="leap")
        spec = DateSpec.lunar(spec.month, spec.day, spec.year, leap=True)
    return spec


def date_add(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import family, important_dates
    from crmdesk.db.services.lookup import resolve_contact

    spec = date_spec(args)
    kind = DATE_KINDS.check(args.kind)
    with ctx.transaction() as s:
        contact_id = resolve_contact(s, args.contact)
        member_id = None
        if args.family is not None:
            found = family.find_family_member(
                s, contact_id=contact_id, name=args.family, relation=args.relation
            )
            if found is None:
                if args.relation is None:
                    raise ValidationError(
                        f"the contact has no family member {args.family.strip()!r}; give "
                        "--relation to add one",
                        field="relation",
                        code="required",
                    )
                found = family.add_family_member(
                    s, contact_id=contact_id, name=args.family, relation=args.relation
                )
            member_id = found.id
        view = important_dates.add_important_date(
            s,
            contact_id=contact_id,
            kind=kind,
            date=spec,
            label=args.label or "",
            family_member_id=member_id,
        )
    whose = f" of {view.family_member_name}" if view.family_member_name else ""
    return Output(view.to_json(), f"Added {view.kind}{whose} {view.text} ({sid(view.id)})")


def date_list(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.services import important_dates
    from crmdesk.db.services.lookup import resolve_contact

    with ctx.transaction() as s:
        views = important_dates.list_dates(s, contact_id=resolve_contact(s, args.contact))
    text = table(
        ["ID", "KIND", "DATE", "CALENDAR", "WHOSE", "LABEL"],
        ([sid(v.id), v.kind, v.text, v.calendar, v.family_member_name, v.label] for v in views),
        empty="No dates.",
    )
    return Output([v.to_json() for v in views], text)


def date_delete(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.models import ImportantDate
    from crmdesk.db.services import important_dates
    from crmdesk.db.services.lookup import resolve_id

    with ctx.transaction() as s:
        date_id = resolve_id(s, ImportantDate, args.id, field="date")
        important_dates.delete_important_date(s, date_id=date_id)
    return Output({"deleted": date_id}, f"Deleted date {sid(date_id)}")


# -- parsers ------------------------------------------------------------------------------------


def _note(parser: argparse.ArgumentParser, flag: str = "--note") -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(flag, dest="note", help="a note")
    group.add_argument("--note-file", metavar="PATH", help="read the note from a file (- = stdin)")


def _contact_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("contact", help="contact id, id prefix or exact name")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    pref = sub.add_parser("pref", help="a contact's preferences (喜好)")
    pref_sub = pref.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = pref_sub.add_parser("add", parents=[common], help="record a preference")
    _contact_arg(p)
    p.add_argument("--category", required=True, help="food, drink, tea, tobacco, gift, hobby...")
    p.add_argument("--value", required=True, help="e.g. 普洱, 42, window seat")
    p.add_argument("--learned", metavar="DATE", help="when you learned it (YYYY-MM-DD)")
    _note(p)
    p.set_defaults(handler=pref_add)
    p = pref_sub.add_parser("list", parents=[common], help="a contact's preferences")
    _contact_arg(p)
    p.set_defaults(handler=pref_list)
    p = pref_sub.add_parser("delete", parents=[common], help="delete a preference")
    p.add_argument("id", help="the preference's id or id prefix")
    p.set_defaults(handler=pref_delete)

    fam = sub.add_parser("family", help="a contact's family members")
    fam_sub = fam.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = fam_sub.add_parser("add", parents=[common], help="add a family member")
    _contact_arg(p)
    p.add_argument("--name", required=True)
    p.add_argument("--relation", required=True, help="spouse, father, mother, son, daughter...")
    _note(p)
    p.set_defaults(handler=family_add)
    p = fam_sub.add_parser("list", parents=[common], help="a contact's family")
    _contact_arg(p)
    p.set_defaults(handler=family_list)
    p = fam_sub.add_parser("delete", parents=[common], help="delete a family member")
    p.add_argument("id", help="the family member's id or id prefix")
    p.set_defaults(handler=family_delete)

    date = sub.add_parser("date", help="important dates: birthdays, anniversaries")
    date_sub = date.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = date_sub.add_parser("add", parents=[common], help="record an important date")
    _contact_arg(p)
    p.add_argument("--kind", required=True, help="birthday, anniversary or other")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", help="Gregorian: 1985-03-14, or 03-14 if the year is unknown")
    when.add_argument("--lunar", help="lunar: L1985-08-15 or L08-15 (the L may be left out)")
    p.add_argument("--leap", action="store_true", help="the lunar month is a leap month (闰月)")
    p.add_argument("--label", help="e.g. 'wedding', 'company founded'")
    p.add_argument("--family", metavar="NAME", help="the date is this family member's")
    p.add_argument("--relation", help="with --family: their relation, to add them if new")
    p.set_defaults(handler=date_add)
    p = date_sub.add_parser("list", parents=[common], help="a contact's dates")
    _contact_arg(p)
    p.set_defaults(handler=date_list)
    p = date_sub.add_parser("delete", parents=[common], help="delete a date")
    p.add_argument("id", help="the date's id or id prefix")
    p.set_defaults(handler=date_delete)
