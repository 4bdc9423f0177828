"""Search and sort keys for names, and the normalisation shared by documents and queries.

Pinyin comes from pypinyin and is computed when a record is written, never at query time. A
person's name yields:

* ``pinyin`` — the full spelling joined ("zengguoliang"), the given name's alone ("guoliang"),
  then each syllable ("zeng", "guo", "liang"). Only the reading a name is said with is indexed:
  the surname's reading *as a surname*, and for a surname that people also say otherwise, that
  reading too (曾 "zeng" and "ceng", 单 "shan" and "dan"); every other character its usual
  reading only, so a rare reading never drags in strangers (周 is "zhou", not "shun"). ü is
  written all the ways people type it: "lv", "lu" and "lyu" (a typed "lü" folds to "lu");
* ``initials`` — the first letters of each joined spelling ("zgl cgl");
* ``sort_key`` — the surname's reading as a surname and the usual reading of the rest
  ("zeng guo liang"), so lists sort 安 < 白 < 曾 < 张; a Latin name sorts as its folded text.

Text bound for the full-text index, and every query, goes through :func:`search_text`: NFKC
(full-width to half-width), case folded, accents stripped, apostrophes inside a word dropped
("O'Brien" is "obrien"), traditional characters written simplified (OpenCC), so 張偉 and 张伟 are
one name to search. :func:`index_text` then makes one token per CJK character, because SQLite's
``unicode61`` tokenizer would otherwise make a whole run of Chinese characters one token, and 张三
could not be found by 三. This is also why trigram tokenizing is not used: it finds nothing for a
query shorter than three characters, and most Chinese names have two or three.

Qt-free and SQLAlchemy-free.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Han ideographs (with extensions and compatibility forms), kana and hangul: scripts written
# without spaces, indexed one character a token.
_CJK_RANGES = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK_CHAR = re.compile(f"[{_CJK_RANGES}]")
_CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")
# An index token: one CJK character, or a run of other letters and digits.
_INDEX_TOKEN = re.compile(f"[{_CJK_RANGES}]|[^\\W_{_CJK_RANGES}]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Anything that is neither a letter, a digit nor CJK separates words (in documents and queries).
_SEPARATORS = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d")
_PHONE_QUERY = re.compile(r"^[\d\s()+\-./]+$")
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
# Letters that may carry an accent to strip (Latin, Greek, Cyrillic and their combining marks).
_ACCENTABLE = re.compile(r"[\u00c0-\u04ff\u1e00-\u1fff]")
# An apostrophe between two letters is part of a name (O'Brien, D’Angelo): not a word break.
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019\u02bc`\u00b4](?=\w)")
_PINYIN_U = re.compile("(?<=[ln])[\u00fc\u01d6\u01d8\u01da\u01dc]")  # ü, ǖ, ǘ, ǚ, ǜ
_JOINERS = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")
_CACHED_TEXT = 64  # texts up to this long are cached when simplified (names, companies)

# The shortest run of digits that finds a phone number (the last four, a middle block, the whole).
MIN_PHONE_DIGITS = 3
# Reading variants of one name kept for its joined spelling and initials (polyphonic surname x
# polyphonic given name); bounds the document size of names written with many such characters.
MAX_VARIANTS = 8

# pypinyin reads characters as ordinary words; a few common surnames are read differently when
# they are surnames (曾 is "ceng" in 曾经 but the surname is "zeng"). pypinyin has no surname
# mode, so this table gives the surname reading, used first and for sorting; pypinyin still
# supplies every other reading (heteronym=True) so "ceng" finds 曾 too.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "缪": ("miao",),
    "覃": ("qin",),
    "召": ("shao",),
    "秘": ("bi",),
    "种": ("chong",),
    "折": ("she",),
    "员": ("yun",),
    "句": ("gou",),
    "谌": ("chen",),
    "翟": ("zhai",),
    "尉": ("wei",),
    "长孙": ("zhang", "sun"),
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
}
# Two-character surnames: the surname reading applies to both characters.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "尉迟", "长孙", "万俟", "东方",
        "夏侯", "公孙", "司徒", "轩辕", "端木", "宇文", "独孤", "南宫", "西门", "百里", "呼延",
        "澹台", "公冶", "太史", "申屠", "拓跋", "闻人", "赫连", "钟离", "宗政", "濮阳", "淳于",
        "单于", "鲜于", "闾丘", "司空", "仲孙", "羊舌", "梁丘", "左丘", "东门", "第五",
    }
)  # fmt: skip


@dataclass(frozen=True)
class NameKeys:
    """What is stored beside a name: ``pinyin`` and ``initials`` are space-separated tokens."""

    pinyin: str
    initials: str
    sort_key: str


def fold(text: str) -> str:
    """NFKC (full-width forms to half-width, compatibility ideographs), case folding, and Latin
    accents stripped ("García" is "garcia"; a typed "lü" is "lu")."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii() or not _ACCENTABLE.search(folded):
        return folded
    return unicodedata.normalize(
        "NFC", _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", folded))
    )


