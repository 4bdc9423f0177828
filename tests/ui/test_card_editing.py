"""Adding to a contact's card from the card itself: preferences, dates (lunar too), family, and
ticking off a follow-up."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from crmdesk.db.services import followups
from crmdesk.ui.editors import DateDialog, FamilyDialog, PreferenceDialog
from tests.ui.conftest import type_text
from tests.ui.test_window import _save, _select


def _follow_link(window, href: str) -> None:
    assert href in window.detail.browser.toHtml()
    window.detail.browser.anchorClicked.emit(QUrl(href))


def test_add_a_preference_from_the_card(window, qtbot):
    _select(window, qtbot, window.contacts, "王丽")
    _follow_link(window, "crmdesk://add/preference")
    dialog = window.findChild(PreferenceDialog)
    dialog.category.setCurrentIndex(dialog.category.findData("tea"))
    _save(dialog, qtbot, dialog.value)
    assert dialog.form.error_label("value").text() == "This is required."
    type_text(qtbot, dialog.value, "碧螺春")
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.value)
    qtbot.waitUntil(lambda: "Tea: 碧螺春" in window.detail.text())


def test_add_a_lunar_date_for_a_family_member(window, qtbot):
    _select(window, qtbot, window.contacts, "曾国梁")
    _follow_link(window, "crmdesk://add/date")
    dialog = window.findChild(DateDialog)
    dialog.whose.setCurrentIndex(dialog.whose.findText("刘芳"))
    dialog.calendar.setCurrentIndex(dialog.calendar.findData("lunar"))
    assert dialog.leap.isEnabled()
    # 2023 had a leap 2nd month, but no leap 3rd month: said at the leap field.
    dialog.year.setText("2023")
    dialog.month.setText("3")
    dialog.day.setText("1")
    dialog.leap.setChecked(True)
    _save(dialog, qtbot, dialog.label)
    assert dialog.form.error_label("leap").isVisible()
    dialog.month.setText("2")
    dialog.day.setText("30")  # leap 2nd month of 2023 has 29 days
    _save(dialog, qtbot, dialog.label)
    assert dialog.form.error_label("day").isVisible()
    dialog.day.setText("8")
    dialog.year.setText("")  # unknown
    type_text(qtbot, dialog.label, "生日")
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.label)
    qtbot.waitUntil(lambda: "lunar leap month 2, day 8" in window.detail.text())


def test_add_a_family_member(window, qtbot):
    _select(window, qtbot, window.contacts, "陈明")
    _follow_link(window, "crmdesk://add/family")
    dialog = window.findChild(FamilyDialog)
    type_text(qtbot, dialog.name, "陈小雨")
    dialog.relation.setCurrentIndex(dialog.relation.findData("daughter"))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.waitUntil(lambda: "陈小雨 · Daughter" in window.detail.text())


def test_tick_off_a_follow_up(window, qtbot, book, sample):
    _select(window, qtbot, window.contacts, "陈明")
    with book.session() as s:
        (due,) = followups.list_follow_ups(s, contact_id=sample.engineer)
    assert "寄送能耗测试报告" in window.detail.text()
    _follow_link(window, f"crmdesk://done/{due.id}")
    qtbot.waitUntil(lambda: "寄送能耗测试报告" not in window.detail.text().split("Interactions")[0])
    with book.session() as s:
        assert followups.list_follow_ups(s, contact_id=sample.engineer) == []
    assert window.statusBar().currentMessage() == "Done: 寄送能耗测试报告"
