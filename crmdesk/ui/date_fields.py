"""Date and time fields that never change what was typed: the text is the value.

Qt's date editors silently turn an impossible entry into some other day (``2026-02-30`` into the
3rd of February, ``25:99`` into a wrapped time). These fields keep the text as typed, check it
against the date policy of :mod:`crmdesk.core.dates` at every key, and say what is wrong at the
field; the dialog keeps Save disabled until every field holds a real value.
:mod:`crmdesk.ui.money_field` does the same for amounts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from crmdesk.core import dates
from crmdesk.core.errors import ValidationError
from crmdesk.ui.forms import error_text

_YEAR_MONTH = re.compile(r"\s*(\d{4})-(\d{1,2})-")


class CheckedField(QLineEdit):
    """A line edit whose text must parse; ``checked`` carries the error (None: valid)."""

    checked = Signal(object)  # ValidationError | None

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error: ValidationError | None = None
        self.textChanged.connect(self._check)

    def _parse(self, text: str) -> object:  # pragma: no cover - overridden
        raise NotImplementedError

    def _check(self, text: str) -> None:
        try:
            self._parse(text)
            error = None
        except ValidationError as exc:
            error = exc
        self.error = error
        self.checked.emit(error)

    def is_valid(self) -> bool:
        return self.error is None

    def error_message(self) -> str:
        """The translated sentence shown under the field ("" when the text is valid)."""
        return error_text(self.error) if self.error is not None else ""


def _day_message(text: str, error: ValidationError) -> str | None:
    """ "February 2026 has 28 days." for a day past the month's end, in the GUI's language."""
    if error.code != "day_out_of_range":
        return None
    found = _YEAR_MONTH.match(text)
    if found is None:
        return None
    year, month = int(found[1]), int(found[2])
    if not 1 <= month <= 12:
        return None
    return (
        QCoreApplication.translate(
            "DateFields", "This day does not exist: month %2 of %1 has %3 days."
        )
        .replace("%1", f"{year:04d}")
        .replace("%2", str(month))
        .replace("%3", str(dates.month_length(year, month)))
    )


class DateTimeField(CheckedField):
    """``yyyy-MM-dd HH:mm`` in the local zone."""

    def __init__(self, value: dt.datetime, field: str, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.setPlaceholderText("2026-11-20 19:00")
        self.setText(value.strftime("%Y-%m-%d %H:%M"))

    def _parse(self, text: str) -> dt.datetime:
        return dates.parse_datetime(text, field=self.field)

    def value(self) -> dt.datetime:
        """The moment typed, with this machine's zone; ValidationError if it is not one."""
        return self._parse(self.text())

    def error_message(self) -> str:
        if self.error is None:
            return ""
        return _day_message(self.text(), self.error) or error_text(self.error)


class DateField(CheckedField):
    """``yyyy-MM-dd``."""

    def __init__(self, value: dt.date, field: str, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.setPlaceholderText("2026-12-01")
        self.setText(value.isoformat())

    def _parse(self, text: str) -> dt.date:
        return dates.parse_date(text, field=self.field)

    def value(self) -> dt.date:
        return self._parse(self.text())

    def error_message(self) -> str:
        if self.error is None:
            return ""
        return _day_message(self.text(), self.error) or error_text(self.error)


class YearField(CheckedField):
    """A year typed as digits (full-width ones from an IME too), within the date policy; kept as
    typed, where a spin box would refuse the key or go back to its last value unexplained."""

    def __init__(self, value: int, field: str = "year", parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.setPlaceholderText(str(dt.date.today().year))
        self.setText(str(value))

    def _parse(self, text: str) -> int:
        digits = unicodedata.normalize("NFKC", text).strip()
        if not digits.isascii() or not digits.isdigit():
            raise ValidationError(f"{text!r} is not a year", field=self.field, code="year_syntax")
        return dates.check_year(int(digits), field=self.field)

    def value(self) -> int:
        return self._parse(self.text())
