"""The main window, driven as a rep would: search, filters, detail pane, editing, undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from crmdesk.ui.editors import AccountDialog, ContactDialog
from crmdesk.ui.models import PLACEHOLDER
from tests.ui.conftest import type_text


def _names(model) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _loaded(model) -> bool:
    return not model.is_loading and PLACEHOLDER not in _names(model)


def _select(window, qtbot, panel, name: str) -> None:
    qtbot.waitUntil(lambda: _loaded(panel.model))
    row = _names(panel.model).index(name)
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.detail.page is not None and name in window.detail.text())


def _key(window, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def _save(dialog, qtbot, widget) -> None:
    """Ctrl+Enter in the dialog, as a user saves without reaching for the mouse."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_typing_filters_by_pinyin_initials_and_characters(window, qtbot):
    panel = window.contacts
    assert panel.model.rowCount() == 7
    qtbot.keyClicks(panel.search, "zgl")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and _loaded(panel.model))
    assert _names(panel.model) == ["曾国梁"]
    assert panel.count.text() == "1 contact"
    panel.search.clear()
    type_text(qtbot, panel.search, "陈")
    qtbot.waitUntil(lambda: _names(panel.model) == ["陈明"])
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 7)


def test_filter_boxes_narrow_by_tier_tag_account_and_owner(window, qtbot):
    panel = window.contacts
    panel.tier.setCurrentIndex(panel.tier.findData("A"))
    qtbot.waitUntil(lambda: sorted(_names(panel.model)) == ["张伟", "欧阳娜"])
    panel.tier.setCurrentIndex(0)
    panel.tag.setCurrentIndex(panel.tag.findData("重点"))
    qtbot.waitUntil(lambda: _names(panel.model) == ["曾国梁"])
    panel.tag.setCurrentIndex(0)
    panel.account.setCurrentIndex(panel.account.findText("华东重工集团"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    panel.account.setCurrentIndex(0)
    panel.owner.setCurrentIndex(panel.owner.findData("Chen Yu"))
    qtbot.waitUntil(lambda: _names(panel.model) == ["Emily Carter"])


def test_clicking_a_header_sorts_by_that_column(window, qtbot):
    panel = window.contacts
    header = panel.table.horizontalHeader()
    account_column = QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=account_column)
    qtbot.waitUntil(lambda: _loaded(panel.model) and panel.model.sort_key == "account")
    accounts = [panel.model.cached_row(r).account_name for r in range(7)]
    # By pinyin: 华东 huadong < 京南 jingnan; contacts without an account sort first.
    assert accounts == [None, "华东重工集团", "华东重工集团", "华东重工集团", "华东重工集团",
                        "京南建设集团", "京南建设集团"]  # fmt: skip
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=account_column)
    qtbot.waitUntil(lambda: _loaded(panel.model) and panel.model.descending)
    assert panel.model.cached_row(0).account_name == "京南建设集团"


def test_the_contact_card_shows_everything_with_lunar_dates(window, qtbot):
    _select(window, qtbot, window.contacts, "曾国梁")
    text = window.detail.text()
    for expected in (
        "副总经理", "华东重工集团", "Decision maker", "湖南湘潭", "同济大学", "zgl_1968",
        "安化黑茶", "不吃香菜", "刘芳", "Spouse", "lunar month 8, day 15 (1968)", "next:",
        "结婚纪念日", "准备正式报价", "湘府大酒店", "围棋棋具",
    ):  # fmt: skip
        assert expected in text, expected


def test_the_account_card_has_master_file_org_chart_and_spend(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    _select(window, qtbot, window.accounts, "华东重工集团")
    text = window.detail.text()
    for expected in ("HD-001", "State-owned enterprise", "月结 60 天", "洋山港", "Org chart",
                     "曾国梁", "王丽", "陈明", "单晓峰", "洋山港二期岸桥 6 台", "Propose", "Spend",
                     "Interactions", "给王丽寄生日贺卡"):  # fmt: skip
        assert expected in text, expected
    # Spend: meal 1,860 + site tour 520; gifts 880 + 1,200 + 300, all in 2026 on the fixed clock.
    spend = window.detail.page.spend
    assert sum(line.cost_minor for line in spend) == 238000
    assert sum(line.gifts_minor for line in spend) == 238000
    assert len(spend) == 1
    assert "¥4,760.00" in text  # money as people read it (en: grouped, ¥)
    # The org chart nests the reports under their boss.
    html = window.detail.browser.toHtml()
    assert html.index("曾国梁") < html.index("王丽")


def test_a_link_in_a_card_opens_that_record(window, qtbot):
    _select(window, qtbot, window.contacts, "王丽")
    page = window.detail.page
    window.detail.open_record.emit("account", page.detail.contact.account_id)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 1)
    qtbot.waitUntil(lambda: "HD-001" in window.detail.text())


