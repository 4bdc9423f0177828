"""The managers' views from the book: retention, accounts at risk, decision-chain depth and
complaints (the rules are :mod:`crmdesk.core.retention`'s).

Set-based: each view is a handful of GROUP BY queries whose results are counted per account or
per period (thousands of rows at most on a 100k-contact book), never a walk over ORM objects.
Owners follow :mod:`crmdesk.db.owners` (the record's owner, else the user of its server book), so
the views work on a rep's own book and on a manager's synced team books alike.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session, aliased

from crmdesk.core.errors import ValidationError
from crmdesk.core.local_day import local_day
from crmdesk.core.retention import (
    DEFAULT_ACTIVE_KINDS,
    OPEN_COMPLAINT,
    ChainContact,
    ChainDepth,
    ComplaintFact,
    ComplaintStats,
    KeyAccountFacts,
    ManagerViews,
    Period,
    PeriodKind,
    Retention,
    RetentionAccount,
    RiskAccount,
    at_risk,
    chain_depth,
    complaint_stats,
    periods,
    retention,
    worst_chains_first,
)
from crmdesk.core.views import ComplaintView
from crmdesk.core.vocab import INTERACTION_KINDS
from crmdesk.db.models import (
    Account,
    BookSetting,
    Complaint,
    Contact,
    Interaction,
    InteractionAttendee,
    Opportunity,
    Tier,
    UTCDateTime,
)
from crmdesk.db.owners import book_names, book_when_unowned, live, named, resolve, shadow_join
from crmdesk.db.planning import contact_touches
from crmdesk.db.sync_state import SyncShadow
from crmdesk.db.team_stats import key_account_touches, load_key_ranks

log = logging.getLogger(__name__)

ACTIVE_KINDS_KEY = "team.active_kinds"
DEFAULT_PERIODS = {PeriodKind.YEAR: 3, PeriodKind.QUARTER: 5}


# -- settings ------------------------------------------------------------------------------------


def load_active_kinds(session: Session) -> tuple[str, ...]:
    """The interaction kinds that make an account active (default: visit, meal, call, gift)."""
    row = session.get(BookSetting, ACTIVE_KINDS_KEY)
    if row is None:
        return DEFAULT_ACTIVE_KINDS
    try:
        kinds = json.loads(row.value)
        if isinstance(kinds, list) and kinds and all(isinstance(k, str) for k in kinds):
            return tuple(kinds)
    except ValueError:
        pass
    log.warning("the stored active kinds are damaged; using the defaults")
    return DEFAULT_ACTIVE_KINDS


def save_active_kinds(session: Session, kinds: Sequence[str]) -> tuple[str, ...]:
    """Say which interaction kinds count; ValidationError for none or an unknown kind."""
    clean = tuple(dict.fromkeys(INTERACTION_KINDS.check(k) for k in kinds))
    if not clean:
        raise ValidationError(
            "name at least one kind of interaction", field="kinds", code="required"
        )
    row = session.get(BookSetting, ACTIVE_KINDS_KEY)
    if row is None:
        session.add(BookSetting(key=ACTIVE_KINDS_KEY, value=json.dumps(list(clean))))
    else:
        row.value = json.dumps(list(clean))
    session.flush()
    return clean


# -- shared pieces -------------------------------------------------------------------------------


def _instant(day: dt.date) -> dt.datetime:
    """The device's local midnight starting ``day``, as a UTC instant."""
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)


def _accounts(session: Session, names: dict[str, str]) -> list[RetentionAccount]:
    owner = named(Account.owner)
    rows = session.execute(
        select(Account.id, Account.name, Account.tier, owner, book_when_unowned(owner))
        .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
        .where(Account.deleted.is_(False))
    )
    return [RetentionAccount(a, n, t, resolve(o, b, names)) for a, n, t, o, b in rows]


