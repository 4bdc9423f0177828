"""The book side of the outreach planner: load its input, mark items done, export a calendar.

:func:`load_plan_input` reads everything :func:`crmdesk.core.planner.build_plan` needs in a fixed
number of set-based queries, whatever the size of the book (no query per contact):

1. tiers; 2. accounts; 3. contacts; 4. important dates with their family members;
5. open follow-ups; 6. the last touch of each contact (interactions attended or gifts received,
one GROUP BY); 7. the last touch of each account (interactions logged with it, one GROUP BY;
its contacts' touches are folded in afterwards); 8. the last gift each contact received (one
window query); 9. the occasions marked done (one settings row).

:func:`mark_done` is the planner's "Done" button: it logs the greeting or gift through
:func:`crmdesk.db.services.interactions.log_interaction` (cost, gift and recipient included),
completes the follow-up when the item is one, and ticks the occasion — all in the caller's
transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select, true, type_coerce, union_all
from sqlalchemy.orm import Session

from crmdesk.core import planner_ics
from crmdesk.core.dates import Calendar, DateSpec
from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.local_day import local_day
from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.core.planner import (
    LastGift,
    Plan,
    PlanAccount,
    PlanContact,
    PlanDate,
    PlanFilter,
    PlanFollowUp,
    PlanInput,
    PlanTier,
    build_plan,
    done_key,
    gc_paused,
)
from crmdesk.core.planner_config import PlannerSettings
from crmdesk.core.views import FollowUpView, InteractionView, View
from crmdesk.core.vocab import FAMILY_RELATIONS, INTERACTION_KINDS
from crmdesk.db.models import (
    Account,
    Contact,
    FamilyMember,
    FollowUp,
    Gift,
    ImportantDate,
    Interaction,
    InteractionAttendee,
    Tier,
    UTCDateTime,
)
from crmdesk.db.planner_settings import add_done, load_done, load_settings
from crmdesk.db.services import followups, interactions
from crmdesk.db.services._common import get_live
from crmdesk.db.services.interactions import NewGift
from crmdesk.db.services.lookup import MIN_PREFIX, resolve_id
from crmdesk.db.sql import IN_SLICES

log = logging.getLogger(__name__)


def load_plan_input(
    session: Session,
    *,
    index: bool = True,
    tiers: Sequence[str] | None = None,
    follow_ups: bool = True,
    touches: bool = True,
) -> PlanInput:
    """Everything the planner needs from the book (see the module docstring for the queries).

    ``tiers`` loads only the contacts of those tiers (their own, else their account's) with their
    dates, touches and gifts, and the accounts they belong to or that hold such a tier: the team
    dashboard's occasions of key relationships read a tenth of a big book this way. Without
    ``follow_ups`` no follow-up is read (for plans of occasions only). Without ``touches`` no
    last touch and no last gift is read: :func:`with_touches` adds them afterwards for the few
    contacts a plan turned out to need.

    With ``index`` (the default) the input is also indexed for planning
    (:attr:`PlanInput.prepared`), so that the first plan takes no longer than the next ones; the
    GUI calls this on its worker thread. The cyclic garbage collector is held off meanwhile (a
    quarter of the time for a big book went to it re-walking the rows being built).
    """
    with gc_paused():
        return _load_plan_input(
            session,
            index=index,
            scope_tiers=tiers,
            with_follow_ups=follow_ups,
            touches=touches,
        )


def id_set(ids: Sequence[str]) -> Select[Any]:
    """``SELECT value FROM json_each(?)``: a set of ids as one parameter (SQLite builds an
    ephemeral index for ``IN`` over it), however many there are."""
    values = func.json_each(json.dumps(list(ids))).table_valued("value")
    return select(values.c.value)


def scoped_ids(session: Session, tiers: Sequence[str]) -> tuple[list[str], list[str]]:
    """The live contacts of ``tiers`` (their own tier, else their account's) and the accounts
    they belong to or that hold such a tier: two index walks (contacts by tier; the tiers'
    accounts and their contacts by account), never a scan of every contact."""
    codes = list(tiers)
    accounts = list(
        session.scalars(
            select(Account.id).where(Account.tier.in_(codes), Account.deleted.is_(False))
        )
    )
    own = session.execute(
        select(Contact.id, Contact.account_id).where(
            Contact.tier.in_(codes), Contact.deleted.is_(False)
        )
    ).all()
    inherited = session.scalars(
        select(Contact.id).where(
            Contact.account_id.in_(id_set(accounts)),
            Contact.tier.is_(None),
            Contact.deleted.is_(False),
        )
    ).all()
    contacts = [cid for cid, _ in own] + list(inherited)
    held = dict.fromkeys(accounts)
    held.update(dict.fromkeys(aid for _, aid in own if aid is not None))
    return contacts, list(held)


def _load_plan_input(
    session: Session,
    *,
    index: bool,
    scope_tiers: Sequence[str] | None,
    with_follow_ups: bool,
    touches: bool = True,
) -> PlanInput:
    tiers = [
        PlanTier(
            code=row.code,
            name=row.name,
            rank=row.rank,
            cadence_days=row.cadence_days,
            budget=(
                None
                if row.greeting_budget_minor is None
                else Money(row.greeting_budget_minor, DEFAULT_CURRENCY)
            ),
        )
        for row in session.execute(
            select(
                Tier.code, Tier.name, Tier.rank, Tier.cadence_days, Tier.greeting_budget_minor
            ).where(Tier.deleted.is_(False))
        )
    ]

    scope: Select[Any] | None = None
    account_scope: Select[Any] | None = None
    if scope_tiers is not None:
        contact_ids, account_ids = scoped_ids(session, scope_tiers)
        scope, account_scope = id_set(contact_ids), id_set(account_ids)
    contact_touch = contact_touches(session, scope) if touches else {}
    account_touch = _account_touches(session, account_scope) if touches else {}
    last_gifts = _last_gifts(session, scope) if touches else {}

    account_rows = session.execute(
        select(
            Account.id,
            Account.name,
            Account.tier,
            Account.owner,
            Account.status,
            Account.tags,
            Account.created_at,
        )
        .where(
            Account.deleted.is_(False),
            true() if account_scope is None else Account.id.in_(account_scope),
        )
        .order_by(Account.name, Account.id),
        execution_options=IN_SLICES,
    ).all()
    contact_rows = session.execute(
        select(
            Contact.id,
            Contact.name,
            Contact.account_id,
            Contact.tier,
            Contact.owner,
            Contact.tags,
            Contact.created_at,
        )
        .where(Contact.deleted.is_(False), true() if scope is None else Contact.id.in_(scope))
        .order_by(Contact.sort_key, Contact.id),
        execution_options=IN_SLICES,
    ).all()

    # An account is touched when anyone of it is: fold the contacts' touches in.
    for row in contact_rows:
        touched = contact_touch.get(row.id)
        if row.account_id is not None and touched is not None:
            current = account_touch.get(row.account_id)
            if current is None or touched > current:
                account_touch[row.account_id] = touched

    accounts: dict[str, PlanAccount] = {}
    for row in account_rows:
        accounts[row.id] = PlanAccount(
            id=row.id,
            name=row.name,
            tier=row.tier,
            owner=row.owner,
            status=row.status,
            tags=tuple(row.tags or ()),
            last_touch=account_touch.get(row.id),
            since=local_day(row.created_at),
        )
    contacts: list[PlanContact] = []
    for row in contact_rows:
        account = accounts.get(row.account_id) if row.account_id else None
        tags = tuple(row.tags or ())
        if account is not None:
            tags += tuple(t for t in account.tags if t not in tags)
        contacts.append(
            PlanContact(
                id=row.id,
                name=row.name,
                account_id=account.id if account else None,
                account_name=account.name if account else None,
                tier=row.tier or (account.tier if account else None),
                own_tier=row.tier is not None,
                owner=row.owner or (account.owner if account else None),
                tags=tags,
                last_touch=contact_touch.get(row.id),
                since=local_day(row.created_at),
                last_gift=last_gifts.get(row.id),
            )
        )

    live = {c.id for c in contacts}
    dates: list[PlanDate] = []
    skipped = 0
    for date_row in session.execute(
        select(
            ImportantDate.id,
            ImportantDate.contact_id,
            ImportantDate.kind,
            ImportantDate.label,
            ImportantDate.calendar,
            ImportantDate.year,
            ImportantDate.month,
            ImportantDate.day,
            ImportantDate.is_leap_month,
            ImportantDate.family_member_id,
            FamilyMember.name,
            FamilyMember.relation,
            FamilyMember.deleted,
        )
        .outerjoin(FamilyMember, ImportantDate.family_member_id == FamilyMember.id)
        .where(
            ImportantDate.deleted.is_(False),
            true() if scope is None else ImportantDate.contact_id.in_(scope),
        ),
        execution_options=IN_SLICES,
    ):
        (date_id, contact_id, kind, label, calendar, year, month, day, leap, member_id,
         member_name, relation, member_deleted) = date_row  # fmt: skip
        if contact_id not in live or (member_id is not None and member_deleted):
            continue
        try:
            spec = DateSpec(
                calendar=Calendar(calendar), month=month, day=day, year=year, is_leap_month=leap
            )
        except (ValueError, ValidationError) as exc:
            # A date no crmdesk would store (synced from a newer version, or edited by hand):
            # leave it out of the plan and say how many were left out.
            log.warning("important date %s cannot be planned: %s", date_id, exc)
            skipped += 1
            continue
        dates.append(
            PlanDate(
                id=date_id,
                contact_id=contact_id,
                kind=kind,
                spec=spec,
                label=label or "",
                family_member_id=member_id,
                family_member_name=member_name,
                relation=relation,
            )
        )

    follow_ups = (
        [
            PlanFollowUp(
                id=row.id,
                due_on=row.due_on,
                description=row.description,
                contact_id=row.contact_id if row.contact_id in live else None,
                account_id=row.account_id if row.account_id in accounts else None,
                owner=row.owner,
            )
            for row in session.execute(
                select(
                    FollowUp.id,
                    FollowUp.due_on,
                    FollowUp.description,
                    FollowUp.contact_id,
                    FollowUp.account_id,
                    FollowUp.owner,
                ).where(FollowUp.deleted.is_(False), FollowUp.done.is_(False))
            )
        ]
        if with_follow_ups
        else []
    )

    data = PlanInput(
        tiers=tiers,
        accounts=list(accounts.values()),
        contacts=contacts,
        dates=dates,
        follow_ups=follow_ups,
        done=load_done(session),
        skipped_dates=skipped,
    )
    if index:
        _ = data.prepared
    return data


def with_touches(session: Session, data: PlanInput, contact_ids: Sequence[str]) -> PlanInput:
    """``data`` (loaded without touches) with the last touch and last gift of ``contact_ids``
    and of their accounts filled in; the other contacts are left as they were."""
    wanted = set(contact_ids)
    people = [c for c in data.contacts if c.id in wanted]
    account_ids = {c.account_id for c in people if c.account_id}
    touched = contact_touches(session, id_set(list(wanted)))
    gifts = _last_gifts(session, id_set(list(wanted)))
    account_touch = _account_touches(session, id_set(list(account_ids)))
    for contact in people:  # an account is touched when anyone of it is
        day = touched.get(contact.id)
        if contact.account_id and day is not None:
            current = account_touch.get(contact.account_id)
            if current is None or day > current:
                account_touch[contact.account_id] = day
    accounts = [
        replace(a, last_touch=account_touch.get(a.id)) if a.id in account_ids else a
        for a in data.accounts
    ]
    contacts = [
        replace(c, last_touch=touched.get(c.id), last_gift=gifts.get(c.id)) if c.id in wanted else c
        for c in data.contacts
    ]
    return replace(data, accounts=accounts, contacts=contacts)


def contact_touches(session: Session, scope: Select[Any] | None) -> dict[str, dt.date]:
    """Per contact (of ``scope``, None: all), the day of the latest interaction attended or gift
    received."""
    attended = (
        select(
            InteractionAttendee.contact_id.label("contact_id"),
            Interaction.occurred_at.label("at"),
        )
        .join(Interaction, InteractionAttendee.interaction_id == Interaction.id)
        .where(
            InteractionAttendee.deleted.is_(False),
            Interaction.deleted.is_(False),
            true() if scope is None else InteractionAttendee.contact_id.in_(scope),
        )
    )
    received = (
        select(Gift.contact_id.label("contact_id"), Interaction.occurred_at.label("at"))
        .join(Interaction, Gift.interaction_id == Interaction.id)
        .where(
            Gift.contact_id.is_not(None),
            Gift.deleted.is_(False),
            Interaction.deleted.is_(False),
            true() if scope is None else Gift.contact_id.in_(scope),
        )
    )
    touches = union_all(attended, received).subquery()
    latest = type_coerce(func.max(touches.c.at), UTCDateTime())
    rows = session.execute(
        select(touches.c.contact_id, latest).group_by(touches.c.contact_id),
        execution_options=IN_SLICES,
    )
    return {contact_id: local_day(at) for contact_id, at in rows if at is not None}


def _account_touches(session: Session, scope: Select[Any] | None) -> dict[str, dt.date]:
    """Per account (of ``scope``, None: all), the day of the latest interaction logged with it."""
    latest = type_coerce(func.max(Interaction.occurred_at), UTCDateTime())
    rows = session.execute(
        select(Interaction.account_id, latest)
        .where(
            Interaction.account_id.is_not(None),
            Interaction.deleted.is_(False),
            true() if scope is None else Interaction.account_id.in_(scope),
        )
        .group_by(Interaction.account_id),
        execution_options=IN_SLICES,
    )
    return {
        account_id: local_day(at)
        for account_id, at in rows
        if account_id is not None and at is not None
    }


def _last_gifts(session: Session, scope: Select[Any] | None) -> dict[str, LastGift]:
    """Per contact (of ``scope``, None: all), the latest gift received (one window query)."""
    ranked = (
        select(
            Gift.contact_id.label("contact_id"),
            Gift.description.label("description"),
            Gift.value_minor.label("value_minor"),
            Gift.currency.label("currency"),
            Interaction.occurred_at.label("at"),
            func.row_number()
            .over(
                partition_by=Gift.contact_id,
                order_by=(Interaction.occurred_at.desc(), Gift.created_at.desc(), Gift.id.desc()),
            )
            .label("position"),
        )
        .join(Interaction, Gift.interaction_id == Interaction.id)
        .where(
            Gift.contact_id.is_not(None),
            Gift.deleted.is_(False),
            Interaction.deleted.is_(False),
            true() if scope is None else Gift.contact_id.in_(scope),
        )
        .subquery()
    )
    at = type_coerce(ranked.c.at, UTCDateTime())
    rows = session.execute(
        select(
            ranked.c.contact_id,
            ranked.c.description,
            ranked.c.value_minor,
            ranked.c.currency,
            at,
        ).where(ranked.c.position == 1),
        execution_options=IN_SLICES,
    )
    return {
        contact_id: LastGift(
            description=description,
            value=None if minor is None else Money(minor, currency or DEFAULT_CURRENCY),
            given_on=local_day(when),
        )
        for contact_id, description, minor, currency, when in rows
    }


def plan_from_book(
    session: Session,
    *,
    start: dt.date,
    days: int,
    filters: PlanFilter | None = None,
    settings: PlannerSettings | None = None,
) -> Plan:
    """Load the book and build the plan (for the CLI; the GUI keeps the input between plans)."""
    return build_plan(
        load_plan_input(session),
        start=start,
        days=days,
        settings=settings if settings is not None else load_settings(session),
        filters=filters or PlanFilter(),
    )


# -- marking an item done ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DoneView(View):
    """What marking a plan item done did: the interactions logged, the follow-up completed."""

    item_id: str
    interactions: tuple[InteractionView, ...]
    follow_up: FollowUpView | None


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A plan item id taken apart: ``kind`` (date, dormant, festival, follow-up, neglect-contact,
    neglect-account), the record id or festival key, and the day for occasions."""

    kind: str
    ref: str
    day: dt.date | None

    @property
    def item_id(self) -> str:
        return f"{self.kind}:{self.ref}" + (f":{self.day.isoformat()}" if self.day else "")


_DAY_KINDS = ("date", "dormant", "festival")
_RECORD_KINDS = {
    "date": ImportantDate,
    "dormant": ImportantDate,
    "follow-up": FollowUp,
    "neglect-contact": Contact,
    "neglect-account": Account,
}


def parse_item_id(session: Session, text: str) -> ItemRef:
    """Read a plan item id as printed by ``crmdesk upcoming``; record ids may be shortened to a
    unique prefix of at least four characters. ValidationError (field ``item``) if malformed."""
    parts = text.strip().split(":")
    kind = parts[0].lower()
    usage = (
        f"{text.strip()!r} is not a plan item id; ids look like date:<id>:<YYYY-MM-DD>, "
        "dormant:<id>:<YYYY-MM-DD>, festival:<key>:<YYYY-MM-DD>, follow-up:<id>, "
        "neglect-contact:<id> or neglect-account:<id> (see `crmdesk upcoming`)"
    )
    wants_day = kind in _DAY_KINDS
    if kind not in (*_DAY_KINDS, *_RECORD_KINDS) or len(parts) != (3 if wants_day else 2):
        raise ValidationError(usage, field="item", code="item_syntax")
    day = None
    if wants_day:
        try:
            day = dt.date.fromisoformat(parts[2])
        except ValueError:
            raise ValidationError(usage, field="item", code="item_syntax") from None
    ref = parts[1].strip()
    model = _RECORD_KINDS.get(kind)
    if model is not None:
        if len(ref) < MIN_PREFIX:
            raise ValidationError(usage, field="item", code="item_syntax")
        ref = resolve_id(session, model, ref, field="item")
    return ItemRef(kind, ref, day)


def mark_done(
    session: Session,
    *,
    item_id: str,
    when: dt.datetime | None = None,
    cost: Money | None = None,
    gift: str | None = None,
    contact_ids: Sequence[str] = (),
    kind: str | None = None,
    summary: str | None = None,
    recorded_by: str | None = None,
    allow_repeat_gift: bool = False,
) -> DoneView:
    """Mark a plan item done in one step: log the greeting or gift, tick or complete the item.

    * An occasion (``date:…``, ``dormant:…``) logs one interaction with the contact and ticks the
      occasion; a festival (``festival:…``) needs ``contact_ids`` — those greeted — and logs one
      interaction per contact (``cost`` is per person); a follow-up logs the interaction and
      completes the follow-up; a neglected contact or account logs the interaction (which is what
      takes it off the list).
    * ``kind`` defaults to "gift" when ``gift`` is given, else "greeting" (any interaction kind
      is accepted: a follow-up may be a call or a visit). With ``gift`` the interaction records
      the gift, its value (= ``cost``) and the contact as recipient.
    * Never the same gift twice: a gift described like one the contact already received is refused
      (ValidationError, field ``gift``) unless ``allow_repeat_gift``.

    ``when`` defaults to now and must carry its time zone. Everything is checked before anything
    is written; nothing is committed here (the caller's transaction).
    """
    ref = parse_item_id(session, item_id)
    moment = when if when is not None else dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        raise ValidationError("give the time with its time zone", field="when", code="naive")
    clean_kind = INTERACTION_KINDS.check(kind) if kind else ("gift" if gift else "greeting")
    gift_text = gift.strip() if gift and gift.strip() else None

    follow_up_row: FollowUp | None = None
    account_id: str | None = None
    marks: dict[str, str | None] = {}  # done key -> the contact it is for (None: anyone)
    people: list[str] = []
    what: str
    if ref.kind in ("date", "dormant"):
        row = get_live(session, ImportantDate, ref.ref, field="item")
        get_live(session, Contact, row.contact_id, field="contact")
        people = [row.contact_id]
        what = _occasion_text(session, row, dormant=ref.kind == "dormant")
        assert ref.day is not None
        marks[done_key("date", row.id, ref.day)] = None
    elif ref.kind == "festival":
        assert ref.day is not None
        festival = {f.key: f for f in load_settings(session).festivals()}.get(ref.ref)
        if festival is None:
            raise NotFoundError(f"there is no festival {ref.ref!r}", field="item")
        if not contact_ids:
            raise ValidationError(
                f"say whom you greeted for {festival.name_en} (one or more contacts)",
                field="contact",
                code="required",
            )
        people = list(dict.fromkeys(contact_ids))
        for contact_id in people:
            get_live(session, Contact, contact_id, field="contact")
            marks[done_key("festival", festival.key, ref.day, contact_id)] = contact_id
        what = f"{festival.name_en} greeting"
    elif ref.kind == "follow-up":
        follow_up_row = get_live(session, FollowUp, ref.ref, field="item")
        if follow_up_row.done:
            raise ValidationError(
                "that follow-up is already done", field="item", code="already_done"
            )
        if follow_up_row.contact_id is not None:
            people = [follow_up_row.contact_id]
        account_id = follow_up_row.account_id
        what = follow_up_row.description
    elif ref.kind == "neglect-contact":
        people = [get_live(session, Contact, ref.ref, field="item").id]
        what = "Keeping in touch"
    else:  # neglect-account
        account_id = get_live(session, Account, ref.ref, field="item").id
        what = "Keeping in touch"

    if gift_text is not None and not allow_repeat_gift:
        _check_new_gift(session, people, gift_text)

    logged: list[InteractionView] = []
    ticks: dict[str, str] = {}  # done key -> the interaction that did it
    text = summary if summary is not None else f"{what} (outreach plan)"
    # One interaction per person for a festival (each has their own last touch and gift); one
    # with everybody otherwise.
    batches = [[p] for p in people] if ref.kind == "festival" else [people]
    for batch in batches:
        view = interactions.log_interaction(
            session,
            occurred_at=moment,
            kind=clean_kind,
            attendee_ids=batch,
            account_id=account_id if not batch else None,
            summary=text,
            cost=cost,
            gifts=(
                [NewGift(gift_text, cost, batch[0] if len(batch) == 1 else None)]
                if gift_text
                else []
            ),
            recorded_by=recorded_by,
        )
        logged.append(view)
        for key, whose in marks.items():
            if whose is None or whose in batch:
                ticks[key] = view.id
    completed = None
    if follow_up_row is not None:
        completed = followups.complete_follow_up(
            session, follow_up_id=follow_up_row.id, when=moment
        )
    if ticks:
        add_done(session, ticks, today=moment.date())
    return DoneView(item_id=ref.item_id, interactions=tuple(logged), follow_up=completed)


def _occasion_text(session: Session, row: ImportantDate, *, dormant: bool) -> str:
    label = row.label or {"birthday": "Birthday", "anniversary": "Anniversary"}.get(
        row.kind, "Important date"
    )
    if row.family_member_id is not None:
        member = session.get(FamilyMember, row.family_member_id)
        if member is not None:
            relation = FAMILY_RELATIONS.label(member.relation).lower()
            label = f"{label} of {member.name} ({relation})"
    return f"{label} greeting" + (" — we miss you" if dormant else "")


def _check_new_gift(session: Session, people: Sequence[str], description: str) -> None:
    """Refuse a gift a recipient already received (compared without case and spaces)."""
    wanted = "".join(description.split()).casefold()
    rows = session.execute(
        select(Gift.contact_id, Gift.description, Interaction.occurred_at, Contact.name)
        .join(Interaction, Gift.interaction_id == Interaction.id)
        .join(Contact, Gift.contact_id == Contact.id)
        .where(
            Gift.contact_id.in_(list(people)),
            Gift.deleted.is_(False),
            Interaction.deleted.is_(False),
        )
    )
    for _, given, at, name in rows:
        if "".join(given.split()).casefold() == wanted:
            raise ValidationError(
                f"{name} was already given {given!r} on {local_day(at).isoformat()}; "
                "never the same gift twice — choose another (or allow the repeat)",
                field="gift",
                code="gift_repeated",
            )


# -- calendar export ---------------------------------------------------------------------------


def export_calendar(
    session: Session,
    *,
    book_id: str,
    today: dt.date,
    years: int,
    plan_days: int,
    filters: PlanFilter | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """An .ics calendar of every important date and festival for the next ``years`` years (0:
    none) and of the plan for the next ``plan_days`` days (0: none); see
    :mod:`crmdesk.core.planner_ics`."""
    settings = load_settings(session)
    data = load_plan_input(session, index=plan_days > 0)
    plan = None
    if plan_days > 0:
        plan = build_plan(
            data, start=today, days=plan_days, settings=settings, filters=filters or PlanFilter()
        )
    return planner_ics.export(
        data,
        plan=plan,
        today=today,
        years=years,
        settings=settings,
        domain=f"{book_id}.crmdesk",
        stamp=stamp,
    )
