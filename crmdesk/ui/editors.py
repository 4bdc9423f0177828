"""Add and edit dialogs for contacts and accounts, with validation shown at the field.

The dialog collects text; the service checks it (one set of rules for the GUI and the CLI). A
``ValidationError`` comes back on the GUI thread and is shown under the field it names, the dialog
staying open with everything the user typed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core import vocab
from crmdesk.core.errors import CrmdeskError, ValidationError
from crmdesk.core.money import parse_money
from crmdesk.core.views import AccountView, ContactView
from crmdesk.db import browse
from crmdesk.ui import labels
from crmdesk.ui.date_fields import DateField
from crmdesk.ui.desk import Desk
from crmdesk.ui.forms import Form, error_text

_SPLIT = re.compile(r"[,，;；\n]+")


def split_list(text: str) -> list[str]:
    """Items typed in one box, separated by commas (ASCII or full-width), semicolons or lines."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _vocab_box(parent: QWidget, vocabulary: vocab.Vocabulary, *, blank: bool = True) -> QComboBox:
    box = QComboBox(parent)
    if blank:
        box.addItem("", None)
    for code, label in labels.choices(vocabulary):
        box.addItem(label, code)
    return box


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _text(widget: QLineEdit) -> str | None:
    return widget.text().strip() or None


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
        self._watched: list[tuple[DateField, QCheckBox | None]] = []

    def _watch(self, field: DateField, enabled_by: QCheckBox | None = None) -> None:
        """Check ``field`` as typed: its error at the field, Save disabled while it is wrong
        (and, with ``enabled_by``, only while that box is ticked)."""
        self._watched.append((field, enabled_by))
        field.checked.connect(lambda error, f=field: self._field_checked(f, error))
        if enabled_by is not None:
            enabled_by.toggled.connect(lambda _on: self._update_save())

    def _field_checked(self, field: DateField, error: ValidationError | None) -> None:
        label = self.form.error_label(field.field)
        if label is not None:
            label.setText(error_text(error) if error else "")
            label.setToolTip(error.message if error else "")
            label.setVisible(error is not None)
        self._update_save()

    def _update_save(self) -> None:
        valid = all(f.is_valid() for f, box in self._watched if box is None or box.isChecked())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(valid and not self._busy)

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
        if self._busy:
            return
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


