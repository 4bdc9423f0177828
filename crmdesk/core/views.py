"""Plain, frozen records handed to the GUI and the CLI — never ORM objects.

A view is a snapshot: it holds no session and loads nothing lazily, so the GUI thread may keep and
read it after the database worker has closed its session. ``to_json()`` gives a JSON-ready dict:
dates and times as ISO 8601 strings, money as ``{"amount": "800.50", "currency": "CNY"}``, tuples
as lists, nested views as dicts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from crmdesk.core.money import Money


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Money):
        return value.to_json()
    if isinstance(value, View):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class View:
    """Base of every view: gives ``to_json()``."""

    def to_json(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class TierView(View):
    id: str
    code: str
    name: str
    rank: int  # 0 is the most important tier
    cadence_days: int  # contact at least this often
    greeting_budget: Money | None  # per occasion
    description: str
    monthly_budget: Money | None = None  # per account of the tier and month (the spend view)


@dataclass(frozen=True, slots=True)
class AccountView(View):
    id: str
    name: str
    code: str | None
    tier: str | None
    customer_type: str | None
    status: str
    owner: str | None
    industry: str | None
    application: str | None
    address: str | None
    postcode: str | None
    phones: tuple[str, ...]
    website: str | None
    bank_account: str | None
    currency: str | None
    discount: str | None
    payment_terms: str | None
    tax_rule: str | None
    credit_record: str | None
    sales_limit: Money | None
    delivery_address: str | None
    invoice_address: str | None
    commission_code: str | None
    insight: str
    notes: str
    tags: tuple[str, ...]
    deleted: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def cursor(self) -> tuple[str, str]:
        """Pass as ``after=`` to list the accounts that follow this one."""
        return (self.name, self.id)


@dataclass(frozen=True, slots=True)
class ContactView(View):
    id: str
    name: str
    name_pinyin: str
    sort_key: str
    account_id: str | None
    account_name: str | None
    title: str | None
    department: str | None
    decision_role: str | None
    reports_to_id: str | None
    reports_to_name: str | None
    tier: str | None  # the contact's own tier; None means the account's applies
    effective_tier: str | None  # the contact's tier, else the account's
    owner: str | None
    gender: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    wechat: str | None
    hometown: str | None
    school: str | None
    notes: str
    tags: tuple[str, ...]
    deleted: bool
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def cursor(self) -> tuple[str, str]:
        """Pass as ``after=`` to ``list_contacts`` to fetch the page after this row."""
        return (self.sort_key, self.id)


@dataclass(frozen=True, slots=True)
class PreferenceView(View):
    id: str
    contact_id: str
    category: str
    value: str
    note: str
    learned_on: dt.date | None


@dataclass(frozen=True, slots=True)
class FamilyMemberView(View):
    id: str
    contact_id: str
    name: str
    relation: str
    notes: str


@dataclass(frozen=True, slots=True)
class ImportantDateView(View):
    id: str
    contact_id: str
    family_member_id: str | None
    family_member_name: str | None  # None: the date is the contact's own
    kind: str
    label: str
    calendar: str  # "gregorian" or "lunar"
    year: int | None  # the lunar year for a lunar date; None when unknown
    month: int
    day: int
    is_leap_month: bool
    text: str  # the date in crmdesk.core.dates syntax: "1985-03-14", "L08-15", "L2020-04*-10"


@dataclass(frozen=True, slots=True)
class AttendeeView(View):
    contact_id: str
    name: str


@dataclass(frozen=True, slots=True)
class GiftView(View):
    id: str
    description: str
    value: Money | None
    recipient_id: str | None
    recipient_name: str | None


@dataclass(frozen=True, slots=True)
class InteractionView(View):
    id: str
    occurred_at: dt.datetime
    kind: str
    place: str | None
    account_id: str | None
    account_name: str | None
    attendees: tuple[AttendeeView, ...]
    colleagues: tuple[str, ...]
    summary: str
    products: str | None
    promises: str | None
    outcome: str | None
    next_step: str | None
    follow_up_on: dt.date | None
    cost: Money | None
    cost_category: str | None
    gifts: tuple[GiftView, ...]
    recorded_by: str | None


@dataclass(frozen=True, slots=True)
class FollowUpView(View):
    id: str
    due_on: dt.date
    description: str
    done: bool
    done_at: dt.datetime | None
    overdue: bool  # open and due before the day the view was made for
    contact_id: str | None
    contact_name: str | None
    account_id: str | None
    account_name: str | None
    interaction_id: str | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class OpportunityView(View):
    id: str
    account_id: str
    account_name: str
    name: str
    stage: str
    result: str | None  # "won" or "lost" once stage is "result"
    amount: Money | None
    expected_on: dt.date | None
    owner: str | None
    notes: str


@dataclass(frozen=True, slots=True)
class ComplaintView(View):
    id: str
    received_on: dt.date
    description: str
    status: str
    resolution: str
    account_id: str | None
    account_name: str | None
    contact_id: str | None
    contact_name: str | None


@dataclass(frozen=True, slots=True)
class ContactDetailView(View):
    """Everything the contact card shows, read in one go."""

    contact: ContactView
    preferences: tuple[PreferenceView, ...]
    family: tuple[FamilyMemberView, ...]
    dates: tuple[ImportantDateView, ...]
    open_follow_ups: tuple[FollowUpView, ...]
    recent_interactions: tuple[InteractionView, ...]


@dataclass(frozen=True, slots=True)
class DeletionView(View):
    """What a delete did; hand ``id`` back to the matching ``restore_*`` to undo it."""

    kind: str  # "account", "contact", ...
    id: str
    deleted_at: dt.datetime
    dependants: int  # records deleted with it (and restored with it)
