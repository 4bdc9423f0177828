"""Follow-ups: open, overdue, done and reopened."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.db.book import Book
from crmdesk.db.services import contacts, followups

TODAY = dt.date(2026, 11, 25)


def test_open_overdue_done(book: Book) -> None:
    with book.session() as s, s.begin():
        who = contacts.add_contact(s, name="张伟").id
        late = followups.add_follow_up(
            s, due_on=TODAY - dt.timedelta(days=3), description="寄样品", contact_id=who
        )
        soon = followups.add_follow_up(
            s, due_on=TODAY + dt.timedelta(days=3), description="回电", contact_id=who
        )
        assert [f.id for f in followups.list_follow_ups(s, today=TODAY)] == [late.id, soon.id]
        assert [f.id for f in followups.list_follow_ups(s, today=TODAY, overdue_only=True)] == [
            late.id
        ]
        done = followups.complete_follow_up(s, follow_up_id=late.id)
        assert done.done and done.done_at is not None and not done.overdue
        assert [f.id for f in followups.list_follow_ups(s, today=TODAY)] == [soon.id]
        assert len(followups.list_follow_ups(s, today=TODAY, include_done=True)) == 2
        again = followups.reopen_follow_up(s, follow_up_id=late.id)
        assert not again.done and again.done_at is None


def test_a_follow_up_needs_a_description_and_someone(book: Book) -> None:
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        followups.add_follow_up(s, due_on=TODAY, description="x")
    assert err.value.field == "contact"
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        who = contacts.add_contact(s, name="张伟").id
        followups.add_follow_up(s, due_on=TODAY, description=" ", contact_id=who)
    assert err.value.field == "description"


@pytest.mark.parametrize("year", [1899, 2100, 2200])
def test_a_follow_up_outside_the_date_policy_is_refused_by_the_service_too(
    book: Book, year: int
) -> None:
    # Every door parses through the date policy; a caller handing a date straight to the
    # service must meet the same rule, and nothing is written.
    with book.session() as s, s.begin():
        who = contacts.add_contact(s, name="张伟").id
    with pytest.raises(ValidationError) as err, book.session() as s, s.begin():
        followups.add_follow_up(s, due_on=dt.date(year, 1, 1), description="回电", contact_id=who)
    assert err.value.field == "due" and "1900" in str(err.value) and "2099" in str(err.value)
    with book.session() as s:
        assert followups.list_follow_ups(s, today=TODAY, include_done=True) == []
