"""vCard 2.1, 3.0 and 4.0 files as phones and address books write them, read line by line.

The reader follows the RFCs (2425/2426 for 3.0, 6350 for 4.0, the versit 2.1 text) and what
producers do beyond them, and it streams: a 50 MB export with a photo on every card is read one
line at a time, photos skipped unread, so memory holds the rows, never the file.

* **Content lines.** ``group.NAME;PARAM=a,b;BARE:value``: folding (a leading space or tab);
  2.1's bare parameters (``TEL;WORK;VOICE``); quoted parameter values (``X-USER="a:b"``).
* **Values, decoded in their own charset.** ``ENCODING=QUOTED-PRINTABLE`` (soft breaks by a
  trailing ``=``), base64 text, and ``CHARSET=`` with any codec Python knows (GB2312/GBK read as
  GB18030, Shift_JIS as cp932, Big5 as cp950, ISO-8859-x, Windows-125x); lines without one are
  in the file's encoding (``encoding.detect_encoding``). A value that is not in its charset is
  reported, never read as another.
* **Escaping.** 3.0 and 4.0 unescape ``\\\\ \\, \\; \\: \\n`` in one pass (so ``\\\\n`` is a
  backslash and an n, not a new line); 2.1 escapes only ``;``. Compound values (N, ORG, ADR,
  GENDER) split on unescaped ``;``, list values (CATEGORIES, NICKNAME) on unescaped ``,``; text
  values (FN, TITLE, NOTE...) keep their commas: ``FN:Doe\\, John`` and ``ORG:Apple, Inc.``.
* **Binary data.** PHOTO, LOGO, SOUND and KEY are skipped, including 2.1 base64 written without
  indentation and ended by a blank line.
* **Whatever else.** PROFILE, SOURCE, NAME, PRODID, REV, UID and unknown X- lines are ignored.
  A line that is no property, or a card missing its END, is reported and the rest kept.

Written here rather than with vobject, which split FN, TITLE and NOTE at their first comma, made
ORG a list, unescaped twice, stopped on ``PROFILE:VCard`` and cost ~1.7 ms a card.

Each card becomes a row (numbered from 1 in file order) of fixed columns with the natural
mapping; FN is the name, else N's parts (family then given for a Chinese name), else NICKNAME.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from crmdesk.core.importing.encoding import Encoding, codec_of, encoding_label
from crmdesk.core.importing.table import (
    CellProblem,
    SourceRow,
    SourceTable,
    UnreadableFileError,
)

COLUMNS = ("Name", "Phone", "E-mail", "Company", "Department", "Job title", "Birthday",
           "Gender", "Categories", "Note", "WeChat")  # fmt: skip
MAPPING = {0: "name", 1: "phones", 2: "emails", 3: "account", 4: "department", 5: "title",
           6: "birthday", 7: "gender", 8: "tags", 9: "notes", 10: "wechat"}  # fmt: skip
_BINARY = {b"PHOTO", b"LOGO", b"SOUND", b"KEY"}
_NAME = re.compile(rb"[A-Za-z0-9\-_]+")
_ESCAPE = re.compile(r"\\([\\,;:nN])")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Outlook's X-WAB-GENDER: 1 female, 2 male; vCard 4.0 GENDER's sex letters pass through.
_WAB_GENDER = {"1": "female", "2": "male"}
_WECHAT_TYPES = {"wechat", "weixin", "微信"}


@dataclass
class _Property:
    name: str  # upper case, group dropped: "item1.TEL" -> "TEL"
    params: dict[str, list[str]]
    raw: bytes


@dataclass
class _Card:
    number: int
    properties: list[_Property] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)


def _colon(line: bytes) -> int:
    """Index of the ':' that ends the property's name and parameters (not one in quotes)."""
    index = line.find(b":")
    if index < 0 or b'"' not in line[:index]:
        return index
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return i
    return -1


