"""The planner view, its dialogs and the reminders, headless over a real encrypted book.

Tasks run inline (conftest), so a load or a save has finished when the call returns; a reload
after a write waits for the view's short debounce timer.
"""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate as RefLunar
from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, Qt
from PySide6.QtWidgets import QSystemTrayIcon

from crmdesk.core.agenda_sections import SectionKind
from crmdesk.core.dates import DateSpec
from crmdesk.core.money import Money
from crmdesk.core.planner import PlanInput, build_plan
from crmdesk.core.planner_config import PlannerSettings
from crmdesk.db import planner_settings
from crmdesk.db.book import Book
from crmdesk.db.services import accounts, contacts, followups, important_dates, interactions, tiers
from crmdesk.db.services.interactions import NewGift
from crmdesk.ui.planner import PlannerNotifier, PlannerView
from crmdesk.ui.planner.model import (
    BUDGET,
    DAY_ROLE,
    ITEM_ID_ROLE,
    LAST_GIFT,
    SECTION_ROLE,
    WHEN,
    WHY,
    AgendaModel,
)

TODAY = dt.date(2026, 1, 10)
LUNAR_BIRTHDAY = RefLunar(2025, 12, 5).to_solar_date()  # 2026-01-23, by lunardate


@pytest.fixture
def ids(book: Book) -> dict[str, str]:
    with book.session() as s, s.begin():
        account = accounts.add_account(s, name="华为", tier="A", owner="Wang")
        zhang = contacts.add_contact(s, name="张伟", account_id=account.id, tier="S", owner="Li")
        lina = contacts.add_contact(s, name="李娜", tier="C", tags=["golf"])
        own = important_dates.add_important_date(
            s, contact_id=zhang.id, kind="birthday", date=DateSpec.parse("L1975-12-05")
        )
        important_dates.add_important_date(
            s, contact_id=lina.id, kind="birthday", date=DateSpec.parse("01-15")
        )
        for who in (zhang.id, lina.id):
            interactions.log_interaction(
                s,
                occurred_at=dt.datetime(2026, 1, 2, 10, tzinfo=dt.UTC),
                kind="gift",
                attendee_ids=[who],
                gifts=[NewGift("茶叶", Money(60_000), who)],
            )
        followups.add_follow_up(
            s, due_on=dt.date(2026, 1, 12), description="Send the quote", contact_id=zhang.id
        )
    return {"zhang": zhang.id, "lina": lina.id, "own": own.id}


@pytest.fixture
def view(qtbot, desk, ids: dict[str, str]) -> PlannerView:
    widget = PlannerView(desk, today=lambda: TODAY)
    qtbot.addWidget(widget)
    return widget


def item_ids(view: PlannerView) -> list[str]:
    assert view.plan is not None
    return [item.id for item in view.plan.items()]


def test_the_agenda_model_passes_the_model_tester(qtmodeltester, book: Book, ids) -> None:
    from crmdesk.db.planning import load_plan_input

    with book.session() as s:
        data = load_plan_input(s)
    model = AgendaModel()
    model.set_plan(build_plan(data, start=TODAY, days=60))
    # A day a row: the follow-up (12 Jan), 李娜's birthday (15 Jan), 张伟's lunar one (23 Jan, by
    # lunardate), Spring Festival (17 Feb, the published table) and the Lantern Festival, lunar
    # 1-15, two weeks later (3 Mar). Nobody is past their cadence on the first day.
    days = []
    for section in range(model.rowCount()):  # sections (today, this week...), their items below
        parent = model.index(section, 0)
        for row in range(model.rowCount(parent)):
            day = model.index(row, 0, parent).data(DAY_ROLE)
            if day is not None and day not in days:
                days.append(day)
    assert days == [
        dt.date(2026, 1, 12), dt.date(2026, 1, 15), LUNAR_BIRTHDAY,
        dt.date(2026, 2, 17), dt.date(2026, 3, 3),
    ]  # fmt: skip
    qtmodeltester.check(model)
    model.set_plan(build_plan(PlanInput(), start=TODAY, days=7))
    qtmodeltester.check(model)


