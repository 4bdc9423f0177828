"""Hypothesis stateful test: four devices (two of rep 1, one of rep 2, one of their manager)
against a real server over HTTP on loopback, with random edits, deletes, reassignments, syncs,
restarts from the book file, and injected faults (dropped requests, answers lost after commit,
duplicated requests, requests held back and delivered after newer ones).

Invariants: cursors never go back; at the end, after a few clean syncs, every outbox is empty,
every device holds exactly the server's view of its scope, every edit is current, in conflicts,
in quarantine or knowingly overwritten, and nothing was applied twice.

"Knowingly overwritten" is a model, not a set of values seen: each edit records the values it
replaces on its device (the one shown there, and what that one replaced, transitively). An edit
may be gone from the server only if the surviving value replaced it so, or the server kept it as
a conflict's loser, or in quarantine.

Default run: about a minute over both backends (measured; see ``DEFAULT``). The long run:
``uv run pytest -m slow tests/sync/test_stateful.py``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select

from crmdesk.db.models import Account, Contact
from crmdesk.db.record_schema import encode_value, table_specs
from crmdesk.server.crud import read_books
from crmdesk.server.models import Quarantine, SyncRecord, User
from crmdesk.sync.client import SyncError
from crmdesk.sync.protocol import CONFLICTS_TABLE
from tests.server.live import Database, LiveServer
from tests.sync.faults import FAULTS, FaultyTransport
from tests.sync.helpers import Device, enrolled, open_device, pending

MODELS: dict[str, type[Any]] = {"accounts": Account, "contacts": Contact}
FIELDS = {"accounts": ("notes", "industry", "address"), "contacts": ("title", "notes")}
DEVICES = ("r1a", "r1b", "r2", "mgr")
REP_DEVICES = ("r1a", "r1b", "r2")


def make_machine(server: LiveServer, db: Database) -> type[RuleBasedStateMachine]:
    class SyncMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.tmp = Path(tempfile.mkdtemp(prefix="crmdesk-stateful-"))
            team = db.team()
            self.users = {
                "r1": db.user("rep", team),
                "r2": db.user("rep", team),
                "mgr": db.user("manager", team),
            }
            self.transports: dict[str, FaultyTransport] = {}
            self.devices: dict[str, Device] = {}
            for name in DEVICES:
                t = FaultyTransport()
                self.transports[name] = t
                user = self.users[name[:2] if name != "mgr" else "mgr"]
                self.devices[name] = enrolled(self.tmp, name, server.url, user, transport=t)
            self.records: list[tuple[str, str]] = []
            self.edits: list[tuple[str, str, str, Any]] = []  # tbl, id, field, value
            # (tbl, id, field, value) -> the values that edit knowingly replaced (transitively)
            self.replaced: dict[tuple[str, str, str, Any], set[tuple[str, str, str, Any]]] = {}
            self.cursors: dict[str, dict[str, int]] = {n: {} for n in DEVICES}
            self.counter = 0

        def unique(self, what: str) -> str:
            self.counter += 1
            return f"{what}-{self.counter}"

        def local(self, name: str, tbl: str, rid: str) -> Any:
            with self.devices[name].book.sessions() as s:
                return s.get(MODELS[tbl], rid)

        # ---- rules ------------------------------------------------------------------------

        @rule(dev=st.sampled_from(REP_DEVICES))
        def create_account(self, dev: str) -> None:
            name = self.unique("account")
            with self.devices[dev].book.sessions() as s, s.begin():
                a = Account(name=name)
                s.add(a)
                s.flush()
                rid = a.id
            self.records.append(("accounts", rid))
            self.edits.append(("accounts", rid, "name", name))

        @precondition(lambda self: self.records)
        @rule(dev=st.sampled_from(REP_DEVICES), pick=st.integers(0, 1000))
        def create_contact(self, dev: str, pick: int) -> None:
            accounts = [r for r in self.records if r[0] == "accounts"]
            if not accounts:
                return
            _, aid = accounts[pick % len(accounts)]
            acc = self.local(dev, "accounts", aid)
            if acc is None or acc.deleted:
                return
            name = self.unique("contact")
            with self.devices[dev].book.sessions() as s, s.begin():
                c = Contact(name=name, account_id=aid)
                s.add(c)
                s.flush()
                rid = c.id
            self.records.append(("contacts", rid))
            self.edits.append(("contacts", rid, "name", name))

        @precondition(lambda self: self.records)
        @rule(dev=st.sampled_from(DEVICES), pick=st.integers(0, 1000), field=st.integers(0, 2))
        def edit(self, dev: str, pick: int, field: int) -> None:
            tbl, rid = self.records[pick % len(self.records)]
            f = FIELDS[tbl][field % len(FIELDS[tbl])]
            value = self.unique(f)
            with self.devices[dev].book.sessions() as s, s.begin():
                obj = s.get(MODELS[tbl], rid)
                if obj is None:
                    return
                shown = (tbl, rid, f, getattr(obj, f))
                setattr(obj, f, value)
            self.replaced[(tbl, rid, f, value)] = {shown, *self.replaced.get(shown, ())}
            self.edits.append((tbl, rid, f, value))

        @precondition(lambda self: self.records)
        @rule(dev=st.sampled_from(REP_DEVICES), pick=st.integers(0, 1000))
        def delete(self, dev: str, pick: int) -> None:
            tbl, rid = self.records[pick % len(self.records)]
            with self.devices[dev].book.sessions() as s, s.begin():
                obj = s.get(MODELS[tbl], rid)
                if obj is not None:
                    obj.deleted = True

        @rule(dev=st.sampled_from(DEVICES), fault=st.sampled_from((None, *FAULTS)))
        def sync(self, dev: str, fault: str | None) -> None:
            if fault is not None:
                self.transports[dev].plan.append(fault)
            try:
                self.devices[dev].client.sync_once()
            except SyncError as exc:
                assert exc.code == "offline", exc
            self.transports[dev].plan.clear()

        @rule(dev=st.sampled_from(DEVICES))
        def deliver_held_requests(self, dev: str) -> None:
            self.transports[dev].release()

        @precondition(lambda self: self.records)
        @rule(pick=st.integers(0, 1000), to=st.sampled_from(("r1", "r2")))
        def reassign(self, pick: int, to: str) -> None:
            accounts = [r for r in self.records if r[0] == "accounts"]
            if not accounts:
                return
            _, aid = accounts[pick % len(accounts)]
            self.transports["mgr"].plan.clear()
            try:
                self.devices["mgr"].client.reassign(aid, self.users[to])
            except SyncError as exc:
                assert exc.code in ("not_found", "offline"), exc

        @rule(dev=st.sampled_from(DEVICES))
        def restart(self, dev: str) -> None:
            d = self.devices[dev]
            d.close()
            self.devices[dev] = open_device(d.path, d.key, transport=self.transports[dev])

        # ---- invariants -------------------------------------------------------------------

        @invariant()
        def cursors_never_go_back(self) -> None:
            for name, d in self.devices.items():
                cursor = json.loads(d.client._read("cursor")["cursor"] or "{}")
                for book, seq in self.cursors[name].items():
                    assert cursor.get(book, 0) >= seq, (name, book)
                self.cursors[name] = cursor

        def teardown(self) -> None:
            try:
                self.settle_and_check()
            finally:
                for d in self.devices.values():
                    d.close()
                for t in self.transports.values():
                    t.close()
                shutil.rmtree(self.tmp, ignore_errors=True)

        def settle_and_check(self) -> None:
            for t in self.transports.values():
                t.release()
                t.plan.clear()
            for _ in range(3):
                for d in self.devices.values():
                    d.client.sync_once()
            for name, d in self.devices.items():
                assert pending(d.book) == 0, name
            self.check_convergence()
            self.check_edits()
            self.check_no_duplicates()

        def server_view(self, username: str) -> dict[tuple[str, str], dict[str, Any]]:
            with db.sessions() as s:
                user = s.scalar(select(User).where(User.username == username))
                assert user is not None
                books = read_books(s, user=user)
                out: dict[tuple[str, str], dict[str, Any]] = {}
                for rec in s.scalars(
                    select(SyncRecord).where(
                        SyncRecord.book_id.in_(books), SyncRecord.tbl.in_(tuple(MODELS))
                    )
                ):
                    assert (rec.tbl, rec.id) not in out, "a record in two books"
                    out[(rec.tbl, rec.id)] = {**rec.data, "deleted": rec.deleted}
                return out

        def check_convergence(self) -> None:
            for name, d in self.devices.items():
                username = self.users[name[:2] if name != "mgr" else "mgr"]
                server_rows = self.server_view(username)
                local: dict[tuple[str, str], dict[str, Any]] = {}
                with d.book.engine.connect() as conn:
                    for tbl, model in MODELS.items():
                        fields = table_specs()[tbl].fields
                        for row in conn.execute(select(model.__table__)).mappings():
                            local[(tbl, row["id"])] = {f: encode_value(row[f]) for f in fields}
                assert set(local) == set(server_rows), name
                for key, values in local.items():
                    srv = server_rows[key]
                    for f, v in values.items():
                        if f in srv:
                            assert v == srv[f], (name, key, f)

        def check_edits(self) -> None:
            with db.sessions() as s:
                records: dict[tuple[str, str], dict[str, Any]] = {}
                for rec in s.scalars(select(SyncRecord).where(SyncRecord.tbl.in_(tuple(MODELS)))):
                    records[(rec.tbl, rec.id)] = rec.data
                losers = {
                    (
                        c.data["tbl"],
                        c.data["record_id"],
                        c.data["field"],
                        json.dumps(c.data["value"]),
                    )
                    for c in s.scalars(select(SyncRecord).where(SyncRecord.tbl == CONFLICTS_TABLE))
                }
                quarantined = set()
                for q in s.scalars(select(Quarantine)):
                    for f, v in q.mutation["fields"].items():
                        quarantined.add((q.tbl, q.record_id, f, json.dumps(v)))
            for tbl, rid, f, v in self.edits:
                key = (tbl, rid, f, json.dumps(v))
                current = records.get((tbl, rid), {}).get(f)
                assert (
                    current == v
                    or key in losers
                    or key in quarantined
                    or (tbl, rid, f, v) in self.replaced.get((tbl, rid, f, current), ())
                ), f"edit lost: {tbl} {rid} {f}={v!r} (now {current!r})"

        def check_no_duplicates(self) -> None:
            with db.sessions() as s:
                q = [(x.device_id, x.seq) for x in s.scalars(select(Quarantine))]
                assert not [k for k, n in Counter(q).items() if n > 1]
                conflicts = [
                    (
                        c.data["record_id"],
                        c.data["field"],
                        json.dumps(c.data["value"]),
                        c.data["device_id"],
                    )
                    for c in s.scalars(select(SyncRecord).where(SyncRecord.tbl == CONFLICTS_TABLE))
                ]
                assert not [k for k, n in Counter(conflicts).items() if n > 1]

    return SyncMachine


# 250 steps a backend, twice the old default: measured 39 s (SQLite) + 32 s (PostgreSQL) on a
# shared 2-core machine at load average 8-15, so about a minute; the slow run takes 3,600.
DEFAULT = {"examples": 5, "steps": 50}
LONG = {"examples": 60, "steps": 60}


def _run(server: LiveServer, db: Database, examples: int, steps: int) -> None:
    machine = make_machine(server, db)
    machine.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    machine.TestCase().runTest()


def test_devices_converge_under_faults(server: LiveServer, db: Database) -> None:
    _run(server, db, **DEFAULT)


@pytest.mark.slow
def test_devices_converge_under_faults_long(server: LiveServer, db: Database) -> None:
    _run(server, db, **LONG)
