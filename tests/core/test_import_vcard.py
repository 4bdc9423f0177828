"""vCard files as phones write them: iPhone 3.0, Android 2.1 quoted-printable (UTF-8 and GB2312),
several cards with broken ones. Expected values are read off the fixture files by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.importing.drafts import RowRejected, draft_from_row
from crmdesk.core.importing.source import read_table
from crmdesk.core.importing.table import UnreadableFileError
from crmdesk.core.importing.vcard import read_vcards

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vcards"
LIMITS = {"name": 200, "account": 200, "title": 120, "department": 120, "wechat": 80,
          "hometown": 120}  # fmt: skip


def drafts(name: str):
    table = read_table(FIXTURES / name)
    good, bad = [], []
    for row in table.rows:
        try:
            good.append(draft_from_row(row, table.mapping, limits=LIMITS))
        except RowRejected as exc:
            bad.append(exc.error)
    return table, good, bad


def test_iphone_card_folded_lines_photo_and_apple_no_year_birthday():
    table, good, bad = drafts("iphone.vcf")
    assert bad == [] and all(row.problems == () for row in table.rows)
    zhang, emily = good
    assert zhang.name == "张伟"
    assert zhang.account == "华东重工集团" and zhang.department == "采购部"
    assert zhang.title == "采购经理"
    assert zhang.phones == ("+86 138 0013 8000", "+86 21 6888 1234", "+86 21 6888 1235")
    assert zhang.emails == ("zhang.wei@huadong-heavy.com.cn", "zhangwei1980@163.com")
    # The note is folded across two lines in the file; unfolded it reads as one sentence.
    assert zhang.notes.endswith("下次拜访带上新的产品目录。")
    # 1604 is Apple's "year not given".
    assert zhang.birthday == DateSpec.gregorian(3, 15)
    assert zhang.wechat == "zhangwei_hd"
    assert emily.name == "Emily Carter" and emily.birthday == DateSpec.gregorian(11, 2, 1988)
    assert emily.phones == ("+1 415-555-0132",)
    # The photo is not part of any cell.
    assert not any("/9j/" in cell for row in table.rows for cell in row.cells)


def test_android_21_quoted_printable_utf8_with_soft_line_breaks():
    _table, good, bad = drafts("android21_utf8.vcf")
    assert bad == []
    wang, ouyang = good
    assert wang.name == "王芳"
    assert wang.account == "华南电气有限公司"  # the ORG value continues after a soft break
    assert wang.department == "采购部" and wang.title == "总经理"
    assert wang.notes == "老客户，喜欢喝普洱茶"
    # Three TEL lines, two spellings of one mobile number: kept once.
    assert wang.phones == ("+86 139 1234 5678", "+86 20 8765 4321")
    assert wang.birthday == DateSpec.gregorian(6, 30, 1975)
    assert ouyang.name == "欧阳娜"
    assert ouyang.birthday == DateSpec.gregorian(8, 1)  # --0801: no year


def test_android_21_gb2312_and_gbk_charsets():
    _table, good, bad = drafts("android21_gbk.vcf")
    assert bad == []
    (wang,) = good
    assert (wang.name, wang.account, wang.department, wang.title) == (
        "王芳", "华南电气有限公司", "采购部", "总经理"
    )  # fmt: skip
    assert wang.notes == "老客户，喜欢喝普洱茶"


def test_several_cards_one_cut_short_and_bad_values_each_named():
    _table, good, bad = drafts("mixed.vcf")
    # Only the card with no name is lost; a card without END and cards with a bad value import
    # with what is good, each problem named by card and field.
    assert [(e.number, e.field) for e in bad] == [(6, "name")]
    assert [d.number for d in good] == [1, 2, 3, 4, 5]
    fang, li, zhao, qian, sun = good
    assert li.phones == ("+86 138 0000 0002",)
    assert [(p.field, "END:VCARD" in p.reason) for p in li.problems] == [("card", True)]
    assert zhao.emails == () and "zhaoliu.at.example.com" in zhao.problems[0].reason
    assert zhao.notes.endswith("E-mail: zhaoliu.at.example.com")
    assert qian.birthday is None and qian.problems[0].field == "birthday"
    assert "1990-02-30" in qian.notes
    assert (fang.name, fang.account, fang.department) == ("Fang Wang", "Contoso Ltd.", "Sales")
    assert sun.phones == ("+86 135 0000 0008",)  # vCard 4.0 tel: URI
    assert sun.gender == "male" and sun.tags == ("大客户", "华东")
    assert sun.birthday == DateSpec.gregorian(12, 25)


def test_a_file_with_no_card_cannot_be_read():
    with pytest.raises(UnreadableFileError, match="no vCard"):
        read_vcards("hello\nworld\n")


def test_a_line_without_colon_is_left_out_and_named_the_card_kept():
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\ngarbage\r\nEND:VCARD\r\n" \
           "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n"  # fmt: skip
    table = read_vcards(text)
    assert [r.cells[0] for r in table.rows] == ["A", "B"]
    (problem,) = table.rows[0].problems
    assert "garbage" in problem.reason and table.rows[1].problems == ()
