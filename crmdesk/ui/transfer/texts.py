"""Translatable labels for import targets, duplicate choices and export formats."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crmdesk.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Transfer"

FIELD_LABELS = {
    "": QT_TRANSLATE_NOOP("Transfer", "(ignore)"),
    "name": QT_TRANSLATE_NOOP("Transfer", "Name"),
    "family_name": QT_TRANSLATE_NOOP("Transfer", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("Transfer", "Given name"),
    "phones": QT_TRANSLATE_NOOP("Transfer", "Phone"),
    "emails": QT_TRANSLATE_NOOP("Transfer", "E-mail"),
    "account": QT_TRANSLATE_NOOP("Transfer", "Company"),
    "title": QT_TRANSLATE_NOOP("Transfer", "Job title"),
    "department": QT_TRANSLATE_NOOP("Transfer", "Department"),
    "wechat": QT_TRANSLATE_NOOP("Transfer", "WeChat"),
    "hometown": QT_TRANSLATE_NOOP("Transfer", "Hometown"),
    "birthday": QT_TRANSLATE_NOOP("Transfer", "Birthday"),
    "gender": QT_TRANSLATE_NOOP("Transfer", "Gender"),
    "tags": QT_TRANSLATE_NOOP("Transfer", "Tags"),
    "notes": QT_TRANSLATE_NOOP("Transfer", "Notes"),
    # Fields a row error can name beyond the targets.
    "phone": QT_TRANSLATE_NOOP("Transfer", "Phone"),
    "email": QT_TRANSLATE_NOOP("Transfer", "E-mail"),
    "card": QT_TRANSLATE_NOOP("Transfer", "Card"),
    "tag": QT_TRANSLATE_NOOP("Transfer", "Tags"),
}
CHOICE_LABELS = {
    "merge": QT_TRANSLATE_NOOP("Transfer", "Merge"),
    "skip": QT_TRANSLATE_NOOP("Transfer", "Skip"),
    "new": QT_TRANSLATE_NOOP("Transfer", "Import as new"),
}
REASON_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Transfer", "same name and phone"),
    "email": QT_TRANSLATE_NOOP("Transfer", "same e-mail"),
}
# Import problems the core names by code, beyond the general error codes ``forms.code_text`` knows.
IMPORT_PROBLEMS = {
    "phone_dial": QT_TRANSLATE_NOOP(
        "Transfer", "Pause or wait digits: the number is stored, the dial string kept in the notes."
    ),
    "phone_raw": QT_TRANSLATE_NOOP(
        "Transfer", "Not a valid number for the region: stored as written."
    ),
    "unreadable": QT_TRANSLATE_NOOP("Transfer", "This value cannot be read in its character set."),
}
FORMAT_LABELS = {
    "vcard": QT_TRANSLATE_NOOP("Transfer", "vCard (.vcf)"),
    "csv": QT_TRANSLATE_NOOP("Transfer", "CSV (.csv)"),
    "xlsx": QT_TRANSLATE_NOOP("Transfer", "Excel (.xlsx)"),
    "json": QT_TRANSLATE_NOOP("Transfer", "JSON (.json)"),
}
WHAT_LABELS = {
    "contacts": QT_TRANSLATE_NOOP("Transfer", "Contacts"),
    "accounts": QT_TRANSLATE_NOOP("Transfer", "Accounts"),
    "all": QT_TRANSLATE_NOOP("Transfer", "Everything"),
}


def label(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else key
