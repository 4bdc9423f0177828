"""Adding an important date (重要日子): a birthday or anniversary, Gregorian or lunar (leap months
too), the year perhaps unknown.

Year, month and day are typed as digits and kept as typed (a spin box would clamp 2200 to 2099
or 45 to 31 without a word). The date is checked at every key by
:class:`~crmdesk.core.dates.DateSpec` (the date policy's years, the month's length in that
calendar and year, the leap month); the error shows at the part it names, saying how long the
month is, and Save stays disabled until the date exists.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from crmdesk.core import vocab
from crmdesk.core.errors import ValidationError
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import error_text
from crmdesk.ui.record_dialog import RecordDialog, vocab_box


class _DatePart(QLineEdit):
    """A year, month or day typed as digits; the text is kept as typed (no spin box clamping
    2200 to 2099 or 45 to 31). ``value()`` is None when empty."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"date_{field}")
        self.setMaximumWidth(110)

    def value(self) -> int | None:
        # NFKC: a Chinese IME may type full-width digits (２０２６)
        text = unicodedata.normalize("NFKC", self.text()).strip()
        if not text:
            return None
        if not text.isascii() or not text.isdigit():
            raise ValidationError(f"{text!r} is not a number", field=self.field, code="date_syntax")
        return int(text)


class DateDialog(RecordDialog):
    """Add an important date, Gregorian or lunar (leap months too), the year perhaps unknown.

    The date is checked as it is typed (:class:`~crmdesk.core.dates.DateSpec` checks itself:
    the date policy's years, the month's length in that calendar and year, the leap month); the
    error shows at the part it names and Save stays disabled until the date exists.
    """

    def __init__(
        self,
        desk: Desk,
        contact_id: str,
        family: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Add an important date"))
        f = self.form
        self.kind = vocab_box(f, vocab.DATE_KINDS, blank=False)
        self.whose = QComboBox(f)
        self.whose.addItem(self.tr("The contact"), None)
        for member_id, name in family:
            self.whose.addItem(name, member_id)
        self.calendar = QComboBox(f)
        self.calendar.addItem(self.tr("Gregorian"), "gregorian")
        self.calendar.addItem(self.tr("Lunar (农历)"), "lunar")
        self.year = _DatePart("year", f)
        self.year.setPlaceholderText(self.tr("unknown"))
        self.month = _DatePart("month", f)
        self.month.setText("1")
        self.day = _DatePart("day", f)
        self.day.setText("1")
        self.leap = QCheckBox(self.tr("Leap month (闰月)"), f)
        self.leap.setEnabled(False)
        self.calendar.currentIndexChanged.connect(
            lambda _i: self.leap.setEnabled(self.calendar.currentData() == "lunar")
        )
        self.label = QLineEdit(f)
        f.add_row("kind", self.tr("&Kind"), self.kind)
        f.add_row("family_member", self.tr("&Whose"), self.whose)
        f.add_row("calendar", self.tr("&Calendar"), self.calendar)
        f.add_row("year", self.tr("&Year"), self.year)
        f.add_row("month", self.tr("&Month"), self.month)
        f.add_row("day", self.tr("&Day"), self.day, "date")
        f.add_row("leap", self.tr("Leap"), self.leap)
        f.add_row("label", self.tr("&Label"), self.label)
        self._layout((self.tr("Important date"), f))
        self.resize(420, 380)
        self.spec_error: ValidationError | None = None
        for part in (self.year, self.month, self.day):
            part.textChanged.connect(lambda _t: self._check_spec())
        self.calendar.currentIndexChanged.connect(lambda _i: self._check_spec())
        self.leap.toggled.connect(lambda _on: self._check_spec())
        self._check_spec()
        self.kind.setFocus()

    def spec(self) -> Any:
        """The date as a DateSpec (it checks itself: day 30 of a 29-day month is refused)."""
        from crmdesk.core.dates import Calendar, DateSpec

        lunar = self.calendar.currentData() == "lunar"
        month, day = self.month.value(), self.day.value()
        for part, value in ((self.month, month), (self.day, day)):
            if value is None:
                raise ValidationError(
                    f"the {part.field} is required", field=part.field, code="required"
                )
        assert month is not None and day is not None
        return DateSpec(
            calendar=Calendar.LUNAR if lunar else Calendar.GREGORIAN,
            month=month,
            day=day,
            year=self.year.value(),
            is_leap_month=lunar and self.leap.isChecked(),
        )

    def _check_spec(self) -> None:
        """Check the date as typed; its error under the part it names, Save off meanwhile."""
        try:
            self.spec()
            error = None
        except ValidationError as exc:
            error = exc
        self.spec_error = error
        for name in ("year", "month", "day", "leap"):
            label = self.form.error_label(name)
            assert label is not None
            shown = error is not None and (error.field or "day") in (
                (name, "date", "calendar") if name == "day" else (name,)
            )
            label.setText(self._spec_message(error) if shown and error else "")
            label.setToolTip(error.message if shown and error else "")
            label.setVisible(shown)
        self._update_save()

    def _spec_message(self, error: ValidationError) -> str:
        """The error in the GUI's language; a day past the month's end says how long it is,
        for that calendar and year (lunar months have 29 or 30 days, a leap month its own)."""
        if error.code != "day_out_of_range":
            return error_text(error)
        from crmdesk.core import dates, lunar

        try:
            year, month = self.year.value(), self.month.value()
        except ValidationError:
            return error_text(error)
        if month is None or not 1 <= month <= 12:
            return error_text(error)
        if self.calendar.currentData() != "lunar":
            length = dates.month_length(year, month)
            if year is None:
                return (
                    self.tr("This day does not exist: month %1 has at most %2 days.")
                    .replace("%1", str(month))
                    .replace("%2", str(length))
                )
            text = self.tr("This day does not exist: month %2 of %1 has %3 days.")
        elif year is None:
            return self.tr("This day does not exist: a lunar month has at most 30 days.")
        else:
            length = lunar.month_length(year, month, self.leap.isChecked())
            if self.leap.isChecked():
                text = self.tr("This day does not exist: leap lunar month %2 of %1 has %3 days.")
            else:
                text = self.tr("This day does not exist: lunar month %2 of %1 has %3 days.")
        return text.replace("%1", str(year)).replace("%2", str(month)).replace("%3", str(length))

    def inputs_valid(self) -> bool:
        return super().inputs_valid() and getattr(self, "spec_error", None) is None

    def _values(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "kind": self.kind.currentData(),
            "date": self.spec(),
            "label": self.label.text().strip(),
            "family_member_id": self.whose.currentData(),
        }

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import important_dates

        return self.desk.write(important_dates.add_important_date, changes="date", **values)
