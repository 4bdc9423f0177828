"""Campaigns summed up: budget, committed spend and progress, per campaign and per rep.

For the campaign list and for a manager's view of the team's campaigns (on a manager's device the
team's books are pulled read-only beside the manager's own; a record's rep is its owner, else the
user whose book it came from, as :mod:`crmdesk.db.owners` says). Two queries whatever the number
of campaigns: the campaigns, then their items grouped by campaign, rep, status and currency.

* **budget**: the sum of each person's per-gift budget (the tier's greeting budget, by the
  contact's effective tier: its own, else its account's); None when no tier has one;
* **committed**: the value of the gifts chosen (every item with a value), per currency;
* **progress**: people to buy for, bought, sent and thanked.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.db.models import Account, Campaign, CampaignItem, Contact, Tier
from crmdesk.db.owners import book_names, book_when_unowned, live, named, resolve, shadow_join
from crmdesk.db.sync_state import SyncShadow

STATUSES = ("to_buy", "bought", "sent", "thanked")


@dataclass
class Tally:
    """Budget, committed spend and progress of a set of campaign items."""

    people: int = 0
    budget_minor: int | None = None  # in the book's currency
    committed: dict[str, int] = field(default_factory=dict)  # currency -> minor units
    progress: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    def add(self, status: str, currency: str | None, count: int, value: int, budget: int) -> None:
        self.people += count
        self.progress[status] = self.progress.get(status, 0) + count
        if value:
            code = currency or DEFAULT_CURRENCY
            self.committed[code] = self.committed.get(code, 0) + value
        if budget:
            self.budget_minor = (self.budget_minor or 0) + budget

    @property
    def budget(self) -> Money | None:
        return Money(self.budget_minor) if self.budget_minor is not None else None

    @property
    def committed_money(self) -> list[Money]:
        """The committed spend, the book's currency first."""
        codes = sorted(self.committed, key=lambda c: (c != DEFAULT_CURRENCY, c))
        return [Money(self.committed[c], c) for c in codes]

    @property
    def over_budget(self) -> bool:
        spent = self.committed.get(DEFAULT_CURRENCY, 0)
        return self.budget_minor is not None and spent > self.budget_minor

    def to_json(self) -> dict[str, object]:
        return {
            "people": self.people,
            "budget": self.budget.to_json() if self.budget else None,
            "committed": [m.to_json() for m in self.committed_money],
            "progress": dict(self.progress),
        }


@dataclass
class CampaignSummary:
    id: str
    name: str
    occasion: str
    occasion_on: dt.date
    buy_by: dt.date
    send_by: dt.date
    rep: str | None  # who runs it: its owner, else the user whose book it is
    total: Tally = field(default_factory=Tally)
    by_rep: dict[str | None, Tally] = field(default_factory=dict)  # the people's reps

    @property
    def progress(self) -> dict[str, int]:
        return self.total.progress

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "occasion": self.occasion,
            "occasion_on": self.occasion_on.isoformat(),
            "buy_by": self.buy_by.isoformat(),
            "send_by": self.send_by.isoformat(),
            "rep": self.rep,
            **self.total.to_json(),
            "by_rep": [{"rep": rep, **t.to_json()} for rep, t in self.reps()],
        }

    def reps(self) -> list[tuple[str | None, Tally]]:
        """The reps in name order, the unassigned last."""
        return sorted(self.by_rep.items(), key=lambda e: (e[0] is None, e[0] or ""))


def campaign_summaries(session: Session) -> list[CampaignSummary]:
    """Every live campaign on this device (a manager's: the team's too), earliest day first."""
    names = book_names(session)
    owner = named(Campaign.owner)
    found = session.execute(
        select(Campaign, book_when_unowned(owner))
        .outerjoin(SyncShadow, shadow_join("campaigns", Campaign.id))
        .where(live(Campaign.deleted))
        .order_by(Campaign.occasion_on, Campaign.name, Campaign.id)
    ).all()
    summaries = {
        c.id: CampaignSummary(
            c.id, c.name, c.occasion, c.occasion_on, c.buy_by, c.send_by,
            resolve((c.owner and c.owner.strip()) or None, book, names),
        )
        for c, book in found
    }  # fmt: skip
    if not summaries:
        return []
    account = aliased(Account)
    tier_code = func.coalesce(named(Contact.tier), named(account.tier))
    rep = func.coalesce(named(Contact.owner), named(account.owner))
    rows = session.execute(
        select(
            CampaignItem.campaign_id,
            rep,
            book_when_unowned(rep),
            CampaignItem.status,
            CampaignItem.currency,
            func.count(),
            func.coalesce(func.sum(CampaignItem.value_minor), 0),
            func.coalesce(func.sum(Tier.greeting_budget_minor), 0),
        )
        .join(Contact, Contact.id == CampaignItem.contact_id)
        .outerjoin(account, (account.id == Contact.account_id) & live(account.deleted))
        .outerjoin(Tier, (Tier.code == tier_code) & live(Tier.deleted))
        .outerjoin(SyncShadow, shadow_join("campaign_items", CampaignItem.id))
        .where(live(CampaignItem.deleted))
        .group_by(
            CampaignItem.campaign_id,
            rep,
            book_when_unowned(rep),
            CampaignItem.status,
            CampaignItem.currency,
        )
    ).all()
    by_rep: dict[str, dict[str | None, Tally]] = defaultdict(dict)
    for campaign_id, owner_of, book, status, currency, count, value, budget in rows:
        summary = summaries.get(campaign_id)
        if summary is None:
            continue  # an item of a deleted campaign
        who = resolve(owner_of, book, names)
        summary.total.add(status, currency, count, value or 0, budget or 0)
        by_rep[campaign_id].setdefault(who, Tally()).add(
            status, currency, count, value or 0, budget or 0
        )
    for campaign_id, reps in by_rep.items():
        summaries[campaign_id].by_rep = reps
    return list(summaries.values())
