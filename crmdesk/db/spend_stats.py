"""The spend view's queries; the arithmetic is :mod:`crmdesk.core.spend`'s.

Four queries whatever the book's size, all limited to the chosen months (the months are a small
VALUES table of local-month boundaries as UTC instants, joined on the indexed ``occurred_at``, so
a month is the device's local month, daylight saving included):

1. live accounts with their tier's monthly budget and their holder (for budgets and names);
2. costs and gift values summed by account, by month and rep, and by month and tier, in one
   statement (:func:`spend_sums`);
3. the gifts themselves (for the same-gift-twice-a-day flag);
4. interactions with a cost and no live attendee.

An interaction's account is its own, else an attendee's account (a gift's, its
recipient's, then the same); its rep is who recorded it, else the user of its server book.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    String,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from crmdesk.core.local_day import local_day
from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.core.spend import (
    BudgetAccount,
    FlagRecord,
    MonthSpan,
    SpendCell,
    SpendReport,
    SpendSums,
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
from crmdesk.db.owners import book_names, book_when_unowned, live, named, resolve, shadow_join
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
        sums=spend_sums(session, months=months, names=names, rep=rep, filtered=filtered),
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


def _book_if_unrecorded(recorded: ColumnElement[str | None]) -> ColumnElement[str | None]:
    """The interaction's server book, looked up only when nobody is named as its recorder."""
    book = (
        select(SyncShadow.book_id)
        .where(SyncShadow.tbl == "interactions", SyncShadow.record_id == Interaction.id)
        .scalar_subquery()
    )
    return case((recorded.is_(None), book), else_=null())


def _live_interaction() -> ColumnElement[bool]:
    # Not "deleted IS 0": given that, SQLite builds an automatic index on ``deleted`` and scans
    # every interaction once per month instead of walking the month on ``occurred_at``.
    return live(Interaction.deleted)


