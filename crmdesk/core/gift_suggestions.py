"""Gift suggestions for a festival campaign (三节两寿): what to give each person, and why.

The week before Mid-Autumn a rep works through dozens of key contacts at once. For each, this
module picks one gift from a small editable catalogue
(the book's: :mod:`crmdesk.db.services.gift_catalogue`), using what the book knows:

* the contact's **taboos** rule items out — a dietary taboo, a religion, or a drink preference such
  as "不喝酒" (no alcohol for someone who does not drink; no pork or alcohol for a halal diet; no
  sweets for a diabetic), and so does **custom**: clocks (送钟 sounds like 送终, attending a
  death), umbrellas (伞/散, parting), pears (梨/离, separation), knives and scissors (cutting ties)
  are never suggested, whatever the catalogue holds;
* **never the same gift twice** to the same person (any earlier gift of the same item, by key or by
  name), and never the same item to two people of one account on one occasion;
* the tier's **per-gift budget** (a gift above it is never suggested);
* the contact's **preferences** make an item rank first: a favourite tea makes the tea gift that
  tea ("安化黑茶: his favourite tea").

Pure rules over plain dataclasses: nothing here reads a book. Every suggestion explains itself
through :class:`Reason` codes with their arguments, so the GUI translates them and the CLI prints
them (:func:`describe`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from crmdesk.core.money import DEFAULT_CURRENCY, Money


class Tag(StrEnum):
    """What a gift is, as far as taboos and preferences care."""

    TEA = "tea"
    ALCOHOL = "alcohol"
    SWEETS = "sweets"
    MEAT = "meat"
    PORK = "pork"
    FRUIT = "fruit"
    TOBACCO = "tobacco"
    FOOD = "food"
    HEALTH = "health"
    STATIONERY = "stationery"
    CLOTHING = "clothing"
    BOOK = "book"


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """One gift a rep can buy, with its price in minor units (fen, cents)."""

    key: str
    name_zh: str
    name_en: str
    price_minor: int
    tags: frozenset[Tag]
    occasions: frozenset[str] = frozenset()  # festival keys it suits; empty: any occasion
    currency: str = DEFAULT_CURRENCY

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    def suits(self, occasion: str) -> bool:
        return not self.occasions or occasion in self.occasions


MID_AUTUMN = "cn.mid_autumn"
DRAGON_BOAT = "cn.dragon_boat"
SPRING_FESTIVAL = "cn.spring_festival"

# The starting catalogue: a new book is seeded with it (book migration 0010), and the rep edits
# the book's copy (crmdesk.db.services.gift_catalogue); suggestions read the book's.
DEFAULT_CATALOGUE: tuple[CatalogueItem, ...] = (
    CatalogueItem("mooncakes", "月饼礼盒", "Mooncake box", 30_000,
                  frozenset({Tag.SWEETS, Tag.FOOD}), frozenset({MID_AUTUMN})),
    CatalogueItem("zongzi", "粽子礼盒", "Zongzi box", 20_000,
                  frozenset({Tag.FOOD, Tag.MEAT, Tag.PORK}), frozenset({DRAGON_BOAT})),
    CatalogueItem("tea", "茶叶礼盒", "Tea gift box", 50_000, frozenset({Tag.TEA})),
    CatalogueItem("red_wine", "红酒礼盒", "Red wine gift box", 60_000, frozenset({Tag.ALCOHOL})),
    CatalogueItem("baijiu", "白酒礼盒", "Baijiu gift box", 80_000, frozenset({Tag.ALCOHOL})),
    CatalogueItem("fruit", "水果礼篮", "Fruit basket", 25_000, frozenset({Tag.FRUIT, Tag.FOOD})),
    CatalogueItem("nuts", "坚果礼盒", "Nut gift box", 18_000, frozenset({Tag.FOOD})),
    CatalogueItem("bird_nest", "燕窝礼盒", "Bird's nest gift box", 90_000,
                  frozenset({Tag.HEALTH, Tag.FOOD})),
    CatalogueItem("silk_scarf", "真丝围巾", "Silk scarf", 40_000, frozenset({Tag.CLOTHING})),
    CatalogueItem("pen", "钢笔", "Fountain pen", 35_000, frozenset({Tag.STATIONERY})),
    CatalogueItem("books", "书籍礼盒", "Book set", 15_000, frozenset({Tag.BOOK})),
)  # fmt: skip


class ReasonCode(StrEnum):
    FAVOURITE = "favourite"  # args: category, value
    LAST_GIFT = "last_gift"  # args: description, year
    WITHIN_BUDGET = "within_budget"  # args: price, budget (minor units)
    FITS_OCCASION = "fits_occasion"  # args: occasion


@dataclass(frozen=True, slots=True)
class Reason:
    code: ReasonCode
    args: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Preference:
    category: str  # a code of crmdesk.core.vocab.PREFERENCE_CATEGORIES
    value: str


@dataclass(frozen=True, slots=True)
class PastGift:
    year: int
    description: str
    item_key: str | None = None  # when the gift came from the catalogue


@dataclass(frozen=True, slots=True)
class GiftProfile:
    """What the book knows of one contact, for choosing a gift."""

    contact_id: str
    account_id: str | None
    budget_minor: int | None  # the tier's per-gift budget; None: no limit
    preferences: tuple[Preference, ...] = ()
    past_gifts: tuple[PastGift, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    contact_id: str
    item: CatalogueItem
    name: str  # what to buy: the item's name, or the favourite that refines it ("安化黑茶")
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why nothing could be suggested (every item excluded), for the rep to decide by hand."""

    contact_id: str
    excluded: dict[str, str] = field(default_factory=dict)  # item key -> why


