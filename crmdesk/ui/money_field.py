"""An amount field that never rounds, truncates or guesses: the text is the value.

A spin box for money would round 800.505 to 800.51, clamp 1e9999 to its maximum and drop a
minus sign without a word. This field keeps the text as typed and checks it at every key with
the core's :func:`~crmdesk.core.money.parse_money` (exact decimals, minor units, a ceiling,
no negatives, no more decimals than the currency has), saying at the field what is wrong; the
dialog keeps Save disabled until it holds a real amount (or nothing, when the amount is optional).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from crmdesk.core.money import DEFAULT_CURRENCY, MAX_MINOR, Money, minor_digits, parse_money
from crmdesk.ui.date_fields import CheckedField
from crmdesk.ui.formats import money_text

_PLACES = re.compile(r"at most (\d+) decimal")

# Symbols that name a currency in an amount ("¥800", "HK$300", "50 USD").
_CURRENCY_MARKS = "¥$€£฿₩元块"


def names_currency(text: str) -> bool:
    """True when ``text`` says its own currency (a symbol or a code) rather than a bare number."""
    return any(ch.isalpha() or ch in _CURRENCY_MARKS for ch in text)


class MoneyField(CheckedField):
    """An amount; a bare number is in ``currency``, "50 USD" or "HK$300" say their own.

    Empty is valid (no amount) unless ``required``.
    """

    def __init__(
        self,
        field: str,
        parent: QWidget | None = None,
        *,
        currency: str | None = None,
        required: bool = False,
    ) -> None:
        super().__init__(field, parent)
        self.currency = currency
        self.required = required
        self._check(self.text())

    def _parse(self, text: str) -> Money | None:
        if not text.strip() and not self.required:
            return None
        currency = None if names_currency(text) else self.currency
        return parse_money(text, field=self.field, currency=currency)

    def value(self) -> Money | None:
        """The amount typed (None when empty); ValidationError if it is not one."""
        return self._parse(self.text())

    def set_value(self, value: Money | None) -> None:
        """Show ``value`` exactly, naming its currency when it is not the field's own."""
        if value is None:
            self.setText("")
        elif value.currency == (self.currency or DEFAULT_CURRENCY):
            self.setText(value.amount)
        else:
            self.setText(str(value))

    def error_message(self) -> str:
        error = self.error
        if error is None:
            return ""
        if error.code == "too_large":
            ceiling = Money(MAX_MINOR, self.currency or DEFAULT_CURRENCY)
            return QCoreApplication.translate(
                "MoneyField", "This amount is too large: at most %1."
            ).replace("%1", money_text(ceiling))
        if error.code == "too_precise":
            # the core names the places of the currency the text is in ("JPY ... at most 0")
            places = _PLACES.search(error.message)
            digits = places[1] if places else str(minor_digits(self.currency or DEFAULT_CURRENCY))
            return QCoreApplication.translate(
                "MoneyField", "This amount has too many decimal places: at most %1."
            ).replace("%1", digits)
        return super().error_message()
