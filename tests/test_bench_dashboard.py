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


def test_dashboard_section_puts_its_budgets_in_the_final_table(capsys):
    assert bench.main(["--only", "dashboard", "--contacts", "200", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["dashboard"]
    rows = {what: (figure, budget) for what, figure, budget in figures["rows"]}
    budgeted = {what: budget for what, (_figure, budget) in rows.items() if budget is not None}
    assert sorted(budgeted.values()) == [1.0, 1.0, 1.0]
    assert any(
        what.startswith("Team tab: dashboard and its occasions, 200 contacts") for what in rows
    )
    assert all(figure > 0 for what, (figure, _b) in rows.items() if what.startswith("Team tab"))
    # The statistics refresh was timed, the first time and again.
    assert figures["optimize_first_ms"] > 0 and figures["optimize_again_ms"] >= 0
