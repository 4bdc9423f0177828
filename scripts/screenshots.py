"""Screenshots of the desktop app for the README: ``uv run python scripts/screenshots.py``.

Makes a sample book (a real encrypted file in a temporary directory, keyed in memory), opens the
app on it and saves, in English and in Simplified Chinese (and the main window in Traditional
Chinese and in the dark theme), the main window with a contact's card, the account card, the
"log a visit" dialog and the pre-visit brief, as PNG files in ``docs/screenshots/``.

Runs on a display, under ``xvfb-run``, or with no display at all (Qt's offscreen platform is used
then). Chinese needs a CJK font (Debian: ``apt-get install fonts-noto-cjk``).
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current
    from crmdesk.db.sample import fill_sample
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build
    from crmdesk.ui.brief import BriefDialog
    from crmdesk.ui.visit import VisitDialog

    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("crmdesk")
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(condition: object, timeout_ms: int = 10_000) -> None:
        waited = 0
        while not condition() and waited < timeout_ms:  # type: ignore[operator]
            settle(50)
            waited += 50

    def save(widget: QWidget, name: str) -> None:
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        sys.stdout.write(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}\n")

    with tempfile.TemporaryDirectory(prefix="crmdesk-shots-") as tmp:
        work = Path(tmp)
        path = work / "book.crmdesk"
        engine = create_book_engine(path, RawKey.generate())
        ensure_current(engine, path)
        book = Book(path, BookInfo(book_id="screenshots", key_source="passphrase"), engine, None)
        with book.session() as session, session.begin():
            ids = fill_sample(session, today=dt.date.today())

        def shoot(language: str, theme: str, *, full: bool) -> None:
            settings_path = work / f"settings-{language}-{theme}.ini"
            store = s.Settings(settings_path)
            store.set(s.LANGUAGE, language)
            store.set(s.THEME, theme)
            store.set(s.MY_NAME, "李娜")
            store.sync()
            built = build(path, settings_path=settings_path, translations_cache=work / "qm")
            window = built.window
            window.resize(1360, 820)
            window.show()
            built.session.adopt(book)
            panel = window.contacts
            wait_for(lambda: panel.model.cached_row(0) is not None)
            panel.select_id(ids.boss)
            wait_for(lambda: window.detail.page is not None)
            settle()
            suffix = f"{language}" + ("-dark" if theme == "dark" else "")
            save(window, f"main-{suffix}")
            if not full:
                built.window.hide()
                return
            window.tabs.setCurrentWidget(window.accounts)
            wait_for(lambda: window.accounts.model.cached_row(0) is not None)
            window.accounts.select_id(ids.account)
            wait_for(lambda: window.detail.page is not None and window.detail.shown is not None
                     and window.detail.shown.kind == "account")  # fmt: skip
            settle()
            save(window, f"account-{suffix}")
            window.tabs.setCurrentWidget(window.planner)
            planner = window.planner
            planner.days.setValue(60)
            wait_for(lambda: planner.model.rowCount() > 0)
            settle(600)
            save(window, f"planner-{suffix}")
            window.tabs.setCurrentWidget(panel)
            panel.select_id(ids.boss)
            settle()
            dialog = window.log_visit()
            assert isinstance(dialog, VisitDialog)
            dialog.attendees.add(ids.coach, "王丽")
            dialog.place.setText("华东重工 12 楼会议室")
            dialog.summary.setPlainText(
                "曾总确认下周三看样机，王丽负责安排会议室。"
                if language.startswith("zh")
                else "Mr Zeng will see the prototype next Wednesday; Wang Li books the room."
            )
            dialog.cost.setText("¥680")
            dialog.gift.setText("武夷岩茶")
            dialog.gift_value.setText("600")
            dialog.next_step.setText("寄送样机参数" if language.startswith("zh") else "Send specs")
            dialog.follow_up.setChecked(True)
            settle()
            save(dialog, f"visit-{suffix}")
            dialog.reject()
            window.show_brief()
            wait_for(lambda: window.findChild(BriefDialog) is not None)
            brief = window.findChild(BriefDialog)
            assert brief is not None
            brief.resize(760, 980)
            settle()
            save(brief, f"brief-{suffix}")
            brief.reject()
            window.hide()

        shoot("en", "light", full=True)
        shoot("zh_CN", "light", full=True)
        shoot("zh_TW", "light", full=False)
        shoot("en", "dark", full=False)
        book.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