def _split_params(text: str) -> list[str]:
    if '"' not in text:
        return text.split(";")
    out: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            out.append("".join(current))
            current = []
            continue
        current.append(ch)
    out.append("".join(current))
    return out


def _params(head: bytes) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in _split_params(head.decode("ascii", errors="replace"))[1:]:
        key, sep, value = part.partition("=")
        if not sep:  # 2.1: "WORK", "QUOTED-PRINTABLE", "BASE64" stand alone
            bare = key.strip().upper()
            if bare in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
                key, value = "ENCODING", bare
            else:
                key, value = "TYPE", bare
        values = (
            [v.strip().strip('"') for v in value.split(",")]
            if key.upper() == "TYPE"
            else [value.strip().strip('"')]
        )
        params.setdefault(key.strip().upper(), []).extend(values)
    return params


def _head(line: bytes) -> tuple[str, dict[str, list[str]]] | None:
    """The property's name and parameters, or None when the line is not a property."""
    colon = _colon(line)
    if colon <= 0:
        return None
    head = line[:colon]
    name = head.split(b";", 1)[0].rsplit(b".", 1)[-1].strip()
    if not _NAME.fullmatch(name):
        return None
    return name.upper().decode("ascii"), _params(head)


def _encoding(params: dict[str, list[str]]) -> str:
    return (params.get("ENCODING") or [""])[0].upper()


def iter_cards(lines: Iterable[bytes]) -> Iterator[_Card]:
    """The file's cards, their properties' raw values, and what was wrong with their lines."""
    card: _Card | None = None
    count = 0
    pending: bytearray | None = None  # the logical line being unfolded
    pending_qp = False
    skipping = False  # inside a binary value (a photo): its lines are not kept
    bare_base64 = False  # a 2.1 base64 value: unindented lines up to a blank line continue it

    def finish(line: bytes) -> None:
        nonlocal card, count
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if card is not None:
                card.problems.append(CellProblem("card", "the card has no END:VCARD"))
                yielded.append(card)
            count += 1
            card = _Card(count)
            return
        if upper == b"END:VCARD":
            if card is not None:
                yielded.append(card)
            card = None
            return
        if card is None:
            return  # text between cards
        head = _head(line)
        if head is None:
            shown = line[:40].decode("utf-8", errors="replace")
            card.problems.append(
                CellProblem("card", f"the line {shown!r} is not a vCard property; left out")
            )
            return
        name, params = head
        card.properties.append(_Property(name, params, bytes(line[_colon(line) + 1 :])))

    yielded: list[_Card] = []
    for raw in lines:
        if skipping:  # most lines of a phone's export are its photos' base64
            if raw[:1] in (b" ", b"\t") or (bare_base64 and b":" not in raw and raw.strip()):
                continue
            skipping = bare_base64 = False
        line = raw.rstrip(b"\r\n")
        if pending is not None:
            if pending_qp and pending.endswith(b"="):
                pending[-1:] = line.lstrip()  # QP's soft line break
                continue
            if line[:1] in (b" ", b"\t"):
                pending += line[1:]
                continue
            finish(bytes(pending))
            pending = None
        if not line.strip():
            continue
        # Only the name and the transfer encoding are needed here; the line is parsed in full
        # once unfolded (``finish``).
        colon = line.find(b":")
        head_bytes = line[:colon].upper() if colon > 0 else b""
        name = head_bytes.split(b";", 1)[0].rsplit(b".", 1)[-1].strip()
        if name in _BINARY:
            skipping = True
            bare_base64 = b"BASE64" in head_bytes or b"ENCODING=B" in head_bytes
            continue
        pending = bytearray(line)
        pending_qp = b"QUOTED-PRINTABLE" in head_bytes
        if yielded:
            yield from yielded
            yielded.clear()
    if pending is not None:
        finish(bytes(pending))
    yield from yielded
    if card is not None:
        card.problems.append(
            CellProblem("card", "the card has no END:VCARD (the file is cut short)")
        )
        yield card


