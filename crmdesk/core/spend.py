"""Spend against budget, the effort distribution, and unusual spend — pure functions.

:mod:`crmdesk.db.spend_stats` reads the book into :class:`SpendCell` rows (spend grouped in SQL
by local month, account, rep and currency) and a few lists of records; everything here works on
those plain rows.

**Spend** is what the interaction log says was spent: each interaction's cost plus the value of
the gifts given at it. An interaction's account is its own, else the account of its first
attendee (a gift's: its recipient's). Its **rep** is who recorded it, else the user whose server
book it came from, else the account's owner; None is unassigned.

**Currencies are never added together**: every line is per currency.

**Budget model.** A tier carries ``monthly_budget_minor``: what *one account* of that tier may
cost per month, in the book's currency (CNY, like the greeting budget). A manager thinks "an S
account may cost ¥5,000 a month"; per account, the budget grows with the tier and follows an
account moved between tiers or reps with no one re-planning. It adds up:

* an account's budget for a range of months = its tier's monthly budget x months;
* a tier's = monthly budget x live accounts of the tier x months;
* a rep's = the sum over the accounts the rep *holds* (their owner) — so a rep who spends on
  another rep's accounts shows spend without budget, which is what a manager wants to see;
* a month's = the sum over all accounts.

Only spend in the budget's currency is compared with it.

**The rule of thumb** (seed 002): key accounts, about 10%, get about 60% of the effort.
:func:`concentration` gives the share taken by the top 10% of accounts and a cumulative curve
(accounts sorted by effort, most first) to set against :data:`RULE_CURVE`.

**Flags** (:class:`SpendFlag`, each with the records involved and a reason code): the same gift
(description normalised) bought twice or more on one local day, anywhere in the book; a tier or a
rep over budget in a month; an interaction with a cost and no attendee.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import DEFAULT_CURRENCY, Money

BUDGET_CURRENCY = DEFAULT_CURRENCY
TOP_SHARE = 0.10
RULE_TOP_EFFORT = 0.60
# Seed 002: key ~10% of accounts get ~60% of effort, general ~30% get 30%, potential ~60% get 10%.
RULE_CURVE: tuple[tuple[float, float], ...] = ((0.0, 0.0), (0.1, 0.6), (0.4, 0.9), (1.0, 1.0))
MAX_MONTHS = 120

Owner = str | None


class View(StrEnum):
    """The ways spend is rolled up."""

    ACCOUNT = "account"
    TIER = "tier"
    REP = "rep"
    MONTH = "month"


class FlagCode(StrEnum):
    DUPLICATE_GIFT = "duplicate_gift"
    TIER_OVER_BUDGET = "tier_over_budget"
    REP_OVER_BUDGET = "rep_over_budget"
    COST_WITHOUT_ATTENDEE = "cost_without_attendee"


# -- months in local time -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthSpan:
    """A calendar month in the device's time zone, as UTC instants [start, end)."""

    month: str  # "YYYY-MM"
    start: dt.datetime
    end: dt.datetime


