"""Open an import file: pick its reader by format (or by its name) and decode its bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from crmdesk.core.importing.encoding import (
    Encoding,
    decode,
    detect_encoding,
    detect_line_encoding,
    given_encoding,
)
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
_CHUNK = 1024 * 1024


def detect_format(path: Path) -> FileFormat:
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise UnreadableFileError(
            f"cannot tell the format of {path.name} from its name; give one (vcard, csv or xlsx)"
        )
    return fmt


def _open(path: Path) -> BinaryIO:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFileError(f"{path.name} is {size:,} bytes, too large to import")
        return path.open("rb")
    except FileNotFoundError:
        raise UnreadableFileError(f"there is no file {path}") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _names_charset(line: bytes) -> bool:
    return b";CHARSET=" in line.split(b":", 1)[0].upper()


def vcard_encoding(path: Path, encoding: str | None = None) -> Encoding:
    """The encoding ``encoding`` names, else the one the file's lines show, leaving out the
    lines that name their own CHARSET (read in chunks, never held whole)."""
    if encoding:
        return _checked(path, given_encoding(encoding), _names_charset)
    with _open(path) as stream:
        return detect_line_encoding(iter(lambda: stream.read(_CHUNK), b""), _names_charset)


def csv_encoding(path: Path, encoding: str | None = None) -> Encoding:
    """The encoding ``encoding`` names, else the one the file's bytes show (read in chunks)."""
    if encoding:
        return _checked(path, given_encoding(encoding), lambda _line: False)
    with _open(path) as stream:
        return detect_encoding(iter(lambda: stream.read(_CHUNK), b""))


def _checked(path: Path, given: Encoding, skip: Callable[[bytes], bool]) -> Encoding:
    """``given``, once every line of the file (but those ``skip`` passes over) is text in it;
    else UnreadableFileError naming the first line that is not."""
    codec = "utf_8" if given.codec == "ascii" else given.codec
    if codec.startswith("utf_16"):
        return given  # its lines cannot be split in bytes; a wrong guess fails to decode whole
    with _open(path) as stream:
        for number, line in enumerate(stream, start=1):
            if line.isascii() or skip(line):
                continue
            try:
                line.decode(codec)
            except UnicodeDecodeError:
                raise UnreadableFileError(
                    f"line {number:,} of the file is not {given.label} text; choose the "
                    "file's encoding"
                ) from None
    return given


def _vcard_lines(stream: BinaryIO, found: Encoding) -> Iterator[bytes]:
    if found.codec == "utf_16":
        # Lines cannot be split in UTF-16's bytes; such files are small (Outlook's "Unicode").
        for text in decode(stream.read(), found).splitlines(keepends=True):
            yield text.encode("utf-8")
        return
    first = True
    for line in stream:
        if first:
            line = line.removeprefix(b"\xef\xbb\xbf")
            first = False
        yield line


def read_table(
    path: Path,
    fmt: FileFormat | None = None,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
) -> SourceTable:
    """Read ``path`` (format from its name unless given) into a table of raw text; ``encoding``
    names the text encoding of a vCard or CSV file (default: detected, and recorded on the
    table so the user sees it)."""
    chosen = fmt or detect_format(path)
    if chosen == "vcard":
        from crmdesk.core.importing.vcard import read_vcard_lines

        found = vcard_encoding(path, encoding)
        with _open(path) as stream:
            lines = _vcard_lines(stream, found)
            # UTF-16 lines are handed on re-encoded as UTF-8; the file's own encoding is shown.
            read_as = Encoding("utf_8", found.how) if found.codec == "utf_16" else found
            table = read_vcard_lines(lines, read_as)
        table.encoding = found.label
        return table
    if chosen == "csv":
        from crmdesk.core.importing.delimited import read_delimited_stream

        found = csv_encoding(path, encoding)
        codec = "utf_8" if found.codec == "ascii" else found.codec
        with _open(path) as raw, io.TextIOWrapper(raw, encoding=codec, newline="") as text:
            table = read_delimited_stream(text, found.label)
        table.encoding, table.encoding_how = found.label, found.how
        return table
    if chosen == "xlsx":
        from crmdesk.core.importing.excel import read_xlsx

        return read_xlsx(path, sheet=sheet)
    raise UnreadableFileError(f"{chosen!r} is not a format crmdesk imports (vcard, csv, xlsx)")
