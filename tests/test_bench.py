"""The benchmark entry point runs its sections end to end at a tiny size (no speeds asserted)."""

from __future__ import annotations

import json

from crmdesk import bench


def test_sections_are_found_and_listed(capsys):
    assert bench.main(["--list"]) == 0
    listed = capsys.readouterr().out
    assert "search" in listed and "unlock" in listed


def test_unknown_section_is_refused_with_the_known_ones(capsys):
    assert bench.main(["--only", "nope"]) == 2
    assert "unknown section(s): nope" in capsys.readouterr().out


def test_search_section_reports_figures_and_no_full_scans(capsys):
    assert bench.main(["--only", "search", "--contacts", "300", "--queries", "3", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["search"]
    assert figures["plans"]["full_scans"] == []
    for engine in ("encrypted", "plain"):
        timings = figures[engine]["search"]
        assert timings["all"]["n"] == 3 * 11
        # Every query is drawn from the book, so each one finds something.
        assert all(t["no_hits"] == 0 for kind, t in timings.items() if kind != "all")
    assert figures["ratio_encrypted_to_plain"]["search_total"] > 0
    table = {what: (figure, budget) for what, figure, budget in figures["rows"]}
    p95 = figures["encrypted"]["search"]["all"]["p95_ms"]
    assert table["search p95, every kind, 300 contacts, reopened book, cold (ms)"] == (p95, 10.0)
    assert table["full-table scans in the search query plans"] == (0, 0)


def test_unlock_section_puts_its_open_times_in_the_table(capsys):
    assert bench.main(["--only", "unlock", "--contacts", "300"]) == 0
    out = capsys.readouterr().out
    assert "unlock a book with a passphrase, PBKDF2 (ms)" in out
    assert "open a book with its raw key, no KDF (ms)" in out


def test_percentiles_nearest_rank():
    figures = bench.percentiles([float(v) for v in range(1, 101)])
    assert (figures["p50_ms"], figures["p95_ms"], figures["max_ms"]) == (50.0, 95.0, 100.0)
    assert bench.percentiles([]) == {"n": 0}
