"""Raw HTTP helpers for server tests: push rows, pull everything, call an endpoint."""

from __future__ import annotations

from typing import Any

import httpx

from tests import http_calls
from tests.server.live import headers


def call(
    url: str, path: str, token: str | None, body: dict[str, Any] | None = None
) -> httpx.Response:
    return http_calls.post(
        f"{url}/api/v1{path}", headers=headers(token), json=body or {}, timeout=30
    )


def create(seq: int, tbl: str, record_id: str, row: dict[str, Any]) -> dict[str, Any]:
    """A mutation that makes a new record (the whole row, as a device sends it)."""
    return {"seq": seq, "tbl": tbl, "id": record_id, "fields": row, "row": row}


def edit(seq: int, tbl: str, record_id: str, base: int, **fields: Any) -> dict[str, Any]:
    return {"seq": seq, "tbl": tbl, "id": record_id, "base_version": base, "fields": fields}


def push(
    url: str, e: dict[str, str], mutations: list[dict[str, Any]], acked: int = 0
) -> httpx.Response:
    return call(url, "/sync/push", e["token"], {"acked_through": acked, "mutations": mutations})


def pull_all(
    url: str, e: dict[str, str], cursor: dict[str, int] | None = None
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every live record the device can read (after ``cursor``), by id, and the last page."""
    cursor = dict(cursor or {})
    records: dict[str, dict[str, Any]] = {}
    while True:
        r = call(url, "/sync/pull", e["token"], {"cursor": cursor})
        assert r.status_code == 200, r.text
        page = r.json()
        for c in page["changes"]:
            if c["deleted"]:
                records.pop(c["id"], None)
            else:
                records[c["id"]] = c
        for d in page["departures"]:
            records.pop(d["id"], None)
        cursor = page["cursor"]
        if not page["more"]:
            return records, page
