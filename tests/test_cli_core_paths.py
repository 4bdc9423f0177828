"""``crmdesk search`` and ``crmdesk contact list`` read through Core, without the ORM: what they
print equals what the app's ORM path gives on the same book (Chinese, pinyin, initials,
traditional characters, phone digits, tags, deleted records and bosses, filters)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crmdesk.cli import main
from crmdesk.db import search
from crmdesk.db.book import Book, open_book
from crmdesk.db.models import Account, Contact
from crmdesk.db.services.contacts import contact_view

PASS = "correct horse battery"


def _unlock(_purpose: str) -> str:
    return PASS


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("core-paths") / "book.crmdesk"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        assert main(["--book", str(path), "init", "--passphrase"]) == 0
    with open_book(path, passphrase=_unlock) as book, book.session() as s, s.begin():
        huawei = Account(name="華為技術有限公司", industry="通信", tier="A", owner="小李",
                         phones=["0755-2878 0808"])  # fmt: skip
        gone = Account(name="华东重工集团", tier="S", deleted=True)
        boss = Contact(name="曾国梁", account=huawei, phones=["138 0013 8000"])
        left = Contact(name="吕布", deleted=True)
        s.add_all([huawei, gone, boss, left])
        s.flush()
        s.add_all([
            Contact(name="张三", account=huawei, title="采购经理", phones=["138-1234-5678"],
                    wechat="zs_wx88", tags=["高尔夫"], notes="喜欢喝普洱茶", reports_to_id=boss.id),
            Contact(name="張偉", account=gone, tags=["VIP"], reports_to_id=left.id),
            Contact(name="张伟明", tier="B", owner="老王", emails=["zwm@example.com"]),
            Contact(name="曾小贤", notes="认识张三，是老同学"),
            Contact(name="单田芳", phones=["+86 139 0000 1111"], tags=["VIP", "高尔夫"]),
            Contact(name="吕小军", gender="male", hometown="山东"),
            Contact(name="John Smith", emails=["john@acme.com"], tags=["VIP"]),
            Contact(name="Seán O'Brien", school="Trinity"),
            Contact(name="方旺", account=huawei, tier="C"),
        ])  # fmt: skip
    return path


@pytest.fixture(scope="module")
def orm(filled: Path) -> Iterator[Book]:
    """The app's side of each comparison, opened once (each opening derives the key again)."""
    with open_book(filled, passphrase=_unlock) as book:
        yield book


