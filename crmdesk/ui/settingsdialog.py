"""The settings dialog, built from the typed registry in :mod:`crmdesk.ui.settings`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui import settings as s
from crmdesk.ui.i18n import LANGUAGES, QT_TRANSLATE_NOOP

_CHOICE_LABELS = {
    ("ui/language", "system"): QT_TRANSLATE_NOOP("Settings", "Follow the system"),
    ("ui/theme", "system"): QT_TRANSLATE_NOOP("Settings", "Follow the system"),
    ("ui/theme", "light"): QT_TRANSLATE_NOOP("Settings", "Light"),
    ("ui/theme", "dark"): QT_TRANSLATE_NOOP("Settings", "Dark"),
}


def _choice_label(setting: s.Setting[Any], value: Any) -> str:
    if setting is s.LANGUAGE and value in LANGUAGES:
        return LANGUAGES[value]  # each language in its own name
    source = _CHOICE_LABELS.get((setting.key, value))
    return QCoreApplication.translate("Settings", source) if source else str(value)


class SettingsDialog(QDialog):
    applied = Signal()

    def __init__(self, store: s.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in s.REGISTRY:
            if not setting.title:
                continue
            editor = self._editor(setting)
            self.editors[setting.key] = editor
            form.addRow(QCoreApplication.translate("Settings", setting.title), editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _editor(self, setting: s.Setting[Any]) -> QWidget:
        value = self.store.get(setting)
        if setting.choices:
            box = QComboBox(self)
            for choice in setting.choices:
                box.addItem(_choice_label(setting, choice), choice)
            box.setCurrentIndex(max(box.findData(value), 0))
            return box
        if setting.type is int:
            spin = QSpinBox(self)
            spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
            spin.setValue(int(value))
            return spin
        edit = QLineEdit(str(value), self)
        return edit

    def apply(self) -> None:
        for setting in s.REGISTRY:
            editor = self.editors.get(setting.key)
            if isinstance(editor, QComboBox):
                self.store.set(setting, editor.currentData())
            elif isinstance(editor, QSpinBox):
                self.store.set(setting, editor.value())
            elif isinstance(editor, QLineEdit):
                self.store.set(setting, editor.text().strip())
        self.store.sync()
        self.applied.emit()
        self.accept()
