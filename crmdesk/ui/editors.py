"""Add and edit dialogs for contacts and accounts, with validation shown at the field.

The dialog collects text; the service checks it (one set of rules for the GUI and the CLI). A
``ValidationError`` comes back on the GUI thread and is shown under the field it names, the dialog
staying open with everything the user typed. Dates and amounts are checked as they are typed
(the core's date policy and money parser): an impossible one is named at its field and Save stays
disabled, so nothing is ever saved as some other value than the one typed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crmdesk.core import vocab
from crmdesk.core.views import AccountView, ContactView
from crmdesk.db import browse
from crmdesk.ui import labels
from crmdesk.ui.date_dialog import DateDialog
from crmdesk.ui.date_fields import DateField
from crmdesk.ui.desk import Desk
from crmdesk.ui.money_field import MoneyField
from crmdesk.ui.record_dialog import RecordDialog, vocab_box

__all__ = [
    "AccountDialog",
    "ContactDialog",
    "DateDialog",  # its own module; still reached from here
    "FamilyDialog",
    "PreferenceDialog",
    "RecordDialog",
    "split_list",
]

_SPLIT = re.compile(r"[,，;；\n]+")


def split_list(text: str) -> list[str]:
    """Items typed in one box, separated by commas (ASCII or full-width), semicolons or lines."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _text(widget: QLineEdit) -> str | None:
    return widget.text().strip() or None


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
        self.role = vocab_box(f, vocab.DECISION_ROLES)
        self.reports_to = QComboBox(f)
        self.tier = QComboBox(f)
        self.tier.addItem(self.tr("(the account's)"), None)
        for c in choices.tiers:
            self.tier.addItem(labels.tier_choice(c.label), c.value)
        self.owner = QLineEdit(f)
        self.gender = vocab_box(f, vocab.GENDERS)
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
        self.status = vocab_box(f, vocab.ACCOUNT_STATUSES, blank=False)
        f.add_row("status", self.tr("Status"), self.status)
        self.customer_type = vocab_box(f, vocab.CUSTOMER_TYPES)
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
        edit: QLineEdit
        if key == "sales_limit":
            edit = self.sales_limit = MoneyField(key, self.form)
            edit.setPlaceholderText(self.tr("e.g. 500,000 or 50,000 USD"))
            self._watch(self.sales_limit)
        else:
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
                self.sales_limit.set_value(value)
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
                values[key] = self.sales_limit.value()
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
        self.category = vocab_box(f, vocab.PREFERENCE_CATEGORIES, blank=False)
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
        self.relation = vocab_box(f, vocab.FAMILY_RELATIONS, blank=False)
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