# Custom: gifts never given in Chinese custom, by the words that name them, and why.
_CUSTOM_TABOOS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("钟", "clock"), "送钟 sounds like 送终 (attending a death)"),
    (("伞", "umbrella"), "伞 sounds like 散 (parting)"),
    (("梨", "pear"), "梨 sounds like 离 (separation)"),
    (("刀", "剪", "knife", "knives", "scissors"), "a blade cuts the relationship"),
    (("绿帽", "green hat"), "a green hat says a spouse is unfaithful"),
)

# A contact's taboo, drink or religion text -> the tags it rules out.
_TABOO_RULES: tuple[tuple[tuple[str, ...], frozenset[Tag]], ...] = (
    (("不喝酒", "不饮酒", "戒酒", "滴酒不沾", "忌酒", "不沾酒", "禁酒", "no alcohol",
      "does not drink", "doesn't drink", "teetotal", "non-drinker", "sober"),
     frozenset({Tag.ALCOHOL})),
    (("清真", "穆斯林", "伊斯兰", "回族", "halal", "muslim", "islam"),
     frozenset({Tag.PORK, Tag.ALCOHOL})),
    (("不吃猪", "猪肉", "pork"), frozenset({Tag.PORK})),
    (("素食", "吃素", "茹素", "vegetarian", "vegan"), frozenset({Tag.MEAT, Tag.PORK})),
    (("糖尿病", "控糖", "无糖", "不吃甜", "忌糖", "diabet", "no sugar", "sugar-free"),
     frozenset({Tag.SWEETS})),
    (("不抽烟", "戒烟", "不吸烟", "no smoking", "non-smoker", "quit smoking"),
     frozenset({Tag.TOBACCO})),
    (("不喝茶", "no tea"), frozenset({Tag.TEA})),
)  # fmt: skip

_TABOO_CATEGORIES = frozenset({"dietary_taboo", "religion"})
# Preferences that name what to give, and the tag of the item they refine.
_FAVOURITE_TAGS = {"tea": Tag.TEA, "drink": Tag.ALCOHOL}
_NEGATION = re.compile(r"不|戒|忌|禁|无|no |not |n't")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def custom_taboo(item: CatalogueItem) -> str | None:
    """Why custom forbids this item as a gift, or None."""
    names = _fold(item.name_zh) + " " + _fold(item.name_en) + " " + _fold(item.key)
    for words, why in _CUSTOM_TABOOS:
        if any(w in names for w in words):
            return why
    return None