def test_the_view_shows_the_plan_in_sections_and_marks_the_calendar(
    view: PlannerView, ids: dict[str, str]
) -> None:
    assert f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}" in item_ids(view)
    model = view.model
    kinds = [model.data(model.index(row, 0), SECTION_ROLE) for row in range(model.rowCount())]
    # 10 January: nothing today; the follow-up (12th) and 李娜's birthday (15th) this week;
    # 张伟's lunar birthday (23rd) later.
    assert kinds == ["today", "week", "later"]
    week = model.section_index(SectionKind.WEEK)
    assert view.tree.isExpanded(week)
    days = [model.data(model.index(r, 0, week), DAY_ROLE) for r in range(model.rowCount(week))]
    assert days == [dt.date(2026, 1, 12), dt.date(2026, 1, 15)]
    birthday = model.day_index(LUNAR_BIRTHDAY)
    assert birthday.parent() == model.section_index(SectionKind.LATER)
    row, parent = birthday.row(), birthday.parent()
    assert "张伟" in model.data(birthday)
    assert model.data(model.index(row, WHEN, parent)) == "23 Jan 2026"
    assert "turns 50" in model.data(model.index(row, WHY, parent))
    budget = model.data(model.index(row, BUDGET, parent))
    assert budget == "¥" + QLocale().toString(1000.0, "f", 2)  # tier S's budget, in yuan
    assert "茶叶" in model.data(model.index(row, LAST_GIFT, parent))  # the last gift
    # A birthday is a key occasion: marked in the accent colour; a follow-up day only in bold.
    key = view.calendar.dateTextFormat(QDate(2026, 1, 23))
    plain = view.calendar.dateTextFormat(QDate(2026, 1, 12))
    assert key.fontWeight() == plain.fontWeight() == 700
    assert key.background() != plain.background()
    assert view.calendar.dateTextFormat(QDate(2026, 1, 24)).fontWeight() != 700
    assert "28 February" in view.policies.text()


def test_overdue_items_are_folded_oldest_first_and_today_comes_first(
    qtbot, desk, ids: dict[str, str], book: Book
) -> None:
    with book.session() as s, s.begin():
        for due, what in ((dt.date(2026, 1, 3), "Call back"), (dt.date(2025, 12, 1), "Old one")):
            followups.add_follow_up(s, due_on=due, description=what, contact_id=ids["lina"])
        followups.add_follow_up(
            s, due_on=dt.date(2026, 1, 12), description="Today's", contact_id=ids["lina"]
        )
    widget = PlannerView(desk, today=lambda: dt.date(2026, 1, 12))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.plan is not None)
    model = widget.model
    assert model.data(model.index(0, 0), SECTION_ROLE) == "today"
    today = model.section_index(SectionKind.TODAY)
    texts = [model.data(model.index(r, WHY, today)) for r in range(model.rowCount(today))]
    assert texts == ["Send the quote", "Today's"] or sorted(texts) == ["Send the quote", "Today's"]
    overdue = model.section_index(SectionKind.OVERDUE)
    assert overdue.isValid() and not widget.tree.isExpanded(overdue)
    assert "— 2 item" in model.data(overdue)  # the count shows while folded
    whys = [model.data(model.index(r, WHY, overdue)) for r in range(model.rowCount(overdue))]
    assert whys[0].startswith("Old one") and whys[1].startswith("Call back")
    assert model.data(model.index(0, WHEN, overdue)) == "1 Dec 2025"


def test_clicking_a_calendar_day_selects_it(view: PlannerView, qtbot) -> None:
    view.calendar.setSelectedDate(QDate(2026, 1, 15))
    view.calendar.clicked.emit(QDate(2026, 1, 15))
    assert view.day_of(view.tree.currentIndex()) == dt.date(2026, 1, 15)
    assert not view.select_day(dt.date(2026, 1, 16))


def test_done_logs_the_gift_on_the_worker_and_the_plan_ticks_it(
    view: PlannerView, ids: dict[str, str], book: Book, qtbot
) -> None:
    item_id = f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}"
    assert view.select_item(item_id)
    assert view.done_button.isEnabled()
    dialog = view.open_done()
    assert dialog is not None
    dialog.cost.setText("¥800")
    dialog.gift.setText("紫砂壶")
    assert dialog.kind.currentData() == "gift"
    with qtbot.waitSignal(dialog.completed) as done:
        dialog.save()
    assert done.args[0].interactions[0].cost == Money(80_000)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.find(item_id).done)  # type: ignore[union-attr]
    with book.session() as s:
        logged = interactions.list_interactions(s, contact_id=ids["zhang"])
    assert logged[0].gifts[0].description == "紫砂壶"
    index = view.model.find(item_id)
    assert view.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.model.data(index, ITEM_ID_ROLE) == item_id


