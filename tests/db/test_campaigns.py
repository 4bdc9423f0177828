"""Festival campaigns on a real encrypted book: whom it concerns, gifts and greetings, sent once.

Expected values are worked out by hand from the book built here, the default catalogue's prices
and the rules in crmdesk.core.gift_suggestions; the festival's day comes from lunardate (an
independent lunar calendar), not from crmdesk's own."""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate
from sqlalchemy import func, select

from crmdesk.core.errors import ValidationError
from crmdesk.core.money import Money
from crmdesk.db.book import Book
from crmdesk.db.models import Campaign, CampaignItem, Gift, Interaction
from crmdesk.db.services import campaigns
from crmdesk.db.services.accounts import add_account
from crmdesk.db.services.contacts import add_contact
from crmdesk.db.services.interactions import NewGift, log_interaction
from crmdesk.db.services.preferences import add_preference
from crmdesk.db.services.tiers import edit_tier

MID_AUTUMN_2027 = LunarDate(2027, 8, 15).to_solar_date()


@pytest.fixture
def filled(book: Book) -> dict[str, str]:
    with book.session() as s, s.begin():
        edit_tier(s, code="S", greeting_budget=Money(50_000))
        edit_tier(s, code="A", greeting_budget=Money(25_000))
        acme = add_account(s, name="华东建设", tier="S", owner="liu").id
        globex = add_account(s, name="远大机械", tier="A", owner="liu").id
        other = add_account(s, name="别人的客户", tier="S", owner="zhao").id
        boss = add_contact(s, name="王建国", account_id=acme, title="总经理", gender="male",
                           decision_role="decision_maker").id  # fmt: skip
        deputy = add_contact(s, name="李明", account_id=acme, title="采购部经理",
                             decision_role="influencer").id  # fmt: skip
        buyer = add_contact(s, name="陈静", account_id=globex, title="采购", gender="female").id
        add_contact(s, name="赵六", account_id=other)
        add_preference(s, contact_id=boss, category="tea", value="安化黑茶")
        add_preference(s, contact_id=deputy, category="drink", value="不喝酒")
        log_interaction(
            s,
            occurred_at=dt.datetime(2026, 9, 20, 10, tzinfo=dt.UTC),
            kind="gift",
            attendee_ids=[buyer],
            gifts=[NewGift("月饼", Money(20_000), buyer)],
        )
    return {"boss": boss, "deputy": deputy, "buyer": buyer}


def test_a_campaign_for_mid_autumn_lists_key_people_with_gifts_and_greetings(
    book: Book, filled: dict[str, str]
) -> None:
    with book.session() as s, s.begin():
        view = campaigns.new_campaign(
            s, occasion="cn.mid_autumn", year=2027, sender="东方机械 小刘", owners=["liu"]
        )
    assert view.occasion_on == MID_AUTUMN_2027 == dt.date(2027, 9, 15)
    assert (view.buy_by, view.send_by) == (dt.date(2027, 9, 1), dt.date(2027, 9, 12))
    assert view.name == "中秋节 2027"
    # liu's contacts only; tier S first (boss as decision maker, then the deputy), then tier A.
    assert [i.contact for i in view.items] == ["王建国", "李明", "陈静"]
    boss, deputy, buyer = view.items
    # The boss: his favourite tea, in the tea box's price (500 = the S budget).
    assert (boss.gift, boss.value) == ("安化黑茶", Money(50_000))
    assert boss.reason == "安化黑茶：最爱的茶"
    assert boss.greeting.startswith("尊敬的王总：值此中秋佳节，谨代表东方机械 小刘")
    # The deputy of the same account: mooncakes (the occasion's own gift, 300, within 500).
    assert (deputy.gift, deputy.value) == ("月饼礼盒", Money(30_000))
    assert deputy.greeting.startswith("尊敬的李经理：")
    assert deputy.reason == "月饼礼盒：应节礼品"
    # The buyer got mooncakes last year; tier A's budget is 250: fruit (250) is closest.
    assert (buyer.gift, buyer.value) == ("水果礼篮", Money(25_000))
    assert buyer.reason == "水果礼篮：2026 年送过月饼"
    assert view.progress == {"to_buy": 3, "bought": 0, "sent": 0, "thanked": 0}

    lines = campaigns.shopping_list(view)
    assert [(line.gift, line.quantity, line.total) for line in lines] == [
        ("安化黑茶", 1, Money(50_000)),
        ("月饼礼盒", 1, Money(30_000)),
        ("水果礼篮", 1, Money(25_000)),
    ]


