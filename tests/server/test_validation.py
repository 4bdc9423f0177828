"""Nothing malformed gets in: the pushes of a careless or hostile device against a real server on
each backend. Every invalid mutation is answered ``invalid`` with the field and the reason, kept in
quarantine, never stored in ``records``; the valid rest of the batch applies."""

# ruff: noqa: E501 - the table of bad rows reads best one row per line
from __future__ import annotations

import io
import sys
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from crmdesk.server import cli
from crmdesk.server.models import Quarantine, SyncRecord
from crmdesk.sync.protocol import INVALID_STATUS_SINCE, PROTOCOL_HEADER, PROTOCOL_VERSION
from tests import http_calls
from tests.server.live import Database, LiveServer, enrol, headers
from tests.server.wire import call, create, edit, push


def counts(db: Database) -> tuple[int, int]:
    with db.sessions() as s:
        records = s.scalar(select(func.count()).select_from(SyncRecord)) or 0
        kept = s.scalar(select(func.count()).select_from(Quarantine)) or 0
    return int(records), int(kept)


def new_id() -> str:
    return str(uuid.uuid4())


BAD_ROWS: list[tuple[str, dict[str, Any], str, str]] = [
    # (table, row, field named, code) — the values seen in the field
    ("contacts", {"name": 12345}, "name", "type"),
    ("contacts", {"name": "王五", "phones": "not-a-list"}, "phones", "type"),
    ("contacts", {"name": "王五", "deleted": "yes"}, "deleted", "type"),
    ("contacts", {"name": "王五", "extra": {"nested": {"deep": [1, 2]}}}, "extra", "unknown_field"),
    ("accounts", {"name": "x" * 201}, "name", "too_long"),
    ("accounts", {"name": "ok", "notes": "n" * 100_001}, "notes", "too_long"),
    ("accounts", {"name": "ok", "status": "vip"}, "status", "unknown_term"),
    ("accounts", {"status": "existing"}, "name", "required"),
    ("follow_ups", {"due_on": "2026-02-30", "description": "call"}, "due_on", "day_out_of_range"),
    ("interactions", {"occurred_at": "2026-13-45T25:99", "kind": "visit"}, "occurred_at", "datetime_syntax"),
    ("interactions", {"occurred_at": "2026-01-04T05:25:00+00:00", "kind": "visit", "cost_minor": -5}, "cost_minor", "range"),
    ("contacts", {"name": "x", "account_id": "not-an-id"}, "account_id", "id_shape"),
    ("gift_catalogue", {"key": "tea", "name_zh": "茶", "price_minor": 20000, "currency": "RMB"}, "currency", "unknown_term"),
    ("important_dates", {"contact_id": str(uuid.UUID(int=1)), "kind": "birthday", "calendar": "gregorian", "year": 1800, "month": 3, "day": 1}, "year", "year_out_of_range"),
]  # fmt: skip


def test_each_invalid_mutation_is_answered_with_its_field_and_kept_aside(
    server: LiveServer, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    e = enrol(server.url, db.user())
    good = new_id()
    mutations = [create(1, "accounts", good, {"name": "三一重工", "status": "existing"})]
    for n, (tbl, row, _field, _code) in enumerate(BAD_ROWS, start=2):
        mutations.append(create(n, tbl, new_id(), row))
    mutations.append(create(len(mutations) + 1, "no_such_table", new_id(), {"x": 1}))
    mutations.append(create(len(mutations) + 1, "accounts", "a1", {"name": "short id"}))
    records_before, kept_before = counts(db)
    r = push(server.url, e, mutations)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert results[0]["status"] == "applied"
    for result, (tbl, row, field, code) in zip(results[1:], BAD_ROWS, strict=False):
        assert result["status"] == "invalid", (tbl, row)
        assert result["field"] == field and result["reason"], result
        assert code in {p["code"] for p in result["problems"]}, result
    assert (
        results[-2]["status"] == "invalid" and results[-2]["problems"][0]["code"] == "unknown_table"
    )
    assert results[-1]["status"] == "invalid" and results[-1]["field"] == "id"
    records_after, kept_after = counts(db)
    assert records_after == records_before + 1  # only the good account
    assert kept_after == kept_before + len(BAD_ROWS) + 2
    # An edit of a stored record with a bad value: refused, the record unchanged.
    r = push(server.url, e, [edit(len(mutations) + 1, "accounts", good, 1, deleted="yes")], 0)
    assert r.json()["results"][0]["status"] == "invalid"
    with db.sessions() as s:
        rec = s.scalars(select(SyncRecord).where(SyncRecord.id == good)).one()
        assert rec.deleted is False and rec.version == 1
    # The administrator sees them, by field and code, without the customer's data.
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["--database-url", db.url, "list-quarantine", "--limit", "1000"]) == 0
    monkeypatch.undo()
    assert "invalid" in out.getvalue() and "phones:type" in out.getvalue()
    assert "not-a-list" not in out.getvalue()


