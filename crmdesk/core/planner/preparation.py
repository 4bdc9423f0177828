"""What the planner derives once from a :class:`~crmdesk.core.planner.inputs.PlanInput`.

Dates grouped by kind of date into blocks, relationships sorted by last touch and by the day they
fall due: the indexes that make a 365-day plan over 100,000 contacts fast, kept on the input and
reused by every plan made from it, whatever the range and filters.
"""

from __future__ import annotations

from operator import itemgetter

from crmdesk.core.dates import Calendar, DateSpec
from crmdesk.core.money import Money
from crmdesk.core.planner.inputs import (
    DORMANT_STATUS,
    KIND_ORDER,
    ItemKind,
    PlanAccount,
    PlanContact,
    PlanDate,
    PlanInput,
)
from crmdesk.core.planner_config import TierSet

DATE_KINDS = {
    "birthday": ItemKind.BIRTHDAY,
    "anniversary": ItemKind.ANNIVERSARY,
}

# One important date ready for planning: the date, its contact, the year (None when unknown) and
# the greeting budget of the contact's tier.
Member = tuple[PlanDate, PlanContact, int | None, Money | None]


# A relationship with a cadence: (due day, last touch, tier rank, name, contact, account) — the
# contact for a contact on its own, the account for an account. Days are ordinals.
Due = tuple[int, int, int, str, PlanContact | None, PlanAccount | None]


class Block:
    """The dates of one kind of date (calendar, month, day, leap), one item kind and one tier.

    They fall on the same days, so the planner places the whole block with one entry; only the
    members to leave out on a day (dormant ones, moved to their own slot; those born after the
    day; those a filter hides) are listed, by position.
    """

    __slots__ = ("dormant_slot", "index", "kind", "max_year", "members", "slot", "tier")

    def __init__(self, index: int, kind: ItemKind, tier: str, slot: int, dormant_slot: int) -> None:
        self.index = index
        self.kind = kind
        self.tier = tier
        self.slot = slot
        self.dormant_slot = dormant_slot
        self.members: list[Member] = []
        self.max_year: int | None = None


