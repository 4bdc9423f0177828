"""Checks of single input values, each raising ValidationError that names the field and the limit.

The services call these before they write anything. Length limits of short fields come from the
columns they go to (the services pass them), so the book, the server and these checks agree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from crmdesk.core.errors import ValidationError

NAME_MAX = 200
NOTES_MAX = 100_000
TAG_MAX = 40
PHONE_MAX = 40
EMAIL_MAX = 254  # RFC 5321's limit on a forward path
MIN_PHONE_DIGITS = 3

_PHONE_CHARS = re.compile(r"[0-9 +\-()]+", re.ASCII)
# Deliberately loose: one @, no spaces, a dot in the domain. Whether the mailbox exists is for the
# mail server to say; this catches typing slips such as a missing @ or a pasted phone number.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def _too_long(field: str, length: int, limit: int) -> ValidationError:
    return ValidationError(
        f"is {length:,} characters long; the limit is {limit:,} characters",
        field=field,
        code="too_long",
    )


def _clean(value: str, field: str, limit: int) -> str:
    text = value.strip()
    if len(text) > limit:
        raise _too_long(field, len(text), limit)
    if "\x00" in text:
        raise ValidationError("contains a NUL character", field=field, code="bad_character")
    return text


def required_text(value: str | None, *, field: str, limit: int = NAME_MAX) -> str:
    """A non-empty text (after trimming spaces) of at most ``limit`` characters."""
    text = _clean(value or "", field, limit)
    if not text:
        raise ValidationError("must not be empty", field=field, code="required")
    return text


def optional_text(value: str | None, *, field: str, limit: int) -> str | None:
    """A text of at most ``limit`` characters, or None when empty or blank."""
    if value is None:
        return None
    return _clean(value, field, limit) or None


def notes_text(value: str | None, *, field: str = "notes", limit: int = NOTES_MAX) -> str:
    """Free notes: up to ``limit`` characters (100,000 by default), empty allowed."""
    return _clean(value or "", field, limit)


def check_phone(value: str, *, field: str = "phone") -> str:
    """Digits, spaces, + - and parentheses, with at least three digits."""
    text = _clean(value, field, PHONE_MAX)
    if not _PHONE_CHARS.fullmatch(text):
        raise ValidationError(
            f"{text!r} is not a phone number: use digits, spaces, +, - and parentheses",
            field=field,
            code="phone_syntax",
        )
    if sum(ch.isdigit() for ch in text) < MIN_PHONE_DIGITS:
        raise ValidationError(
            f"{text!r} is not a phone number: it has fewer than {MIN_PHONE_DIGITS} digits",
            field=field,
            code="phone_syntax",
        )
    return text


def check_email(value: str, *, field: str = "email") -> str:
    text = _clean(value, field, EMAIL_MAX)
    if not _EMAIL.fullmatch(text):
        raise ValidationError(
            f"{text!r} is not an e-mail address (expected name@example.com)",
            field=field,
            code="email_syntax",
        )
    return text


def check_tags(values: Iterable[str], *, field: str = "tag", limit: int = TAG_MAX) -> list[str]:
    """Trimmed, non-empty, de-duplicated (first spelling kept) texts of at most ``limit`` each."""
    seen: dict[str, str] = {}
    for value in values:
        text = _clean(value, field, limit)
        if not text:
            raise ValidationError("must not be empty", field=field, code="required")
        seen.setdefault(text.casefold(), text)
    return list(seen.values())


def check_phones(values: Iterable[str], *, field: str = "phone") -> list[str]:
    return _dedupe(check_phone(v, field=field) for v in values)


def check_emails(values: Iterable[str], *, field: str = "email") -> list[str]:
    return _dedupe(check_email(v, field=field) for v in values)


def _dedupe(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def check_int(value: int, *, field: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{value!r} is not a whole number", field=field, code="not_int")
    if not minimum <= value <= maximum:
        raise ValidationError(
            f"must be between {minimum} and {maximum}, not {value}", field=field, code="range"
        )
    return value


def parse_date(text: str, *, field: str) -> dt.date:
    """An ISO calendar date, ``2026-12-01``, within the date policy (:mod:`crmdesk.core.dates`)."""
    from crmdesk.core import dates  # with the lunar calendar: not for the CLI's --help

    return dates.parse_date(text, field=field)


def parse_datetime(text: str, *, field: str) -> dt.datetime:
    """``2026-11-20 19:00`` (local time), ``2026-11-20`` (midnight) or ISO 8601 with an offset,
    within the date policy (:mod:`crmdesk.core.dates`)."""
    from crmdesk.core import dates

    return dates.parse_datetime(text, field=field)
