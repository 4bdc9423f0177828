"""Money as the book keeps it: an integer of minor units (fen, cents) and an ISO 4217 currency.

``parse_money`` reads what a rep types — ``800``, ``800.50``, ``¥800``, ``1,200``, ``800元``,
``HK$300``, ``50 USD`` — and ``Money`` writes it back (``800.50 CNY``). ``¥`` is read as the
renminbi (this is a Chinese sales notebook); write ``JPY`` for yen. A bare ``$`` is refused as
ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from crmdesk.core.errors import ValidationError

DEFAULT_CURRENCY = "CNY"

# ISO 4217 codes a rep is likely to meet, with their number of minor-unit digits.
# (Python has no currency table in the standard library; this is the data we need.)
MINOR_DIGITS: dict[str, int] = {
    "CNY": 2,
    "HKD": 2,
    "MOP": 2,
    "TWD": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "CHF": 2,
    "JPY": 0,
    "KRW": 0,
    "SGD": 2,
    "MYR": 2,
    "THB": 2,
    "VND": 0,
    "IDR": 2,
    "PHP": 2,
    "INR": 2,
    "AUD": 2,
    "NZD": 2,
    "CAD": 2,
    "RUB": 2,
    "KZT": 2,
    "AED": 2,
    "SAR": 2,
    "BRL": 2,
    "ZAR": 2,
}

# The sign people write before an amount (the formatters for people use it; files for machines
# keep the ISO code). ¥ is the renminbi here; yen is JP¥. Currencies not listed keep their code.
DISPLAY_SYMBOLS: dict[str, str] = {
    "CNY": "¥",
    "HKD": "HK$",
    "TWD": "NT$",
    "MOP": "MOP$",
    "USD": "US$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "JP¥",
    "KRW": "₩",
    "SGD": "S$",
    "THB": "฿",
}

# Largest amount accepted in minor units: far above any sale, well inside SQLite's 64-bit integers.
MAX_MINOR = 10**15

_SYMBOLS = {
    "¥": "CNY",
    "元": "CNY",
    "块": "CNY",
    "RMB": "CNY",
    "US$": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    "S$": "SGD",
    "MOP$": "MOP",
    "€": "EUR",
    "£": "GBP",
    "฿": "THB",
    "₩": "KRW",
}

_AMOUNT = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?", re.ASCII)
_TOKEN = re.compile(r"(?P<pre>[^\d\s.,+-]*)\s*(?P<sign>[-+]?)\s*(?P<num>[\d.,]+)\s*(?P<post>\S*)")


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount: ``minor`` units of ``currency`` (80050 CNY is 800.50 yuan)."""

    minor: int
    currency: str = DEFAULT_CURRENCY

    @property
    def amount(self) -> str:
        """The amount as a plain decimal string, e.g. ``"800.50"``."""
        digits = minor_digits(self.currency)
        value = Decimal(self.minor).scaleb(-digits)
        return f"{value:.{digits}f}"

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def to_json(self) -> dict[str, str]:
        return {"amount": self.amount, "currency": self.currency}


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS.get(currency, 2)


def check_currency(code: str, *, field: str = "currency") -> str:
    """The upper-case ISO 4217 code, or a ValidationError naming ``field``."""
    norm = unicodedata.normalize("NFKC", code).strip().upper()
    norm = _SYMBOLS.get(norm, norm)
    if norm not in MINOR_DIGITS:
        raise ValidationError(
            f"{code.strip()!r} is not a currency crmdesk knows; use an ISO 4217 code such as "
            f"{', '.join(list(MINOR_DIGITS)[:6])}",
            field=field,
            code="currency_unknown",
        )
    return norm


def parse_money(text: str, *, field: str = "amount", currency: str | None = None) -> Money:
    """Read an amount typed by a user.

    ``currency`` is the one to use when the text names none (default CNY); when the text names a
    different one than ``currency``, that is an error. Negative amounts, garbage and more decimal
    places than the currency has are refused with a ValidationError naming ``field``.
    """
    # NFKC turns full-width input from a Chinese IME (￥８００，５０) into ASCII.
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        raise ValidationError("an amount is required", field=field, code="required")
    token = _TOKEN.fullmatch(norm)
    if token is None:
        raise _garbage(text, field)
    pre, post = token["pre"].strip(), token["post"].strip()
    if pre and post:
        raise _garbage(text, field)
    named = pre or post
    if named == "$":
        raise ValidationError(
            f"{text.strip()!r}: '$' could be several currencies; write USD, HKD, SGD... ",
            field=field,
            code="currency_ambiguous",
        )
    if any(ch.isdigit() for ch in named):  # "1e9999", "5x3": no currency has digits
        raise _garbage(text, field)
    found = check_currency(named, field=field) if named else None
    if found and currency and check_currency(currency, field=field) != found:
        raise ValidationError(
            f"{text.strip()!r} is in {found} but the currency given is {currency}",
            field=field,
            code="currency_mismatch",
        )
    code = found or check_currency(currency or DEFAULT_CURRENCY, field=field)
    if token["sign"] == "-":
        raise ValidationError(
            f"{text.strip()!r}: an amount cannot be negative", field=field, code="negative"
        )
    number = _AMOUNT.fullmatch(token["num"])
    if number is None:
        raise _garbage(text, field)
    frac = number["frac"] or ""
    digits = minor_digits(code)
    if len(frac.rstrip("0")) > digits:
        raise ValidationError(
            f"{text.strip()!r}: {code} amounts have at most {digits} decimal places",
            field=field,
            code="too_precise",
        )
    try:
        value = Decimal(number["int"].replace(",", "") + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise _garbage(text, field) from None
    minor = int(value.scaleb(digits))
    if minor > MAX_MINOR:
        raise ValidationError(
            f"{text.strip()!r} is larger than crmdesk accepts", field=field, code="too_large"
        )
    return Money(minor, code)


def _garbage(text: str, field: str) -> ValidationError:
    return ValidationError(
        f"{text.strip()!r} is not an amount; write e.g. 800, 800.50, ¥1,200 or 50 USD",
        field=field,
        code="amount_syntax",
    )