def simplified(text: str) -> str:
    """Traditional characters written simplified (OpenCC ``t2s``); text without Han as it is."""
    if not _HAN_RUN.search(text):
        return text
    _converted[0] += 1
    # Past a few hundred texts (a bulk load), a set of the characters that change lets most text
    # skip the converter; a single query or record does not pay for building it.
    if _converted[0] > _BULK_TEXTS and _traditional_characters().isdisjoint(text):
        return text
    if len(text) <= _CACHED_TEXT:
        return _simplified_short(text)
    return _t2s().convert(text)


@lru_cache(maxsize=65536)
def _simplified_short(text: str) -> str:
    # Names and company names repeat across a book: convert each once.
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _traditional_characters() -> frozenset[str]:
    """Every Han character OpenCC writes otherwise in simplified Chinese (found once, ~10 ms), so
    text without any skips the converter."""
    chars = [chr(c) for r in _HAN_BLOCKS for c in range(*r)]
    converted = _t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # not one line per character: convert every text instead
        return frozenset(chars)
    return frozenset(c for c, s in zip(chars, converted, strict=True) if c != s)


_HAN_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_BULK_TEXTS = 500
_converted = [0]  # texts with Han characters simplified so far in this process


@lru_cache(maxsize=1)
def _t2s() -> Any:
    # Imported here: loading OpenCC and its dictionaries costs ~0.2 s, and opening a book does
    # not need it; only writing or searching Chinese text does.
    import opencc

    return opencc.OpenCC("t2s")


def search_text(text: str) -> str:
    """Text as documents and queries are compared: folded, simplified, apostrophes inside a
    word dropped (O'Brien, O’Brien and OBrien are one name)."""
    return _APOSTROPHE.sub("", simplified(fold(text)))


def has_cjk(text: str) -> bool:
    return _CJK_CHAR.search(text) is not None


def index_text(text: str) -> str:
    """Text as the index should see it: :func:`search_text`, words split, each CJK character its
    own word."""
    if text.isascii():  # most handles, e-mails, codes: no width, accents or CJK to fold
        return " ".join(_SEPARATORS.sub(" ", _APOSTROPHE.sub("", text.lower())).split())
    return " ".join(_INDEX_TOKEN.findall(search_text(text)))


def name_index_text(name: str) -> str:
    """A name's words for the index: :func:`index_text`, plus a hyphenated or apostrophed Latin
    name also as its parts ("o'brien" gives "obrien o brien", "jean-luc" "jeanluc jean luc")."""
    words = index_text(name)
    if not _JOINERS.search(name) and not _APOSTROPHE.search(name):
        return words
    folded = fold(name)
    compounds = [
        w for w in _SEPARATORS.sub(" ", _JOINERS.sub("", folded)).split()
        if w not in words.split()
    ] + [
        w for w in _SEPARATORS.sub(" ", _APOSTROPHE.sub(" ", folded)).split()
        if w not in words.split()
    ]  # fmt: skip
    return " ".join(dict.fromkeys([*words.split(), *compounds]))


def phone_digits(text: str) -> str:
    return "".join(_DIGITS.findall(unicodedata.normalize("NFKC", text)))


def phone_tokens(phones: list[str] | tuple[str, ...]) -> str:
    """Each number as its overlapping runs of three digits ("138 381 812 ..."), numbers apart.

    Any run of MIN_PHONE_DIGITS or more digits is then a phrase of these tokens
    (:func:`phone_query_tokens`), found without a prefix index and with a vocabulary of at most
    a thousand tokens. An "x" token between numbers keeps a phrase from running across two.
    """
    numbers = []
    for phone in phones:
        digits = phone_digits(phone)
        if len(digits) >= MIN_PHONE_DIGITS:
            numbers.append(" ".join(phone_query_tokens(digits)))
    return " x ".join(numbers)


def phone_query_tokens(digits: str) -> list[str]:
    n = MIN_PHONE_DIGITS
    return [digits[i : i + n] for i in range(len(digits) - n + 1)]


