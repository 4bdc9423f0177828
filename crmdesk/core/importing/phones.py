"""Phone numbers from import files, normalised with phonenumbers (default region settable).

An imported number is stored in the international format (``+86 138 0013 8000``) so the same
number typed three ways in three files is one number in the book. ``phone_key`` is the form
duplicates are compared by (E.164), and falls back to the digits for text phonenumbers refuses.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import check_phone

DEFAULT_REGION = "CN"
_SPLIT = re.compile(r"[;,，；、/\n]+")


def check_region(region: str) -> str:
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(
            f"{region!r} is not a region code phonenumbers knows (e.g. CN, HK, US, DE)",
            field="region",
            code="region_unknown",
        )
    return code


def split_list(text: str) -> list[str]:
    """A cell holding several values: split on , ; / 、 and new lines."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """``raw`` in the international format, or ValidationError(field="phone") if it is none."""
    text = raw.strip()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(
            f"{text!r} is not a phone number (region {region})", field="phone", code="phone_syntax"
        )
    extension = number.extension
    number.extension = None  # formatted in our own way below
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if extension:
        formatted = f"{formatted} ({extension})"
    formatted = check_phone(formatted)
    if len(_KEYS) < _KEYS_MAX:
        # What phone_key will be asked for this number: known now, without parsing it again.
        _KEYS[(formatted, region)] = e164
    return formatted


_KEYS: dict[tuple[str, str], str] = {}  # normalised number, region -> E.164
_KEYS_MAX = 200_000


def phone_key(text: str, region: str = DEFAULT_REGION) -> str:
    """What two spellings of one number have in common (E.164, else the bare digits)."""
    if (known := _KEYS.get((text, region))) is not None:
        return known
    return _parsed_key(text, region)


@lru_cache(maxsize=65_536)
def _parsed_key(text: str, region: str) -> str:
    try:
        number = phonenumbers.parse(text, region)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in text if ch.isdigit())
