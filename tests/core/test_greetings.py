"""Festival greetings: how people are addressed, templates filled, bad templates refused."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.greetings import (
    GreetingContact,
    Tone,
    chinese_surname,
    greeting,
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
