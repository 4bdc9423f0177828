"""What an export can write: formats, what goes in, and the check of a choice.

Kept apart from :mod:`crmdesk.db.transfer.exporting` (which loads SQLAlchemy and the writers) so
the command line can offer the choices in ``crmdesk export --help`` without loading either.
"""

from __future__ import annotations

from typing import Literal

from crmdesk.core.errors import ValidationError

ExportFormat = Literal["vcard", "csv", "xlsx", "json"]
What = Literal["contacts", "accounts", "all"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("vcard", "csv", "xlsx", "json")
WHATS: tuple[What, ...] = ("contacts", "accounts", "all")
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "xlsx": ".xlsx", "json": ".json"}


def check_export(fmt: str, what: str | None) -> tuple[ExportFormat, What]:
    """The format and what to export (its default per format), or ValidationError."""
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(
            f"{fmt!r} is not an export format; use vcard, csv, xlsx or json",
            field="format",
            code="unknown_term",
        )
    chosen = what or ("contacts" if fmt in ("vcard", "csv") else "all")
    if chosen not in WHATS:
        raise ValidationError(
            f"{chosen!r} is not something to export; use contacts, accounts or all",
            field="what",
            code="unknown_term",
        )
    if fmt == "vcard" and chosen != "contacts":
        raise ValidationError("a vCard file holds contacts only", field="what", code="vcard_what")
    if fmt == "csv" and chosen == "all":
        raise ValidationError(
            "a CSV file holds one table: export contacts or accounts (or all to xlsx or json)",
            field="what",
            code="csv_what",
        )
    return fmt, chosen
