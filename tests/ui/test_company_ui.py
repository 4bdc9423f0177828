"""The company's hold on a book, in the app: the lapsed lease at unlock, the revoked device, the
sync status's quiet background errors, who lost a conflict, rows the book could not hold, and
the manager's Team and Hand over dialogs. Real books; a real crmdesk-server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete, insert

from crmdesk.db.book import create_book, open_book
from crmdesk.db.models import Account
from crmdesk.db.sync_state import SyncConflict, SyncMeta
from crmdesk.sync.client import SyncClient
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import NO_KEYRING, add_account, enrolled

PASS = "correct horse battery"
OFFLINE_URL = "http://127.0.0.1:9"
LAPSED = "2020-03-01T08:00:00+00:00"


def set_meta(book, **values: str | None) -> None:
    with book.engine.begin() as conn:
        for key, value in values.items():
            conn.execute(delete(SyncMeta).where(SyncMeta.key == key))
            if value is not None:
                conn.execute(insert(SyncMeta).values(key=key, value=value))


def enrol_book(book, url: str, user: str) -> None:
    client = SyncClient(book, keystore=NO_KEYRING)
    try:
        client.enrol(url, user, PASSWORD)
        client.sync_once()
    finally:
        client.close()


def boxes(window, name: str) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]


# ---- lease ---------------------------------------------------------------------------------------


def test_a_lapsed_lease_keeps_the_book_closed_with_a_dialog_and_opens_when_renewed(
    app, qtbot, live: LiveServer, sync_db: Database
) -> None:
    path = app.session.path
    book = create_book(path, passphrase=lambda _p: PASS, prefer_passphrase=True)
    add_account(book, "中国建筑")
    enrol_book(book, live.url, sync_db.user())
    set_meta(book, lease_until=LAPSED, server_url=OFFLINE_URL)  # long offline, still offline
    book.close()
    window = app.window
    window.show()
    app.session.start()
    assert window.stack.currentWidget() is window.lock_screen

    app.session.unlock(PASS)

    assert app.session.desk is None and window.desk is None
    assert window.stack.currentWidget() is window.lock_screen
    [box] = boxes(window, "leaseLapsed")
    assert "1 Mar 2020" in box.text()  # 08:00 UTC: the 1st in any zone from UTC-8 eastward
    assert "company network" in box.informativeText()
    assert "lease" in window.lock_screen.error.text()
    box.accept()

    with open_book(path, passphrase=lambda _p: PASS) as again:  # back in the office
        set_meta(again, server_url=live.url)
    app.session.unlock(PASS)
    assert window.desk is not None
    # The book is open (an empty one shows its first steps, not the lock screen).
    assert window.stack.currentWidget() is window.first_steps


# ---- status --------------------------------------------------------------------------------------


def test_a_failing_background_sync_says_so_once_per_distinct_error(
    window, qtbot, live: LiveServer, sync_db: Database
) -> None:
    enrol_book(window.desk.book, live.url, sync_db.user())
    set_meta(window.desk.book, server_url=OFFLINE_URL)
    window.sync.keystore = NO_KEYRING
    window.sync.set_desk(window.desk)
    shown: list[str] = []
    window.sync.failed.connect(shown.append)

    for _ in range(3):
        window.sync.sync_now(background=True)
    assert len(shown) == 1 and "cannot be reached" in shown[0]
    assert "sync error" in window.sync_label.text()

    window.sync.sync_now()  # asked for: always answered
    assert len(shown) == 2

    set_meta(window.desk.book, server_url=live.url)
    window.sync.sync_now(background=True)
    set_meta(window.desk.book, server_url=OFFLINE_URL)
    window.sync.sync_now(background=True)  # failing again after a success: said again
    assert len(shown) == 3


def test_rows_the_book_could_not_hold_are_counted_with_a_list(window, qtbot) -> None:
    set_meta(
        window.desk.book,
        server_url=OFFLINE_URL,
        username="rep1",
        rejected=json.dumps([["tiers", "t-1"], ["tiers", "t-2"]]),
    )
    window.sync.keystore = NO_KEYRING
    window.sync.set_desk(window.desk)
    assert "2 set aside" in window.sync_label.text()
    tip = window.sync_label.toolTip()
    assert "set aside (2)" in tip and "tiers t-1" in tip and "tiers t-2" in tip


def test_the_conflicts_screen_says_whose_value_lost(window, qtbot) -> None:
    from crmdesk.ui.sync_ui import ConflictsDialog

    book = window.desk.book
    with book.sessions() as s, s.begin():
        account = s.query(Account).first()
        assert account is not None
        for cid, device in (("c-known", "dev-manager"), ("c-unknown", "dev-stranger")):
            s.add(
                SyncConflict(
                    id=cid,
                    tbl="accounts",
                    record_id=account.id,
                    field="name",
                    kind="field",
                    value="旧名",
                    winner=account.name,
                    device_id=device,
                    at="2026-11-20T09:30:00+00:00",
                )
            )
    set_meta(book, device_names=json.dumps({"dev-manager": "wang.manager"}))
    window.sync.keystore = NO_KEYRING
    window.sync.set_desk(window.desk)
    dialog = ConflictsDialog(window.sync, window)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(i, 5) for i in range(dialog.table.rowCount())]
    assert {c.text() for c in cells if c is not None} == {"wang.manager", "dev-stranger"}
    header = dialog.table.horizontalHeaderItem(5)
    assert header is not None and header.text() == "Who"
    when = {dialog.table.item(i, 4).text() for i in range(dialog.table.rowCount())}
    assert any(w.startswith("20 Nov 2026 ") for w in when)  # 09:30 UTC, in local time


def test_manager_entries_show_for_managers_only(window, qtbot) -> None:
    window.sync.keystore = NO_KEYRING
    set_meta(window.desk.book, server_url=OFFLINE_URL, username="r", role="rep")
    window.sync.set_desk(window.desk)
    assert not window.company.team.isVisible() and not window.company.handover.isVisible()
    set_meta(window.desk.book, role="manager")
    window.sync.refresh()
    assert window.company.team.isVisible() and window.company.handover.isVisible()
    app_session = window.session
    app_session.lock()
    assert not window.company.team.isVisible()


# ---- against the server's company endpoints (the SERVER branch of issue #6) ----------------


def test_a_revoked_device_leaves_the_window_and_starts_over(
    window, qtbot, live: LiveServer, sync_db: Database, tmp_path: Path
) -> None:
    user = sync_db.user()
    path = window.desk.book.path
    enrol_book(window.desk.book, live.url, user)
    device_id = SyncClient(window.desk.book, keystore=NO_KEYRING)._read("device_id")["device_id"]
    other = enrolled(tmp_path, "other", live.url, user)
    try:
        assert other.client.revoke_device(str(device_id))
    finally:
        other.close()
    window.sync.keystore = NO_KEYRING
    window.sync.set_desk(window.desk)

    window.sync.sync_now()

    assert window.desk is None and window.session.desk is None
    assert window.contacts.model.rowCount() == 0
    assert window.stack.currentWidget() is window.lock_screen
    assert not path.exists()
    [box] = boxes(window, "deviceRevoked")
    assert "revoked" in box.text()
    box.accept()
    from PySide6.QtWidgets import QDialog

    qtbot.waitUntil(lambda: window.findChild(QDialog, "welcome") is not None)


def test_the_manager_hands_a_rep_over_from_the_app(
    window, qtbot, live: LiveServer, sync_db: Database, tmp_path: Path
) -> None:
    from crmdesk.ui.handover_dialog import HandoverDialog
    from crmdesk.ui.team_dialog import TeamDialog

    team = sync_db.team()
    manager, leaver, successor = (
        sync_db.user("manager", team),
        sync_db.user("rep", team),
        sync_db.user("rep", team),
    )
    rep = enrolled(tmp_path, "leaver", live.url, leaver)
    add_account(rep.book, "离职客户一")
    add_account(rep.book, "离职客户二")
    rep.client.sync_once()
    enrolled(tmp_path, "succ", live.url, successor).close()
    enrol_book(window.desk.book, live.url, manager)
    window.sync.keystore = NO_KEYRING
    window.sync.set_desk(window.desk)
    assert window.company.handover.isVisible()

    window.company.team.trigger()
    team_dialog = window.findChild(TeamDialog, "teamDialog")
    assert team_dialog is not None
    assert {r.username for r in team_dialog.rows} >= {leaver, successor}
    team_dialog.close()

    window.company.handover.trigger()
    dialog = window.findChild(HandoverDialog, "handoverDialog")
    assert dialog is not None
    dialog.leaver.setCurrentIndex(dialog.leaver.findData(leaver))
    assert dialog.table.rowCount() == 2
    dialog.default_to.setCurrentIndex(dialog.default_to.findData(successor))
    dialog.assign_all()
    assert {c.currentData() for c in dialog.combos} == {successor}
    dialog.confirm_handover()
    assert dialog.confirm is not None and leaver in dialog.confirm.text()
    dialog.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert "2 accounts" in dialog.message.text(), dialog.message.text()
    with pytest.raises(Exception, match="revoked"):
        rep.client.sync_once()
    rep.client.close()


def test_no_display_has_its_own_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.cli import EXIT_NO_DISPLAY, EXIT_WRONG_KEY
    from crmdesk.ui import app as desktop

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    assert desktop.run(Path("unused.crmdesk")) == EXIT_NO_DISPLAY == desktop.EXIT_NO_DISPLAY
    assert EXIT_NO_DISPLAY != EXIT_WRONG_KEY
