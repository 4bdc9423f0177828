"""The gift catalogue in a real encrypted book: seeded with the built-in gifts, edited, read by
the suggestions; bad input refused with nothing written; a gift a campaign names is deactivated,
never removed; rows of one key from two devices, and a manager's team rows, read as one catalogue.

The seeded prices are the ones crmdesk 0009 had built in, written out here by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from crmdesk.core.errors import NotFoundError, ValidationError
from crmdesk.core.money import Money
from crmdesk.db.book import Book
from crmdesk.db.models import CampaignItem, GiftCatalogueItem
from crmdesk.db.services import campaigns, gift_catalogue
from crmdesk.db.services.accounts import add_account
from crmdesk.db.services.contacts import add_contact
from crmdesk.db.services.preferences import add_preference
from crmdesk.db.services.tiers import edit_tier
from crmdesk.db.sync_state import SyncMeta, SyncShadow

SEEDED = {
    "mooncakes": ("月饼礼盒", 30_000), "zongzi": ("粽子礼盒", 20_000),
    "tea": ("茶叶礼盒", 50_000), "red_wine": ("红酒礼盒", 60_000),
    "baijiu": ("白酒礼盒", 80_000), "fruit": ("水果礼篮", 25_000), "nuts": ("坚果礼盒", 18_000),
    "bird_nest": ("燕窝礼盒", 90_000), "silk_scarf": ("真丝围巾", 40_000),
    "pen": ("钢笔", 35_000), "books": ("书籍礼盒", 15_000),
}  # fmt: skip


def rows(book: Book) -> int:
    with book.session() as s:
        return s.scalar(select(func.count()).select_from(GiftCatalogueItem)) or 0


def test_a_new_book_holds_the_built_in_gifts(book: Book) -> None:
    with book.session() as s:
        entries = gift_catalogue.list_catalogue(s)
    assert {e.key: (e.name_zh, e.price.minor) for e in entries} == SEEDED
    assert all(e.active and e.used == 0 and e.price.currency == "CNY" for e in entries)
    tea = next(e for e in entries if e.key == "tea")
    assert (tea.tags, tea.occasions) == (("tea",), ())
    mooncakes = next(e for e in entries if e.key == "mooncakes")
    assert mooncakes.occasions == ("cn.mid_autumn",)


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    with book.session() as s, s.begin():
        edit_tier(s, code="S", greeting_budget=Money(50_000))
        acme = add_account(s, name="华东建设", tier="S", owner="liu").id
        boss = add_contact(s, name="王建国", account_id=acme, title="总经理",
                           decision_role="decision_maker").id  # fmt: skip
        deputy = add_contact(s, name="李明", account_id=acme, title="采购部经理",
                             decision_role="influencer").id  # fmt: skip
        add_preference(s, contact_id=boss, category="tea", value="安化黑茶")
    return {"boss": boss, "deputy": deputy}


def gifts_of(book: Book, year: int) -> dict[str, tuple[str, str | None, int | None]]:
    with book.session() as s, s.begin():
        view = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=year, sender="小刘")
        keys = {
            i.id: (i.catalogue_key, i.value_minor)
            for i in s.scalars(select(CampaignItem).where(CampaignItem.campaign_id == view.id))
        }
    return {i.contact: (i.gift, *keys[i.id]) for i in view.items}


def test_suggestions_read_the_books_catalogue(book: Book, people: dict[str, str]) -> None:
    # With the seeded catalogue: the boss gets his favourite tea, the deputy the mooncakes.
    assert gifts_of(book, 2027) == {
        "王建国": ("安化黑茶", "tea", 50_000),
        "李明": ("月饼礼盒", "mooncakes", 30_000),
    }
    with book.session() as s, s.begin():
        # The tea box now costs more than the S budget (500.00); a cheaper tea is added; the
        # mooncakes are no longer bought.
        gift_catalogue.edit_item(s, "tea", price="600")
        cake = gift_catalogue.add_item(s, name_zh="普洱茶饼", name_en="Pu'er cake",
                                       price="¥450", tags=["tea"])  # fmt: skip
        gift_catalogue.edit_item(s, "mooncakes", active=False)
    # A new year (nothing given yet: the 2027 items were never sent).
    assert gifts_of(book, 2028) == {
        "王建国": ("安化黑茶", cake.key, 45_000),  # the new tea, named by his favourite
        # Without mooncakes, the closest to the budget that fits: the silk scarf (400.00).
        "李明": ("真丝围巾", "silk_scarf", 40_000),
    }


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"name_zh": "   "}, "name_zh", "required"),
        ({"price": "0"}, "price", "zero"),
        ({"price": "-5"}, "price", "negative"),
        ({"price": "12.345"}, "price", "too_precise"),
        ({"price": "cheap"}, "price", "amount_syntax"),
        ({"tags": ["tea", "gold"]}, "tags", "unknown_tag"),
        ({"occasions": ["cn.moon_landing"]}, "occasions", "unknown_occasion"),
        ({"name_zh": "座钟"}, "name_zh", "custom_taboo"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
    book: Book, change: dict[str, object], field: str, code: str
) -> None:
    before = rows(book)
    values: dict[str, object] = {"name_zh": "丝巾", "price": "100", **change}
    with pytest.raises(ValidationError) as added, book.session() as s, s.begin():
        gift_catalogue.add_item(s, **values)  # type: ignore[arg-type]
    assert (added.value.field, added.value.code) == (field, code)
    with pytest.raises(ValidationError) as edited, book.session() as s, s.begin():
        gift_catalogue.edit_item(s, "pen", **change)  # type: ignore[arg-type]
    assert (edited.value.field, edited.value.code) == (field, code)
    assert rows(book) == before
    with book.session() as s:
        pen = gift_catalogue.find_item(s, "pen")
        assert (pen.name_zh, pen.price_minor, pen.tags) == ("钢笔", 35_000, ["stationery"])


def test_a_gift_a_campaign_names_is_deactivated_not_removed(
    book: Book, people: dict[str, str]
) -> None:
    gifts_of(book, 2027)  # names "tea" and "mooncakes"
    with pytest.raises(ValidationError) as refused, book.session() as s, s.begin():
        gift_catalogue.remove_item(s, "mooncakes")
    assert refused.value.code == "gift_in_use" and "inactive" in str(refused.value)
    with book.session() as s, s.begin():
        off = gift_catalogue.edit_item(s, "mooncakes", active=False)
        removed = gift_catalogue.remove_item(s, "books")  # named by no campaign
    assert (off.active, off.used) == (False, 1)
    with book.session() as s:
        entries = {e.key: e for e in gift_catalogue.list_catalogue(s)}
        active = {i.key for i in gift_catalogue.suggestion_catalogue(s)}
    assert "books" not in entries and removed.key == "books"
    assert entries["mooncakes"].active is False and "mooncakes" not in active
    assert entries["tea"].used == 1
    with pytest.raises(NotFoundError), book.session() as s:
        gift_catalogue.find_item(s, "books")


def test_one_key_from_two_devices_reads_as_the_newest_and_team_rows_are_left_out(
    book: Book,
) -> None:
    with book.session() as s, s.begin():
        # Another device's seed of "tea" (same age as ours), and an edit of it made later there.
        s.add(GiftCatalogueItem(key="tea", name_zh="茶叶礼盒", name_en="Tea gift box",
                                price_minor=50_000, currency="CNY", tags=["tea"],
                                updated_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))  # fmt: skip
        newer = GiftCatalogueItem(key="tea", name_zh="茶叶礼盒", name_en="Tea gift box",
                                  price_minor=52_000, currency="CNY", tags=["tea"],
                                  updated_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))  # fmt: skip
        s.add(newer)
        # This device is a manager's: its own server book, and a rep's catalogue pulled beside.
        s.add(SyncMeta(key="book_id", value="book-own"))
        theirs = GiftCatalogueItem(key="pen", name_zh="钢笔", name_en="Fountain pen",
                                   price_minor=99_000, currency="CNY", tags=["stationery"],
                                   updated_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))  # fmt: skip
        s.add(theirs)
        s.flush()
        s.add(SyncShadow(tbl="gift_catalogue", record_id=newer.id, version=1, book_id="book-own"))
        s.add(SyncShadow(tbl="gift_catalogue", record_id=theirs.id, version=1, book_id="book-wang"))
    with book.session() as s:
        entries = {e.key: e for e in gift_catalogue.list_catalogue(s)}
    assert len(entries) == len(SEEDED)
    assert (entries["tea"].id, entries["tea"].price.minor) == (newer.id, 52_000)
    assert entries["pen"].price.minor == 35_000  # the rep's 990.00 pen is not the manager's
    with book.session() as s, s.begin():
        edited = gift_catalogue.edit_item(s, "tea", price="530")
    assert edited.id == newer.id  # the edit goes to the row in force
    with book.session() as s:
        assert gift_catalogue.find_item(s, "tea").price_minor == 53_000
