"""The book's domain model (SQLAlchemy 2, typed ``Mapped[]``).

Every record is made to sync: a UUID primary key minted on the device (so records created
offline on several laptops never collide), created/updated timestamps, and a soft-delete flag (a
delete must travel to the server as a tombstone). Lists (phones, e-mails, tags) are JSON columns so
a field-level merge treats each as one field. Money is kept in minor units (fen, cents) as
integers: exact, and free of the float rounding that SQLite's NUMERIC would bring.

Vocabularies (decision roles, interaction kinds...) are plain strings checked by the services in
``crmdesk.db.services``; tiers are rows (``Tier``), so a company may use S/A/B/C or A/B/C/D.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from crmdesk.db.types import UTCDateTime


def new_id() -> str:
    """A fresh record id, made on this device."""
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dt.datetime: UTCDateTime(),
        dt.date: Date(),
        list[str]: JSON(),
        dict[str, Any]: JSON(),
    }


class Record(Base):
    """Columns every synced record carries."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Tier(Record):
    """One level of the company's tier scheme, e.g. S (strategic) with a 30-day cadence."""

    __tablename__ = "tiers"

    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    rank: Mapped[int] = mapped_column(Integer)  # 0 is the most important tier
    cadence_days: Mapped[int] = mapped_column(Integer)  # contact at least this often
    greeting_budget_minor: Mapped[int | None] = mapped_column(Integer)  # per occasion
    # What one account of the tier may cost per month (meals, gifts...), in the book's currency.
    monthly_budget_minor: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class Account(Record):
    """A customer organisation and its master file (客户主文件)."""

    __tablename__ = "accounts"

    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    name_pinyin: Mapped[str] = mapped_column(Text, default="")
    tier: Mapped[str | None] = mapped_column(String(8))
    customer_type: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="existing")
    owner: Mapped[str | None] = mapped_column(String(120))  # the rep who holds the account
    industry: Mapped[str | None] = mapped_column(String(120))
    application: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(20))
    phones: Mapped[list[str]] = mapped_column(default=list)
    website: Mapped[str | None] = mapped_column(String(200))
    bank_account: Mapped[str | None] = mapped_column(String(120))
    currency: Mapped[str | None] = mapped_column(String(3))
    discount: Mapped[str | None] = mapped_column(String(40))
    payment_terms: Mapped[str | None] = mapped_column(String(200))
    tax_rule: Mapped[str | None] = mapped_column(String(120))
    credit_record: Mapped[str | None] = mapped_column(Text)
    sales_limit_minor: Mapped[int | None] = mapped_column(Integer)
    delivery_address: Mapped[str | None] = mapped_column(Text)
    invoice_address: Mapped[str | None] = mapped_column(Text)
    commission_code: Mapped[str | None] = mapped_column(String(40))
    insight: Mapped[str] = mapped_column(Text, default="")  # strategy notes, sources (客户洞察)
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)

    contacts: Mapped[list[Contact]] = relationship(back_populates="account")


class Contact(Record):
    """A person, usually at an account, and who they are in the buying decision."""

    __tablename__ = "contacts"
    # The contact list's order among live rows: paging and cold start walk this index.
    __table_args__ = (
        Index("ix_contacts_live_sort", "deleted", "sort_key", "id"),
        # Contacts with a tier of their own (the Team tab's key relationships), without a scan.
        Index("ix_contacts_tier", "tier", "deleted", "account_id"),
        # A contact's account by id without reading the (wide, encrypted) row: the spend view
        # and the managers' views ask it for every attendee and gift recipient.
        Index("ix_contacts_account_of", "id", "account_id", "deleted"),
    )

    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Written with the name (never computed at query time): full pinyin readings and initials,
    # every reading of a polyphonic surname included ("ceng zeng"), used for search and sorting.
    name_pinyin: Mapped[str] = mapped_column(Text, default="")
    name_initials: Mapped[str] = mapped_column(String(80), default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    title: Mapped[str | None] = mapped_column(String(120))
    department: Mapped[str | None] = mapped_column(String(120))
    decision_role: Mapped[str | None] = mapped_column(String(40))
    reports_to_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    tier: Mapped[str | None] = mapped_column(String(8))  # None: the account's tier applies
    owner: Mapped[str | None] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(16))
    phones: Mapped[list[str]] = mapped_column(default=list)
    emails: Mapped[list[str]] = mapped_column(default=list)
    wechat: Mapped[str | None] = mapped_column(String(80))
    hometown: Mapped[str | None] = mapped_column(String(120))  # 籍贯
    school: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)

    account: Mapped[Account | None] = relationship(back_populates="contacts")


