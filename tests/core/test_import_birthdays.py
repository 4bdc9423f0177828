"""Birthdays in the forms files hold them; expected values worked out by hand."""

from __future__ import annotations

import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.birthdays import parse_birthday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-03-14", DateSpec.gregorian(3, 14, 1985)),
        ("19850314", DateSpec.gregorian(3, 14, 1985)),
        ("1985/3/4", DateSpec.gregorian(3, 4, 1985)),
        ("1985.03.14", DateSpec.gregorian(3, 14, 1985)),
        ("1985-03-14T00:00:00Z", DateSpec.gregorian(3, 14, 1985)),
        ("--0314", DateSpec.gregorian(3, 14)),
        ("--03-14", DateSpec.gregorian(3, 14)),
        ("03-14", DateSpec.gregorian(3, 14)),
        ("1604-03-14", DateSpec.gregorian(3, 14)),  # Apple: no year
        ("1985年3月14日", DateSpec.gregorian(3, 14, 1985)),
        ("3月14日", DateSpec.gregorian(3, 14)),
        ("3/14/1985", DateSpec.gregorian(3, 14, 1985)),  # Outlook, US
        ("14/3/1985", DateSpec.gregorian(3, 14, 1985)),  # day above 12: day first
        ("14.03.1985", DateSpec.gregorian(3, 14, 1985)),
        ("--0229", DateSpec.gregorian(2, 29)),  # no year: 29 February may be
        ("L03-05", DateSpec.lunar(3, 5)),
        ("农历三月初五", DateSpec.lunar(3, 5)),
        ("农历正月十五", DateSpec.lunar(1, 15)),
        ("农历腊月廿三", DateSpec.lunar(12, 23)),
        ("农历1985年八月十五", DateSpec.lunar(8, 15, year=1985)),
        ("农历2020年闰四月初十", DateSpec.lunar(4, 10, year=2020, leap=True)),
        ("0/0/00", None),
        ("", None),
    ],
)
def test_accepted(text, expected):
    assert parse_birthday(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1985-02-29",
        "1985-13-01",
        "2/30/1990",
        "yesterday",
        "农历十三月初一",
        "农历2021年闰四月初十",
        "1985",
    ],
)
def test_rejected_naming_the_field(text):
    with pytest.raises(ValidationError) as caught:
        parse_birthday(text)
    assert caught.value.field == "birthday"
