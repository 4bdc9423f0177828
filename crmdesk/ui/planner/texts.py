"""The planner's visible text, translated (context ``PlannerTexts``), built from plan items.

The core gives plain English for the CLI; the GUI never shows it. Everything here goes through
``tr()`` (plurals with ``%n``) so Qt Linguist sees each source string.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QObject

from crmdesk.core.dates import DateSpec
from crmdesk.core.money import Money
from crmdesk.core.occasions import Feb29Policy, LeapMonthPolicy, LunarDay30Policy
from crmdesk.core.planner import ItemKind, PlanItem
from crmdesk.core.planner_config import PlannerSettings, TierSet
from crmdesk.core.vocab import FAMILY_RELATIONS
from crmdesk.ui import formats, labels


def qdate_text(day: dt.date) -> str:
    """A day in the user's locale (the one formatter's: 2026年1月23日, 23 Jan 2026)."""
    return formats.date_text(day)


def money_text(value: Money | None) -> str:
    return formats.money_text(value)


class PlannerTexts(QObject):
    """Text for plan items and settings; one instance serves a view."""

    def kind(self, kind: ItemKind) -> str:
        return {
            ItemKind.FOLLOW_UP: self.tr("Follow-up"),
            ItemKind.DORMANT: self.tr("We miss you"),
            ItemKind.BIRTHDAY: self.tr("Birthday"),
            ItemKind.ANNIVERSARY: self.tr("Anniversary"),
            ItemKind.OTHER_DATE: self.tr("Important date"),
            ItemKind.FESTIVAL: self.tr("Festival"),
            ItemKind.NEGLECT: self.tr("Neglected"),
        }[kind]

    def spec(self, spec: DateSpec) -> str:
        if not spec.is_lunar:
            return self.tr("%1/%2").replace("%1", str(spec.month)).replace("%2", str(spec.day))
        text = self.tr("lunar leap %1/%2") if spec.is_leap_month else self.tr("lunar %1/%2")
        return text.replace("%1", str(spec.month)).replace("%2", str(spec.day))

    def who(self, item: PlanItem) -> str:
        festival = item.festival_day
        if festival is not None:
            return festival.festival.name(QLocale().name())
        date = item.date
        if date is not None and date.family_member_name and item.contact is not None:
            relation = labels.label(FAMILY_RELATIONS, date.relation) or self.tr("family")
            return (
                self.tr("%1 (%2 of %3)")
                .replace("%1", date.family_member_name)
                .replace("%2", relation)
                .replace("%3", item.contact.name)
            )
        if item.contact is not None:
            return item.contact.name
        if item.account is not None:
            return item.account.name
        return ""

    def why(self, item: PlanItem) -> str:
        kind = item.kind
        date = item.date
        if date is not None:
            if date.label:
                parts = [date.label]
            elif kind in (ItemKind.BIRTHDAY, ItemKind.DORMANT):
                parts = [self.tr("Birthday")]
            elif kind is ItemKind.ANNIVERSARY:
                parts = [self.tr("Anniversary")]
            else:
                parts = [self.tr("Important date")]
            if item.years is not None:
                if date.kind == "birthday":
                    parts.append(self.tr("turns %1").replace("%1", str(item.years)))
                else:
                    parts.append(self.tr("%n year(s)", "", item.years))
            if date.spec.is_lunar:
                parts.append(self.spec(date.spec))
            if item.occasion is not None and item.occasion.adjusted:
                parts.append(
                    self.tr("moved: %1 does not occur this year").replace(
                        "%1", self.spec(date.spec)
                    )
                )
            text = ", ".join(parts)
            if kind is ItemKind.DORMANT:
                text += " — " + self.tr(
                    "no contact for %n day(s): send a “we miss you” greeting",
                    "",
                    item.days_since or 0,
                )
            return text
        festival = item.festival_day
        if festival is not None:
            return self.tr("Greet %n contact(s)", "", len(festival.open_people)) + (
                " (" + self.tiers(festival.tiers) + ")"
            )
        follow_up = item.follow_up
        if follow_up is not None:
            text = labels.follow_up_text(follow_up.description)
            if item.overdue_days:
                text += " — " + self.tr("overdue by %n day(s)", "", item.overdue_days)
            return text
        cadence = (item.days_since or 0) - (item.overdue_days or 0)
        return (
            self.tr("No contact for %n day(s)", "", item.days_since or 0)
            + "; "
            + self.tr("the cadence is %n day(s)", "", cadence)
        )

    def last_gift(self, item: PlanItem) -> str:
        gift = item.last_gift
        if gift is None:
            return ""
        value = f" · {money_text(gift.value)}" if gift.value is not None else ""
        return f"{gift.description}{value} ({qdate_text(gift.given_on)})"

    def tiers(self, tiers: TierSet) -> str:
        if tiers is None:
            return self.tr("all tiers")
        if not tiers:
            return self.tr("off")
        return formats.list_text(tiers)

    def feb29(self, policy: Feb29Policy) -> str:
        return {
            Feb29Policy.FEB_28: self.tr("29 February → 28 February in common years"),
            Feb29Policy.MAR_1: self.tr("29 February → 1 March in common years"),
        }[policy]

    def leap_month(self, policy: LeapMonthPolicy) -> str:
        return {
            LeapMonthPolicy.ORDINARY_MONTH: self.tr(
                "Leap-month date → the ordinary month in years without it"
            ),
            LeapMonthPolicy.SKIP: self.tr("Leap-month date → skipped in years without it"),
        }[policy]

    def day30(self, policy: LunarDay30Policy) -> str:
        return {
            LunarDay30Policy.DAY_29: self.tr("Lunar day 30 → day 29 in 29-day months"),
            LunarDay30Policy.SKIP: self.tr("Lunar day 30 → skipped in 29-day months"),
        }[policy]

    def policies(self, settings: PlannerSettings) -> str:
        """One line stating every policy in force (shown above the agenda)."""
        return " · ".join(
            [
                self.feb29(settings.policy.feb29),
                self.leap_month(settings.policy.missing_leap_month),
                self.day30(settings.policy.missing_day30),
                self.tr("buy gifts %n day(s) ahead", "", settings.lead_days),
                self.tr("dormant after %n day(s)", "", settings.dormant_days),
            ]
        )
