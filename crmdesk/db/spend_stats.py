"""The spend view's queries; the arithmetic is :mod:`crmdesk.core.spend`'s.

Five queries whatever the book's size, all limited to the chosen months (the months are a small
VALUES table of local-month boundaries as UTC instants, joined on the indexed ``occurred_at``, so
a month is the device's local month, daylight saving included):

1. live accounts with their tier's monthly budget and their holder (for budgets and names);
2. interaction costs and counts grouped by month, account, rep and currency;
3. gift values grouped the same way;
4. the gifts themselves (for the same-gift-twice-a-day flag);
5. interactions with a cost and no live attendee.

An interaction's account is its own, else its first attendee's account (a gift's, its
recipient's, then the same); its rep is who recorded it, else the user of its server book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    exists,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.core.spend import (
    BudgetAccount,
    FlagRecord,
    MonthSpan,
    SpendCell,
    SpendReport,
    build_report,
)
from crmdesk.db.models import (
    Account,
    Contact,
    Gift,
    Interaction,
    InteractionAttendee,
    Tier,
    UTCDateTime,
)
from crmdesk.db.owners import book_names, book_when_unowned, named, resolve, shadow_join
from crmdesk.db.sync_state import SyncShadow


def load_spend(
    session: Session,
    *,
    months: Sequence[MonthSpan],
    rep: str | None = None,
    filtered: bool = False,
) -> SpendReport:
    """The spend report over ``months`` (consecutive), for one rep when ``filtered``."""
    names = book_names(session)
    accounts = budget_accounts(session, names=names)
    by_id = {a.account_id: a for a in accounts}
    return build_report(
        months=[m.month for m in months],
        cells=spend_cells(session, months=months, names=names, accounts=by_id),
        accounts=accounts,
        gifts=gift_records(session, months=months, names=names, accounts=by_id),
        unattended=unattended_costs(session, months=months, names=names, accounts=by_id),
        rep=rep,
        filtered=filtered,
    )


def budget_accounts(
    session: Session, *, names: dict[str, str] | None = None
) -> tuple[BudgetAccount, ...]:
    """Every live account with its tier, holder and the tier's monthly budget."""
    names = book_names(session) if names is None else names
    owner = named(Account.owner)
    rows = session.execute(
        select(
            Account.id,
            Account.name,
            Account.tier,
            owner,
            book_when_unowned(owner),
            Tier.monthly_budget_minor,
        )
        .outerjoin(Tier, and_(Tier.code == Account.tier, Tier.deleted.is_(False)))
        .outerjoin(SyncShadow, shadow_join("accounts", Account.id))
        .where(Account.deleted.is_(False))
    )
    return tuple(
        BudgetAccount(aid, name, tier, resolve(own, book, names), budget)
        for aid, name, tier, own, book, budget in rows
    )


def _months_table(months: Sequence[MonthSpan]):  # type: ignore[no-untyped-def]
    # A UNION ALL of literal rows (SQLite has no column list for an aliased VALUES).
    rows = [
        select(
            literal(m.month, String).label("month"),
            literal(m.start, UTCDateTime()).label("start"),
            literal(m.end, UTCDateTime()).label("end"),
        )
        for m in months
    ]
    return (union_all(*rows) if len(rows) > 1 else rows[0]).cte("months")


def _in_month(months) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    return and_(Interaction.occurred_at >= months.c.start, Interaction.occurred_at < months.c.end)


def _first_attendee_account() -> ColumnElement[str | None]:
    return (
        select(Contact.account_id)
        .join(InteractionAttendee, InteractionAttendee.contact_id == Contact.id)
        .where(
            InteractionAttendee.interaction_id == Interaction.id,
            InteractionAttendee.deleted.is_(False),
            Contact.account_id.is_not(None),
        )
        .order_by(InteractionAttendee.created_at, InteractionAttendee.id)
        .limit(1)
        .scalar_subquery()
    )


def _rep_columns() -> tuple[ColumnElement[str | None], ColumnElement[str | None]]:
    recorded = named(Interaction.recorded_by)
    return recorded, book_when_unowned(recorded)


def _rep(
    recorded: str | None,
    book: str | None,
    account_id: str | None,
    names: dict[str, str],
    accounts: dict[str, BudgetAccount],
) -> str | None:
    who = resolve(recorded, book, names)
    if who is None and account_id is not None and account_id in accounts:
        who = accounts[account_id].owner
    return who


