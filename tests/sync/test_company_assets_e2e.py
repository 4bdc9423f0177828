"""Customers as company assets, end to end over the real loopback server: handover (离职交接)
from one rep to another, remote wipe of a revoked device, the team and device calls, and audit
events queued offline.

These need the server's /team, /handover, /devices/revoke and /audit/events endpoints and its
``device_revoked`` answer (the SERVER branch of issue #6)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, text

from crmdesk.db.keys import KeyringStore
from crmdesk.db.models import (
    Account,
    Contact,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionAttendee,
    Opportunity,
    Preference,
)
from crmdesk.db.sync_state import SyncMeta
from crmdesk.sync.client import SyncClient, SyncError, record_audit_event
from crmdesk.sync.protocol import HandoverRequest
from crmdesk.sync.wipe import TOKEN_PREFIX
from tests.server.live import PASSWORD, Database, LiveServer
from tests.sync.helpers import Device, add_account, add_contact, edit, enrolled

OFFLINE_URL = "http://127.0.0.1:9"
STAGES = ("identify", "qualify", "develop", "propose", "result")
HANDED_OVER = (
    Account,
    Contact,
    Interaction,
    InteractionAttendee,
    Preference,
    ImportantDate,
    FollowUp,
    Opportunity,
)


def _rows(device: Device, account_ids: set[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record of the given accounts' world, minus the timestamp sync may touch."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with device.book.engine.connect() as conn:
        contacts = {
            r
            for (r,) in conn.execute(select(Contact.id).where(Contact.account_id.in_(account_ids)))
        }
        for model in HANDED_OVER:
            table: Any = model.__table__
            for row in conn.execute(select(table)).mappings():
                mine = (
                    (model is Account and row["id"] in account_ids)
                    or row.get("account_id") in account_ids
                    or row.get("contact_id") in contacts
                )
                if mine:
                    out[(table.name, row["id"])] = {
                        k: v for k, v in row.items() if k not in ("updated_at", "owner")
                    }
    return out


def _fill_rep_book(d: Device, username: str) -> set[str]:
    """Two accounts with everything a rep records, at various stages."""
    today = dt.date.today()
    accounts = set()
    for n, account_name in enumerate(("中国建筑", "华润置地")):
        account = add_account(d.book, account_name, owner=username)
        accounts.add(account)
        contact = add_contact(d.book, account, f"联系人{n}", title="采购经理")
        with d.book.sessions() as s, s.begin():
            visit = Interaction(
                account_id=account,
                occurred_at=dt.datetime(2026, 10, 1 + n, 11, tzinfo=dt.UTC),
                kind="meal",
                summary="午饭",
                recorded_by=f"{username}-assistant",
            )
            s.add(visit)
            s.flush()
            s.add(InteractionAttendee(interaction_id=visit.id, contact_id=contact))
            s.add(Preference(contact_id=contact, category="tea", value="普洱"))
            s.add(
                ImportantDate(
                    contact_id=contact, kind="birthday", calendar="lunar", month=8, day=15
                )
            )
            s.add(
                FollowUp(
                    contact_id=contact,
                    account_id=account,
                    interaction_id=visit.id,
                    due_on=today + dt.timedelta(days=7 + n),
                    description="送报价",
                    owner=username,
                )
            )
            s.add(
                FollowUp(
                    contact_id=contact,
                    due_on=today - dt.timedelta(days=3),
                    description="回电话",
                    done=True,
                    done_at=dt.datetime(2026, 10, 5, tzinfo=dt.UTC),
                )
            )
            for i, stage in enumerate(STAGES[n * 2 : n * 2 + 3]):
                s.add(
                    Opportunity(
                        account_id=account,
                        name=f"项目{n}{i}",
                        stage=stage,
                        result="won" if stage == "result" else None,
                        amount_minor=100_000 * (i + 1),
                    )
                )
    return accounts


def _quarantine(db: Database, user: str) -> list[dict[str, Any]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT q.tbl, q.record_id, q.reason, q.mutation FROM quarantine q "
                "JOIN users u ON u.id = q.user_id WHERE u.username = :u"
            ),
            {"u": user},
        ).mappings()
        out = []
        for r in rows:
            m = r["mutation"]
            out.append({**r, "mutation": json.loads(m) if isinstance(m, str) else m})
        return out


def _audit_text(db: Database) -> str:
    """Everything in the server's audit tables, as one string (the table's name is the
    server's business: any table whose name says audit)."""
    from sqlalchemy import inspect

    found = []
    with db.engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            if "audit" in name:
                found += [
                    str(v) for row in conn.execute(text(f'SELECT * FROM "{name}"')) for v in row
                ]
    return " ".join(found)


