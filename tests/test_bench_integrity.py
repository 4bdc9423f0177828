"""The integrity benchmark section runs end to end at a tiny size (no speeds asserted)."""

from __future__ import annotations

import json

import pytest

from crmdesk import bench


def test_integrity_section_reports_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--only", "integrity", "--contacts", "300", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["integrity"]
    assert figures["full_check_ok"] is True
    assert figures["quick_check_ms"] > 0 and figures["open_ms"] > 0
    assert figures["backup_mb"] > 0
    assert sum(figures["damage_sample"]["outcomes"].values()) == figures["damage_sample"]["pages"]
    # The sample is spread over the book: some of it lands on records, and every one is seen.
    assert all("none" not in what for what in figures["damage_sample"]["outcomes"])
    assert figures["recover_rows_read"] > 300
    whats = [what for what, _figure, _budget in figures["rows"]]
    assert "book open with the quick integrity check (ms)" in whats
    assert any(what.startswith("recovery from the backup") for what in whats)
