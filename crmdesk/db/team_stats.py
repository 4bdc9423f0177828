"""The team dashboard's queries (see :mod:`crmdesk.core.dashboard` for what the figures mean).

Set-based and aggregated in SQL, a fixed number of queries whatever the book's size:

1. tiers; 2. accounts counted by tier and owner (GROUP BY); 3. the key accounts and their last
touch (interactions logged with them, attended by or giving a gift to one of their live
contacts: three GROUP BY queries walking indexes from the key accounts); 4. overdue follow-ups;
5. the pipeline grouped by stage, owner and currency; 6. the coming occasions of key
relationships (a separate call, :func:`coming_occasions`, so the GUI can show the rest first),
through the
planner (:func:`crmdesk.db.planning.load_plan_input` and
:func:`crmdesk.core.planner.build_plan`), so lunar dates and policies are the planner's.

Owners follow :mod:`crmdesk.db.owners`. The key tiers' ranks are a book setting
(``team.key_ranks``, default rank 0), kept on this device like the planner's settings.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence

from sqlalchemy import func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from crmdesk.core.dashboard import (
    DEFAULT_KEY_RANKS,
    DEFAULT_OCCASION_DAYS,
    ComingOccasion,
    Dashboard,
    KeyAccount,
    OverdueFollowUp,
    StageTotal,
    TierOwnerCount,
)
from crmdesk.core.errors import ValidationError
from crmdesk.core.local_day import local_day
from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.core.planner import GIFT_KINDS, PlanFilter, build_plan
from crmdesk.db.models import (
    Account,
    BookSetting,
    Contact,
    FollowUp,
    Gift,
    Interaction,
    InteractionAttendee,
    Opportunity,
    Tier,
    UTCDateTime,
)
from crmdesk.db.owners import book_names, book_when_unowned, live, named, resolve, shadow_join
from crmdesk.db.sync_state import SyncShadow

log = logging.getLogger(__name__)

KEY_RANKS_KEY = "team.key_ranks"


# -- settings -----------------------------------------------------------------------------------


def load_key_ranks(session: Session) -> tuple[int, ...]:
    """The ranks whose tiers are key (default: rank 0 only)."""
    row = session.get(BookSetting, KEY_RANKS_KEY)
    if row is None:
        return DEFAULT_KEY_RANKS
    try:
        ranks = json.loads(row.value)
        if isinstance(ranks, list) and ranks and all(isinstance(r, int) for r in ranks):
            return tuple(sorted(set(ranks)))
    except ValueError:
        pass
    log.warning("the stored key ranks are damaged; using rank 0")
    return DEFAULT_KEY_RANKS


def save_key_ranks(session: Session, ranks: Sequence[int]) -> tuple[int, ...]:
    """Say which tier ranks are key; ValidationError for none or a negative rank."""
    clean = tuple(sorted(set(ranks)))
    if not clean or any(not isinstance(r, int) or r < 0 for r in clean):
        raise ValidationError(
            "key tiers are given by rank: one or more whole numbers from 0 (the top tier)",
            field="key_ranks",
            code="key_ranks",
        )
    row = session.get(BookSetting, KEY_RANKS_KEY)
    if row is None:
        session.add(BookSetting(key=KEY_RANKS_KEY, value=json.dumps(list(clean))))
    else:
        row.value = json.dumps(list(clean))
    session.flush()
    return clean


# -- the dashboard ------------------------------------------------------------------------------


def load_dashboard(
    session: Session,
    *,
    today: dt.date,
    key_ranks: Sequence[int] | None = None,
    occasion_days: int = DEFAULT_OCCASION_DAYS,
    with_occasions: bool = True,
) -> Dashboard:
    """Every figure of the dashboard on ``today`` (see the module docstring for the queries).

    Without ``with_occasions`` the occasions are left empty: they need the planner's whole input
    (the largest load here), and the GUI fetches them next with :func:`load_occasions`.
    """
    ranks = tuple(sorted(set(key_ranks))) if key_ranks is not None else load_key_ranks(session)
    names = book_names(session)
    tiers = session.execute(
        select(Tier.code, Tier.rank, Tier.cadence_days)
        .where(Tier.deleted.is_(False))
        .order_by(Tier.rank, Tier.code)
    ).all()
    cadence = {t.code: t.cadence_days for t in tiers if t.rank in ranks}
    key_accounts = key_account_touches(session, cadence=cadence, today=today, names=names)
    owner_of = {a.account_id: a.owner for a in key_accounts}
    return Dashboard(
        today=today,
        key_ranks=ranks,
        tiers=tuple(t.code for t in tiers),
        key_tiers=tuple(cadence),
        by_tier_owner=accounts_by_tier_owner(session, names=names),
        key_accounts=key_accounts,
        overdue=overdue_follow_ups(session, today=today, names=names),
        pipeline=pipeline(session, names=names),
        occasions=coming_occasions(
            session,
            today=today,
            days=occasion_days,
            key_tiers=tuple(cadence),
            account_owners=owner_of,
        )
        if with_occasions
        else (),
        occasion_days=occasion_days,
    )


def load_occasions(
    session: Session,
    *,
    today: dt.date,
    days: int = DEFAULT_OCCASION_DAYS,
    key_ranks: Sequence[int] | None = None,
) -> tuple[ComingOccasion, ...]:
    """The coming occasions of key relationships on their own (see :func:`load_dashboard`)."""
    ranks = tuple(sorted(set(key_ranks))) if key_ranks is not None else load_key_ranks(session)
    names = book_names(session)
    codes = tuple(
        session.scalars(
            select(Tier.code)
            .where(Tier.deleted.is_(False), Tier.rank.in_(ranks))
            .order_by(Tier.rank, Tier.code)
        )
    )
    owner = named(Account.owner)
    owners = {
        aid: resolve(own, book_id, names)
        for aid, own, book_id in session.execute(
            select(Account.id, owner, book_when_unowned(owner))
            .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
            .where(Account.deleted.is_(False), Account.tier.in_(codes))
        )
    }
    return coming_occasions(session, today=today, days=days, key_tiers=codes, account_owners=owners)


def accounts_by_tier_owner(
    session: Session, *, names: dict[str, str] | None = None
) -> tuple[TierOwnerCount, ...]:
    """Live accounts counted by tier and owner."""
    names = book_names(session) if names is None else names
    owner = named(Account.owner)
    book = book_when_unowned(owner)
    rows = session.execute(
        select(Account.tier, owner, book, func.count())
        .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
        .where(Account.deleted.is_(False))
        .group_by(Account.tier, owner, book)
    )
    totals: dict[tuple[str | None, str | None], int] = {}
    for tier, own, book_id, count in rows:
        key = (tier, resolve(own, book_id, names))
        totals[key] = totals.get(key, 0) + count
    return tuple(TierOwnerCount(t, o, n) for (t, o), n in totals.items())


def _key_touches(session: Session, codes: Sequence[str]) -> dict[str, dt.datetime]:
    """Per key account, its latest touch: three GROUP BY queries, each walking an index from
    the key accounts (interactions by account; contacts by account, then their attendances and
    gifts), so the cost follows the key accounts' history, not the whole book's."""
    keys = select(Account.id).where(Account.deleted.is_(False), Account.tier.in_(list(codes)))
    latest = type_coerce(func.max(Interaction.occurred_at), UTCDateTime())
    direct = (
        select(Interaction.account_id, latest)
        .where(Interaction.account_id.in_(keys), live(Interaction.deleted))
        .group_by(Interaction.account_id)
    )
    attended = (
        select(Contact.account_id, latest)
        .join(InteractionAttendee, InteractionAttendee.contact_id == Contact.id)
        .join(Interaction, InteractionAttendee.interaction_id == Interaction.id)
        .where(
            Contact.account_id.in_(keys),
            live(Contact.deleted),
            live(InteractionAttendee.deleted),
            live(Interaction.deleted),
        )
        .group_by(Contact.account_id)
    )
    gifted = (
        select(Contact.account_id, latest)
        .join(Gift, Gift.contact_id == Contact.id)
        .join(Interaction, Gift.interaction_id == Interaction.id)
        .where(
            Contact.account_id.in_(keys),
            live(Contact.deleted),
            live(Gift.deleted),
            live(Interaction.deleted),
        )
        .group_by(Contact.account_id)
    )
    touches: dict[str, dt.datetime] = {}
    for query in (direct, attended, gifted):
        for account_id, at in session.execute(query):
            if account_id is not None and at is not None:
                current = touches.get(account_id)
                if current is None or at > current:
                    touches[account_id] = at
    return touches


def key_account_touches(
    session: Session,
    *,
    cadence: dict[str, int],
    today: dt.date,
    names: dict[str, str] | None = None,
) -> tuple[KeyAccount, ...]:
    """The live accounts of the tiers in ``cadence`` (code -> days) with their last touch (an
    interaction logged with the account, attended by or giving a gift to a live contact of it)."""
    if not cadence:
        return ()
    names = book_names(session) if names is None else names
    touches = _key_touches(session, list(cadence))
    owner = named(Account.owner)
    rows = session.execute(
        select(Account.id, Account.name, Account.tier, owner, book_when_unowned(owner))
        .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
        .where(Account.deleted.is_(False), Account.tier.in_(list(cadence)))
        .order_by(Account.name, Account.id)
    )
    out = []
    for aid, name, tier, own, book_id in rows:
        assert tier is not None  # the query keeps key tiers only
        at = touches.get(aid)
        day = local_day(at) if at is not None else None
        out.append(
            KeyAccount(
                account_id=aid,
                name=name,
                tier=tier,
                owner=resolve(own, book_id, names),
                cadence_days=cadence[tier],
                last_touch=day,
                days_since=(today - day).days if day is not None else None,
            )
        )
    return tuple(out)


def overdue_follow_ups(
    session: Session, *, today: dt.date, names: dict[str, str] | None = None
) -> tuple[OverdueFollowUp, ...]:
    """Open (not done, not deleted) follow-ups due before ``today``, the oldest first.

    Owner: the follow-up's own, else its account's (given, or the contact's), else its book's.
    """
    names = book_names(session) if names is None else names
    person = aliased(Contact)
    account = aliased(Account)
    owner = func.coalesce(named(FollowUp.owner), named(account.owner))
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.description,
            FollowUp.due_on,
            owner,
            book_when_unowned(owner),
            person.id,
            person.name,
            account.id,
            account.name,
        )
        .outerjoin(person, (FollowUp.contact_id == person.id) & person.deleted.is_(False))
        .outerjoin(
            account,
            (func.coalesce(FollowUp.account_id, person.account_id) == account.id)
            & account.deleted.is_(False),
        )
        .outerjoin(SyncShadow, shadow_join("follow_ups", FollowUp.id))
        .where(FollowUp.deleted.is_(False), FollowUp.done.is_(False), FollowUp.due_on < today)
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return tuple(
        OverdueFollowUp(
            follow_up_id=fid,
            description=text,
            due_on=due,
            days_overdue=(today - due).days,
            owner=resolve(own, book_id, names),
            contact_id=cid,
            contact_name=cname,
            account_id=aid,
            account_name=aname,
        )
        for fid, text, due, own, book_id, cid, cname, aid, aname in rows
    )


def pipeline(session: Session, *, names: dict[str, str] | None = None) -> tuple[StageTotal, ...]:
    """Live opportunities by stage (result split into won and lost), owner and currency.

    Owner: the opportunity's own, else its account's, else its book's. An amount without a
    currency is in the book's currency (CNY), as everywhere in crmdesk.
    """
    names = book_names(session) if names is None else names
    owner = func.coalesce(named(Opportunity.owner), named(Account.owner))
    stage = func.iif(
        Opportunity.stage == "result",
        func.coalesce(Opportunity.result, literal("result")),
        Opportunity.stage,
    )
    currency = func.coalesce(Opportunity.currency, DEFAULT_CURRENCY)
    book = book_when_unowned(owner)
    rows = session.execute(
        select(
            stage,
            owner,
            book,
            currency,
            func.count(),
            func.coalesce(func.sum(Opportunity.amount_minor), 0),
        )
        .join(Account, Opportunity.account_id == Account.id)
        .outerjoin(SyncShadow, shadow_join("opportunities", Opportunity.id))
        .where(Opportunity.deleted.is_(False), Account.deleted.is_(False))
        .group_by(stage, owner, book, currency)
    )
    totals: dict[tuple[str, str | None, str], list[int]] = {}
    for stage_code, own, book_id, cur, count, minor in rows:
        key = (stage_code, resolve(own, book_id, names), cur)
        pair = totals.setdefault(key, [0, 0])
        pair[0] += count
        pair[1] += minor
    return tuple(
        StageTotal(stage=s, owner=o, count=n, amount=Money(m, c))
        for (s, o, c), (n, m) in totals.items()
    )


def coming_occasions(
    session: Session,
    *,
    today: dt.date,
    days: int,
    key_tiers: Sequence[str],
    account_owners: dict[str, str | None] | None = None,
) -> tuple[ComingOccasion, ...]:
    """Occasions (dates, dormant birthdays, festivals) of key-tier relationships, by the planner."""
    if not key_tiers or days < 1:
        return ()
    from crmdesk.db.planner_settings import load_settings
    from crmdesk.db.planning import load_plan_input, with_touches

    owners = account_owners or {}
    settings = load_settings(session)
    filters = PlanFilter(tiers=tuple(key_tiers), kinds=tuple(GIFT_KINDS))
    # Two passes: which key contacts have a date in the range does not depend on their touches,
    # so touches and last gifts are read for those few only (a tenth of the key contacts for a
    # month), then the plan is made again with them (they turn birthdays dormant).
    bare = load_plan_input(session, tiers=key_tiers, follow_ups=False, touches=False, index=False)
    first = build_plan(bare, start=today, days=days, settings=settings, filters=filters)
    dated = [c.id for c in (i.contact for i in first.items() if i.date is not None) if c]
    plan = build_plan(
        with_touches(session, bare, dated),
        start=today,
        days=days,
        settings=settings,
        filters=filters,
    )
    out = []
    for item in plan.items():
        festival = item.festival_day
        if festival is not None and not festival.people:
            continue  # a festival with no key contact to greet is no occasion of the team's
        contact = item.contact
        account_id = item.account_id
        owner = contact.owner if contact is not None else None
        if owner is None and account_id is not None:
            owner = owners.get(account_id)
        out.append(
            ComingOccasion(
                day=item.day,
                kind=str(item.kind),
                owner=owner,
                tier=contact.tier if contact is not None else None,
                contact_id=item.contact_id,
                account_id=account_id,
                item=item,
            )
        )
    return tuple(out)