def _touch_rows(kinds: Sequence[str], since: dt.datetime, until: dt.datetime) -> Any:
    """(account id, interaction id, moment, recorded by) for counting interactions in a range:
    an interaction's own account, else its live attendees' current accounts."""
    in_range = and_(
        Interaction.kind.in_(list(kinds)),
        Interaction.occurred_at >= since,
        Interaction.occurred_at < until,
        Interaction.deleted.is_(False),
    )
    direct = select(
        Interaction.account_id.label("aid"),
        Interaction.id.label("iid"),
        Interaction.occurred_at.label("at"),
        Interaction.recorded_by.label("rec"),
    ).where(in_range, Interaction.account_id.is_not(None))
    attended = (
        select(Contact.account_id, Interaction.id, Interaction.occurred_at, Interaction.recorded_by)
        .select_from(Interaction)
        .join(InteractionAttendee, InteractionAttendee.interaction_id == Interaction.id)
        .join(Contact, InteractionAttendee.contact_id == Contact.id)
        .where(
            in_range,
            Interaction.account_id.is_(None),
            live(InteractionAttendee.deleted),
            Contact.account_id.is_not(None),
        )
    )
    return union_all(direct, attended).subquery()


def _won_days(session: Session) -> list[tuple[str, dt.date]]:
    """Won opportunities: (account id, the day it was won — expected date, else last change)."""
    rows = session.execute(
        select(
            Opportunity.account_id,
            Opportunity.expected_on,
            type_coerce(Opportunity.updated_at, UTCDateTime()),
        ).where(
            Opportunity.deleted.is_(False),
            Opportunity.stage == "result",
            Opportunity.result == "won",
        )
    )
    return [(aid, expected or local_day(changed)) for aid, expected, changed in rows]


# -- retention -----------------------------------------------------------------------------------


def load_retention(
    session: Session,
    *,
    today: dt.date,
    kind: PeriodKind = PeriodKind.YEAR,
    count: int | None = None,
    active_kinds: Sequence[str] | None = None,
) -> Retention:
    """Retention per period (years or quarters up to today's) by tier and owner, and the accounts
    lost in the last period (see :mod:`crmdesk.core.retention`)."""
    kinds = tuple(active_kinds) if active_kinds else load_active_kinds(session)
    spans = periods(kind, today, count or DEFAULT_PERIODS[kind])
    names = book_names(session)
    accounts = _accounts(session, names)
    bounds = [_instant(p.start) for p in spans] + [_instant(spans[-1].end)]
    touches = _touch_rows(kinds, bounds[0], bounds[-1])
    index = case(
        *((touches.c.at < bounds[i + 1], literal(i)) for i in range(len(spans) - 1)),
        else_=literal(len(spans) - 1),
    )
    active: set[tuple[str, int]] = {
        (aid, i)
        for aid, i in session.execute(select(touches.c.aid, index).group_by(touches.c.aid, index))
    }
    for aid, day in _won_days(session):
        for i, span in enumerate(spans):
            if span.holds(day):
                active.add((aid, i))
    lost_ids = {a for a, i in active if i == len(spans) - 2} - {
        a for a, i in active if i == len(spans) - 1
    }
    last_touch, last_owner = _last_touches(session, kinds, lost_ids, bounds[-1], names)
    return retention(
        kind=kind,
        spans=spans,
        accounts=accounts,
        active=active,
        last_touch=last_touch,
        last_owner=last_owner,
        active_kinds=kinds,
    )


def _last_touches(
    session: Session,
    kinds: Sequence[str],
    account_ids: Iterable[str],
    until: dt.datetime,
    names: dict[str, str],
) -> tuple[dict[str, dt.date], dict[str, str | None]]:
    """For these accounts, the day of the latest counting touch and who recorded it."""
    ids = list(account_ids)
    if not ids:
        return {}, {}
    touches = _touch_rows(kinds, dt.datetime(1901, 1, 1, tzinfo=dt.UTC), until)
    ranked = (
        select(
            touches.c.aid,
            touches.c.at,
            touches.c.rec,
            func.row_number()
            .over(partition_by=touches.c.aid, order_by=(touches.c.at.desc(), touches.c.iid))
            .label("position"),
        )
        .where(touches.c.aid.in_(ids))
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.aid, type_coerce(ranked.c.at, UTCDateTime()), ranked.c.rec).where(
            ranked.c.position == 1
        )
    )
    days: dict[str, dt.date] = {}
    who: dict[str, str | None] = {}
    for aid, at, rec in rows:
        days[aid] = local_day(at)
        if rec and rec.strip():
            who[aid] = rec.strip()
    return days, who


# -- at risk -------------------------------------------------------------------------------------


