"""Birthdays as address books and spreadsheets write them, read into a DateSpec.

Accepted (``field="birthday"`` in every error): ISO ``1985-03-14``, ``1985/3/14``, ``1985.03.14``,
``19850314``; no year: ``--0314``, ``--03-14``, ``03-14``, ``3月14日``; Chinese
``1985年3月14日``; US ``3/14/1985`` (Outlook; a day above 12 first means day/month);
``14.05.1970`` (day first, as in Europe); an ISO date-time (``1985-03-14T00:00:00Z``, an
Excel cell); Apple's year 1604 meaning "no year";
lunar: ``L03-05``, ``L1985-03-05`` and ``农历三月初五`` / ``农历1985年闰四月初十``.
"""

from __future__ import annotations

import re

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError

APPLE_NO_YEAR = 1604  # iOS writes this year for a birthday without one
_EMPTY = {"", "0/0/00", "0000-00-00", "00/00/0000"}

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NO_YEAR = re.compile(r"(?:--)?(\d{1,2})-?(\d{2})|(\d{1,2})-(\d{1,2})")
_CHINESE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 14.05.1970, day first (Europe)
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_LUNAR_TEXT = re.compile(r"(?:农历|阴历|農曆|陰曆)\s*(?:(\d{4})\s*年\s*)?([闰閏])?(\S+?)月(\S+)")

_MONTHS = {"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10, "十一": 11, "冬": 11, "十二": 12, "腊": 12, "臘": 12}  # fmt: skip
_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _bad(text: str) -> ValidationError:
    return ValidationError(
        f"{text!r} is not a date (write e.g. 1985-03-14, --03-14 or 农历三月初五)",
        field="birthday",
        code="date_syntax",
    )


def _lunar_day(text: str) -> int | None:
    text = text.strip().rstrip("日")
    if text.isdigit():
        return int(text)
    if text.startswith("初") and len(text) == 2:
        return 10 if text[1] == "十" else _DIGITS.get(text[1])
    if text in ("十", "二十", "三十"):
        return {"十": 10, "二十": 20, "三十": 30}[text]
    tens = {"十": 10, "廿": 20, "卅": 30}.get(text[0])
    if tens is not None and len(text) == 2 and text[1] in _DIGITS:
        return tens + _DIGITS[text[1]]
    return None


def _spec(text: str, month: int, day: int, year: int | None, lunar: bool = False) -> DateSpec:
    if year == APPLE_NO_YEAR:
        year = None
    try:
        if lunar:
            return DateSpec.lunar(month, day, year=year)
        return DateSpec.gregorian(month, day, year=year)
    except ValidationError as exc:
        raise ValidationError(f"{text!r}: {exc.message}", field="birthday", code=exc.code) from None


def parse_birthday(raw: str) -> DateSpec | None:
    """The birthday ``raw`` names, None when empty, else ValidationError(field="birthday")."""
    text = raw.strip()
    if text in _EMPTY:
        return None
    if (m := _ISO.fullmatch(text)) or (m := _COMPACT.fullmatch(text)):
        return _spec(text, int(m[2]), int(m[3]), int(m[1]))
    if m := _NO_YEAR.fullmatch(text):
        month, day = (m[1], m[2]) if m[1] else (m[3], m[4])
        return _spec(text, int(month), int(day), None)
    if m := _CHINESE.fullmatch(text):
        return _spec(text, int(m[2]), int(m[3]), int(m[1]) if m[1] else None)
    if m := _DOTTED.fullmatch(text):
        return _spec(text, int(m[2]), int(m[1]), int(m[3]))
    if m := _US.fullmatch(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        year = year + (1900 if year >= 30 else 2000) if year < 100 else year
        month, day = (second, first) if first > 12 else (first, second)
        return _spec(text, month, day, year)
    if text[:1] in "Ll":
        try:
            return DateSpec.parse(text)
        except ValidationError:
            raise _bad(text) from None
    if m := _LUNAR_TEXT.fullmatch(text):
        month_text = m[3]
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        day = _lunar_day(m[4])
        if month is None or day is None:
            raise _bad(text)
        lunar_year = int(m[1]) if m[1] else None
        try:
            return DateSpec.lunar(month, day, year=lunar_year, leap=m[2] is not None)
        except ValidationError as exc:
            raise ValidationError(
                f"{text!r}: {exc.message}", field="birthday", code=exc.code
            ) from None
    raise _bad(text)