def taboo_tags(preferences: Iterable[Preference]) -> frozenset[Tag]:
    """The tags a contact's taboos rule out (dietary taboos, religion, "不喝酒" as a drink)."""
    ruled_out: set[Tag] = set()
    for pref in preferences:
        text = _fold(pref.value)
        if pref.category not in _TABOO_CATEGORIES and not _NEGATION.search(text):
            continue  # "茅台" as a drink is a favourite, "不喝酒" a taboo
        for words, tags in _TABOO_RULES:
            if any(w in text for w in words):
                ruled_out |= tags
    return frozenset(ruled_out)


def _named_in_taboo(item: CatalogueItem, preferences: Iterable[Preference]) -> bool:
    """A taboo that names the item itself ("不吃月饼" rules out the mooncake box)."""
    core = _fold(item.name_zh).removesuffix("礼盒").removesuffix("礼篮")
    for pref in preferences:
        text = _fold(pref.value)
        if (pref.category in _TABOO_CATEGORIES or _NEGATION.search(text)) and core and core in text:
            return True
    return False


def _given_before(item: CatalogueItem, past: Sequence[PastGift]) -> PastGift | None:
    core = _fold(item.name_zh).removesuffix("礼盒").removesuffix("礼篮")
    english = _fold(item.name_en)
    for gift in past:
        described = _fold(gift.description)
        if gift.item_key == item.key or (core and core in described) or english == described:
            return gift
    return None


def _favourite(item: CatalogueItem, preferences: Sequence[Preference]) -> Preference | None:
    for pref in preferences:
        tag = _FAVOURITE_TAGS.get(pref.category)
        if tag is not None and tag in item.tags and not _NEGATION.search(_fold(pref.value)):
            return pref
        if pref.category == "gift" and _fold(item.name_zh).removesuffix("礼盒") in _fold(
            pref.value
        ):
            return pref
    return None


def exclusions(
    profile: GiftProfile, item: CatalogueItem, occasion: str, taken: frozenset[str] = frozenset()
) -> str | None:
    """Why ``item`` must not go to this contact on this occasion, or None when it may."""
    if not item.suits(occasion):
        return "not for this occasion"
    if why := custom_taboo(item):
        return why
    ruled_out = taboo_tags(profile.preferences) & item.tags
    if ruled_out:
        return "taboo: " + ", ".join(sorted(t.value for t in ruled_out))
    if _named_in_taboo(item, profile.preferences):
        return "taboo names it"
    if (earlier := _given_before(item, profile.past_gifts)) is not None:
        return f"given in {earlier.year}: {earlier.description}"
    favourite = _favourite(item, profile.preferences)
    if favourite is not None and favourite.category in _FAVOURITE_TAGS:
        # The item would become his favourite ("安化黑茶"): was that given already?
        refined = _fold(favourite.value)
        for gift in profile.past_gifts:
            if refined and refined in _fold(gift.description):
                return f"given in {gift.year}: {gift.description}"
    if item.key in taken:
        return "already chosen for someone of the same account"
    if profile.budget_minor is not None and item.currency != DEFAULT_CURRENCY:
        return f"priced in {item.currency}, the budget in {DEFAULT_CURRENCY}"
    if profile.budget_minor is not None and item.price_minor > profile.budget_minor:
        return "over the tier's budget"
    return None


def suggest(
    profile: GiftProfile,
    catalogue: Sequence[CatalogueItem],
    occasion: str,
    taken: frozenset[str] = frozenset(),
    lang: str = "zh",
) -> Suggestion | Refusal:
    """The best allowed gift for one contact: a favourite first, then what suits the occasion,
    then the price closest to the budget (a key account's budget is meant to be used)."""
    allowed: list[tuple[tuple[int, int, int, str], CatalogueItem, Preference | None]] = []
    excluded: dict[str, str] = {}
    for item in catalogue:
        why = exclusions(profile, item, occasion, taken)
        if why is not None:
            excluded[item.key] = why
            continue
        favourite = _favourite(item, profile.preferences)
        budget = profile.budget_minor
        distance = abs(budget - item.price_minor) if budget is not None else -item.price_minor
        rank = (0 if favourite else 1, 0 if item.occasions else 1, distance, item.key)
        allowed.append((rank, item, favourite))
    if not allowed:
        return Refusal(profile.contact_id, excluded)
    _, item, favourite = min(allowed, key=lambda entry: entry[0])
    reasons: list[Reason] = []
    name = item.name(lang)
    if favourite is not None:
        reasons.append(Reason(ReasonCode.FAVOURITE, (favourite.category, favourite.value)))
        if favourite.category in _FAVOURITE_TAGS:
            name = favourite.value  # the tea box becomes his tea
    if item.occasions:
        reasons.append(Reason(ReasonCode.FITS_OCCASION, (occasion,)))
    if profile.past_gifts:
        last = max(profile.past_gifts, key=lambda g: g.year)
        reasons.append(Reason(ReasonCode.LAST_GIFT, (last.description, str(last.year))))
    if profile.budget_minor is not None:
        reasons.append(
            Reason(ReasonCode.WITHIN_BUDGET, (str(item.price_minor), str(profile.budget_minor)))
        )
    return Suggestion(profile.contact_id, item, name, tuple(reasons))


