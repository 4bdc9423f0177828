"""No silent coercion in any dialog: dates and amounts typed key by key, as a rep would.

Each impossible value is refused at its own field with a sentence naming the problem (and the
range or limit where there is one), Save/OK stays disabled, even Ctrl+Enter writes nothing, and
every row of every table of the real SQLCipher book is unchanged. A valid value then saves and
reads back from the book. (The visit dialog's time and follow-up: tests/ui/test_date_fields.py.)
"""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from crmdesk.db.services import accounts, contacts, important_dates, interactions
from crmdesk.ui.editors import AccountDialog, DateDialog
from tests.book_snapshot import snapshot
from tests.ui.test_card_editing import _follow_link
from tests.ui.test_planner_view import LUNAR_BIRTHDAY, ids, view  # noqa: F401 - fixtures
from tests.ui.test_visit_and_brief import _open_visit
from tests.ui.test_window import _key, _save, _select


def _retype(qtbot, field, text: str) -> None:
    """Clear the field and type ``text`` one key at a time."""
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    assert field.text() == text  # kept as typed: no validator ate a key, no spin box clamped


# (typed, words the error under the field must contain)
BAD_AMOUNTS = [
    ("12,34.5.6", "not an amount"),
    ("-5", "cannot be negative"),
    ("1e9999", "not an amount"),
    ("800.505", "at most 2"),
    ("10000000000000.01", "too large: at most ¥10"),
]


def _refused(qtbot, dialog, field, error, save, book, before, typed: str, words: str) -> None:
    _retype(qtbot, field, typed)
    assert not error.isHidden() and words in error.text(), (typed, error.text())
    assert not save.isEnabled(), typed
    _save(dialog, qtbot, field)  # Ctrl+Enter does not get round the disabled button
    assert dialog.isVisible() and snapshot(book.engine) == before, typed


