"""First run, unlocking, and locking — driven as a user would, on real SQLCipher books."""

from __future__ import annotations

import gc
import json
import os
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from crmdesk.db.book import create_book
from crmdesk.db.keys import KeyringStore
from crmdesk.db.sample import fill_sample
from crmdesk.ui.unlock import WelcomeDialog

PASSPHRASE = "correct horse battery"


def _welcome(app, qtbot) -> WelcomeDialog:
    app.window.show()
    app.session.start()
    dialog = app.window.findChild(WelcomeDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_welcomes_and_creates_a_passphrase_book(app, qtbot):
    dialog = _welcome(app, qtbot)
    # On the button itself (a radio button takes clicks on its circle and its text only).
    radio = dialog.use_passphrase
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert dialog.use_passphrase.isChecked() and dialog.passphrase.isVisible()
    # Too short: said at the field, nothing created.
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    error = dialog.form.error_label("passphrase")
    assert error.isVisible() and "8" in error.text()
    assert not app.session.path.exists()
    # Two different passphrases: said at the repeat field.
    dialog.passphrase.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE + "!")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_label("repeat").isVisible()
    assert "not the same" in dialog.form.error_label("repeat").text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.session.desk is not None)
    window = app.window
    # A new book is empty: its three ways forward take the tables' place.
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_steps)
    assert window.lock_label.text() == "Unlocked"
    assert window.book_label.text() == "Book: book.crmdesk"
    side = json.loads(app.session.path.with_name("book.crmdesk.json").read_text())
    assert side["key_source"] == "passphrase"
    # The passphrase is nowhere on disk.
    assert PASSPHRASE.encode() not in app.session.path.read_bytes()
    assert dialog.passphrase.text() == ""


def test_quitting_the_welcome_creates_nothing(app, qtbot):
    dialog = _welcome(app, qtbot)
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert not app.session.path.exists()
    assert not app.window.isVisible()


@pytest.fixture
def passphrase_book(app):
    book = create_book(app.session.path, passphrase=lambda _p: PASSPHRASE, prefer_passphrase=True)
    with book.session() as s, s.begin():
        fill_sample(s)
    book.close()
    return app.session.path


def test_a_passphrase_book_asks_and_says_plainly_when_it_is_wrong(app, qtbot, passphrase_book):
    window = app.window
    window.show()
    app.session.start()
    screen = window.lock_screen
    assert window.stack.currentWidget() is screen
    assert screen.passphrase.isVisible()
    assert window.lock_label.text() == "Locked"
    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert "Wrong passphrase" in screen.error.text()
    assert app.session.desk is None
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 7)
    assert window.stack.currentWidget() is window.splitter
    assert screen.passphrase.text() == ""


def test_ctrl_l_locks_closes_the_book_and_forgets_what_was_shown(app, qtbot, passphrase_book):
    window = app.window
    window.show()
    app.session.start()
    qtbot.keyClicks(window.lock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.contacts.model.cached_row(0) is not None)
    window.contacts.select_id(window.contacts.model.id_at(0))
    qtbot.waitUntil(lambda: window.detail.page is not None)
    desk = app.session.desk
    engine = weakref.ref(desk._book.engine)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.contacts.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.session.desk is None
    assert not desk.is_open
    assert window.stack.currentWidget() is window.lock_screen
    assert window.contacts.model.rowCount() == 0
    assert window.accounts.model.rowCount() == 0
    assert window.detail.page is None and window.detail.text() == ""
    assert window.lock_label.text() == "Locked"
    assert not window.act_new_contact.isEnabled()
    # Once the worker has closed the book behind the tasks queued before the lock (the planner's
    # and the Team tab's loads start after the first rows), nothing holds the engine any more,
    # and with it went the only reference to the key.
    qtbot.waitUntil(lambda: gc.collect() >= 0 and engine() is None, timeout=30_000)
    # And it opens again.
    qtbot.keyClicks(window.lock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == 7)


def test_idle_time_locks_the_book(window, app, qtbot):
    app.session._idle.setInterval(150)  # the setting is in minutes; the timer is the same
    app.session._restart_idle()
    qtbot.waitUntil(lambda: app.session.desk is None, timeout=3000)
    assert window.stack.currentWidget() is window.lock_screen
    assert window.contacts.model.rowCount() == 0


def test_input_postpones_the_idle_lock(window, app, qtbot):
    idle = app.session._idle
    idle.setInterval(60_000)  # long enough that no loaded machine reaches it by accident
    app.session._restart_idle()
    for _ in range(3):
        qtbot.wait(1000)
        before = idle.remainingTime()  # at most 59 s left
        qtbot.keyClick(window.contacts.table, Qt.Key.Key_Down)
        assert idle.remainingTime() > before  # the key started the idle time again
    assert app.session.desk is not None
    idle.setInterval(300)
    app.session._restart_idle()
    qtbot.waitUntil(lambda: app.session.desk is None, timeout=10_000)


def _real_keyring() -> KeyringStore:
    store = KeyringStore()
    if not store.usable():
        if os.environ.get("CRMDESK_REQUIRE_KEYRING"):
            pytest.fail(
                f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}"
            )
        pytest.skip(f"no usable keyring here ({store.name}); CI runs one under dbus-run-session")
    return store


def test_a_keyring_book_is_created_and_later_unlocks_silently(app, qtbot):
    store = _real_keyring()
    dialog = _welcome(app, qtbot)
    assert dialog.use_keyring.isEnabled() and dialog.use_keyring.isChecked()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.session.desk is not None)
    book_id = json.loads(app.session.path.with_name("book.crmdesk.json").read_text())["book_id"]
    try:
        app.session.lock()
        assert app.window.lock_screen.button.isVisible()
        assert not app.window.lock_screen.passphrase.isVisible()
        qtbot.mouseClick(app.window.lock_screen.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.session.desk is not None)
        # A later start opens it with no question asked.
        app.session.lock()
        app.session.start()
        qtbot.waitUntil(lambda: app.session.desk is not None)
    finally:
        store.forget(book_id)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The machine's keyring hidden, as on a headless box: keyring's own "fail" back end, so the
    no-keyring path runs everywhere, CI's real Secret Service included."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(before)


def test_no_keyring_offers_only_the_passphrase(no_keyring, app, qtbot):
    assert not KeyringStore().usable()
    dialog = _welcome(app, qtbot)
    assert not dialog.use_keyring.isEnabled()
    assert dialog.use_passphrase.isChecked()
    assert "No usable keyring" in dialog.keyring_note.text()
