"""The detail pane: the selected contact's or account's card, read in the background.

Showing a record starts one keyed op for its page (``browse.contact_page`` or
``browse.account_page``); only the latest selection's answer is shown. Links in the card move to
another record (``crmdesk://contact/<id>``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget
from shiboken6 import isValid

from crmdesk.db import browse
from crmdesk.ui import pages
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text


@dataclass(frozen=True)
class Shown:
    """What the pane shows: a kind ("contact"/"account") and an id."""

    kind: str
    id: str


class DetailPane(QWidget):
    # A link to another record was followed: (kind, id).
    open_record = Signal(str, str)
    # The page of the shown record arrived (for the brief and for tests).
    page_loaded = Signal(object)
    # An "Add…" link of the card: "preference", "date" or "family".
    add_requested = Signal(str)
    # A follow-up's "Done" link: its id.
    follow_up_done = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk: Desk | None = None
        self.shown: Shown | None = None
        self.page: browse.ContactPage | browse.AccountPage | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("detail")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.browser, 1)
        self.browser.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(
            self.tr("Choose a contact or an account to see everything about them here.")
        )
        if self.page is not None:
            self._render()

    def set_desk(self, desk: Desk | None) -> None:
        if self._desk is not None:
            self._desk.changed.disconnect(self._on_changed)
        self._desk = desk
        if desk is not None:
            desk.changed.connect(self._on_changed)
        self.show_record(None)

    def show_record(self, shown: Shown | None) -> None:
        self.shown = shown
        if shown is None or self._desk is None:
            self.page = None
            self.browser.clear()
            self.browser.hide()
            self.empty.show()
            return
        self._load()

    def text(self) -> str:
        return self.browser.toPlainText()

    def _load(self) -> None:
        shown, desk = self.shown, self._desk
        if shown is None or desk is None:
            return
        fn: Callable[..., browse.ContactPage | browse.AccountPage] = (
            browse.contact_page if shown.kind == "contact" else browse.account_page
        )
        (
            desk.read(fn, shown.id)
            .key(f"detail.{id(self)}")
            .success(self._on_page)
            .failure(self._on_error)
            .run()
        )

    def _on_page(self, page: browse.ContactPage | browse.AccountPage) -> None:
        if not isValid(self.browser):
            return  # its window was closed while the page was read
        self.page = page
        self._render()
        self.page_loaded.emit(page)

    def _render(self) -> None:
        page = self.page
        if page is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        if isinstance(page, browse.ContactPage):
            self.browser.setHtml(pages.contact_html(page))
        else:
            self.browser.setHtml(pages.account_html(page))
        self.browser.verticalScrollBar().setValue(scroll)
        self.empty.hide()
        self.browser.show()

    def _on_error(self, error: BaseException) -> None:
        self.page = None
        self.browser.hide()
        self.empty.setText(error_text(error))
        self.empty.show()

    def _on_changed(self, _kind: str) -> None:
        if self.shown is not None:
            self._load()

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() != pages.SCHEME:
            return
        target = url.path().lstrip("/")
        if url.host() in ("contact", "account"):
            self.open_record.emit(url.host(), target)
        elif url.host() == "add":
            self.add_requested.emit(target)
        elif url.host() == "done":
            self.follow_up_done.emit(target)
