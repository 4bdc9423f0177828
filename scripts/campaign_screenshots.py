"""Screenshots of festival campaigns: ``uv run python scripts/campaign_screenshots.py``.

On the sample book (a real encrypted file in a temporary directory, keyed in memory) with tier
budgets, a Mid-Autumn campaign worked half-way (some gifts bought, one sent) and a Spring Festival
one run by another rep: the campaign screen, the gift catalogue and the Team page, in English and
Simplified Chinese, as ``campaign-{en,zh_CN}.png``, ``gift-catalogue-*.png`` and
``campaign-team-*.png`` in ``docs/screenshots/``. Runs with no display (Qt's offscreen platform);
Chinese needs a CJK font.
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
KEY = b"c" * 32  # a sample book: the key guards nothing


def _fill(path: Path) -> None:
    from sqlalchemy.orm import Session

    from crmdesk.core.money import Money
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.db.migrate import ensure_current
    from crmdesk.db.sample import fill_sample
    from crmdesk.db.services import campaigns
    from crmdesk.db.services.tiers import edit_tier

    engine = create_book_engine(path, RawKey(KEY))
    try:
        ensure_current(engine, path)
        with Session(engine) as s, s.begin():
            fill_sample(s)
            edit_tier(s, code="S", greeting_budget=Money(100_000))
            edit_tier(s, code="A", greeting_budget=Money(50_000))
            edit_tier(s, code="B", greeting_budget=Money(30_000))
            mid = campaigns.new_campaign(
                s,
                occasion="cn.mid_autumn",
                year=2027,
                sender="东方机械 小刘",
                name="中秋节 2027",
                owner="李娜",
            )
            ids = [i.id for i in mid.items]
            campaigns.set_status(s, campaign_id=mid.id, item_ids=ids[:3], status="bought")
            campaigns.mark_sent(
                s, campaign_id=mid.id, item_ids=ids[:1],
                when=dt.datetime(2027, 9, 10, 9, tzinfo=dt.UTC),
            )  # fmt: skip
            campaigns.new_campaign(
                s, occasion="cn.spring_festival", year=2028, sender="Chen Yu", tiers=["S", "A"],
                owner="Chen Yu", name="春节 2028",
            )  # fmt: skip
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--languages", default="en,zh_CN")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication, QWidget

    from crmdesk.db.book import Book, BookInfo
    from crmdesk.db.engine import create_book_engine
    from crmdesk.db.keys import RawKey
    from crmdesk.ui import settings as s
    from crmdesk.ui.app import build

    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("crmdesk")
    args.out.mkdir(parents=True, exist_ok=True)

    from shots import save as save_png
    from shots import settle, wait_for

    def save(widget: QWidget, name: str) -> None:
        save_png(widget, args.out / f"{name}.png")

    with tempfile.TemporaryDirectory(prefix="crmdesk-campaign-shots-") as tmp:
        work = Path(tmp)
        path = work / "sample.crmdesk"
        _fill(path)
        engine = create_book_engine(path, RawKey(KEY))
        book = Book(path, BookInfo(book_id="campaigns", key_source="passphrase"), engine, None)
        for language in args.languages.split(","):
            settings_path = work / f"settings-{language}.ini"
            store = s.Settings(settings_path)
            store.set(s.LANGUAGE, language)
            store.set(s.MY_NAME, "小刘")
            store.sync()
            built = build(path, settings_path=settings_path, translations_cache=work / "qm")
            window = built.window
            window.resize(1200, 760)
            window.show()
            built.session.adopt(book)
            dialog = window.campaigns.open()
            assert dialog is not None
            wait_for(lambda d=dialog: d.list.count() == 2)
            dialog.list.setCurrentRow(0)
            wait_for(lambda d=dialog: d.current is not None)
            settle(600)
            save(dialog, f"campaign-{language}")
            catalogue = dialog.open_catalogue()
            catalogue.resize(1080, 560)
            wait_for(lambda c=catalogue: c.table.rowCount() > 0)
            catalogue.table.selectRow(1)
            settle(600)
            save(catalogue, f"gift-catalogue-{language}")
            catalogue.close()
            dialog.pages.setCurrentWidget(dialog.team)
            wait_for(lambda d=dialog: d.team.tree.topLevelItemCount() == 2)
            settle(600)
            save(dialog, f"campaign-team-{language}")
            dialog.close()
            window.hide()
        book.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
