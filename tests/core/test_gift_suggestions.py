"""Gift suggestions: taboos, custom, never-repeat, one account, budget — answers worked out by hand
from the rules in the module's docstring and the default catalogue's prices."""

from __future__ import annotations

import pytest

from crmdesk.core.gift_suggestions import (
    DEFAULT_CATALOGUE,
    DRAGON_BOAT,
    MID_AUTUMN,
    CatalogueItem,
    GiftProfile,
    PastGift,
    Preference,
    Reason,
    ReasonCode,
    Refusal,
    Suggestion,
    Tag,
    custom_taboo,
    describe,
    exclusions,
    suggest,
    suggest_for_campaign,
    taboo_tags,
)

BY_KEY = {item.key: item for item in DEFAULT_CATALOGUE}


def profile(
    cid: str = "c1",
    *,
    account: str | None = "a1",
    budget: int | None = 50_000,
    prefs: tuple[Preference, ...] = (),
    past: tuple[PastGift, ...] = (),
) -> GiftProfile:
    return GiftProfile(cid, account, budget, prefs, past)  # fmt: skip


def chosen(result: Suggestion | Refusal) -> Suggestion:
    assert isinstance(result, Suggestion), result
    return result


def test_a_favourite_tea_becomes_the_gift_and_says_why() -> None:
    p = profile(
        prefs=(Preference("tea", "安化黑茶"),),
        past=(PastGift(2025, "月饼礼盒", "mooncakes"),),
    )
    s = chosen(suggest(p, DEFAULT_CATALOGUE, MID_AUTUMN))
    assert (s.item.key, s.name) == ("tea", "安化黑茶")
    assert s.reasons == (
        Reason(ReasonCode.FAVOURITE, ("tea", "安化黑茶")),
        Reason(ReasonCode.LAST_GIFT, ("月饼礼盒", "2025")),
        Reason(ReasonCode.WITHIN_BUDGET, ("50000", "50000")),
    )
    assert describe(s) == "安化黑茶：最爱的茶；2025 年送过月饼礼盒"
    assert describe(s, "en") == "安化黑茶: favourite tea; 2025: 月饼礼盒"


def test_without_a_favourite_the_occasions_own_gift_then_the_budget_decides() -> None:
    # Mid-Autumn, budget 500 yuan, no preferences: the mooncake box (made for the occasion,
    # 300 yuan) ranks before any gift for all occasions, even one priced exactly at the budget.
    assert chosen(suggest(profile(), DEFAULT_CATALOGUE, MID_AUTUMN)).item.key == "mooncakes"
    # Spring Festival has no item of its own: the closest to 500 yuan is the tea box (500).
    plain = chosen(suggest(profile(), DEFAULT_CATALOGUE, "cn.spring_festival"))
    assert plain.item.key == "tea"
    assert describe(plain) == "茶叶礼盒：预算 500 以内"
    assert describe(plain, "en") == "茶叶礼盒: within the budget of 500"
    # Budget 250 yuan: fruit (250) is closest among those within it.
    cheap = profile(budget=25_000)
    assert chosen(suggest(cheap, DEFAULT_CATALOGUE, "cn.spring_festival")).item.key == "fruit"


def test_no_alcohol_for_someone_who_does_not_drink() -> None:
    # He likes 茅台 but quit drinking: the drink preference "戒酒了" is a taboo, not a favourite.
    p = profile(budget=100_000, prefs=(Preference("drink", "戒酒了"),))
    for occasion in (MID_AUTUMN, "cn.spring_festival"):
        s = chosen(suggest(p, DEFAULT_CATALOGUE, occasion))
        assert Tag.ALCOHOL not in s.item.tags
    assert exclusions(p, BY_KEY["baijiu"], "cn.spring_festival") == "taboo: alcohol"
    assert taboo_tags([Preference("drink", "茅台")]) == frozenset()


