"""First run (the welcome dialog that creates the book) and the lock screen.

Creating a book runs on the worker: probing the keyring may talk to a desktop service, and a
passphrase book costs a key derivation. Where no keyring is usable (a headless Linux, this
machine) the passphrase path is the only one offered, and said so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.ui.forms import Form, error_text
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.theme import icon

if TYPE_CHECKING:
    from crmdesk.db.book import Book
    from crmdesk.db.keys import KeyringStore

MIN_PASSPHRASE = 8


def keyring_usable(keystore: KeyringStore | None) -> bool:
    """Whether a real OS keyring answers here (worker)."""
    from crmdesk.db.keys import KeyringStore

    return (keystore if keystore is not None else KeyringStore()).usable()


def create_with(path: Path, passphrase: str | None, keystore: KeyringStore | None) -> Book:
    """Create the book: in the keyring when ``passphrase`` is None, else with it (worker)."""
    from crmdesk.db.book import create_book

    return create_book(
        path,
        keystore=keystore,
        passphrase=(lambda _purpose: passphrase) if passphrase is not None else None,
        prefer_passphrase=passphrase is not None,
    )


class WelcomeDialog(QDialog):
    """Welcomes a new user and creates their book."""

    def __init__(
        self,
        path: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        keystore: KeyringStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.runner = runner
        self.keystore = keystore
        self.book: Book | None = None
        self.setWindowTitle(self.tr("Welcome to crmdesk"))
        heading = QLabel(self.tr("Welcome to crmdesk"), self)
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "crmdesk keeps your accounts, contacts and visits in an encrypted book on this "
                "computer. Nobody can read it without its key."
            ),
            self,
        )
        intro.setWordWrap(True)
        where = QLabel(self.tr("Your book will be created at: %1").replace("%1", str(path)), self)
        where.setWordWrap(True)
        where.setProperty("role", "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_keyring = QRadioButton(
            self.tr("Keep the key in this computer's keyring (no typing to unlock)"), self
        )
        self.use_passphrase = QRadioButton(self.tr("Protect the book with a passphrase"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_keyring)
        group.addButton(self.use_passphrase)
        self.use_keyring.setEnabled(False)
        self.use_passphrase.setChecked(True)
        self.keyring_note = QLabel(self.tr("Looking for a keyring…"), self)
        self.keyring_note.setProperty("role", "muted")
        self.keyring_note.setWordWrap(True)
        self.form = Form(self)
        self.passphrase = QLineEdit(self.form)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit(self.form)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        self.form.add_row("passphrase", self.tr("&Passphrase"), self.passphrase)
        self.form.add_row("repeat", self.tr("&Repeat it"), self.repeat)
        self.warning = QLabel(
            self.tr(
                "Write the passphrase down somewhere safe: without it the book cannot be opened, "
                "by you or anyone."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "muted")
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("&Create my book"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.create_book)
        self.buttons.rejected.connect(self.reject)
        self.use_passphrase.toggled.connect(self._show_passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(self.use_keyring)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # Wide enough for the labels to wrap in a few lines at any scaling; the height follows
        # the wrapped text (no fixed size to clip it).
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.passphrase.setFocus()
        self.runner.op(keyring_usable, keystore).success(self._on_keyring).failure(
            lambda _e: self._on_keyring(False)
        ).run()

    def _on_keyring(self, usable: bool) -> None:
        self.use_keyring.setEnabled(usable)
        if usable:
            self.keyring_note.setText(self.tr("A keyring is available on this computer."))
            self.use_keyring.setChecked(True)
        else:
            self.keyring_note.setText(
                self.tr(
                    "No usable keyring was found on this computer, so the book is protected with "
                    "a passphrase."
                )
            )

    def _show_passphrase(self, on: bool) -> None:
        # The keyring path says nothing of passphrases.
        self.form.setVisible(on)
        self.warning.setVisible(on)
        self.adjustSize()

    def create_book(self) -> None:
        self.form.clear_errors()
        self.general_error.hide()
        passphrase: str | None = None
        if self.use_passphrase.isChecked():
            passphrase = self.passphrase.text()
            try:
                if len(passphrase) < MIN_PASSPHRASE:
                    raise ValidationError("too short", field="passphrase", code="short_passphrase")
                if passphrase != self.repeat.text():
                    raise ValidationError("no match", field="repeat", code="repeat_mismatch")
            except ValidationError as exc:
                self._show_error(exc)
                return
        self.create_button.setEnabled(False)
        self.general_error.setText(self.tr("Creating your book…"))
        self.general_error.show()
        (
            self.runner.op(create_with, self.path, passphrase, self.keystore)
            .success(self._on_created)
            .failure(self._show_error)
            .finally_(lambda: self.create_button.setEnabled(True))
            .run()
        )

    def _show_error(self, error: BaseException) -> None:
        code = error.code if isinstance(error, CrmdeskError) else ""
        field = error.field if isinstance(error, CrmdeskError) else None
        if code == "short_passphrase" or (field == "passphrase" and code == "invalid"):
            message = self.tr(
                "The passphrase must have at least %n character(s).", "", MIN_PASSPHRASE
            )
            field = "passphrase"
        elif code == "repeat_mismatch":
            message = self.tr("The two passphrases are not the same.")
        else:
            message = error_text(error)
        self.general_error.hide()
        if not self.form.show_error(field, message):
            self.general_error.setText(message)
            self.general_error.show()

    def _on_created(self, book: Book) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.book = book
        self.accept()


class LockScreen(QFrame):
    """Shown instead of the book while it is locked (or still opening)."""

    unlock_requested = Signal(object)  # the passphrase, or None for the keyring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._mode = "opening"
        self.symbol = QLabel(self)
        self.symbol.setPixmap(icon("lock").pixmap(64, 64))
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = QLabel(self)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setProperty("role", "muted")
        self.where.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._request)
        self.button = QPushButton(icon("unlock"), "", self)
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self._request)
        self.error = QLabel(self)
        self.error.setObjectName("unlockError")
        self.error.setProperty("role", "fieldError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        # One column of a fixed width in characters: the path and the error wrap inside it
        # (a centred label of its own width would be cut at top and bottom), and the passphrase
        # field is as wide as the column.
        self.column = QWidget(self)
        self.column.setFixedWidth(self.fontMetrics().averageCharWidth() * 56)
        inner = self.column_layout = QVBoxLayout(self.column)
        for widget in (self.symbol, self.heading, self.where, self.passphrase):
            inner.addWidget(widget)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.set_mode("opening")

    def set_path(self, path: Path) -> None:
        # A zero-width space after each separator lets a long path wrap between folders.
        self.where.setText(str(path).replace("/", "/\u200b").replace("\\", "\\\u200b"))
        self.where.setToolTip(str(path))
        self._fit_labels()

    def _fit_labels(self) -> None:
        # A wrapped label in a vertical layout gets its one-line height unless told its
        # wrapped height; without this the path and the error are cut at top and bottom.
        width = self.column.contentsRect().width() - 2 * self.column_layout.spacing()
        for label in (self.heading, self.where, self.error):
            label.setMinimumHeight(label.heightForWidth(max(width, 50)) if label.text() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.column.setFixedWidth(self.fontMetrics().averageCharWidth() * 56)
            self._fit_labels()

    def set_mode(self, mode: str) -> None:
        """``opening``, ``passphrase`` (ask for it) or ``keyring`` (an Unlock button)."""
        self._mode = mode
        self.passphrase.setVisible(mode == "passphrase")
        self.button.setVisible(mode in ("passphrase", "keyring"))
        self.button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.error.clear()
        self.retranslate()
        if mode == "passphrase":
            self.passphrase.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("Opening your book…")
            if self._mode == "opening"
            else self.tr("The book is locked")
        )
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.button.setText(self.tr("&Unlock"))
        self._fit_labels()

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Unlocking…"))
        self._fit_labels()

    def show_error(self, error: BaseException) -> None:
        self.set_busy(False)
        code = error.code if isinstance(error, CrmdeskError) else ""
        if code == "wrong_key":
            self.error.setText(self.tr("Wrong passphrase. Check it (and Caps Lock) and try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            self.error.setText(error_text(error))
        self._fit_labels()

    def _request(self) -> None:
        if self._mode == "passphrase":
            text = self.passphrase.text()
            if not text:
                self.error.setText(self.tr("Type the book's passphrase."))
                self._fit_labels()
                return
            self.set_busy(True)
            self.unlock_requested.emit(text)
        elif self._mode == "keyring":
            self.set_busy(True)
            self.unlock_requested.emit(None)

    def clear(self) -> None:
        self.passphrase.clear()
        self.error.clear()
