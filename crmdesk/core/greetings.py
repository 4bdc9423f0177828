"""Festival greetings: a template per occasion, language and tone, filled in for each contact.

A rep greets dozens of people the week before a festival; each message must name the person the
way people address them (王总, 李经理, 张女士 — or "Ms Smith"), sound like the occasion, and,
in the warm tone, show that the rep remembers something about them ("您最爱的安化黑茶"). The rep
edits any message before copying it; crmdesk sends nothing itself.

Templates use ``{placeholders}`` (:data:`PLACEHOLDERS`). A template that names an unknown
placeholder, or leaves a brace unclosed, is refused with the placeholder named — never sent with a
hole in it. The honorific comes from the surname and the title: an executive title (总经理,
董事长, CEO, director…) gives 王总; other titles their own short form (李经理, 陈主任); without a
title, the gender gives 先生/女士; otherwise the full name.

Three languages: ``zh_CN`` (also plain ``zh``), ``zh_TW`` and ``en``. The traditional-Chinese
templates are written for Taiwan and Hong Kong readers, not converted from the simplified ones:
the phrasing differs (端午節快樂, not 端午安康; 敬愛的…您好; 闔家平安). Only the honorific is
converted (OpenCC ``s2t``: 刘总 -> 劉總), since a name is a name in either script. Titles written
in traditional characters (總經理) are read as their simplified forms. :func:`greeting_language`
picks a contact's language: a name or company written in traditional characters says zh_TW, a
Chinese name the book's Chinese (the rep's), anything else English.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import StrEnum

from crmdesk.core.errors import ValidationError
from crmdesk.core.search_keys import COMPOUND_SURNAMES, has_cjk, simplified


class Tone(StrEnum):
    FORMAL = "formal"
    WARM = "warm"


PLACEHOLDERS = frozenset({"name", "honorific", "title", "company", "sender", "preference"})


@dataclass(frozen=True, slots=True)
class GreetingContact:
    name: str  # as written: 王建国, Jane Smith
    surname: str | None  # 王 (for a Chinese name); None where unknown
    title: str | None
    gender: str | None  # "male", "female" or None
    company: str | None  # the contact's account
    preference: str | None = None  # one thing the rep remembers, e.g. a favourite tea


_EXECUTIVE_TITLES = ("总经理", "董事长", "总裁", "总监", "总工", "总", "ceo", "president",
                     "managing director", "chairman", "general manager")  # fmt: skip
_SHORT_TITLES = (
    ("经理", "经理"),
    ("主任", "主任"),
    ("处长", "处长"),
    ("局长", "局长"),
    ("院长", "院长"),
    ("校长", "校长"),
    ("部长", "部长"),
    ("科长", "科长"),
    ("教授", "教授"),
    ("医生", "医生"),
    ("老师", "老师"),
    ("工程师", "工"),
)


def chinese_surname(name: str) -> str | None:
    """The surname of a Chinese name (欧阳修 -> 欧阳, 王建国 -> 王); None for other names."""
    han = name.strip()
    if len(han) < 2 or not all(has_cjk(ch) for ch in han):
        return None
    return han[:2] if len(han) >= 3 and han[:2] in COMPOUND_SURNAMES else han[:1]


def _short(lang: str) -> str:
    """The template language of a language tag: "zh" (simplified), "zh_TW" or "en"."""
    norm = lang.replace("-", "_").casefold()
    if norm.startswith(("zh_tw", "zh_hk", "zh_mo", "zh_hant")):
        return "zh_TW"
    return "zh" if norm.startswith("zh") else "en"


# Surnames that are their own traditional form, though OpenCC's s2t, reading them as words, turns
# them into another character (余 -> 餘, 范 -> 範): a surname keeps its character.
_SURNAMES_AS_WRITTEN = frozenset("余范于郁干涂朴党种后")


def _traditional(text: str, surname: str | None) -> str:
    import opencc

    convert = opencc.OpenCC("s2t").convert
    if surname and text.startswith(surname):
        head = "".join(ch if ch in _SURNAMES_AS_WRITTEN else convert(ch) for ch in surname)
        return head + str(convert(text[len(surname) :]))
    return str(convert(text))


def has_traditional(text: str) -> bool:
    """Text with a character that simplified Chinese writes differently (總, 劉, 灣)."""
    return has_cjk(text) and simplified(text) != text


def greeting_language(name: str, company: str | None, book_chinese: str = "zh_CN") -> str:
    """A contact's greeting language: zh_TW for a name or company in traditional characters,
    the book's Chinese (``book_chinese``: zh_CN or zh_TW) for another Chinese name, else en."""
    if has_traditional(name) or has_traditional(company or ""):
        return "zh_TW"
    if chinese_surname(name) is not None:
        return "zh_TW" if _short(book_chinese) == "zh_TW" else "zh_CN"
    return "en"


