"""The Team tab over a real book: empty, then filled; models checked with qtmodeltester."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from crmdesk.core.spend import FlagCode
from crmdesk.db.sample import SampleIds
from crmdesk.ui.dashboard import TeamView
from crmdesk.ui.dashboard.tables import RECORD_ROLE
from tests.db.team_book import Builder, local
from tests.ui.conftest import TODAY


@pytest.fixture
def view(qtbot, desk):  # type: ignore[no-untyped-def]
    team = TeamView(today=lambda: TODAY)
    qtbot.addWidget(team)
    team.resize(1200, 760)
    team.show()
    team.set_desk(desk)
    return team


def _models(team: TeamView):  # type: ignore[no-untyped-def]
    d, s = team.dashboard_page, team.spend_page
    return [d.neglected, d.overdue, d.occasions, *s.models.values(), s.flags]


def test_empty_book_shows_empty_states(view, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert view.dashboard is not None and view.dashboard.is_empty
    assert view.report is not None and view.report.is_empty
    page = view.dashboard_page
    for box in (page.tier_chart, page.coverage_chart, page.pipeline_chart, view.spend_page.curve):
        assert box.currentWidget() is box.empty and box.empty.text()
    assert "No accounts yet" in page.summary.text()
    for model in _models(view):
        assert model.rowCount() == 0
        qtmodeltester.check(model)


@pytest.fixture
def filled(book, sample: SampleIds) -> dict[str, str]:
    """The sample book plus a key account nobody touched and a duplicated gift this month."""
    with book.session() as s, s.begin():
        b = Builder(s)
        b.tier("S", 0, 30, monthly=100_000)
        cold = b.account("冷门客户", "S", owner="赵敏")
        person = b.contact("周一", cold)
        day = TODAY.replace(day=1)
        i1 = b.interaction(local(day, 10), cold, attendees=(person,), recorded_by="赵敏")
        i2 = b.interaction(local(day, 15), cold, recorded_by="赵敏", cost=1_000, currency="CNY")
        b.gift(i1, "茶叶", 50_000, to=person)
        b.gift(i2, "茶叶 ", 50_000, to=person)
        # Touched long ago only: still neglected.
        s.flush()
        i1.occurred_at = local(TODAY - dt.timedelta(days=400))
        i2.occurred_at = local(TODAY - dt.timedelta(days=400), 15)
        fresh = b.interaction(local(TODAY), None, cost=2_000, currency="CNY", recorded_by="赵敏")
        # Today: the same gift twice (to no one on file, so the account stays untouched).
        b.gift(fresh, "茶叶", 50_000)
        b.gift(fresh, "茶叶", 50_000)
    return {"cold": cold.id, "person": person.id}


def test_filled_book_charts_tables_and_opening_a_record(view, filled, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view.reload()
    page = view.dashboard_page
    for box in (page.tier_chart, page.coverage_chart, page.pipeline_chart):
        assert box.showing_chart and box.chart is not None
    names = [page.neglected.row_at(r).name for r in range(page.neglected.rowCount())]
    assert "冷门客户" in names
    for model in _models(view):
        qtmodeltester.check(model)
    row = names.index("冷门客户")
    index = page.neglected.index(row, 0)
    assert index.data(RECORD_ROLE) == ("account", filled["cold"])
    with qtbot.waitSignal(view.open_record) as signal:
        page.tables[0].doubleClicked.emit(index)
    assert signal.args == ["account", filled["cold"]]

    spend = view.spend_page
    assert spend.curve.chart is not None
    codes = {f.code for f in view.report.flags}
    assert FlagCode.DUPLICATE_GIFT in codes and FlagCode.COST_WITHOUT_ATTENDEE in codes
    assert "10%" in spend.summary.text() and "60%" in spend.summary.text()
    assert spend.tabs.tabText(4) == f"Flags ({len(view.report.flags)})"


def test_rep_filter_and_reload_on_change(view, filled, desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.reload()
    spend = view.spend_page
    reps = [spend.rep.itemData(i) for i in range(spend.rep.count())]
    assert "赵敏" in reps and "李娜" in reps
    spend.rep.setCurrentIndex(reps.index("赵敏"))
    with qtbot.waitSignal(view.spend_shown, timeout=2000):
        pass
    assert view.report.filtered and {ln.key for ln in view.report.reps} == {"赵敏"}
    # A write through the desk reloads the tab (after a short delay).
    from crmdesk.db.services import accounts

    desk.write(accounts.add_account, changes="account", name="新客户", tier="S", owner="赵敏").run()
    with qtbot.waitSignal(view.dashboard_shown, timeout=2000):
        pass
    assert any(a.name == "新客户" for a in view.dashboard.neglected)


def test_exports_are_written_on_the_worker(
    book, filled, tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """With the app's real task runner: the files are written on its worker thread, and
    ``export_to`` returns before they are."""
    import threading

    from crmdesk.ui.dashboard import view as view_module
    from crmdesk.ui.desk import Desk
    from crmdesk.ui.tasks import TaskRunner

    writers: dict[str, threading.Thread] = {}
    for name in ("write_xlsx", "write_csv"):
        real = getattr(view_module, name)

        def watched(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            writers[_name] = threading.current_thread()
            return _real(*args, **kwargs)

        monkeypatch.setattr(view_module, name, watched)
    runner = TaskRunner()
    team = TeamView(today=lambda: TODAY)
    qtbot.addWidget(team)
    team.show()
    try:
        team.set_desk(Desk(book, runner))
        team.reload()
        qtbot.waitUntil(lambda: team.report is not None, timeout=20_000)
        with qtbot.waitSignal(team.exported, timeout=20_000) as done:
            team.export_to(tmp_path / "spend", "xlsx")
            assert team.status.text() == "Exporting…"  # queued; the GUI thread goes on
            assert (
                "write_xlsx" not in writers or writers["write_xlsx"] is not threading.main_thread()
            )
        assert done.args == [str(tmp_path / "spend.xlsx")]
        assert writers["write_xlsx"].name.startswith("crmdesk-db")
        wb = load_workbook(tmp_path / "spend.xlsx")
        assert wb.sheetnames == ["By account", "By tier", "By rep", "By month", "Flags"]
        assert wb["By account"]["A1"].value == "Account"
        # For people: the month a date shown as one, amounts with their sign.
        months = wb["By month"]
        assert months["A2"].number_format == "mmm yyyy"
        assert months["B1"].value == "Currency" and months["C2"].number_format.startswith('"')
        team.spend_page.tabs.setCurrentIndex(2)  # by rep
        with qtbot.waitSignal(team.exported, timeout=20_000):
            team.export_to(tmp_path / "reps.csv", "csv")
        assert writers["write_csv"].name.startswith("crmdesk-db")
        with (tmp_path / "reps.csv").open(encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        assert rows[0][0] == "Rep" and "赵敏" in {r[0] for r in rows[1:]}
    finally:
        runner.shutdown()


def test_month_range_ending_before_it_starts_is_said(view, filled) -> None:  # type: ignore[no-untyped-def]
    view.reload()
    spend = view.spend_page
    before = view.report
    spend.first_month.setDate(spend.last_month.date().addMonths(2))
    view.reload_spend()
    assert "before it starts" in view.status.text()
    assert view.report is before


def test_team_tab_in_the_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.act_team.trigger()
    assert window.tabs.currentWidget() is window.team
    assert not window.detail.isVisible()
    assert window.tabs.tabText(window.tabs.indexOf(window.team)) == "Team"
    qtbot.waitUntil(lambda: window.team.dashboard is not None)
    assert window.team.dashboard.by_tier_owner
    # Double-click in the Team tab opens the record card in its own tab.
    account_id = window.team.dashboard.key_accounts[0].account_id
    window.team.open_record.emit("account", account_id)
    assert window.tabs.currentWidget() is window.accounts
    assert window.detail.isVisible()
    assert window.act_team.shortcut().toString() == "Ctrl+4"
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the shortcut
    assert window.tabs.currentWidget() is window.team


def test_every_empty_table_says_why(view) -> None:
    page, spend, managers = view.dashboard_page, view.spend_page, view.managers_page
    tables = [*page.tables, *spend.tables.values(), *managers.tables]
    for table in tables:
        assert table.model().rowCount() == 0
        assert table.empty_text and table.empty_text != "Loading…", table
    assert "key tier" in page.tables[0].empty_text
    assert "No open complaint." in managers.tables[4].empty_text
    assert "no retention to show yet" in managers.summary.text()


def test_retention_and_risk_page(view, filled, qtbot, qtmodeltester) -> None:
    view.reload()
    managers = view.managers_page
    assert view.pages.tabText(2) == "Retention and risk"
    for model in managers.models:
        qtmodeltester.check(model)
    risky = {r.facts.name: r for r in managers.risk.rows}
    cold = risky["冷门客户"]
    # Touched twice 400 days ago, never since: past its 30-day cadence, and its touches fell.
    assert (
        "400 days untouched (cadence 30)"
        in managers.risk.index(managers.risk.rows.index(cold), 3).data()
    )
    assert (
        "touches fell: 0 against 2 the year before"
        in managers.risk.index(managers.risk.rows.index(cold), 3).data()
    )
    chains = {c.name: c for c in managers.chains.rows}
    assert chains["冷门客户"].single_threaded
    assert managers.lists.tabText(0) == f"At risk ({len(managers.risk.rows)})"
    index = managers.risk.index(managers.risk.rows.index(cold), 0)
    assert index.data(RECORD_ROLE) == ("account", filled["cold"])
    with qtbot.waitSignal(view.managers_shown):
        managers.period.setCurrentIndex(1)  # quarters
    assert managers.views is not None
    assert (
        managers.views.retention.periods[-1].label == f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}"
    )


def test_many_owners_lie_down_with_every_label_readable(qapp) -> None:
    from PySide6.QtCharts import QBarCategoryAxis, QHorizontalStackedBarSeries, QStackedBarSeries

    from crmdesk.ui.dashboard.charts import stacked_bars_chart

    owners = [f"rep{i:02d}" for i in range(19)] + ["Alexandra Konstantinopoulou"]
    chart = stacked_bars_chart("t", owners, [("S", list(range(20)))])
    assert isinstance(chart.series()[0], QHorizontalStackedBarSeries)
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    labels = axis.categories()
    assert len(labels) == len(set(labels)) == 20  # every bar labelled, none merged
    assert labels[:19] == owners[:19]
    assert labels[19] == "Alexandra K…tinopoulou"  # 22 characters, cut in the middle
    few = stacked_bars_chart("t", owners[:4], [("S", [1, 2, 3, 4])])
    assert isinstance(few.series()[0], QStackedBarSeries)