def test_a_gregorian_birthday_that_does_not_exist_is_refused_at_its_part(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    _follow_link(window, "crmdesk://add/date")
    dialog = window.findChild(DateDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    before = snapshot(book.engine)
    year, day = dialog.form.error_label("year"), dialog.form.error_label("day")
    for typed in ("1800", "2200"):
        _retype(qtbot, dialog.year, typed)
        assert not year.isHidden() and "between 1900 and 2099" in year.text()
        assert f"not {typed}" in year.toolTip() and not save.isEnabled()
        _save(dialog, qtbot, dialog.year)
        assert dialog.isVisible() and snapshot(book.engine) == before
    _retype(qtbot, dialog.year, "2026")
    assert year.isHidden() and save.isEnabled()
    _retype(qtbot, dialog.month, "2")
    _retype(qtbot, dialog.day, "30")
    assert not day.isHidden() and day.text() == (
        "This day does not exist: month 2 of 2026 has 28 days."
    )
    assert not save.isEnabled()
    _retype(qtbot, dialog.month, "13")
    assert not dialog.form.error_label("month").isHidden() and day.isHidden()
    assert "between 1 and 12" in dialog.form.error_label("month").text()
    _retype(qtbot, dialog.month, "2")
    _retype(qtbot, dialog.year, "")  # unknown year: 29 February is a birthday, 30 is not
    assert "month 2 has at most 29 days" in day.text()
    _retype(qtbot, dialog.day, "x")
    assert "not a date" in day.text() and not save.isEnabled()
    _save(dialog, qtbot, dialog.day)
    assert snapshot(book.engine) == before
    # A real one saves and reads back from the book.
    _retype(qtbot, dialog.year, "1985")
    _retype(qtbot, dialog.month, "3")
    _retype(qtbot, dialog.day, "14")
    assert save.isEnabled() and all(
        dialog.form.error_label(f).isHidden() for f in ("year", "month", "day", "leap")
    )
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.day)
    with book.session() as s:
        stored = important_dates.list_dates(s, contact_id=dialog.contact_id)
    assert "1985-03-14" in [d.text for d in stored]


def test_a_lunar_birthday_that_does_not_exist_is_refused_at_its_part(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    _follow_link(window, "crmdesk://add/date")
    dialog = window.findChild(DateDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.calendar.setCurrentIndex(dialog.calendar.findData("lunar"))
    before = snapshot(book.engine)
    _retype(qtbot, dialog.year, "2200")
    assert "between 1900 and 2099" in dialog.form.error_label("year").text()
    assert not save.isEnabled()
    # The 12th lunar month of 2025 has 29 days by an independent table (lunardate): day 30 of it
    # does not exist, and the message says so.
    assert LunarDate(2025, 12, 29).to_solar_date() == dt.date(2026, 2, 16)
    with pytest.raises(ValueError, match="day out of range"):
        LunarDate(2025, 12, 30).to_solar_date()
    _retype(qtbot, dialog.year, "2025")
    _retype(qtbot, dialog.month, "12")
    _retype(qtbot, dialog.day, "30")
    day = dialog.form.error_label("day")
    assert day.text() == "This day does not exist: lunar month 12 of 2025 has 29 days."
    assert not save.isEnabled()
    _save(dialog, qtbot, dialog.day)
    assert snapshot(book.engine) == before
    _retype(qtbot, dialog.day, "29")
    assert day.isHidden() and save.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.day)
    with book.session() as s:
        stored = important_dates.list_dates(s, contact_id=dialog.contact_id)
    assert "L2025-12-29" in [d.text for d in stored]


def test_a_sales_limit_that_is_not_an_amount_is_refused_as_typed(window, qtbot, book):
    _key(window, qtbot, Qt.Key.Key_N,
         Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.findChild(AccountDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.name, "Southern Grid")
    error = dialog.form.error_label("sales_limit")
    before = snapshot(book.engine)
    for typed, words in BAD_AMOUNTS:
        _refused(qtbot, dialog, dialog.sales_limit, error, save, book, before, typed, words)
    _retype(qtbot, dialog.sales_limit, "1,200,000.50")
    assert error.isHidden() and save.isEnabled()
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.sales_limit)
    with book.session() as s:
        stored = accounts.get_account(s, account_id=dialog.result_view.id)
    assert stored.sales_limit is not None and stored.sales_limit.minor == 120_000_050
    assert stored.sales_limit.currency == "CNY"


def test_a_visit_cost_or_gift_value_that_is_not_an_amount_is_refused_as_typed(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.summary, "Dinner with the plant manager")
    before = snapshot(book.engine)
    cost = dialog.form.error_label("cost")
    for typed, words in BAD_AMOUNTS:
        _refused(qtbot, dialog, dialog.cost, cost, save, book, before, typed, words)
    _retype(qtbot, dialog.cost, "1,200.50")
    assert cost.isHidden() and save.isEnabled()
    qtbot.keyClicks(dialog.gift, "tea")
    gift = dialog.form.error_label("gift_value")
    _refused(qtbot, dialog, dialog.gift_value, gift, save, book, before, "-5", "negative")
    _retype(qtbot, dialog.gift_value, "50 USD")  # a gift may name its own currency
    assert gift.isHidden() and save.isEnabled()
    # The visit's own time: years outside the date policy too.
    when = dialog.form.error_label("when")
    for typed in ("1800-01-01 10:00", "2200-01-01 10:00"):
        _refused(qtbot, dialog, dialog.when, when, save, book, before, typed, "1900 and 2099")
    _retype(qtbot, dialog.when, "2026-06-12 19:30")  # a past visit is fine, never asked about
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.summary)
    assert dialog.past_due_box is None
    with book.session() as s:
        [logged] = [
            i
            for i in interactions.list_interactions(s, limit=500)
            if i.summary == "Dinner with the plant manager"
        ]
    assert logged.cost is not None and (logged.cost.minor, logged.cost.currency) == (120_050, "CNY")
    assert [(g.value.minor, g.value.currency) for g in logged.gifts if g.value] == [(5000, "USD")]
    assert logged.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-06-12 19:30"


def test_a_follow_up_outside_the_date_policy_is_refused(window, qtbot, book):
    _select(window, qtbot, window.contacts, "曾国梁")
    dialog = _open_visit(window, qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.summary, "Quote promised")
    dialog.follow_up.setChecked(True)
    before = snapshot(book.engine)
    error = dialog.form.error_label("follow_up")
    for typed in ("1800-01-01", "2200-01-01"):
        _refused(qtbot, dialog, dialog.follow_up_on, error, save, book, before, typed, "1900")
    _refused(
        qtbot, dialog, dialog.follow_up_on, error, save, book, before, "2026-13-45", "1 and 12"
    )
    # Due today or later: saved without a question.
    _retype(qtbot, dialog.follow_up_on, (dt.date.today() + dt.timedelta(days=3)).isoformat())
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.summary)
    assert dialog.past_due_box is None


def test_a_planner_done_cost_that_is_not_an_amount_keeps_ok_disabled(
    view,  # noqa: F811
    ids: dict[str, str],  # noqa: F811
    book,
    qtbot,
) -> None:
    assert view.select_item(f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}")
    dialog = view.open_done()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    error = dialog.form.error_label("cost")
    before = snapshot(book.engine)
    qtbot.keyClicks(dialog.gift, "tea")
    for typed, words in BAD_AMOUNTS:
        _retype(qtbot, dialog.cost, typed)
        assert not error.isHidden() and words in error.text(), (typed, error.text())
        assert not ok.isEnabled()
        dialog.save()  # even called directly, nothing is written
        assert dialog.isVisible() and snapshot(book.engine) == before
    _retype(qtbot, dialog.cost, "¥800.50")
    assert error.isHidden() and ok.isEnabled()
    with qtbot.waitSignal(dialog.completed) as done:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    cost = done.args[0].interactions[0].cost
    assert (cost.minor, cost.currency) == (80_050, "CNY")
    with book.session() as s:
        logged = interactions.list_interactions(s, contact_id=ids["zhang"])
    assert logged[0].cost is not None and logged[0].cost.minor == 80_050


