"""The .ics export, read back with icalendar; lunar days checked against lunardate."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from crmdesk.core.dates import DateSpec
from crmdesk.core.errors import ValidationError
from crmdesk.core.icalendar_export import CalendarItem, build_ics, expand_spec, occurrence_uid
from tests.core.lunar_reference import ref_to_gregorian

D = dt.date
STAMP = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)


def _events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_items_become_all_day_events() -> None:
    items = [
        CalendarItem(D(2025, 10, 6), "中秋节：王总", "Last gift: 月饼", "a1@book.crmdesk"),
        (D(2025, 12, 25), "Christmas", "", "a2@book.crmdesk"),
    ]
    data = build_ics(items, name="Greetings", stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert "crmdesk" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Greetings"
    first, second = _events(data)
    assert first.decoded("DTSTART") == D(2025, 10, 6)
    assert not isinstance(first.decoded("DTSTART"), dt.datetime)
    assert first.decoded("DTEND") == D(2025, 10, 7)
    assert str(first["SUMMARY"]) == "中秋节：王总"
    assert str(first["DESCRIPTION"]) == "Last gift: 月饼"
    assert str(first["UID"]) == "a1@book.crmdesk"
    assert first.decoded("DTSTAMP") == STAMP
    assert str(first["TRANSP"]) == "TRANSPARENT"
    assert "DESCRIPTION" not in second
    assert b"\r\n" in data  # RFC 5545 line ends


def test_same_input_same_bytes() -> None:
    # Written out from RFC 5545: an all-day event ends the next day (3.6.1), DTSTAMP in UTC
    # (3.8.7.2), CRLF line ends (3.1); no time of export or random id in it. Properties may come in
    # any order (3.6); these are in the order the writer puts them.
    expected = (
        b"BEGIN:VCALENDAR\r\n"
        b"PRODID:-//crmdesk//crmdesk relationship notebook//EN\r\n"
        b"VERSION:2.0\r\n"
        b"CALSCALE:GREGORIAN\r\n"
        b"BEGIN:VEVENT\r\n"
        b"UID:n1\r\n"
        b"DTSTAMP:20250601T083000Z\r\n"
        b"DTSTART;VALUE=DATE:20250101\r\n"
        b"DTEND;VALUE=DATE:20250102\r\n"
        b"SUMMARY:New Year\r\n"
        b"TRANSP:TRANSPARENT\r\n"
        b"END:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    items = [(D(2025, 1, 1), "New Year", "", "n1")]
    assert build_ics(items, stamp=STAMP) == expected
    assert build_ics(items, stamp=STAMP) == expected  # and again


@pytest.mark.parametrize("uids", [["x", "x"], [""]])
def test_uids_must_be_unique_and_present(uids: list[str]) -> None:
    items = [(D(2025, 1, 1 + i), "s", "", uid) for i, uid in enumerate(uids)]
    with pytest.raises(ValidationError) as caught:
        build_ics(items, stamp=STAMP)
    assert caught.value.field == "uid"


def test_lunar_birthday_expands_to_the_right_days_one_per_year() -> None:
    spec = DateSpec.parse("L1985-08-15")
    items = expand_spec(
        spec,
        summary=lambda o: f"Wang Fang turns {o.years}",
        uid_base="date-17@book-3.crmdesk",
        from_date=D(2025, 1, 1),
        years=10,
    )
    events = _events(build_ics(items, stamp=STAMP))
    assert len(events) == 10
    assert [e.decoded("DTSTART") for e in events] == [
        ref_to_gregorian(year, 8, 15) for year in range(2025, 2035)
    ]
    assert [str(e["SUMMARY"]) for e in events] == [
        f"Wang Fang turns {age}" for age in range(40, 50)
    ]
    uids = [str(e["UID"]) for e in events]
    assert uids[0] == "date-17.2025@book-3.crmdesk"
    assert len(set(uids)) == 10
    again = expand_spec(spec, summary="x", uid_base="date-17@book-3.crmdesk",
                        from_date=D(2025, 1, 1), years=10)  # fmt: skip
    assert [item.uid for item in again] == uids  # stable across exports


def test_late_12th_month_birthday_counts_lunar_years_not_gregorian_ones() -> None:
    # L12-20 falls in January or February; from 1 June 2025 the first is lunar 2025's, in 2026.
    items = expand_spec(
        DateSpec.parse("L12-20"), summary="s", uid_base="d", from_date=D(2025, 6, 1), years=5
    )
    assert [item.date for item in items] == [
        ref_to_gregorian(year, 12, 20) for year in range(2025, 2030)
    ]
    assert all(item.date.month in (1, 2) for item in items)
    assert items[0].uid == "d.2025@crmdesk"


def test_leap_month_birthday_expands_into_ordinary_months_in_other_years() -> None:
    items = expand_spec(
        DateSpec.parse("L2020-04*-10"), summary="s", uid_base="d", from_date=D(2020, 1, 1), years=3
    )
    assert [item.date for item in items] == [
        ref_to_gregorian(2020, 4, 10, True),
        ref_to_gregorian(2021, 4, 10),
        ref_to_gregorian(2022, 4, 10),
    ]


def test_gregorian_29_february_expands_with_the_policy() -> None:
    items = expand_spec(
        DateSpec.parse("2000-02-29"), summary="s", uid_base="d", from_date=D(2023, 1, 1), years=2
    )
    assert [item.date for item in items] == [D(2023, 2, 28), D(2024, 2, 29)]


def test_expansion_stops_at_the_end_of_the_span() -> None:
    items = expand_spec(
        DateSpec.parse("L08-15"), summary="s", uid_base="d", from_date=D(2097, 1, 1), years=10
    )
    assert [item.date for item in items] == [ref_to_gregorian(y, 8, 15) for y in (2097, 2098, 2099)]


def test_years_must_be_positive() -> None:
    with pytest.raises(ValidationError) as caught:
        expand_spec(DateSpec.parse("01-01"), summary="s", uid_base="d", from_date=D(2025, 1, 1),
                    years=0)  # fmt: skip
    assert caught.value.field == "years"


def test_occurrence_uid() -> None:
    assert occurrence_uid("date-1@book.crmdesk", 2030) == "date-1.2030@book.crmdesk"
    assert occurrence_uid("date-1", 2030) == "date-1.2030@crmdesk"


def test_text_is_escaped_and_long_lines_folded_as_clients_read_them() -> None:
    description = "Last gift: 紫砂壶, ¥880; 备注: \\ 反斜杠\n第二行\r\n第三行 " + "很长的描述" * 30
    summary = "王总; 张总, Li"
    data = build_ics([(D(2026, 2, 17), summary, description, "x;1@book")], stamp=STAMP)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")  # folding never cuts a character in two
    (event,) = _events(data)
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description.replace("\r\n", "\n")
    assert str(event["UID"]) == "x;1@book"
    assert event.decoded("DTSTART") == D(2026, 2, 17)


def test_a_year_end_event_ends_on_the_next_day() -> None:
    (event,) = _events(build_ics([(D(2025, 12, 31), "NYE", "", "n")], stamp=STAMP))
    assert event.decoded("DTEND") == D(2026, 1, 1)


@pytest.mark.parametrize("policy_name", ["default", "skip"])
def test_the_first_event_is_the_next_occurrence_for_every_kind_of_date(policy_name) -> None:
    """expand_spec finds its first year on its own; the planner's general search must agree."""
    import random

    from crmdesk.core.occasions import (
        DEFAULT_POLICY,
        Feb29Policy,
        LeapMonthPolicy,
        LunarDay30Policy,
        OccasionPolicy,
        next_occurrence,
    )

    policy = DEFAULT_POLICY
    if policy_name == "skip":
        policy = OccasionPolicy(Feb29Policy.MAR_1, LeapMonthPolicy.SKIP, LunarDay30Policy.SKIP)
    rng = random.Random(7)
    texts = ["02-29", "1984-02-29", "12-31", "01-01", "L12-30", "L04*-10", "L01-01", "L1990-06*-15"]
    texts += [f"L{rng.randint(1, 12):02d}-{rng.randint(1, 30):02d}" for _ in range(40)]
    texts += [f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(20)]
    starts = [D(1901, 1, 1), D(2026, 1, 1), D(2026, 2, 16), D(2099, 11, 30)]
    starts += [D(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 30000)) for _ in range(6)]
    for text in texts:
        try:
            spec = DateSpec.parse(text)
        except ValidationError:
            continue  # e.g. a leap month that year never had
        for start in starts:
            expected = next_occurrence(spec, start, policy)
            items = expand_spec(spec, summary="s", uid_base="u", from_date=start, years=2,
                                policy=policy)  # fmt: skip
            got = items[0].date if items else None
            assert got == (expected.date if expected else None), (text, start)
