"""vCards as each producer writes them (tests/fixtures/producers, one file per producer, written
after the producers' published formats and exports seen in the wild). Every expected value is
read off the fixture file by hand, not from the reader's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.importing.drafts import ContactDraft, RowError, RowRejected, draft_from_row
from crmdesk.core.importing.source import read_table

PRODUCERS = Path(__file__).parent.parent / "fixtures" / "producers"
LIMITS = {"name": 200, "account": 200, "title": 120, "department": 120, "wechat": 80,
          "hometown": 120}  # fmt: skip


def read(name: str, region: str = "CN") -> tuple[list[ContactDraft], list[RowError]]:
    table = read_table(PRODUCERS / name)
    good, bad = [], []
    for row in table.rows:
        try:
            good.append(draft_from_row(row, table.mapping, limits=LIMITS, region=region))
        except RowRejected as exc:
            bad.append(exc.error)
    return good, bad


def test_android_21_quoted_printable_photo_and_a_pause():
    (zhang, emily), bad = read("android_21.vcf")
    assert bad == []
    assert zhang.name == "张伟"
    # ORG continues over two soft line breaks; its second component is the department.
    assert (zhang.account, zhang.department, zhang.title) == (
        "华东重工集团有限公司",
        "采购部",
        "采购经理",
    )
    assert zhang.notes.startswith("喜欢龙井，不喝酒\n下次带产品目录")
    # "021-6888-1235p801": the number is stored, the extension dialled after the pause is kept.
    assert zhang.phones == ("+86 138 0013 8000", "+86 21 6888 1234", "+86 21 6888 1235")
    assert "021-6888-1235p801" in zhang.notes
    assert [p.field for p in zhang.problems] == ["phone"]
    assert zhang.birthday == DateSpec.gregorian(3, 15, 1980)
    assert emily.name == "Emily Carter" and emily.emails == ("emily.carter@example.com",)
    assert not any("/9j/" in d.notes for d in (zhang, emily))


def test_ios_30_groups_no_year_birthday_and_wechat_two_ways():
    (wang, sean), bad = read("ios_30.vcf")
    assert bad == []
    assert (wang.name, wang.account, wang.department, wang.title) == (
        "王芳", "华南电气有限公司", "市场部", "市场总监"
    )  # fmt: skip
    assert wang.phones == ("+86 139 1234 5678", "+86 20 8765 4321")  # item1.TEL too
    assert wang.notes == "老客户, 喜欢普洱茶\n女儿在读高三"
    assert wang.birthday == DateSpec.gregorian(6, 30)  # 1604: Apple's "no year"
    assert wang.wechat == "wangfang_hn"  # X-SOCIALPROFILE;type=wechat;x-user=
    assert sean.name == "Seán O'Brien" and sean.account == "Contoso, Ltd."
    assert sean.wechat == "sean_obrien"  # IMPP;X-SERVICE-TYPE=WeChat
    assert sean.birthday == DateSpec.gregorian(11, 2, 1979)


def test_blackberry_21_bare_types_comma_in_title_and_pauses():
    (laura,), bad = read("blackberry_21.vcf", region="CA")
    assert bad == []
    assert laura.title == "Regional Director, Sales"
    assert (laura.account, laura.department) == ("Fabrikam Inc.", "Sales")
    assert laura.phones == ("+1 519-555-0147", "+1 519-555-0199", "+1 519-555-0123")
    assert "519-555-0123pp42#" in laura.notes  # ",," pauses, as dialers write them
    assert laura.notes.startswith("Met at CES 2010.\nPrefers calls after 3pm, never Fridays.")


def test_windows_mobile_21_windows_1252_and_outlook_gender():
    (joerg,), bad = read("windows_mobile_21.vcf", region="DE")
    assert bad == []
    assert joerg.name == "Jörg Müller"
    assert (joerg.account, joerg.department) == ("Müller & Söhne GmbH", "Einkauf")
    assert joerg.gender == "male"  # X-WAB-GENDER:2
    assert joerg.birthday == DateSpec.gregorian(5, 14, 1970)  # 19700514
    assert joerg.phones[:2] == ("+49 89 12345678", "+49 171 2345678")
    assert "089 9876543w1234" in joerg.notes  # a wait before the extension


def test_outlook_21_photo_blocks_qp_note_and_literal_backslashes():
    (john,), bad = read("outlook_21.vcf", region="US")
    assert bad == []
    assert (john.name, john.account, john.department) == (
        "John Doe",
        "Contoso, Ltd.",
        "Procurement",
    )
    assert john.title == "Director, Sales"
    assert john.phones == ("+1 425-555-0100", "+1 425-555-0101")
    # 2.1 does not escape backslashes: a Windows path stays as written.
    assert john.notes == (
        "Prefers e-mail. Assistant: Jane, ext. 12.\n"
        "C:\\Users\\jdoe\\Contracts is where the signed copies are."
    )


def test_gmail_30_escaped_commas_categories_and_no_year():
    (maria, li), bad = read("gmail_30.vcf")
    assert bad == []
    assert maria.name == "María García"
    assert (maria.account, maria.title) == ("Acme, S.L.", "Directora, Compras")
    assert maria.emails == ("maria.garcia@example.es", "mgarcia@acme.example")
    assert maria.birthday == DateSpec.gregorian(7, 22)
    assert maria.tags == ("myContacts", "Clientes")
    assert maria.notes == "Conocida en Feria de Madrid, 2019.\nLe gusta el café solo."
    assert li.name == "李娜" and li.tags == ("myContacts", "重点客户")


def test_lotus_notes_30_profile_name_source_lines_ignored():
    (jane, robert), bad = read("lotus_notes_30.vcf", region="US")
    assert bad == []
    assert jane.name == "Doe, Jane"  # FN as Notes writes it, comma and all
    assert (jane.account, jane.department) == ("IBM", "Software Group / Lotus")
    assert jane.title == "Director, Sales"
    assert jane.notes == "Reports to the VP, Americas."
    assert robert.name == "Smith, Robert" and robert.phones == ("+1 617-555-0150",)


def test_evolution_30_lf_line_ends_and_a_long_folded_note():
    (john,), bad = read("evolution_30.vcf", region="CA")
    assert bad == []
    assert john.name == "John Richter, James Doe"
    assert (john.account, john.department) == ("GNOME Foundation", "Accounting / Dungeon")
    assert john.tags == ("VIP", "Customers")
    # Folded over four lines, with escaped commas and a semicolon: one sentence again.
    assert john.notes == (
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY '
        "EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES "
        "OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED; IN NO EVENT "
        "SHALL THE COPYRIGHT HOLDER BE LIABLE."
    )
    assert john.birthday == DateSpec.gregorian(3, 22, 1980)


def test_thunderbird_40_value_text_phones_and_29_february():
    (anna,), bad = read("thunderbird_40.vcf", region="DE")
    assert bad == []
    assert anna.emails == ("anna.schmidt@example.de", "anna@home.example")
    assert anna.phones == ("+49 30 1234567", "+49 171 7654321")
    assert anna.birthday == DateSpec.gregorian(2, 29, 1984)
    assert anna.notes == "Zuständig für Verträge, Rahmenabkommen\nTel. vormittags"


def test_macos_30_unindented_photo_lines_and_a_company_card():
    (tanaka, coffee), bad = read("macos_30.vcf", region="JP")
    assert bad == []
    assert (tanaka.name, tanaka.account, tanaka.department, tanaka.title) == (
        "Hiroshi Tanaka", "株式会社サンプル", "営業部", "部長"
    )  # fmt: skip
    assert tanaka.phones == ("+81 3-1234-5678",)
    assert coffee.name == "Fourth Coffee" and coffee.phones == ("+1 206-555-0177",)


def test_chinese_android_utf8_and_gb2312_quoted_printable_and_wechat():
    (ouyang, zeng), bad = read("chinese_android_21.vcf")
    assert bad == []
    assert ouyang.name == "欧阳娜" and ouyang.account == "长沙湘江机械有限公司"
    assert ouyang.phones == ("+86 135 0000 0008",)  # two spellings, one number
    assert ouyang.wechat == "ouyangna_cs" and ouyang.birthday == DateSpec.gregorian(8, 1)
    assert zeng.name == "曾国梁" and zeng.notes == "农历八月十五生日，喜欢安化黑茶"
    assert zeng.phones == ("+86 138 0013 8001", "+86 731 8888 6666")
    assert zeng.wechat == "zengguoliang" and zeng.tags == ("VIP",)


@pytest.mark.parametrize("name", sorted(p.name for p in PRODUCERS.iterdir()))
def test_every_producer_file_imports_every_named_card(name):
    table = read_table(PRODUCERS / name)
    assert table.rows and all(row.cells[0] for row in table.rows)
