"""The import wizard and the export dialog, driven as a user would, on a real book."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select

from crmdesk.db.models import Contact
from crmdesk.db.services import contacts

CSV_TEXT = (
    "姓名,手机,邮箱,职位,备注\n"
    "张伟,138 0013 8000,zw@hd.cn,采购经理,喜欢龙井\n"
    "李四,13900000002,not-an-email,,\n"
    "王五,13900000003,,工程师,\n"
)


@pytest.fixture
def existing(book):
    with book.session() as s, s.begin():
        return contacts.add_contact(s, name="张伟", phones=["+86 138 0013 8000"], title="副总").id


def go_next(qtbot, wizard, page):
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page)


def test_the_wizard_imports_a_small_file(qtbot, desk, book, existing, tmp_path):
    from crmdesk.ui.transfer import ImportWizard

    path = tmp_path / "联系人.csv"
    path.write_text(CSV_TEXT, encoding="gbk")
    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    go_next(qtbot, wizard, wizard.mapping_page)

    page = wizard.mapping_page
    assert page.mapping() == {0: "name", 1: "phones", 2: "emails", 3: "title", 4: "notes"}
    assert page.preview_model.rowCount() == 3
    assert page.preview_model.item(0, 1).text() == "张伟"  # GBK read right
    assert "GB18030 (detected)" in page.encoding_text.text()  # and said so, above the rows
    page.set_target(4, "")  # the notes stay out
    go_next(qtbot, wizard, wizard.duplicates_page)

    dups = wizard.duplicates_page
    assert dups.model.rowCount() == 1
    assert dups.model.item(0, 1).text() == "张伟"
    diff = dups.diff.toPlainText()
    assert "副总" in diff and "采购经理" in diff  # the title is kept, and shown so
    assert "喜欢龙井" not in diff  # the notes column was unmapped
    go_next(qtbot, wizard, wizard.rejected_page)

    rejected = wizard.rejected_page
    assert rejected.model.rowCount() == 1
    assert rejected.model.item(0, 0).text() == "3"
    # 李四 is imported all the same; only his e-mail waits in the notes.
    assert rejected.model.item(0, 2).text() == "Imported; value in the notes"
    reason = rejected.model.item(0, 3)
    assert reason.text() == "This is not an e-mail address."  # the translatable sentence
    assert "not-an-email" in reason.toolTip()  # the bad value, at hand
    report = tmp_path / "errors.csv"
    rejected.save_report(str(report))
    with report.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1][:2] == ["3", "email"]

    with qtbot.waitSignal(desk.changed, timeout=5000) as changed:
        go_next(qtbot, wizard, wizard.summary_page)
    assert changed.args == ["*"]
    assert wizard.import_result is not None
    assert (wizard.import_result.created, wizard.import_result.merged) == (2, 1)
    assert "2 contacts created, 1 merged" in wizard.summary_page.text.text()
    with book.session() as s:
        names = sorted(s.scalars(select(Contact.name)))
        zhang = s.get_one(Contact, existing)
        lisi = s.scalars(select(Contact).where(Contact.name == "李四")).one()
    assert names == ["张伟", "李四", "王五"]
    assert lisi.emails == [] and "E-mail: not-an-email" in lisi.notes
    assert zhang.title == "副总" and zhang.emails == ["zw@hd.cn"] and zhang.notes == ""


def test_choosing_skip_for_a_duplicate(qtbot, desk, book, existing, tmp_path):
    from crmdesk.ui.transfer import ImportWizard

    path = tmp_path / "c.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    go_next(qtbot, wizard, wizard.mapping_page)
    go_next(qtbot, wizard, wizard.duplicates_page)
    wizard.duplicates_page.set_all("skip")
    go_next(qtbot, wizard, wizard.rejected_page)
    go_next(qtbot, wizard, wizard.summary_page)
    assert wizard.import_result.skipped == 1
    with book.session() as s:
        assert s.get_one(Contact, existing).emails == []


def test_an_unreadable_file_stays_on_the_first_page_with_the_reason(qtbot, desk, tmp_path):
    from crmdesk.ui.transfer import ImportWizard

    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(tmp_path / "missing.vcf"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "there is no file" in wizard.file_page.status.text()


def test_export_dialog_writes_the_file(qtbot, desk, sample, tmp_path):
    from crmdesk.ui.transfer import ExportDialog

    dialog = ExportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert [dialog.what.itemData(i) for i in range(dialog.what.count())] == ["contacts", "accounts"]
    target = tmp_path / "out.csv"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    # The sample book's seven contacts (fill_sample), a row each under the header.
    assert dialog.export_result is not None and dialog.export_result.total == 7
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 1 + 7
    assert str(target) in dialog.status.text()


def test_the_file_menu_opens_both(window, qtbot):
    from crmdesk.ui.transfer import ExportDialog, ImportWizard

    assert window.act_import in window.menu_file.actions()
    assert window.act_import.isEnabled() and window.act_export.isEnabled()
    wizard = window.open_import()
    dialog = window.open_export()
    assert isinstance(wizard, ImportWizard) and isinstance(dialog, ExportDialog)
    wizard.close()
    dialog.close()


def test_an_import_from_the_window_refreshes_the_contact_list(window, qtbot, tmp_path):
    model = window.contacts.model
    before = model.rowCount()
    path = tmp_path / "one.csv"
    path.write_text("姓名,手机\n新朋友,13912349876\n", encoding="utf-8")
    wizard = window.open_import()
    wizard.file_page.path.setText(str(path))
    for page in (wizard.mapping_page, wizard.duplicates_page, wizard.rejected_page,
                 wizard.summary_page):  # fmt: skip
        go_next(qtbot, wizard, page)
    qtbot.waitUntil(lambda: model.rowCount() == before + 1)
    wizard.close()


def test_the_preview_shows_the_encoding_and_another_can_be_chosen(qtbot, desk, book, tmp_path):
    """An Outlook CSV in Windows-1252: detected and shown with the decoded names; choosing a
    wrong encoding on purpose shows the damage in the preview, before anything is written."""
    from crmdesk.ui.transfer import ImportWizard

    path = tmp_path / "outlook.csv"
    path.write_bytes("First Name,Last Name,Company\r\nMaría,García,Café Olé\r\n".encode("cp1252"))
    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    go_next(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    assert "Windows-1252 (detected)" in page.encoding_text.text()
    assert page.preview_model.item(0, 1).text() == "María"
    page.encoding.setCurrentIndex(page.encoding.findData("Windows-1251"))
    page.reread("Windows-1251")
    qtbot.waitUntil(lambda: "Windows-1251 (as chosen)" in page.encoding_text.text())
    assert page.preview_model.item(0, 1).text() == "Marнa"  # the wrong guess, in plain sight
    page.reread("Windows-1252")
    qtbot.waitUntil(lambda: page.preview_model.item(0, 1).text() == "María")
    with book.session() as s:
        assert s.scalars(select(Contact.name)).all() == []  # nothing written yet