def parse_month(text: str, *, field: str = "month") -> dt.date:
    """``"2026-03"`` -> the first of that month; ValidationError naming ``field`` otherwise."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise ValidationError(f"{text!r} is not a month; write YYYY-MM", field=field, code="month")
    return dt.date(int(match[1]), int(match[2]), 1)


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    # A naive datetime's astimezone() reads it as local time (the rules of that date: DST-safe).
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def local_months(first: dt.date, last: dt.date) -> tuple[MonthSpan, ...]:
    """The months from ``first``'s to ``last``'s, inclusive, in local time."""
    start, stop = first.replace(day=1), last.replace(day=1)
    if stop < start:
        raise ValidationError(
            f"the range ends ({month_key(stop)}) before it starts ({month_key(start)})",
            field="months",
            code="month_range",
        )
    spans = []
    while start <= stop:
        following = _next_month(start)
        spans.append(
            MonthSpan(month_key(start), _local_midnight_utc(start), _local_midnight_utc(following))
        )
        start = following
        if len(spans) > MAX_MONTHS:
            raise ValidationError(
                f"a range of at most {MAX_MONTHS} months, please",
                field="months",
                code="month_range",
            )
    return tuple(spans)


def last_months(today: dt.date, count: int) -> tuple[MonthSpan, ...]:
    """The ``count`` months ending with ``today``'s."""
    first = today.replace(day=1)
    for _ in range(count - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return local_months(first, today)


# -- input rows ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BudgetAccount:
    """A live account as the budget sees it: its tier, its holder, its tier's monthly budget."""

    account_id: str
    name: str
    tier: str | None
    owner: Owner
    monthly_budget_minor: int | None


@dataclass(frozen=True, slots=True)
class SpendCell:
    """Spend summed over one group, per currency. The book groups three ways
    (:class:`SpendSums`): by account (``month`` ""), by month and rep, by month and tier."""

    month: str
    account_id: str | None
    rep: Owner
    currency: str
    cost_minor: int = 0
    gift_minor: int = 0
    interactions: int = 0  # interactions logged (counted once, in their cost's currency)
    tier: str | None = None

    @property
    def total_minor(self) -> int:
        return self.cost_minor + self.gift_minor


@dataclass(frozen=True, slots=True)
class FlagRecord:
    """A record a flag is about: an interaction or a gift."""

    kind: str  # interaction, gift
    id: str
    day: dt.date
    label: str  # the gift's description or the interaction's summary
    amount: Money | None
    rep: Owner
    account_id: str | None
    account_name: str | None
    interaction_id: str
    contact_id: str | None = None
    contact_name: str | None = None


@dataclass(frozen=True, slots=True)
class SpendFlag:
    """Something a manager should look at, with the records involved.

    ``subject`` is what it is about: the gift's description, the tier code or the rep;
    ``period`` the local day (``YYYY-MM-DD``) or month (``YYYY-MM``).
    """

    code: FlagCode
    period: str
    subject: str
    records: tuple[FlagRecord, ...]
    amount: Money | None = None
    budget: Money | None = None
    owners: tuple[Owner, ...] = ()


# -- rolled-up lines ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpendLine:
    """One line of a spend table: a key (account id, tier code, rep or month) and currency."""

    key: str | None
    label: str  # the account's name, the tier code, the rep or the month ("" for None)
    currency: str
    cost_minor: int
    gift_minor: int
    interactions: int
    budget_minor: int | None  # in BUDGET_CURRENCY, for lines in it; None: no budget
    tier: str | None = None  # account lines
    owner: Owner = None  # account lines: the account's holder

    @property
    def total_minor(self) -> int:
        return self.cost_minor + self.gift_minor

    @property
    def total(self) -> Money:
        return Money(self.total_minor, self.currency)

    @property
    def over_budget(self) -> bool:
        return self.budget_minor is not None and self.total_minor > self.budget_minor


@dataclass(frozen=True, slots=True)
class Concentration:
    """How concentrated effort is: the share of the top ``TOP_SHARE`` of accounts, and a curve.

    ``curve`` holds (share of accounts, share of the total) points, accounts sorted by their
    value, the largest first, at every percent of accounts (0 to 100); between two accounts the
    share grows linearly (a Lorenz curve read from the top), so a few accounts draw as the
    straight segments they are rather than as steps.
    """

    accounts: int
    total: int
    top_accounts: int
    top_share: float
    curve: tuple[tuple[float, float], ...]


def concentration(values: Iterable[int], *, top: float = TOP_SHARE) -> Concentration:
    """The distribution of ``values`` (one per account, zeros included) over the accounts."""
    ordered = sorted((max(0, v) for v in values), reverse=True)
    n, total = len(ordered), sum(ordered)
    if n == 0:
        return Concentration(0, 0, 0, 0.0, ())
    cumulative = [0]
    for v in ordered:
        cumulative.append(cumulative[-1] + v)
    top_n = max(1, math.ceil(n * top - 1e-9))

    def share(k: int) -> float:
        return cumulative[k] / total if total else 0.0

    def share_at(fraction: float) -> float:
        k = fraction * n
        whole = min(n, math.floor(k + 1e-9))
        part = ordered[whole] * (k - whole) if whole < n and k > whole else 0
        return (cumulative[whole] + part) / total if total else 0.0

    curve = tuple((p / 100, share_at(p / 100)) for p in range(101))
    return Concentration(n, total, top_n, share(top_n), curve)


@dataclass(frozen=True, slots=True)
class SpendReport:
    """The spend view over a range of months, optionally for one rep."""

    months: tuple[str, ...]
    rep: Owner | None  # the filter; None: every rep (see ``filtered``)
    filtered: bool
    accounts: tuple[SpendLine, ...]
    tiers: tuple[SpendLine, ...]
    reps: tuple[SpendLine, ...]
    by_month: tuple[SpendLine, ...]
    flags: tuple[SpendFlag, ...]
    effort: Concentration  # interactions per account
    spend: Concentration  # spend per account, in ``spend_currency``
    spend_currency: str
    reps_seen: tuple[Owner, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.accounts or self.tiers or self.reps or self.by_month or self.flags)


# -- roll-ups -----------------------------------------------------------------------------------


def _owner_label(owner: Owner) -> str:
    return owner or ""


@dataclass(frozen=True, slots=True)
class SpendSums:
    """Spend over the chosen months, summed by the book three ways.

    ``by_account`` and ``by_month_tier`` count only the chosen rep's spend when the report is
    for one rep; ``by_month_rep`` always holds every rep (for the rep list and its filter).
    """

    by_account: Sequence[SpendCell]
    by_month_rep: Sequence[SpendCell]
    by_month_tier: Sequence[SpendCell]


def rollup(
    cells: Sequence[SpendCell],
    view: View,
    accounts: Mapping[str, BudgetAccount],
    months: int,
) -> tuple[SpendLine, ...]:
    """Spend per account, tier, rep or month, per currency, with the budget where one applies.

    ``cells`` must be grouped at least by what ``view`` needs (accounts, month and tier, or
    month and rep)."""
    sums: dict[tuple[str | None, str], list[int]] = {}
    for cell in cells:
        if view is View.ACCOUNT:
            key = cell.account_id
        elif view is View.TIER:
            key = cell.tier
        elif view is View.REP:
            key = cell.rep
        else:
            key = cell.month
        s = sums.setdefault((key, cell.currency), [0, 0, 0])
        s[0] += cell.cost_minor
        s[1] += cell.gift_minor
        s[2] += cell.interactions
    budgets = _budgets(view, accounts, months)
    if view is View.MONTH and any(a.monthly_budget_minor is not None for a in accounts.values()):
        monthly = sum(a.monthly_budget_minor or 0 for a in accounts.values())
        budgets = {key: monthly for key, _currency in sums}
    lines = []
    for (key, currency), (cost, gifts, count) in sums.items():
        account = accounts.get(key) if view is View.ACCOUNT and key else None
        label = key or ""
        if view is View.ACCOUNT:
            label = account.name if account is not None else ""
        budget = budgets.get(key) if currency == BUDGET_CURRENCY else None
        lines.append(
            SpendLine(
                key=key,
                label=label,
                currency=currency,
                cost_minor=cost,
                gift_minor=gifts,
                interactions=count,
                budget_minor=budget,
                tier=account.tier if account is not None else None,
                owner=account.owner if account is not None else None,
            )
        )
    if view is View.MONTH:
        lines.sort(key=lambda ln: (ln.key or "", ln.currency))
    else:
        lines.sort(
            key=lambda ln: (ln.currency != BUDGET_CURRENCY, ln.currency, -ln.total_minor, ln.label)
        )
    return tuple(lines)


def _budgets(
    view: View, accounts: Mapping[str, BudgetAccount], months: int
) -> dict[str | None, int]:
    """Budget per key of ``view`` over ``months`` months (keys with no budget left out)."""
    out: dict[str | None, int] = {}
    for account in accounts.values():
        if account.monthly_budget_minor is None:
            continue
        if view is View.ACCOUNT:
            key: str | None = account.account_id
        elif view is View.TIER:
            key = account.tier
        elif view is View.REP:
            key = account.owner
        else:
            continue
        out[key] = out.get(key, 0) + account.monthly_budget_minor * months
    return out


# -- flags --------------------------------------------------------------------------------------


_SPACES = re.compile(r"\s+")


def normalise_description(text: str) -> str:
    """A gift's description for comparison: NFKC, case-folded, spaces collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def duplicate_gifts(gifts: Sequence[FlagRecord]) -> tuple[SpendFlag, ...]:
    """The same gift (normalised description) given twice or more on one local day."""
    groups: dict[tuple[dt.date, str], list[FlagRecord]] = {}
    for gift in gifts:
        norm = normalise_description(gift.label)
        if norm:
            groups.setdefault((gift.day, norm), []).append(gift)
    flags = []
    for (day, _norm), records in sorted(groups.items(), key=lambda kv: kv[0]):
        if len(records) < 2:
            continue
        currencies = {r.amount.currency for r in records if r.amount is not None}
        amount = None
        if len(currencies) == 1:
            currency = currencies.pop()
            amount = Money(sum(r.amount.minor for r in records if r.amount is not None), currency)
        flags.append(
            SpendFlag(
                code=FlagCode.DUPLICATE_GIFT,
                period=day.isoformat(),
                subject=records[0].label.strip(),
                records=tuple(records),
                amount=amount,
                owners=_owners_of(records),
            )
        )
    return tuple(flags)


def cost_without_attendee(records: Sequence[FlagRecord]) -> tuple[SpendFlag, ...]:
    """One flag per interaction with a cost and no attendee."""
    return tuple(
        SpendFlag(
            code=FlagCode.COST_WITHOUT_ATTENDEE,
            period=r.day.isoformat(),
            subject=r.label,
            records=(r,),
            amount=r.amount,
            owners=(r.rep,),
        )
        for r in sorted(records, key=lambda r: (r.day, r.id))
    )


def over_budget(
    by_month_tier: Sequence[SpendCell],
    by_month_rep: Sequence[SpendCell],
    accounts: Mapping[str, BudgetAccount],
) -> tuple[SpendFlag, ...]:
    """Tiers and reps whose spend in a month (budget currency) went over that month's budget."""
    flags = []
    for view, code, cells in (
        (View.TIER, FlagCode.TIER_OVER_BUDGET, by_month_tier),
        (View.REP, FlagCode.REP_OVER_BUDGET, by_month_rep),
    ):
        budgets = _budgets(view, accounts, 1)
        spent: dict[tuple[str, str | None], int] = {}
        for cell in cells:
            if cell.currency != BUDGET_CURRENCY:
                continue
            key = cell.tier if view is View.TIER else cell.rep
            spent[(cell.month, key)] = spent.get((cell.month, key), 0) + cell.total_minor
        for (month, key), minor in sorted(spent.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            budget = budgets.get(key)
            if key is None or budget is None or minor <= budget:
                continue
            flags.append(
                SpendFlag(
                    code=code,
                    period=month,
                    subject=key,
                    records=(),
                    amount=Money(minor, BUDGET_CURRENCY),
                    budget=Money(budget, BUDGET_CURRENCY),
                    owners=(key,) if view is View.REP else (),
                )
            )
    return tuple(flags)


def _owners_of(records: Sequence[FlagRecord]) -> tuple[Owner, ...]:
    seen: list[Owner] = []
    for r in records:
        if r.rep not in seen:
            seen.append(r.rep)
    return tuple(seen)


# -- the report ---------------------------------------------------------------------------------


def build_report(
    *,
    months: Sequence[str],
    sums: SpendSums,
    accounts: Sequence[BudgetAccount],
    gifts: Sequence[FlagRecord],
    unattended: Sequence[FlagRecord],
    rep: Owner = None,
    filtered: bool = False,
) -> SpendReport:
    """Every table, flag and distribution of the spend view.

    With ``filtered`` only spend recorded by ``rep`` (None: unassigned) is counted (the book's
    sums by account and by tier already are); the tier and month budgets stay the team's, and
    the rep's flags are those naming the rep, with the tiers'.
    """
    by_id = {a.account_id: a for a in accounts}
    by_rep: Sequence[SpendCell] = sums.by_month_rep
    reps_seen = tuple(
        sorted({c.rep for c in by_rep}, key=lambda o: (o is None, (o or "").casefold()))
    )
    if filtered:
        by_rep = [c for c in by_rep if c.rep == rep]
    count = len(months)
    flags = (
        *duplicate_gifts(gifts),
        *over_budget(sums.by_month_tier, by_rep, by_id),
        *cost_without_attendee(unattended),
    )
    if filtered:
        flags = tuple(f for f in flags if rep in f.owners or (f.code is FlagCode.TIER_OVER_BUDGET))
    effort: dict[str, int] = {a.account_id: 0 for a in accounts}
    money: dict[str, dict[str, int]] = {}
    for cell in sums.by_account:
        if cell.account_id is None or cell.account_id not in effort:
            continue
        effort[cell.account_id] += cell.interactions
        per = money.setdefault(cell.currency, {})
        per[cell.account_id] = per.get(cell.account_id, 0) + cell.total_minor
    # The distribution of spend is drawn in one currency: the budget's when there is spend in
    # it, else the one with the most spend lines.
    currency = BUDGET_CURRENCY
    if BUDGET_CURRENCY not in money and money:
        currency = max(money, key=lambda c: (len(money[c]), c))
    spend_values = [money.get(currency, {}).get(a.account_id, 0) for a in accounts]
    return SpendReport(
        months=tuple(months),
        rep=rep,
        filtered=filtered,
        accounts=rollup(sums.by_account, View.ACCOUNT, by_id, count),
        tiers=rollup(sums.by_month_tier, View.TIER, by_id, count),
        reps=rollup(by_rep, View.REP, by_id, count),
        by_month=rollup(by_rep, View.MONTH, by_id, 1),
        flags=tuple(flags),
        effort=concentration(effort.values()),
        spend=concentration(spend_values),
        spend_currency=currency,
        reps_seen=reps_seen,
    )