def honorific(contact: GreetingContact, lang: str = "zh") -> str:
    """How to address the contact: 王总, 李经理, 张女士, "Ms Smith", or the name itself."""
    if _short(lang) == "zh_TW":
        return _traditional(honorific(contact, "zh_CN"), contact.surname)
    title = simplified((contact.title or "").casefold())
    if lang.startswith("zh") and contact.surname:
        if any(t in title for t in _EXECUTIVE_TITLES):
            return contact.surname + "总"
        for word, short in _SHORT_TITLES:
            if word in title:
                return contact.surname + short
        if contact.gender == "male":
            return contact.surname + "先生"
        if contact.gender == "female":
            return contact.surname + "女士"
        return contact.name
    if not lang.startswith("zh"):
        family = contact.name.split()[-1] if " " in contact.name.strip() else contact.name
        if contact.gender == "male":
            return f"Mr {family}"
        if contact.gender == "female":
            return f"Ms {family}"
    return contact.name


# Default templates: (occasion, language, tone) -> text. "*" serves any occasion.
DEFAULT_TEMPLATES: dict[tuple[str, str, Tone], str] = {
    ("cn.mid_autumn", "zh", Tone.FORMAL): (
        "尊敬的{honorific}：值此中秋佳节，谨代表{sender}祝您及家人节日快乐、阖家团圆、万事如意！"
    ),
    ("cn.mid_autumn", "zh", Tone.WARM): (
        "{honorific}，中秋快乐！记得您喜欢{preference}，给您备了一份心意，祝您和家人团团圆圆！"
        "——{sender}"
    ),
    ("cn.spring_festival", "zh", Tone.FORMAL): (
        "尊敬的{honorific}：新春佳节之际，{sender}恭祝您及家人新年快乐、身体健康、阖家幸福！"
    ),
    ("cn.spring_festival", "zh", Tone.WARM): (
        "{honorific}，过年好！感谢您这一年的照顾，祝您新的一年顺顺利利、事事如意！——{sender}"
    ),
    ("cn.dragon_boat", "zh", Tone.FORMAL): (
        "尊敬的{honorific}：端午安康！{sender}祝您及家人身体健康、诸事顺遂。"
    ),
    (
        "cn.dragon_boat",
        "zh",
        Tone.WARM,
    ): "{honorific}，端午安康！记得多吃粽子，注意休息。——{sender}",
    ("*", "zh", Tone.FORMAL): (
        "尊敬的{honorific}：节日快乐！{sender}祝您及家人幸福安康、万事如意！"
    ),
    ("*", "zh", Tone.WARM): "{honorific}，节日快乐！祝您和家人一切都好。——{sender}",
    # Traditional Chinese (Taiwan, Hong Kong): written, not converted.
    ("cn.mid_autumn", "zh_TW", Tone.FORMAL): (
        "敬愛的{honorific}您好：中秋佳節將至，謹代表{sender}敬祝您與家人中秋節快樂、闔家平安、"
        "萬事如意！"
    ),
    ("cn.mid_autumn", "zh_TW", Tone.WARM): (
        "{honorific}，中秋節快樂！記得您喜歡{preference}，特地為您準備了一點心意，祝您和家人"
        "花好月圓、團團圓圓！——{sender}"
    ),
    ("cn.spring_festival", "zh_TW", Tone.FORMAL): (
        "敬愛的{honorific}您好：值此新春佳節，{sender}敬祝您與家人新春愉快、身體健康、闔家平安！"
    ),
    ("cn.spring_festival", "zh_TW", Tone.WARM): (
        "{honorific}，新年快樂！謝謝您這一年來的照顧，祝您新的一年萬事如意、事事順心！——{sender}"
    ),
    ("cn.dragon_boat", "zh_TW", Tone.FORMAL): (
        "敬愛的{honorific}您好：端午節將至，{sender}敬祝您與家人端午節快樂、身體健康、諸事順利。"
    ),
    ("cn.dragon_boat", "zh_TW", Tone.WARM): (
        "{honorific}，端午節快樂！記得多吃粽子，也要多注意休息喔。——{sender}"
    ),
    ("*", "zh_TW", Tone.FORMAL): (
        "敬愛的{honorific}您好：佳節愉快！{sender}敬祝您與家人平安喜樂、萬事如意！"
    ),
    ("*", "zh_TW", Tone.WARM): "{honorific}，節日快樂！祝您和家人一切順心。——{sender}",
    ("*", "en", Tone.FORMAL): (
        "Dear {honorific}, on behalf of {sender}, warm wishes to you and your family for the "
        "holiday."
    ),
    ("*", "en", Tone.WARM): (
        "Hi {honorific}, happy holidays! I remembered you enjoy {preference}: a little something "
        "is on its way. Best, {sender}"
    ),
}
_WITHOUT_PREFERENCE = {
    "zh": ("记得您喜欢{preference}，给您备了一份心意，", "给您备了一份心意，"),
    "zh_TW": ("記得您喜歡{preference}，特地為您準備了一點心意，", "特地為您準備了一點心意，"),
    "en": (" I remembered you enjoy {preference}: a little something is on its way.", ""),
}


