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
