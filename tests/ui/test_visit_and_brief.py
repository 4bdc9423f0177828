"""The ten-second visit note, type-ahead attendees, and the pre-visit brief with its PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from crmdesk.db.services import followups, interactions
from crmdesk.ui.brief import BriefDialog
from crmdesk.ui.visit import VisitDialog
from tests.ui.conftest import type_text
from tests.ui.test_window import _key, _select


def _open_visit(window, qtbot) -> VisitDialog:
    _key(window, qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(VisitDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_ten_second_note(window, qtbot, book, sample):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    # Filled in already: now, a visit, the contact on screen; the cursor waits in the note.
    assert dialog.attendees.names() == ["曾国梁"]
    assert dialog.kind.currentData() == "visit"
    assert dialog.summary.hasFocus()
    qtbot.keyClicks(dialog.summary, "Agreed on the tender date")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = dialog.result_view
    assert view.summary == "Agreed on the tender date"
    assert [a.name for a in view.attendees] == ["曾国梁"]
    assert view.account_id == sample.account
    qtbot.waitUntil(lambda: "Agreed on the tender date" in window.detail.text())
    assert window.statusBar().currentMessage() == "Visit logged"


def test_attendees_by_type_ahead_with_cost_gift_and_follow_up(window, qtbot, book, sample):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    dialog.attendees.edit.setFocus()
    qtbot.keyClicks(dialog.attendees.edit, "wl")  # 王丽 by her initials
    qtbot.waitUntil(lambda: dialog.attendees.suggestions.rowCount() > 0)
    assert dialog.attendees.suggestions.item(0).name == "王丽"
    qtbot.keyClick(dialog.attendees.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attendees.edit.text() == "")
    assert dialog.attendees.names() == ["曾国梁", "王丽"]
    type_text(qtbot, dialog.place, "华东重工 12 楼")
    dialog.kind.setCurrentIndex(dialog.kind.findData("meal"))
    qtbot.keyClicks(dialog.cost, "not money")
    qtbot.keyClicks(dialog.summary, "Dinner")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.form.error_label("cost").isVisible()
    assert "not an amount" in dialog.form.error_label("cost").text()
    dialog.cost.clear()
    qtbot.keyClicks(dialog.cost, "1,280.50")
    type_text(qtbot, dialog.gift, "武夷岩茶")
    qtbot.keyClicks(dialog.gift_value, "600")
    qtbot.keyClicks(dialog.outcome, "Positive")
    qtbot.keyClicks(dialog.next_step, "Send the quote")
    assert dialog.follow_up.isChecked()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    view = dialog.result_view
    assert [a.name for a in view.attendees] == ["曾国梁", "王丽"]
    assert str(view.cost) == "1280.50 CNY" and view.kind == "meal"
    assert [(g.description, str(g.value), g.recipient_name) for g in view.gifts] == [
        ("武夷岩茶", "600.00 CNY", "曾国梁")
    ]
    with book.session() as s:
        due = followups.list_follow_ups(s, contact_id=sample.boss)
        assert "Send the quote" in [f.description for f in due]
        logged = interactions.list_interactions(s, contact_id=sample.coach, limit=1)[0]
        assert logged.place == "华东重工 12 楼"


def test_a_visit_needs_someone(window, qtbot):
    window.contacts.table.clearSelection()
    window.contacts.table.setCurrentIndex(window.contacts.model.index(-1, -1))
    dialog = _open_visit(window, qtbot)
    assert dialog.attendees.names() == []
    assert dialog.attendees.edit.hasFocus()
    qtbot.keyClick(dialog.attendees.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.form.error_label("contact").text() == "Choose who you met."


def test_a_follow_up_before_the_visit_is_refused_at_its_field(window, qtbot):
    _select(window, qtbot, window.contacts, "陈明")
    dialog = _open_visit(window, qtbot)
    dialog.follow_up.setChecked(True)
    dialog.follow_up_on.setText((dialog.when.value().date() - dt.timedelta(days=3)).isoformat())
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.form.error_label("follow_up").isVisible()
    assert "before the interaction" in dialog.form.error_label("follow_up").text()


def test_the_brief_of_a_contact_and_its_pdf(window, qtbot, tmp_path):
    _select(window, qtbot, window.contacts, "曾国梁")
    _key(window, qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(BriefDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for expected in ("曾国梁", "Who they are", "Decision maker", "湖南湘潭",
                     "Preferences and taboos", "不吃香菜", "Gifts already given",
                     "Never give the same gift twice.", "安化黑茶礼盒", "围棋棋具",
                     "Recent interactions", "Open follow-ups", "准备正式报价"):  # fmt: skip
        assert expected in text, expected
    # Taboos come first among the preferences.
    assert text.index("不吃香菜") < text.index("安化黑茶")
    target = tmp_path / "brief"
    with qtbot.waitSignal(dialog.exported) as exported:
        dialog.export_pdf(target)
    path = exported.args[0]
    assert path == tmp_path / "brief.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert "Saved" in dialog.status.text()


def test_the_brief_of_an_account(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _select(window, qtbot, window.accounts, "华东重工集团")
    window.act_brief.trigger()
    dialog = window.findChild(BriefDialog)
    text = dialog.browser.toPlainText()
    for expected in ("华东重工集团", "Who is who", "曾国梁", "Opportunities", "洋山港二期岸桥 6 台",
                     "Gifts already given", "手工丝巾 (¥300.00) → 王丽"):  # fmt: skip
        assert expected in text, expected
