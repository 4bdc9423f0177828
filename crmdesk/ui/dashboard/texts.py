"""The Team tab's words: owners, stages, flag reasons, amounts (context ``TeamTexts``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from crmdesk.core.money import Money
from crmdesk.core.spend import FlagCode
from crmdesk.core.vocab import OPPORTUNITY_RESULTS, OPPORTUNITY_STAGES
from crmdesk.ui import formats, labels


def amount_text(minor: int | None, currency: str, *, with_currency: bool = False) -> str:
    """An amount in the user's locale (grouped digits), optionally with its currency sign."""
    return formats.amount_text(minor, currency, with_currency=with_currency)


def money_text(money: Money | None) -> str:
    return formats.money_text(money)


class TeamTexts(QObject):
    """Translated labels shared by the dashboard and spend pages."""

    def owner(self, owner: str | None) -> str:
        return owner if owner else self.tr("Unassigned")

    def tier(self, tier: str | None) -> str:
        return tier if tier else self.tr("No tier")

    def stage(self, stage: str) -> str:
        if stage in ("won", "lost"):
            return labels.label(OPPORTUNITY_RESULTS, stage)
        return labels.label(OPPORTUNITY_STAGES, stage)

    def reason(self, code: FlagCode | str) -> str:
        return {
            FlagCode.DUPLICATE_GIFT: self.tr("Same gift bought twice on one day"),
            FlagCode.TIER_OVER_BUDGET: self.tr("Tier over its monthly budget"),
            FlagCode.REP_OVER_BUDGET: self.tr("Rep over the monthly budget of their accounts"),
            FlagCode.COST_WITHOUT_ATTENDEE: self.tr("A cost with no attendee"),
        }.get(FlagCode(code), str(code))

    def record_kind(self, kind: str) -> str:
        return self.tr("Gift") if kind == "gift" else self.tr("Interaction")
