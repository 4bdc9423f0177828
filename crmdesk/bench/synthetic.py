"""A synthetic book for benchmarks: realistic Chinese and Latin names, accounts, dates, notes.

Fast (plain ``random`` over small pools, rows as dicts for Core ``executemany``) and
reproducible from a seed. Surnames follow their rough frequency in China, polyphonic ones
(曾, 单, 解, 仇, 区) included, so a one-character query like 王 matches as many rows as in life.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert

from crmdesk.db import search
from crmdesk.db.models import Account, Contact, ImportantDate

# (surname, weight ~ per mille of the population)
SURNAMES = [
    ("王", 72), ("李", 72), ("张", 68), ("刘", 54), ("陈", 45), ("杨", 32), ("黄", 23),
    ("赵", 20), ("吴", 20), ("周", 19), ("徐", 13), ("孙", 12), ("马", 12), ("朱", 11),
    ("胡", 10), ("郭", 10), ("何", 9), ("林", 9), ("罗", 9), ("高", 9), ("郑", 8), ("梁", 8),
    ("谢", 7), ("宋", 6), ("唐", 6), ("许", 6), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5),
    ("彭", 4), ("曾", 4), ("肖", 4), ("田", 4), ("董", 4), ("袁", 4), ("潘", 4), ("于", 4),
    ("蒋", 4), ("蔡", 4), ("余", 4), ("杜", 4), ("叶", 3), ("程", 3), ("苏", 3), ("魏", 3),
    ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3), ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3),
    ("钟", 3), ("谭", 2), ("陆", 2), ("汪", 2), ("范", 2), ("金", 2), ("石", 2), ("廖", 2),
    ("贾", 2), ("夏", 2), ("韦", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2), ("熊", 2),
    ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("安", 1), ("单", 1), ("解", 1),
    ("仇", 1), ("区", 1), ("欧阳", 1), ("司马", 1), ("覃", 1), ("查", 1), ("乐", 1),
]  # fmt: skip
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建国红飞鹏宇浩晨欣怡佳俊博志云海"
    "峰雪梅琳婷雅倩慧颖斌波亮成林凯龙晓小新思子嘉梓涵睿轩泽宁晶丹萍燕蕾彬健瑞鑫乐长行和春秋东"
    "德福寿荣胜利民永庆光天立中正"
)
LATIN_FIRST = ["James", "Mary", "John", "Linda", "David", "Sarah", "Michael", "Emma", "Peter",
               "Anna", "Thomas", "Laura", "Somchai", "Niran", "Hiroshi", "Yuki", "Mei", "Kevin",
               "Grace", "Daniel", "Sophie", "Lucas", "Olivia", "Ahmed", "Fatima"]  # fmt: skip
LATIN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Anderson",
              "Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Garcia", "Tanaka",
              "Suzuki", "Wong", "Chan", "Lee", "Nguyen", "Müller", "Schmidt", "Dubois"]  # fmt: skip
CITIES = [
    "北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆",
    "天津", "苏州", "长沙", "郑州", "济南", "青岛", "沈阳", "厦门", "合肥", "昆明",
]  # fmt: skip
BRANDS = [
    "宏达", "华信", "鼎盛", "恒通", "金桥", "远航", "中联", "新泰", "天宇", "博源",
    "嘉和", "瑞丰", "鑫源", "正大", "华创", "东方", "三一", "长城", "海德", "金石",
    "汇通", "宏图", "永信", "盛世", "通达", "力拓", "国泰", "中科", "华安", "南方",
]  # fmt: skip
INDUSTRIES = [
    "机械", "建设", "工程", "科技", "电子", "化工", "物流", "医药", "食品", "建材",
    "能源", "重工", "环保", "数据", "汽车", "钢铁",
]  # fmt: skip
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "工程局", "有限责任公司"]
LATIN_COMPANIES = ["Acme Industrial", "Siam Cement Trading", "Orient Hotels", "Pacific Logistics",
                   "Northwind Machinery", "Blue River Foods"]  # fmt: skip
TITLES = ["总经理", "副总经理", "采购经理", "采购专员", "技术总监", "工程师", "项目经理",
          "财务总监", "董事长", "设备部部长", "销售总监", "办公室主任",
          "Purchasing Manager"]  # fmt: skip
DEPARTMENTS = ["采购部", "技术部", "财务部", "设备部", "总经办", "工程部", "市场部"]
TAGS = ["高尔夫", "喝茶", "钓鱼", "决策人", "老乡", "VIP", "重点客户", "教练", "校友",
        "红酒", "摄影", "马拉松"]  # fmt: skip
NOTE_FRAGMENTS = [
    "喜欢喝普洱茶",
    "老家湖南长沙",
    "孩子在读高中",
    "对价格比较敏感",
    "下次拜访带样品",
    "爱人是医生",
    "不喝白酒",
    "周末常去打高尔夫",
    "关注售后服务响应速度",
    "上次送过茶叶",
    "是采购决策的关键人",
    "技术出身，喜欢聊参数",
    "春节前要拜访",
    "生日在农历八月",
    "曾在华为工作",
    "喜欢收藏紫砂壶",
    "鞋码四十二",
    "坐靠窗的位置",
    "早餐喜欢豆浆油条",
    "刚升任副总",
    "对竞争对手报价很清楚",
    "女儿明年考大学",
    "Prefers email over WeChat",
    "met at the Canton Fair",
    "plays tennis on Sundays",
]
HOMETOWNS = ["湖南长沙", "四川成都", "山东青岛", "浙江温州", "广东潮州", "河南郑州", "江苏无锡"]


@dataclass(frozen=True)
class SyntheticBook:
    """Rows ready for Core inserts, and the names and phones queries are drawn from."""

    accounts: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    dates: list[dict[str, Any]]


def _mobile(rng: random.Random) -> str:
    head = f"1{rng.choice('3456789')}{rng.randrange(10)}"
    return f"{head} {rng.randrange(10000):04d} {rng.randrange(10000):04d}"


def _chinese_name(rng: random.Random, surnames: list[str], weights: list[int]) -> str:
    surname = rng.choices(surnames, weights)[0]
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.6:
        given += rng.choice(GIVEN_CHARS)
    return surname + given


def _stamp(rng: random.Random, now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(seconds=rng.randrange(3 * 365 * 86400))


def generate(contacts: int, seed: int) -> SyntheticBook:
    """``contacts`` contacts at ``contacts // 20`` accounts (at least one), with birthdays."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    surnames = [s for s, _ in SURNAMES]
    weights = [w for _, w in SURNAMES]

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    accounts: list[dict[str, Any]] = []
    for i in range(max(1, contacts // 20)):
        if rng.random() < 0.05:
            name = f"{rng.choice(LATIN_COMPANIES)} {i}"
        else:
            name = (rng.choice(CITIES) + rng.choice(BRANDS) + rng.choice(INDUSTRIES)
                    + rng.choice(SUFFIXES))  # fmt: skip
        stamp = _stamp(rng, now)
        accounts.append({
            "id": uid(), "created_at": stamp, "updated_at": stamp, "deleted": False,
            "code": f"C{i:06d}", "name": name, "name_pinyin": "", "tier": rng.choice("SABCC"),
            "customer_type": None, "status": "existing", "owner": None,
            "industry": rng.choice(INDUSTRIES), "application": None, "address": None,
            "postcode": None,
            "phones": [f"0{rng.randrange(10, 999)}-{rng.randrange(10**7, 10**8)}"],
            "website": None, "bank_account": None, "currency": "CNY", "discount": None,
            "payment_terms": None, "tax_rule": None, "credit_record": None,
            "sales_limit_minor": None, "delivery_address": None, "invoice_address": None,
            "commission_code": None, "insight": "", "notes": "", "tags": [],
        })  # fmt: skip

    people: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for _ in range(contacts):
        if rng.random() < 0.1:
            name = f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_LAST)}"
        else:
            name = _chinese_name(rng, surnames, weights)
        stamp = _stamp(rng, now)
        cid = uid()
        phones = [_mobile(rng) for _ in range(1 if rng.random() < 0.7 else 2)]
        people.append({
            "id": cid, "created_at": stamp, "updated_at": stamp, "deleted": False,
            "account_id": rng.choice(accounts)["id"], "name": name,
            "name_pinyin": "", "name_initials": "", "sort_key": "",
            "title": rng.choice(TITLES), "department": rng.choice(DEPARTMENTS),
            "decision_role": None, "reports_to_id": None, "tier": None, "owner": None,
            "gender": None, "phones": phones,
            "emails": [f"u{rng.randrange(10**6)}@example.com"] if rng.random() < 0.3 else [],
            "wechat": f"wxid_{rng.getrandbits(40):x}" if rng.random() < 0.6 else None,
            "hometown": rng.choice(HOMETOWNS) if rng.random() < 0.3 else None, "school": None,
            "notes": "，".join(rng.sample(NOTE_FRAGMENTS, rng.randrange(0, 4))),
            "tags": rng.sample(TAGS, rng.randrange(0, 3)),
        })  # fmt: skip
        if rng.random() < 0.7:
            lunar = rng.random() < 0.4
            dates.append({
                "id": uid(), "created_at": stamp, "updated_at": stamp, "deleted": False,
                "contact_id": cid, "family_member_id": None, "kind": "birthday", "label": "",
                "calendar": "lunar" if lunar else "gregorian",
                "year": rng.randrange(1955, 2000) if rng.random() < 0.7 else None,
                "month": rng.randrange(1, 13), "day": rng.randrange(1, 29),
                "is_leap_month": False,
            })  # fmt: skip
    return SyntheticBook(accounts, people, dates)


def fill_name_keys(book: SyntheticBook) -> None:
    """Compute the pinyin columns as an importer would (pypinyin, once per distinct name)."""
    for row in book.accounts:
        row.update(search.name_key_columns("account", row["name"]))
    for row in book.contacts:
        row.update(search.name_key_columns("contact", row["name"]))


def insert_rows(conn: Connection, book: SyntheticBook) -> None:
    """Core executemany inserts: no ORM objects, no per-row events."""
    for model, rows in ((Account, book.accounts), (Contact, book.contacts),
                        (ImportantDate, book.dates)):  # fmt: skip
        for chunk in _chunks(rows, 20_000):
            conn.execute(insert(model), chunk)


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
