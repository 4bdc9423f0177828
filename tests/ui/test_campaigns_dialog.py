"""The festival-campaign dialog on a real book: make a campaign, read its people, copy a greeting,
mark gifts sent (logged once), and a campaign that concerns nobody said plainly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from crmdesk.core.money import Money
from crmdesk.db.book import Book
from crmdesk.db.models import Gift
from crmdesk.db.services.accounts import add_account
from crmdesk.db.services.contacts import add_contact
from crmdesk.db.services.tiers import edit_tier
from crmdesk.ui.campaigns import CampaignsDialog


def fill(book: Book) -> None:
    with book.session() as s, s.begin():
        edit_tier(s, code="S", greeting_budget=Money(50_000))
        acme = add_account(s, name="华东建设", tier="S").id
        add_contact(
            s, name="王建国", account_id=acme, title="总经理", decision_role="decision_maker"
        )
        add_contact(s, name="李明", account_id=acme, title="采购部经理")
        add_contact(s, name="路人甲")  # no tier: not in a campaign for tier S


@pytest.fixture
def british() -> Iterator[None]:
    """The app's English (crmdesk.ui.i18n sets en-GB), whatever an earlier test left."""
    before = QLocale()
    QLocale.setDefault(QLocale("en-GB"))
    yield
    QLocale.setDefault(before)


def test_make_a_campaign_and_send_its_gifts(qtbot, book: Book, desk, tmp_path, british) -> None:
    fill(book)
    dialog = CampaignsDialog(desk, sender="东方机械 小刘")
    qtbot.addWidget(dialog)
    dialog.festival.setCurrentIndex(dialog.festival.findData("cn.mid_autumn"))
    dialog.year.selectAll()
    qtbot.keyClicks(dialog.year, "2027")
    qtbot.keyClicks(dialog.tiers, "s")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)

    model = dialog.model
    rows = [[model.index(r, c).data() for c in (0, 3, 4, 5)] for r in range(model.rowCount())]
    assert rows == [
        ["王建国", "Mooncake box", "¥300.00", "to buy"],
        ["李明", "Tea gift box", "¥500.00", "to buy"],
    ]
    # The rep's language (English here) names the campaign; a Chinese name is greeted in Chinese.
    assert dialog.heading.text() == (
        "Mid-Autumn Festival 2027 on 15 Sept 2027 — buy by 1 Sept 2027, send by 12 Sept 2027. "
        "To buy 2, bought 0, sent 0, thanked 0."
    )
    assert dialog.list.count() == 1
    # The shopping list as the assistant who buys the gifts opens it (read back from the file).
    from openpyxl import load_workbook

    from crmdesk.ui.campaigns import _export

    sheets = load_workbook(_export(dialog.current, tmp_path / "中秋.xlsx"))
    shopping = sheets["Shopping list"]
    assert [c.value for c in shopping[1]] == ["Gift", "Quantity", "Each", "Total", "Buy by"]
    assert shopping["C2"].number_format == '"¥"#,##0.00' and shopping["E2"].number_format == (
        "d mmm yyyy"
    )
    assert [c.value for c in sheets["Items"][2]][6] == "to buy"
    # The first row is current: its greeting is shown, and copied on request.
    assert dialog.greeting.text().startswith("尊敬的王总：")
    dialog.copy_greeting()
    assert QGuiApplication.clipboard().text() == dialog.greeting.text()

    dialog.table.selectAll()
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == (
        "2 gift(s) logged as sent; items sent before were not logged again."
    )
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("0 gift(s)")
    assert [model.index(r, 5).data() for r in range(2)] == ["sent", "sent"]
    with book.session() as s:
        assert s.scalar(select(func.count()).select_from(Gift)) == 2


def test_a_campaign_for_nobody_says_so(qtbot, book: Book, desk) -> None:
    fill(book)
    dialog = CampaignsDialog(desk, sender="小刘")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.tiers, "C")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "No contact matches these tiers: nobody to greet."
    assert dialog.list.count() == 0
    assert dialog.make_button.isEnabled()
    assert dt.date.today().year == dialog.year.value()


