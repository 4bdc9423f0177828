"""The planner benchmark section runs end to end at a tiny size (no speeds asserted)."""

from __future__ import annotations

import json

from crmdesk import bench


def test_planner_section_reports_the_first_plan_with_its_budget(capsys):
    assert bench.main(["--only", "planner", "--contacts", "300", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["planner"]
    assert figures["index_ms"] > 0 and figures["plan_ms"] > 0
    rows = {what: (figure, budget) for what, figure, budget in figures["rows"]}
    first = rows["planner: first plan after a book opens (index + 365-day plan), 300 contacts (ms)"]
    assert abs(first[0] - figures["index_ms"] - figures["plan_ms"]) < 0.2  # rounding only
    assert first[1] == 150.0
    assert rows["planner: a 365-day plan from an indexed input, 300 contacts (ms)"][1] == 200.0
