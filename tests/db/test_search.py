"""The search index on a real encrypted book: what is found, in what order, and that it keeps up."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from crmdesk.db import search
from crmdesk.db.models import Account, Contact, Tier


@pytest.fixture
def people(book):
    """A small book: an account, its contacts, and people elsewhere who share words with them."""
    with book.session() as s:
        huawei = Account(name="华为技术有限公司", industry="通信", phones=["0755-2878 0808"])
        zhang = Contact(
            name="张三", account=huawei, title="采购经理", phones=["138-1234-5678"],
            wechat="zs_wx88", tags=["高尔夫"], notes="喜欢喝普洱茶",
        )  # fmt: skip
        s.add_all([
            huawei, zhang,
            Contact(name="曾小贤", notes="认识张三，是老同学"),
            Contact(name="单田芳", phones=["+86 139 0000 1111"]),
            Contact(name="张三丰"),
            Contact(name="李张三"),
            Contact(name="John Smith", emails=["john@acme.com"], tags=["VIP"]),
        ])  # fmt: skip
        s.commit()
        return {c.name: c.id for c in s.scalars(select(Contact))} | {"华为": huawei.id}


def found(book, query, **kwargs):
    with book.session() as s:
        return search.search(s, query, **kwargs)


def names(book, query):
    return [h.name for h in found(book, query)]


@pytest.mark.parametrize(
    "query", ["张三", "张", "三", "zhangsan", "zhang", "zs", "ZhangSan", "ｚｓ"]
)
def test_zhang_san_is_found_by_characters_pinyin_and_initials(book, people, query):
    hits = found(book, query)
    assert "张三" in [h.name for h in hits]


@pytest.mark.parametrize(
    ("query", "name"),
    [("zeng", "曾小贤"), ("ceng", "曾小贤"), ("zxx", "曾小贤"), ("cxx", "曾小贤"),
     ("shan", "单田芳"), ("dan", "单田芳"), ("stf", "单田芳"), ("dtf", "单田芳")],
)  # fmt: skip
def test_polyphonic_surnames_are_found_by_either_reading(book, people, query, name):
    assert name in names(book, query)


def test_one_character_matches_only_names_holding_it(book, people):
    assert set(names(book, "丰")) == {"张三丰"}
    assert names(book, "田") == ["单田芳"]


def test_account_found_by_part_of_its_name_and_contact_by_its_company(book, people):
    hits = found(book, "华为")
    assert (hits[0].kind, hits[0].name, hits[0].matched) == ("account", "华为技术有限公司", "name")
    zhang = next(h for h in hits if h.name == "张三")
    assert (zhang.kind, zhang.matched) == ("contact", "company")
    assert zhang.subtitle == "华为技术有限公司 · 采购经理"
    assert "华为技术有限公司" in names(book, "技术")
    assert "华为技术有限公司" in names(book, "huawei")


@pytest.mark.parametrize("query", ["5678", "1234", "138-1234-5678", "138 1234 5678", "13812345678"])
def test_phone_found_by_any_digits(book, people, query):
    hits = found(book, query)
    assert [(h.name, h.matched) for h in hits] == [("张三", "phone")]


def test_phone_with_country_code_and_account_phone(book, people):
    assert names(book, "1111") == ["单田芳"]
    assert names(book, "+86 139 0000 1111") == ["单田芳"]
    assert names(book, "2878 0808") == ["华为技术有限公司"]


def test_wechat_email_tag_and_notes(book, people):
    assert [(h.name, h.matched) for h in found(book, "zs_wx88")] == [("张三", "handle")]
    assert [(h.name, h.matched) for h in found(book, "john@acme")] == [("John Smith", "handle")]
    assert [(h.name, h.matched) for h in found(book, "acme")] == [("John Smith", "handle")]
    assert [(h.name, h.matched) for h in found(book, "高尔夫")] == [("张三", "tag")]
    assert [(h.name, h.matched) for h in found(book, "vip")] == [("John Smith", "tag")]
    assert [(h.name, h.matched) for h in found(book, "普洱")] == [("张三", "notes")]


def test_name_hits_rank_before_note_hits_and_exact_and_leading_names_first(book, people):
    hits = found(book, "张三")
    assert [h.name for h in hits][:1] == ["张三"]
    assert hits[-1].name == "曾小贤" and hits[-1].matched == "notes"
    ranked = [h.name for h in hits]
    # Names starting with the query before names merely containing it.
    assert ranked.index("张三丰") < ranked.index("李张三") < ranked.index("曾小贤")
    assert all(h.matched == "name" for h in hits[:-1])


def test_words_found_in_different_fields(book, people):
    hits = found(book, "张 华为")
    assert [h.name for h in hits] == ["张三"]
    assert found(book, "王 华为") == []


def test_one_letter_finds_pinyin_and_latin_names(book, people):
    assert {"张三", "张三丰", "曾小贤"} <= set(names(book, "z"))
    # John Smith starts with j; 华为技术 has "ji" (技) inside its pinyin.
    assert [(h.name, h.matched) for h in found(book, "j")] == [
        ("John Smith", "pinyin"),
        ("华为技术有限公司", "pinyin"),
    ]


def test_limit(book, people):
    # More name hits than the page: the tiers run one by one, names starting with 张 first.
    assert {h.name for h in found(book, "张", limit=2)} == {"张三", "张三丰"}
    assert [h.name for h in found(book, "张", limit=3)][2] == "李张三"
    assert found(book, "张", limit=0) == []


def test_soft_deleted_records_are_not_found(book, people):
    with book.session() as s:
        s.get(Contact, people["张三丰"]).deleted = True
        s.commit()
    assert "张三丰" not in names(book, "张三")
    assert "张三丰" not in names(book, "zsf")


def test_hard_deleted_contact_leaves_no_document(book, people):
    with book.session() as s:
        s.delete(s.get(Contact, people["李张三"]))
        s.commit()
    assert "李张三" not in names(book, "李")


def test_renaming_updates_the_index_and_the_pinyin_columns(book, people):
    with book.session() as s:
        contact = s.get(Contact, people["张三丰"])
        contact.name = "白云"
        s.commit()
        assert (contact.name_pinyin, contact.name_initials, contact.sort_key) == (
            "baiyun bai yun",  # 白 as a surname is "bai" only: no rare "bo"
            "by",
            "bai yun",
        )
    assert "白云" in names(book, "baiyun")
    assert "白云" not in names(book, "zsf")
    assert "白云" not in names(book, "丰")


def test_other_changes_are_indexed_too(book, people):
    with book.session() as s:
        s.get(Contact, people["单田芳"]).notes = "评书大师"
        s.commit()
    assert names(book, "评书") == ["单田芳"]


def test_account_rename_follows_into_its_contacts(book, people):
    with book.session() as s:
        s.get(Account, people["华为"]).name = "荣耀终端有限公司"
        s.commit()
    assert "张三" not in names(book, "华为")
    hits = found(book, "荣耀")
    assert [(h.name, h.matched) for h in hits] == [
        ("荣耀终端有限公司", "name"),
        ("张三", "company"),
    ]
    assert hits[1].subtitle == "荣耀终端有限公司 · 采购经理"


def test_soft_deleted_account_is_not_found_nor_shown_as_company(book, people):
    with book.session() as s:
        s.get(Account, people["华为"]).deleted = True
        s.commit()
    assert found(book, "华为") == []
    zhang = found(book, "张三")[0]
    assert zhang.subtitle == "采购经理"


def test_bulk_rebuild_gives_the_same_results_as_the_per_row_path(book, people):
    queries = ["张三", "张", "zs", "ceng", "华为", "5678", "普洱", "vip", "zs_wx88"]

    def results():
        # Same hits, same tiers in the same order; ties inside a tier may fall either way.
        return {
            q: ([h.matched for h in hits], sorted(hits, key=lambda h: h.id))
            for q, hits in ((q, found(book, q)) for q in queries)
        }

    before = results()
    with book.engine.begin() as conn:
        documents = search.rebuild(conn)
    assert documents == 7  # 6 contacts, 1 account
    assert results() == before


def test_rows_written_by_core_get_keys_and_documents_from_reindex(book):
    # As sync and import write: Core inserts, no ORM events, pinyin columns left blank.
    with book.engine.begin() as conn:
        conn.execute(insert(Account), [{"id": "a1", "name": "三一重工", "phones": [], "tags": []}])
        conn.execute(
            insert(Contact),
            [{"id": "c1", "name": "曾乐", "account_id": "a1", "phones": ["13900001234"],
              "emails": [], "tags": []}],
        )  # fmt: skip
        assert found_in(conn, "ceng") == []  # nothing indexed by the inserts themselves
        search.reindex(conn, "account", ["a1"])
    assert [(h.name, h.matched) for h in found(book, "zengle")] == [("曾乐", "pinyin")]
    assert [(h.name, h.matched) for h in found(book, "sanyi")] == [("三一重工", "pinyin")]
    assert [h.name for h in found(book, "重工")] == ["三一重工", "曾乐"]
    with book.session() as s:
        assert s.get(Contact, "c1").sort_key == "zeng le"
        assert s.get(Account, "a1").name_pinyin.startswith("sanyizhonggong ")


def found_in(conn, query):
    from sqlalchemy.orm import Session

    with Session(bind=conn) as s:
        return search.search(s, query)


def test_reindex_removes_documents_of_deleted_records(book, people):
    with book.engine.begin() as conn:
        conn.execute(
            Contact.__table__.update().where(Contact.id == people["单田芳"]).values(deleted=True)
        )
        search.reindex(conn, "contact", [people["单田芳"]])
    assert found(book, "单田芳") == []


# Names holding 张, or notes that do (曾小贤: "认识张三"); 张三 is in each of them too.
ZHANG = ["张三", "张三丰", "曾小贤", "李张三"]


@pytest.mark.parametrize(
    ("query", "expected"),
    # FTS5 operators and punctuation are plain text: alone they match nothing; beside 张 or 张三
    # they change nothing; a word such as AND, NEAR or name must itself be found, and is not.
    [('"', []), ('""', []), ("*", []), ("张*", ZHANG), ("(", []), (")", []), ("-", []),
     ("-张三", ZHANG), ("AND", []), ("OR", []), ("NOT", []), ("张 AND 三", []),
     ("NEAR(张 三)", []), ("name:张", []), ("{name}: x", []), ("^", []), ("'", []), (";", []),
     ("\\", []), ("%", []), ("_", []), ("", []), ("   ", []), ("\x00", []), ("a" * 500, [])],
)  # fmt: skip
def test_fts_syntax_in_a_query_is_text_and_never_raises(book, people, query, expected):
    assert sorted(names(book, query)) == expected


def test_fts_syntax_characters_do_not_change_what_is_found(book, people):
    assert names(book, '"张三"') == names(book, "张三")
    assert names(book, "张三*") == names(book, "张三")
    assert names(book, "(zs)") == names(book, "zs")
    assert names(book, "and") == []  # the word, not the operator


@pytest.mark.parametrize(
    "query", ["张", "张三", "zs", "zhangsan", "5678", "138 1234 5678", "张 华为"]
)
def test_no_search_statement_scans_a_whole_table(book, people, query):
    with book.engine.connect() as conn:
        plans = search.query_plans(conn, query)
    assert any("VIRTUAL TABLE INDEX" in line for line in plans)
    assert search.full_scans(plans) == []


def test_full_scan_detector_flags_a_scan():
    assert search.full_scans(["SCAN contacts", "SCAN search_index VIRTUAL TABLE INDEX 0:"]) == [
        "SCAN contacts",
        "SCAN search_index VIRTUAL TABLE INDEX 0:",
    ]
    assert search.full_scans(["SCAN search_index VIRTUAL TABLE INDEX 192:M7"]) == []
    assert search.full_scans(["SCAN search_index VIRTUAL TABLE INDEX 0:=M5"]) == []


def test_matching_ids_condition_filters_by_any_field(book, people):
    with book.session() as s:
        by_text = s.scalars(
            select(Contact.name).where(search.matching_ids_condition("contact", "华为"))
        ).all()
        by_phone = s.scalars(
            select(Contact.name).where(search.matching_ids_condition("contact", "5678"))
        ).all()
        nothing = s.scalars(
            select(Contact.name).where(search.matching_ids_condition("contact", "*"))
        ).all()
        accounts = s.scalars(
            select(Account.name).where(search.matching_ids_condition("account", "huawei"))
        ).all()
    assert by_text == ["张三"] and by_phone == ["张三"]
    assert nothing == []
    assert accounts == ["华为技术有限公司"]


def test_every_book_keeps_its_index_in_step(tmp_path):
    # A second factory must be hooked too (SQLAlchemy's event.contains would say it already is).
    from tests.book_template import open_test_book

    for n in range(3):
        other = open_test_book(tmp_path / f"book{n}.crmdesk")
        try:
            with other.session() as s:
                s.add(Contact(name="张三"))
                s.commit()
            assert names(other, "zs") == ["张三"]
        finally:
            other.close()


# -- Names as people write them, and the queries that must find them --------------------------

# (name as stored, queries that must find it). Each is a way a rep types a name: characters
# simplified or traditional, full pinyin, the given name alone, initials, either reading of a
# surname people say two ways, ü as v/u/yu/ü, a Latin name without its accent or apostrophe.
FINDS = [
    ("曾国梁", ["曾国梁", "曾國梁", "国梁", "zengguoliang", "cengguoliang", "guoliang", "zgl",
                "cgl", "zeng", "ceng", "ZengGuoliang", "zeng guoliang"]),
    ("单雄信", ["单雄信", "單雄信", "xiongxin", "shanxiongxin", "danxiongxin", "sxx", "dxx",
                "shan", "dan"]),
    ("張偉", ["张伟", "張偉", "zhangwei", "zw", "wei"]),
    ("吕布", ["吕布", "呂布", "lvbu", "lubu", "lyubu", "lübu", "lv", "lu", "lyu", "lü", "LÜ"]),
    ("歐陽修", ["欧阳修", "歐陽修", "ouyangxiu", "oyx", "xiu", "ouyang"]),
    ("女娲", ["nvwa", "nuwa", "nyuwa", "nüwa"]),
    ("解晓东", ["xiexiaodong", "jiexiaodong", "xiaodong", "xxd"]),
    ("仇英", ["qiuying", "chouying", "qiu", "ying"]),
    ("区志明", ["ouzhiming", "quzhiming", "zhiming", "ozm"]),
    ("查良镛", ["zhaliangyong", "chaliangyong", "liangyong", "zly"]),
    ("朴槿惠", ["piaojinhui", "jinhui", "pjh"]),
    ("尉迟恭", ["yuchigong", "ycg", "尉遲恭"]),
    ("万俟卨", ["moqixie", "mqx", "萬俟卨"]),
    ("Seán O'Brien", ["obrien", "o'brien", "O’Brien", "o brien", "sean", "seán", "brien",
                      "sean obrien"]),
    ("María García", ["garcia", "García", "maria garcia", "GARCIA"]),
    ("Jean-Luc Picard", ["jean-luc", "jeanluc", "luc", "picard"]),
]  # fmt: skip


@pytest.fixture
def crowd(book):
    """The names above among people who share syllables, characters or readings with them."""
    with book.session() as s:
        s.add_all([Contact(name=name) for name, _ in FINDS])
        s.add_all([Contact(name=n) for n in (
            "郭亮", "周俊文", "方旺", "王芳", "汪洋", "张伟明", "陆小曼", "鲁迅", "周顺", "熊欣",
            "张三", "曾经理", "Brian Obst",
        )])  # fmt: skip
        s.add(Account(name="華為技術有限公司"))
        s.commit()


@pytest.mark.parametrize(("name", "query"), [(name, q) for name, queries in FINDS for q in queries])
def test_a_name_is_found_the_ways_people_type_it(book, crowd, name, query):
    assert name in names(book, query)


@pytest.mark.parametrize("query", ["华为", "華為", "huawei", "hwjs", "技术"])
def test_an_account_written_traditional_is_found_either_way(book, crowd, query):
    assert names(book, query)[0] == "華為技術有限公司"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("zhangwei", "張偉"),  # the full spelling exactly, before 张伟明
        ("张伟", "張偉"),  # the exact name before 张伟明
        ("guoliang", "郭亮"),  # the full spelling; 曾国梁's given name comes after
        ("obrien", "Seán O'Brien"),  # not Brian Obst
    ],
)
def test_the_best_match_comes_first(book, crowd, query, first):
    assert names(book, query)[0] == first


def test_rare_readings_of_other_characters_are_not_indexed(book, crowd):
    # 周 is "zhou" only: "shun" and "dun" (its rare readings) find 周顺 by 顺 alone, not 周俊文.
    assert "周俊文" not in names(book, "shun")
    assert "周俊文" not in names(book, "dun")
    assert "周俊文" not in names(book, "zs")
    assert set(names(book, "zs")) == {"张三", "周顺"}  # zhang san, zhou shun
    # 曾 as a word is "ceng", as a surname "zeng": the surname keeps both, the word its own.
    assert "曾经理" in names(book, "zengjingli")


def test_a_typed_u_umlaut_means_pinyin_v_first(book, crowd):
    with book.session() as s:
        s.add_all([Contact(name="Lucas Brown"), Contact(name="Jürgen Müller")])
        s.commit()
    assert names(book, "lü")[0] == "吕布"  # not Lucas: ü is written only in pinyin's lü/nü
    assert names(book, "nü")[0] == "女娲"
    assert "Lucas Brown" in names(book, "lu")  # u alone is any u
    assert names(book, "müller") == ["Jürgen Müller"]  # and in a Latin name ü folds to u
    assert names(book, "muller") == ["Jürgen Müller"]


def test_wang_ranks_by_how_the_name_matches(book, crowd):
    ranked = names(book, "wang")
    # Names read starting with "wang" (王, 汪: a tie, the newer first), then 方旺, whose wang is
    # only in the given name.
    assert ranked[:2] == ["汪洋", "王芳"]
    assert ranked.index("王芳") < ranked.index("方旺")
    assert ranked.index("汪洋") < ranked.index("方旺")


def test_key_accounts_and_recent_records_break_ties(book):
    with book.session() as s:
        key = Account(name="三一重工", tier="S")
        plain = Account(name="小作坊", tier="C")
        s.add_all([key, plain])
        s.flush()
        s.add(Contact(name="王伟", account=key))  # oldest, at the key account
        s.flush()
        s.add(Contact(name="王伟", account=plain))
        s.flush()
        s.add(Contact(name="王伟"))  # newest, no account
        s.commit()
    subtitles = [h.subtitle for h in found(book, "王伟")]
    assert subtitles == ["三一重工", "", "小作坊"]
    # Moving the account out of the key tier moves its contacts down with it.
    with book.session() as s:
        s.scalars(select(Account).where(Account.name == "三一重工")).one().tier = "B"
        s.commit()
    assert [h.subtitle for h in found(book, "王伟")][-1] != "三一重工"
    assert found(book, "王伟")[0].subtitle == "三一重工"  # now the newest
    # The scheme changes: C becomes the top tier. Its contacts move up without being touched.
    with book.session() as s:
        for tier in s.scalars(select(Tier)):
            tier.rank = {"C": 0, "S": 2}.get(tier.code, tier.rank + 1)
        s.commit()
    assert found(book, "王伟")[0].subtitle == "小作坊"


def test_kinds_keeps_contacts_only_and_still_fills_the_page(book):
    with book.session() as s:
        s.add_all([Account(name=f"王氏{i}号") for i in range(6)])
        s.add_all([Contact(name=f"王{c}") for c in "一二三"])
        s.commit()
    hits = found(book, "王", limit=3, kinds=("contact",))
    assert [h.kind for h in hits] == ["contact"] * 3
    assert len(found(book, "王", limit=3)) == 3


def test_the_list_filter_ranks_like_the_search_box(book, crowd):
    from crmdesk.db import browse

    with book.session() as s:
        ids = browse.contact_ids(s, browse.ContactFilter(text="wang"))
        by_id = {c.id: c.name for c in s.scalars(select(Contact))}
        ranked = [by_id[i] for i in ids]
        assert set(ranked[:2]) == {"王芳", "汪洋"} and ranked.index("王芳") < ranked.index("方旺")
        # Sorted by name on purpose: the user's order, relevance aside.
        by_name = browse.contact_ids(
            s, browse.ContactFilter(text="wang"), sort=browse.ContactSort.NAME, descending=True
        )
        assert by_id[by_name[0]] == "汪洋"
        assert browse.count_contacts(s, browse.ContactFilter(text="wang")) == len(ids)


def test_an_existing_book_gets_the_new_keys_when_it_opens(tmp_path):
    from sqlalchemy import text

    from crmdesk.db import migrate
    from crmdesk.db.book import BookInfo, open_book
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import Passphrase

    path = tmp_path / "old.crmdesk"
    engine = create_book_engine(path, Passphrase("old book passphrase"))
    migrate.upgrade(engine, "0004")
    with engine.begin() as conn:
        # Keys as the previous crmdesk wrote them: every reading, no given name alone.
        conn.execute(text(
            "INSERT INTO contacts (id, name, name_pinyin, name_initials, sort_key, phones, "
            "emails, notes, tags, created_at, updated_at, deleted) VALUES ('c1', '曾國梁', "
            "'zengguoliang cengguoliang zeng ceng guo liang', 'zgl cgl', 'zeng guo liang', "
            "'[]', '[]', '', '[]', '2024-01-01', '2024-01-01', 0)"
        ))  # fmt: skip
    engine.dispose()
    BookInfo(book_id="old", key_source="passphrase").save(path)
    with open_book(path, passphrase=lambda _p: "old book passphrase") as old:
        with old.session() as s:
            assert "guoliang" in s.get(Contact, "c1").name_pinyin.split()
        assert names(old, "guoliang") == ["曾國梁"]
        assert names(old, "曾国梁") == ["曾國梁"]
