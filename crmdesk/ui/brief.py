"""The pre-visit brief: one page to read in the car, printable and exportable to PDF.

The page's data is read on the worker (``browse.contact_page`` / ``browse.account_page``); the
HTML comes from :mod:`crmdesk.ui.pages`. A PDF is laid out and written on the worker too
(``QTextDocument`` and ``QPdfWriter`` are reentrant), so a slow disk never freezes the window.

The PDF is laid out at the writer's own resolution (the document's paint device is the writer),
so point sizes are real points: body text at 10.5 pt across the page's width within 15 mm
margins, A4 or Letter (the locale's), Chinese fonts embedded, and no entry split over two pages.
It is saved as "<name> 拜访简报 <date>.pdf" (translated) in the user's documents folder.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF, QStandardPaths, Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
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
from crmdesk.ui.i18n import CJK_FAMILIES
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.theme import icon


def brief_html(
    page: browse.ContactPage | browse.AccountPage, *, interactions: int = 5, days: int = 60
) -> str:
    if isinstance(page, browse.ContactPage):
        return pages.contact_brief_html(page, interactions=interactions, days=days)
    return pages.account_brief_html(page, interactions=interactions, days=days)


BODY_POINTS = 10.5
PDF_DPI = 300
MARGIN_MM = 15
# The brief's sizes on paper; the screen keeps the widget's own.
PRINT_STYLE = """
<style>
body { font-size: 10.5pt; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h3 { font-size: 12.5pt; margin-top: 10pt; margin-bottom: 3pt; }
td.k { padding-right: 10pt; }
</style>
"""


def default_page_size(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """Letter where paper is Letter (the US, Canada, Mexico...), else A4."""
    loc = locale if locale is not None else QLocale()
    if loc.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


def _pdf_font(language: str) -> QFont:
    font = QFont()
    families = CJK_FAMILIES.get(language, CJK_FAMILIES["zh_CN"])
    font.setFamilies(["Noto Sans", "DejaVu Sans", "Arial", *families])
    font.setPointSizeF(BODY_POINTS)
    return font


def _keep_entries_whole(document: QTextDocument) -> None:
    """Move to the next page any entry (a list item, a paragraph, a table cell's line) that
    would start on one page and end on the next. Qt breaks a block between its lines; CSS
    ``page-break-inside`` is not supported, so the laid-out document is walked instead."""
    page = document.pageSize().height()
    layout = document.documentLayout()
    cursor = QTextCursor(document)
    block = document.begin()
    previous = None
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        first, last = int(rect.top() // page), int((rect.bottom() - 1) // page)
        if first != last and rect.height() < page:
            # A heading goes with its first entry.
            moved = block
            if previous is not None and previous.blockFormat().headingLevel() > 0:
                moved = previous
            fmt = moved.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setPosition(moved.position())
            cursor.setBlockFormat(fmt)
        previous = block
        block = block.next()


def write_pdf(
    html: str,
    path: Path,
    *,
    page_size: QPageSize.PageSizeId | None = None,
    language: str = "zh_CN",
    title: str = "crmdesk brief",
) -> Path:
    """Lay out ``html`` on A4 (or ``page_size``) and write it to ``path`` (any thread)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(page_size or default_page_size()))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("crmdesk")
    document = QTextDocument()
    # Points are the writer's points: without this they are the screen's, and print tiny.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(_pdf_font(language))
    document.setDocumentMargin(0)
    document.setHtml(PRINT_STYLE + html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    _keep_entries_whole(document)
    document.print_(writer)
    return path


def pdf_file_name(template: str, name: str, day: dt.date) -> str:
    """``template`` with %1 the record's name (made safe for a file name) and %2 the date."""
    safe = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).split()).strip(".") or "brief"
    return template.replace("%1", safe).replace("%2", day.isoformat()) + ".pdf"


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class BriefDialog(QDialog):
    """Shows a brief with Print… and Export PDF… buttons."""

    exported = Signal(Path)

    def __init__(
        self,
        html: str,
        title: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        language: str = "zh_CN",
    ):
        super().__init__(parent)
        self.html = html
        self.title = title
        self.language = language
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
        # The file name: %1 the contact or account, %2 the date.
        file_name = pdf_file_name(self.tr("%1 visit brief %2"), self.title, dt.date.today())
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export brief as PDF"),
            str(documents_dir() / file_name),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            self.export_pdf(Path(name))

    def export_pdf(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("Writing %1…").replace("%1", str(path)))
        (
            self.runner.op(
                partial(write_pdf, language=self.language, title=self.title), self.html, path
            )
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
