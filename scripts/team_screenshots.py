"""Screenshots of the Team tab's manager views: ``uv run python scripts/team_screenshots.py``.

In English and Simplified Chinese, on an empty book and on a 100,000-contact team book (the
dashboard benchmark's synthetic one: 5,000 accounts, 200,000 interactions, 20 reps, complaints on
one account in 25): the Dashboard (bars lying down past six owners) and the Retention and risk
page, as PNG files ``team-*-{empty,100k}-{en,zh_CN}.png`` in ``docs/screenshots/``.

``--book PATH`` keeps the 100k book (built once, a few minutes) for later runs; ``--contacts N``
sets its size. Runs with no display (Qt's offscreen platform); Chinese needs a CJK font.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
KEY = b"k" * 32  # a synthetic book: the key guards nothing


def _team_book(path: Path, contacts: int) -> None:
    """Build the benchmark's synthetic team book at ``path`` (unless it is there already)."""
    from sqlalchemy.orm import Session

    from crmdesk.bench.dashboard import _add_history
    from crmdesk.bench.synthetic import generate, insert_rows
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current

    if path.exists():
        return
    engine = create_book_engine(path, RawKey(KEY))
    try:
        ensure_current(engine, path)
        data = generate(contacts, 20261125)
        with engine.begin() as conn:
            insert_rows(conn, data)
        with Session(engine) as session, session.begin():
            _add_history(session, data, 20261125, dt.date.today())
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--book", type=Path, help="where to keep the 100k book")
    parser.add_argument("--contacts", type=int, default=100_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication, QWidget

    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build

    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("crmdesk")
    args.out.mkdir(parents=True, exist_ok=True)

    from shots import save as save_png
    from shots import settle, wait_for

    def save(widget: QWidget, name: str) -> None:
        save_png(widget, args.out / f"{name}.png")

    with tempfile.TemporaryDirectory(prefix="crmdesk-team-shots-") as tmp:
        work = Path(tmp)
        empty = work / "empty.crmdesk"
        big = args.book or work / "team.crmdesk"
        _team_book(big, args.contacts)
        for label, path in (("empty", empty), ("100k", big)):
            engine = create_book_engine(path, RawKey(KEY))
            ensure_current(engine, path)
            info = BookInfo(book_id=f"team-{label}", key_source="passphrase")
            book = Book(path, info, engine, None)
            for language in ("en", "zh_CN"):
                settings_path = work / f"settings-{label}-{language}.ini"
                store = s.Settings(settings_path)
                store.set(s.LANGUAGE, language)
                store.set(s.MY_NAME, "李娜")
                store.sync()
                built = build(path, settings_path=settings_path, translations_cache=work / "qm")
                window = built.window
                window.resize(1360, 860)
                window.show()
                built.session.adopt(book)
                team = window.team
                window.tabs.setCurrentWidget(team)
                page = team.dashboard_page
                wait_for(
                    lambda t=team, p=page: t.dashboard is not None and p.occasions_loaded,
                    timeout_ms=300_000,
                    step_ms=100,
                )
                settle(800)
                save(window, f"team-dashboard-{label}-{language}")
                team.pages.setCurrentWidget(team.managers_page)
                wait_for(lambda t=team: t.managers_page.views is not None, timeout_ms=300_000)
                settle(800)
                save(window, f"team-risk-{label}-{language}")
                team.managers_page.lists.setCurrentIndex(1)
                settle(400)
                save(window, f"team-chains-{label}-{language}")
                window.hide()
            book.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