def test_tools_menu_opens_the_campaigns_of_the_open_book(window, qtbot) -> None:
    action = window.campaigns.action
    assert action.isEnabled()
    assert action in window.tools.menu.actions()
    action.trigger()
    dialog = window.campaigns.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.festival.count() > 5
    # The planner's "Start a campaign for…" reaches the same dialog, filled in.
    window.planner.campaign_requested.emit("cn.dragon_boat", 2028, ["A"], "liu")
    assert window.campaigns.dialog is dialog
    assert dialog.festival.currentData() == "cn.dragon_boat"
    assert (dialog.year.value(), dialog.tiers.text(), dialog.owners.text()) == (2028, "A", "liu")


def test_the_planner_presets_the_festival_year_tiers_and_owner(qtbot, book: Book, desk) -> None:
    with book.session() as s, s.begin():
        edit_tier(s, code="S", greeting_budget=Money(50_000))
        mine = add_account(s, name="华东建设", tier="S", owner="liu").id
        theirs = add_account(s, name="远大机械", tier="S", owner="zhao").id
        add_contact(s, name="王建国", account_id=mine, title="总经理")
        add_contact(s, name="陈静", account_id=theirs)
    dialog = CampaignsDialog(desk, sender="小刘")
    qtbot.addWidget(dialog)
    dialog.preset("cn.spring_festival", 2027, ["S"], ["liu"])
    assert dialog.festival.currentData() == "cn.spring_festival"
    assert (dialog.year.value(), dialog.tiers.text(), dialog.owners.text()) == (2027, "S", "liu")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["王建国"]


def test_the_gift_catalogue_dialog(qtbot, book: Book, desk) -> None:
    from crmdesk.ui.campaigns_catalogue import GiftCatalogueDialog

    fill(book)
    campaigns_dialog = CampaignsDialog(desk, sender="小刘")
    qtbot.addWidget(campaigns_dialog)
    campaigns_dialog.festival.setCurrentIndex(campaigns_dialog.festival.findData("cn.mid_autumn"))
    campaigns_dialog.year.setText("2027")
    qtbot.mouseClick(campaigns_dialog.make_button, Qt.MouseButton.LeftButton)  # names tea, cakes
    dialog = campaigns_dialog.open_catalogue()
    assert isinstance(dialog, GiftCatalogueDialog)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert len(rows) == 11
    pen = rows["钢笔"]
    assert [dialog.table.item(pen, c).text() for c in range(7)] == [
        "钢笔", "Fountain pen", "¥350.00", "stationery", "any", "yes", ""
    ]  # fmt: skip
    # A new gift with a bad price: said under the price, nothing written.
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_zh.setText("普洱茶饼")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.price, "0")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_label("price").text() == "A gift's price must be more than zero."
    assert dialog.form.error_label("price").isVisibleTo(dialog)
    assert dialog.table.rowCount() == 11
    # What is not an amount at all is said as it is typed, and Save waits.
    dialog.price.selectAll()
    qtbot.keyClicks(dialog.price, "12.345")
    assert dialog.price.text() == "12.345"
    assert dialog.form.error_label("price").text() == (
        "This amount has too many decimal places: at most 2."
    )
    assert not dialog.save_button.isEnabled()
    dialog.save()  # a stale click: nothing written
    assert dialog.table.rowCount() == 11
    dialog.price.setText("450")
    assert dialog.save_button.isEnabled() and not dialog.form.error_label("price").isVisibleTo(
        dialog
    )
    dialog.tags.item(0).setCheckState(Qt.CheckState.Checked)  # tea
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Saved 普洱茶饼."
    assert dialog.table.rowCount() == 12 and dialog.editing is not None
    # A blank name is said under the name.
    dialog.name_zh.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_label("name_zh").text() == "A gift needs a name."
    # The tea box is in the campaign: removing it is refused; retiring it works.
    tea = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "茶叶礼盒"
    )
    dialog.table.selectRow(tea)
    assert dialog.editing == "tea" and dialog.table.item(tea, 6).text() == "1"
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "cannot be removed" in dialog.form.error_label("name_zh").text()
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    from crmdesk.db.services import gift_catalogue

    with book.session() as s:
        assert "tea" not in {i.key for i in gift_catalogue.suggestion_catalogue(s)}
        assert gift_catalogue.find_item(s, "tea").active is False


