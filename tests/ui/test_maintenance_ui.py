"""Tools → Check the book… / Back up now / Restore…, and lists that follow writes made by another
process (the CLI while the app is open)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.db.backup import list_backups
from crmdesk.db.book import create_book, open_book
from crmdesk.db.keys import KeyringStore
from crmdesk.db.models import Contact
from crmdesk.db.sample import fill_sample
from tests.db.damage_kit import MemoryKeyring


@pytest.fixture
def keyring_app(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """The whole app (inline tasks, English) on a keyring book with the sample records."""
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build

    store = KeyringStore(MemoryKeyring())
    path = tmp_path / "book.crmdesk"
    with create_book(path, keystore=store) as book, book.session() as session, session.begin():
        fill_sample(session)
    settings_path = tmp_path / "settings.ini"
    prefs = s.Settings(settings_path)
    prefs.set(s.LANGUAGE, "en")
    prefs.sync()
    built = build(
        path,
        settings_path=settings_path,
        keystore=store,
        inline=True,
        translations_cache=tmp_path / "qm",
        start=True,
    )
    qtbot.addWidget(built.window)
    built.window.show()
    model = built.window.contacts.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.cached_row(0) is not None)
    built.store = store  # type: ignore[attr-defined]
    yield built
    built.session.close()
    built.runner.shutdown()


def test_tools_menu_backs_up_checks_and_restores(
    keyring_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = keyring_app.window
    path = keyring_app.session.path
    titles = [a.text() for a in window.tools.menu.actions()]
    assert titles == ["Festival &campaigns…", "", "&Check the book…", "&Back up now", "&Restore…"]

    window.tools.act_backup.trigger()
    assert len(list_backups(path)) == 1
    assert "Backed up and checked" in window.statusBar().currentMessage()

    dialog = window.tools.open_dialog(check=True)
    assert "The book is sound" in dialog.check_result.text()
    assert dialog.table.rowCount() == 1

    # A contact added after the backup goes away when the backup is restored.
    before = window.contacts.model.rowCount()
    from crmdesk.db.services import contacts

    keyring_app.session.desk.write(contacts.add_contact, changes="contact", name="备份之后").run()
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == before + 1)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: keyring_app.session.desk is not None)
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == before)
    assert "Restored" in dialog.status.text()
    assert any(".replaced-" in p.name for p in path.parent.iterdir())


def test_a_write_made_by_another_process_refreshes_the_lists(keyring_app: Any, qtbot: Any) -> None:
    window = keyring_app.window
    maintenance = window.tools.maintenance
    maintenance._poll()  # the baseline
    before = window.contacts.model.rowCount()
    # Another writer (as the CLI would be), on its own engine.
    with (
        open_book(keyring_app.session.path, keystore=keyring_app.store) as other,
        other.session() as s,
        s.begin(),
    ):
        s.add(Contact(name="命令行写入"))
    maintenance._poll()
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == before + 1)


def test_damage_in_the_search_index_is_repaired_without_asking(
    keyring_app: Any, qtbot: Any
) -> None:
    import shutil

    from crmdesk.db.integrity import Reader, full_check
    from tests.db.damage_kit import flip, pages

    window = keyring_app.window
    book = keyring_app.session.desk.book
    key = book.key
    with book.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = keyring_app.session.path
    probe = path.with_name("probe.crmdesk")
    derived_page = None
    for page in range(pages(path), 2, -1):
        shutil.copyfile(path, probe)
        flip(probe, page)
        reader = Reader(probe, key)
        try:
            if full_check(reader).derived_only:
                derived_page = page
                break
        finally:
            reader.close()
    assert derived_page is not None
    probe.unlink()
    flip(path, derived_page)
    before = window.contacts.model.rowCount()
    repaired: list[Any] = []
    window.tools.maintenance.repaired.connect(repaired.append)
    # As if a search had just failed on the damaged page.
    from crmdesk.db.integrity import damaged

    keyring_app.runner.unhandled(damaged(path))
    qtbot.waitUntil(lambda: bool(repaired) and keyring_app.session.desk is not None)
    assert not repaired[0].lost_anything
    qtbot.waitUntil(lambda: window.contacts.model.rowCount() == before)
    reader = Reader(path, key)
    try:
        assert full_check(reader).ok
    finally:
        reader.close()