def spend_cells(
    session: Session,
    *,
    months: Sequence[MonthSpan],
    names: dict[str, str],
    accounts: dict[str, BudgetAccount],
) -> list[SpendCell]:
    """Costs and gift values by month, account, rep and currency (two GROUP BY queries)."""
    if not months:
        return []
    table = _months_table(months)
    recorded, book = _rep_columns()
    account = func.coalesce(Interaction.account_id, _first_attendee_account())
    cost_currency = func.coalesce(Interaction.cost_currency, DEFAULT_CURRENCY)
    costs = session.execute(
        select(
            table.c.month,
            account,
            recorded,
            book,
            cost_currency,
            func.coalesce(func.sum(Interaction.cost_minor), 0),
            func.count(),
        )
        .select_from(table)
        .join(Interaction, _in_month(table))
        .outerjoin(SyncShadow, shadow_join("interactions", Interaction.id))
        .where(Interaction.deleted.is_(False))
        .group_by(table.c.month, account, recorded, book, cost_currency)
    )
    sums: dict[tuple[str, str | None, str | None, str], list[int]] = {}
    for month, aid, rec, bk, cur, minor, count in costs:
        key = (month, aid, _rep(rec, bk, aid, names, accounts), cur)
        s = sums.setdefault(key, [0, 0, 0])
        s[0] += minor
        s[2] += count
    recipient = aliased(Contact)
    gift_account = func.coalesce(
        Interaction.account_id, recipient.account_id, _first_attendee_account()
    )
    gift_currency = func.coalesce(Gift.currency, DEFAULT_CURRENCY)
    gifts = session.execute(
        select(
            table.c.month,
            gift_account,
            recorded,
            book,
            gift_currency,
            func.sum(Gift.value_minor),
        )
        .select_from(table)
        .join(Interaction, _in_month(table))
        .join(Gift, Gift.interaction_id == Interaction.id)
        .outerjoin(recipient, Gift.contact_id == recipient.id)
        .outerjoin(SyncShadow, shadow_join("interactions", Interaction.id))
        .where(
            Interaction.deleted.is_(False), Gift.deleted.is_(False), Gift.value_minor.is_not(None)
        )
        .group_by(table.c.month, gift_account, recorded, book, gift_currency)
    )
    for month, aid, rec, bk, cur, minor in gifts:
        key = (month, aid, _rep(rec, bk, aid, names, accounts), cur)
        sums.setdefault(key, [0, 0, 0])[1] += minor or 0
    return [
        SpendCell(month, aid, rep, cur, cost, gift, count)
        for (month, aid, rep, cur), (cost, gift, count) in sums.items()
    ]


def _range(months: Sequence[MonthSpan]) -> ColumnElement[bool]:
    return and_(
        Interaction.occurred_at >= months[0].start, Interaction.occurred_at < months[-1].end
    )


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def gift_records(
    session: Session,
    *,
    months: Sequence[MonthSpan],
    names: dict[str, str],
    accounts: dict[str, BudgetAccount],
) -> list[FlagRecord]:
    """Every live gift given in the months (for the duplicate-gift flag)."""
    if not months:
        return []
    recipient = aliased(Contact)
    recorded, book = _rep_columns()
    account = func.coalesce(Interaction.account_id, recipient.account_id)
    rows = session.execute(
        select(
            Gift.id,
            Gift.description,
            Gift.value_minor,
            Gift.currency,
            type_coerce(Interaction.occurred_at, UTCDateTime()),
            Interaction.id,
            account,
            recorded,
            book,
            recipient.id,
            recipient.name,
        )
        .join(Interaction, Gift.interaction_id == Interaction.id)
        .outerjoin(recipient, Gift.contact_id == recipient.id)
        .outerjoin(SyncShadow, shadow_join("interactions", Interaction.id))
        .where(Gift.deleted.is_(False), Interaction.deleted.is_(False), _range(months))
    )
    out = []
    for gid, text, minor, cur, at, iid, aid, rec, bk, cid, cname in rows:
        owner = accounts.get(aid) if aid else None
        out.append(
            FlagRecord(
                kind="gift",
                id=gid,
                day=_local_day(at),
                label=text,
                amount=None if minor is None else Money(minor, cur or DEFAULT_CURRENCY),
                rep=_rep(rec, bk, aid, names, accounts),
                account_id=aid,
                account_name=owner.name if owner else None,
                interaction_id=iid,
                contact_id=cid,
                contact_name=cname,
            )
        )
    return out


def unattended_costs(
    session: Session,
    *,
    months: Sequence[MonthSpan],
    names: dict[str, str],
    accounts: dict[str, BudgetAccount],
) -> list[FlagRecord]:
    """Interactions in the months with a cost above zero and no live attendee."""
    if not months:
        return []
    recorded, book = _rep_columns()
    attended = exists().where(
        InteractionAttendee.interaction_id == Interaction.id,
        InteractionAttendee.deleted.is_(False),
    )
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.summary,
            Interaction.kind,
            Interaction.cost_minor,
            Interaction.cost_currency,
            type_coerce(Interaction.occurred_at, UTCDateTime()),
            Interaction.account_id,
            recorded,
            book,
        )
        .outerjoin(SyncShadow, shadow_join("interactions", Interaction.id))
        .where(
            Interaction.deleted.is_(False),
            Interaction.cost_minor > 0,
            ~attended,
            _range(months),
        )
    )
    out = []
    for iid, summary, kind, minor, cur, at, aid, rec, bk in rows:
        holder = accounts.get(aid) if aid else None
        out.append(
            FlagRecord(
                kind="interaction",
                id=iid,
                day=_local_day(at),
                label=summary or kind,
                amount=Money(minor or 0, cur or DEFAULT_CURRENCY),
                rep=_rep(rec, bk, aid, names, accounts),
                account_id=aid,
                account_name=holder.name if holder else None,
                interaction_id=iid,
            )
        )
    return out
