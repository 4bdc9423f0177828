"""The lazy table models over a real book: ids first, rows by block, filters, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.db import browse
from crmdesk.db.services import contacts
from crmdesk.ui.models import (
    ID_ROLE,
    PLACEHOLDER,
    AccountTableModel,
    ContactTableModel,
    Suggestion,
    SuggestionModel,
)


def _names(model: ContactTableModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_contact_model_passes_the_model_tester(qtmodeltester, qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    qtbot.waitUntil(lambda: model.cached_row(0) is not None)
    assert model.rowCount() == 7
    qtmodeltester.check(model)


def test_account_model_passes_the_model_tester(qtmodeltester, qtbot, desk, sample):
    model = AccountTableModel()
    model.set_desk(desk)
    qtbot.waitUntil(lambda: model.cached_row(0) is not None)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_suggestion_model_passes_the_model_tester(qtmodeltester):
    model = SuggestionModel()
    model.set_items([Suggestion("1", "张伟", "京南建设集团"), Suggestion("2", "王丽", "")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "张伟 — 京南建设集团"
    assert model.data(model.index(1, 0), ID_ROLE) == "2"


def test_rows_arrive_after_a_placeholder_and_announce_themselves(qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    # The ids are there at once; the first row's text is a placeholder until its block arrives.
    assert model.rowCount() == 7
    assert model.data(model.index(0, ID_ROLE - ID_ROLE)) in (
        PLACEHOLDER,
        model.cached_row(0).name if model.cached_row(0) else None,
    )
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert PLACEHOLDER not in _names(model)


def test_names_sort_by_pinyin_and_reverse(qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    qtbot.waitUntil(lambda: model.cached_row(6) is not None)
    # 陈 chen < 单 shan < 欧阳 ouyang?  By pinyin: chen, emily, ouyang, shan, wang, zeng, zhang.
    assert _names(model) == ["陈明", "Emily Carter", "欧阳娜", "单晓峰", "王丽", "曾国梁", "张伟"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.cached_row(0) is not None and PLACEHOLDER not in _names(model))
    assert _names(model)[0] == "张伟"
    assert _names(model)[-1] == "陈明"


def test_filters_by_text_pinyin_initials_tier_and_account(qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    for text, expected in (("zgl", ["曾国梁"]), ("ceng", ["曾国梁"]), ("王", ["王丽"]),
                           ("shan", ["单晓峰"]), ("6543", ["陈明"])):  # fmt: skip
        model.set_filter(browse.ContactFilter(text=text))
        qtbot.waitUntil(lambda: PLACEHOLDER not in _names(model))
        assert _names(model) == expected, text
    model.set_filter(browse.ContactFilter(tier="A"))
    qtbot.waitUntil(lambda: PLACEHOLDER not in _names(model))
    assert sorted(_names(model)) == sorted(["张伟", "欧阳娜"])
    model.set_filter(browse.ContactFilter(account_id=sample.account))
    assert model.rowCount() == 4


def test_a_write_reloads_the_model(qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    with qtbot.waitSignal(model.loaded):
        desk.write(contacts.add_contact, changes="contact", name="安娜").run()
    assert model.rowCount() == 8
    assert model.data(model.index(0, 0), ID_ROLE) == model.id_at(0)


def test_detaching_forgets_every_row(qtbot, desk, sample):
    model = ContactTableModel()
    model.set_desk(desk)
    qtbot.waitUntil(lambda: model.cached_row(0) is not None)
    model.set_desk(None)
    assert model.rowCount() == 0
    assert model.cached_row(0) is None