class _Reader:
    """One card's properties decoded into the row's cells."""

    def __init__(self, card: _Card, encoding: Encoding, charsets: set[str]) -> None:
        self.card = card
        self.encoding = encoding
        self.charsets = charsets
        self.version = "3.0"
        for prop in card.properties:
            if prop.name == "VERSION":
                self.version = prop.raw.decode("ascii", errors="replace").strip()

    def problem(self, field_name: str, reason: str, kept: str = "") -> None:
        self.card.problems.append(CellProblem(field_name, reason, kept))

    def text(self, prop: _Property, field_name: str) -> str | None:
        """The value as text in its charset (transfer encoding undone, escapes kept)."""
        data = prop.raw
        encoding = _encoding(prop.params)
        if encoding == "QUOTED-PRINTABLE":
            data = quopri.decodestring(data)
        elif encoding in ("BASE64", "B"):
            try:
                data = base64.b64decode(data, validate=False)
            except (binascii.Error, ValueError):
                self.problem(field_name, f"{prop.name} is not valid base64; left out")
                return None
        named = (prop.params.get("CHARSET") or [""])[0]
        if named:
            codec = codec_of(named)
            if codec is None:
                self.problem(field_name, f"{prop.name} names an unknown charset {named!r}",
                             data.decode("utf-8", errors="backslashreplace"))  # fmt: skip
                return None
            self.charsets.add(encoding_label(codec))
        else:
            codec = "utf_8" if self.encoding.codec == "ascii" else self.encoding.codec
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            label = encoding_label(codec)
            self.problem(
                field_name,
                f"{prop.name} is not {label} text",
                data.decode(codec, errors="backslashreplace"),
            )
            return None
        if encoding == "QUOTED-PRINTABLE":
            text = text.replace("\r\n", "\n")
        return text

    def unescape(self, text: str) -> str:
        if self.version.startswith("2"):
            return text.replace("\\;", ";")
        return _ESCAPE.sub(lambda m: "\n" if m[1] in "nN" else m[1], text)

    def split(self, text: str, separator: str) -> list[str]:
        """Components of a compound or list value, split on unescaped separators, unescaped."""
        parts, current, i = [], [], 0
        while i < len(text):
            ch = text[i]
            if ch == "\\" and i + 1 < len(text):
                current.append(text[i : i + 2])
                i += 2
                continue
            if ch == separator:
                parts.append("".join(current))
                current = []
            else:
                current.append(ch)
            i += 1
        parts.append("".join(current))
        return [self.unescape(p).strip() for p in parts]

    def values(self, name: str, field_name: str) -> Iterator[tuple[_Property, str]]:
        for prop in self.card.properties:
            if prop.name == name:
                text = self.text(prop, field_name)
                if text is not None:
                    yield prop, text

    def first(self, name: str, field_name: str) -> str:
        for _prop, text in self.values(name, field_name):
            value = self.unescape(text).strip()
            if value:
                return value
        return ""

    def phones(self) -> list[str]:
        out = []
        for prop, text in self.values("TEL", "phone"):
            value = text.strip()
            is_uri = (
                value[:4].lower() == "tel:"
                or (prop.params.get("VALUE") or [""])[0].lower() == "uri"
            )
            if is_uri:
                number, *uri_params = value.split(":", 1)[-1].split(";")
                ext = next((p[4:] for p in uri_params if p.lower().startswith("ext=")), "")
                value = unquote(number) + (f" ext. {unquote(ext)}" if ext else "")
            else:
                # Pause and wait as written by dialers (",", ";") become p and w, so a list
                # separator never cuts a number in two.
                value = self.unescape(value).replace(",", "p").replace(";", "w")
            if value.strip():
                out.append(value.strip())
        return out

    def name(self) -> str:
        fn = self.first("FN", "name")
        if fn:
            return fn
        for _prop, text in self.values("N", "name"):
            parts = [*self.split(text, ";"), "", "", "", "", ""][:5]
            family, given, additional, prefix, suffix = (" ".join(p.split(",")) for p in parts)
            if _CJK.search(family + given):
                return (family + given).strip()
            joined = " ".join(p for p in (prefix, given, additional, family, suffix) if p.strip())
            if joined:
                return joined
        for _prop, text in self.values("NICKNAME", "name"):
            nick = next((n for n in self.split(text, ",") if n), "")
            if nick:
                return nick
        return ""

    def organisation(self) -> tuple[str, str]:
        for _prop, text in self.values("ORG", "account"):
            parts = [p for p in self.split(text, ";") if p]
            if parts:
                return parts[0], " / ".join(parts[1:])
        return "", ""

    def gender(self) -> str:
        for name in ("GENDER", "X-GENDER"):
            for _prop, text in self.values(name, "gender"):
                sex = self.split(text, ";")[0]
                if sex:
                    return sex
        wab = self.first("X-WAB-GENDER", "gender")
        return _WAB_GENDER.get(wab, wab)

    def categories(self) -> list[str]:
        out: list[str] = []
        for name in ("CATEGORIES", "X-CATEGORIES"):
            for _prop, text in self.values(name, "tags"):
                out += [c for c in self.split(text, ",") if c]
        return out

    def wechat(self) -> str:
        """X-WECHAT / X-WEIXIN, Apple's X-SOCIALPROFILE;type=wechat;x-user=ID, or an IMPP
        with X-SERVICE-TYPE=WeChat or a weixin: URI."""
        for name in ("X-WECHAT", "X-WEIXIN"):
            if value := self.first(name, "wechat"):
                return value
        for prop, text in self.values("X-SOCIALPROFILE", "wechat"):
            types = {t.lower() for t in prop.params.get("TYPE", [])}
            if types & _WECHAT_TYPES:
                user = prop.params.get("X-USER", [])
                return user[0] if user else self.unescape(text).rsplit(":", 1)[-1].strip("/")
        for prop, text in self.values("IMPP", "wechat"):
            service = {s.lower() for s in prop.params.get("X-SERVICE-TYPE", [])}
            scheme, _, rest = self.unescape(text).partition(":")
            if service & _WECHAT_TYPES or scheme.lower() in _WECHAT_TYPES:
                return rest.strip("/") if rest else scheme
        return ""

    def row(self) -> SourceRow:
        company, department = self.organisation()
        notes = [self.unescape(t).strip() for _p, t in self.values("NOTE", "notes")]
        cells = (
            self.name(),
            "\n".join(self.phones()),
            "\n".join(
                e for _p, t in self.values("EMAIL", "email") if (e := self.unescape(t).strip())
            ),
            company,
            department,
            self.first("TITLE", "title"),
            self.first("BDAY", "birthday"),
            self.gender(),
            "\n".join(self.categories()),
            "\n".join(n for n in notes if n),
            self.wechat(),
        )
        return SourceRow(self.card.number, cells, tuple(self.card.problems))


def read_vcard_lines(lines: Iterable[bytes], encoding: Encoding) -> SourceTable:
    """The cards in ``lines`` (bytes, as a binary file yields them) as a table."""
    rows: list[SourceRow] = []
    charsets: set[str] = set()
    for card in iter_cards(lines):
        rows.append(_Reader(card, encoding, charsets).row())
    if not rows:
        raise UnreadableFileError("the file holds no vCard (no BEGIN:VCARD line)")
    table = SourceTable("vcard", COLUMNS, rows, mapping=dict(MAPPING))
    table.encoding = encoding.label
    table.encoding_how = encoding.how
    table.charsets = tuple(sorted(charsets))
    return table


def read_vcards(text: str) -> SourceTable:
    """Cards from text already decoded (tests, pasted text)."""
    return read_vcard_lines(
        (line.encode("utf-8") for line in text.splitlines(keepends=True)),
        Encoding("utf_8", "given"),
    )