@pytest.mark.parametrize(
    ("pref", "ruled_out"),
    [
        (Preference("religion", "穆斯林"), {Tag.PORK, Tag.ALCOHOL}),
        (Preference("dietary_taboo", "清真"), {Tag.PORK, Tag.ALCOHOL}),
        (Preference("dietary_taboo", "糖尿病，不吃甜的"), {Tag.SWEETS}),
        (Preference("dietary_taboo", "vegetarian"), {Tag.MEAT, Tag.PORK}),
        (Preference("other", "不抽烟"), {Tag.TOBACCO}),
        (Preference("hobby", "钓鱼"), set()),
    ],
)
def test_taboos_rule_out_tags(pref: Preference, ruled_out: set[Tag]) -> None:
    assert taboo_tags([pref]) == frozenset(ruled_out)


def test_a_halal_contact_gets_no_zongzi_with_pork_at_dragon_boat() -> None:
    p = profile(budget=30_000, prefs=(Preference("religion", "回族，清真"),))
    s = chosen(suggest(p, DEFAULT_CATALOGUE, DRAGON_BOAT))
    assert s.item.key != "zongzi"
    # 300 yuan: fruit (250) is the closest allowed to the budget.
    assert s.item.key == "fruit"


def test_a_taboo_naming_the_item_rules_it_out() -> None:
    p = profile(prefs=(Preference("dietary_taboo", "不吃月饼"),))
    assert exclusions(p, BY_KEY["mooncakes"], MID_AUTUMN) == "taboo names it"
    assert chosen(suggest(p, DEFAULT_CATALOGUE, MID_AUTUMN)).item.key != "mooncakes"


def test_custom_never_suggests_clocks_umbrellas_or_pears() -> None:
    clock = CatalogueItem("desk_clock", "座钟", "Desk clock", 40_000, frozenset())
    umbrella = CatalogueItem("umbrella", "雨伞礼盒", "Umbrella", 10_000, frozenset())
    pears = CatalogueItem("pears", "雪梨礼盒", "Snow pears", 12_000, frozenset({Tag.FRUIT}))
    for item in (clock, umbrella, pears):
        assert custom_taboo(item) is not None
    assert custom_taboo(BY_KEY["tea"]) is None
    only_taboo = suggest(profile(), (clock, umbrella, pears), "cn.spring_festival")
    assert isinstance(only_taboo, Refusal)
    assert set(only_taboo.excluded) == {"desk_clock", "umbrella", "pears"}


def test_never_the_same_gift_twice_to_the_same_person() -> None:
    # Mooncakes were given in 2024 (logged by hand, no catalogue key): not again.
    p = profile(past=(PastGift(2024, "月饼",),))  # fmt: skip
    s = chosen(suggest(p, DEFAULT_CATALOGUE, MID_AUTUMN))
    assert s.item.key != "mooncakes"
    assert exclusions(p, BY_KEY["mooncakes"], MID_AUTUMN) == "given in 2024: 月饼"
    # His favourite tea was the gift last year: the tea box (which would be that tea) is out too.
    tea_lover = profile(prefs=(Preference("tea", "安化黑茶"),), past=(PastGift(2025, "安化黑茶"),))
    assert exclusions(tea_lover, BY_KEY["tea"], MID_AUTUMN) == "given in 2025: 安化黑茶"


def test_over_budget_is_never_suggested() -> None:
    p = profile(budget=10_000)  # 100 yuan: nothing in the catalogue is that cheap
    refused = suggest(p, DEFAULT_CATALOGUE, MID_AUTUMN)
    assert isinstance(refused, Refusal)
    assert refused.excluded["books"] == "over the tier's budget"


def test_two_people_of_one_account_never_get_the_same_item() -> None:
    profiles = [
        profile("boss", account="acme"),
        profile("deputy", account="acme"),
        profile("other", account="globex"),
    ]
    result = suggest_for_campaign(profiles, DEFAULT_CATALOGUE, MID_AUTUMN)
    assert chosen(result["boss"]).item.key == "mooncakes"
    # The deputy cannot have mooncakes: the next best for all occasions, closest to 500 yuan.
    assert chosen(result["deputy"]).item.key == "tea"
    # Another account is free to get mooncakes too.
    assert chosen(result["other"]).item.key == "mooncakes"
