"""The lazy table models over a real book: ids first, rows by block, filters, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crmdesk.db import browse
from crmdesk.db.services import contacts
from crmdesk.ui.models import (
    ID_ROLE,
    PLACEHOLDER,
    AccountTableModel,
    ChoiceModel,
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


def test_choice_model_passes_the_model_tester(qtmodeltester):
    model = ChoiceModel()
    model.set_items("All tiers", [("S", "S · Strategic"), ("A", "A · Partner")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "All tiers"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) is None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.UserRole) == "A"
    assert model.row_of("A") == 2 and model.row_of(None) == 0 and model.row_of("x") == -1
    model.set_everything("全部级别")
    assert model.data(model.index(0, 0)) == "全部级别"


def test_rows_arrive_after_a_placeholder_and_announce_themselves(qtbot, desk, sample):
    model = ContactTableModel()
    model.BLOCK = 2  # blocks of two rows, so seven rows make four blocks
    model.set_desk(desk)
    # The ids and the first block come together; the other rows are fetched when asked for.
    assert model.rowCount() == 7
    assert model.cached_row(0) is not None and model.cached_row(1) is not None
    assert model.cached_row(5) is None
    assert model.data(model.index(5, 0)) == PLACEHOLDER
    assert model.data(model.index(5, 1)) is None
    with qtbot.waitSignal(model.dataChanged, timeout=2000) as changed:
        pass
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row()) == (4, 5)
    assert model.data(model.index(5, 0)) == model.cached_row(5).name
    assert model.cached_row(2) is None  # rows nobody asked for are not fetched


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