def suggest_for_campaign(
    profiles: Sequence[GiftProfile],
    catalogue: Sequence[CatalogueItem],
    occasion: str,
    lang: str = "zh",
) -> dict[str, Suggestion | Refusal]:
    """One suggestion per contact; within an account no item goes to two people.

    Contacts are served in the order given (the campaign lists key people first), so the first
    contact of an account gets the first choice.
    """
    taken: dict[str | None, set[str]] = {}
    result: dict[str, Suggestion | Refusal] = {}
    for profile in profiles:
        account_taken = taken.setdefault(profile.account_id, set())
        chosen = suggest(
            profile,
            catalogue,
            occasion,
            frozenset(account_taken) if profile.account_id is not None else frozenset(),
            lang,
        )
        if isinstance(chosen, Suggestion) and profile.account_id is not None:
            account_taken.add(chosen.item.key)
        result[profile.contact_id] = chosen
    return result


_CATEGORY_WORDS = {
    "zh": {"tea": "茶", "drink": "酒", "gift": "礼品"},
    "zh_TW": {"tea": "茶", "drink": "酒", "gift": "禮品"},
    "en": {"tea": "tea", "drink": "drink", "gift": "gift"},
}
# The reasons' words: (favourite, for the occasion, given in a year, within a budget).
_REASON_WORDS = {
    "zh": ("最爱的{0}", "应节礼品", "{1} 年送过{0}", "预算 {0} 以内"),
    "zh_TW": ("最愛的{0}", "應節禮品", "{1} 年送過{0}", "預算 {0} 以內"),
    "en": ("favourite {0}", "made for the occasion", "{1}: {0}", "within the budget of {0}"),
}


def _reason_language(lang: str) -> str:
    norm = lang.replace("-", "_").casefold()
    if norm.startswith(("zh_tw", "zh_hk", "zh_mo", "zh_hant")):
        return "zh_TW"
    return "zh" if norm.startswith("zh") else "en"


def describe(suggestion: Suggestion, lang: str = "zh") -> str:
    """The suggestion with its reasons, in one line ("安化黑茶：最爱的茶；2025 年送过月饼");
    ``lang`` zh_TW (or zh_HK) says them in traditional characters."""
    short = _reason_language(lang)
    zh = short != "en"
    words = _CATEGORY_WORDS[short]
    favourite, occasion, given, within = _REASON_WORDS[short]
    parts: list[str] = []
    budget: str | None = None
    for reason in suggestion.reasons:
        if reason.code is ReasonCode.FAVOURITE:
            parts.append(favourite.format(words.get(reason.args[0], reason.args[0])))
        elif reason.code is ReasonCode.FITS_OCCASION:
            parts.append(occasion)
        elif reason.code is ReasonCode.LAST_GIFT:
            description, year = reason.args
            parts.append(given.format(description, year))
        elif reason.code is ReasonCode.WITHIN_BUDGET:
            limit = Money(int(reason.args[1])).amount.removesuffix(".00")
            budget = within.format(limit)
    if not parts and budget:
        parts.append(budget)  # said only when nothing better explains the choice
    separator = "；" if zh else "; "
    head = suggestion.name
    return head + ("：" if zh else ": ") + separator.join(parts) if parts else head