def test_sent_logs_each_gift_once_even_when_marked_twice(
    book: Book, filled: dict[str, str]
) -> None:
    with book.session() as s, s.begin():
        view = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2027, sender="小刘",
                                      tiers=["S"], owners=["liu"])  # fmt: skip
    when = dt.datetime(2027, 9, 10, 9, tzinfo=dt.UTC)
    with book.session() as s, s.begin():
        gifts_before = s.scalar(select(func.count()).select_from(Gift))
        _, logged = campaigns.mark_sent(s, campaign_id=view.id, when=when)
        assert logged == 2
        again, logged_again = campaigns.mark_sent(s, campaign_id=view.id, when=when)
        assert logged_again == 0
        assert s.scalar(select(func.count()).select_from(Gift)) == gifts_before + 2
        kinds = s.scalars(select(Interaction.kind).where(Interaction.occurred_at == when)).all()
        assert kinds == ["gift", "gift"]
    assert again.progress == {"to_buy": 0, "bought": 0, "sent": 2, "thanked": 0}
    # Next year the same people are never given the same thing again.
    with book.session() as s, s.begin():
        next_year = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2028,
                                           sender="小刘", tiers=["S"], owners=["liu"])  # fmt: skip
    gifts = {i.contact: i.gift for i in next_year.items}
    assert gifts["王建国"] != "安化黑茶"
    assert gifts["李明"] != "月饼礼盒"


def test_thanked_only_after_sent_and_unknown_statuses_refused(
    book: Book, filled: dict[str, str]
) -> None:
    with book.session() as s, s.begin():
        view = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2027, sender="小刘",
                                      owners=["liu"])  # fmt: skip
    first = view.items[0].id
    with book.session() as s, s.begin():
        with pytest.raises(ValidationError, match="only after it was sent"):
            campaigns.set_status(s, campaign_id=view.id, item_ids=[first], status="thanked")
        with pytest.raises(ValidationError) as bad:
            campaigns.set_status(s, campaign_id=view.id, item_ids=[first], status="lost")
        assert bad.value.field == "status"
        bought = campaigns.set_status(s, campaign_id=view.id, item_ids=[first], status="bought")
    assert bought.progress["bought"] == 1


def test_a_campaign_that_concerns_nobody_writes_nothing(book: Book, filled: dict[str, str]) -> None:
    with book.session() as s:
        before = s.scalar(select(func.count()).select_from(Campaign))
    with pytest.raises(ValidationError) as caught, book.session() as s, s.begin():
        campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2027, sender="小刘",
                               owners=["nobody"])  # fmt: skip
    assert caught.value.field == "contacts"
    with pytest.raises(ValidationError) as unknown, book.session() as s, s.begin():
        campaigns.new_campaign(s, occasion="cn.moon_landing", year=2027, sender="小刘")
    assert unknown.value.field == "key"
    with book.session() as s:
        assert s.scalar(select(func.count()).select_from(Campaign)) == before == 0
        assert s.scalar(select(func.count()).select_from(CampaignItem)) == 0


def test_greetings_in_traditional_chinese_for_a_traditional_contact_or_rep(book: Book) -> None:
    with book.session() as s, s.begin():
        tw = add_account(s, name="台灣電子", tier="S").id
        cn = add_account(s, name="华东建设", tier="S").id
        add_contact(s, name="劉德華", account_id=tw, title="總經理", gender="male")
        add_contact(s, name="王建国", account_id=cn, title="总经理", gender="male")
        add_contact(s, name="Jane Smith", account_id=cn, gender="female")
        simplified_rep = campaigns.new_campaign(
            s, occasion="cn.dragon_boat", year=2027, sender="小刘", lang="zh"
        )
        traditional_rep = campaigns.new_campaign(
            s, occasion="cn.dragon_boat", year=2028, sender="小劉", lang="zh_TW"
        )
    said = {i.contact: i.greeting for i in simplified_rep.items}
    assert said["劉德華"].startswith("敬愛的劉總您好：端午節將至")
    assert said["王建国"].startswith("尊敬的王总：端午安康")
    assert said["Jane Smith"].startswith("Dear Ms Smith")
    said = {i.contact: i.greeting for i in traditional_rep.items}
    assert said["王建国"].startswith("敬愛的王總您好：端午節將至")
    assert said["Jane Smith"].startswith("Dear Ms Smith")
    assert traditional_rep.name == "端午節 2028"
