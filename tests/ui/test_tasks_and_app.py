"""The task runner's threading contract, the app's start-up checks, and lunar date text."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QLocale

from crmdesk.core.errors import ValidationError
from crmdesk.ui.app import build, display_problem
from crmdesk.ui.pages import lunar_day_name, lunar_text
from crmdesk.ui.tasks import TaskRunner


def test_work_runs_on_one_worker_and_callbacks_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []

    def work(n: int) -> int:
        seen.append(("work", threading.get_ident()))
        return n * 2

    results: list[int] = []

    def done(result: int) -> None:
        results.append(result)
        seen.append(("cb", threading.get_ident()))

    for n in range(5):
        runner.op(work, n).success(done).run()
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 2, 4, 6, 8]  # in order
    workers = {t for kind, t in seen if kind == "work"}
    assert len(workers) == 1 and gui not in workers
    assert {t for kind, t in seen if kind == "cb"} == {gui}
    assert runner.is_idle()
    runner.shutdown()


def test_a_newer_op_with_the_same_key_supersedes_the_older(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    got: list[str] = []
    runner.op(gate.wait, 5).run()  # holds the worker while the queries queue up
    ran: list[str] = []
    for text in ("z", "zh", "zha", "zhang"):
        runner.op(lambda t=text: ran.append(t) or t).key("search").success(got.append).run()
    gate.set()
    qtbot.waitUntil(runner.is_idle)
    assert got == ["zhang"]
    assert ran == ["zhang"]  # the stale ones were skipped, not run
    runner.shutdown()


def test_failures_reach_the_failure_callback_or_the_unhandled_handler(qtbot):
    runner = TaskRunner()

    def bad() -> None:
        raise ValidationError("nope", field="name")

    errors: list[BaseException] = []
    runner.op(bad).failure(errors.append).run()
    unhandled: list[BaseException] = []
    runner.unhandled = unhandled.append
    runner.op(bad).run()
    qtbot.waitUntil(runner.is_idle)
    assert [e.field for e in errors] == ["name"]
    assert len(unhandled) == 1
    runner.shutdown()


def test_inline_mode_raises_an_unhandled_failure(qtbot):
    runner = TaskRunner(inline=True)
    with pytest.raises(ZeroDivisionError):
        runner.op(lambda: 1 / 0).run()


def test_the_real_worker_thread_drives_the_window(qtbot, tmp_path, settings_path, book, sample):
    from crmdesk.ui import settings as s

    store = s.Settings(settings_path)
    store.set(s.LANGUAGE, "en")
    store.sync()
    built = build(tmp_path / "x.crmdesk", settings_path=settings_path, translations_cache=tmp_path)
    qtbot.addWidget(built.window)
    try:
        built.window.show()
        with qtbot.waitSignal(built.window.ready, timeout=10_000):
            built.session.adopt(book)
        assert built.window.contacts.model.rowCount() == 7
        panel = built.window.contacts
        panel.search.setText("zgl")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    finally:
        built.session.close()
        built.runner.shutdown()


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({}, "no display"),
        ({"DISPLAY": ":0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
    ],
)
def test_no_display_is_said_plainly(env, problem):
    found = display_problem(env, "linux")
    if problem is None:
        assert found is None or "apt-get install" in found
    else:
        assert found is not None and problem in found and "xvfb-run" in found
    assert display_problem({}, "darwin") is None


def test_lunar_dates_read_as_lunar_in_each_language():
    assert [lunar_day_name(d) for d in (1, 10, 11, 15, 20, 21, 30)] == [
        "初一", "初十", "十一", "十五", "二十", "廿一", "三十"
    ]  # fmt: skip
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert lunar_text(8, 15) == "农历八月十五"
        assert lunar_text(1, 1) == "农历正月初一"
        assert lunar_text(12, 8, year=1985) == "农历腊月初八（1985）"
        assert lunar_text(4, 10, leap=True) == "农历闰四月初十"
        QLocale.setDefault(QLocale("zh_TW"))
        assert lunar_text(12, 8) == "農曆臘月初八"
        assert lunar_text(4, 10, leap=True) == "農曆閏四月初十"
        QLocale.setDefault(QLocale("en_US"))
        assert lunar_text(8, 15) == "lunar month 8, day 15"
        assert lunar_text(4, 10, leap=True) == "lunar leap month 4, day 10"
    finally:
        QLocale.setDefault(QLocale("en_US"))
