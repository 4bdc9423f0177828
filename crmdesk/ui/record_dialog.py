"""The shape every add/edit dialog shares: a scrollable form, Save/Cancel, Ctrl+Enter saves,
errors at the field.

Checked fields (dates, times, amounts) are watched as they are typed: an impossible value is named
under its field and Save stays disabled, so a dialog never writes some other value than the one
typed. Whatever only the service can check comes back as a ``ValidationError`` on the GUI thread
and is shown under the field it names, the dialog staying open with everything typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import vocab
from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.ui import labels
from crmdesk.ui.date_fields import CheckedField
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import Form, error_text


def vocab_box(parent: QWidget, vocabulary: vocab.Vocabulary, *, blank: bool = True) -> QComboBox:
    box = QComboBox(parent)
    if blank:
        box.addItem("", None)
    for code, label in labels.choices(vocabulary):
        box.addItem(label, code)
    return box


class RecordDialog(QDialog):
    """Shared shape: a scrollable form, Save/Cancel, Ctrl+Enter saves, errors at the field."""

    saved = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.form = Form(self)
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        self.result_view: Any = None
        self._busy = False
        self._watched: list[tuple[CheckedField, QCheckBox | None]] = []

    def _watch(self, field: CheckedField, enabled_by: QCheckBox | None = None) -> None:
        """Check ``field`` as typed: its error at the field, Save disabled while it is wrong
        (and, with ``enabled_by``, only while that box is ticked)."""
        self._watched.append((field, enabled_by))
        field.checked.connect(lambda error, f=field: self._field_checked(f, error))
        if enabled_by is not None:
            enabled_by.toggled.connect(lambda _on: self._update_save())

    def _field_checked(self, field: CheckedField, error: ValidationError | None) -> None:
        label = self.form.error_label(field.field)
        if label is not None:
            label.setText(field.error_message())
            label.setToolTip(error.message if error else "")
            label.setVisible(error is not None)
        self._update_save()

    def inputs_valid(self) -> bool:
        """Every checked field that counts holds a real value (subclasses add their own)."""
        return all(f.is_valid() for f, box in self._watched if box is None or box.isChecked())

    def _update_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.inputs_valid() and not self._busy)

    def _layout(self, *pages: tuple[str, QWidget]) -> None:
        layout = QVBoxLayout(self)
        if len(pages) == 1:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(pages[0][1])
            layout.addWidget(scroll, 1)
        else:
            tabs = QTabWidget(self)
            for title, page in pages:
                scroll = QScrollArea(tabs)
                scroll.setWidgetResizable(True)
                scroll.setWidget(page)
                tabs.addTab(scroll, title)
            layout.addWidget(tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def show_error(self, error: BaseException) -> None:
        field = error.field if isinstance(error, CrmdeskError) else None
        message = error_text(error)
        if not self.form.show_error(field, message):
            self.general_error.setText(message)
            self.general_error.show()

    def clear_errors(self) -> None:
        self.form.clear_errors()
        self.general_error.hide()

    def _values(self) -> dict[str, Any]:
        raise NotImplementedError

    def _write(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def save(self) -> None:
        if self._busy or not self.inputs_valid():
            return  # Ctrl+Enter with an impossible value: its error is already at the field
        self.clear_errors()
        try:
            values = self._values()
        except CrmdeskError as exc:  # checks made here, e.g. an amount that does not parse
            self.show_error(exc)
            return
        self._busy = True
        self.buttons.setEnabled(False)
        op = self._write(values)
        op.success(self._on_saved).failure(self.show_error).finally_(self._done).run()

    def _done(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self._update_save()

    def _on_saved(self, view: Any) -> None:
        self.result_view = view
        self.saved.emit(view)
        self.accept()
