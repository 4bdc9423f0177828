"""What a manager's book says about whose accounts are whose (the handover dialog's list)."""

from __future__ import annotations

from crmdesk.db.models import Account
from crmdesk.db.sync_state import SyncShadow
from crmdesk.sync.team import accounts_by_book
from tests.sync.helpers import add_account, edit


def test_accounts_are_grouped_by_the_book_they_were_pulled_from(book) -> None:
    a1 = add_account(book, "华润置地")
    a2 = add_account(book, "中国建筑")
    b1 = add_account(book, "正泰电器")
    gone = add_account(book, "已删除客户")
    add_account(book, "本机新建")  # never pulled back: no book yet
    with book.sessions() as s, s.begin():
        for rid, owner in ((a1, "user-a"), (a2, "user-a"), (b1, "user-b"), (gone, "user-a")):
            s.add(SyncShadow(tbl="accounts", record_id=rid, version=1, book_id=owner))
        # A contact's shadow with an account's id must not count.
        s.add(SyncShadow(tbl="contacts", record_id=b1, version=1, book_id="user-a"))
    edit(book, Account, gone, deleted=True)

    got = accounts_by_book(book)

    assert got == {
        "user-a": sorted([(a1, "华润置地"), (a2, "中国建筑")], key=lambda x: x[1]),
        "user-b": [(b1, "正泰电器")],
    }
