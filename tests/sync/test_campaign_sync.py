"""A festival campaign travels between two devices of a rep like any record: made on the laptop,
worked on the other device (gift changed, item sent), and the two converge field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from crmdesk.db.models import CampaignItem, Gift
from crmdesk.db.services import campaigns
from tests.server.live import Database, LiveServer
from tests.sync.helpers import add_account, add_contact, edit, enrolled, get


def test_a_campaign_syncs_and_merges_between_two_devices(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        account = add_account(a.book, "华东建设", tier="S")
        boss = add_contact(a.book, account, "王建国", title="总经理")
        deputy = add_contact(a.book, account, "李明", title="经理")
        with a.book.session() as s, s.begin():
            made = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2027, sender="小刘")
        a.client.sync_once()
        b.client.sync_once()
        with b.book.session() as s:
            seen = campaigns.campaign_detail(s, made.id)
        assert [(i.contact, i.gift) for i in seen.items] == [
            (i.contact, i.gift) for i in made.items
        ]
        by_contact = {i.contact_id: i.id for i in made.items}
        # On the laptop the rep edits the boss's greeting; on the other device the assistant
        # changes the deputy's gift and sends the boss's.
        edit(a.book, CampaignItem, by_contact[boss], greeting="王总，中秋快乐！")
        edit(b.book, CampaignItem, by_contact[deputy], gift="安化黑茶")
        with b.book.session() as s, s.begin():
            campaigns.mark_sent(
                s,
                campaign_id=made.id,
                item_ids=[by_contact[boss]],
                when=dt.datetime(2027, 9, 10, 9, tzinfo=dt.UTC),
            )
        a.client.sync_once()
        b.client.sync_once()
        a.client.sync_once()
        for device in (a, b):
            boss_item = get(device.book, CampaignItem, by_contact[boss])
            deputy_item = get(device.book, CampaignItem, by_contact[deputy])
            assert (boss_item.greeting, boss_item.status) == ("王总，中秋快乐！", "sent")
            assert deputy_item.gift == "安化黑茶"
            with device.book.session() as s:
                gifts = s.scalars(select(Gift.description).where(Gift.contact_id == boss)).all()
            assert gifts == [boss_item.gift]  # logged once, on one device, seen on both
            assert device.client.conflicts() == []
    finally:
        a.close()
        b.close()


def test_the_gift_catalogue_syncs_between_two_devices(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """Each device was seeded with the built-in gifts on its own; a price changed on one and a gift
    added on the other reach both, and each device still reads one catalogue of one row a key."""
    from crmdesk.db.services import gift_catalogue

    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        with a.book.session() as s, s.begin():
            gift_catalogue.edit_item(s, "tea", price="520")
        with b.book.session() as s, s.begin():
            added = gift_catalogue.add_item(s, name_zh="普洱茶饼", price="450", tags=["tea"])
        for device in (a, b, a):
            device.client.sync_once()
        for device in (a, b):
            with device.book.session() as s:
                entries = gift_catalogue.list_catalogue(s)
            by_key = {e.key: e for e in entries}
            assert len(by_key) == len(entries) == 12  # 11 built-in + the one added
            assert by_key["tea"].price.minor == 52_000
            assert by_key[added.key].name_zh == "普洱茶饼"
            assert device.client.conflicts() == []
        # Deactivated on b, seen inactive on a.
        with b.book.session() as s, s.begin():
            gift_catalogue.edit_item(s, "tea", active=False)
        b.client.sync_once()
        a.client.sync_once()
        with a.book.session() as s:
            assert "tea" not in {i.key for i in gift_catalogue.suggestion_catalogue(s)}
    finally:
        a.close()
        b.close()
