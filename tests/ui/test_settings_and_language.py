"""Settings in one typed registry; three languages, switched live; light and dark; icons."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from crmdesk.ui import i18n
from crmdesk.ui import settings as s
from crmdesk.ui.resources import icons_dir
from crmdesk.ui.settingsdialog import SettingsDialog
from crmdesk.ui.theme import apply_theme, icon
from tests.ui.test_window import _select


def test_the_registry_gives_defaults_types_and_titles(settings_path):
    store = s.Settings(settings_path)
    assert store.get(s.LOCK_AFTER_MINUTES) == 15
    assert store.get(s.LANGUAGE) == "system"
    assert store.get(s.WINDOW_GEOMETRY) == b""
    store.set(s.LOCK_AFTER_MINUTES, 5)
    store.set(s.LANGUAGE, "zh_TW")
    store.set(s.WINDOW_GEOMETRY, b"\x00\x01")
    store.sync()
    again = s.Settings(settings_path)
    assert again.get(s.LOCK_AFTER_MINUTES) == 5
    assert again.get(s.LANGUAGE) == "zh_TW"
    assert again.get(s.WINDOW_GEOMETRY) == b"\x00\x01"
    assert "lock_after_minutes=5" in settings_path.read_text()
    for setting in s.REGISTRY:
        assert setting.accepts(setting.default), setting.key
    assert len({setting.key for setting in s.REGISTRY}) == len(s.REGISTRY)


def test_bad_values_are_refused_or_read_as_the_default(settings_path):
    store = s.Settings(settings_path)
    with pytest.raises(ValueError, match="language"):
        store.set(s.LANGUAGE, "klingon")
    with pytest.raises(ValueError):
        store.set(s.LOCK_AFTER_MINUTES, -1)
    settings_path.write_text("[security]\nlock_after_minutes=soon\n[ui]\nlanguage=fr\n")
    store = s.Settings(settings_path)
    assert store.get(s.LOCK_AFTER_MINUTES) == 15
    assert store.get(s.LANGUAGE) == "system"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"),
     ("zh_Hant_MO", "zh_TW"), ("en_US", "en"), ("fr_FR", "en")],
)  # fmt: skip
def test_the_system_locale_picks_the_language(locale, expected):
    assert i18n.system_language(QLocale(locale)) == expected
    assert i18n.resolve_language("system", QLocale(locale)) == expected
    assert i18n.resolve_language("zh_CN", QLocale(locale)) == "zh_CN"


def test_translations_compile_once_and_again_when_the_source_changes(tmp_path):
    sources = tmp_path / "ts"
    sources.mkdir()
    ts = i18n.translations_dir() / "crmdesk_zh_CN.ts"
    (sources / ts.name).write_bytes(ts.read_bytes())
    cache = tmp_path / "cache"
    qm = i18n.compiled("zh_CN", cache=cache, sources=sources)
    assert qm is not None and qm.parent == cache and qm.stat().st_size > 1000
    stamp = qm.stat().st_mtime_ns
    assert i18n.compiled("zh_CN", cache=cache, sources=sources) == qm
    assert qm.stat().st_mtime_ns == stamp
    changed = ts.read_text(encoding="utf-8").replace("编辑客户", "修改客户", 1)
    (sources / ts.name).write_text(changed, encoding="utf-8")
    again = i18n.compiled("zh_CN", cache=cache, sources=sources)
    assert again is not None and again != qm and again.read_bytes() != qm.read_bytes()
    assert i18n.compiled("xx", cache=cache, sources=sources) is None


def test_two_checkouts_sharing_one_cache_each_get_their_own_translations(tmp_path):
    # Another checkout (or an older install) with a newer .ts used to leave its .qm in the
    # shared cache, and this one then showed that checkout's words.
    ts = i18n.translations_dir() / "crmdesk_zh_CN.ts"
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / ts.name).write_bytes(ts.read_bytes())
    (new / ts.name).write_text(
        ts.read_text(encoding="utf-8").replace("编辑客户", "修改客户", 1), encoding="utf-8"
    )
    os.utime(old / ts.name, (1_000_000, 1_000_000))  # the older checkout compiles last
    cache = tmp_path / "cache"
    new_qm = i18n.compiled("zh_CN", cache=cache, sources=new)
    old_qm = i18n.compiled("zh_CN", cache=cache, sources=old)
    assert new_qm is not None and old_qm is not None and new_qm != old_qm
    assert "修改客户".encode("utf-16-be") in new_qm.read_bytes()
    assert "修改客户".encode("utf-16-be") not in old_qm.read_bytes()
    assert i18n.compiled("zh_CN", cache=cache, sources=new) == new_qm


def test_every_source_string_is_translated_into_both_chinese(tmp_path):
    import xml.etree.ElementTree as ET

    for lang in ("zh_CN", "zh_TW"):
        tree = ET.parse(i18n.translations_dir() / f"crmdesk_{lang}.ts")
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            source = message.find("source").text
            assert text and translation.get("type") != "unfinished", (lang, source)
            assert source.count("%1") == text.count("%1"), (lang, source)
            assert ("%n" in source) == ("%n" in text), (lang, source)


def test_switching_the_language_in_settings_retranslates_the_window(window, app, qtbot):
    _select(window, qtbot, window.contacts, "曾国梁")
    assert window.tabs.tabText(0) == "Contacts"
    window.act_settings.trigger()
    dialog = window.findChild(SettingsDialog)
    language = dialog.editors[s.LANGUAGE.key]
    language.setCurrentIndex(language.findData("zh_CN"))
    dialog.editors[s.LOCK_AFTER_MINUTES.key].setValue(5)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert app.settings.get(s.LANGUAGE) == "zh_CN"
    assert app.session._idle.interval() == 5 * 60_000
    assert window.tabs.tabText(0) == "联系人"
    assert window.act_new_contact.text() == "新建联系人(&C)"
    assert window.lock_label.text() == "已解锁"
    assert window.contacts.count.text() == "7 位联系人"
    assert window.contacts.tier.itemText(0) == "全部级别"
    qtbot.waitUntil(lambda: "农历八月十五（1968）" in window.detail.text())
    assert "决策者" in window.detail.text()
    app.settings.set(s.LANGUAGE, "zh_TW")
    window.apply_settings()
    assert window.tabs.tabText(0) == "聯絡人"
    qtbot.waitUntil(lambda: "農曆八月十五（1968）" in window.detail.text())
    app.settings.set(s.LANGUAGE, "en")
    window.apply_settings()
    assert window.tabs.tabText(0) == "Contacts"
    qtbot.waitUntil(lambda: "lunar month 8, day 15 (1968)" in window.detail.text())


def test_dark_and_light(qtbot):
    app = QApplication.instance()
    apply_theme(app, "dark")
    dark = app.palette().color(QPalette.ColorRole.Window)
    assert dark.lightness() < 60
    apply_theme(app, "light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert app.property("crmdeskTheme") == "light"


@pytest.mark.parametrize("path", sorted(icons_dir().glob("*.svg")), ids=lambda p: p.stem)
def test_every_icon_renders(path: Path, qtbot):
    pixmap = icon(path.stem).pixmap(32, 32)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    drawn = sum(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32))
    assert drawn > 20, path.name
