"""Export a real book to vCard, CSV, Excel and JSON; our own exports import back."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import openpyxl
import pytest
from sqlalchemy import select

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.phones import phone_key
from crmdesk.core.importing.source import read_table
from crmdesk.db.models import Contact
from crmdesk.db.sample import fill_sample
from crmdesk.db.services import accounts, contacts, important_dates
from crmdesk.db.transfer import audit
from crmdesk.db.transfer.applying import apply_import
from crmdesk.db.transfer.exporting import JSON_FORMAT_VERSION, export_book
from crmdesk.db.transfer.planning import plan_import
from tests.book_template import open_test_book


@pytest.fixture
def filled(book):
    with book.session() as s, s.begin():
        account = accounts.add_account(s, name="华东重工集团", owner="rep.li")
        zhang = contacts.add_contact(
            s, name="周建国", account_id=account.id, title="采购经理", department="采购部",
            phones=["+86 138 0013 8000", "+86 21 6888 1234"],
            emails=["zhang.wei@hdzg.cn"], owner="rep.li", tags=["VIP"], notes="喜欢龙井; 不喝酒",
        )  # fmt: skip
        important_dates.add_important_date(
            s, contact_id=zhang.id, kind="birthday", date=DateSpec.gregorian(3, 15, 1980)
        )
        emily = contacts.add_contact(s, name="Olivia Brown", emails=["emily@nw.example.com"])
        important_dates.add_important_date(
            s, contact_id=emily.id, kind="birthday", date=DateSpec.gregorian(11, 2)
        )
        fill_sample(s, today=dt.date(2026, 11, 25))
    return book


# What ``filled`` holds, counted from the fixture and ``fill_sample`` by hand: 3 sample accounts
# + 华东重工集团; 7 sample contacts + 周建国 and Olivia Brown; 4 visits (attendees 2 + 1 + 2 + 1,
# gifts 1 + 2); 1 follow-up + 2 from visits with a follow-up date; 7 preferences of 曾国梁 + 1
# of 王丽; 4 sample dates + 2; 2 family members; 2 opportunities; the 4 default tiers.
COUNTS = {
    "tiers": 4, "accounts": 4, "contacts": 9, "family_members": 2, "preferences": 8,
    "important_dates": 6, "interactions": 4, "interaction_attendees": 6, "gifts": 3,
    "follow_ups": 3, "opportunities": 2, "complaints": 0, "campaigns": 0, "campaign_items": 0,
    "gift_catalogue": 11,  # the built-in gifts every new book is seeded with (migration 0010)
}  # fmt: skip


def export(book, path, fmt, what=None):
    with book.session() as s:
        return export_book(s, path, fmt, what, book_id=book.info.book_id)


def contact_rows(book):
    """Name -> (phones, e-mails, company, title, birthday) as stored."""
    out = {}
    with book.session() as s:
        for c in s.scalars(select(Contact).where(Contact.deleted.is_(False))):
            view = contacts.contact_view(s, c)
            born = [d for d in important_dates.list_dates(s, contact_id=c.id)
                    if d.kind == "birthday" and d.family_member_id is None]  # fmt: skip
            gregorian = born[0].text if born and born[0].calendar == "gregorian" else None
            phones = tuple(phone_key(p) for p in c.phones)
            emails = tuple(e.casefold() for e in c.emails)
            out[c.name] = (phones, emails, view.account_name, c.title, gregorian)
    return out


@pytest.mark.parametrize("fmt", ["vcard", "csv"])
def test_round_trip_of_our_own_export(filled, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    result = export(filled, path, fmt)
    assert result.counts == {"contacts": 9}
    assert len(contact_rows(filled)) == 9
    fresh = open_test_book(tmp_path / "fresh.crmdesk")
    try:
        with fresh.session() as s:
            plan = plan_import(s, read_table(path))
        assert plan.rejected == []
        with fresh.session() as s, s.begin():
            apply_import(s, plan)
        assert contact_rows(fresh) == contact_rows(filled)
        assert contact_rows(fresh)["周建国"] == (
            ("+8613800138000", "+862168881234"), ("zhang.wei@hdzg.cn",), "华东重工集团",
            "采购经理", "1980-03-15",
        )  # fmt: skip
        assert contact_rows(fresh)["Olivia Brown"][4] == "11-02"
    finally:
        fresh.close()


def test_vcard_is_4_0_with_a_no_year_birthday(filled, tmp_path):
    path = tmp_path / "out.vcf"
    export(filled, path, "vcard")
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == text.count("VERSION:4.0") == 9
    assert "BDAY:19800315" in text and "BDAY:--1102" in text
    assert "ORG:华东重工集团;采购部" in text


def test_csv_has_a_bom_for_excel_and_the_owner_column(filled, tmp_path):
    path = tmp_path / "out.csv"
    export(filled, path, "csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].decode("utf-8").splitlines()[0].split(",")
    assert "Owner" in header and header[0] == "Name"
    assert "rep.li" in data.decode("utf-8-sig")


def test_xlsx_has_the_five_sheets_styled_and_frozen(filled, tmp_path):
    path = tmp_path / "out.xlsx"
    result = export(filled, path, "xlsx")
    assert result.counts == {
        "accounts": 4, "contacts": 9, "interactions": 4, "follow-ups": 3, "opportunities": 2,
    }  # fmt: skip
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Accounts", "Contacts", "Interactions", "Follow-ups", "Opportunities"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
        assert ws.column_dimensions["A"].width >= 10
        assert "Owner" in [c.value for c in ws[1]] or "Recorded by" in [c.value for c in ws[1]]
        assert ws.max_row == COUNTS[ws.title.lower().replace("-", "_")] + 1  # and a header
    interactions = wb["Interactions"]
    assert isinstance(interactions["A2"].value, dt.datetime)


def test_json_holds_everything_with_a_format_version(filled, tmp_path):
    path = tmp_path / "out.json"
    result = export(filled, path, "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format_version"] == JSON_FORMAT_VERSION and doc["format"] == "crmdesk-export"
    assert doc["book_id"] == filled.info.book_id
    assert {k: len(v) for k, v in doc["tables"].items()} == COUNTS
    assert result.counts == COUNTS
    names = {c["name"] for c in doc["tables"]["contacts"]}
    assert {"周建国", "Olivia Brown"} <= names


def test_a_failed_export_leaves_no_file_and_no_temp(filled, tmp_path):
    target = tmp_path / "out.xlsx"
    target.mkdir()  # the rename onto a folder fails after the workbook was written
    with pytest.raises(ValidationError) as caught:
        export(filled, target, "xlsx")
    assert caught.value.field == "output"
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("fmt", "what", "field"),
    [("pdf", None, "format"), ("vcard", "accounts", "what"), ("csv", "all", "what")],
)
def test_bad_export_requests(filled, tmp_path, fmt, what, field):
    with pytest.raises(ValidationError) as caught:
        export(filled, tmp_path / "x", fmt, what)
    assert caught.value.field == field


def test_an_export_is_queued_for_the_audit_log_only_when_the_book_is_enrolled(filled):
    import json

    from sqlalchemy import insert, select

    from crmdesk.db.sync_state import SyncMeta

    assert audit.record_transfer(filled, "export", "contacts", 3) is False
    with filled.engine.begin() as conn:
        conn.execute(insert(SyncMeta).values(key="server_url", value="https://crm.example"))
    assert audit.record_transfer(filled, "export", "contacts as csv", 3) is True
    # A bad event is logged, not raised: the export itself already succeeded.
    assert audit.record_transfer(filled, "print", "contacts", 1) is False
    with filled.engine.connect() as conn:
        raw = conn.execute(select(SyncMeta.value).where(SyncMeta.key == "pending_audit")).scalar()
    queued = json.loads(raw)
    assert [(e["action"], e["what"], e["count"]) for e in queued] == [
        ("export", "contacts as csv", 3)
    ]


def _as_json(value):
    """What the JSON export holds for a value the ORM reads (an independent statement of it)."""
    if isinstance(value, dt.date):  # datetimes too: aware UTC, isoformat
        return value.isoformat()
    return value


def test_json_export_holds_every_column_of_every_live_record_as_the_book_does(filled, tmp_path):
    from crmdesk.db.models import SYNCED_MODELS

    with filled.session() as s, s.begin():
        c = s.scalars(select(Contact).where(Contact.name == "周建国")).one()
        c.notes = 'quote " backslash \\ tab \t 换行\n末尾'
        c.deleted = False
    path = tmp_path / "out.json"
    export(filled, path, "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    checked = 0
    with filled.session() as s:
        for model in SYNCED_MODELS:
            written = {r["id"]: r for r in doc["tables"][model.__tablename__]}
            live = s.scalars(select(model).where(model.deleted.is_(False))).all()
            assert set(written) == {r.id for r in live}, model.__tablename__
            for record in live:
                expected = {
                    col.key: _as_json(getattr(record, col.key)) for col in model.__table__.columns
                }
                assert written[record.id] == expected
                assert list(written[record.id]) == list(expected)  # the columns' order
                checked += 1
    assert checked > 20
    deleted_flags = {r["deleted"] for t in doc["tables"].values() for r in t}
    assert deleted_flags == {False}


def test_vcard_reads_back_with_vobject_field_by_field(book, tmp_path):
    import vobject

    long_note = "第一行；含分号, 逗号 \\ 反斜杠\n" + "很长的备注" * 40
    with book.session() as s, s.begin():
        account = accounts.add_account(s, name="欧阳集团; Ltd., 上海")
        ouyang = contacts.add_contact(
            s, name="欧阳明华", account_id=account.id, title="总经理", department="销售部",
            phones=["+86 138 0013 8000", "021-6888 1234"], emails=["oy@example.cn"],
            gender="male", notes=long_note, tags=["VIP", "茶, 龙井"],
        )  # fmt: skip
        important_dates.add_important_date(
            s, contact_id=ouyang.id, kind="birthday", date=DateSpec.gregorian(2, 29, 1984)
        )
        lunar = contacts.add_contact(s, name="李娜", gender="female")
        important_dates.add_important_date(
            s, contact_id=lunar.id, kind="birthday", date=DateSpec.parse("L1970-08-15")
        )
        contacts.add_contact(s, name="John Smith")
    path = tmp_path / "out.vcf"
    export(book, path, "vcard")
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cards = {c.fn.value: c for c in vobject.readComponents(raw.decode("utf-8"))}
    assert set(cards) == {"欧阳明华", "李娜", "John Smith"}
    card = cards["欧阳明华"]
    assert card.version.value == "4.0"
    assert (card.n.value.family, card.n.value.given) == ("欧阳", "明华")
    assert [t.value for t in card.contents["tel"]] == ["+86 138 0013 8000", "021-6888 1234"]
    assert card.email.value == "oy@example.cn"
    assert card.org.value == ["欧阳集团; Ltd., 上海", "销售部"]
    assert card.title.value == "总经理"
    assert card.bday.value == "19840229"
    assert card.gender.value == "M"
    assert card.note.value == long_note
    assert card.categories.value == ["VIP", "茶, 龙井"]
    assert card.uid.value == f"urn:uuid:{ouyang.id}"
    assert "bday" not in cards["李娜"].contents  # vCard has no lunar dates
    assert cards["李娜"].gender.value == "F"
    smith = cards["John Smith"]
    assert (smith.n.value.family, smith.n.value.given) == ("Smith", "John")


def test_xlsx_contacts_hold_what_the_csv_holds_and_no_empty_text_cells(filled, tmp_path):
    import csv

    export(filled, tmp_path / "out.csv", "csv")
    export(filled, tmp_path / "out.xlsx", "xlsx", "contacts")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as handle:
        from_csv = list(csv.reader(handle))
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["Contacts"]
    from_xlsx = [
        ["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)
    ]
    assert from_xlsx == from_csv
    assert any("" in row for row in from_csv)  # empty fields there are, written as no cell
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:  # (was: an inlineStr with no text)
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="A2" t="inlineStr"><is>' in sheet and 't="inlineStr"></c>' not in sheet


def test_list_columns_decode_as_the_standard_library_does():
    from crmdesk.db.transfer.sheets import decode_list

    assert decode_list(None) == decode_list("") == decode_list("[]") == []
    assert decode_list('["+86 138 0013 8000", "龙井"]') == ["+86 138 0013 8000", "龙井"]
    assert decode_list('["\\ud800x", 7]') == ["\ud800x", "7"]  # orjson refuses a lone surrogate
    assert decode_list('{"a": 1}') == []
