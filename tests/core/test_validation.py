"""Single-value checks: each refusal names the field (and the limit, for lengths)."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.core.errors import ValidationError
from crmdesk.core.validation import (
    NOTES_MAX,
    check_email,
    check_phone,
    check_phones,
    check_tags,
    notes_text,
    optional_text,
    parse_date,
    parse_datetime,
    required_text,
)


def _refused(call, field):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        call()
    assert err.value.field == field
    return err.value


def test_required_text() -> None:
    assert required_text("  张伟 ", field="name") == "张伟"
    assert _refused(lambda: required_text("   ", field="name"), "name").code == "required"
    assert _refused(lambda: required_text(None, field="name"), "name").code == "required"
    err = _refused(lambda: required_text("x" * 201, field="name", limit=200), "name")
    assert "200" in err.message


def test_optional_text_blank_is_none() -> None:
    assert optional_text("  ", field="title", limit=10) is None
    assert optional_text(None, field="title", limit=10) is None
    _refused(lambda: optional_text("x" * 11, field="title", limit=10), "title")
    _refused(lambda: optional_text("a\x00b", field="title", limit=10), "title")


def test_a_ten_megabyte_note_is_refused_with_the_limit() -> None:
    assert notes_text("n" * NOTES_MAX) == "n" * NOTES_MAX
    err = _refused(lambda: notes_text("n" * 10 * 1024 * 1024), "notes")
    assert err.code == "too_long"
    assert "100,000" in err.message and "10,485,760" in err.message


@pytest.mark.parametrize("phone", ["138 0000 0000", "+86 (10) 6552-0000", "110"])
def test_phone_accepted(phone: str) -> None:
    assert check_phone(phone) == phone


@pytest.mark.parametrize("phone", ["12", "call me", "138-0000-000x", "+-()", ""])
def test_phone_refused(phone: str) -> None:
    _refused(lambda: check_phone(phone), "phone")


def test_phones_deduplicated() -> None:
    assert check_phones(["110", " 110 ", "120"]) == ["110", "120"]


@pytest.mark.parametrize("email", ["li@example.com", "wang.fang+crm@mail.huawei.com.cn"])
def test_email_accepted(email: str) -> None:
    assert check_email(email) == email


@pytest.mark.parametrize("email", ["li", "li@", "@x.com", "li@example", "li wang@x.com", "a@b@c.d"])
def test_email_refused(email: str) -> None:
    _refused(lambda: check_email(email), "email")


def test_tags_trimmed_and_deduplicated_case_insensitively() -> None:
    assert check_tags([" VIP", "vip", "golf"]) == ["VIP", "golf"]
    _refused(lambda: check_tags(["ok", " "]), "tag")


def test_dates_and_times() -> None:
    assert parse_date("2026-12-01", field="due") == dt.date(2026, 12, 1)
    _refused(lambda: parse_date("2026-02-30", field="due"), "due")
    when = parse_datetime("2026-11-20 19:00", field="when")
    assert when.tzinfo is not None and (when.hour, when.minute) == (19, 0)
    utc = parse_datetime("2026-11-20T19:00+08:00", field="when")
    assert utc.utcoffset() == dt.timedelta(hours=8)
    _refused(lambda: parse_datetime("tonight", field="when"), "when")