class Prepared:
    """What the planner derives from one :class:`PlanInput`, whatever the range and filters.

    * ``groups``: per kind of date, a yearless spec of that kind and its blocks (:class:`Block`,
      by item kind and tier, most important tier first) — the planner resolves a kind once per
      year and places whole blocks;
    * ``own_birthdays``: per contact, where its own birthdays sit in the blocks (they turn
      "dormant" when the relationship is);
    * ``touch``: per contact the ordinal of the relationship's last touch (the later of the
      contact's and its account's; the day it was added when never touched), and the contact ids
      sorted by it, so that "untouched since before day X" is a bisection;
    * ``due``: every relationship with a cadence (accounts with a tier; contacts with a tier of
      their own or no account), sorted by the day it falls due (last touch + cadence), so that the
      relationships overdue on a day are a prefix of the list, already the most overdue first;
    * ``by_tier``: the contacts of each tier, for festivals.

    Items within a day are kept in slots ``kind rank * tier_count + tier slot``.
    """

    def __init__(self, data: PlanInput) -> None:
        tiers = sorted(data.tiers, key=lambda t: (t.rank, t.code))
        self.tier_count = len(tiers) + 1  # the last slot is "no tier"
        self.tier_slot = {t.code.upper(): i for i, t in enumerate(tiers)}
        self.budgets = {t.code.upper(): t.budget for t in tiers}
        self.kind_base = {kind: rank * self.tier_count for rank, kind in enumerate(KIND_ORDER)}
        self.slot_kinds = [kind for kind in KIND_ORDER for _ in range(self.tier_count)]
        contacts = data.contact_by_id
        accounts = data.account_by_id
        no_tier = self.tier_count - 1

        # Kinds of date -> (stored date kind, tier) -> block. Keys hold plain str, bool and int
        # only, so hashing them stays in C (a StrEnum's hash is Enum.__hash__, run in Python).
        lunar = Calendar.LUNAR
        by_kind: dict[tuple[bool, int, int, bool], dict[tuple[str, str], Block]] = {}
        self.blocks: list[Block] = []
        self.own_birthdays: dict[str, list[tuple[Block, int]]] = {}
        own_birthdays = self.own_birthdays
        budgets = self.budgets
        birthday = ItemKind.BIRTHDAY
        for date in data.dates:
            contact = contacts.get(date.contact_id)
            if contact is None:
                continue
            spec = date.spec
            key = (spec.calendar is lunar, spec.month, spec.day, spec.is_leap_month)
            tier = contact.tier.upper() if contact.tier else ""
            blocks = by_kind.get(key)
            if blocks is None:
                blocks = by_kind[key] = {}
            block = blocks.get((date.kind, tier))
            if block is None:
                kind = DATE_KINDS.get(date.kind, ItemKind.OTHER_DATE)
                tier_slot = self.tier_slot.get(tier, no_tier)
                block = blocks[(date.kind, tier)] = Block(
                    len(self.blocks),
                    kind,
                    tier,
                    self.kind_base[kind] + tier_slot,
                    self.kind_base[ItemKind.DORMANT] + tier_slot,
                )
                self.blocks.append(block)
            year = spec.year
            if year is not None and (block.max_year is None or year > block.max_year):
                block.max_year = year
            members = block.members
            if block.kind is birthday and date.family_member_id is None:
                found = own_birthdays.get(contact.id)
                if found is None:
                    own_birthdays[contact.id] = [(block, len(members))]
                else:
                    found.append((block, len(members)))
            members.append((date, contact, year, budgets.get(tier)))
        self.groups = [
            (
                DateSpec(
                    calendar=Calendar.LUNAR if key[0] else Calendar.GREGORIAN,
                    month=key[1],
                    day=key[2],
                    is_leap_month=key[3],
                ),
                sorted(blocks.values(), key=lambda b: b.slot),
            )
            for key, blocks in by_kind.items()
        ]

        self.touch: dict[str, int] = {}
        self.status_dormant: set[str] = set()
        self.by_tier: dict[str, list[PlanContact]] = {}
        touch = self.touch
        by_tier = self.by_tier
        for contact in data.contacts:
            touched = (contact.last_touch or contact.since).toordinal()
            if contact.account_id is not None:
                account = accounts.get(contact.account_id)
                if account is not None:
                    other = (account.last_touch or account.since).toordinal()
                    if other > touched:
                        touched = other
                    if account.status == DORMANT_STATUS:
                        self.status_dormant.add(contact.id)
            touch[contact.id] = touched
            tier = contact.tier.upper() if contact.tier else ""
            same_tier = by_tier.get(tier)
            if same_tier is None:
                by_tier[tier] = [contact]
            else:
                same_tier.append(contact)
        self.touch_ids = sorted(touch, key=touch.__getitem__)
        self.touch_days = [touch[contact_id] for contact_id in self.touch_ids]
        # Festival guest lists for everyone, by the tiers a festival applies to (see
        # _add_festivals); kept because they are the same for every unfiltered plan.
        self.people_cache: dict[TierSet, tuple[tuple[PlanContact, ...], Money | None]] = {}

        tier_of = data.tier_by_code
        due: list[Due] = []
        for account in data.accounts:
            tier_row = tier_of.get(account.tier.upper()) if account.tier else None
            if tier_row is not None:
                touched = (account.last_touch or account.since).toordinal()
                cadence = tier_row.cadence_days
                due.append((touched + cadence, touched, tier_row.rank, account.name, None, account))
        for contact in data.contacts:
            if contact.account_id is not None and not contact.own_tier:
                continue
            tier_row = tier_of.get(contact.tier.upper()) if contact.tier else None
            if tier_row is not None:
                touched = (contact.last_touch or contact.since).toordinal()
                cadence = tier_row.cadence_days
                due.append((touched + cadence, touched, tier_row.rank, contact.name, contact, None))
        due.sort(key=itemgetter(0, 1, 2, 3))
        self.due = due
        self.due_days = [entry[0] for entry in due]