def test_handover_moves_everything_to_the_successor_and_wipes_the_leaver(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    team = db.team()
    manager, rep_a, rep_b = db.user("manager", team), db.user("rep", team), db.user("rep", team)
    a = enrolled(tmp_path, "a", server.url, rep_a)
    b = enrolled(tmp_path, "b", server.url, rep_b)
    m = enrolled(tmp_path, "m", server.url, manager)
    try:
        accounts = _fill_rep_book(a, rep_a)
        a.client.sync_once()
        before = _rows(a, accounts)
        assert len(before) > 20
        m.client.sync_once()
        names = json.loads(m.client._read("book_names")["book_names"] or "{}")
        assert rep_a in names.values()  # the manager's app can say whose records these are

        # A's last edit never reaches the server before the handover.
        contact = next(i for (t, i) in before if t == "contacts")
        edit(a.book, Contact, contact, title="已离职前的最后修改")

        team_view = m.client.team()
        a_member = next(x for x in team_view.members if x.username == rep_a)
        assert [d.name for d in a_member.devices] == ["a"]

        resp = m.client.handover(HandoverRequest(leaver=rep_a, default_to=rep_b))
        assert resp.accounts == 2
        assert resp.moved == len(before)  # every record of the two accounts, nothing else
        assert resp.successors == {rep_b: len(before)}
        assert resp.revoked_devices == 1

        b.client.sync_once()
        after = _rows(b, accounts)
        assert after.keys() == before.keys()
        for key, row in before.items():
            assert after[key] == row, key  # stages, follow-ups, recorded_by: unchanged
        with b.book.sessions() as s:
            stages = sorted(s.scalars(select(Opportunity.stage)))
            assert stages == sorted([*STAGES[0:3], *STAGES[2:5]])
            assert {r for (r,) in s.execute(select(Interaction.recorded_by))} == {
                f"{rep_a}-assistant"
            }
            open_follow_ups = s.scalars(select(FollowUp).where(FollowUp.done.is_(False))).all()
            assert len(open_follow_ups) == 2
            assert {acc.owner for acc in s.scalars(select(Account))} == {rep_b}

        with pytest.raises(SyncError) as err:
            a.client.sync_once()
        assert err.value.code == "device_revoked"
        assert "revoked" in err.value.message
        assert not a.path.exists()
        assert not a.path.with_name(a.path.name + "-wal").exists()

        held = _quarantine(db, rep_a)
        assert any(q["record_id"] == contact and q["reason"] == "revoked" for q in held), (
            held
        )  # the last edit is kept for review, not applied, not lost
        with b.book.sessions() as s:
            title = s.get(Contact, contact)
            assert title is not None and title.title == "采购经理"
    finally:
        for d in (b, m):
            d.close()
        a.client.close()


def test_a_revoked_device_wipes_its_book_key_and_token(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    store = KeyringStore()
    keyring_here = store.usable()
    if os.environ.get("CRMDESK_REQUIRE_KEYRING") and not keyring_here:
        pytest.fail(f"CRMDESK_REQUIRE_KEYRING is set but the keyring is not usable: {store.name}")
    from crmdesk.db.book import create_book

    path = tmp_path / "book.crmdesk"
    if keyring_here:  # the key and the token in the real keyring
        book = create_book(path, keystore=store)
        client = SyncClient(book, keystore=store)
    else:  # a passphrase book; the token inside it
        book = create_book(path, passphrase=lambda _p: PASSWORD, prefer_passphrase=True)
        from tests.sync.helpers import NO_KEYRING

        client = SyncClient(book, keystore=NO_KEYRING)
    book_id = book.info.book_id
    user = db.user()
    client.enrol(server.url, user, PASSWORD)
    add_account(book, "正泰电器")
    client.sync_once()
    other = enrolled(tmp_path, "other", server.url, user)
    try:
        own_device = client._read("device_id")["device_id"]
        assert own_device
        assert other.client.revoke_device(own_device) is True  # a user may revoke their own

        with pytest.raises(SyncError) as err:
            client.sync_once()
        assert err.value.code == "device_revoked"
        assert [p for p in tmp_path.iterdir() if p.name.startswith("book.crmdesk")] == []
        if keyring_here:
            from crmdesk.core.errors import KeyStoreError

            with pytest.raises(KeyStoreError):
                store.load(book_id)
            with pytest.raises(KeyStoreError):
                store.load(TOKEN_PREFIX + book_id)
        other.client.sync_once()  # the other device is not touched
    finally:
        other.close()
        client.close()
        if keyring_here:
            store.forget(book_id)
            store.forget(TOKEN_PREFIX + book_id)


def test_audit_events_queued_offline_are_sent_at_the_next_sync(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    user = db.user()
    d = enrolled(tmp_path, "rep", server.url, user)
    try:
        d.client.sync_once()
        # The first sync may have queued events of its own (rows the session's shared server
        # holds that this book set aside, such as another test's clashing tier).
        queued = d.client.status().pending_audit
        with d.book.engine.begin() as conn:  # the laptop leaves the office
            conn.execute(delete(SyncMeta).where(SyncMeta.key == "server_url"))
            conn.execute(insert(SyncMeta).values(key="server_url", value=OFFLINE_URL))
        assert record_audit_event(d.book, "export", "contacts as vcard", 42)
        d.client.record_event("import", "contacts from xlsx", 7)
        with pytest.raises(SyncError) as err:
            d.client.sync_once()
        assert err.value.code == "offline"
        assert d.client.status().pending_audit == queued + 2  # kept while the server is away

        with d.book.engine.begin() as conn:
            conn.execute(delete(SyncMeta).where(SyncMeta.key == "server_url"))
            conn.execute(insert(SyncMeta).values(key="server_url", value=server.url))
        d.client.sync_once()
        assert d.client.status().pending_audit == 0
        d.client.sync_once()  # nothing sent twice
        logged = _audit_text(db)
        assert "contacts as vcard" in logged and "contacts from xlsx" in logged
    finally:
        d.close()


def test_a_rep_sees_only_self_in_the_team_and_cannot_hand_over(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    team = db.team()
    rep, other = db.user("rep", team), db.user("rep", team)
    d = enrolled(tmp_path, "rep", server.url, rep)
    try:
        assert [x.username for x in d.client.team().members] == [rep]
        with pytest.raises(SyncError) as err:
            d.client.handover(HandoverRequest(leaver=other, default_to=rep))
        assert err.value.code == "forbidden" and err.value.status == 403  # type: ignore[attr-defined]
    finally:
        d.close()


def test_a_handover_with_records_left_over_is_refused_whole(
    tmp_path: Path, server: LiveServer, db: Database
) -> None:
    team = db.team()
    manager, leaver, successor = (
        db.user("manager", team),
        db.user("rep", team),
        db.user("rep", team),
    )
    a = enrolled(tmp_path, "a", server.url, leaver)
    m = enrolled(tmp_path, "m", server.url, manager)
    try:
        first = add_account(a.book, "一号客户")
        add_account(a.book, "二号客户")
        a.client.sync_once()
        with pytest.raises(SyncError) as err:
            m.client.handover(HandoverRequest(leaver=leaver, accounts={first: successor}))
        assert err.value.code == "unassigned"
        a.client.sync_once()  # nothing moved, nothing revoked
        with a.book.sessions() as s:
            assert len(s.scalars(select(Account.id)).all()) == 2
    finally:
        a.close()
        m.close()
