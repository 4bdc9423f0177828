"""Every book opened in a process keeps its outbox and search index in step, not just the first."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy import func, select

from crmdesk.db import search
from crmdesk.db.models import Contact
from crmdesk.db.sync_state import SyncOutbox
from tests.book_template import open_test_book


def test_each_new_book_records_changes_for_sync_and_search(tmp_path: Path) -> None:
    for n in range(6):
        book = open_test_book(tmp_path / f"book{n}.crmdesk")
        try:
            with book.session() as s, s.begin():
                s.add(Contact(name=f"欧阳{n}号"))
            with book.session() as s:
                assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 1, n
                assert [h.name for h in search.search(s, f"欧阳{n}")] == [f"欧阳{n}号"], n
        finally:
            book.close()
        # As when the app locks and unlocks again: the old factory is gone before the new one.
        del book
        gc.collect()
