"""Sync in the app, driven as a user would, against a real crmdesk-server on loopback (SQLite)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.db.models import Contact
from tests.server.live import PASSWORD, start_server
from tests.sync.helpers import NO_KEYRING, edit, enrolled, get


def first_contact(session: Session) -> str:
    return str(session.scalars(select(Contact.id).order_by(Contact.name)).first())


def set_title(session: Session, contact_id: str, title: str) -> None:
    contact = session.get(Contact, contact_id)
    assert contact is not None
    contact.title = title


def enrol_window(window, qtbot, url: str, user: str, password: str = PASSWORD):
    from crmdesk.ui.sync_ui import EnrolDialog

    window.sync.keystore = NO_KEYRING  # never the test machine's keyring
    window.sync.set_desk(window.desk)
    window.act_enrol.trigger()
    dialog = window.findChild(EnrolDialog, "enrolDialog")
    assert dialog is not None and dialog.isVisible()
    for widget, text in ((dialog.url, url), (dialog.user, user), (dialog.password, password)):
        widget.clear()
        qtbot.keyClicks(widget, text)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
    return dialog


def run(window, fn, *args):
    out: list[object] = []
    window.desk.write(fn, *args, changes="contact").success(out.append).run()
    return out[0] if out else None


def read(window, fn, *args):
    out: list[object] = []
    window.desk.read(fn, *args).success(out.append).run()
    return out[0]


def test_enrol_errors_are_shown_at_the_field(window, qtbot, live, sync_db) -> None:
    user = sync_db.user()
    dialog = enrol_window(window, qtbot, live.url, user, "not the password")
    assert not dialog.form.error_label("password").isHidden()
    assert "Wrong user name or password" in dialog.form.error_label("password").text()

    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "http://127.0.0.1:9")  # nothing listens on the discard port
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
    assert "cannot be reached" in dialog.form.error_label("url").text()
    assert dialog.form.error_label("password").isHidden()

    dialog.url.clear()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
    assert dialog.form.error_label("url").text() == "This is required."
    assert window.sync.status is not None and not window.sync.status.enrolled
    assert window.sync_label.text() == "Sync: not enrolled"


def test_enrol_edit_and_sync_now(window, qtbot, live, sync_db) -> None:
    user = sync_db.user()
    dialog = enrol_window(window, qtbot, live.url, user)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.sync.status.enrolled
    assert window.sync.timer.isActive()  # the background sync

    contact_id = read(window, first_contact)
    run(window, set_title, contact_id, "Purchasing lead")
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)  # Sync now
    qtbot.waitUntil(lambda: not window.sync.running)
    status = window.sync.status
    assert status.pending == 0 and status.last_sync_at is not None and status.last_error is None
    assert "0 pending" in window.sync_label.text()
    assert "Synced" in window.sync_label.text()


def test_restore_brings_the_losing_value_back(window, qtbot, live, sync_db, tmp_path: Path):
    from crmdesk.ui.sync_ui import ConflictsDialog

    user = sync_db.user()
    enrol_window(window, qtbot, live.url, user)
    window.act_sync_now.trigger()
    assert window.sync.status.pending == 0

    other = enrolled(tmp_path, "laptop", live.url, user)
    try:
        other.client.sync_once()
        contact_id = read(window, first_contact)
        edit(other.book, Contact, contact_id, title="From the laptop")
        other.client.sync_once()  # first at the server: it wins

        run(window, set_title, contact_id, "From the desk")
        window.act_sync_now.trigger()
        assert window.sync.status.open_conflicts == 1
        assert "1 conflicts" in window.sync_label.text()
        assert read(window, lambda s: s.get(Contact, contact_id).title) == "From the laptop"

        window.act_conflicts.trigger()
        dialog = window.findChild(ConflictsDialog, "conflictsDialog")
        assert dialog.table.rowCount() == 1
        cells = [dialog.table.item(0, c).text() for c in range(4)]
        assert cells[1:] == ["Title", "From the laptop", "From the desk"]  # as the card calls it
        qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)

        assert read(window, lambda s: s.get(Contact, contact_id).title) == "From the desk"
        assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()
        assert window.sync.status.open_conflicts == 0
        window.act_sync_now.trigger()
        assert window.sync.status.pending == 0
        other.client.sync_once()
        assert get(other.book, Contact, contact_id).title == "From the desk"
    finally:
        other.close()


def test_dismiss_keeps_the_current_value(window, qtbot, live, sync_db, tmp_path: Path):
    from crmdesk.ui.sync_ui import ConflictsDialog

    user = sync_db.user()
    enrol_window(window, qtbot, live.url, user)
    window.act_sync_now.trigger()
    other = enrolled(tmp_path, "tablet", live.url, user)
    try:
        other.client.sync_once()
        contact_id = read(window, first_contact)
        edit(other.book, Contact, contact_id, title="Tablet")
        other.client.sync_once()
        run(window, set_title, contact_id, "Desk")
        window.act_sync_now.trigger()
        window.act_conflicts.trigger()
        dialog = window.findChild(ConflictsDialog, "conflictsDialog")
        qtbot.mouseClick(dialog.dismiss_button, Qt.LeftButton)
        assert dialog.table.rowCount() == 0
        assert read(window, lambda s: s.get(Contact, contact_id).title) == "Tablet"
        assert window.sync.status.open_conflicts == 0
    finally:
        other.close()


def test_background_sync_runs_on_the_worker(window, qtbot, live, sync_db, monkeypatch) -> None:
    """The timer queues sync_once on the real worker thread; the GUI thread never waits; a
    "Sync now" while one runs is skipped."""
    import threading

    from crmdesk.ui import sync_ui
    from crmdesk.ui.sync_ui import SyncController
    from crmdesk.ui.tasks import TaskRunner

    threads: list[threading.Thread] = []
    release = threading.Event()
    real = sync_ui._sync_and_status

    def watched(client):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        release.wait(30)  # held on the worker until the test has tried again
        return real(client)

    user = sync_db.user()
    enrol_window(window, qtbot, live.url, user)
    runner = TaskRunner()
    desk = type(window.desk)(window.desk._book, runner)
    controller = SyncController(keystore=NO_KEYRING, interval_ms=50)
    monkeypatch.setattr(sync_ui, "_sync_and_status", watched)
    try:
        controller.set_desk(desk)
        qtbot.waitUntil(lambda: controller.status is not None and controller.timer.isActive())
        release.set()
        with qtbot.waitSignal(controller.synced, timeout=20_000):
            pass  # the timer's background sync
        assert controller.status.pending == 0
        assert threads and threads[0].name.startswith("crmdesk-db")
        assert threads[0] is not threading.main_thread()
        controller.timer.setInterval(3_600_000)  # no background sync from here on
        qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
        threads.clear()
        release.clear()
        synced: list[object] = []
        controller.synced.connect(synced.append)
        controller.sync_now()
        assert controller.running  # queued, not done: the call returned at once
        qtbot.waitUntil(lambda: len(threads) == 1)  # held on the worker
        controller.sync_now()  # skipped while one runs
        release.set()
        qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
        qtbot.wait(200)  # room for a second sync, were one queued
        assert len(threads) == 1 and len(synced) == 1
        assert threads[0].name.startswith("crmdesk-db")
    finally:
        release.set()
        controller.timer.stop()
        runner.shutdown()


def test_an_untrusted_certificate_is_said_plainly(window, qtbot, sync_db, tmp_path: Path):
    import subprocess

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    tls = start_server(
        sync_db.url,
        tmp_path / "tls.log",
        extra=("--ssl-certfile", str(cert), "--ssl-keyfile", str(key)),
    )
    try:
        user = sync_db.user()
        dialog = enrol_window(window, qtbot, tls.url, user)
        assert "certificate is not trusted" in dialog.form.error_label("ca").text()
        assert dialog.isVisible()

        qtbot.keyClicks(dialog.ca, str(tmp_path / "missing.pem"))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
        assert dialog.form.error_label("ca").text() == "The CA file cannot be read."

        dialog.ca.clear()
        qtbot.keyClicks(dialog.ca, str(cert))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        window.act_sync_now.trigger()
        assert window.sync.status.last_error is None and window.sync.status.pending == 0
    finally:
        tls.stop()


def test_locking_forgets_the_sync_state(window, qtbot, live, sync_db) -> None:
    enrol_window(window, qtbot, live.url, sync_db.user())
    assert window.sync.timer.isActive()
    assert "pending" in window.sync_label.text()
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    assert window.desk is None
    assert window.sync_label.text() == ""
    assert not window.sync.timer.isActive() and window.sync.status is None
    assert not window.act_sync_now.isEnabled()
    window.sync.sync_now()  # nothing to sync: no error
    assert not window.sync.running
