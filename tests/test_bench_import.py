"""The import part of the ``transfer`` benchmark runs end to end at a tiny size (no speeds
asserted): the CSV import twice (the second time every row a duplicate) and the phone's vCard
export with photos, in its child process."""

from __future__ import annotations

from crmdesk.bench import BenchContext
from crmdesk.bench.import_vcard import write_vcards
from crmdesk.bench.transfer import _import, import_rows
from crmdesk.core.importing.source import read_table


def test_import_figures_at_a_tiny_size(tmp_path):
    ctx = BenchContext(contacts=30, queries=1, seed=7, workdir=tmp_path, book=None, quiet=True)
    figures = _import(ctx)
    assert figures["rows"] == 30
    assert figures["first"]["created"] + figures["first"]["merged"] == 30
    assert figures["again"]["created"] == 0 and figures["again"]["rejected"] == 0
    vcard = figures["vcard"]
    assert (vcard["cards"], vcard["created"], vcard["rejected"]) == (30, 30, 0)
    assert vcard["peak_rss_mb"] >= vcard["rss_before_mb"] > 0
    assert vcard["cpu_s"] > 0 and vcard["mb"] > 0
    rows = import_rows(figures)  # the table's lines, each budget scaled to the size run
    assert [budget for _, _, budget in rows] == [0.009, None, None, 0.026, None, 200.0]
    assert rows[0][0] == "import 30 CSV rows (read, plan, apply) (s)"
    assert rows[0][1] == figures["first"]["total_s"] and rows[5][1] == vcard["peak_rss_mb"]


def test_the_generated_vcard_mixes_producers_and_reads_whole(tmp_path):
    path = tmp_path / "phone.vcf"
    write_vcards(path, 12, seed=3)
    text = path.read_text(encoding="utf-8")
    assert text.count("VERSION:2.1") == 6 and text.count("VERSION:3.0") == 6
    assert text.count("PHOTO;") == 12
    table = read_table(path)
    assert len(table.rows) == 12 and all(row.cells[0] for row in table.rows)
    assert not any("/9j/" in cell for row in table.rows for cell in row.cells)
