"""Pinyin keys, sort keys and the normalisation shared by search documents and queries."""

from __future__ import annotations

import pytest

from crmdesk.core.search_keys import (
    MAX_VARIANTS,
    index_text,
    name_keys,
    phone_query_tokens,
    phone_tokens,
    query_phone_digits,
    query_terms,
)


def test_plain_name_gives_joined_pinyin_syllables_and_initials():
    keys = name_keys("张三")
    assert keys.pinyin.split() == ["zhangsan", "zhang", "san"]
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
