"""Money, counts and generated texts as people read them, checked against hand-written
expectations in each language (never the formatter's own output)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from crmdesk.core.money import Money
from crmdesk.ui import formats, labels


@pytest.mark.parametrize(
    ("locale", "full", "short"),
    [
        ("zh-CN", "¥18,000,000.00", "¥1,800万"),
        ("zh-TW", "¥18,000,000.00", "¥1,800萬"),
        ("en-GB", "¥18,000,000.00", "¥18M"),
        ("de-DE", "¥18.000.000,00", "¥18M"),
    ],
)
def test_eighteen_million_yuan(locale: str, full: str, short: str) -> None:
    money = Money(18_000_000_00, "CNY")
    assert formats.money_text(money, locale=QLocale(locale)) == full
    assert formats.money_text(money, short=True, locale=QLocale(locale)) == short


def test_other_amounts_and_currencies() -> None:
    zh = QLocale("zh-CN")
    assert formats.money_text(Money(150_000_000_00), short=True, locale=zh) == "¥1.5亿"
    assert formats.money_text(Money(1_234_56), short=True, locale=zh) == "¥1,234.56"
    assert formats.money_text(Money(-1_234_56, "USD"), locale=zh) == "-US$1,234.56"
    assert formats.money_text(Money(5000, "JPY"), locale=zh) == "JP¥5,000"
    assert formats.money_text(Money(123, "INR"), locale=zh) == "1.23 INR"
    assert formats.money_text(None) == ""
    assert formats.count_text(8291, QLocale("en-GB")) == "8,291"


def test_a_generated_follow_up_is_shown_in_the_users_language(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from crmdesk.ui.i18n import Translations

    translations = Translations()
    try:
        translations.install("zh_CN")
        shown = labels.follow_up_text("Follow up the meal of 2026-12-02")
        assert shown == "跟进 2026/12/2 的宴请"
        # A description the rep typed stays as typed.
        assert labels.follow_up_text("送报价 Follow up") == "送报价 Follow up"
        assert QCoreApplication.translate("Pages", ": ") == "："
    finally:
        translations.install("en")
    assert labels.follow_up_text("Follow up the meal of 2026-12-02").startswith(
        "Follow up the Meal"
    )
