"""vCard 2.1, 3.0 and 4.0 files as phones and address books write them, read with vobject.

vobject reads 3.0 and 4.0 well; what real files add is cleaned before it sees them:

* vCard 2.1 (old Android, Nokia): ``ENCODING=QUOTED-PRINTABLE`` values with ``CHARSET=UTF-8``
  or ``GB2312``/``GBK``, continued over lines by a trailing ``=`` (not by folding). They are
  decoded here, in their charset, and written back as plain text.
* Photos, logos and sounds (often hundreds of kilobytes of base64) are dropped unread.
* Cards are split first, so one damaged card is reported by its number and the others import.

Each card becomes a row (its number is its position in the file, from 1) of fixed columns, with
the natural mapping; FN is the name, else N's parts (family then given for a Chinese name).
"""

from __future__ import annotations

import quopri
import re
from typing import Any

import vobject  # type: ignore[import-untyped]

from crmdesk.core.importing.table import BrokenRow, SourceRow, SourceTable, UnreadableFileError

COLUMNS = ("Name", "Phone", "E-mail", "Company", "Department", "Job title", "Birthday",
           "Gender", "Categories", "Note", "WeChat")  # fmt: skip
MAPPING = {0: "name", 1: "phones", 2: "emails", 3: "account", 4: "department", 5: "title",
           6: "birthday", 7: "gender", 8: "tags", 9: "notes", 10: "wechat"}  # fmt: skip
_DROPPED = {"PHOTO", "LOGO", "SOUND", "KEY"}
_QP = re.compile(r"(^|;)\s*(ENCODING=)?QUOTED-PRINTABLE\s*(?=;|$)", re.IGNORECASE)
_CHARSET = re.compile(r";\s*CHARSET=([^;:]*)", re.IGNORECASE)
_TEL_URI = re.compile(r"^tel:", re.IGNORECASE)  # vCard 4.0 writes TEL as a URI
_CJK = re.compile(r"[\u3400-\u9fff]")
# Python's names for what old phones write; GB18030 reads GB2312 and GBK text too.
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5"}


class _BrokenCard(Exception):
    pass


def _split_cards(text: str) -> list[tuple[int, list[str] | str]]:
    """(card number, its lines) per card, or (number, reason) for one that is cut short."""
    cards: list[tuple[int, list[str] | str]] = []
    current: list[str] | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if current is not None:
                cards.append((len(cards) + 1, "the card has no END:VCARD before the next card"))
            current = []
        elif upper == "END:VCARD":
            if current is not None:
                cards.append((len(cards) + 1, current))
            current = None
        elif current is not None:
            current.append(line)
    if current is not None:
        cards.append((len(cards) + 1, "the card has no END:VCARD (the file is cut short)"))
    return cards


def _logical_lines(lines: list[str]) -> list[str]:
    """Unfold: a leading space or tab continues a line; so does a QP value ending in "="."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if out and _is_qp_open(out[-1]):
            out[-1] = out[-1][:-1] + line.lstrip()  # "=" at the end is QP's soft line break
        elif out and line[:1] in (" ", "\t"):
            out[-1] += line[1:]
        else:
            out.append(line)
    return out


def _is_qp_open(line: str) -> bool:
    head, _, _ = line.partition(":")
    return line.endswith("=") and bool(_QP.search(head))


def _charset(params: str) -> str:
    match = _CHARSET.search(params)
    name = match.group(1).strip().strip('"').lower() if match else "utf-8"
    return _CHARSETS.get(name, name)


def _clean_line(line: str) -> str | None:
    """The line vobject should see: QP decoded, CHARSET gone; None to drop it."""
    head, sep, value = line.partition(":")
    if not sep:
        raise _BrokenCard(f"the line {line[:40]!r} has no ':'")
    name = head.split(";", 1)[0].split(".")[-1].strip().upper()  # "item1.TEL" -> TEL
    if name in _DROPPED:
        return None
    params = head[len(head.split(";", 1)[0]) :]
    if _QP.search(params):
        raw = quopri.decodestring(value.encode("ascii", errors="replace"))
        try:
            value = raw.decode(_charset(params))
        except (UnicodeDecodeError, LookupError) as exc:
            raise _BrokenCard(f"{name} cannot be decoded as {_charset(params)}: {exc}") from None
        value = value.replace("\r\n", "\n").replace("\n", "\\n")
        params = _QP.sub("", params)
    params = _CHARSET.sub("", params)
    return head.split(";", 1)[0] + params + ":" + value


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if v)
    return str(value or "").strip()


def _name(card: Any) -> str:
    fn = _text(getattr(card, "fn", None) and card.fn.value)
    if fn:
        return fn
    n = getattr(card, "n", None)
    if n is None or not hasattr(n.value, "family"):
        return ""
    family, given = _text(n.value.family), _text(n.value.given)
    if _CJK.search(family + given):
        return family + given
    return " ".join(p for p in (_text(n.value.prefix), given, _text(n.value.additional), family)
                    if p)  # fmt: skip


def _values(card: Any, key: str) -> list[Any]:
    return [child.value for child in card.contents.get(key, [])]


def _wechat(card: Any) -> str:
    """WeChat ID: X-WECHAT, or Apple's X-SOCIALPROFILE;type=wechat;x-user=ID."""
    for child in card.contents.get("x-wechat", []):
        return _text(child.value)
    for child in card.contents.get("x-socialprofile", []):
        types = [t.lower() for t in child.params.get("TYPE", [])]
        if "wechat" in types or "weixin" in types:
            user = child.params.get("X-USER", [])
            return _text(user[0] if user else str(child.value).rsplit(":", 1)[-1])
    return ""


def _row(number: int, card: Any) -> SourceRow:
    org = _values(card, "org")
    org_parts = [p.strip() for p in (org[0] if org and isinstance(org[0], list) else org) if p]
    gender = _values(card, "gender") or _values(card, "x-gender")
    categories = [
        _text(item)
        for value in _values(card, "categories")
        for item in (value if isinstance(value, list) else [value])
    ]
    cells = (
        _name(card),
        "; ".join(_TEL_URI.sub("", _text(v)) for v in _values(card, "tel") if _text(v)),
        "; ".join(_text(v) for v in _values(card, "email") if _text(v)),
        org_parts[0] if org_parts else "",
        " / ".join(org_parts[1:]),
        _text((_values(card, "title") or [""])[0]),
        _text((_values(card, "bday") or [""])[0]),
        _text(gender[0]).split(";")[0] if gender else "",
        "; ".join(c for c in categories if c),
        "\n".join(_text(v) for v in _values(card, "note") if _text(v)),
        _wechat(card),
    )
    return SourceRow(number, cells)


def read_vcards(text: str) -> SourceTable:
    cards = _split_cards(text)
    if not cards:
        raise UnreadableFileError("the file holds no vCard (no BEGIN:VCARD line)")
    rows: list[SourceRow] = []
    broken: list[BrokenRow] = []
    for number, lines in cards:
        if isinstance(lines, str):
            broken.append(BrokenRow(number, lines))
            continue
        try:
            cleaned = [c for c in map(_clean_line, _logical_lines(lines)) if c is not None]
            body = "\r\n".join(["BEGIN:VCARD", *cleaned, "END:VCARD"]) + "\r\n"
            card = vobject.readOne(body, validate=False)
            rows.append(_row(number, card))
        except (_BrokenCard, vobject.base.ParseError, ValueError, TypeError, AttributeError) as exc:
            broken.append(BrokenRow(number, f"the card cannot be read: {exc}"))
    return SourceTable("vcard", COLUMNS, rows, broken, dict(MAPPING))
