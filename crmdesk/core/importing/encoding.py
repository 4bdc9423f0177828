"""Which character set a contact file is written in, found before a single row is read.

A file is never decoded with a guess nobody sees: the encoding found is kept on the table (the
import wizard shows it above the decoded first rows, the CLI prints it) and the user may name
another (``--encoding``, the wizard's encoding box).

Order of evidence: a byte-order mark; the whole file being valid UTF-8 (checked incrementally,
so a 50 MB vCard is never held twice); else charset-normalizer run on the lines that are not
plain ASCII (the only ones that tell encodings apart). Among its candidates that read the text
about as cleanly as the best one, the encodings real address books write are preferred: a
Chinese Excel sheet is GB18030 (GBK, GB2312), a Taiwanese one Big5, a Japanese phone Shift_JIS
(cp932), an Outlook export in the West Windows-1252 — never Windows-1250 because Spanish text
happens to decode there too.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from crmdesk.core.importing.table import UnreadableFileError

How = Literal["bom", "utf-8", "detected", "given", "ascii"]
_SAMPLE_BYTES = 1024 * 1024  # non-ASCII lines handed to the detector, at most
_CHUNK = 1024 * 1024
# Encodings address books write, most likely first; a candidate's place here breaks near-ties.
_PREFERRED = ("utf_8", "gb18030", "big5", "cp950", "big5hkscs", "cp932", "shift_jis", "euc_jp",
              "cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp949", "euc_kr",
              "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_15",
              "mac_roman")  # fmt: skip
_NEAR_TIE = 0.1  # charset-normalizer's "chaos": 0 is clean text, 1 is noise
_NOISE = 0.4  # a best reading noisier than this is no reading
# What a file or a vCard CHARSET names, read as the superset the producer really wrote: GB2312
# and GBK files hold GB18030's characters, Shift_JIS files Windows' cp932 extensions, "Big5"
# Windows' cp950, "ISO-8859-1" Windows-1252 (HTML5's rule, for the same reason).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "big5": "cp950",
              "iso8859_1": "cp1252", "euc_cn": "gb18030", "hz": "hz"}  # fmt: skip
_LABELS = {"utf_8": "UTF-8", "utf_8_sig": "UTF-8 (BOM)", "utf_16": "UTF-16", "gb18030": "GB18030",
           "cp950": "Big5", "big5": "Big5", "big5hkscs": "Big5-HKSCS", "cp932": "Shift_JIS",
           "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP", "cp1252": "Windows-1252",
           "cp1250": "Windows-1250", "cp1251": "Windows-1251", "cp949": "EUC-KR",
           "ascii": "ASCII"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file's text is decoded: the Python codec, a name users know, and how it was found."""

    codec: str
    how: How

    @property
    def label(self) -> str:
        return encoding_label(self.codec)


def codec_of(name: str) -> str | None:
    """The Python codec for a charset name as files write it (None: no codec knows it)."""
    try:
        canonical = codecs.lookup(name.strip().strip('"')).name.replace("-", "_")
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def encoding_label(codec: str) -> str:
    canonical = codecs.lookup(codec).name.replace("-", "_")
    if canonical in _LABELS:
        return _LABELS[canonical]
    if canonical.startswith("cp125"):
        return "Windows-" + canonical[2:]
    if canonical.startswith("iso8859_"):
        return "ISO-8859-" + canonical.split("_")[1]
    return canonical.upper().replace("_", "-")


def given_encoding(name: str) -> Encoding:
    """The encoding a user named, or UnreadableFileError naming the unknown one."""
    codec = codec_of(name)
    if codec is None:
        raise UnreadableFileError(
            f"{name!r} is not an encoding crmdesk knows (e.g. UTF-8, GB18030, Big5, Shift_JIS, "
            "Windows-1252)"
        )
    return Encoding(codec, "given")


def bom_encoding(head: bytes) -> Encoding | None:
    if head.startswith(codecs.BOM_UTF8):
        return Encoding("utf_8_sig", "bom")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf_16", "bom")
    return None


