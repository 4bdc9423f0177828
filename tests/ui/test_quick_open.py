"""Ctrl+K, a few letters, Enter: the quick-open box finds a person the way the search box does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.ui.quick_open import QuickOpenDialog
from tests.ui.conftest import type_text
from tests.ui.test_window import _key


def _open(window, qtbot) -> QuickOpenDialog:
    _key(window, qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QuickOpenDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_given_name_in_pinyin_then_enter_opens_the_contact(window, qtbot, sample):
    dialog = _open(window, qtbot)
    qtbot.keyClicks(dialog.edit, "guoliang")  # 曾国梁 by his given name alone
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.model.hit(0).name == "曾国梁"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.contacts
    qtbot.waitUntil(lambda: window.contacts.current_id() == sample.boss)


def test_traditional_characters_find_an_account_and_arrows_choose(window, qtbot, sample):
    dialog = _open(window, qtbot)
    type_text(qtbot, dialog.edit, "華東重工")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    hit = dialog.model.hit(0)
    assert hit.kind == "account" and hit.name.startswith("华东重工")
    assert dialog.status.text().endswith("shown")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    assert dialog.list.currentIndex().row() == min(1, dialog.model.rowCount() - 1)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Up)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.accounts
    qtbot.waitUntil(lambda: window.accounts.current_id() == sample.account)


def test_nothing_found_says_so(window, qtbot):
    dialog = _open(window, qtbot)
    qtbot.keyClicks(dialog.edit, "qqqqxxxx")
    qtbot.waitUntil(lambda: dialog.status.text() == "Nothing found.")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # nothing to open: the box stays