def query_phone_digits(query: str) -> str | None:
    """The digits of a query that looks like (part of) a phone number, else None."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not _PHONE_QUERY.match(text):
        return None
    digits = phone_digits(text)
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def query_terms(query: str, *, pinyin: bool = False) -> list[str]:
    """The words of a query, normalised like documents; a CJK run stays one term (a phrase).

    For the ``pinyin`` index a typed ü after l or n (lü, nüe: the only places pinyin writes it)
    is v, as pypinyin spells it, so "lü" finds 吕 and not Lucas; elsewhere it folds to u like
    any accent (Müller is "muller")."""
    if pinyin:
        query = _PINYIN_U.sub("v", unicodedata.normalize("NFKC", query).casefold())
    folded = _CJK_RUN.sub(lambda m: " " + m.group() + " ", search_text(query))
    return _SEPARATORS.sub(" ", folded).split()


def name_key(name: str) -> str:
    """A whole name as the exact-name tier compares it: its query words run together, so
    "John Smith", "john  smith" and "JOHN-SMITH" are one, and 張偉 is 张伟."""
    return "".join(query_terms(name))


def is_cjk_term(term: str) -> bool:
    return _CJK_RUN.fullmatch(term) is not None


def _split_surname(han: str) -> tuple[str, str]:
    if len(han) >= 3 and simplified(han[:2]) in COMPOUND_SURNAMES:
        return han[:2], han[2:]
    return han[:1], han[1:]


def _han_readings(han: str, *, as_name: bool) -> tuple[list[list[str]], int]:
    """The readings of each character of a run of Han characters, and how many of them are the
    surname (0 unless ``as_name``).

    One reading per character — the usual one in context — except a surname's: its reading as
    a surname first, then the usual one where that differs (曾 "zeng", "ceng")."""
    # Imported here: pypinyin's dictionaries cost ~230 ms and ~56 MB, and opening or reading a
    # book (every app start) needs none of it; only writing a name does.
    from pypinyin import Style, lazy_pinyin

    readings = [[r] for r in lazy_pinyin(han, style=Style.NORMAL)]
    if len(readings) != len(han):  # pypinyin left something unread: one "reading" a character
        readings = [[r] for c in han for r in lazy_pinyin(c, style=Style.NORMAL)[:1]]
    if not as_name:
        return readings, 0
    surname, _ = _split_surname(han)
    for i, reading in enumerate(SURNAME_READINGS.get(simplified(surname), ())):
        readings[i] = list(dict.fromkeys([reading, *readings[i]]))
    return readings, len(surname)


def _u_umlaut(syllable: str) -> list[str]:
    # pypinyin writes ü as v (lv, nve); people type lv, lu, lyu (and lü, which folds to lu).
    if "v" not in syllable:
        return [syllable]
    return [syllable, syllable.replace("v", "u"), syllable.replace("v", "yu")]


@lru_cache(maxsize=65536)
def name_keys(name: str, *, personal: bool = True) -> NameKeys:
    """The pinyin, initials and sort key of a person's name (``personal``) or an account's.

    Only a person's name begins with a surname read as such (曾 "zeng" before "ceng").
    """
    folded = fold(name).strip()
    if not _HAN_RUN.search(folded):
        words = _SEPARATORS.sub(" ", search_text(folded)).split()
        initials = "".join(w[0] for w in words) if len(words) > 1 else ""
        return NameKeys(pinyin="", initials=initials, sort_key=" ".join(words))
    # One list of alternative readings per syllable, usual first; a Latin word is one "syllable".
    parts: list[list[str]] = []
    surname_seen = not personal
    given_from = 0  # where the given name starts, when the name starts with a Chinese surname
    for piece in re.split(f"({_HAN_RUN.pattern})", folded):
        if _HAN_RUN.fullmatch(piece):
            readings, surname_length = _han_readings(piece, as_name=not surname_seen)
            if surname_length and not parts:
                given_from = surname_length
            parts.extend(
                [s for r in alternatives for s in _u_umlaut(r)] for alternatives in readings
            )
            surname_seen = True
        else:
            parts.extend([w] for w in _SEPARATORS.sub(" ", search_text(piece)).split())
    variants = _reading_variants(parts)
    joined = ["".join(v) for v in variants]
    given = ["".join(v[given_from:]) for v in variants] if 0 < given_from < len(parts) else []
    syllables = [s for alternatives in parts for s in alternatives]
    return NameKeys(
        pinyin=" ".join(dict.fromkeys(joined + syllables + given)),
        initials=" ".join(dict.fromkeys("".join(s[0] for s in v) for v in variants)),
        sort_key=" ".join(part[0] for part in parts),
    )


def _reading_variants(parts: list[list[str]]) -> list[tuple[str, ...]]:
    """The usual reading, then each other reading of one syllable at a time (surname first).

    Not the full product: a long name full of polyphonic characters would have thousands.
    """
    usual = tuple(alternatives[0] for alternatives in parts)
    variants = [usual]
    for i, alternatives in enumerate(parts):
        for other in alternatives[1:]:
            if len(variants) >= MAX_VARIANTS:
                return variants
            variants.append((*usual[:i], other, *usual[i + 1 :]))
    return variants