def test_add_a_contact_with_errors_shown_at_the_field(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    error = dialog.form.error_label("name")
    assert error.isVisible() and error.text() == "This is required."
    assert dialog.isVisible()
    type_text(qtbot, dialog.name, "欧阳修")
    qtbot.keyClicks(dialog.phones, "call me maybe")
    _save(dialog, qtbot, dialog.name)
    assert dialog.form.error_label("phone").isVisible()
    assert not dialog.form.error_label("name").isVisible()
    dialog.phones.clear()
    qtbot.keyClicks(dialog.phones, "138 0000 0000, 010-6666 8888")
    dialog.account.setCurrentIndex(dialog.account.findText("京南建设集团"))
    type_text(qtbot, dialog.title, "总经理")
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.name)
    panel = window.contacts
    qtbot.waitUntil(lambda: panel.model.rowCount() == 8 and _loaded(panel.model))
    assert "欧阳修" in _names(panel.model)
    qtbot.waitUntil(lambda: panel.current_id() == dialog.result_view.id)


def test_edit_a_contact(window, qtbot):
    _select(window, qtbot, window.contacts, "张伟")
    _key(window, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ContactDialog)
    assert dialog.name.text() == "张伟" and dialog.hometown.text() == "河北保定"
    dialog.title.clear()
    type_text(qtbot, dialog.title, "副总裁")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.waitUntil(lambda: "副总裁" in window.detail.text())


def test_add_an_account_with_a_bad_sales_limit(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_N,
         Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.findChild(AccountDialog)
    type_text(qtbot, dialog.name, "南方电网")
    qtbot.keyClicks(dialog.fields["sales_limit"], "lots")
    _save(dialog, qtbot, dialog.name)
    assert dialog.form.error_label("sales_limit").isVisible()
    dialog.fields["sales_limit"].clear()
    type_text(qtbot, dialog.fields["sales_limit"], "¥5,000,000")
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.name)
    assert str(dialog.result_view.sales_limit) == "5000000.00 CNY"
    # The account table loads when first shown.
    assert window.accounts.model.rowCount() == 0
    _key(window, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.accounts.model.rowCount() == 4)
    qtbot.waitUntil(lambda: window.accounts.current_id() == dialog.result_view.id)


def test_delete_then_undo(window, qtbot):
    panel = window.contacts
    _select(window, qtbot, panel, "张伟")
    panel.table.setFocus()
    _key(window, qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6 and _loaded(panel.model))
    assert "张伟" not in _names(panel.model)
    assert "Deleted 张伟" in window.statusBar().currentMessage()
    assert window.act_undo.isEnabled()
    _key(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 7 and _loaded(panel.model))
    assert "张伟" in _names(panel.model)
    assert not window.act_undo.isEnabled()


def test_delete_an_account_then_undo(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _select(window, qtbot, window.accounts, "京南建设集团")
    window.act_delete.trigger()
    qtbot.waitUntil(lambda: window.accounts.model.rowCount() == 2)
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 5)
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: window.accounts.model.rowCount() == 3)
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 7)


def test_status_bar_names_the_book_and_its_lock_state(window):
    assert window.book_label.text() == "Book: book.crmdesk"
    assert window.lock_label.text() == "Unlocked"


def test_every_frequent_action_has_a_shortcut(window):
    for action in (window.act_new_contact, window.act_new_account, window.act_edit,
                   window.act_delete, window.act_undo, window.act_visit, window.act_brief,
                   window.act_find, window.act_lock, window.act_settings, window.act_quit,
                   window.act_contacts, window.act_accounts, window.act_planner,
                   window.act_refresh):  # fmt: skip
        assert not action.shortcut().isEmpty(), action.objectName()
        assert not action.icon().isNull(), action.objectName()
    assert window.act_visit.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut


def test_ctrl_f_moves_to_the_search_box(window, qtbot):
    window.contacts.table.setFocus()
    _key(window, qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.contacts.search.hasFocus()


def test_ctrl_3_opens_the_planner_with_the_books_plan(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.planner
    assert not window.detail.isVisible()
    assert window.current() is None
    # The planner got the open book: its agenda loads on the worker and is shown.
    qtbot.waitUntil(lambda: window.planner.model.rowCount() > 0, timeout=10_000)
    _key(window, qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.contacts
    assert window.detail.isVisible()