def _key_cadence(session: Session, key_ranks: Sequence[int] | None) -> dict[str, int]:
    ranks = tuple(sorted(set(key_ranks))) if key_ranks is not None else load_key_ranks(session)
    return {
        code: days
        for code, days in session.execute(
            select(Tier.code, Tier.cadence_days).where(
                Tier.deleted.is_(False), Tier.rank.in_(ranks)
            )
        )
    }


def _complaint_account() -> ColumnElement[str | None]:
    person = aliased(Contact)
    return func.coalesce(
        Complaint.account_id,
        select(person.account_id).where(person.id == Complaint.contact_id).scalar_subquery(),
    )


def load_risk(
    session: Session,
    *,
    today: dt.date,
    key_ranks: Sequence[int] | None = None,
    active_kinds: Sequence[str] | None = None,
) -> tuple[RiskAccount, ...]:
    """Key accounts at risk, the most serious first (see :func:`crmdesk.core.retention.at_risk`)."""
    cadence = _key_cadence(session, key_ranks)
    if not cadence:
        return ()
    kinds = tuple(active_kinds) if active_kinds else load_active_kinds(session)
    keys = key_account_touches(session, cadence=cadence, today=today)
    key_ids = [k.account_id for k in keys]
    year_ago, two_years_ago = (
        _instant(today - dt.timedelta(days=365)),
        _instant(today - dt.timedelta(days=730)),
    )
    touches = _touch_rows(kinds, two_years_ago, _instant(today + dt.timedelta(days=1)))
    this_year = func.count(func.distinct(case((touches.c.at >= year_ago, touches.c.iid))))
    last_year = func.count(func.distinct(case((touches.c.at < year_ago, touches.c.iid))))
    counts = {
        aid: (now, before)
        for aid, now, before in session.execute(
            select(touches.c.aid, this_year, last_year)
            .where(touches.c.aid.in_(key_ids))
            .group_by(touches.c.aid)
        )
    }
    lost_day = func.coalesce(Opportunity.expected_on, func.date(Opportunity.updated_at))
    lost: dict[str, int] = dict(
        session.execute(
            select(Opportunity.account_id, func.count())
            .where(
                Opportunity.deleted.is_(False),
                Opportunity.stage == "result",
                Opportunity.result == "lost",
                Opportunity.account_id.in_(key_ids),
                lost_day >= (today - dt.timedelta(days=365)).isoformat(),
            )
            .group_by(Opportunity.account_id)
        ).all()
    )
    complaint_account = _complaint_account()
    complaints: dict[str | None, int] = dict(
        session.execute(
            select(complaint_account, func.count())
            .where(Complaint.deleted.is_(False), Complaint.status.in_(sorted(OPEN_COMPLAINT)))
            .group_by(complaint_account)
        ).all()
    )
    facts = [
        KeyAccountFacts(
            account_id=k.account_id,
            name=k.name,
            tier=k.tier,
            owner=k.owner,
            cadence_days=k.cadence_days,
            last_touch=k.last_touch,
            touches_this_year=counts.get(k.account_id, (0, 0))[0],
            touches_last_year=counts.get(k.account_id, (0, 0))[1],
            lost_opportunities=int(lost.get(k.account_id, 0)),
            open_complaints=int(complaints.get(k.account_id, 0)),
        )
        for k in keys
    ]
    return at_risk(facts, today=today)


# -- decision chain ------------------------------------------------------------------------------


