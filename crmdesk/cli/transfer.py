"""``crmdesk import FILE`` and ``crmdesk export``: contacts in from phones and spreadsheets, the
book out to vCard, CSV, Excel or JSON (docs/cli.md, "Import and export").

An import is planned first (every row checked, duplicates found) and then written in one
transaction: rows go in with what is good; a bad value is kept as written in the contact's notes
and listed with its row number, field and reason; only rows without a name are rejected. The
file's text encoding is printed (``--encoding`` names another).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.cli.context import Context, Output
from crmdesk.cli.render import table
from crmdesk.core.errors import ValidationError

if TYPE_CHECKING:
    from crmdesk.core.importing.drafts import RowError
    from crmdesk.core.importing.plan import ImportPlan, ImportResult
    from crmdesk.core.importing.table import SourceTable


SHOWN_REJECTIONS = 50  # in text output; --report and --json hold them all


_HOW = {"detected": "detected", "given": "as given", "bom": "byte-order mark",
        "utf-8": "valid UTF-8", "ascii": "plain ASCII"}  # fmt: skip


def _encoding_line(source: SourceTable) -> str | None:
    if source.encoding is None:
        return None
    how = _HOW.get(source.encoding_how or "", "")
    line = f"Encoding: {source.encoding}" + (f" ({how})" if how else "")
    if source.charsets:
        line += f"; cards name their own charset: {', '.join(source.charsets)}"
    if source.encoding_how == "detected":
        line += "; if names look wrong, run again with --encoding"
    return line


def _problems_table(errors: list[RowError]) -> str:
    shown = errors[:SHOWN_REJECTIONS]
    text = table(
        ("ROW", "FIELD", "REASON"), [(e.number, e.field, e.reason) for e in shown], empty=""
    )
    if len(errors) > len(shown):
        text += f"\n  ... and {len(errors) - len(shown):,} more (see --report)"
    return text


def _summary(
    plan: ImportPlan, result: ImportResult | None, dry_run: bool, source: SourceTable
) -> str:
    head = "Dry run: nothing was written." if dry_run else "Imported."
    lines = [f"{head} {plan.total:,} rows in {plan.source}"]
    if (encoding := _encoding_line(source)) is not None:
        lines.append(encoding)
    if result is not None:
        lines.append(
            f"  created {result.created:,}, merged {result.merged:,}, skipped {result.skipped:,}, "
            f"rejected {result.rejected:,}; new accounts {result.accounts_created:,}"
        )
    else:
        lines.append(
            f"  would create {len(plan.creates):,}; duplicates {len(plan.duplicates):,}; "
            f"rejected {len(plan.rejected):,}; new accounts {len(plan.new_accounts):,}"
        )
    if plan.duplicates and dry_run:
        lines.append("Duplicates (row: matches):")
        lines += [
            f"  {d.number}: {d.match_name} "
            + (f"(row {d.match_row})" if d.match_row else "(in the book)")
            + f" by {d.reason}"
            for d in plan.duplicates[:SHOWN_REJECTIONS]
        ]
    if plan.warnings:
        rows = len({w.number for w in plan.warnings})
        lines.append(
            f"{rows:,} rows imported with a field set aside (kept as written in the notes) "
            "or stored as written:"
        )
        lines.append(_problems_table(plan.warnings))
    if plan.rejected:
        lines.append(f"{len(plan.rejected):,} rejected:")
        lines.append(_problems_table(plan.rejected))
    return "\n".join(lines)


def _data(
    plan: ImportPlan, result: ImportResult | None, dry_run: bool, source: SourceTable
) -> dict[str, Any]:
    return {
        "file": plan.source,
        "encoding": source.encoding,
        "encoding_found_by": source.encoding_how,
        "dry_run": dry_run,
        "rows": plan.total,
        "created": result.created if result else len(plan.creates),
        "merged": result.merged if result else 0,
        "skipped": result.skipped if result else 0,
        "rejected": len(plan.rejected),
        "accounts_created": result.accounts_created if result else len(plan.new_accounts),
        "duplicates": [
            {"row": d.number, "name": d.draft.name, "matches": d.match_name,
             "match_id": d.match_id, "match_row": d.match_row, "by": d.reason,
             "changes": [{"field": c.field, "before": c.before, "after": c.after,
                          "kept": c.kept} for c in d.changes]}
            for d in plan.duplicates
        ],
        "rejected_rows": [{"row": e.number, "field": e.field, "reason": e.reason}
                          for e in plan.rejected],
        "set_aside": [{"row": e.number, "field": e.field, "reason": e.reason}
                      for e in plan.warnings],
    }  # fmt: skip


def import_file(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.core.importing.fields import parse_map_option
    from crmdesk.core.importing.phones import DEFAULT_REGION
    from crmdesk.core.importing.source import read_table
    from crmdesk.db.transfer.applying import apply_import, check_choice
    from crmdesk.db.transfer.audit import record_transfer
    from crmdesk.db.transfer.exporting import write_error_report
    from crmdesk.db.transfer.planning import plan_import

    path = Path(args.file).expanduser()
    on_duplicate = check_choice(args.on_duplicate)
    source = read_table(path, args.format, sheet=args.sheet, encoding=args.encoding)
    mapping = dict(source.mapping)
    for option in args.map:
        index, code = parse_map_option(option, source.columns)
        mapping[index] = code
    with ctx.book.session() as session:
        plan = plan_import(
            session, source, mapping, region=args.region or DEFAULT_REGION, source=path.name
        )
    if args.report:
        problems = sorted([*plan.rejected, *plan.warnings], key=lambda e: e.number)
        write_error_report(Path(args.report).expanduser(), problems)
    if plan.total and not plan.good:
        first = plan.rejected[0]
        raise ValidationError(
            f"none of the {plan.total:,} rows can be imported; nothing was written "
            f"(row {first.number}: {first.field}: {first.reason})",
            field="file",
            code="all_rejected",
        )
    result = None
    if not args.dry_run:
        with ctx.transaction() as session:
            result = apply_import(session, plan, default=on_duplicate)
        record_transfer(ctx.book, "import", "contacts", result.written)
    return Output(
        _data(plan, result, args.dry_run, source), _summary(plan, result, args.dry_run, source)
    )


def export_file(ctx: Context, args: argparse.Namespace) -> Output:
    from crmdesk.db.transfer.audit import record_transfer
    from crmdesk.db.transfer.exporting import check_export, export_book

    fmt, what = check_export(args.format, args.what)
    path = Path(args.output).expanduser()
    with ctx.book.session() as session:
        result = export_book(session, path, fmt, what, book_id=ctx.book.info.book_id)
    record_transfer(ctx.book, "export", what, result.total)
    counts = ", ".join(f"{n:,} {kind}" for kind, n in result.counts.items())
    return Output(
        {"file": result.path, "format": fmt, "what": what, "counts": result.counts},
        f"Exported {counts} to {result.path}.",
    )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    # Only light modules here: the parser is built for every command, --help included.
    from crmdesk.core.importing.table import FORMATS  # not .source: its decoders wait for a file
    from crmdesk.db.transfer.formats import EXPORT_FORMATS, WHATS

    p = sub.add_parser(
        "import", parents=[common], help="import contacts from a vCard, CSV or Excel file"
    )
    p.add_argument("file", metavar="FILE", help="a .vcf, .csv or .xlsx file")
    p.add_argument("--format", choices=FORMATS, help="the file's format (default: by its name)")
    p.add_argument("--sheet", help="the Excel sheet to read (default: the first)")
    p.add_argument(
        "--encoding",
        help="the text encoding of a vCard or CSV file, e.g. GB18030, Big5, Shift_JIS, "
        "Windows-1252 (default: detected, and printed)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="send a column to a field (repeat); FIELD empty ignores the column; fields: name, "
        "family_name, given_name, phones, emails, account, title, department, wechat, "
        "hometown, birthday, gender, tags, notes",
    )
    p.add_argument("--region", help="phone numbers' default region (default CN)")
    p.add_argument(
        "--on-duplicate",
        default="merge",
        help="merge (default: fill empty fields, add phones, e-mails, tags), skip or new",
    )
    p.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    p.add_argument("--report", metavar="PATH", help="write the rejected rows to this CSV")
    p.set_defaults(handler=import_file)
    p = sub.add_parser("export", parents=[common], help="export the book to a file")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--output", "-o", required=True, metavar="PATH", help="the file to write")
    p.add_argument(
        "--what",
        choices=WHATS,
        help="contacts, accounts or all (default: contacts for vcard/csv, all for xlsx/json)",
    )
    p.set_defaults(handler=export_file)
