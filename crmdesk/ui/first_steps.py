"""An empty book's first screen: three ways forward instead of an empty table.

Import the contacts of a phone (the import wizard reads a vCard or a spreadsheet), add the first
contact by hand, or try the app on a sample book. The sample is a book of its own, made on the
worker in a scratch folder and opened in a second window: the rep's real book stays empty and
nothing of the sample can reach the company server. Its key exists only in memory (a random
passphrase nobody is shown), so the sample is gone once its window closes.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui.theme import icon

if TYPE_CHECKING:
    from crmdesk.db.book import Book

SAMPLE_NAME = "sample.crmdesk"


def make_sample_book(folder: Path) -> Book:
    """A new book filled with the sample accounts, contacts and history (worker)."""
    from crmdesk.db.book import create_book
    from crmdesk.db.sample import fill_sample

    key = secrets.token_urlsafe(32)  # held by the returned Book only; never shown or stored
    book = create_book(
        folder / SAMPLE_NAME, passphrase=lambda _purpose: key, prefer_passphrase=True
    )
    with book.session() as session, session.begin():
        fill_sample(session)
    return book


def scratch_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="crmdesk-sample-"))


class FirstSteps(QFrame):
    """Shown in place of the tables while the book has no contact."""

    import_requested = Signal()
    add_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.symbol = QLabel(self)
        self.symbol.setPixmap(icon("crmdesk").pixmap(64, 64))
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QCommandLinkButton(self)
        self.import_button.setObjectName("firstImport")
        self.import_button.setIcon(icon("contact-add"))
        self.add_button = QCommandLinkButton(self)
        self.add_button.setObjectName("firstContact")
        self.add_button.setIcon(icon("contact"))
        self.sample_button = QCommandLinkButton(self)
        self.sample_button.setObjectName("firstSample")
        self.sample_button.setIcon(icon("account"))
        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.import_button.clicked.connect(self.import_requested)
        self.add_button.clicked.connect(self.add_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        # One column thirty lines of text wide: descriptions wrap inside it at any scaling.
        column = QWidget(self)
        column.setFixedWidth(self.fontMetrics().height() * 30)
        inner = QVBoxLayout(column)
        widgets: tuple[QWidget, ...] = (self.symbol, self.heading, self.intro)
        for widget in widgets:
            inner.addWidget(widget)
        inner.addSpacing(12)
        widgets = (self.import_button, self.add_button, self.sample_button, self.status)
        for widget in widgets:
            inner.addWidget(widget)
        # Centred by stretches, not by an alignment flag: an aligned item gets its plain size
        # hint, and the descriptions' second lines were cut off ("your own book" and no more).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your book is empty"))
        self.intro.setText(self.tr("Three ways to start:"))
        self.import_button.setText(self.tr("Import your phone's contacts…"))
        self.import_button.setDescription(
            self.tr("A vCard (.vcf) exported from a phone or address book, or a CSV/Excel list.")
        )
        self.add_button.setText(self.tr("Add your first contact…"))
        self.add_button.setDescription(self.tr("Name, company, phone: the rest can come later."))
        self.sample_button.setText(self.tr("Try a sample book"))
        self.sample_button.setDescription(
            self.tr(
                "Opens a separate book with sample customers in a new window; your own book "
                "stays empty."
            )
        )

    def set_busy(self, busy: bool) -> None:
        self.sample_button.setEnabled(not busy)
        self.status.setText(self.tr("Making the sample book…") if busy else "")