class FamilyMember(Record):
    """A contact's family member, for 三节两寿 and elders' birthdays."""

    __tablename__ = "family_members"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(40))  # spouse, mother, father, child, ...
    notes: Mapped[str] = mapped_column(Text, default="")


class Preference(Record):
    """Something learned about a contact's tastes (喜好): food, tea, shoe size, seat, taboos..."""

    __tablename__ = "preferences"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    learned_on: Mapped[dt.date | None] = mapped_column()


class ImportantDate(Record):
    """A birthday or anniversary of a contact or of one of their family members.

    Gregorian or Chinese lunar; the year may be unknown. A lunar date names a leap month with
    ``is_leap_month`` (闰月).
    """

    __tablename__ = "important_dates"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    family_member_id: Mapped[str | None] = mapped_column(ForeignKey("family_members.id"))
    kind: Mapped[str] = mapped_column(String(20))  # birthday, anniversary, other
    label: Mapped[str] = mapped_column(String(200), default="")
    calendar: Mapped[str] = mapped_column(String(10))  # gregorian, lunar
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    is_leap_month: Mapped[bool] = mapped_column(Boolean, default=False)


class Interaction(Record):
    """One entry of the interaction log (企业投入记录): a visit, meal, call, gift..."""

    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_occurred_at", "occurred_at"),
        # Covers the spend view's walk through a range of months (crmdesk.db.spend_stats):
        # an index-only scan, in time order, instead of one random table read per interaction.
        Index(
            "ix_interactions_spend",
            "occurred_at", "deleted", "account_id", "recorded_by", "cost_currency", "cost_minor",
            "id",
        ),
        # Covers the managers' "active in these periods" (crmdesk.db.retention_stats).
        Index("ix_interactions_activity", "kind", "occurred_at", "deleted", "account_id", "id"),
        # An interaction found by id (from an attendee or a gift) or by account, read for its
        # time and kind from the index alone: touches, last gifts, retention, the Team tab.
        Index("ix_interactions_touch", "id", "deleted", "occurred_at", "kind", "account_id"),
        Index("ix_interactions_account_touch", "account_id", "deleted", "occurred_at", "kind"),
    )  # fmt: skip

    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    colleagues: Mapped[list[str]] = mapped_column(default=list)  # our side's attendees
    products: Mapped[str | None] = mapped_column(Text)
    promises: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[dt.date | None] = mapped_column()
    cost_minor: Mapped[int | None] = mapped_column(Integer)
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    cost_category: Mapped[str | None] = mapped_column(String(40))
    recorded_by: Mapped[str | None] = mapped_column(String(120))


class InteractionAttendee(Record):
    """A contact who took part in an interaction (the link is a record of its own so it syncs)."""

    __tablename__ = "interaction_attendees"
    # A contact's attendances and an interaction's attendees, index-only (last touches, the
    # spend view's "an attendee's account": crmdesk.db.retention_stats, crmdesk.db.spend_stats).
    __table_args__ = (
        Index("ix_attendees_contact_live", "contact_id", "deleted", "interaction_id"),
        Index("ix_attendees_interaction_live", "interaction_id", "deleted", "contact_id"),
    )

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)


class Gift(Record):
    """A gift given at an interaction, to one contact, with its value."""

    __tablename__ = "gifts"
    # A contact's gifts and an interaction's gifts with their value, index-only (last touch,
    # last gift: crmdesk.db.planning; the spend view's sums: crmdesk.db.spend_stats).
    __table_args__ = (
        Index("ix_gifts_contact_live", "contact_id", "deleted", "interaction_id"),
        Index(
            "ix_gifts_interaction_value",
            "interaction_id", "deleted", "contact_id", "currency", "value_minor",
        ),
    )  # fmt: skip

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    description: Mapped[str] = mapped_column(String(200))
    value_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3))


