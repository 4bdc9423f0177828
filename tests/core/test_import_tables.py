"""CSV (UTF-8, BOM, GBK; , ; tab) and Excel files, and the column guess from headers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.drafts import RowRejected, draft_from_row
from crmdesk.core.importing.fields import guess_mapping, parse_map_option
from crmdesk.core.importing.source import read_table
from crmdesk.core.importing.table import UnreadableFileError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vcards"
LIMITS = {"name": 200, "account": 200, "title": 120, "department": 120, "wechat": 80,
          "hometown": 120}  # fmt: skip


def split(table):
    good, bad = [], []
    for row in table.rows:
        try:
            good.append(draft_from_row(row, table.mapping, limits=LIMITS))
        except RowRejected as exc:
            bad.append(exc.error)
    return good, bad


def problems(good):
    """(row, field) of every field set aside or stored as written, in row order."""
    return [(p.number, p.field) for draft in good for p in draft.problems]


def test_chinese_excel_gbk_csv_is_detected_and_mapped():
    table = read_table(FIXTURES / "excel_gbk.csv")
    assert table.encoding == "GB18030" and table.encoding_how == "detected"
    assert table.columns[0] == "姓名"
    good, bad = split(table)
    # A bad phone or e-mail no longer costs the row: the rest imports, the field is reported.
    assert bad == []
    assert problems(good) == [(4, "phone"), (5, "email")]
    chen, liu, zhou, wu, zheng = good
    assert zhou.phones == ("13800138000138000",)  # not a number phonenumbers knows: as written
    assert "stored as written" in zhou.problems[0].reason
    assert wu.emails == () and wu.notes.endswith("E-mail: wumin@")  # kept in the notes
    assert chen.name == "陈明" and chen.hometown == "湖南长沙" and chen.wechat == "chenming72"
    assert chen.phones == ("+86 137 6543 2100", "+86 731 8888 6666")
    assert chen.birthday == DateSpec.gregorian(5, 8, 1972)  # 1972年5月8日
    assert chen.gender == "male"
    assert liu.birthday == DateSpec.lunar(3, 5)  # 农历三月初五
    assert liu.gender == "female"
    assert zheng.birthday == DateSpec.gregorian(7, 19, 1988)  # 1988/7/19
    assert zheng.gender == "other"  # 其它


def test_google_csv_name_parts_labels_and_multiline_note():
    good, bad = split(read_table(FIXTURES / "google.csv"))
    assert [(e.number, e.field) for e in bad] == [(5, "name")]  # only the row with no name
    assert problems(good) == [(4, "birthday"), (6, "email")]
    zhang, emily, bob, li = good
    assert bob.birthday is None and "Birthday: 1985-13-01" in bob.notes
    assert bob.emails == ("bob@example.com",)
    assert li.name == "Li Na" and li.emails == ()
    assert zhang.name == "张伟"  # Last Name 张 + First Name 伟
    assert zhang.tags == ("VIP",)  # "* myContacts ::: VIP": Google's own group dropped
    assert zhang.notes == "喜欢龙井,\n不喝酒"
    assert zhang.phones == ("+86 138 0013 8000", "+86 21 6888 1234")
    assert emily.name == "Emily Carter" and emily.birthday == DateSpec.gregorian(11, 2)


def test_outlook_csv_job_title_wins_over_honorific_and_us_dates():
    table = read_table(FIXTURES / "outlook.csv")
    assert table.mapping.get(0) is None  # "Title" (Mr./Ms.) ignored
    assert table.mapping[7] == "title"  # "Job Title"
    good, bad = split(table)
    john, anna = good
    assert john.title == "Buyer" and john.birthday == DateSpec.gregorian(7, 4, 1979)
    assert john.tags == ("Key", "Trade show") and john.gender == "male"
    assert anna.birthday is None and anna.gender is None  # 0/0/00, Unspecified
    assert [(e.number, e.field) for e in bad] == [(4, "name")]


def test_semicolon_csv_with_bom_and_tab_separated():
    table = read_table(FIXTURES / "semicolon_bom.csv")
    assert table.encoding == "UTF-8 (BOM)" and table.columns[0] == "Name"
    good, _ = split(table)
    assert good[0].account == "Müller GmbH"
    assert good[0].birthday == DateSpec.gregorian(5, 14, 1970)
    tabs = read_table(FIXTURES / "tabs.tsv", "csv")
    assert tabs.columns == ("姓名", "手机", "公司")
    assert split(tabs)[0][0].phones == ("+86 139 1111 2222",)


def test_xlsx_named_sheet_date_cells_and_a_bad_row(tmp_path):
    path = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["这一页不是联系人"])
    ws = wb.create_sheet("客户联系人")
    ws.append(["姓名", "手机", "公司", "生日", "邮箱"])
    ws.append(["黄磊", 13911112222, "星河科技", dt.datetime(1979, 10, 1), "hl@xh.cn"])
    ws.append(["坏行", 13911113333, "星河科技", "1979-02-30", ""])
    ws.append([None, None, None, None, None])
    ws.append(["何静", "139 1111 4444", None, dt.date(1990, 2, 28), None])
    wb.save(path)
    table = read_table(path, sheet="客户联系人")
    assert table.sheet == "客户联系人"
    assert [r.number for r in table.rows] == [2, 3, 5]  # the blank row 4 is left out
    good, bad = split(table)
    assert good[0].phones == ("+86 139 1111 2222",)  # a number cell, no ".0"
    assert good[0].birthday == DateSpec.gregorian(10, 1, 1979)
    assert good[2].birthday == DateSpec.gregorian(2, 28, 1990)
    assert bad == [] and problems(good) == [(3, "birthday")]
    assert good[1].birthday is None and "Birthday: 1979-02-30" in good[1].notes
    with pytest.raises(UnreadableFileError, match="no sheet 'Nope'"):
        read_table(path, sheet="Nope")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.xlsx", b"not a zip", "not an Excel"),
        ("x.csv", b"", "empty"),
        ("x.csv", b"\xff\xfe\xff" * 0 + bytes(range(128, 256)) * 3, "not text"),
        ("x.doc", b"whatever", "cannot tell the format"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match=message) as caught:
        read_table(path)
    assert caught.value.field == "file"


def test_missing_file():
    with pytest.raises(UnreadableFileError, match="there is no file"):
        read_table(Path("/nonexistent/contacts.csv"))


def test_guess_mapping_english_and_chinese_headers():
    columns = ["姓名", "手机", "Mobile Phone", "E-mail", "公司", "职位", "部门", "生日", "籍贯",
               "微信", "备注", "Something else"]  # fmt: skip
    assert guess_mapping(columns) == {
        0: "name", 1: "phones", 2: "phones", 3: "emails", 4: "account", 5: "title",
        6: "department", 7: "birthday", 8: "hometown", 9: "wechat", 10: "notes",
    }  # fmt: skip


def test_map_option_by_header_or_number_and_its_errors():
    columns = ("Full name", "Cell")
    assert parse_map_option("Cell=phones", columns) == (1, "phones")
    assert parse_map_option("1=name", columns) == (0, "name")
    assert parse_map_option("cell=", columns) == (1, "")
    with pytest.raises(ValidationError, match="no column 'Fax'"):
        parse_map_option("Fax=phones", columns)
    with pytest.raises(ValidationError, match="not a contact field"):
        parse_map_option("Cell=fax", columns)
