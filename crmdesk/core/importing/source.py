"""Open an import file: pick its reader by format (or by its name) and decode its bytes."""

from __future__ import annotations

from pathlib import Path

from crmdesk.core.importing.table import FileFormat, SourceTable, UnreadableFileError

MAX_BYTES = 200 * 1024 * 1024  # a contact file larger than this is not a contact file
_BY_SUFFIX: dict[str, FileFormat] = {
    ".vcf": "vcard",
    ".vcard": "vcard",
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
FORMATS: tuple[FileFormat, ...] = ("vcard", "csv", "xlsx")


def detect_format(path: Path) -> FileFormat:
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise UnreadableFileError(
            f"cannot tell the format of {path.name} from its name; give one (vcard, csv or xlsx)"
        )
    return fmt


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFileError(f"{path.name} is {size:,} bytes, too large to import")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), UTF-16 with a BOM
    (Excel's "Unicode text"), else GB18030 (a superset of GBK and GB2312, what Chinese Excel
    writes). A file that is none of these is refused rather than read as mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError("the file is not text in UTF-8, UTF-16 or GBK/GB18030")


def read_table(
    path: Path, fmt: FileFormat | None = None, *, sheet: str | None = None
) -> SourceTable:
    """Read ``path`` (format from its name unless given) into a table of raw text."""
    chosen = fmt or detect_format(path)
    if chosen == "vcard":
        from crmdesk.core.importing.vcard import read_vcards

        text, encoding = decode_text(read_bytes(path))
        table = read_vcards(text)
        table.encoding = encoding
        return table
    if chosen == "csv":
        from crmdesk.core.importing.delimited import read_delimited

        text, encoding = decode_text(read_bytes(path))
        table = read_delimited(text)
        table.encoding = encoding
        return table
    if chosen == "xlsx":
        from crmdesk.core.importing.excel import read_xlsx

        return read_xlsx(path, sheet=sheet)
    raise UnreadableFileError(f"{chosen!r} is not a format crmdesk imports (vcard, csv, xlsx)")
