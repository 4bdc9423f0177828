"""Pinyin keys, sort keys and the normalisation shared by search documents and queries."""

from __future__ import annotations

import pytest

from crmdesk.core.search_keys import (
    MAX_VARIANTS,
    fold,
    index_text,
    name_index_text,
    name_key,
    name_keys,
    phone_query_tokens,
    phone_tokens,
    query_phone_digits,
    query_terms,
    search_text,
    simplified,
)


def test_plain_name_gives_joined_pinyin_syllables_and_initials():
    keys = name_keys("张三")
    assert keys.pinyin.split() == ["zhangsan", "zhang", "san"]  # san is also the given name
    assert keys.initials == "zs"
    assert keys.sort_key == "zhang san"


@pytest.mark.parametrize(
    ("name", "surname_reading", "other_reading"),
    [("曾小贤", "zeng", "ceng"), ("单田芳", "shan", "dan"), ("解晓东", "xie", "jie"),
     ("仇英", "qiu", "chou"), ("区志明", "ou", "qu")],
)  # fmt: skip
def test_polyphonic_surname_has_both_readings_and_sorts_by_the_surname_one(
    name, surname_reading, other_reading
):
    keys = name_keys(name)
    tokens = keys.pinyin.split()
    assert surname_reading in tokens and other_reading in tokens
    assert keys.sort_key.split()[0] == surname_reading
    given = "".join(keys.sort_key.split()[1:])
    assert {surname_reading + given, other_reading + given} <= set(tokens)
    usual_initials = keys.initials.split()[0]
    assert usual_initials[0] == surname_reading[0]
    assert other_reading[0] + usual_initials[1:] in keys.initials.split()


def test_only_a_person_begins_with_a_surname():
    assert name_keys("乐视", personal=False).sort_key == "le shi"
    assert name_keys("乐嘉").sort_key == "yue jia"


def test_compound_surname():
    assert name_keys("长孙无忌").sort_key == "zhang sun wu ji"
    assert name_keys("欧阳娜娜").initials.split()[0] == "oynn"


def test_chinese_names_sort_by_pinyin_and_latin_names_by_lowercase_text():
    names = ["张三", "白云", "安然", "Zoe Adams", "bob", "曾小贤"]
    ordered = sorted(names, key=lambda n: name_keys(n).sort_key)
    assert ordered == ["安然", "白云", "bob", "曾小贤", "张三", "Zoe Adams"]
    assert name_keys("Zoe Adams") == name_keys("zoe  ADAMS")
    assert name_keys("John Smith").initials == "js"
    assert name_keys("John Smith").pinyin == ""


def test_mixed_name_keeps_the_latin_word():
    keys = name_keys("David 王")
    assert keys.sort_key == "david wang"
    assert "davidwang" in keys.pinyin.split()


def test_reading_variants_are_bounded():
    # Every character here has several readings; the full product would be in the hundreds.
    keys = name_keys("单乐行长曾")
    joined = [t for t in keys.pinyin.split() if len(t) > 6]
    assert 1 < len(joined) <= MAX_VARIANTS
    assert keys.sort_key.startswith("shan ")


def test_full_width_text_is_folded_to_half_width():
    assert name_keys("Ｊｏｈｎ") == name_keys("john")
    assert index_text("ＡＢＣ１２３") == "abc123"
    assert query_terms("Ｚｈａｎｇ") == ["zhang"]


def test_index_text_makes_one_token_per_cjk_character():
    assert index_text("华为技术, Huawei-Tech") == "华 为 技 术 huawei tech"
    assert index_text("  ") == ""


def test_query_terms_keep_a_cjk_run_together_and_drop_punctuation():
    assert query_terms('张三 "zs" (AND)* -x') == ["张三", "zs", "and", "x"]
    assert query_terms("张三abc") == ["张三", "abc"]
    assert query_terms('*()-"') == []


def test_phone_tokens_are_overlapping_three_digit_runs_with_numbers_kept_apart():
    tokens = phone_tokens(["138-1234-5678", "+86 21 6543 2100", "12"]).split()
    assert tokens[:9] == ["138", "381", "812", "123", "234", "345", "456", "567", "678"]
    assert tokens[9] == "x"  # no phrase can run from one number into the next
    assert tokens[10:] == phone_query_tokens("862165432100")
    assert phone_query_tokens("5678") == ["567", "678"]
    assert phone_tokens([]) == ""


