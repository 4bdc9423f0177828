"""local_day agrees with datetime.astimezone() across daylight-saving changes."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from crmdesk.core.local_day import clear_cache, local_day


@pytest.fixture(params=["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"])
def zone(request: pytest.FixtureRequest) -> Iterator[str]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    clear_cache()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()
    clear_cache()


def test_matches_astimezone_every_ten_minutes_over_a_year(zone: str) -> None:
    moment = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    step = dt.timedelta(minutes=10)
    while moment.year < 2026:
        assert local_day(moment) == moment.astimezone().date(), (zone, moment)
        moment += step


@pytest.mark.parametrize("zone", ["America/New_York"], indirect=True)
def test_new_york_evening_is_the_previous_day(zone: str) -> None:
    # 02:30 UTC on 10 March 2025 is 22:30 on the 9th in New York (EDT, after the change).
    assert local_day(dt.datetime(2025, 3, 10, 2, 30, tzinfo=dt.UTC)) == dt.date(2025, 3, 9)
