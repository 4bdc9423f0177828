"""Which encoding a file is in: found before a row is read, shown, never guessed silently.
Each case writes the bytes a producer writes (Excel on Chinese, Taiwanese and Western Windows,
Outlook's "Unicode" export) and checks the decoded names against the text written."""

from __future__ import annotations

import codecs

import pytest

from crmdesk.core.importing.encoding import codec_of, detect_encoding, encoding_label
from crmdesk.core.importing.source import read_table
from crmdesk.core.importing.table import UnreadableFileError

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nORG:华东重工\\, 集团\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    ("codec", "text", "label"),
    [
        ("gbk", "姓名,公司\r\n陈明,华东重工集团\r\n刘洋,京南建设\r\n", "GB18030"),
        ("big5", "姓名,公司\r\n張偉,台灣積體電路製造\r\n陳美玲,鴻海精密工業\r\n", "Big5"),
        ("shift_jis", "名前,会社\r\n山田太郎,株式会社東芝\r\n佐藤花子,東京ガス\r\n", "Shift_JIS"),
        ("cp1252", "Name,Company\r\nMaría García,Café Olé\r\nJürgen Weiß,Bäckerei\r\n",
         "Windows-1252"),
        ("cp1251", "Имя,Компания\r\nИван Петров,Газпром нефть\r\nОльга Смирнова,Яндекс\r\n",
         "Windows-1251"),
    ],
)  # fmt: skip
def test_csv_encodings_are_detected_and_named(tmp_path, codec, text, label):
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode(codec))
    table = read_table(path)
    assert (table.encoding, table.encoding_how) == (label, "detected")
    expected = [line.split(",") for line in text.strip().split("\r\n")[1:]]
    assert [list(row.cells) for row in table.rows] == expected


def test_a_vcard_in_utf16_or_with_a_bom_is_read_by_its_mark(tmp_path):
    for data, label in (
        (codecs.BOM_UTF16_LE + CARD.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF8 + CARD.encode("utf-8"), "UTF-8 (BOM)"),
    ):
        path = tmp_path / "card.vcf"
        path.write_bytes(data)
        table = read_table(path)
        assert table.encoding_how == "bom" and table.encoding == label
        assert table.rows[0].cells[:1] == ("张伟",) and table.rows[0].cells[3] == "华东重工, 集团"


def test_bytes_that_are_no_text_are_refused():
    with pytest.raises(UnreadableFileError, match="not text in any encoding"):
        detect_encoding([bytes(range(128, 256)) * 4])


def test_charset_names_as_files_write_them():
    assert [codec_of(n) for n in ("GB2312", "gbk", "SHIFT_JIS", "Big5", "ISO-8859-1")] == [
        "gb18030", "gb18030", "cp932", "cp950", "cp1252"
    ]  # fmt: skip
    assert codec_of("X-UNKNOWN") is None
    assert (
        encoding_label("iso8859_5") == "ISO-8859-5" and encoding_label("cp1250") == "Windows-1250"
    )