@pytest.mark.parametrize(
    ("query", "digits"),
    [("138 1234 5678", "13812345678"), ("(021) 6543-2100", "02165432100"),
     ("5678", "5678"), ("１３８", "138"), ("56", None), ("张三", None), ("zs 5678", None)],
)  # fmt: skip
def test_query_phone_digits(query, digits):
    assert query_phone_digits(query) == digits


def test_the_given_name_alone_is_a_key():
    assert "guoliang" in name_keys("曾国梁").pinyin.split()
    assert "xiongxin" in name_keys("单雄信").pinyin.split()
    assert "nana" in name_keys("欧阳娜娜").pinyin.split()  # after a compound surname
    assert "nana" in name_keys("歐陽娜娜").pinyin.split()
    assert "yangnana" not in name_keys("歐陽娜娜").pinyin.split()
    assert name_keys("郭亮").pinyin.split()[0] == "guoliang"  # the full spelling comes first


@pytest.mark.parametrize(
    ("name", "surname", "other"),
    [("曾国梁", "zeng", "ceng"), ("单雄信", "shan", "dan"), ("解晓东", "xie", "jie"),
     ("仇英", "qiu", "chou"), ("区志明", "ou", "qu"), ("查良镛", "zha", "cha"),
     ("朴槿惠", "piao", "pu"), ("單雄信", "shan", "dan")],
)  # fmt: skip
def test_a_surname_is_read_as_a_surname_first_and_its_everyday_reading_kept(name, surname, other):
    keys = name_keys(name)
    assert keys.sort_key.split()[0] == surname
    assert {surname, other} <= set(keys.pinyin.split())


def test_compound_surnames_read_as_surnames():
    assert name_keys("尉迟恭").sort_key == "yu chi gong"
    assert name_keys("万俟卨").sort_key.startswith("mo qi ")


@pytest.mark.parametrize(
    ("name", "not_indexed"),
    [("周俊文", {"shun", "dun"}), ("张三", {"zhang san", "chang"}), ("乐嘉", {"lao"})],
)
def test_rare_readings_are_not_indexed(name, not_indexed):
    assert not_indexed.isdisjoint(name_keys(name).pinyin.split())


def test_u_umlaut_is_written_every_way_people_type_it():
    tokens = name_keys("吕布").pinyin.split()
    assert {"lvbu", "lubu", "lyubu", "lv", "lu", "lyu"} <= set(tokens)
    assert name_keys("吕布").initials == "lb"
    assert query_terms("lü") == ["lu"] and query_terms("LÜ BU") == ["lu", "bu"]
    assert query_terms("LÜ BU", pinyin=True) == ["lv", "bu"]
    assert query_terms("nüe", pinyin=True) == ["nve"]
    assert query_terms("müller", pinyin=True) == ["muller"]  # ü is pinyin only after l and n


def test_traditional_and_simplified_meet():
    assert search_text("張偉") == search_text("张伟") == "张伟"
    assert index_text("華為技術") == index_text("华为技术")
    assert query_terms("歐陽修") == ["欧阳修"]
    assert name_key("張 偉") == name_key("张伟")
    assert simplified("John") == "John"


def test_latin_names_fold_accents_apostrophes_and_hyphens():
    assert query_terms("O'Brien") == query_terms("O’Brien") == query_terms("obrien") == ["obrien"]
    assert name_index_text("Seán O'Brien").split() == ["sean", "obrien", "o", "brien"]
    assert name_index_text("Jean-Luc Picard").split() == ["jean", "luc", "picard", "jeanluc"]
    assert fold("María GARCÍA") == "maria garcia"
    assert name_key("John  SMITH") == name_key("john smith") == "johnsmith"
    assert name_keys("Müller").sort_key == "muller"


def test_index_text_keeps_cjk_characters_apart_and_words_whole():
    assert index_text("abc张三def_x") == "abc 张 三 def x"
    assert index_text("ｚｓ_wx88@Example.com") == "zs wx88 example com"
