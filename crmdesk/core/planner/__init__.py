"""The outreach planner: whom to greet in the next N days, and why (三节两寿, neglect, follow-ups).

The planner is pure computation over plain dataclasses: :class:`PlanInput` (tiers, accounts,
contacts with their last touch and last gift, important dates, open follow-ups, the occasions
already marked done) goes in, a :class:`Plan` — the agenda grouped by day — comes out.
:mod:`crmdesk.db.planning` loads the input from a book in a handful of set-based queries and marks
items done through the services.

What the plan holds, day by day from ``start`` to ``start + days - 1``:

* **Occasions** — every important date of every contact and family member that falls in the range
  (kind ``birthday``, ``anniversary`` or ``other_date``), in the Gregorian or lunar calendar, placed
  by the :class:`~crmdesk.core.occasions.OccasionPolicy` of the settings (29 February, missing leap
  months, lunar day 30). ``years`` is the age or the count of years when the year is known;
  ``buy_by`` is the occasion minus the lead time; the suggested budget is the contact's tier's
  greeting budget; ``last_gift`` is the last gift that contact received.
* **Dormant** — a contact's own birthday becomes kind ``dormant`` when the relationship is dormant:
  the account's status is "dormant", or nothing was logged with the contact or their account for
  more than ``dormant_days`` (default three years; a contact never touched counts from the day it
  was added). That is the hotel's "we miss you" letter, on the guest's birthday.
* **Festivals** — one item per festival day, listing the contacts of the tiers it applies to
  (never one row per contact), with the total suggested budget.
* **Follow-ups** — open follow-ups due in the range on their day; overdue ones on the first day.
* **Neglect** — on the first day, the relationships untouched past their tier's cadence, the most
  overdue first (days past the cadence, then days untouched). Accounts are checked against the
  account's tier (a touch of any of its contacts touches the account); contacts are checked on
  their own only when they have a tier of their own or no account — the others are covered by
  their account's item, so one neglected key account is one line, not twenty.

Within a day items come in the order follow-up, dormant, birthday, anniversary, other date,
festival, neglect; occasions of one kind by tier (most important first), then in input order.

Filters (:class:`PlanFilter`) keep the contacts of some tiers (a contact's own tier, else its
account's), of one owner (the contact's, else the account's) or with one tag (the contact's or
its account's); accounts and follow-ups are filtered the same way.

Speed: a 365-day plan over 100,000 contacts with lunar birthdays is measured by
``python -m crmdesk.bench.planner``. Dates are grouped by kind of date (fewer than 1,100 kinds)
once per :class:`PlanInput`, each kind is resolved once per year through the cached lunar tables,
and items share one :class:`OccasionDay` per kind and day.
"""

from crmdesk.core.planner.agenda import (
    AgendaDay,
    Plan,
    build_plan,
    check_days,
    check_filter,
)
from crmdesk.core.planner.inputs import (
    DORMANT_STATUS,
    GIFT_KINDS,
    KIND_ORDER,
    MAX_PLAN_DAYS,
    NO_FILTER,
    ItemKind,
    LastGift,
    PlanAccount,
    PlanContact,
    PlanDate,
    PlanFilter,
    PlanFollowUp,
    PlanInput,
    PlanTier,
    done_key,
    gc_paused,
    release,
)
from crmdesk.core.planner.items import FestivalDay, OccasionDay, PlanItem, spec_text

__all__ = [
    "DORMANT_STATUS",
    "GIFT_KINDS",
    "KIND_ORDER",
    "MAX_PLAN_DAYS",
    "NO_FILTER",
    "AgendaDay",
    "FestivalDay",
    "ItemKind",
    "LastGift",
    "OccasionDay",
    "Plan",
    "PlanAccount",
    "PlanContact",
    "PlanDate",
    "PlanFilter",
    "PlanFollowUp",
    "PlanInput",
    "PlanItem",
    "PlanTier",
    "build_plan",
    "check_days",
    "check_filter",
    "done_key",
    "gc_paused",
    "release",
    "spec_text",
]