def test_the_import_wizard_sets_an_impossible_birthday_aside_and_says_why(
    qtbot, desk, book, tmp_path
):
    from crmdesk.ui.transfer import ImportWizard

    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nBDAY:2026-02-30\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王五\r\nBDAY:2200-01-01\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    for page in (wizard.mapping_page, wizard.duplicates_page, wizard.rejected_page):
        if wizard.currentPage() is not page:
            wizard.next()
            qtbot.waitUntil(lambda page=page: wizard.currentPage() is page)
    problems = wizard.rejected_page.model
    rows = [[problems.item(r, c).text() for c in range(4)] for r in range(problems.rowCount())]
    assert rows == [
        ["1", "Birthday", "Imported; value in the notes", "This day does not exist in that month."],
        [
            "2",
            "Birthday",
            "Imported; value in the notes",
            "The year must be between 1900 and 2099.",
        ],
    ]
    assert "February 2026 has 28 days" in problems.item(0, 3).toolTip()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_result is not None)
    with book.session() as s:
        people = {c.name: c for c in contacts.list_contacts(s, limit=100)}
        assert important_dates.list_dates(s, contact_id=people["李娜"].id) == []
        assert important_dates.list_dates(s, contact_id=people["王五"].id) == []
    assert "Birthday: 2026-02-30" in people["李娜"].notes


def test_a_follow_up_added_from_the_card_refuses_impossible_days_and_asks_once_if_past(
    window, qtbot, book
):
    from crmdesk.db.services import followups
    from crmdesk.ui.followup_dialog import FollowUpDialog

    _select(window, qtbot, window.contacts, "曾国梁")
    _follow_link(window, "crmdesk://add/followup")
    dialog = window.findChild(FollowUpDialog)
    assert dialog is not None and dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.description, "Send the revised quote")
    before = snapshot(book.engine)
    error = dialog.form.error_label("due")
    for typed, words in (
        ("2026-02-30", "month 2 of 2026 has 28 days"),
        ("2026-13-45", "between 1 and 12"),
        ("1800-01-01", "between 1900 and 2099"),
        ("2200-01-01", "between 1900 and 2099"),
        ("2026-06-3x", "not a date"),
    ):
        _refused(qtbot, dialog, dialog.due, error, save, book, before, typed, words)
    # The fixed clock's today is 2026-06-15: the 1st was 14 days ago.
    _retype(qtbot, dialog.due, "2026-06-01")
    assert error.isHidden() and save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    box = dialog.past_due_box
    assert box is not None and box.isVisible()
    assert box.text() == "This follow-up is due in the past (14 days ago). Save anyway?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and snapshot(book.engine) == before
    assert dialog.due.hasFocus() or dialog.focusWidget() is dialog.due
    _save(dialog, qtbot, dialog.description)  # asked again: the answer was no
    box = dialog.past_due_box
    assert box is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    with book.session() as s:
        mine = [
            f
            for f in followups.list_follow_ups(s, contact_id=dialog.contact_id)
            if f.description == "Send the revised quote"
        ]
    assert [f.due_on for f in mine] == [dt.date(2026, 6, 1)]
    qtbot.waitUntil(lambda: "Send the revised quote" in window.detail.text())


def test_an_opportunity_added_from_the_account_card_refuses_bad_amounts_and_days(
    window, qtbot, book
):
    from crmdesk.db.services import opportunities
    from crmdesk.ui.opportunity_dialog import OpportunityDialog

    window.tabs.setCurrentWidget(window.accounts)
    _select(window, qtbot, window.accounts, "京南建设集团")
    _follow_link(window, "crmdesk://add/opportunity")
    dialog = window.findChild(OpportunityDialog)
    assert dialog is not None and dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.name, "Tower crane fleet")
    before = snapshot(book.engine)
    amount = dialog.form.error_label("amount")
    for typed, words in BAD_AMOUNTS:
        _refused(qtbot, dialog, dialog.amount, amount, save, book, before, typed, words)
    _retype(qtbot, dialog.amount, "1,200,000.50")
    assert amount.isHidden() and save.isEnabled()
    dialog.expected.setChecked(True)
    close = dialog.form.error_label("expected_on")
    for typed, words in (
        ("2026-02-30", "month 2 of 2026 has 28 days"),
        ("1800-01-01", "between 1900 and 2099"),
        ("2200-01-01", "between 1900 and 2099"),
    ):
        _refused(qtbot, dialog, dialog.expected_on, close, save, book, before, typed, words)
    dialog.expected.setChecked(False)  # no expected close: the bad text no longer counts
    assert save.isEnabled()
    dialog.expected.setChecked(True)
    assert not save.isEnabled()
    _retype(qtbot, dialog.expected_on, "2026-09-30")
    with qtbot.waitSignal(dialog.finished):
        _save(dialog, qtbot, dialog.name)
    with book.session() as s:
        [stored] = [
            o
            for o in opportunities.list_opportunities(s, account_id=dialog.account_id)
            if o.name == "Tower crane fleet"
        ]
    assert stored.amount is not None and stored.amount.minor == 120_000_050
    assert stored.expected_on == dt.date(2026, 9, 30)
