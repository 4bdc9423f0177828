"""The festival-campaign dialog on a real book: make a campaign, read its people, copy a greeting,
mark gifts sent (logged once), and a campaign that concerns nobody said plainly."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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


def test_make_a_campaign_and_send_its_gifts(qtbot, book: Book, desk) -> None:
    fill(book)
    dialog = CampaignsDialog(desk, sender="东方机械 小刘")
    qtbot.addWidget(dialog)
    dialog.festival.setCurrentIndex(dialog.festival.findData("cn.mid_autumn"))
    dialog.year.setValue(2027)
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
        "Mid-Autumn Festival 2027 on 2027-09-15 — buy by 2027-09-01, send by 2027-09-12. "
        "To buy 2, bought 0, sent 0, thanked 0."
    )
    assert dialog.list.count() == 1
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
