"""One fixture per defect seen importing real files (issue #13), each with what must happen now.
Files are in tests/fixtures/defects; expected values are read off them by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.importing.drafts import ContactDraft, RowError, RowRejected, draft_from_row
from crmdesk.core.importing.source import read_table
from crmdesk.core.importing.table import SourceTable, UnreadableFileError
from crmdesk.core.importing.vcard import read_vcards

DEFECTS = Path(__file__).parent.parent / "fixtures" / "defects"
LIMITS = {"name": 200, "account": 200, "title": 120, "department": 120, "wechat": 80,
          "hometown": 120}  # fmt: skip


def drafts(table: SourceTable, region: str = "CN") -> tuple[list[ContactDraft], list[RowError]]:
    good, bad = [], []
    for row in table.rows:
        try:
            good.append(draft_from_row(row, table.mapping, limits=LIMITS, region=region))
        except RowRejected as exc:
            bad.append(exc.error)
    return good, bad


def test_profile_source_and_name_lines_are_ignored_and_no_card_is_lost():
    good, bad = drafts(read_table(DEFECTS / "profile_source_name.vcf"), region="US")
    assert bad == []
    assert [d.name for d in good] == ["Alex Wilbur", "Jane Doe", "张伟"]
    assert good[0].notes == (
        "Sunday, June 10, 2012 5:44 PM:\nGutter, window cleaning, pressure washing"
    )
    assert good[0].account == "Contoso" and good[0].title is None  # "TITLE:" is empty


def test_a_comma_in_org_stays_in_the_company_name():
    (tim, jeff, li), bad = drafts(read_table(DEFECTS / "org_comma.vcf"))
    assert bad == []
    assert tim.account == "Apple, Inc." and tim.title == "CEO"
    assert (jeff.account, jeff.department) == ("Apple, Inc.", "Operations, Worldwide / Cupertino")
    assert (li.account, li.department) == ("Lenovo Group, Ltd.", "Sales")


def test_fn_title_and_note_keep_the_text_after_their_commas():
    (doe, roe), bad = drafts(read_table(DEFECTS / "commas_in_text.vcf"))
    assert bad == []
    assert (doe.name, doe.title) == ("Doe, John", "Director, Sales")
    expected = ("Met at the Canton Fair, spring session, booth 12.1 C33. " * 14)[:770]
    assert doe.notes == expected and len(doe.notes) == 770
    assert (roe.name, roe.title) == ("Roe, Richard", "VP, Marketing, EMEA")
    assert roe.notes == "Likes golf, tea, and jazz."


def test_tel_uris_with_extensions_are_one_phone_each():
    (simon, chen), bad = drafts(read_table(DEFECTS / "tel_uri_ext.vcf"), region="US")
    assert bad == []
    assert simon.phones[0] == "+1 555-555-5555 (5555)"
    # "+33-01-23-45-67" is one digit short for France: stored as written, and said so.
    assert simon.phones[1] == "+33-01-23-45-67"
    assert [(p.field, p.code) for p in simon.problems] == [("phone", "phone_raw")]
    assert simon.emails == ("simon.perreault@viagenie.ca",)
    assert chen.phones == ("+86 10 6552 9988 (801)",)


def test_charset_shift_jis_is_read_as_shift_jis_never_as_gbk():
    table = read_table(DEFECTS / "charset_shift_jis.vcf")
    assert table.charsets == ("Shift_JIS",)
    (yamada, suzuki), bad = drafts(table)
    assert bad == []
    assert yamada.name == "山田太郎"  # quoted-printable Shift_JIS
    assert (yamada.account, yamada.department) == ("株式会社ソニー", "営業部")  # raw 8-bit
    assert suzuki.name == "鈴木一郎"
    assert suzuki.notes == "ﾃｽﾄ\u3000半角カナ～"  # half-width kana and cp932's wave dash


def test_a_whole_file_in_shift_jis_is_detected_and_said():
    table = read_table(DEFECTS / "file_shift_jis.vcf")
    assert (table.encoding, table.encoding_how) == ("Shift_JIS", "detected")
    (sato, takahashi), bad = drafts(table, region="JP")
    assert bad == []
    assert (sato.name, sato.account, sato.title) == ("佐藤花子", "東京ガス株式会社", "課長")
    assert sato.notes == "お茶が好き。日本酒は飲まない。"
    assert takahashi.name == "高橋健" and takahashi.phones == ("+81 3-1234-5678",)


def test_a_wrong_encoding_named_by_the_user_is_refused_not_read_as_mojibake():
    with pytest.raises(UnreadableFileError, match="not UTF-8 text"):
        read_table(DEFECTS / "file_shift_jis.vcf", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="not an encoding crmdesk knows"):
        read_table(DEFECTS / "file_shift_jis.vcf", encoding="klingon")


def test_every_charset_a_python_codec_knows_and_an_unknown_one_reported():
    table = read_table(DEFECTS / "charsets.vcf")
    good, bad = drafts(table)
    assert [(d.name, d.account) for d in good] == [
        ("張偉", "台灣積體電路製造股份有限公司"),  # Big5
        ("曾国梁", "湘府大酒店"),  # GB18030
        ("José Núñez", "Telefónica"),  # ISO-8859-1
        ("Łukasz Żółć", "Gdańsk Port"),  # ISO-8859-2
        ("Иван Петров", "Газпром"),  # Windows-1251
        ("Ольга Смирнова", "Яндекс"),  # KOI8-R
        ("Tomáš Dvořák", "Škoda Auto"),  # Windows-1250
        ("Νίκος Παπαδόπουλος", "Ελληνικά Πετρέλαια"),  # ISO-8859-7
    ]
    (klingon,) = bad
    assert klingon.number == 9 and klingon.field == "name"
    assert "X-MAC-KLINGON" in klingon.reason


def test_outlook_csv_in_windows_1252_is_detected_and_read_right():
    table = read_table(DEFECTS / "outlook_windows1252.csv")
    assert (table.encoding, table.encoding_how) == ("Windows-1252", "detected")
    (maria, francois, juergen), bad = drafts(table, region="ES")
    assert bad == []
    assert maria.name == "María García" and maria.account == "Café Olé, S.A."
    assert maria.title == "Jefa de Compras" and maria.gender == "female"
    assert maria.birthday == DateSpec.gregorian(7, 22, 1981)
    assert maria.notes == "Prefiere té; nunca café después de las 5."
    assert francois.name == "François Lefèvre" and francois.birthday is None
    assert francois.notes == "Rencontré à Lyon — salon “Pollutec”."  # cp1252's 0x97, 0x93
    assert juergen.name == "Jürgen Weiß" and juergen.account == "Bäckerei Weiß"


def test_one_bad_phone_costs_only_that_phone_and_pauses_keep_their_digits():
    ((zhou,), bad) = drafts(read_table(DEFECTS / "bad_phone.vcf"))
    assert bad == []
    assert (zhou.name, zhou.account, zhou.title) == ("周杰", "华东重工集团", "总工程师")
    assert zhou.emails == ("zhoujie@hdzg.example",)
    assert zhou.phones[:2] == ("+86 138 0013 8000", "+86 731 8888 6666")
    assert zhou.notes.splitlines()[-2:] == [
        "Phone: call the switchboard", "Phone: 0731-8888-6666p123w456"
    ]  # fmt: skip
    fields = [(p.field, p.code) for p in zhou.problems]
    assert ("phone", "phone_syntax") in fields and ("phone", "phone_dial") in fields


def test_backslashes_are_unescaped_once_in_30_and_not_at_all_in_21():
    (bob, carol), bad = drafts(read_table(DEFECTS / "backslashes.vcf"))
    assert bad == []
    assert bob.notes == "Share: \\\\fileserver\\sales\\2024\nLiteral \\n is not a new line"
    assert bob.title == "R&D \\ QA"
    assert carol.notes == "Contracts in C:\\Users\\carol\\Documents"


def test_21_base64_photo_without_indentation_does_not_break_the_card():
    (nina, pekka), bad = drafts(read_table(DEFECTS / "base64_unindented.vcf"))
    assert bad == []
    assert (nina.name, nina.emails, nina.title) == ("Nina Nokia", ("nina@example.fi",), "Buyer")
    assert nina.phones == ("+358 40 1234567",) and nina.problems == ()
    assert pekka.phones == ("+358 50 7654321",)


def test_a_card_without_a_name_is_the_only_one_lost():
    table = read_vcards(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:13800000009\r\nEMAIL:x@y.cn\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nNICKNAME:老周\r\nEND:VCARD\r\n"
    )
    good, bad = drafts(table)
    assert [(e.number, e.field) for e in bad] == [(1, "name")]
    assert [d.name for d in good] == ["老周"]  # NICKNAME when FN and N are empty
