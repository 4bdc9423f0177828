"""Import into a real encrypted book: plan, duplicates, merge choices, one transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.importing.source import read_table
from crmdesk.db import search
from crmdesk.db.models import Account, Contact, ImportantDate
from crmdesk.db.services import accounts, contacts, important_dates
from crmdesk.db.sync_state import SyncOutbox
from crmdesk.db.transfer.applying import apply_import
from crmdesk.db.transfer.planning import plan_import
from tests.book_snapshot import snapshot

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vcards"


def plan_file(book, name, **kwargs):
    table = read_table(FIXTURES / name)
    with book.session() as s:
        return plan_import(s, table, source=name, **kwargs)


def apply(book, plan, choices=None, default="merge"):
    with book.session() as s, s.begin():
        return apply_import(s, plan, choices, default=default)


def names(book):
    with book.session() as s:
        return sorted(s.scalars(select(Contact.name).where(Contact.deleted.is_(False))))


def test_rows_import_with_bad_fields_set_aside_and_reported(book):
    plan = plan_file(book, "excel_gbk.csv")
    assert plan.rejected == []
    assert [(e.number, e.field) for e in plan.warnings] == [(4, "phone"), (5, "email")]
    result = apply(book, plan)
    assert (result.created, result.rejected, result.accounts_created) == (5, 0, 2)
    assert names(book) == sorted(["陈明", "刘洋", "周杰", "吴敏", "郑爽"])
    with book.session() as s:
        wu = s.scalars(select(Contact).where(Contact.name == "吴敏")).one()
        assert wu.emails == [] and "E-mail: wumin@" in wu.notes
    with book.session() as s:
        chen = s.scalars(select(Contact).where(Contact.name == "陈明")).one()
        assert chen.phones == ["+86 137 6543 2100", "+86 731 8888 6666"]
        assert s.get_one(Account, chen.account_id).name == "华东重工集团"
        liu = s.scalars(select(Contact).where(Contact.name == "刘洋")).one()
        (birthday,) = important_dates.list_dates(s, contact_id=liu.id)
        assert (birthday.kind, birthday.calendar, birthday.month, birthday.day) == (
            "birthday", "lunar", 3, 5
        )  # fmt: skip


def test_imported_contacts_are_searchable_pinyin_keyed_and_in_the_outbox(book):
    apply(book, plan_file(book, "android21_utf8.vcf"))
    with book.session() as s:
        hits = search.search(s, "wangfang")
        assert [h.name for h in hits if h.kind == "contact"] == ["王芳"]
        assert [h.name for h in search.search(s, "欧阳") if h.kind == "contact"] == ["欧阳娜"]
        ouyang = s.scalars(select(Contact).where(Contact.name == "欧阳娜")).one()
        assert "ouyang" in ouyang.name_pinyin
        queued = s.scalar(
            select(func.count()).select_from(SyncOutbox).where(SyncOutbox.record_id == ouyang.id)
        )
        assert queued == 1


def test_all_bad_rows_leave_the_book_unchanged(book, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("姓名,邮箱\n,a@b.cn\n ,not-an-email\n", encoding="utf-8")
    before = snapshot(book.engine)
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    assert plan.good == 0
    assert [(e.number, e.field) for e in plan.rejected] == [(2, "name"), (3, "name")]
    result = apply(book, plan)
    assert result.written == 0
    assert snapshot(book.engine) == before


def test_a_failure_mid_import_leaves_the_book_as_before(book, tmp_path):
    path = tmp_path / "many.csv"
    rows = [f"联系人{i},139{i:08d}" for i in range(1200)]
    path.write_text("姓名,手机\n" + "\n".join(rows), encoding="utf-8")
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    # A row that slipped past planning (here: made too long after it) fails at write time,
    # after two batches of 500 were flushed: the whole import must roll back.
    bad = dataclasses.replace(plan.creates[1100], name="x" * 300)
    plan.creates[1100] = bad
    before = snapshot(book.engine)
    with pytest.raises(ValidationError) as caught:
        apply(book, plan)
    assert caught.value.field == "name"
    assert snapshot(book.engine) == before


@pytest.fixture
def zhang(book):
    """张伟 already in the book, with his phone written another way and a title."""
    with book.session() as s, s.begin():
        account = accounts.add_account(s, name="华东重工集团")
        view = contacts.add_contact(
            s, name="张 伟", account_id=account.id, title="副总", phones=["13800138000"]
        )
    return view.id


def test_duplicate_by_name_and_phone_is_merged_without_overwriting(book, zhang):
    plan = plan_file(book, "iphone.vcf")
    assert len(plan.duplicates) == 1 and len(plan.creates) == 1
    dup = plan.duplicates[0]
    assert (dup.match_id, dup.reason, dup.number) == (zhang, "phone", 1)
    changes = {c.field: c for c in dup.changes}
    assert changes["title"].kept and changes["title"].before == "副总"
    assert "department" in changes and not changes["department"].kept
    result = apply(book, plan)
    assert (result.created, result.merged) == (1, 1)
    with book.session() as s:
        merged = s.get_one(Contact, zhang)
        assert merged.title == "副总"  # not overwritten
        assert merged.department == "采购部"  # filled
        assert merged.phones == ["13800138000", "+86 21 6888 1234", "+86 21 6888 1235"]
        assert merged.emails == ["zhang.wei@huadong-heavy.com.cn", "zhangwei1980@163.com"]
        assert merged.wechat == "zhangwei_hd"
        dates = s.scalars(select(ImportantDate).where(ImportantDate.contact_id == zhang)).all()
        assert [(d.month, d.day, d.year) for d in dates] == [(3, 15, None)]
        assert s.scalar(select(func.count(Contact.id))) == 2


def test_duplicate_by_email_ignores_case_and_name(book):
    with book.session() as s, s.begin():
        existing = contacts.add_contact(
            s, name="Emily C.", emails=["Emily.Carter@Northwind.example.com"]
        )
    plan = plan_file(book, "iphone.vcf")
    emily = [d for d in plan.duplicates if d.match_id == existing.id]
    assert len(emily) == 1 and emily[0].reason == "email"


@pytest.mark.parametrize(("choice", "count", "title"), [("skip", 1, "副总"), ("new", 2, "副总")])
def test_skip_and_new_choices(book, zhang, choice, count, title):
    plan = plan_file(book, "iphone.vcf")
    apply(book, plan, {1: choice})
    with book.session() as s:
        assert s.scalar(select(func.count(Contact.id)).where(Contact.name.like("张%"))) == count
        assert s.get_one(Contact, zhang).title == title
        assert s.get_one(Contact, zhang).department is None


def test_duplicates_within_the_file_merge_into_the_first(book, tmp_path):
    path = tmp_path / "dups.csv"
    path.write_text(
        "姓名,手机,邮箱,职位\n"
        "李雷,13900000001,lilei@x.cn,经理\n"
        "李 雷,+86 139-0000-0001,,总监\n"
        "韩梅梅,13900000002,LILEI@X.CN,\n",
        encoding="utf-8",
    )
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    assert [(d.number, d.match_row, d.reason) for d in plan.duplicates] == [
        (3, 2, "phone"), (4, 2, "email")
    ]  # fmt: skip
    result = apply(book, plan, {4: "new"})
    # Row 3 brings nothing new but a title, which the first row already has: nothing to merge.
    assert (result.created, result.merged, result.skipped) == (2, 0, 1)
    with book.session() as s:
        lilei = s.scalars(select(Contact).where(Contact.name == "李雷")).one()
        assert lilei.title == "经理"  # the second row's 总监 does not overwrite
        assert names(book) == ["李雷", "韩梅梅"]


def test_region_normalises_local_numbers(book, tmp_path):
    path = tmp_path / "hk.csv"
    path.write_text("Name,Phone\nChan Tai Man,9123 4567\n", encoding="utf-8")
    with book.session() as s:
        plan = plan_import(s, read_table(path), region="HK")
    assert plan.creates[0].phones == ("+852 9123 4567",)
    with book.session() as s, pytest.raises(ValidationError, match="region"):
        plan_import(s, read_table(path), region="XX")


def test_no_name_column_rejects_every_row_once(book, tmp_path):
    path = tmp_path / "noname.csv"
    path.write_text("Mobile,Company\n13900000001,A\n13900000002,B\n", encoding="utf-8")
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    assert [(e.number, e.field) for e in plan.rejected] == [(2, "name"), (3, "name")]
    assert "no column is mapped to the name" in plan.rejected[0].reason


def test_over_long_field_is_set_aside_naming_it(book, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(f"姓名,职位\n王五,{'长' * 121}\n", encoding="utf-8")
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    assert plan.rejected == [] and [(e.number, e.field) for e in plan.warnings] == [(2, "title")]
    assert "121" in plan.warnings[0].reason and "120" in plan.warnings[0].reason
    (wang,) = plan.creates
    assert wang.title is None and wang.notes.endswith("Job title: " + "长" * 121)


def test_lunar_birthday_is_stored_as_lunar(book, tmp_path):
    path = tmp_path / "lunar.csv"
    path.write_text("姓名,生日\n赵敏,L1985-08-15\n", encoding="utf-8")
    with book.session() as s:
        plan = plan_import(s, read_table(path))
    apply(book, plan)
    assert plan.creates[0].birthday == DateSpec.lunar(8, 15, year=1985)


PRODUCERS = Path(__file__).parent.parent / "fixtures" / "producers"
DEFECTS = Path(__file__).parent.parent / "fixtures" / "defects"


def import_path(book, path, **kwargs):
    with book.session() as s:
        plan = plan_import(s, read_table(path), source=path.name, **kwargs)
    return plan, apply(book, plan)


def test_bulk_rows_carry_the_outbox_entry_the_orm_would_write(book):
    """A contact written in bulk queues the same whole-row entry as one added through the
    contact service (the sync server cannot tell them apart)."""
    with book.session() as s, s.begin():
        by_hand = contacts.add_contact(s, name="手工录入", phones=["13800000000"])
    import_path(book, PRODUCERS / "ios_30.vcf")
    with book.session() as s:
        entries = {
            e.record_id: e
            for e in s.scalars(select(SyncOutbox).where(SyncOutbox.tbl == "contacts"))
        }
        wang = s.scalars(select(Contact).where(Contact.name == "王芳")).one()
        hand, bulk = entries[by_hand.id], entries[wang.id]
        assert set(bulk.fields) == set(hand.fields) and bulk.row == bulk.fields
        assert (bulk.base_version, hand.base_version) == (0, 0)
        assert bulk.fields["name"] == "王芳" and bulk.fields["wechat"] == "wangfang_hn"
        assert bulk.fields["name_pinyin"] == wang.name_pinyin != ""
        assert bulk.fields["created_at"].endswith("+00:00")
        account = s.get_one(Account, wang.account_id)
        assert account.name == "华南电气有限公司"
        queued = s.scalar(
            select(func.count()).select_from(SyncOutbox).where(SyncOutbox.record_id == account.id)
        )
        assert queued == 1
        born = s.scalars(select(ImportantDate).where(ImportantDate.contact_id == wang.id)).one()
        assert (born.month, born.day, born.year) == (6, 30, None)


def test_imports_are_found_by_search_into_an_empty_book_and_a_full_one(book):
    # Into an empty book the import rebuilds the index in one pass...
    import_path(book, PRODUCERS / "chinese_android_21.vcf")
    with book.session() as s:
        assert [h.name for h in search.search(s, "zgl") if h.kind == "contact"] == ["曾国梁"]
    # ...into a book that already holds more, it reindexes only what it wrote.
    import_path(book, DEFECTS / "org_comma.vcf")
    with book.session() as s:
        assert [h.name for h in search.search(s, "曾国梁") if h.kind == "contact"] == ["曾国梁"]
        assert [h.name for h in search.search(s, "Jeff") if h.kind == "contact"] == [
            "Jeff Williams"
        ]
        companies = {h.name for h in search.search(s, "Apple") if h.kind == "account"}
        assert companies == {"Apple, Inc."}  # one account for the two cards that name it


def test_reimporting_a_file_finds_every_card_again_as_a_duplicate(book):
    _plan, first = import_path(book, PRODUCERS / "gmail_30.vcf")
    plan, again = import_path(book, PRODUCERS / "gmail_30.vcf")
    assert first.created == 2 and len(plan.duplicates) == 2 and plan.creates == []
    assert (again.created, again.merged, again.skipped) == (0, 0, 2)
    assert names(book) == ["María García", "李娜"]


def test_a_card_set_aside_field_lands_in_the_book_notes_and_nothing_else_is_lost(book):
    plan, result = import_path(book, DEFECTS / "bad_phone.vcf")
    assert result.created == 1 and [w.field for w in plan.warnings] == ["phone"] * 2
    with book.session() as s:
        zhou = s.scalars(select(Contact).where(Contact.name == "周杰")).one()
        assert zhou.phones == ["+86 138 0013 8000", "+86 731 8888 6666", "+86 12345"]
        assert zhou.emails == ["zhoujie@hdzg.example"] and zhou.title == "总工程师"
        assert "Phone: call the switchboard" in zhou.notes


def test_a_failure_in_the_bulk_write_leaves_the_book_byte_identical(book, tmp_path):
    import_path(book, PRODUCERS / "android_21.vcf")
    book.engine.dispose()
    before_bytes = book.path.read_bytes()
    with book.session() as s:
        plan = plan_import(s, read_table(PRODUCERS / "evolution_30.vcf"))
    plan.creates.append(dataclasses.replace(plan.creates[0], number=99, name="x" * 300))
    with pytest.raises(ValidationError):
        apply(book, plan)
    book.engine.dispose()
    assert book.path.read_bytes() == before_bytes
