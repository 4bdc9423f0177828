"""The dashboard benchmark section runs end to end at a tiny size (no speeds asserted)."""

from __future__ import annotations

import json

from crmdesk import bench


def test_dashboard_section_times_every_query(capsys):
    assert bench.main(["--only", "dashboard", "--contacts", "200", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["dashboard"]
    assert figures["contacts"] == 200 and figures["interactions"] == 400
    for name in ("dashboard", "key_account_touches", "coming_occasions", "spend_12_months",
                 "spend_12_months_one_rep"):  # fmt: skip
        assert figures[name]["best_ms"] > 0
    assert 0 < figures["top_10pct_effort_share"] <= 1
