"""Screenshots of the desktop app for the README: ``uv run python scripts/screenshots.py``.

Makes a sample book (a real encrypted file in a temporary directory, keyed in memory), opens the
app on it and saves, in English and in Simplified Chinese (and the main window in Traditional
Chinese and in the dark theme), the main window with a contact's card, the account card, the
"log a visit" dialog, the pre-visit brief and the Backups dialog, as PNG files in
``docs/screenshots/`` (the helpers it shares with ``team_screenshots.py`` are in ``shots.py``).

Then the screens of issue #6, in English and Simplified Chinese: the Team tab (Dashboard and
Spend), the import wizard on a small GBK CSV (its column mapping and its duplicates), and the
manager's Hand over and Team and devices dialogs. Those two talk to a real company server: the
script starts ``crmdesk-server`` on a loopback port with a temporary SQLite database, makes a
team, a manager and two reps with the server's CLI, enrols two rep books and then the sample
book as the manager, and stops the server at the end.

Every screen in English, Simplified and Traditional Chinese, at 100% and 150% scaling (the 150%
set is made by a second run of this script with ``QT_SCALE_FACTOR=1.5``, named ``…@150.png``),
plus the first-run screens: the welcome dialog, the lock screen after a wrong passphrase with a
long book path, and an empty book's three ways forward.

Runs on a display, under ``xvfb-run``, or with no display at all (Qt's offscreen platform is used
then). Chinese needs a CJK font (Debian: ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--scales", default="1,1.5", help="scale factors, each run in its own process (1,1.5)"
    )
    parser.add_argument("--scale", type=float, help=argparse.SUPPRESS)  # one run's own scale
    parser.add_argument("--languages", default="en,zh_CN,zh_TW")
    args = parser.parse_args(argv)
    if args.scale is None:
        # Qt reads the scale factor when the application starts: one process per scale.
        for scale in (float(x) for x in args.scales.split(",")):
            env = {**os.environ, "QT_SCALE_FACTOR": f"{scale:g}"}
            command = [sys.executable, str(Path(__file__).resolve()), "--out", str(args.out),
                       "--scale", f"{scale:g}", "--languages", args.languages]  # fmt: skip
            done = subprocess.run(command, env=env, check=False)
            if done.returncode:
                return done.returncode
        return 0
    suffix_scale = "" if args.scale == 1 else f"@{round(args.scale * 100)}"
    languages = args.languages.split(",")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication, QWidget

    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current
    from crmdesk.db.sample import fill_sample
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build
    from crmdesk.ui.brief import BriefDialog
    from crmdesk.ui.handover_dialog import HandoverDialog
    from crmdesk.ui.team_dialog import TeamDialog
    from crmdesk.ui.visit import VisitDialog

    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("crmdesk")
    args.out.mkdir(parents=True, exist_ok=True)

    from shots import save as save_png
    from shots import settle, wait_for

    def save(widget: QWidget, name: str) -> None:
        save_png(widget, args.out / f"{name}{suffix_scale}.png")

    with tempfile.TemporaryDirectory(prefix="crmdesk-shots-") as tmp:
        work = Path(tmp)
        path = work / "book.crmdesk"
        key = RawKey.generate()  # kept: the backup below is checked with it
        engine = create_book_engine(path, key)
        ensure_current(engine, path)
        info = BookInfo(book_id="screenshots", key_source="passphrase")
        book = Book(path, info, engine, None, key)
        with book.session() as session, session.begin():
            ids = fill_sample(session, today=dt.date.today())
        from crmdesk.ui.maintenance import back_up

        back_up(book)  # one checked backup (beside the book), for the Backups dialog

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
            backups = window.tools.open_dialog()
            wait_for(lambda: backups.table.rowCount() > 0)
            settle()
            save(backups, f"maintenance-{suffix}")
            backups.reject()
            window.hide()

        def shoot_first_run(language: str) -> None:
            from crmdesk.core.errors import WrongKeyError
            from crmdesk.ui.unlock import WelcomeDialog

            settings_path = work / f"settings-first-{language}.ini"
            store = s.Settings(settings_path)
            store.set(s.LANGUAGE, language)
            store.sync()
            empty_path = work / f"empty-{language}.crmdesk"
            built = build(empty_path, settings_path=settings_path, translations_cache=work / "qm")
            window = built.window
            window.resize(1360, 820)
            window.show()
            # The lock screen after a wrong passphrase, with a long book path.
            window.lock_screen.set_path(LONG_PATH)
            window._show_locked("passphrase")
            window.lock_screen.show_error(WrongKeyError("wrong key", code="wrong_key"))
            settle()
            save(window, f"unlock-{language}")
            welcome = WelcomeDialog(empty_path, built.runner, window)
            welcome.show()
            welcome.use_passphrase.setChecked(True)
            settle()
            save(welcome, f"welcome-{language}")
            welcome.reject()
            # An empty book: three ways forward.
            engine = create_book_engine(empty_path, RawKey.generate())
            ensure_current(engine, empty_path)
            empty = Book(empty_path, BookInfo(book_id=f"empty-{language}", key_source="passphrase"),
                         engine, None)  # fmt: skip
            built.session.adopt(empty)
            wait_for(lambda: window.stack.currentWidget() is window.first_steps)
            settle()
            save(window, f"first-steps-{language}")
            window.hide()
            empty.close()

        for language in languages:
            shoot(language, "light", full=True)
            shoot_first_run(language)
        shoot("en", "dark", full=False)

        # -- issue #6: the Team tab, the import wizard, the manager's dialogs ------------------
        csv_path = work / "客户名单.csv"
        csv_path.write_bytes(IMPORT_CSV.encode("gbk"))
        server = CompanyServer(work)
        try:
            server.start()
            server.enrol_reps(work)
            server.enrol(book)

            def shoot_company(language: str) -> None:
                settings_path = work / f"settings-company-{language}.ini"
                store = s.Settings(settings_path)
                store.set(s.LANGUAGE, language)
                store.set(s.MY_NAME, "李娜")
                store.sync()
                built = build(path, settings_path=settings_path, translations_cache=work / "qm")
                window = built.window
                window.resize(1360, 820)
                window.show()
                built.session.adopt(book)
                window.sync.keystore = server.keystore
                window.sync.set_desk(window.desk)
                team = window.team
                window.tabs.setCurrentWidget(team)
                wait_for(lambda: team.dashboard is not None)
                settle(800)
                save(window, f"team-dashboard-{language}")
                team.pages.setCurrentWidget(team.spend_page)
                wait_for(lambda: team.report is not None)
                team.spend_page.tables["accounts"].setFocus()
                settle(800)
                save(window, f"team-spend-{language}")

                wizard = window.open_import()
                assert wizard is not None
                wizard.file_page.path.setText(str(csv_path))
                wizard.next()
                wait_for(lambda: wizard.currentPage() is wizard.mapping_page)
                settle()
                save(wizard, f"import-mapping-{language}")
                wizard.next()
                wait_for(lambda: wizard.currentPage() is wizard.duplicates_page)
                settle()
                save(wizard, f"import-duplicates-{language}")
                wizard.reject()

                window.company.handover.trigger()
                handover = window.findChild(HandoverDialog, "handoverDialog")
                assert handover is not None
                wait_for(lambda: handover.choices is not None)
                handover.leaver.setCurrentIndex(handover.leaver.findData(server.leaver))
                handover.default_to.setCurrentIndex(handover.default_to.findData(server.successor))
                if handover.combos:
                    handover.combos[0].setCurrentIndex(handover.combos[0].findData(server.manager))
                settle()
                save(handover, f"handover-{language}")
                handover.reject()

                window.company.team.trigger()
                devices = window.findChild(TeamDialog, "teamDialog")
                assert devices is not None
                wait_for(lambda: bool(devices.rows))
                settle()
                save(devices, f"team-devices-{language}")
                devices.reject()
                window.hide()

            for language in languages:
                shoot_company(language)
        finally:
            server.stop()
            book.close()
    return 0


LONG_PATH = Path(
    "/home/zhangwei/文档/客户资料/华东区/2026 年度重点客户/工程机械事业部/book.crmdesk"
)

# A contact list as a Chinese spreadsheet saves it: GBK, Chinese headers. Row 3 is 曾国梁 again
# (same mobile: a duplicate of the sample book's contact), row 4 has a broken e-mail (rejected).
IMPORT_CSV = (
    "姓名,公司,职务,手机,邮箱,微信,籍贯,备注\r\n"
    "周建华,华东重工集团,设备主管,13912345001,zhou.jh@example.cn,zjh_hd,浙江宁波,港口二期联系人\r\n"
    "曾国梁,华东重工集团,常务副总经理,138 0013 8000,zengguoliang@hdzg.cn,zgl_1968,湖南湘潭,"
    "爱喝安化黑茶\r\n"
    "孙志强,京南建设集团,采购经理,13500002222,sun.zq#example.cn,,河北保定,邮箱写错了\r\n"
    "刘晓燕,远航港务,总经理助理,13600003333,liu.xy@example.cn,lxy_port,福建厦门,展会认识\r\n"
)


class CompanyServer:
    """``crmdesk-server`` on loopback with a temporary SQLite database, set up with its CLI."""

    password = "correct horse battery"
    manager = "li.na"
    leaver = "wang.qiang"
    successor = "zhao.min"

    def __init__(self, work: Path) -> None:
        import keyring.backends.null

        from crmdesk.db.keys import KeyringStore

        self.work = work
        self.db_url = f"sqlite:///{work / 'server.db'}"
        self.url = ""
        self.process: subprocess.Popen[bytes] | None = None
        self.keystore = KeyringStore(keyring.backends.null.Keyring())  # tokens in the book
        self.devices: list[object] = []

    def cli(self, *args: str, stdin: str | None = None) -> None:
        subprocess.run(
            [sys.executable, "-m", "crmdesk.server.cli", "--database-url", self.db_url, *args],
            input=stdin.encode() if stdin is not None else None,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        import socket
        import time

        import httpx

        self.cli("migrate")
        self.cli("create-team", "华东大区")
        for user, role in ((self.manager, "manager"), (self.leaver, "rep"),
                           (self.successor, "rep")):  # fmt: skip
            self.cli("create-user", user, "--role", role, "--team", "华东大区",
                     "--password-stdin", stdin=self.password + "\n")  # fmt: skip
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        log = (self.work / "server.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "crmdesk.server.cli", "--database-url", self.db_url,
             "serve", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("crmdesk-server exited; see its log")
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("crmdesk-server did not start")

    def enrol_reps(self, work: Path) -> None:
        """Two reps' books with a few accounts each, synced to the server."""
        from crmdesk.db.book import Book, BookInfo
        from crmdesk.db.engine import create_book_engine
        from crmdesk.db.keys import RawKey
        from crmdesk.db.migrate import ensure_current
        from crmdesk.db.models import Account
        from crmdesk.sync.client import SyncClient

        books = {
            self.leaver: (("宁波舟山港务", "A", "王强"), ("苏州轨道交通", "B", "王强"),
                          ("温州城建集团", "S", "王强")),
            self.successor: (("合肥工程机械", "A", "赵敏"), ("南京港口物流", "B", "赵敏")),
        }  # fmt: skip
        for user, accounts in books.items():
            path = work / f"{user}.crmdesk"
            engine = create_book_engine(path, RawKey.generate())
            ensure_current(engine, path)
            rep_book = Book(path, BookInfo(book_id=user, key_source="passphrase"), engine, None)
            with rep_book.session() as session, session.begin():
                for name, tier, owner in accounts:
                    session.add(Account(name=name, tier=tier, owner=owner, status="existing"))
            client = SyncClient(rep_book, keystore=self.keystore)
            try:
                client.enrol(self.url, user, self.password, device_name=f"{user}-laptop")
                client.sync_once()
            finally:
                client.close()
                rep_book.close()

    def enrol(self, book: object) -> None:
        """The sample book as the manager's, synced (it receives the reps' accounts)."""
        from crmdesk.sync.client import SyncClient

        client = SyncClient(book, keystore=self.keystore)  # type: ignore[arg-type]
        try:
            client.enrol(self.url, self.manager, self.password, device_name="li.na-desktop")
            client.sync_once()
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


if __name__ == "__main__":
    sys.exit(main())