def load_chains(
    session: Session,
    *,
    today: dt.date,
    key_ranks: Sequence[int] | None = None,
    account_ids: Sequence[str] | None = None,
) -> tuple[ChainDepth, ...]:
    """Decision-chain depth of the key accounts (or of ``account_ids``, whatever their tier: the
    account card's org chart), worst first."""
    names = book_names(session)
    cadence_by_tier = {
        code: days
        for code, days in session.execute(
            select(Tier.code, Tier.cadence_days).where(Tier.deleted.is_(False))
        )
    }
    if account_ids is None:
        cadence = _key_cadence(session, key_ranks)
        wanted: ColumnElement[bool] = Account.tier.in_(list(cadence))
    else:
        wanted = Account.id.in_(list(account_ids))
    owner = named(Account.owner)
    accounts = [
        RetentionAccount(a, n, t, resolve(o, b, names))
        for a, n, t, o, b in session.execute(
            select(Account.id, Account.name, Account.tier, owner, book_when_unowned(owner))
            .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
            .where(Account.deleted.is_(False), wanted)
        )
    ]
    if not accounts:
        return ()
    ids = [a.account_id for a in accounts]
    scope = select(Contact.id).where(Contact.account_id.in_(ids), Contact.deleted.is_(False))
    touched = contact_touches(session, scope)
    people: dict[str, list[ChainContact]] = {}
    for cid, name, aid, role in session.execute(
        select(Contact.id, Contact.name, Contact.account_id, Contact.decision_role)
        .where(Contact.id.in_(scope))
        .order_by(Contact.sort_key, Contact.id)
    ):
        if aid is not None:
            people.setdefault(aid, []).append(ChainContact(cid, name, role, touched.get(cid)))
    chains = [
        chain_depth(
            a,
            tier=a.tier or "",
            cadence_days=cadence_by_tier.get(a.tier or "", 90),
            people=people.get(a.account_id, ()),
            today=today,
        )
        for a in accounts
    ]
    return worst_chains_first(chains)


# -- complaints ----------------------------------------------------------------------------------


def load_complaint_stats(session: Session, *, today: dt.date) -> ComplaintStats:
    """Open complaints by age and owner, time to resolution by tier, repeated complaints."""
    names = book_names(session)
    account = aliased(Account)
    person = aliased(Contact)
    aid = func.coalesce(Complaint.account_id, person.account_id)
    owner = named(account.owner)
    rows = session.execute(
        select(
            Complaint.id,
            account.id,
            account.name,
            account.tier,
            owner,
            book_when_unowned(owner),
            Complaint.received_on,
            Complaint.status,
            Complaint.resolved_on,
            Complaint.description,
        )
        .select_from(Complaint)
        .outerjoin(person, Complaint.contact_id == person.id)
        .outerjoin(account, and_(account.id == aid, account.deleted.is_(False)))
        .outerjoin(SyncShadow, shadow_join("accounts", account.id))
        .where(Complaint.deleted.is_(False))
    )
    facts = [
        ComplaintFact(cid, a, an, t, resolve(o, b, names), rec, st, res, text)
        for cid, a, an, t, o, b, rec, st, res, text in rows
    ]
    return complaint_stats(facts, today=today)


def open_complaints_of(
    session: Session, *, contact_id: str | None = None, account_id: str | None = None
) -> tuple[ComplaintView, ...]:
    """Open complaints of a contact or of its account, the oldest first (for the brief)."""
    if contact_id is None and account_id is None:
        return ()
    who: list[ColumnElement[bool]] = []
    if contact_id is not None:
        who.append(Complaint.contact_id == contact_id)
    if account_id is not None:
        who.append(Complaint.account_id == account_id)
    company = aliased(Account)
    person = aliased(Contact)
    rows = session.execute(
        select(Complaint, company.name, person.name)
        .outerjoin(company, Complaint.account_id == company.id)
        .outerjoin(person, Complaint.contact_id == person.id)
        .where(
            Complaint.deleted.is_(False),
            Complaint.status.in_(sorted(OPEN_COMPLAINT)),
            or_(*who),
        )
        .order_by(Complaint.received_on, Complaint.id)
    )
    return tuple(
        ComplaintView(
            id=c.id,
            received_on=c.received_on,
            description=c.description,
            status=c.status,
            resolution=c.resolution,
            account_id=c.account_id,
            account_name=an,
            contact_id=c.contact_id,
            contact_name=pn,
        )
        for c, an, pn in rows
    )


__all__ = [
    "Period",
    "load_active_kinds",
    "load_chains",
    "load_complaint_stats",
    "load_manager_views",
    "load_retention",
    "load_risk",
    "open_complaints_of",
    "save_active_kinds",
]


def load_manager_views(
    session: Session, *, today: dt.date, kind: PeriodKind = PeriodKind.YEAR
) -> ManagerViews:
    """Retention, risk, decision chains and complaints for the Team tab (one worker job)."""
    return ManagerViews(
        today=today,
        retention=load_retention(session, today=today, kind=kind),
        risk=load_risk(session, today=today),
        chains=load_chains(session, today=today),
        complaints=load_complaint_stats(session, today=today),
    )