def placeholders_of(template: str) -> set[str]:
    """The placeholders a template uses; refuses a template that could not be filled."""
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:  # "{name" or "name}" alone
        raise ValidationError(
            f"the greeting has an unmatched brace: {exc}", field="template", code="bad_template"
        ) from exc
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise ValidationError(
                f"the greeting uses an unknown placeholder {{{name}}}; "
                f"known: {', '.join(sorted(PLACEHOLDERS))}",
                field="template",
                code="unknown_placeholder",
            )
        names.add(name)
    return names


def template_for(
    occasion: str,
    lang: str,
    tone: Tone,
    templates: dict[tuple[str, str, Tone], str] | None = None,
) -> str:
    """The template for an occasion, falling back to the language's "any occasion" one."""
    table = DEFAULT_TEMPLATES if templates is None else templates
    short = _short(lang)
    for key in ((occasion, short, tone), ("*", short, tone), ("*", "en", tone)):
        if key in table:
            return table[key]
    raise ValidationError(f"no greeting template for {occasion} in {lang}", code="no_template")


def greeting(
    contact: GreetingContact,
    occasion: str,
    *,
    sender: str,
    lang: str = "zh",
    tone: Tone = Tone.FORMAL,
    templates: dict[tuple[str, str, Tone], str] | None = None,
) -> str:
    """The message for one contact, ready for the rep to edit and copy."""
    template = template_for(occasion, lang, tone, templates)
    used = placeholders_of(template)
    short = _short(lang)
    if "preference" in used and not contact.preference:
        with_pref, without = _WITHOUT_PREFERENCE[short]
        if with_pref in template:  # the default wording: drop the clause, keep the message
            template = template.replace(with_pref, without)
            used.discard("preference")
        else:
            raise ValidationError(
                f"the greeting names {{preference}} but nothing is known of {contact.name}'s "
                "preferences",
                field="template",
                code="missing_preference",
            )
    values = {
        "name": contact.name,
        "honorific": honorific(contact, lang),
        "title": contact.title or "",
        "company": contact.company or "",
        "sender": sender,
        "preference": contact.preference or "",
    }
    return template.format_map(values)
