"""Festival greetings: how people are addressed, templates filled, bad templates refused."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.greetings import (
    DEFAULT_TEMPLATES,
    GreetingContact,
    Tone,
    chinese_surname,
    greeting,
    greeting_language,
    honorific,
    placeholders_of,
)


def person(
    name: str = "王建国",
    surname: str | None = "王",
    title: str | None = "总经理",
    gender: str | None = "male",
    preference: str | None = None,
) -> GreetingContact:
    return GreetingContact(name, surname, title, gender, "华东建设", preference)  # fmt: skip


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (person(title="总经理"), "王总"),
        (person(title="董事长"), "王总"),
        (person(title="CEO"), "王总"),
        (person(name="李明", surname="李", title="采购部经理"), "李经理"),
        (person(name="陈静", surname="陈", title="办公室主任", gender="female"), "陈主任"),
        (person(name="张伟", surname="张", title="高级工程师"), "张工"),
        (person(name="张丽", surname="张", title=None, gender="female"), "张女士"),
        (person(name="赵强", surname="赵", title=None, gender="male"), "赵先生"),
        (person(name="欧阳修", surname="欧阳", title=None, gender=None), "欧阳修"),
    ],
)
def test_chinese_honorifics(contact: GreetingContact, expected: str) -> None:
    assert honorific(contact, "zh_CN") == expected


def test_english_honorifics() -> None:
    jane = GreetingContact("Jane Smith", None, "Buyer", "female", "Acme")
    assert honorific(jane, "en") == "Ms Smith"
    assert honorific(GreetingContact("Pat Lee", None, None, None, None), "en") == "Pat Lee"


def test_formal_mid_autumn_greeting_in_chinese() -> None:
    text = greeting(person(), "cn.mid_autumn", sender="东方机械 小刘", lang="zh_CN")
    assert text == (
        "尊敬的王总：值此中秋佳节，谨代表东方机械 小刘祝您及家人节日快乐、阖家团圆、万事如意！"
    )


def test_the_warm_tone_remembers_a_preference_and_reads_well_without_one() -> None:
    with_tea = greeting(person(preference="安化黑茶"), "cn.mid_autumn", sender="小刘",
                        tone=Tone.WARM)  # fmt: skip
    assert with_tea == (
        "王总，中秋快乐！记得您喜欢安化黑茶，给您备了一份心意，祝您和家人团团圆圆！——小刘"
    )
    without = greeting(person(), "cn.mid_autumn", sender="小刘", tone=Tone.WARM)
    assert without == "王总，中秋快乐！给您备了一份心意，祝您和家人团团圆圆！——小刘"


def test_an_occasion_without_its_own_template_uses_the_general_one() -> None:
    text = greeting(person(), "cn.double_ninth", sender="小刘")
    assert text == "尊敬的王总：节日快乐！小刘祝您及家人幸福安康、万事如意！"
    english = greeting(GreetingContact("Jane Smith", None, None, "female", "Acme"),
                       "intl.christmas", sender="Liu Wei", lang="en")  # fmt: skip
    assert english == (
        "Dear Ms Smith, on behalf of Liu Wei, warm wishes to you and your family for the holiday."
    )


def test_a_rep_template_with_an_unknown_placeholder_is_refused_by_name() -> None:
    mine = {("cn.mid_autumn", "zh", Tone.FORMAL): "{honorfic}，中秋快乐！"}
    with pytest.raises(ValidationError, match=r"unknown placeholder \{honorfic\}") as caught:
        greeting(person(), "cn.mid_autumn", sender="小刘", templates=mine)
    assert caught.value.field == "template"
    with pytest.raises(ValidationError, match="unmatched brace"):
        placeholders_of("{honorific，中秋快乐")
    assert placeholders_of("{honorific}，{sender}") == {"honorific", "sender"}


def test_a_rep_template_that_needs_a_preference_says_so() -> None:
    mine = {("cn.mid_autumn", "zh", Tone.WARM): "{honorific}，送您{preference}"}
    with pytest.raises(ValidationError, match="preference") as caught:
        greeting(person(), "cn.mid_autumn", sender="小刘", tone=Tone.WARM, templates=mine)
    assert caught.value.code == "missing_preference"


@pytest.mark.parametrize(
    ("name", "surname"),
    [("王建国", "王"), ("欧阳修", "欧阳"), ("司马光", "司马"), ("李明", "李"), ("Jane Smith", None),
     ("王", None)],
)  # fmt: skip
def test_chinese_surnames(name: str, surname: str | None) -> None:
    assert chinese_surname(name) == surname


# Traditional Chinese: the templates are Taiwan's phrasing (端午節快樂, not 端午安康 converted),
# honorifics converted with the surname kept as a surname (余 is not 餘, 范 is not 範).
def tw(name: str, surname: str, title: str | None, gender: str | None = None) -> GreetingContact:
    return GreetingContact(name, surname, title, gender, "台灣電子", None)


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (tw("劉德華", "劉", "總經理"), "劉總"),  # a title in traditional characters is read too
        (tw("刘建国", "刘", "总经理"), "劉總"),
        (tw("余明", "余", "採購部經理"), "余經理"),
        (tw("范冰", "范", None, "female"), "范女士"),
        (tw("于丹", "于", "辦公室主任"), "于主任"),
        (tw("陳大文", "陳", "資深工程師"), "陳工"),
    ],
)
def test_traditional_honorifics(contact: GreetingContact, expected: str) -> None:
    assert honorific(contact, "zh_TW") == expected


def test_traditional_templates_are_their_own_phrasing() -> None:
    boss = tw("劉德華", "劉", "總經理", "male")
    assert greeting(boss, "cn.dragon_boat", sender="東方機械 小劉", lang="zh_TW") == (
        "敬愛的劉總您好：端午節將至，東方機械 小劉敬祝您與家人端午節快樂、身體健康、諸事順利。"
    )
    simplified_text = greeting(boss, "cn.dragon_boat", sender="东方机械", lang="zh_CN")
    assert "端午安康" in simplified_text
    warm = greeting(GreetingContact("劉德華", "劉", "總經理", "male", None, "凍頂烏龍"),
                    "cn.mid_autumn", sender="小劉", lang="zh_TW", tone=Tone.WARM)  # fmt: skip
    assert warm == (
        "劉總，中秋節快樂！記得您喜歡凍頂烏龍，特地為您準備了一點心意，祝您和家人花好月圓、"
        "團團圓圓！——小劉"
    )
    without = greeting(boss, "cn.mid_autumn", sender="小劉", lang="zh_TW", tone=Tone.WARM)
    assert "{" not in without and "喜歡" not in without and "特地為您準備了一點心意" in without
    # Every occasion and tone has its own traditional template, and none is simplified text.
    for occasion in ("cn.mid_autumn", "cn.spring_festival", "cn.dragon_boat", "*"):
        for tone in Tone:
            text = DEFAULT_TEMPLATES[(occasion, "zh_TW", tone)]
            assert text != DEFAULT_TEMPLATES[(occasion, "zh", tone)]
            assert not any(ch in text for ch in "乐节团顺愿阖礼备们这")  # simplified-only forms
    assert greeting(boss, "intl.christmas", sender="小劉", lang="zh-HK").startswith("敬愛的劉總")


@pytest.mark.parametrize(
    ("name", "company", "book", "expected"),
    [
        ("劉德華", None, "zh_CN", "zh_TW"),  # the name is in traditional characters
        ("王建国", "台灣電子", "zh_CN", "zh_TW"),  # the company is
        ("王建国", "华东建设", "zh_CN", "zh_CN"),
        ("王建国", "华东建设", "zh_TW", "zh_TW"),  # the rep writes traditional
        ("Jane Smith", "台灣電子", "zh_TW", "zh_TW"),
        ("Jane Smith", "Acme", "zh_TW", "en"),
    ],
)
def test_the_greeting_language_follows_the_contact_then_the_book(
    name: str, company: str | None, book: str, expected: str
) -> None:
    assert greeting_language(name, company, book) == expected
