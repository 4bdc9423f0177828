"""Numbers and money as people read them, in the user's language: one formatter for the cards,
tables, charts, the planner and the brief (files for machines keep plain ``800.50 CNY``).

``¥18,000,000.00`` in full; where space is short, ``1,800万`` in Chinese and ``¥18M`` in
English. Grouping and the decimal mark come from ``QLocale()`` (the default locale, which
``crmdesk.ui.i18n`` sets with the language).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from crmdesk.core.money import Money, minor_digits

# The sign people write before an amount. ¥ is the renminbi here, as crmdesk reads it
# (crmdesk.core.money); yen is JP¥. Currencies not listed keep their ISO code.
SYMBOLS: dict[str, str] = {
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


def _chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def _traditional(locale: QLocale) -> bool:
    return locale.script() == QLocale.Script.TraditionalHanScript or locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    )


def count_text(n: int, locale: QLocale | None = None) -> str:
    """A count with the locale's grouping: 12,345."""
    return (locale or QLocale()).toString(n)


def number_text(value: float | Decimal, decimals: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(float(value), "f", decimals)


def _trimmed(value: Decimal, locale: QLocale, most: int = 2) -> str:
    """``value`` with at most ``most`` decimals, trailing zeros dropped, grouped."""
    text = number_text(value, most, locale)
    point = locale.decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def short_amount(value: Decimal, locale: QLocale) -> str:
    """A large amount in few characters: 1,800万 / 1.2亿 in Chinese; 18M / 1.2B / 25K in English."""
    size = abs(value)
    if _chinese(locale):
        wan, yi = ("萬", "億") if _traditional(locale) else ("万", "亿")
        if size >= 10**8:
            return _trimmed(value / 10**8, locale) + yi
        if size >= 10**4:
            return _trimmed(value / 10**4, locale) + wan
        return _trimmed(value, locale)
    for limit, suffix in ((10**9, "B"), (10**6, "M"), (10**3, "K")):
        if size >= limit:
            return _trimmed(value / limit, locale, 1) + suffix
    return _trimmed(value, locale)


def money_text(value: Money | None, *, short: bool = False, locale: QLocale | None = None) -> str:
    """``¥18,000,000.00`` (or, ``short``, ``¥1,800万`` / ``¥18M``); "" for no amount."""
    if value is None:
        return ""
    loc = locale or QLocale()
    digits = minor_digits(value.currency)
    amount = Decimal(value.minor).scaleb(-digits)
    symbol = SYMBOLS.get(value.currency)
    number = short_amount(amount, loc) if short else number_text(amount, digits, loc)
    if symbol is None:
        return f"{number} {value.currency}"
    sign = ""
    if number.startswith(("-", loc.negativeSign())):
        sign, number = "-", number[1:]
    return f"{sign}{symbol}{number}"


def amount_text(
    minor: int | None, currency: str, *, with_currency: bool = True, short: bool = False
) -> str:
    """An amount kept as minor units; without its currency only the grouped number."""
    if minor is None:
        return ""
    if with_currency:
        return money_text(Money(minor, currency), short=short)
    value = Decimal(minor).scaleb(-minor_digits(currency))
    loc = QLocale()
    return short_amount(value, loc) if short else number_text(value, minor_digits(currency), loc)
