"""Festival campaigns (三节两寿): from "whom do we greet for 中秋" to gifts sent, in one sitting.

``new_campaign`` finds the occasion's day, the contacts it concerns (by effective tier — the
contact's own, else its account's —, owner and tags), and for each a gift suggestion
(:mod:`crmdesk.core.gift_suggestions`: taboos, never the same gift twice, one item per account,
the tier's per-gift budget) and a greeting (:mod:`crmdesk.core.greetings`). Key people come first:
by tier rank, then account, then decision role, then name. All in one transaction: a campaign
that concerns nobody is refused, and nothing is written.

``mark_sent`` logs each gift as an interaction of kind "gift" with its value, once: an item
remembers the interaction it logged, so marking it sent again logs nothing — spend, the
never-repeat rule and the planner all see the gift exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ValidationError
from crmdesk.core.festivals import festival_by_key
from crmdesk.core.gift_suggestions import (
    CatalogueItem,
    GiftProfile,
    PastGift,
    Refusal,
    describe,
    suggest_for_campaign,
)
from crmdesk.core.gift_suggestions import (
    Preference as GiftPreference,
)
from crmdesk.core.greetings import (
    GreetingContact,
    Tone,
    chinese_surname,
    greeting,
    greeting_language,
)
from crmdesk.core.money import DEFAULT_CURRENCY, Money
from crmdesk.db.campaign_stats import CampaignSummary, campaign_summaries
from crmdesk.db.models import (
    Account,
    Campaign,
    CampaignItem,
    Contact,
    Gift,
    Interaction,
    Preference,
    Tier,
)
from crmdesk.db.services._common import get_live
from crmdesk.db.services.gift_catalogue import suggestion_catalogue
from crmdesk.db.services.interactions import NewGift, log_interaction

STATUSES = ("to_buy", "bought", "sent", "thanked")
BUY_LEAD_DAYS = 14  # gifts bought two weeks before the day...
SEND_LEAD_DAYS = 3  # ...and sent three days before it
_ROLE_ORDER = {"decision_maker": 0, "influencer": 1, "coach": 2, "technical_evaluator": 3}


@dataclass(frozen=True, slots=True)
class ItemView:
    id: str
    contact_id: str
    contact: str
    account: str | None
    tier: str | None
    owner: str | None
    gift: str
    value: Money | None
    reason: str
    greeting: str
    status: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "contact_id": self.contact_id,
            "contact": self.contact,
            "account": self.account,
            "tier": self.tier,
            "owner": self.owner,
            "gift": self.gift,
            "value": self.value.to_json() if self.value else None,
            "reason": self.reason,
            "greeting": self.greeting,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class CampaignView:
    id: str
    name: str
    occasion: str
    occasion_on: dt.date
    buy_by: dt.date
    send_by: dt.date
    items: tuple[ItemView, ...] = ()
    unsuggested: tuple[str, ...] = ()  # contacts every catalogue item was ruled out for
    progress: dict[str, int] = field(default_factory=dict)  # status -> count

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "occasion": self.occasion,
            "occasion_on": self.occasion_on.isoformat(),
            "buy_by": self.buy_by.isoformat(),
            "send_by": self.send_by.isoformat(),
            "progress": self.progress,
            "items": [i.to_json() for i in self.items],
            "unsuggested": list(self.unsuggested),
        }


@dataclass(frozen=True, slots=True)
class ShoppingLine:
    gift: str
    quantity: int
    unit: Money | None
    total: Money | None


def _greeting_language(choice: str, name: str, company: str | None, lang: str) -> str:
    if choice != "auto":
        return choice
    return greeting_language(name, company, lang if lang.startswith("zh") else "zh_CN")


def _occasion_day(occasion: str, year: int) -> dt.date:
    festival = festival_by_key(occasion)
    days = festival.dates_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if not days:
        raise ValidationError(f"{occasion} falls on no day of {year}", field="year")
    return days[0]


def _matches(wanted: Sequence[str], *values: str | None) -> bool:
    return not wanted or any(v in wanted for v in values if v)


def new_campaign(
    session: Session,
    *,
    occasion: str,
    year: int,
    sender: str,
    tiers: Sequence[str] = (),
    owners: Sequence[str] = (),
    tags: Sequence[str] = (),
    lang: str = "zh",
    greeting_lang: str = "auto",
    tone: Tone = Tone.FORMAL,
    catalogue: Sequence[CatalogueItem] | None = None,
    name: str | None = None,
    owner: str | None = None,
) -> CampaignView:
    """Make a campaign for ``occasion`` (a festival key) in ``year``, with its items.

    ``lang`` names the campaign and explains the gifts (the rep's language); the greetings are
    in ``greeting_lang``, by default each contact's own: traditional Chinese for a name or company
    written in traditional characters, the rep's Chinese (``lang`` zh_TW: traditional) for another
    Chinese name, else English.
    The gifts come from the book's catalogue (its active items) unless ``catalogue`` is given.
    """
    if not sender.strip():
        raise ValidationError(
            "say who the greetings are from (--sender)", field="sender", code="required"
        )
    day = _occasion_day(occasion, year)
    festival = festival_by_key(occasion)
    tier_rows = {t.code: t for t in session.scalars(select(Tier).where(Tier.deleted.is_(False)))}
    unknown = [t for t in tiers if t not in tier_rows]
    if unknown:
        raise ValidationError(
            f"no tier {', '.join(unknown)} in this book", field="tiers", code="unknown_tier"
        )
    rows = session.execute(
        select(Contact, Account)
        .outerjoin(Account, (Account.id == Contact.account_id) & Account.deleted.is_(False))
        .where(Contact.deleted.is_(False))
    ).all()
    chosen: list[tuple[Contact, Account | None, str | None]] = []
    for contact, account in rows:
        tier = contact.tier or (account.tier if account else None)
        contact_owner = contact.owner or (account.owner if account else None)
        tag_set = set(contact.tags or []) | set(account.tags if account else [])
        if tiers and tier not in tiers:
            continue
        if not _matches(owners, contact_owner):
            continue
        if tags and not tag_set & set(tags):
            continue
        chosen.append((contact, account, tier))
    if not chosen:
        raise ValidationError(
            "no contact matches this campaign's tiers, owners and tags",
            field="contacts",
            code="no_contacts",
        )

    def rank(entry: tuple[Contact, Account | None, str | None]) -> tuple[int, str, int, str]:
        contact, account, tier = entry
        tier_rank = tier_rows[tier].rank if tier in tier_rows else 1_000
        role = _ROLE_ORDER.get(contact.decision_role or "", 9)
        return (tier_rank, account.name if account else "", role, contact.sort_key or "")

    chosen.sort(key=rank)
    ids = [c.id for c, _, _ in chosen]
    prefs: dict[str, list[GiftPreference]] = defaultdict(list)
    for pref in session.scalars(
        select(Preference).where(Preference.contact_id.in_(ids), Preference.deleted.is_(False))
    ):
        prefs[pref.contact_id].append(GiftPreference(pref.category, pref.value))
    past: dict[str, list[PastGift]] = defaultdict(list)
    given = session.execute(
        select(Gift.contact_id, Gift.description, Interaction.occurred_at)
        .join(Interaction, Interaction.id == Gift.interaction_id)
        .where(Gift.contact_id.in_(ids), Gift.deleted.is_(False), Interaction.deleted.is_(False))
    )
    for contact_id, description, occurred_at in given:
        if contact_id is not None:  # the query asks for these contacts' gifts only
            past[contact_id].append(PastGift(occurred_at.year, description))
    profiles = [
        GiftProfile(
            contact.id,
            contact.account_id,
            tier_rows[tier].greeting_budget_minor if tier in tier_rows else None,
            tuple(prefs[contact.id]),
            tuple(past[contact.id]),
        )
        for contact, _, tier in chosen
    ]
    if catalogue is None:
        catalogue = suggestion_catalogue(session)
    suggestions = suggest_for_campaign(profiles, catalogue, occasion, lang)
    campaign = Campaign(
        name=name or f"{festival.name(lang)} {year}",
        occasion=occasion,
        occasion_on=day,
        buy_by=day - dt.timedelta(days=BUY_LEAD_DAYS),
        send_by=day - dt.timedelta(days=SEND_LEAD_DAYS),
        tiers=list(tiers),
        owners=list(owners),
        tags=list(tags),
        owner=owner,
    )
    session.add(campaign)
    session.flush()
    for contact, account_of, _tier in chosen:
        found = suggestions[contact.id]
        favourite = next(
            (p.value for p in prefs[contact.id] if p.category in ("tea", "drink", "hobby")), None
        )
        text = greeting(
            GreetingContact(
                contact.name,
                chinese_surname(contact.name),
                contact.title,
                contact.gender,
                account_of.name if account_of else None,
                favourite,
            ),
            occasion,
            sender=sender,
            lang=_greeting_language(
                greeting_lang, contact.name, account_of.name if account_of else None, lang
            ),
            tone=tone,
        )
        item = CampaignItem(
            campaign_id=campaign.id,
            contact_id=contact.id,
            account_id=contact.account_id,
            greeting=text,
        )
        if not isinstance(found, Refusal):
            item.gift = found.name
            item.catalogue_key = found.item.key
            item.value_minor = found.item.price_minor
            item.currency = found.item.currency
            item.reason = describe(found, lang)
        session.add(item)
    session.flush()
    return campaign_detail(session, campaign.id)


def campaign_detail(session: Session, campaign_id: str) -> CampaignView:
    campaign = get_live(session, Campaign, campaign_id, field="campaign")
    rows = session.execute(
        select(CampaignItem, Contact, Account)
        .join(Contact, Contact.id == CampaignItem.contact_id)
        .outerjoin(Account, Account.id == CampaignItem.account_id)
        .where(CampaignItem.campaign_id == campaign.id, CampaignItem.deleted.is_(False))
    ).all()
    items = []
    progress = dict.fromkeys(STATUSES, 0)
    for item, contact, account in rows:
        progress[item.status] = progress.get(item.status, 0) + 1
        value = (
            Money(item.value_minor, item.currency or DEFAULT_CURRENCY)
            if item.value_minor is not None
            else None
        )
        items.append(
            ItemView(
                item.id,
                contact.id,
                contact.name,
                account.name if account else None,
                contact.tier or (account.tier if account else None),
                contact.owner or (account.owner if account else None),
                item.gift,
                value,
                item.reason,
                item.greeting,
                item.status,
            )
        )
    unsuggested = tuple(i.contact for i in items if not i.gift)
    return CampaignView(
        campaign.id,
        campaign.name,
        campaign.occasion,
        campaign.occasion_on,
        campaign.buy_by,
        campaign.send_by,
        tuple(items),
        unsuggested,
        progress,
    )


def list_campaigns(session: Session) -> list[CampaignSummary]:
    """The campaigns with their budget, spend and progress (two queries, whatever their number)."""
    return campaign_summaries(session)


def _items(session: Session, campaign_id: str, item_ids: Sequence[str]) -> list[CampaignItem]:
    campaign = get_live(session, Campaign, campaign_id, field="campaign")
    query = select(CampaignItem).where(
        CampaignItem.campaign_id == campaign.id, CampaignItem.deleted.is_(False)
    )
    if item_ids:
        query = query.where(CampaignItem.id.in_(item_ids))
    found = list(session.scalars(query))
    missing = set(item_ids) - {i.id for i in found}
    if missing:
        raise ValidationError(
            f"not items of this campaign: {', '.join(sorted(missing))}", field="items"
        )
    return found


def set_status(
    session: Session, *, campaign_id: str, item_ids: Sequence[str], status: str
) -> CampaignView:
    """Mark items bought or thanked (sending goes through :func:`mark_sent`, which logs it)."""
    if status not in ("to_buy", "bought", "thanked"):
        raise ValidationError(
            f"{status!r} is not a status to set here; use to_buy, bought or thanked "
            "(sent: campaign done)",
            field="status",
        )
    for item in _items(session, campaign_id, item_ids):
        if status == "thanked" and item.interaction_id is None:
            raise ValidationError(
                "an item is thanked only after it was sent", field="status", code="not_sent"
            )
        item.status = status
    session.flush()
    return campaign_detail(session, campaign_id)


def mark_sent(
    session: Session,
    *,
    campaign_id: str,
    item_ids: Sequence[str] = (),
    when: dt.datetime,
    recorded_by: str | None = None,
) -> tuple[CampaignView, int]:
    """Log each item's gift as a "gift" interaction, once; returns the view and how many were
    logged now (items sent before are left as they are)."""
    campaign = get_live(session, Campaign, campaign_id, field="campaign")
    logged = 0
    for item in _items(session, campaign_id, item_ids):
        if item.interaction_id is not None:
            continue  # sent before: never log the same gift twice
        if not item.gift:
            raise ValidationError(
                "an item without a gift cannot be sent; choose a gift first",
                field="gift",
                code="no_gift",
            )
        value = (
            Money(item.value_minor, item.currency or DEFAULT_CURRENCY)
            if item.value_minor is not None
            else None
        )
        view = log_interaction(
            session,
            occurred_at=when,
            kind="gift",
            attendee_ids=[item.contact_id],
            account_id=item.account_id,
            summary=f"{campaign.name}: {item.gift}",
            gifts=[NewGift(item.gift, value, item.contact_id)],
            recorded_by=recorded_by,
        )
        item.interaction_id = view.id
        item.status = "sent"
        logged += 1
    session.flush()
    return campaign_detail(session, campaign_id), logged


def shopping_list(view: CampaignView) -> list[ShoppingLine]:
    """One line per gift with its quantity and total, largest total first."""
    groups: dict[str, list[ItemView]] = defaultdict(list)
    for item in view.items:
        if item.gift:
            groups[item.gift].append(item)
    lines = []
    for gift, items in groups.items():
        unit = items[0].value
        total = (
            Money(sum(i.value.minor for i in items if i.value), unit.currency)
            if unit is not None
            else None
        )
        lines.append(ShoppingLine(gift, len(items), unit, total))
    return sorted(lines, key=lambda line: (-(line.total.minor if line.total else 0), line.gift))
