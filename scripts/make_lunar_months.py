"""Write ``crmdesk/core/lunar_months.py``: every lunar year's months, computed once by
lunar-python (``crmdesk.core.lunar.computed_months``) and stored as three numbers a year.

Run it when lunar-python changes: ``uv run python scripts/make_lunar_months.py``.
``tests/core/test_lunar.py`` fails while the stored table and lunar-python differ.
"""

from __future__ import annotations

from pathlib import Path

from crmdesk.core.lunar import MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, computed_months

TARGET = Path(__file__).resolve().parent.parent / "crmdesk" / "core" / "lunar_months.py"

HEADER = '''"""Every lunar year's months, stored: written by ``scripts/make_lunar_months.py`` from
lunar-python; do not edit by hand (``crmdesk.core.lunar`` explains why it is stored).

``YEARS[year - FIRST_YEAR]`` is ``(new_year, leap, long_months)``: the Gregorian ordinal of the
year's first day (正月初一), the month its leap month follows (0: none), and one bit per month in
calendar order (leap month included), set where the month has 30 days rather than 29.
"""

FIRST_YEAR = {first}

YEARS: tuple[tuple[int, int, int], ...] = (
'''


def encode(year: int) -> tuple[int, int, int]:
    months = computed_months(year)
    assert [(m.month, m.is_leap) for m in months if not m.is_leap] == [
        (n, False) for n in range(1, 13)
    ], year
    leaps = [m.month for m in months if m.is_leap]
    assert len(leaps) <= 1, year
    long_months = 0
    for i, month in enumerate(months):
        assert month.length in (29, 30), year
        if i:  # the months follow one another, day after day
            assert month.start == months[i - 1].end + 1, year
        long_months |= (month.length == 30) << i
    return months[0].start, leaps[0] if leaps else 0, long_months


def main() -> None:
    lines = [HEADER.format(first=MIN_LUNAR_YEAR)]
    for year in range(MIN_LUNAR_YEAR, MAX_LUNAR_YEAR + 1):
        new_year, leap, long_months = encode(year)
        lines.append(f"    ({new_year}, {leap}, 0b{long_months:013b}),  # {year}\n")
    lines.append(")\n")
    TARGET.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