class FollowUp(Record):
    """Something promised, to be done by a date (有头有尾: follow-through is what people forget)."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_open_due", "done", "due_on"),)

    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    interaction_id: Mapped[str | None] = mapped_column(ForeignKey("interactions.id"))
    due_on: Mapped[dt.date] = mapped_column()
    description: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column()
    owner: Mapped[str | None] = mapped_column(String(120))


class Opportunity(Record):
    """A deal in the sales funnel (销售漏斗): identify, qualify, develop, propose, result."""

    __tablename__ = "opportunities"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(20), default="identify")
    result: Mapped[str | None] = mapped_column(String(10))  # won, lost (stage "result" only)
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3))
    expected_on: Mapped[dt.date | None] = mapped_column()
    owner: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str] = mapped_column(Text, default="")


class Complaint(Record):
    """A complaint or piece of feedback, its status and its fix ("the best gift", Haier)."""

    __tablename__ = "complaints"

    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column()
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    resolution: Mapped[str] = mapped_column(Text, default="")
    # The day it was last resolved or closed; cleared when it is reopened.
    resolved_on: Mapped[dt.date | None] = mapped_column()


class Campaign(Record):
    """A festival campaign (三节两寿): one occasion, the contacts it concerns, gifts and greetings.

    ``tiers``, ``owners`` and ``tags`` say whom it concerns (empty: everyone); the items are
    made when the campaign is made and edited by the rep afterwards.
    """

    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200))
    occasion: Mapped[str] = mapped_column(String(80))  # a festival key: "cn.mid_autumn"
    occasion_on: Mapped[dt.date] = mapped_column()
    buy_by: Mapped[dt.date] = mapped_column()
    send_by: Mapped[dt.date] = mapped_column()
    tiers: Mapped[list[str]] = mapped_column(default=list)
    owners: Mapped[list[str]] = mapped_column(default=list)
    tags: Mapped[list[str]] = mapped_column(default=list)
    owner: Mapped[str | None] = mapped_column(String(120))  # the rep who runs it
    notes: Mapped[str] = mapped_column(Text, default="")


class CampaignItem(Record):
    """One contact in a campaign: the gift, its value, the greeting, and how far it got."""

    __tablename__ = "campaign_items"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    gift: Mapped[str] = mapped_column(String(200), default="")
    catalogue_key: Mapped[str | None] = mapped_column(String(80))
    value_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text, default="")  # why this gift, when it was suggested
    greeting: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="to_buy")  # bought, sent, thanked
    # The gift logged when the item was sent: set once, so sending twice logs nothing more.
    interaction_id: Mapped[str | None] = mapped_column(ForeignKey("interactions.id"))


class GiftCatalogueItem(Record):
    """A gift a rep can buy for a campaign, with its price (the editable gift catalogue).

    ``key`` names the item for campaign items (``CampaignItem.catalogue_key``) and for the
    never-repeat rule: the built-in items keep their keys ("mooncakes"), an item added by hand
    takes its own id. Each device of a book is seeded with the built-in items, so two rows may
    share a key after a sync; the most recently updated one is the item (see
    :mod:`crmdesk.db.services.gift_catalogue`). ``tags`` are the
    :class:`crmdesk.core.gift_suggestions.Tag` values the taboo rules read; ``occasions`` the
    festival keys the item suits (empty: any).
    """

    __tablename__ = "gift_catalogue"

    key: Mapped[str] = mapped_column(String(80), index=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    price_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    tags: Mapped[list[str]] = mapped_column(default=list)
    occasions: Mapped[list[str]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BookSetting(Base):
    """Book-level facts kept inside the encrypted file (its id, owner, sync state...)."""

    __tablename__ = "book_settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


SYNCED_MODELS: tuple[type[Record], ...] = (
    Tier,
    Account,
    Contact,
    FamilyMember,
    Preference,
    ImportantDate,
    Interaction,
    InteractionAttendee,
    Gift,
    FollowUp,
    Opportunity,
    Complaint,
    Campaign,
    CampaignItem,
    GiftCatalogueItem,
)
