"""Sync end to end: real encrypted books, the real client over HTTP on loopback, a real server
on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from crmdesk.db.models import Account, Contact
from crmdesk.server import syncing
from crmdesk.server.models import Device as ServerDevice
from crmdesk.server.models import Quarantine, SyncRecord, User
from crmdesk.sync.client import SyncError
from crmdesk.sync.protocol import MIN_PROTOCOL_VERSION
from tests import http_calls
from tests.server.live import Database, LiveServer
from tests.sync.faults import FaultyTransport
from tests.sync.helpers import (
    Device,
    add_account,
    add_contact,
    edit,
    enrolled,
    get,
    open_device,
    pending,
    snapshot,
)


def test_different_fields_merge_and_the_same_field_keeps_the_loser(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        aid = add_account(a.book, "华为", notes="n0", industry="telecom")
        a.client.sync_once()
        b.client.sync_once()
        edit(a.book, Account, aid, notes="A's notes", address="深圳")
        edit(b.book, Account, aid, notes="B's notes", industry="ICT")
        a.client.sync_once()
        b.client.sync_once()
        a.client.sync_once()
        for d in (a, b):
            acc = get(d.book, Account, aid)
            # Different fields both survive; the same field: first in server order wins.
            assert (acc.notes, acc.address, acc.industry) == ("A's notes", "深圳", "ICT")
            [c] = d.client.conflicts()
            assert (c.field, c.value, c.winner) == ("notes", "B's notes", "A's notes")
        # The user restores the losing value: it is an ordinary edit that syncs.
        b.client.restore_conflict(c.id)
        b.client.sync_once()
        a.client.sync_once()
        assert get(a.book, Account, aid).notes == "B's notes"
        assert a.client.conflicts() == [] and b.client.conflicts() == []
        assert len(a.client.conflicts(include_resolved=True)) == 1
        assert snapshot(a.book) == snapshot(b.book)
        assert pending(a.book) == pending(b.book) == 0
    finally:
        a.close()
        b.close()


def test_edit_concurrent_with_delete_keeps_the_record_and_flags_it(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        aid = add_account(a.book, "中铁")
        a.client.sync_once()
        b.client.sync_once()
        edit(a.book, Account, aid, deleted=True)
        edit(b.book, Account, aid, notes="met the chief engineer")
        a.client.sync_once()
        b.client.sync_once()
        a.client.sync_once()
        for d in (a, b):
            acc = get(d.book, Account, aid)
            assert not acc.deleted and acc.notes == "met the chief engineer"
            [c] = d.client.conflicts()
            assert c.kind == "delete" and c.record_id == aid
        # Restoring a delete conflict deletes the record after all.
        a.client.restore_conflict(c.id)
        a.client.sync_once()
        b.client.sync_once()
        assert get(b.book, Account, aid).deleted
        # And a delete that loses the race the other way round is flagged too.
        cid = add_contact(a.book, None, "王五")
        a.client.sync_once()
        b.client.sync_once()
        edit(a.book, Contact, cid, title="CTO")
        edit(b.book, Contact, cid, deleted=True)
        a.client.sync_once()
        b.client.sync_once()
        a.client.sync_once()
        assert not get(b.book, Contact, cid).deleted and get(b.book, Contact, cid).title == "CTO"
        assert any(c.kind == "delete" and c.record_id == cid for c in b.client.conflicts())
    finally:
        a.close()
        b.close()


def test_a_clock_a_year_ahead_decides_nothing(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        aid = add_account(a.book, "三一重工")
        a.client.sync_once()
        b.client.sync_once()
        future = dt.datetime.now(dt.UTC) + dt.timedelta(days=365)
        # B's clock is a year ahead, but A reaches the server first: A's value stands.
        edit(b.book, Account, aid, notes="from the future", updated_at=future)
        edit(a.book, Account, aid, notes="from today")
        a.client.sync_once()
        b.client.sync_once()
        a.client.sync_once()
        assert get(a.book, Account, aid).notes == get(b.book, Account, aid).notes == "from today"
        assert [c.value for c in a.client.conflicts()] == ["from the future"]
        # Later edits still apply even though the record's stamp is "in the future".
        edit(a.book, Account, aid, notes="next week")
        a.client.sync_once()
        b.client.sync_once()
        assert get(b.book, Account, aid).notes == "next week"
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize(
    "faults",
    [
        ["drop_request"],
        ["drop_response"],
        ["duplicate"],
        ["hold"],
        ["duplicate", "drop_response", "drop_request"],
    ],
)
def test_push_is_idempotent_under_faults(
    tmp_path: Path, server: LiveServer, db: Database, faults: list[str]
) -> None:
    rep = db.user()
    t = FaultyTransport()
    a = enrolled(tmp_path, "a", server.url, rep, transport=t)
    b = enrolled(tmp_path, "b", server.url, rep)
    try:
        ids = [add_account(a.book, f"客户{i}", notes="v1") for i in range(3)]
        edit(a.book, Account, ids[0], notes="v2")
        t.plan.extend(faults)
        for _ in range(len(faults) + 1):
            try:
                a.client.sync_once()
            except SyncError as exc:
                assert exc.code == "offline"
        t.release()  # held requests arrive late, after newer ones
        edit(a.book, Account, ids[1], notes="v3")
        a.client.sync_once()
        t.release()
        b.client.sync_once()
        assert pending(a.book) == 0
        assert snapshot(a.book) == snapshot(b.book)
        assert get(b.book, Account, ids[0]).notes == "v2"
        assert get(b.book, Account, ids[1]).notes == "v3"
        assert a.client.conflicts() == []
        with db.sessions() as s:
            recs = s.scalars(
                select(SyncRecord).where(SyncRecord.id.in_(ids), SyncRecord.tbl == "accounts")
            ).all()
            # Each applied exactly once: created at version 1, edited once.
            assert sorted(r.version for r in recs) == [1, 2, 2]
    finally:
        a.close()
        b.close()


def test_an_old_client_is_told_to_update_and_keeps_its_edits(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a = enrolled(tmp_path, "a", server.url, rep)
    a.close()
    from crmdesk.sync.client import SyncClient
    from tests.sync.helpers import NO_KEYRING

    old = open_device(a.path, a.key)
    old.client = SyncClient(old.book, keystore=NO_KEYRING, protocol=MIN_PROTOCOL_VERSION - 1)
    try:
        add_account(old.book, "待同步")
        with pytest.raises(SyncError) as err:
            old.client.sync_once()
        assert err.value.code == "update_required"
        assert pending(old.book) == 1
        assert old.client.status().last_error_code == "update_required"
    finally:
        old.close()
    new = open_device(a.path, a.key)  # "updated" crmdesk, same book
    try:
        new.client.sync_once()
        assert pending(new.book) == 0 and new.client.status().last_error is None
    finally:
        new.close()


def test_a_version_1_client_still_syncs_past_a_row_the_server_refuses(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """Protocol 2 added the ``invalid`` answer; a crmdesk still speaking 1 is answered
    ``quarantined`` for such a row and keeps syncing (its edits and the team's changes flow)."""
    import uuid

    from sqlalchemy import insert

    from crmdesk.db.sync_state import SyncOutbox
    from crmdesk.sync.client import SyncClient
    from tests.sync.helpers import NO_KEYRING

    rep = db.user()
    a = enrolled(tmp_path, "a", server.url, rep)
    b = enrolled(tmp_path, "b", server.url, rep)
    a.close()
    old = open_device(a.path, a.key)
    old.client = SyncClient(old.book, keystore=NO_KEYRING, protocol=1)
    try:
        bad = {"name": 12345, "deleted": False}  # what an older, laxer crmdesk might send
        with old.book.engine.begin() as conn:
            conn.execute(
                insert(SyncOutbox).values(
                    tbl="contacts", record_id=str(uuid.uuid4()), base_version=0, fields=bad, row=bad
                )
            )
        aid = add_account(old.book, "旧版本也能同步")
        report = old.client.sync_once()
        assert pending(old.book) == 0
        assert report.quarantined == 1
        assert old.client.status().last_error is None
        b.client.sync_once()
        assert get(b.book, Account, aid).name == "旧版本也能同步"
        edit(b.book, Account, aid, notes="from the new crmdesk")
        b.client.sync_once()
        old.client.sync_once()
        assert get(old.book, Account, aid).notes == "from the new crmdesk"
    finally:
        old.close()
        b.close()


def test_reassignment_moves_records_and_quarantines_the_old_owners_writes(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    team = db.team()
    r1, r2, mgr = db.user("rep", team), db.user("rep", team), db.user("manager", team)
    d1 = enrolled(tmp_path, "d1", server.url, r1)
    d2 = enrolled(tmp_path, "d2", server.url, r2)
    dm = enrolled(tmp_path, "dm", server.url, mgr)
    try:
        aid = add_account(d1.book, "徐工集团")
        cid = add_contact(d1.book, aid, "赵六")
        other = add_account(d1.book, "stays with r1")
        d1.client.sync_once()
        dm.client.sync_once()
        edit(d1.book, Account, aid, notes="written offline before the handover")
        assert dm.client.reassign(aid, r2) == 2
        d1.client.sync_once()
        d2.client.sync_once()
        dm.client.sync_once()
        assert get(d1.book, Account, aid) is None and get(d1.book, Contact, cid) is None
        assert get(d1.book, Account, other) is not None
        assert get(d2.book, Account, aid).owner == r2
        assert get(d2.book, Contact, cid).account_id == aid
        assert get(dm.book, Account, aid).owner == r2
        assert get(d2.book, Account, aid).notes != "written offline before the handover"
        with db.sessions() as s:
            q = s.scalars(select(Quarantine).where(Quarantine.record_id == aid)).all()
            assert [x.mutation["fields"]["notes"] for x in q] == [
                "written offline before the handover"
            ]
        # The manager may read the team's books, not write them: quarantined and put back.
        edit(dm.book, Account, aid, notes="manager scribble")
        dm.client.sync_once()
        assert get(dm.book, Account, aid).notes != "manager scribble"
        assert pending(dm.book) == pending(d1.book) == 0
    finally:
        for d in (d1, d2, dm):
            d.close()


def test_a_transaction_committing_late_is_not_skipped(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """The cursor-gap case: a slow writer holds sequence n while another writer commits n+1."""
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        a.client.sync_once()
        b.client.sync_once()
        with db.sessions() as s:
            user = s.scalar(select(User).where(User.username == rep))
            assert user is not None
        slow = db.sessions()
        slow.begin()
        writer = syncing.BookWriter(slow)
        seq = writer.next_seq(user.id)
        slow_id = str(uuid.uuid4())  # record ids are UUIDs: readers set anything else aside
        slow.add(
            SyncRecord(
                book_id=user.id,
                tbl="accounts",
                id=slow_id,
                seq=seq,
                version=1,
                deleted=False,
                data={"name": "slow writer", "status": "existing"},
                fv={},
            )
        )
        slow.flush()
        add_account(a.book, "fast writer")
        done = threading.Event()
        threading.Thread(target=lambda: (a.client.sync_once(), done.set()), daemon=True).start()
        time.sleep(1.0)
        # The fast writer cannot take the next number of this book before the slow one ends.
        assert not done.is_set()
        slow.commit()
        slow.close()
        assert done.wait(30)
        b.client.sync_once()
        names = {acc.name for acc in (get(b.book, Account, slow_id),) if acc}
        assert names == {"slow writer"}
        assert {x["name"] for x in snapshot(b.book).values()} >= {"slow writer", "fast writer"}
    finally:
        a.close()
        b.close()


def test_a_device_behind_the_tombstone_horizon_resyncs_and_keeps_its_edits(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    rep = db.user()
    a, b = enrolled(tmp_path, "a", server.url, rep), enrolled(tmp_path, "b", server.url, rep)
    try:
        ids = [add_account(a.book, f"c{i}") for i in range(4)]
        a.client.sync_once()
        b.client.sync_once()
        edit(a.book, Account, ids[0], deleted=True)
        edit(a.book, Account, ids[1], deleted=True)
        a.client.sync_once()
        a.client.sync_once()  # reports its cursor
        edit(b.book, Account, ids[2], notes="offline for months")
        # B has not been seen for 100 days: it no longer holds the horizon back.
        with db.sessions() as s, s.begin():
            s.execute(
                update(ServerDevice)
                .where(ServerDevice.id == b.client._read("device_id")["device_id"])
                .values(last_seen_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=100))
            )
        horizons = syncing.purge(db.sessions, inactive_days=60)
        user_book = a.client._read("book_id")["book_id"]
        assert user_book in horizons
        with db.sessions() as s:
            assert s.get(SyncRecord, (user_book, "accounts", ids[0])) is None
        b.client.sync_once()
        assert get(b.book, Account, ids[0]) is None and get(b.book, Account, ids[1]) is None
        a.client.sync_once()
        assert get(a.book, Account, ids[2]).notes == "offline for months"
        live = {k: v for k, v in snapshot(a.book).items() if not v["deleted"]}
        assert live == snapshot(b.book)
    finally:
        a.close()
        b.close()


def test_a_row_the_book_cannot_hold_is_reported_not_a_stuck_sync(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """Two devices each add a tier "D" offline: the codes clash in every book (unique)."""
    from crmdesk.db.models import Tier

    team = db.team()
    mgr = db.user("manager", team)
    a, b = enrolled(tmp_path, "a", server.url, mgr), enrolled(tmp_path, "b", server.url, mgr)
    try:
        for d in (a, b):
            with d.book.sessions() as s, s.begin():
                s.add(Tier(code="D", name="Abandon", rank=4, cadence_days=365))
        a.client.sync_once()
        b.client.sync_once()  # b's own D is kept; a's D cannot join it
        a.client.sync_once()
        for d in (a, b):
            status = d.client.status()
            assert len(status.rejected) == 1 and status.rejected[0][0] == "tiers"
            assert pending(d.book) == 0
        # Sync goes on for everything else.
        aid = add_account(a.book, "still syncing")
        a.client.sync_once()
        b.client.sync_once()
        assert get(b.book, Account, aid) is not None
    finally:
        a.close()
        b.close()


def test_fields_and_tables_of_a_newer_crmdesk_survive_an_older_one(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    import uuid

    from tests.server.live import enrol, headers

    rep = db.user()
    newer = enrol(server.url, rep)
    old = enrolled(tmp_path, "old", server.url, rep)
    try:
        aid = str(uuid.uuid4())
        row = {"name": "新版本客户", "status": "existing", "notes": "", "future_field": "kept"}
        r = http_calls.post(
            server.url + "/api/v1/sync/push",
            headers=headers(newer["token"]),
            json={
                "schema_rev": "9999",  # a book schema this server does not know yet
                "mutations": [
                    {"seq": 1, "tbl": "accounts", "id": aid, "fields": row, "row": row},
                    {
                        "seq": 2,
                        "tbl": "future_things",
                        "id": "f1",
                        "fields": {"x": 1},
                        "row": {"x": 1},
                    },
                ],
            },
            timeout=30,
        )
        assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
        old.client.sync_once()
        assert get(old.book, Account, aid).name == "新版本客户"
        edit(old.book, Account, aid, notes="edited by the older crmdesk")
        old.client.sync_once()
        with db.sessions() as s:
            rec = s.scalars(select(SyncRecord).where(SyncRecord.id == aid)).one()
            assert rec.data["future_field"] == "kept"
            assert rec.data["notes"] == "edited by the older crmdesk"
    finally:
        old.close()


def _indexes(device: Device) -> set[str]:
    with device.book.engine.connect() as conn:
        return {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }


def test_a_first_sync_builds_the_indexes_it_deferred_even_after_a_crash(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    """A first sync drops the tables' secondary indexes and builds them once at its end; one
    cut short (the process died with them dropped) has them built by the next sync."""
    from crmdesk.sync import apply
    from crmdesk.sync.client import DEFERRED_INDEXES

    rep = db.user()
    a = enrolled(tmp_path, "a", server.url, rep)
    b = enrolled(tmp_path, "b", server.url, rep)
    c = enrolled(tmp_path, "c", server.url, rep)
    try:
        aid = add_account(a.book, "三一重工")
        add_contact(a.book, aid, "王伟")
        a.client.sync_once()
        fresh = _indexes(b)
        assert "ix_contacts_live_sort" in fresh
        b.client.sync_once()
        assert _indexes(b) == fresh
        assert get(b.book, Contact, next(iter(_contact_ids(b)))).name == "王伟"
        # The crash: indexes dropped and their SQL kept, as a first sync does, then nothing.
        with c.book.engine.begin() as conn:
            dropped = apply.defer_indexes(conn)
            conn.exec_driver_sql(
                "INSERT INTO sync_meta (key, value) VALUES (?, ?)",
                (DEFERRED_INDEXES, json.dumps(dropped)),
            )
        assert dropped and "ix_contacts_live_sort" not in _indexes(c)
        c.client.sync_once()
        assert _indexes(c) == fresh
        with c.book.engine.connect() as conn:
            left = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_meta WHERE key = ?", (DEFERRED_INDEXES,)
            ).scalar_one()
        assert left == 0
    finally:
        for d in (a, b, c):
            d.close()


def _contact_ids(device: Device) -> list[str]:
    with device.book.sessions() as s:
        return list(s.scalars(select(Contact.id)))
