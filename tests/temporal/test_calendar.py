"""Calendar arithmetic (transforms.temporal.calendar): values, shifts and the year of an undated month."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.temporal import calendar as cal


def test_value_builders():
    assert cal.day(dt.date(2024, 2, 29)) == cal.CalValue("2024-02-29", "day", dt.date(2024, 2, 29), dt.date(2024, 2, 29))
    assert cal.month(2024, 2).end == dt.date(2024, 2, 29)
    assert cal.quarter(2023, 4) == cal.CalValue("2023-Q4", "quarter", dt.date(2023, 10, 1), dt.date(2023, 12, 31))
    assert cal.week(dt.date(2025, 5, 30)).value == "2025-W22"
    we = cal.week(dt.date(2025, 5, 30), weekend=True)
    assert (we.value, we.start, we.end) == ("2025-W22-WE", dt.date(2025, 5, 31), dt.date(2025, 6, 1))
    assert cal.decade_of(1980).value == "198"


def test_shift_and_value_at():
    d = dt.date(2025, 1, 31)
    assert cal.shift(d, "month", 1) == dt.date(2025, 2, 28)  # the day is capped at the 28th
    assert cal.shift(d, "fortnight", -1) == dt.date(2025, 1, 17)
    assert cal.shift(d, "decade", -1) == dt.date(2015, 1, 28)
    assert cal.value_at(dt.date(2025, 8, 1), "quarter").value == "2025-Q3"
    assert cal.value_at(dt.date(2025, 8, 1), "century").value == "20"
    assert cal.value_at(dt.date(2025, 8, 1), "hour").value == "2025-08-01"


@pytest.mark.parametrize(
    "dct,month,day,direction,year",
    [
        (dt.date(2025, 11, 20), 1, None, None, 2026),  # January in a November article: next January
        (dt.date(2025, 1, 10), 12, None, None, 2024),  # December in a January article: last December
        (dt.date(2025, 6, 1), 9, None, "past", 2024),
        (dt.date(2025, 6, 1), 3, None, "future", 2026),
        (dt.date(2025, 6, 1), 6, 20, "past", 2025),  # within TENSE_TOLERANCE_DAYS of the DCT
        (dt.date(2025, 6, 1), 8, 20, "past", 2024),
        (dt.date(2025, 1, 3), 12, 28, None, 2024),  # no cue: the nearest date
        (dt.date(2025, 2, 10), 3, None, "past", 2025),  # a month beginning within a month: the coming one
        (dt.date(2025, 12, 5), 1, None, "past", 2026),  # ... across the year boundary
        (dt.date(2025, 5, 30), 7, None, "past", 2024),  # July begins 32 days later: tense flips it
        (dt.date(2025, 5, 30), 4, None, "past", 2025),
    ],
)
def test_pick_year(dct, month, day, direction, year):
    assert cal.pick_year(dct, month, day, direction) == year


def test_two_digit_year():
    assert cal.two_digit_year("89", dt.date(2025, 1, 1)) == 1989
    assert cal.two_digit_year("03", dt.date(2025, 1, 1)) == 2003
    assert cal.two_digit_year("35", dt.date(2025, 1, 1)) == 2035  # up to ten years after the DCT
    assert cal.two_digit_year("1989", dt.date(2025, 1, 1)) == 1989