def test_the_team_page_sums_each_campaign_and_rep(qtbot, book: Book, desk, british) -> None:
    with book.session() as s, s.begin():
        edit_tier(s, code="S", greeting_budget=Money(50_000))
        edit_tier(s, code="A", greeting_budget=Money(20_000))
        mine = add_account(s, name="华东建设", tier="S", owner="liu").id
        theirs = add_account(s, name="远大机械", tier="A", owner="zhao").id
        add_contact(s, name="王建国", account_id=mine, title="总经理")
        add_contact(s, name="陈静", account_id=theirs)
    dialog = CampaignsDialog(desk, sender="小刘")
    qtbot.addWidget(dialog)
    dialog.festival.setCurrentIndex(dialog.festival.findData("cn.mid_autumn"))
    dialog.year.setText("2027")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(0)  # 王建国 (S): mark his gift bought
    qtbot.mouseClick(dialog.findChild(QPushButton, "markBought"), Qt.MouseButton.LeftButton)
    dialog.pages.setCurrentWidget(dialog.team)
    tree = dialog.team.tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    # 王建国: S budget 500, the mooncakes 300 (made for the occasion: they come first);
    # 陈静: A budget 200, the mooncakes are over it: the nut box 180, the closest within it.
    assert [top.text(c) for c in range(1, 10)] == [
        "unassigned", "15 Sept 2027", "2", "¥700.00", "¥480.00", "1", "1", "0", "0"
    ]  # fmt: skip
    reps = {top.child(i).text(0): [top.child(i).text(c) for c in range(3, 10)]
            for i in range(top.childCount())}  # fmt: skip
    assert reps == {
        "liu": ["1", "¥500.00", "¥300.00", "0", "1", "0", "0"],
        "zhao": ["1", "¥200.00", "¥180.00", "1", "0", "0", "0"],
    }


def type_into(qtbot, field, text: str) -> None:
    """Key by key; a Chinese character as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            field.insert(char)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2200", "The year must be between 1900 and 2099."),
        ("二〇二七", "Type the year as digits, e.g. 2027."),
        ("20x7", "Type the year as digits, e.g. 2027."),
        ("", "Type the year as digits, e.g. 2027."),
    ],
)
def test_an_impossible_year_stays_as_typed_and_makes_nothing(
    qtbot, book: Book, desk, british, typed: str, said: str
) -> None:
    fill(book)
    dialog = CampaignsDialog(desk, sender="小刘")
    qtbot.addWidget(dialog)
    dialog.year.selectAll()
    qtbot.keyClick(dialog.year, Qt.Key.Key_Delete)
    type_into(qtbot, dialog.year, typed)
    assert dialog.year.text() == typed  # no spin box clamping 2200 to 2099
    assert dialog.status.text() == said
    assert not dialog.make_button.isEnabled()
    dialog.make()  # Ctrl+Enter or a stale click: still nothing
    assert dialog.list.count() == 0
    # Full-width digits from a Chinese IME are a year like any other.
    dialog.year.selectAll()
    qtbot.keyClick(dialog.year, Qt.Key.Key_Delete)
    type_into(qtbot, dialog.year, "２０２７")
    assert dialog.make_button.isEnabled() and dialog.status.text() == ""


def test_a_gift_priced_in_another_currency_keeps_it_when_edited(qtbot, book: Book, desk) -> None:
    from crmdesk.db.services import gift_catalogue
    from crmdesk.ui.campaigns_catalogue import GiftCatalogueDialog

    with book.session() as s, s.begin():
        key = gift_catalogue.add_item(
            s, name_zh="威士忌", name_en="Whisky", price=Money(8000, "USD"), tags=["alcohol"]
        ).key
    dialog = GiftCatalogueDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "威士忌"
    )
    dialog.table.selectRow(row)
    assert dialog.editing == key
    assert "USD" in dialog.price.text()  # not "80.00", which would be read as yuan
    dialog.name_en.setText("Scotch whisky")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"))
    with book.session() as s:
        item = gift_catalogue.find_item(s, key)
        assert (item.price_minor, item.currency) == (8000, "USD")
