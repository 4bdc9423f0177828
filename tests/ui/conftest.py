"""Fixtures for the desktop app's tests: a real encrypted book, the sample data, a window.

Every UI test runs on a fixed clock (``TODAY``, ticking from 10:00 Beijing time), so the sample
book's dates and what the app computes from "today" are the same whichever day the suite runs.

Tasks run inline (on the test's thread, callbacks before ``run()`` returns) unless a test asks
for the real worker thread; the book is always a real SQLCipher file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from crmdesk.db.book import Book
from crmdesk.db.sample import SampleIds, fill_sample
from tests.book_template import BookTemplate, make_template
from tests.server.live import Database, LiveBackends, LiveServer

# A Monday in mid-June: the sample's visits (up to 120 days back) all fall in one year.
TODAY = dt.date(2026, 6, 15)

# WORKAROUND: Qt's offscreen platform (the one CI uses) warns "This plugin does not support
# propagateSizeHints()" (and raise(), grabbing the keyboard) when a window or a completer popup
# asks for what it cannot do; the warning is about the plugin, not about crmdesk. Every other Qt
# warning still fails a test (qt_log_level_fail).
OFFSCREEN_NOISE = (
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would: keys for ASCII, an input-method commit
    (how a Chinese IME delivers 张伟) for anything else. QTest's key clicks cover ASCII only.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


# 10:00 Beijing time on TODAY.
CLOCK_START = dt.datetime.combine(TODAY, dt.time(2, 0), tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    """Python's clock (``date.today``, ``datetime.now``, ``time.time``) starts at ``TODAY``."""
    with time_machine.travel(CLOCK_START, tick=True):
        yield


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[BookTemplate, SampleIds]:
    """The sample book, filled once per worker as a test would fill it, on the fixed day.

    Its clock starts ten minutes before the tests' own: whatever a test makes is newer than
    the sample, however long the filling took (a test ordering by ``created_at`` found the
    sample's follow-up newer than its own on a loaded machine).
    """
    ids: list[SampleIds] = []

    def fill(made: Book) -> None:
        with made.session() as s, s.begin():
            ids.append(fill_sample(s, today=TODAY))

    with time_machine.travel(CLOCK_START - dt.timedelta(minutes=10), tick=True):
        template = make_template(tmp_path_factory.mktemp("sample") / "sample.crmdesk", fill)
    return template, ids[0]


@pytest.fixture
def book_source(request: pytest.FixtureRequest, book_template: BookTemplate) -> BookTemplate:
    """``book`` already holds the sample where the test asks for ``sample``."""
    if "sample" in request.fixturenames:
        sample_book: BookTemplate = request.getfixturevalue("sample_template")[0]
        return sample_book
    return book_template


@pytest.fixture
def sample(book: Book, sample_template: tuple[BookTemplate, SampleIds]) -> SampleIds:
    """The ids of the sample's records in ``book`` (a copy of the sample template)."""
    return sample_template[1]


@pytest.fixture(scope="module")
def sync_db(live_backends: LiveBackends) -> Database:
    return live_backends.db("sqlite")


@pytest.fixture(scope="module")
def live(live_backends: LiveBackends) -> LiveServer:
    """The session's SQLite sync server (tests keep to users of their own)."""
    return live_backends.server("sqlite")


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def runner(qtbot):
    from crmdesk.ui.tasks import TaskRunner

    r = TaskRunner(inline=True)
    yield r
    r.shutdown()


@pytest.fixture
def desk(qtbot, book: Book, runner):
    from crmdesk.ui.desk import Desk

    return Desk(book, runner)


@pytest.fixture
def app(qtbot, tmp_path: Path, settings_path: Path) -> Iterator[object]:
    """The whole app over a book that does not exist yet (inline tasks), in English."""
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build

    store = s.Settings(settings_path)
    store.set(s.LANGUAGE, "en")
    store.sync()

    built = build(
        tmp_path / "book.crmdesk",
        settings_path=settings_path,
        inline=True,
        translations_cache=tmp_path / "qm",
    )
    qtbot.addWidget(built.window)
    yield built
    built.session.close()
    built.runner.shutdown()


@pytest.fixture
def window(app, book: Book, sample: SampleIds, qtbot):
    """The main window, unlocked on the sample book."""
    app.window.show()
    app.session.adopt(book)
    model = app.window.contacts.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.cached_row(0) is not None)
    return app.window