def detect_encoding(chunks: Iterable[bytes]) -> Encoding:
    """The encoding of the bytes ``chunks`` yield, in order (the whole file, read in parts)."""
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    ascii_only = True
    sample = bytearray()
    first = True
    tail = b""
    for chunk in chunks:
        if first:
            if (bom := bom_encoding(chunk)) is not None:
                return bom
            first = False
        if is_utf8:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                is_utf8 = False
        if not chunk.isascii():
            ascii_only = False
            if len(sample) < _SAMPLE_BYTES:
                # Whole lines only: a character cut in two would read as noise.
                lines = (tail + chunk).split(b"\n")
                tail = lines.pop()
                sample += b"\n".join(line for line in lines if not line.isascii())
                sample += b"\n"
        elif len(sample) < _SAMPLE_BYTES:
            tail = chunk.rsplit(b"\n", 1)[-1]
    if is_utf8:
        try:
            utf8.decode(b"", final=True)
            return Encoding("ascii" if ascii_only else "utf_8", "ascii" if ascii_only else "utf-8")
        except UnicodeDecodeError:
            pass
    if not sample and tail and not tail.isascii():
        sample = bytearray(tail)
    return Encoding(_guess(bytes(sample)), "detected")


def detect_line_encoding(
    chunks: Iterable[bytes], declared: Callable[[bytes], bool] = lambda _line: False
) -> Encoding:
    """The encoding of a file read in chunks, leaving out the lines that ``declared`` says name
    their own charset (a vCard's ``CHARSET=`` lines): only the others are in the file's.

    A chunk of plain ASCII (most of a vCard export: its photos) is passed over whole."""
    is_utf8 = True
    found_text = False
    sample = bytearray()
    first = True
    tail = b""
    for chunk in itertools.chain(chunks, [b"\n"]):
        if first:
            first = False
            if (bom := bom_encoding(chunk)) is not None:
                return bom
        data = tail + chunk
        cut = data.rfind(b"\n") + 1
        block, tail = data[:cut], data[cut:]
        if block.isascii():
            continue
        for line in block.split(b"\n"):
            if line.isascii() or declared(line):
                continue
            found_text = True
            if is_utf8:
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    is_utf8 = False
            if len(sample) < _SAMPLE_BYTES:
                sample += line + b"\n"
    if not found_text:
        return Encoding("ascii", "ascii")
    if is_utf8:
        return Encoding("utf_8", "utf-8")
    return Encoding(_guess(bytes(sample)), "detected")


def _guess(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    # A match stands for every encoding that decodes the sample to the same text
    # (``could_be_from_charset``): Spanish text reads the same in Windows-1250 and -1252.
    readings = [
        (codec, m.chaos)
        for m in from_bytes(sample)
        if m.chaos <= _NOISE
        for codec in (m.could_be_from_charset or [m.encoding])
        if _reads(sample, codec)
    ]
    if not readings:
        raise UnreadableFileError(
            "the file is not text in any encoding crmdesk can recognise; if it is, name its "
            "encoding (e.g. GB18030, Big5, Shift_JIS, Windows-1252)"
        )
    best = min(chaos for _codec, chaos in readings)

    def rank(reading: tuple[str, float]) -> tuple[int, float]:
        codec = codec_of(reading[0]) or reading[0]
        place = _PREFERRED.index(codec) if codec in _PREFERRED else len(_PREFERRED)
        return place, reading[1]

    chosen = min((r for r in readings if r[1] <= best + _NEAR_TIE), key=rank)[0]
    return codec_of(chosen) or chosen


def _reads(sample: bytes, codec: str) -> bool:
    if codec == "ascii":
        return False  # the sample is the non-ASCII lines
    try:
        sample.decode(codec_of(codec) or codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode(data: bytes, encoding: Encoding) -> str:
    """``data`` as text, or UnreadableFileError saying where it is not ``encoding``."""
    codec = "utf_8" if encoding.codec == "ascii" else encoding.codec
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnreadableFileError(
            f"line {line} of the file is not {encoding.label} text (byte {exc.start:,}); "
            "choose the file's encoding"
        ) from None
