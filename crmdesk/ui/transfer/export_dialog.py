"""File > Export…: a format, what to export, a file; the export runs on the database worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.db.transfer.audit import record_transfer
from crmdesk.db.transfer.exporting import EXPORT_FORMATS, SUFFIXES, ExportResult
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.transfer import jobs
from crmdesk.ui.transfer.texts import FORMAT_LABELS, WHAT_LABELS, label

# What each format can hold (the db layer refuses the rest; the dialog does not offer it).
_WHATS = {
    "vcard": ("contacts",),
    "csv": ("contacts", "accounts"),
    "xlsx": ("all", "contacts", "accounts"),
    "json": ("all", "contacts", "accounts"),
}


class ExportDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.export_result: ExportResult | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)
        self.format = QComboBox(self)
        for fmt in EXPORT_FORMATS:
            self.format.addItem(label(FORMAT_LABELS, fmt), fmt)
        self.format.setCurrentIndex(EXPORT_FORMATS.index("xlsx"))
        self.what = QComboBox(self)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.setMinimumWidth(320)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Export:"), self.what)
        form.addRow(self.tr("File:"), row)
        self.note = QLabel(
            self.tr("A manager's book holds the team's records: the export includes each "
                    "record's owner."),
            self,
        )  # fmt: skip
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path.textChanged.connect(self._update)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        self.what.clear()
        for what in _WHATS[fmt]:
            self.what.addItem(label(WHAT_LABELS, what), what)
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(SUFFIXES[fmt])))
        else:
            name = "crmdesk-" + ("contacts" if fmt in ("vcard", "csv") else "book")
            self.path.setText(str(Path.home() / (name + SUFFIXES[fmt])))
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip()))

    def browse(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), f"*{SUFFIXES[fmt]}"
        )
        if path:
            self.path.setText(path)

    def export(self) -> None:
        fmt, what = self.format.currentData(), self.what.currentData()
        path = Path(self.path.text().strip()).expanduser()
        book = self.desk.book
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)

        def done(result: ExportResult) -> None:
            self.export_result = result
            self.export_button.setEnabled(True)
            self.status.setText(
                self.tr("Exported %1 records to %2.")
                .replace("%1", f"{result.total:,}")
                .replace("%2", result.path)
            )
            if book is not None:
                self.desk.runner.op(record_transfer, book, "export", what, result.total).run()

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(error_text(error))

        book_id = book.info.book_id if book is not None else None
        self.desk.read(jobs.run_export, path, fmt, what, book_id).success(done).failure(
            failed
        ).run()