class ContactDialog(RecordDialog):
    """Add a contact, or edit one (``contact`` given)."""

    def __init__(
        self,
        desk: Desk,
        choices: browse.FilterChoices,
        parent: QWidget | None = None,
        *,
        contact: ContactView | None = None,
        account_id: str | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.contact = contact
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        f = self.form
        self.name = QLineEdit(f)
        self.account = QComboBox(f)
        self.account.setEditable(False)
        self.account.addItem(self.tr("(no account)"), None)
        for c in choices.accounts:
            self.account.addItem(c.label, c.value)
        self.title = QLineEdit(f)
        self.department = QLineEdit(f)
        self.role = _vocab_box(f, vocab.DECISION_ROLES)
        self.reports_to = QComboBox(f)
        self.tier = QComboBox(f)
        self.tier.addItem(self.tr("(the account's)"), None)
        for c in choices.tiers:
            self.tier.addItem(labels.tier_choice(c.label), c.value)
        self.owner = QLineEdit(f)
        self.gender = _vocab_box(f, vocab.GENDERS)
        self.phones = QLineEdit(f)
        self.phones.setPlaceholderText(self.tr("Several: separate with commas"))
        self.emails = QLineEdit(f)
        self.wechat = QLineEdit(f)
        self.hometown = QLineEdit(f)
        self.school = QLineEdit(f)
        self.tags = QLineEdit(f)
        self.tags.setPlaceholderText(self.tr("Several: separate with commas"))
        self.notes = QPlainTextEdit(f)
        self.notes.setTabChangesFocus(True)
        f.add_row("name", self.tr("&Name"), self.name)
        f.add_row("account", self.tr("&Account"), self.account)
        f.add_row("title", self.tr("&Title"), self.title)
        f.add_row("department", self.tr("Department"), self.department)
        f.add_row("decision_role", self.tr("Decision &role"), self.role)
        f.add_row("reports_to", self.tr("Reports to"), self.reports_to)
        f.add_row("tier", self.tr("Tier"), self.tier)
        f.add_row("owner", self.tr("Owner"), self.owner)
        f.add_row("gender", self.tr("Gender"), self.gender)
        f.add_row("phone", self.tr("&Phones"), self.phones, "phones")
        f.add_row("email", self.tr("E-mails"), self.emails, "emails")
        f.add_row("wechat", self.tr("WeChat"), self.wechat)
        f.add_row("hometown", self.tr("&Hometown"), self.hometown)
        f.add_row("school", self.tr("School"), self.school)
        f.add_row("tag", self.tr("Tags"), self.tags, "tags")
        f.add_row("notes", self.tr("Notes"), self.notes)
        self._layout((self.tr("Contact"), f))
        self.resize(520, 640)
        self.account.currentIndexChanged.connect(lambda _i: self._load_colleagues())
        if contact is not None:
            self._fill(contact)
        elif account_id:
            _select(self.account, account_id)
        self._load_colleagues()
        self.name.setFocus()

    def _fill(self, c: ContactView) -> None:
        self.name.setText(c.name)
        _select(self.account, c.account_id)
        self.title.setText(c.title or "")
        self.department.setText(c.department or "")
        _select(self.role, c.decision_role)
        _select(self.tier, c.tier)
        self.owner.setText(c.owner or "")
        _select(self.gender, c.gender)
        self.phones.setText(", ".join(c.phones))
        self.emails.setText(", ".join(c.emails))
        self.wechat.setText(c.wechat or "")
        self.hometown.setText(c.hometown or "")
        self.school.setText(c.school or "")
        self.tags.setText(", ".join(c.tags))
        self.notes.setPlainText(c.notes)

    def _load_colleagues(self) -> None:
        account_id = self.account.currentData()
        self.reports_to.clear()
        self.reports_to.addItem(self.tr("(nobody)"), None)
        if not account_id:
            return
        from crmdesk.db.services import contacts

        (
            self.desk.read(contacts.list_contacts, account_id=account_id, limit=1000)
            .key(f"colleagues.{id(self)}")
            .success(self._set_colleagues)
            .run()
        )

    def _set_colleagues(self, people: list[ContactView]) -> None:
        self.reports_to.clear()
        self.reports_to.addItem(self.tr("(nobody)"), None)
        for p in people:
            if self.contact is None or p.id != self.contact.id:
                self.reports_to.addItem(f"{p.name} · {p.title or ''}".strip(" ·"), p.id)
        _select(self.reports_to, self.contact.reports_to_id if self.contact else None)

    def _values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "account_id": self.account.currentData(),
            "title": _text(self.title),
            "department": _text(self.department),
            "decision_role": self.role.currentData(),
            "reports_to_id": self.reports_to.currentData(),
            "tier": self.tier.currentData(),
            "owner": _text(self.owner),
            "gender": self.gender.currentData(),
            "phones": split_list(self.phones.text()),
            "emails": split_list(self.emails.text()),
            "wechat": _text(self.wechat),
            "hometown": _text(self.hometown),
            "school": _text(self.school),
            "tags": split_list(self.tags.text()),
            "notes": self.notes.toPlainText(),
        }

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import contacts

        if self.contact is None:
            return self.desk.write(contacts.add_contact, changes="contact", **values)
        return self.desk.write(
            contacts.edit_contact, changes="contact", contact_id=self.contact.id, **values
        )