def test_several_items_marked_done_at_once_each_logged_with_its_cost(
    view: PlannerView, ids: dict[str, str], book: Book, qtbot
) -> None:
    assert not view.bulk_button.isEnabled()
    birthdays = [
        view.model.find(f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}"),
        view.model.day_index(dt.date(2026, 1, 15)),
    ]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for index in birthdays:
        view.tree.selectionModel().select(index, flags)
    assert len(view.selected_items()) == 2 and view.bulk_button.isEnabled()
    assert "2" in view.bulk_button.text()
    dialog = view.open_bulk_done()
    assert dialog is not None and dialog.list.count() == 2
    with qtbot.waitSignal(dialog.completed) as done:
        dialog.save()
    assert len(done.args[0]) == 2
    with book.session() as s:
        zhang = interactions.list_interactions(s, contact_id=ids["zhang"])
        lina = interactions.list_interactions(s, contact_id=ids["lina"])
    # Each its own greeting, with its tier's suggested budget (S: 1,000; C: none set here).
    assert zhang[0].kind == "greeting" and zhang[0].cost == Money(100_000)
    assert lina[0].kind == "greeting"
    qtbot.waitUntil(lambda: all(view.plan.find(i.id).done for i in dialog.items))  # type: ignore[union-attr]


def test_the_same_gift_twice_is_shown_at_the_gift_field(
    view: PlannerView, ids: dict[str, str]
) -> None:
    assert view.select_item(f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}")
    dialog = view.open_done()
    assert dialog is not None
    dialog.gift.setText("茶叶")
    dialog.save()
    assert dialog.isVisible()
    error = dialog.form.error_label("gift")
    assert error is not None and not error.isHidden()
    assert "never the same gift twice" in error.text()
    dialog.cost.setText("eight hundred")
    dialog.save()
    cost_error = dialog.form.error_label("cost")
    assert cost_error is not None and not cost_error.isHidden()


def test_the_settings_panel_saves_policies_and_cadences(
    view: PlannerView, book: Book, qtbot
) -> None:
    dialog = view.open_settings()
    assert dialog is not None
    dialog.feb29.setCurrentIndex(dialog.feb29.findData("mar1"))
    dialog.lead.setValue(10)
    dialog.cadences["S"].setValue(45)
    row = next(
        r
        for r in range(dialog.festivals.rowCount())
        if dialog.festivals.item(r, 0).data(Qt.ItemDataRole.UserRole + 1) == "intl.christmas"  # type: ignore[union-attr]
    )
    dialog.festivals.item(row, 1).setText("S, A")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    with book.session() as s:
        stored = planner_settings.load_settings(s)
        cadence = {t.code: t.cadence_days for t in tiers.list_tiers(s)}
    assert (stored.policy.feb29, stored.lead_days) == ("mar1", 10)
    assert stored.tiers_for("intl.christmas") == ("S", "A")
    assert cadence["S"] == 45
    qtbot.waitUntil(lambda: "1 March" in view.policies.text())


def test_a_bad_festival_tier_list_is_shown_at_its_field(view: PlannerView) -> None:
    dialog = view.open_settings()
    assert dialog is not None
    dialog.festivals.item(0, 1).setText("S; ???")  # type: ignore[union-attr]
    dialog.save()
    error = dialog.form.error_label("tiers")
    assert error is not None and not error.isHidden()


