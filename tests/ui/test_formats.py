"""Money, counts, dates and generated texts as people read them, checked against hand-written
expectations in each language (never the formatter's own output)."""

from __future__ import annotations

import datetime as dt

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
        assert shown == "跟进 2026年12月2日 的宴请"
        # A description the rep typed stays as typed.
        assert labels.follow_up_text("送报价 Follow up") == "送报价 Follow up"
        assert QCoreApplication.translate("Pages", ": ") == "："
        from crmdesk.ui.sync_ui import field_text

        # A conflict's field as the card calls it, not the column name.
        assert [field_text(f) for f in ("name", "decision_role", "title")] == [
            "名称", "决策角色", "职务"
        ]  # fmt: skip
    finally:
        translations.install("en")
    assert labels.follow_up_text("Follow up the meal of 2026-12-02").startswith(
        "Follow up the Meal"
    )


@pytest.mark.parametrize(
    ("locale", "full", "short", "month"),
    [
        ("zh-CN", "2026年12月3日", "12月3日", "2026年12月"),
        ("zh-TW", "2026年12月3日", "12月3日", "2026年12月"),
        ("en-GB", "3 Dec 2026", "3 Dec", "Dec 2026"),
    ],
)
def test_a_day_as_people_write_it(locale: str, full: str, short: str, month: str) -> None:
    loc = QLocale(locale)
    day = dt.date(2026, 12, 3)
    assert formats.date_text(day, locale=loc) == full
    assert formats.date_text(day, short=True, locale=loc) == short
    assert formats.month_text(2026, 12, loc) == month
    assert formats.date_text(None, locale=loc) == ""


def test_a_moment_is_shown_in_local_time_on_the_24_hour_clock() -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    # 23:30 UTC on 2 December is 07:30 on 3 December in Beijing: the local day is the 3rd.
    moment = dt.datetime(2026, 12, 2, 23, 30, tzinfo=dt.UTC).astimezone(beijing)
    local = moment.astimezone()
    expected_day = {2: "2026年12月2日", 3: "2026年12月3日"}[local.day]
    assert formats.moment_text(moment, locale=QLocale("zh-CN")) == (
        f"{expected_day} {local.hour:02d}:{local.minute:02d}"
    )
    naive = dt.datetime(2026, 1, 5, 14, 5)
    assert formats.moment_text(naive, locale=QLocale("en-GB")) == "5 Jan 2026 14:05"
    assert formats.time_text(dt.time(9, 7)) == "09:07"


def test_excel_formats_follow_the_language() -> None:
    assert formats.excel_formats(QLocale("zh-CN")) == ('yyyy"年"m"月"d"日"', 'yyyy"年"m"月"')
    assert formats.excel_formats(QLocale("en-GB")) == ("d mmm yyyy", "mmm yyyy")


def test_a_narrow_column_drops_this_years_year() -> None:
    zh, today = QLocale("zh-CN"), dt.date(2026, 12, 3)
    assert formats.recent_date_text(dt.date(2026, 10, 28), today=today, locale=zh) == "10月28日"
    assert formats.recent_date_text(dt.date(2025, 10, 28), today=today, locale=zh) == (
        "2025年10月28日"
    )
    noon = dt.datetime(2026, 3, 1, 12, 0)
    assert formats.recent_date_text(noon, today=today, locale=QLocale("en-GB")) == "1 Mar"


@pytest.mark.parametrize(
    ("locale", "joined"),
    [
        ("zh-CN", "茶叶、月饼、红酒"),
        ("zh-TW", "茶叶、月饼、红酒"),
        ("en-GB", "茶叶, 月饼, 红酒"),
    ],
)
def test_a_list_shown_to_people_uses_the_languages_enumeration_comma(
    locale: str, joined: str
) -> None:
    assert formats.list_text(["茶叶", "月饼", "红酒"], QLocale(locale)) == joined
    assert formats.list_text([], QLocale(locale)) == ""
    assert formats.list_text(["茶叶"], QLocale(locale)) == "茶叶"


def test_a_chinese_card_lists_phones_and_tags_with_the_enumeration_comma(book, qapp) -> None:
    from crmdesk.db.browse.cards import contact_page
    from crmdesk.db.services import contacts
    from crmdesk.ui import pages

    with book.session() as s, s.begin():
        cid = contacts.add_contact(
            s, name="王建国", phones=["13800138000", "021-62345678"], tags=["茶", "高尔夫"]
        ).id
    with book.session() as s:
        page = contact_page(s, cid)
    before = QLocale()
    QLocale.setDefault(QLocale("zh-CN"))
    try:
        html = pages.contact_html(page)
    finally:
        QLocale.setDefault(before)
    assert "13800138000、021-62345678" in html
    assert "茶、高尔夫" in html