def _cli_json(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> Any:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        code = main(["--book", str(path), *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


QUERIES = [
    "张三", "张", "zhangsan", "zs", "zgl", "zengguoliang", "华为", "華為", "hwjs", "张伟",
    "zhangwei", "lü", "lv", "wang", "1234", "138 0013", "0808", "高尔夫", "vip", "john",
    "acme", "obrien", "普洱", "张三 华为", "s",
]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES)
def test_cli_search_equals_the_apps_search(filled, orm, capsys, query):
    with orm.session() as s:
        expected = [dataclasses.asdict(h) for h in search.search(s, query, limit=50)]
    assert expected, "every query finds someone: the comparison must not be of two empty lists"
    assert _cli_json(capsys, filled, "search", query, "--limit", "50") == expected


def test_cli_search_of_one_kind_equals_the_apps(filled, orm, capsys):
    with orm.session() as s:
        expected = [dataclasses.asdict(h) for h in search.search(s, "hw", kinds=("account",))]
    assert [h["name"] for h in expected] == ["華為技術有限公司"]
    assert _cli_json(capsys, filled, "search", "hw", "--kind", "account") == expected


def _orm_listing(book: Book, **where: Any) -> list[dict[str, Any]]:
    """The reference: ORM objects in (sort_key, id) order, viewed one by one as the app's
    detail screen views them (contact_view), filtered in Python."""
    with book.session() as s:
        contacts = s.scalars(
            select(Contact)
            .where(Contact.deleted.is_(where.get("deleted", False)))
            .order_by(Contact.sort_key, Contact.id)
        )
        views = [contact_view(s, c) for c in contacts]
    if "tag" in where:
        views = [v for v in views if where["tag"] in v.tags]
    if "owner" in where:
        views = [v for v in views if v.owner == where["owner"] or (
            v.owner is None and v.account_id is not None
            and _account_owner(book, v.account_id) == where["owner"]
        )]  # fmt: skip
    if "tier" in where:
        views = [v for v in views if v.tier == where["tier"] or (
            v.tier is None and v.account_id is not None
            and _account_tier(book, v.account_id) == where["tier"]
        )]  # fmt: skip
    return [v.to_json() for v in views]


def _account_owner(book: Book, account_id: str) -> str | None:
    with book.session() as s:
        account = s.get(Account, account_id)
        return account.owner if account else None


def _account_tier(book: Book, account_id: str) -> str | None:
    with book.session() as s:
        account = s.get(Account, account_id)
        return account.tier if account else None


@pytest.mark.parametrize(
    ("argv", "where", "count"),
    [
        ((), {}, 10),
        (("--tag", "VIP"), {"tag": "VIP"}, 3),
        (("--owner", "小李"), {"owner": "小李"}, 3),
        (("--deleted",), {"deleted": True}, 1),
        (("--tier", "A"), {"tier": "A"}, 2),  # looked up by the ORM session path
        (("--tier", "S"), {"tier": "S"}, 1),  # the deleted account's tier still applies
    ],
)
def test_cli_contact_list_equals_the_orm_views(filled, orm, capsys, argv, where, count):
    expected = _orm_listing(orm, **where)
    assert len(expected) == count
    assert _cli_json(capsys, filled, "contact", "list", *argv) == expected


def test_cli_contact_list_shows_no_deleted_boss_nor_a_deleted_accounts_tier(filled, capsys):
    listed = {c["name"]: c for c in _cli_json(capsys, filled, "contact", "list")}
    assert listed["张三"]["reports_to_name"] == "曾国梁"
    assert listed["張偉"]["reports_to_id"] is None  # 吕布 was deleted
    assert listed["張偉"]["effective_tier"] is None  # 华东重工集团 (tier S) was deleted
    assert listed["方旺"]["effective_tier"] == "C" and listed["张三"]["effective_tier"] == "A"


def test_cli_contact_list_pages_with_a_limit(filled, capsys):
    everyone = _cli_json(capsys, filled, "contact", "list")
    assert _cli_json(capsys, filled, "contact", "list", "--limit", "4") == everyone[:4]


def test_a_lapsed_lease_still_refuses_search_and_list(tmp_path, capsys):
    """The Core and driver paths open the book as `open_book` does: an enrolled book whose lease
    lapsed (and whose server cannot be reached) is refused by `search` and `contact list`."""
    from crmdesk.db.sync_state import set_meta_value

    path = tmp_path / "book.crmdesk"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRMDESK_PASSPHRASE", PASS)
        assert main(["--book", str(path), "init", "--passphrase"]) == 0
        assert main(["--book", str(path), "contact", "add", "--name", "曾国梁"]) == 0
        assert main(["--book", str(path), "search", "zgl"]) == 0
        assert "曾国梁" in capsys.readouterr().out
        with open_book(path, passphrase=_unlock) as book, book.engine.begin() as conn:
            set_meta_value(conn, "server_url", "http://127.0.0.1:9")  # nothing listens there
            set_meta_value(conn, "lease_until", "2020-03-01T08:00:00+00:00")
        for argv in (["search", "zgl"], ["contact", "list"]):
            code = main(["--book", str(path), *argv])
            out, err = capsys.readouterr()
            assert code != 0 and "曾国梁" not in out, argv
            assert "lease lapsed on 2020-03-01" in err, argv
