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


def test_a_manager_sees_the_teams_campaigns_and_only_their_own_catalogue(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """Two reps run campaigns on their own books; the manager's device pulls both books read-only
    and sums each campaign per rep, by the book it came from (no owner set anywhere)."""
    from crmdesk.db.campaign_stats import campaign_summaries
    from crmdesk.db.models import Tier
    from crmdesk.db.services import gift_catalogue

    team = db.team()
    r1, r2, mgr = db.user("rep", team), db.user("rep", team), db.user("manager", team)
    d1 = enrolled(tmp_path, "d1", server.url, r1)
    d2 = enrolled(tmp_path, "d2", server.url, r2)
    dm = enrolled(tmp_path, "dm", server.url, mgr)
    try:
        made = {}
        for key, device, people in (("d1", d1, ("王建国", "李明")), ("d2", d2, ("陈静",))):
            account = add_account(device.book, f"{device.book.path.stem} 的客户", tier="S")
            for name in people:
                add_contact(device.book, account, name)
            with device.book.session() as s, s.begin():
                view = campaigns.new_campaign(s, occasion="cn.mid_autumn", year=2027, sender="x")
                campaigns.set_status(
                    s, campaign_id=view.id, item_ids=[view.items[0].id], status="bought"
                )
            made[key] = view
        with d2.book.session() as s, s.begin():
            gift_catalogue.edit_item(s, "tea", price="999")  # r2's own price
        for device in (d1, d2, dm):
            device.client.sync_once()
        with dm.book.session() as s:
            found = {c.id: c for c in campaign_summaries(s)}
            manager_tea = gift_catalogue.find_item(s, "tea").price_minor
        assert set(found) == {made["d1"].id, made["d2"].id}
        first, second = found[made["d1"].id], found[made["d2"].id]
        assert (first.rep, second.rep) == (r1, r2)
        assert [(rep, t.people, t.progress["bought"]) for rep, t in first.reps()] == [(r1, 2, 1)]
        assert [(rep, t.people, t.progress["to_buy"]) for rep, t in second.reps()] == [(r2, 1, 0)]
        committed = sum(i.value.minor for i in made["d1"].items if i.value)
        assert first.total.committed == {"CNY": committed}
        # Tiers live in the company book (reps read them): S's default greeting budget, 1000.00.
        with dm.book.session() as s:
            s_budget = s.scalar(select(Tier.greeting_budget_minor).where(Tier.code == "S"))
        assert s_budget == 100_000
        assert first.total.budget_minor == 2 * s_budget
        # The rep's catalogue reached the manager's device but is not the manager's catalogue.
        assert manager_tea == 50_000
    finally:
        for d in (d1, d2, dm):
            d.close()