def _first_attendee_account() -> ColumnElement[str | None]:
    """An attendee's account (the least account id when attendees are of several: a plain
    aggregate, no sort per interaction).

    Written as SQL for its ``INDEXED BY``: left to itself, SQLite reads each attendee's account
    through the contacts' primary key, a page of the contacts table per attendee, where the
    (id, account_id) index answers alone (1.5 -> 1.1 s for a year of 200,000 interactions).
    SQLAlchemy has no table hints for SQLite. Correlates with the outer ``interactions``.
    """
    return literal_column(
        "(SELECT min(attendee_contact.account_id)"
        " FROM interaction_attendees AS attendee"
        " JOIN contacts AS attendee_contact INDEXED BY ix_contacts_account_of"
        " ON attendee_contact.id = attendee.contact_id"
        " WHERE attendee.interaction_id = interactions.id"
        " AND ifnull(attendee.deleted, 0) = 0)",
        String(),
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


def _user_of(book: ColumnExpressionArgument[Any], names: dict[str, str]) -> ColumnElement[Any]:
    """The username of a server book id, in SQL (a CASE over the team's few books)."""
    if not names:
        return null()
    return case(names, value=book, else_=null())


def spend_sums(
    session: Session,
    *,
    months: Sequence[MonthSpan],
    names: dict[str, str],
    rep: str | None = None,
    filtered: bool = False,
) -> SpendSums:
    """Costs and gift values over the months, summed by account, by month and rep, and by month
    and tier, in one statement.

    Its first step (materialised once) lists every cost and every gift of the months with its
    month, its account (the interaction's, the gift's recipient's, an attendee's) and who
    recorded it; the second adds the account's tier and resolves the rep (who recorded it, else
    the user of the interaction's book, else the account's owner or its book's user); three
    GROUP BYs over it make the sums.
    """
    if not months:
        return SpendSums((), (), ())
    table = _months_table(months)
    recorded = named(Interaction.recorded_by)
    recipient = aliased(Contact)
    first = _first_attendee_account()
    cost_rows = (
        select(
            table.c.month.label("month"),
            func.coalesce(Interaction.account_id, first).label("aid"),
            recorded.label("recorded"),
            _book_if_unrecorded(recorded).label("book"),
            func.coalesce(Interaction.cost_currency, DEFAULT_CURRENCY).label("currency"),
            func.coalesce(Interaction.cost_minor, 0).label("cost"),
            literal(0).label("gift"),
            literal(1).label("n"),
        )
        .select_from(table)
        .join(Interaction, _in_month(table))
        .where(_live_interaction())
    )
    gift_rows = (
        select(
            table.c.month,
            func.coalesce(Interaction.account_id, recipient.account_id, first),
            recorded,
            _book_if_unrecorded(recorded),
            func.coalesce(Gift.currency, DEFAULT_CURRENCY),
            literal(0),
            # Deleted gifts count nothing. Tested here, not in WHERE: a filter on gifts makes
            # SQLite scan all gifts once per month instead of following the month's interactions.
            case((Gift.deleted.is_(False), func.coalesce(Gift.value_minor, 0)), else_=0),
            literal(0),
        )
        .select_from(table)
        .join(Interaction, _in_month(table))
        .join(Gift, Gift.interaction_id == Interaction.id)
        .outerjoin(recipient, Gift.contact_id == recipient.id)
        .where(_live_interaction())
    )
    base = union_all(cost_rows, gift_rows).cte("spend_base").prefix_with("MATERIALIZED")
    account = aliased(Account)
    # Looked up only when nothing before it answered (COALESCE stops at the first value).
    account_book = (
        select(SyncShadow.book_id)
        .where(SyncShadow.tbl == "accounts", SyncShadow.record_id == account.id)
        .scalar_subquery()
    )
    who = func.coalesce(
        base.c.recorded,
        _user_of(base.c.book, names),
        named(account.owner),
        _user_of(account_book, names),
    )
    spend = (
        select(
            base.c.month,
            base.c.aid,
            account.tier.label("tier"),
            who.label("rep"),
            base.c.currency,
            base.c.cost,
            base.c.gift,
            base.c.n,
        )
        .select_from(base)
        .outerjoin(account, account.id == base.c.aid)
        .cte("spend")
        .prefix_with("MATERIALIZED")
    )
    mine = (spend.c.rep.is_(None) if rep is None else spend.c.rep == rep) if filtered else true()
    totals = (func.sum(spend.c.cost), func.sum(spend.c.gift), func.sum(spend.c.n))
    nothing = null()
    statement = union_all(
        select(literal("a"), nothing, spend.c.aid, nothing, nothing, spend.c.currency, *totals)
        .where(mine)
        .group_by(spend.c.aid, spend.c.currency),
        select(literal("r"), spend.c.month, nothing, nothing, spend.c.rep, spend.c.currency,
               *totals)
        .group_by(spend.c.month, spend.c.rep, spend.c.currency),
        select(literal("t"), spend.c.month, nothing, spend.c.tier, nothing, spend.c.currency,
               *totals)
        .where(mine)
        .group_by(spend.c.month, spend.c.tier, spend.c.currency),
    )  # fmt: skip
    by: dict[str, list[SpendCell]] = {"a": [], "r": [], "t": []}
    for kind, month, aid, tier, who_, cur, cost, gift, n in session.execute(statement):
        by[kind].append(
            SpendCell(
                month or "", aid, who_, cur, int(cost or 0), int(gift or 0), int(n or 0), tier
            )
        )
    return SpendSums(by["a"], by["r"], by["t"])


def _range(months: Sequence[MonthSpan]) -> ColumnElement[bool]:
    return and_(
        Interaction.occurred_at >= months[0].start, Interaction.occurred_at < months[-1].end
    )


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
        .where(live(Gift.deleted), _live_interaction(), _range(months))
    )
    out = []
    for gid, text, minor, cur, at, iid, aid, rec, bk, cid, cname in rows:
        owner = accounts.get(aid) if aid else None
        out.append(
            FlagRecord(
                kind="gift",
                id=gid,
                day=local_day(at),
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
        live(InteractionAttendee.deleted),
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
            _live_interaction(),
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
                day=local_day(at),
                label=summary or kind,
                amount=Money(minor or 0, cur or DEFAULT_CURRENCY),
                rep=_rep(rec, bk, aid, names, accounts),
                account_id=aid,
                account_name=holder.name if holder else None,
                interaction_id=iid,
            )
        )
    return out