class AccountDialog(RecordDialog):
    """Add an account, or edit one's master file (``account`` given)."""

    def __init__(
        self,
        desk: Desk,
        choices: browse.FilterChoices,
        parent: QWidget | None = None,
        *,
        account: AccountView | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.account = account
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("New account"))
        f = self.form
        self.fields: dict[str, QLineEdit] = {}
        self.name = self._line("name", self.tr("&Name"))
        self._line("code", self.tr("Code"))
        self.tier = QComboBox(f)
        self.tier.addItem("", None)
        for c in choices.tiers:
            self.tier.addItem(labels.tier_choice(c.label), c.value)
        f.add_row("tier", self.tr("Tier"), self.tier)
        self.status = _vocab_box(f, vocab.ACCOUNT_STATUSES, blank=False)
        f.add_row("status", self.tr("Status"), self.status)
        self.customer_type = _vocab_box(f, vocab.CUSTOMER_TYPES)
        f.add_row("customer_type", self.tr("Customer type"), self.customer_type)
        for key, label in (
            ("owner", self.tr("Owner")),
            ("industry", self.tr("Industry")),
            ("application", self.tr("Application")),
            ("address", self.tr("Address")),
            ("postcode", self.tr("Postcode")),
            ("phones", self.tr("Phones")),
            ("website", self.tr("Website")),
            ("bank_account", self.tr("Bank account")),
            ("currency", self.tr("Currency")),
            ("discount", self.tr("Discount")),
            ("payment_terms", self.tr("Payment terms")),
            ("tax_rule", self.tr("Tax rule")),
            ("sales_limit", self.tr("Sales limit")),
            ("delivery_address", self.tr("Delivery address")),
            ("invoice_address", self.tr("Invoice address")),
            ("commission_code", self.tr("Commission code")),
            ("credit_record", self.tr("Credit record")),
            ("tags", self.tr("Tags")),
        ):
            self._line(key, label)
        self.fields["phones"].setPlaceholderText(self.tr("Several: separate with commas"))
        self.fields["tags"].setPlaceholderText(self.tr("Several: separate with commas"))
        self.insight = QPlainTextEdit(f)
        self.insight.setTabChangesFocus(True)
        f.add_row("insight", self.tr("Insight"), self.insight)
        self.notes = QPlainTextEdit(f)
        self.notes.setTabChangesFocus(True)
        f.add_row("notes", self.tr("Notes"), self.notes)
        self._layout((self.tr("Master file"), f))
        self.resize(560, 680)
        if account is not None:
            self._fill(account)
        self.name.setFocus()

    def _line(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit(self.form)
        aliases = {"phones": ("phone",), "tags": ("tag",)}.get(key, ())
        self.form.add_row(key, label, edit, *aliases)
        self.fields[key] = edit
        return edit

    def _fill(self, a: AccountView) -> None:
        for key, edit in self.fields.items():
            value = getattr(a, key)
            if key in ("phones", "tags"):
                edit.setText(", ".join(value))
            elif key == "sales_limit":
                edit.setText(str(value) if value is not None else "")
            else:
                edit.setText(value or "")
        _select(self.tier, a.tier)
        _select(self.status, a.status)
        _select(self.customer_type, a.customer_type)
        self.insight.setPlainText(a.insight)
        self.notes.setPlainText(a.notes)

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, edit in self.fields.items():
            text = edit.text().strip()
            if key in ("phones", "tags"):
                values[key] = split_list(text)
            elif key == "sales_limit":
                values[key] = parse_money(text, field="sales_limit") if text else None
            elif key == "name":
                values[key] = edit.text()
            else:
                values[key] = text or None
        values["tier"] = self.tier.currentData()
        values["status"] = self.status.currentData()
        values["customer_type"] = self.customer_type.currentData()
        values["insight"] = self.insight.toPlainText()
        values["notes"] = self.notes.toPlainText()
        return values

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import accounts

        if self.account is None:
            return self.desk.write(accounts.add_account, changes="account", **values)
        return self.desk.write(
            accounts.edit_account, changes="account", account_id=self.account.id, **values
        )


class PreferenceDialog(RecordDialog):
    """Add something learned about a contact's tastes (喜好)."""

    def __init__(self, desk: Desk, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Add a preference"))
        f = self.form
        self.category = _vocab_box(f, vocab.PREFERENCE_CATEGORIES, blank=False)
        self.value = QLineEdit(f)
        self.note = QLineEdit(f)
        self.learned = QCheckBox(self.tr("Learned on"), f)
        self.learned_on = DateField(dt.date.today(), "learned_on", f)
        self.learned_on.setObjectName("learned_on")
        self.learned_on.setEnabled(False)
        self._watch(self.learned_on, self.learned)
        self.learned.toggled.connect(self.learned_on.setEnabled)
        when = QWidget(f)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.learned)
        row.addWidget(self.learned_on)
        row.addStretch(1)
        f.add_row("category", self.tr("&Category"), self.category)
        f.add_row("value", self.tr("&Value"), self.value)
        f.add_row("note", self.tr("&Note"), self.note)
        f.add_row("learned_on", self.tr("When"), when)
        self._layout((self.tr("Preference"), f))
        self.resize(460, 260)
        self.value.setFocus()

    def _values(self) -> dict[str, Any]:
        learned = self.learned_on.value() if self.learned.isChecked() else None
        return {
            "contact_id": self.contact_id,
            "category": self.category.currentData(),
            "value": self.value.text(),
            "note": self.note.text().strip(),
            "learned_on": learned,
        }

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import preferences

        return self.desk.write(preferences.add_preference, changes="preference", **values)


class FamilyDialog(RecordDialog):
    """Add a family member of a contact (for 三节两寿)."""

    def __init__(self, desk: Desk, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Add a family member"))
        f = self.form
        self.name = QLineEdit(f)
        self.relation = _vocab_box(f, vocab.FAMILY_RELATIONS, blank=False)
        self.notes = QLineEdit(f)
        f.add_row("name", self.tr("&Name"), self.name)
        f.add_row("relation", self.tr("&Relation"), self.relation)
        f.add_row("notes", self.tr("Notes"), self.notes)
        self._layout((self.tr("Family member"), f))
        self.resize(420, 200)
        self.name.setFocus()

    def _values(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "name": self.name.text(),
            "relation": self.relation.currentData(),
            "notes": self.notes.text().strip(),
        }

    def _write(self, values: dict[str, Any]) -> Any:
        from crmdesk.db.services import family

        return self.desk.write(family.add_family_member, changes="family", **values)


class DateDialog(RecordDialog):
    """Add an important date, Gregorian or lunar (leap months too), the year perhaps unknown."""

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
        self.kind = _vocab_box(f, vocab.DATE_KINDS, blank=False)
        self.whose = QComboBox(f)
        self.whose.addItem(self.tr("The contact"), None)
        for member_id, name in family:
            self.whose.addItem(name, member_id)
        self.calendar = QComboBox(f)
        self.calendar.addItem(self.tr("Gregorian"), "gregorian")
        self.calendar.addItem(self.tr("Lunar (农历)"), "lunar")
        self.year = QSpinBox(f)
        self.year.setRange(0, 2099)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.month = QSpinBox(f)
        self.month.setRange(1, 12)
        self.day = QSpinBox(f)
        self.day.setRange(1, 31)
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
        self.kind.setFocus()

    def spec(self) -> Any:
        """The date as a DateSpec (it checks itself: day 30 of a 29-day month is refused)."""
        from crmdesk.core.dates import Calendar, DateSpec

        lunar = self.calendar.currentData() == "lunar"
        return DateSpec(
            calendar=Calendar.LUNAR if lunar else Calendar.GREGORIAN,
            month=self.month.value(),
            day=self.day.value(),
            year=self.year.value() or None,
            is_leap_month=lunar and self.leap.isChecked(),
        )

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
