"""Numbers, money and dates as people read them, in the user's language: one formatter for the
cards, tables, charts, the planner and the brief (files for machines keep plain ``800.50 CNY``
and ISO dates).

Dates: ``2026年12月3日`` (short ``12月3日``) in Chinese, ``3 Dec 2026`` (short ``3 Dec``) in
English; a moment adds the 24-hour time, ``2026年12月3日 14:05``.

``¥18,000,000.00`` in full; where space is short, ``1,800万`` in Chinese and ``¥18M`` in
English. Grouping and the decimal mark come from ``QLocale()`` (the default locale, which
``crmdesk.ui.i18n`` sets with the language).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from crmdesk.core.money import DISPLAY_SYMBOLS, Money, minor_digits

SYMBOLS = DISPLAY_SYMBOLS  # ¥, HK$, …: one table, shared with the Excel writers in core


def _chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def _traditional(locale: QLocale) -> bool:
    return locale.script() == QLocale.Script.TraditionalHanScript or locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    )


def list_text(items: Iterable[str], locale: QLocale | None = None) -> str:
    """Items of a list as the language writes them: 茶叶、月饼 in Chinese (the enumeration
    comma), tea, mooncakes elsewhere. For lists shown to people; a field the user edits keeps
    commas, which its parser splits on."""
    return ("、" if _chinese(locale or QLocale()) else ", ").join(items)


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


# Patterns for QLocale.toString: Chinese writes 年月日 after the numbers; other languages the day,
# the locale's abbreviated month name, and the year (unambiguous, unlike 12/3/26).
_CHINESE_DATE = ("yyyy年M月d日", "M月d日")
_OTHER_DATE = ("d MMM yyyy", "d MMM")


def date_text(
    value: dt.date | dt.datetime | None, *, short: bool = False, locale: QLocale | None = None
) -> str:
    """A day as people write it: ``2026年12月3日`` / ``3 Dec 2026``; ``short`` drops the year
    (``12月3日`` / ``3 Dec``). A datetime is shown as its local day. "" for no date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone().date() if value.tzinfo else value.date()
    loc = locale or QLocale()
    full, no_year = _CHINESE_DATE if _chinese(loc) else _OTHER_DATE
    return loc.toString(QDate(value.year, value.month, value.day), no_year if short else full)


def recent_date_text(
    value: dt.date | dt.datetime | None,
    *,
    today: dt.date | None = None,
    locale: QLocale | None = None,
) -> str:
    """A day in a narrow column: without the year when it is this year's (``10月28日`` /
    ``28 Oct``), in full otherwise."""
    if value is None:
        return ""
    day = value.astimezone().date() if isinstance(value, dt.datetime) and value.tzinfo else value
    if isinstance(day, dt.datetime):
        day = day.date()
    this_year = (today or dt.date.today()).year
    return date_text(day, short=day.year == this_year, locale=locale)


def month_pattern(locale: QLocale | None = None) -> str:
    """The Qt pattern of a month (also a month picker's display format)."""
    return "yyyy年M月" if _chinese(locale or QLocale()) else "MMM yyyy"


def month_text(year: int, month: int, locale: QLocale | None = None) -> str:
    """A month: ``2026年12月`` / ``Dec 2026``."""
    loc = locale or QLocale()
    return loc.toString(QDate(year, month, 1), month_pattern(loc))


def time_text(value: dt.datetime | dt.time) -> str:
    """A time of day on the 24-hour clock (``14:05``), local for an aware datetime."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone()
    return f"{value.hour:02d}:{value.minute:02d}"


def moment_text(
    value: dt.datetime | None, *, short: bool = False, locale: QLocale | None = None
) -> str:
    """A moment in local time: ``2026年12月3日 14:05`` / ``3 Dec 2026 14:05``; "" for none."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{date_text(local, short=short, locale=locale)} {time_text(local)}"


def excel_formats(locale: QLocale | None = None) -> tuple[str, str]:
    """Excel number formats for a day and a month as this formatter writes them (a workbook
    keeps real dates; the format makes them read ``2026年12月3日`` or ``3 Dec 2026``)."""
    if _chinese(locale or QLocale()):
        return 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"'
    return "d mmm yyyy", "mmm yyyy"
