"""Forms with validation shown at the field, and the translated text of the core's errors.

The core raises ``ValidationError(message, field=..., code=...)``; :func:`error_text` turns the
code into a translated sentence (falling back to the core's plain English message for a code it
does not know), and :class:`Form` shows it under the widget of that field and moves the focus
there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.core.errors import CrmdeskError
from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

_MESSAGES = {
    "required": QT_TRANSLATE_NOOP("Errors", "This is required."),
    "too_long": QT_TRANSLATE_NOOP("Errors", "This is too long."),
    "phone_syntax": QT_TRANSLATE_NOOP("Errors", "This is not a phone number."),
    "email_syntax": QT_TRANSLATE_NOOP("Errors", "This is not an e-mail address."),
    "amount_syntax": QT_TRANSLATE_NOOP(
        "Errors", "This is not an amount: write e.g. 800, 800.50, ¥1,200 or 50 USD."
    ),
    "negative": QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."),
    "too_precise": QT_TRANSLATE_NOOP("Errors", "This amount has too many decimal places."),
    "too_large": QT_TRANSLATE_NOOP("Errors", "This amount is too large."),
    "currency_unknown": QT_TRANSLATE_NOOP("Errors", "This currency is not known."),
    "currency_ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "'$' could be several currencies: write USD, HKD, SGD…"
    ),
    "currency_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "This amount is in another currency than the one chosen."
    ),
    "unknown_term": QT_TRANSLATE_NOOP("Errors", "Choose one of the values offered."),
    "unknown_tier": QT_TRANSLATE_NOOP("Errors", "There is no such tier."),
    "cycle": QT_TRANSLATE_NOOP("Errors", "A person cannot report to someone who reports to them."),
    "before_interaction": QT_TRANSLATE_NOOP(
        "Errors", "The follow-up date is before the interaction."
    ),
    "date_syntax": QT_TRANSLATE_NOOP("Errors", "This is not a date."),
    "day_out_of_range": QT_TRANSLATE_NOOP("Errors", "This day does not exist in that month."),
    "month_out_of_range": QT_TRANSLATE_NOOP("Errors", "The month must be between 1 and 12."),
    "future": QT_TRANSLATE_NOOP("Errors", "This date is in the future."),
    "book_damaged": QT_TRANSLATE_NOOP(
        "Errors",
        "The book is damaged: part of it can no longer be read, and nothing more is written to "
        "it. Open Tools → Restore… to recover it from the company server or a backup.",
    ),
    "book_busy": QT_TRANSLATE_NOOP(
        "Errors", "The book is busy: another crmdesk is writing to it. Try again in a moment."
    ),
    "date_out_of_range": QT_TRANSLATE_NOOP("Errors", "This date is outside the supported span."),
    "leap_not_lunar": QT_TRANSLATE_NOOP("Errors", "Only a lunar date can be in a leap month."),
    "leap_month_missing": QT_TRANSLATE_NOOP("Errors", "That lunar year has no such leap month."),
    "range_reversed": QT_TRANSLATE_NOOP("Errors", "The range ends before it starts."),
    "time_syntax": QT_TRANSLATE_NOOP("Errors", "This is not a time of day."),
    "gift_repeated": QT_TRANSLATE_NOOP(
        "Errors", "This person already received this gift: choose another one."
    ),
    "year_out_of_range": QT_TRANSLATE_NOOP("Errors", "The year must be between 1900 and 2099."),
    "year_syntax": QT_TRANSLATE_NOOP("Errors", "Type the year as digits, e.g. 2027."),
    "datetime_syntax": QT_TRANSLATE_NOOP(
        "Errors", "This is not a date and time: write e.g. 2026-11-20 19:00."
    ),
    "time_out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "This time does not exist: hours 0–23, minutes 0–59."
    ),
    "wrong_key": QT_TRANSLATE_NOOP(
        "Errors", "Wrong passphrase: it does not open this book. Check it and try again."
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "Errors", "This record no longer exists (it may have been deleted)."
    ),
}


def code_text(code: str, message: str) -> str:
    """The translated sentence for an error code of the core (``message`` when it has none)."""
    source = _MESSAGES.get(code)
    return QCoreApplication.translate("Errors", source) if source is not None else message


def error_text(error: BaseException) -> str:
    """A translated sentence for an error the core raised (its English message otherwise)."""
    if isinstance(error, CrmdeskError):
        return code_text(error.code, error.message)
    return QCoreApplication.translate("Errors", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__
    )


class Form(QWidget):
    """A form layout whose rows can show an error message under their widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}

    def add_row(self, field: str, label: str, widget: QWidget, *aliases: str) -> QWidget:
        """Add ``widget`` for ``field`` (and for errors reported under any of ``aliases``)."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setProperty("role", "fieldError")
        error.setObjectName(f"error_{field}")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, holder)
        for name in (field, *aliases):
            self._widgets[name] = widget
            self._errors[name] = error
        self._labels[field] = caption
        return widget

    def set_label(self, field: str, text: str) -> None:
        self._labels[field].setText(text)

    def widget(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def error_label(self, field: str) -> QLabel | None:
        return self._errors.get(field)

    def clear_errors(self) -> None:
        for label in set(self._errors.values()):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, message: str) -> bool:
        """Show ``message`` under ``field``; False when the form has no such field."""
        if field is None or field not in self._errors:
            return False
        label = self._errors[field]
        label.setText(message)
        label.show()
        _make_room(label)
        self._widgets[field].setFocus()
        return True


def _make_room(label: QLabel) -> None:
    """Give a wrapped message its wrapped height, and its window the room for it.

    Layouts give a word-wrapped label its one-line height, and a window sized before the message
    appeared does not grow by itself: the field above it was squeezed to a sliver and the
    message cut in half (the welcome dialog's "not the same" passphrases)."""
    row = label.parentWidget()
    width = row.contentsRect().width() if row is not None else 0
    label.setMinimumHeight(label.heightForWidth(width) if width > 0 else 0)
    window = label.window()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    needed = window.sizeHint().height()
    if window.isWindow() and window.height() < needed:
        window.resize(window.width(), needed)
