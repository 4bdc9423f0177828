"""The pre-visit brief: one page to read in the car, printable and exportable to PDF.

The page's data is read on the worker (``browse.contact_page`` / ``browse.account_page``); the
HTML comes from :mod:`crmdesk.ui.pages`. A PDF is laid out and written on the worker too
(``QTextDocument`` and ``QPdfWriter`` are reentrant), so a slow disk never freezes the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPdfWriter, QShortcut, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.db import browse
from crmdesk.ui import pages
from crmdesk.ui.forms import error_text
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.theme import icon


def brief_html(
    page: browse.ContactPage | browse.AccountPage, *, interactions: int = 5, days: int = 60
) -> str:
    if isinstance(page, browse.ContactPage):
        return pages.contact_brief_html(page, interactions=interactions, days=days)
    return pages.account_brief_html(page, interactions=interactions, days=days)


def write_pdf(html: str, path: Path) -> Path:
    """Lay out ``html`` on A4 and write it to ``path`` (any thread)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle("crmdesk brief")
    writer.setCreator("crmdesk")
    document = QTextDocument()
    document.setHtml(html)
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    return path


class BriefDialog(QDialog):
    """Shows a brief with Print… and Export PDF… buttons."""

    exported = Signal(Path)

    def __init__(self, html: str, title: str, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.html = html
        self.runner = runner
        self.setWindowTitle(self.tr("Brief: %1").replace("%1", title))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("brief")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        self.print_button = QPushButton(icon("print"), self.tr("&Print…"), self)
        self.pdf_button = QPushButton(icon("pdf"), self.tr("Export &PDF…"), self)
        self.print_button.clicked.connect(self.print_brief)
        self.pdf_button.clicked.connect(self.ask_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_brief)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 860)

    def print_brief(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.browser.document().print_(printer)

    def ask_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export brief as PDF"), "brief.pdf", self.tr("PDF files (*.pdf)")
        )
        if name:
            self.export_pdf(Path(name))

    def export_pdf(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Writing %1…").replace("%1", str(path)))
        (
            self.runner.op(write_pdf, self.html, path)
            .success(self._on_exported)
            .failure(self._on_failed)
            .finally_(lambda: self.pdf_button.setEnabled(True))
            .run()
        )

    def _on_exported(self, path: Path) -> None:
        self.status.setText(self.tr("Saved %1").replace("%1", str(path)))
        self.exported.emit(path)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(
            self.tr("The PDF could not be written: %1").replace("%1", error_text(error))
        )