def test_the_notifier_reminds_at_start_then_once_a_day(qtbot, desk, ids) -> None:
    clock = [dt.datetime(2026, 1, 12, 8, 0)]
    notifier = PlannerNotifier(now=lambda: clock[0])
    assert (notifier.tray is None) == (not QSystemTrayIcon.isSystemTrayAvailable())
    with qtbot.waitSignal(notifier.reminded) as shown:
        notifier.set_desk(desk)
    reminders = shown.args[0]
    assert [i.follow_up.description for i in reminders.follow_ups_due] == ["Send the quote"]  # type: ignore[union-attr]
    # 李娜's birthday is on the 15th; with the 7-day lead its gift should have been bought by
    # the 8th, so nothing to buy today; 张伟's (23rd) is bought by the 16th.
    assert reminders.buy_today == ()
    title, body = notifier.message(reminders)
    assert "Send the quote" in body and title
    assert not notifier.check()  # shown today already
    clock[0] = dt.datetime(2026, 1, 16, 9, 0)
    with qtbot.waitSignal(notifier.reminded) as shown:
        assert notifier.check()
    assert [i.contact.name for i in shown.args[0].buy_today] == ["张伟"]  # type: ignore[union-attr]
    notifier.set_desk(None)
    assert not notifier.timer.isActive()


def test_the_view_forgets_the_plan_on_lock(view: PlannerView) -> None:
    assert view.plan is not None
    view.set_desk(None)
    assert view.plan is None and view.model.rowCount() == 0
    assert not view.done_button.isEnabled()
    assert PlannerSettings() == view.settings


def test_loading_and_planning_run_on_the_worker_thread(
    qtbot, book: Book, ids, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from crmdesk.ui.desk import Desk
    from crmdesk.ui.planner import view as view_module
    from crmdesk.ui.tasks import TaskRunner

    threads: list[str] = []
    original = view_module.load_for_planner

    def spy(session):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return original(session)

    monkeypatch.setattr(view_module, "load_for_planner", spy)
    runner = TaskRunner()
    try:
        widget = PlannerView(today=lambda: TODAY)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.plan_shown, timeout=10_000):
            widget.set_desk(Desk(book, runner))
        assert threads and threads[0].startswith("crmdesk-db")
        assert f"date:{ids['own']}:{LUNAR_BIRTHDAY.isoformat()}" in item_ids(widget)
        widget.set_desk(None)
    finally:
        runner.shutdown()


def test_a_festival_row_or_day_starts_a_campaign_with_the_filters(qtbot, view: PlannerView) -> None:
    spring = RefLunar(2026, 1, 1).to_solar_date()  # 2026-02-17, by lunardate
    view.days.setValue(60)
    view.owner.setCurrentIndex(view.owner.findData("Li"))
    view.tier_chips["S"].setChecked(True)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.filters.owner == "Li")
    # A row that is no festival, on a day without one: nothing to start.
    assert view.select_day(dt.date(2026, 1, 12))
    assert not view.campaign_action.isEnabled()
    assert view.select_day(spring)
    assert view.current_item().festival_day is not None  # type: ignore[union-attr]
    assert view.campaign_action.isEnabled()
    assert view.campaign_action.text() == "Start a campaign for Spring Festival 2026…"
    assert view.campaign_action in view.tree.actions() and view.campaign_action in (
        view.calendar.actions()
    )
    with qtbot.waitSignal(view.campaign_requested) as asked:
        view.campaign_action.trigger()
    assert asked.args == ["cn.spring_festival", 2026, ["S"], "Li"]
    # From the calendar: clicking the festival's day selects it in the agenda, and the menu of
    # the day offers the same campaign.
    view.select_day(dt.date(2026, 1, 12))
    view.calendar.setSelectedDate(QDate(spring.year, spring.month, spring.day))
    view.calendar.clicked.emit(QDate(spring.year, spring.month, spring.day))
    assert view.campaign_action.isEnabled()
    with qtbot.waitSignal(view.campaign_requested) as asked:
        view.campaign_action.trigger()
    assert asked.args[:2] == ["cn.spring_festival", 2026]


def test_a_reloaded_input_frees_the_old_one_on_the_worker(view: PlannerView, qtbot) -> None:
    qtbot.waitUntil(lambda: view.plan is not None)
    old = view._loaded
    assert old is not None and old.data.contacts
    shown = item_ids(view)
    view.reload()
    qtbot.waitUntil(lambda: view._loaded is not old)
    # The worker empties the old input a slice at a time; the GUI thread never frees it whole.
    qtbot.waitUntil(lambda: not old.data.contacts and not old.data.dates)
    assert view._loaded is not None and view._loaded.data.contacts
    qtbot.waitUntil(lambda: item_ids(view) == shown)
