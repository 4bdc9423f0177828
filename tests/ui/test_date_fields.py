"""No silent coercion in the visit dialog: the impossible values seen in the field, typed key by
key, are refused at their field with Save disabled, and nothing is written; a past visit is
fine, a follow-up already due asks once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from crmdesk.db.models import FollowUp, Interaction
from tests.ui.conftest import type_text
from tests.ui.test_visit_and_brief import _open_visit
from tests.ui.test_window import _select


def _counts(book) -> tuple[int, int]:
    with book.sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(Interaction)) or 0,
            s.scalar(select(func.count()).select_from(FollowUp)) or 0,
        )


def _retype(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_an_impossible_time_is_refused_at_its_field(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    before = _counts(book)
    qtbot.keyClicks(dialog.summary, "Tender date agreed")
    _retype(qtbot, dialog.when, "2026-13-45 25:99")
    error = dialog.form.error_label("when")
    assert error.isVisible() and "between 1 and 12" in error.text()
    assert not save.isEnabled()
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and _counts(book) == before  # nothing written
    _retype(qtbot, dialog.when, "2026-01-04 25:99")
    assert "time does not exist" in error.text() and not save.isEnabled()
    assert dialog.when.text() == "2026-01-04 25:99"  # kept as typed, never another time
    # A past visit is fine.
    _retype(qtbot, dialog.when, "2026-01-04 05:25")
    assert not error.isVisible() and save.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result_view.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") == (
        "2026-01-04 05:25"
    )


def test_an_impossible_follow_up_is_refused_and_a_past_one_asks_once(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    before = _counts(book)
    qtbot.keyClicks(dialog.summary, "Promised a quote")
    dialog.follow_up.setChecked(True)
    _retype(qtbot, dialog.follow_up_on, "2026-02-30")
    error = dialog.form.error_label("follow_up")
    assert error.isVisible() and "month 2 of 2026 has 28 days" in error.text()  # right for the year
    assert "February 2026 has 28 days" in error.toolTip()
    assert not save.isEnabled()
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _counts(book) == before
    # Unticked, the follow-up's date no longer holds the visit back.
    dialog.follow_up.setChecked(False)
    assert save.isEnabled()
    dialog.follow_up.setChecked(True)
    assert not save.isEnabled()
    # A follow-up already due (after the visit, before today): asked once, then kept.
    # The fixed clock's today is 2026-06-15 (conftest): the visit on the 5th, due on the 7th.
    _retype(qtbot, dialog.when, "2026-06-05 10:00")
    due = "2026-06-07"
    _retype(qtbot, dialog.follow_up_on, due)
    assert save.isEnabled()
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = dialog.past_due_box
    assert box is not None and box.isVisible()
    assert box.text() == "This follow-up is due in the past (8 days ago). Save anyway?"
    # "Cancel" keeps the dialog open with nothing written, and asks again next time.
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.past_due_box is None and _counts(book) == before
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = dialog.past_due_box
    assert box is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert _counts(book) == (before[0] + 1, before[1] + 1)
    with book.sessions() as s:
        assert (
            str(s.scalars(select(FollowUp.due_on).order_by(FollowUp.created_at.desc())).first())
            == due
        )


def test_a_preference_learned_on_an_impossible_day_is_refused(window, qtbot, book):
    from crmdesk.db.models import Preference
    from crmdesk.ui.editors import PreferenceDialog
    from tests.ui.test_card_editing import _follow_link

    _select(window, qtbot, window.contacts, "王丽")
    _follow_link(window, "crmdesk://add/preference")
    dialog = window.findChild(PreferenceDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with book.sessions() as s:
        before = s.scalar(select(func.count()).select_from(Preference))
    type_text(qtbot, dialog.value, "碧螺春")  # an IME commit: QTest types no Chinese
    dialog.learned.setChecked(True)
    _retype(qtbot, dialog.learned_on, "1800-05-01")
    error = dialog.form.error_label("learned_on")
    assert error.isVisible() and "1900 and 2099" in error.text() and not save.isEnabled()
    _retype(qtbot, dialog.learned_on, "2025-02-29")
    assert "2025 is not a leap year" in error.toolTip() and not save.isEnabled()
    with book.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Preference)) == before
    _retype(qtbot, dialog.learned_on, "2024-02-29")
    assert not error.isVisible() and save.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    with book.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Preference)) == before + 1