def test_a_newer_crmdesk_may_add_fields_and_tables_bounded(
    server: LiveServer, db: Database
) -> None:
    e = enrol(server.url, db.user())

    def newer(mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        r = call(
            server.url,
            "/sync/push",
            e["token"],
            {"schema_rev": "9999", "mutations": mutations},
        )
        assert r.status_code == 200, r.text
        results: list[dict[str, Any]] = r.json()["results"]
        return results

    row = {"name": "新版本", "loyalty_level": "gold"}
    results = newer(
        [create(1, "accounts", new_id(), row), create(2, "gadgets", new_id(), {"x": 1})]
    )
    assert [x["status"] for x in results] == ["applied", "applied"]
    # Known fields keep their types even from a newer crmdesk; unknown ones are bounded.
    results = newer(
        [
            create(3, "accounts", new_id(), {"name": 5}),
            create(4, "accounts", new_id(), {"name": "big", "blob": "b" * 20_000}),
        ]
    )
    assert [(x["status"], x["field"]) for x in results] == [
        ("invalid", "name"),
        ("invalid", "blob"),
    ]


@pytest.mark.parametrize("schema_rev", ["00\x0010", "0010 ", "00\u200b10"])
def test_a_schema_revision_that_is_no_revision_is_refused_whole(
    server: LiveServer, db: Database, schema_rev: str
) -> None:
    """The device's row keeps the revision: a NUL in it was a 500 on PostgreSQL."""
    e = enrol(server.url, db.user())
    records_before, _ = counts(db)
    body = {"schema_rev": schema_rev, "mutations": [create(1, "accounts", new_id(), {"name": "x"})]}
    r = call(server.url, "/sync/push", e["token"], body)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid" and "schema_rev" in r.json()["message"], r.json()
    assert counts(db)[0] == records_before


def test_the_body_cap_and_malformed_json_get_the_error_shape(
    server: LiveServer, db: Database
) -> None:
    e = enrol(server.url, db.user())
    records_before, _ = counts(db)
    huge = create(1, "accounts", new_id(), {"name": "big", "notes": "n" * (50 * 1024 * 1024)})
    r = push(server.url, e, [huge])
    assert r.status_code == 413 and r.json()["code"] == "too_large"
    r = http_calls.post(
        server.url + "/api/v1/sync/push",
        content=b'{"mutations": [',
        headers={**headers(e["token"]), "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 422 and set(r.json()) == {"code", "message"}
    assert r.json()["code"] == "bad_json"
    r = http_calls.post(server.url + "/api/v1/nowhere", json={}, headers=headers(), timeout=30)
    assert r.status_code == 404 and set(r.json()) == {"code", "message"}
    r = http_calls.get(server.url + "/api/v1/sync/push", headers=headers(), timeout=30)
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"
    assert counts(db)[0] == records_before


# The statuses a version-1 client can read (docs/sync.md before protocol 2): its answer model
# refuses any other, so an ``invalid`` would stop its sync for good.
VERSION_1_STATUSES = {"applied", "merged", "conflict", "quarantined", "need_row", "replay"}


def test_a_version_1_client_is_told_quarantined_and_syncs_on(
    server: LiveServer, db: Database
) -> None:
    """Protocol 2 added ``invalid``; a device still speaking 1 gets ``quarantined`` (what
    happened: kept on the server, not applied) and nothing it cannot read."""
    assert PROTOCOL_VERSION == INVALID_STATUS_SINCE == 2
    e = enrol(server.url, db.user())
    good, bad = new_id(), new_id()
    mutations = [
        create(1, "accounts", good, {"name": "三一重工", "status": "existing"}),
        create(2, "contacts", bad, {"name": 12345}),
    ]
    records_before, kept_before = counts(db)
    old = {**headers(e["token"]), PROTOCOL_HEADER: "1"}
    r = http_calls.post(
        f"{server.url}/api/v1/sync/push",
        headers=old,
        json={"acked_through": 0, "mutations": mutations},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["applied", "quarantined"]
    assert {x["status"] for x in results} <= VERSION_1_STATUSES
    assert "problems" not in r.text or all(not x["problems"] for x in results)
    assert counts(db) == (records_before + 1, kept_before + 1)  # the bad one kept aside
    # The same device, updated to protocol 2, is told why about its next bad row.
    r = push(server.url, e, [create(3, "contacts", new_id(), {"name": 67890})], 2)
    result = r.json()["results"][0]
    assert result["status"] == "invalid" and result["field"] == "name"
