"""Sample books: a small, realistic one (for tests and screenshots) and a large one (benchmarks).

Qt-free. The small book is written through the services, exactly as the app writes; the large one
with Core inserts and one search-index rebuild, as an import would (the services take about a
millisecond a contact, which is too slow for 100,000 of them in a benchmark's set-up).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from crmdesk.core.dates import DateSpec
from crmdesk.core.money import Money
from crmdesk.db import search
from crmdesk.db.models import Account, Contact
from crmdesk.db.services import (
    accounts,
    contacts,
    family,
    followups,
    important_dates,
    interactions,
    opportunities,
    preferences,
)
from crmdesk.db.services.interactions import NewGift


@dataclass(frozen=True)
class SampleIds:
    """Ids of the records tests and screenshots look for."""

    account: str  # 华东重工集团
    boss: str  # 曾国梁, the account's decision maker
    coach: str  # 王丽, his assistant and our coach
    engineer: str  # 陈明, the technical evaluator
    other_account: str


def fill_sample(session: Session, *, today: dt.date | None = None) -> SampleIds:
    """A small book: three accounts, a handful of contacts with their history."""
    day = today or dt.date.today()
    tz = dt.datetime.now().astimezone().tzinfo

    def at(days_ago: int, hour: int = 12) -> dt.datetime:
        d = day - dt.timedelta(days=days_ago)
        return dt.datetime(d.year, d.month, d.day, hour, 0, tzinfo=tz)

    hd = accounts.add_account(
        session,
        name="华东重工集团",
        code="HD-001",
        tier="S",
        customer_type="state_owned",
        status="existing",
        owner="李娜",
        industry="工程机械",
        application="港口起重设备",
        address="上海市浦东新区张江路 88 号",
        postcode="201203",
        phones=["021-5088 1234"],
        payment_terms="月结 60 天",
        insight="三年内扩建洋山港二期，设备更新预算约 2 亿元。",
        tags=["重点", "港口"],
    )
    jn = accounts.add_account(
        session,
        name="京南建设集团",
        code="JN-014",
        tier="A",
        customer_type="large_contractor",
        owner="李娜",
        industry="建筑施工",
        tags=["华北"],
    )
    accounts.add_account(
        session,
        name="Oriental Harbour Hotel",
        code="OH-203",
        tier="B",
        customer_type="private_end_user",
        status="potential",
        owner="Chen Yu",
        industry="Hospitality",
    )
    boss = contacts.add_contact(
        session,
        name="曾国梁",
        account_id=hd.id,
        title="副总经理",
        department="设备部",
        decision_role="decision_maker",
        gender="male",
        phones=["138 0013 8000"],
        emails=["zeng.gl@example.cn"],
        wechat="zgl_1968",
        hometown="湖南湘潭",
        school="同济大学 机械工程",
        notes="喜欢聊家乡菜；周三下午开例会，不要约。",
        tags=["重点"],
    )
    coach = contacts.add_contact(
        session,
        name="王丽",
        account_id=hd.id,
        title="总经理助理",
        decision_role="coach",
        reports_to_id=boss.id,
        gender="female",
        phones=["139 1234 5678"],
        wechat="wangli_hd",
        hometown="江苏苏州",
    )
    engineer = contacts.add_contact(
        session,
        name="陈明",
        account_id=hd.id,
        title="总工程师",
        department="技术部",
        decision_role="technical_evaluator",
        reports_to_id=boss.id,
        phones=["137 6543 2100"],
        hometown="湖南长沙",
    )
    contacts.add_contact(
        session,
        name="单晓峰",
        account_id=hd.id,
        title="采购经理",
        decision_role="influencer",
        reports_to_id=boss.id,
        phones=["136 2222 3333"],
    )
    other = contacts.add_contact(
        session,
        name="张伟",
        account_id=jn.id,
        title="项目经理",
        decision_role="user",
        phones=["135 0000 1111"],
        hometown="河北保定",
    )
    contacts.add_contact(
        session, name="欧阳娜", account_id=jn.id, title="财务总监", decision_role="gatekeeper"
    )
    contacts.add_contact(session, name="Emily Carter", title="Procurement lead", owner="Chen Yu")

    for category, value, note in (
        ("tea", "安化黑茶", "家乡茶，最爱"),
        ("food", "湘菜，偏辣", ""),
        ("drink", "不喝白酒，少量红酒", "胃不好"),
        ("dietary_taboo", "不吃香菜", ""),
        ("shoe_size", "42", ""),
        ("hobby", "围棋，业余五段", ""),
        ("seating", "靠窗，背对门", ""),
    ):
        preferences.add_preference(
            session, contact_id=boss.id, category=category, value=value, note=note,
            learned_on=day - dt.timedelta(days=90),
        )  # fmt: skip
    preferences.add_preference(session, contact_id=coach.id, category="gift", value="手工丝巾")
    wife = family.add_family_member(
        session, contact_id=boss.id, name="刘芳", relation="spouse", notes="中学教师"
    )
    mother = family.add_family_member(
        session, contact_id=boss.id, name="曾母", relation="mother", notes="住湘潭老家"
    )
    important_dates.add_important_date(
        session, contact_id=boss.id, kind="birthday", date=DateSpec.lunar(8, 15, year=1968)
    )
    important_dates.add_important_date(
        session,
        contact_id=boss.id,
        kind="birthday",
        date=DateSpec.lunar(1, 20),
        family_member_id=mother.id,
        label="八十大寿前后",
    )
    important_dates.add_important_date(
        session,
        contact_id=boss.id,
        kind="anniversary",
        date=DateSpec.gregorian(10, 1, year=1995),
        family_member_id=wife.id,
        label="结婚纪念日",
    )
    important_dates.add_important_date(
        session, contact_id=coach.id, kind="birthday", date=DateSpec.gregorian(3, 8)
    )

    interactions.log_interaction(
        session,
        occurred_at=at(120, 19),
        kind="meal",
        attendee_ids=[boss.id, engineer.id],
        account_id=hd.id,
        place="湘府大酒店",
        summary="介绍新一代岸桥方案，曾总关心能耗。",
        cost=Money(186000),
        gifts=[NewGift("安化黑茶礼盒", Money(88000), boss.id)],
        recorded_by="李娜",
    )
    interactions.log_interaction(
        session,
        occurred_at=at(40, 10),
        kind="site_tour",
        attendee_ids=[engineer.id],
        account_id=hd.id,
        place="太仓工厂",
        summary="陈工参观生产线，索要能耗测试报告。",
        outcome="技术上认可",
        next_step="寄送能耗测试报告",
        follow_up_on=day + dt.timedelta(days=3),
        cost=Money(52000),
        recorded_by="李娜",
    )
    interactions.log_interaction(
        session,
        occurred_at=at(12, 15),
        kind="visit",
        attendee_ids=[boss.id, coach.id],
        account_id=hd.id,
        place="华东重工 12 楼会议室",
        summary="汇报二期方案，曾总要求下月前给出报价。",
        outcome="进入方案阶段",
        next_step="准备正式报价",
        follow_up_on=day + dt.timedelta(days=10),
        gifts=[
            NewGift("围棋棋具", Money(120000), boss.id),
            NewGift("手工丝巾", Money(30000), coach.id),
        ],
        recorded_by="李娜",
    )
    interactions.log_interaction(
        session, occurred_at=at(5, 9), kind="call", attendee_ids=[other.id], account_id=jn.id,
        summary="确认投标时间", recorded_by="李娜",
    )  # fmt: skip
    followups.add_follow_up(
        session,
        due_on=day - dt.timedelta(days=2),
        description="给王丽寄生日贺卡",
        contact_id=coach.id,
        account_id=hd.id,
    )
    opportunities.add_opportunity(
        session,
        account_id=hd.id,
        name="洋山港二期岸桥 6 台",
        stage="propose",
        amount=Money(18_000_000_00),
        expected_on=day + dt.timedelta(days=75),
        owner="李娜",
    )
    opportunities.add_opportunity(
        session,
        account_id=hd.id,
        name="备件年度框架协议",
        stage="result",
        result="won",
        amount=Money(1_200_000_00),
        owner="李娜",
    )
    return SampleIds(hd.id, boss.id, coach.id, engineer.id, jn.id)


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单欧阳"  # noqa: E501
_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞鑫波宇浩凯健俊帆帅旭宁婷雪琳晨辉鹏斌楠"
)
_TITLES = ("总经理", "副总经理", "采购经理", "总工程师", "项目经理", "财务总监", "设备主管", "总监")
_ROLES = ("decision_maker", "influencer", "user", "technical_evaluator", "coach", "gatekeeper")
_INDUSTRY = ("工程机械", "建筑施工", "港口物流", "市政工程", "能源", "制造")


def fill_bulk(session: Session, *, contacts_count: int, accounts_count: int, seed: int = 7) -> None:
    """A large book for benchmarks: Core inserts, then one search-index rebuild."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    account_ids = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(accounts_count)]
    tiers = ("S", "A", "B", "C")
    owners = ("李娜", "Chen Yu", "王强", "赵敏")
    rows = []
    for i, aid in enumerate(account_ids):
        name = (
            f"{rng.choice(_SURNAMES)}{rng.choice('华东南北中远')}{rng.choice(_INDUSTRY)}{i}号公司"
        )
        rows.append(
            {
                "id": aid, "created_at": now, "updated_at": now, "deleted": False,
                "name": name, "tier": rng.choice(tiers), "status": "existing",
                "owner": rng.choice(owners), "industry": rng.choice(_INDUSTRY),
                "phones": [], "tags": [], "insight": "", "notes": "", "name_pinyin": "",
            }
        )  # fmt: skip
    session.execute(insert(Account), rows)
    batch: list[dict[str, object]] = []
    for i in range(contacts_count):
        name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))
        batch.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))), "created_at": now,
                "updated_at": now, "deleted": False, "name": name,
                "account_id": account_ids[i % accounts_count] if accounts_count else None,
                "title": rng.choice(_TITLES), "decision_role": rng.choice(_ROLES),
                "phones": [f"13{rng.randint(100000000, 999999999)}"], "emails": [],
                "tags": ["重点"] if i % 10 == 0 else [], "notes": "", "name_pinyin": "",
                "name_initials": "", "sort_key": "",
            }
        )  # fmt: skip
        if len(batch) == 5000:
            session.execute(insert(Contact), batch)
            batch = []
    if batch:
        session.execute(insert(Contact), batch)
    search.rebuild(session.connection())
