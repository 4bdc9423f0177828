"""The benchmark's one table: every section's rows, budget and verdict, and the commit."""

from __future__ import annotations

import json

from crmdesk import bench


def test_rows_become_one_table_with_verdicts_and_the_commit():
    results = {
        "machine": {"cpus": 2},
        "a": {"rows": [("thing one (s)", 0.12, 0.15), ("thing two (ms)", 180.0, 50.0)]},
        "b": {"rows": [("floor (s)", 0.0123, None)], "other": 1},
    }
    rows = bench.table_rows(results)
    assert [r[0] for r in rows] == ["thing one (s)", "thing two (ms)", "floor (s)"]
    text = bench.render_table(rows, markdown=False, footer="commit abc")
    lines = text.splitlines()
    assert lines[0].split() == ["what", "figure", "budget"]
    assert lines[1].endswith("within") and lines[2].endswith("OVER")
    assert lines[3].split()[-2:] == ["0.0123", "—"]
    assert lines[-1] == "commit abc"
    md = bench.render_table(rows, markdown=True, footer="commit abc").splitlines()
    assert md[0] == "| what | figure | budget | |"
    assert md[2] == "| thing one (s) | 0.12 | 0.15 | within |"
    assert md[3] == "| thing two (ms) | 180 | 50.0 | OVER |"


def test_a_run_prints_the_table_of_its_sections_with_the_commit(capsys):
    assert bench.main(["--only", "export", "--contacts", "40"]) == 0
    out = capsys.readouterr().out
    table = out[out.index("what ") :]
    for fmt in ("CSV", "JSON", "Excel", "vCard"):
        assert f"export 40 contacts to {fmt}" in table
    assert "commit " in table.splitlines()[-1] and "load average" in table.splitlines()[-1]
    assert bench.commit() != ""


def test_export_section_reports_each_format_and_its_floor(capsys):
    assert bench.main(["--only", "export", "--contacts", "30", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["export"]
    assert figures["csv"]["rows"] == 30 and figures["vcard"]["rows"] == 30
    assert figures["json"]["rows"] > 30  # accounts, dates and tiers too
    assert figures["read_floor_s"] > 0 and figures["read_floor_cpu_s"] > 0
    assert all(figures[fmt]["cpu_s"] > 0 for fmt in ("csv", "json", "xlsx", "vcard"))
    assert len(figures["rows"]) == 9  # the floor, four formats, and their CPU times
