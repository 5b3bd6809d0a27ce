"""Holiday normaliser (transforms.temporal.normalise.holidays): fixed and movable holidays."""

from __future__ import annotations

import datetime as dt

from tests.temporal.normalise.helpers import ctx_for
from transforms.temporal.normalise.holidays import easter, movable, norm_holiday


def test_movable_dates():
    assert easter(2024) == dt.date(2024, 3, 31) and easter(2025) == dt.date(2025, 4, 20)
    assert movable("us_thanksgiving", 2025) == dt.date(2025, 11, 27)
    assert movable("us_memorial_day", 2025) == dt.date(2025, 5, 26)
    assert movable("us_election_day", 2024) == dt.date(2024, 11, 5)
    assert movable("good_friday", 2025) == dt.date(2025, 4, 18)
    assert movable("no_such_holiday", 2025) is None


def test_fixed_holidays_take_the_year_from_the_relation():
    dct = dt.date(2025, 5, 30)
    text = "The shop closed last Christmas Eve."
    assert norm_holiday({"holiday": "Christmas Eve", "rel": "last"}, dct, ctx_for(text, "last Christmas Eve")).value \
        == "2024-12-24"
    text = "The parade is on Independence Day 2030."
    r = norm_holiday({"holiday": "Independence  Day", "year": "2030"}, dct, ctx_for(text, "Independence Day 2030"))
    assert r.value == "2030-07-04"


def test_movable_holiday_direction():
    dct = dt.date(2025, 1, 15)
    assert norm_holiday({"holiday": "Easter"}, dct, ctx_for("Easter was quiet.", "Easter")).value == "2024-03-31"
    assert norm_holiday({"holiday": "Easter"}, dct, ctx_for("Easter will be quiet.", "Easter")).value == "2025-04-20"
    assert norm_holiday({"holiday": "Arbor Day"}, dct, ctx_for("Arbor Day", "Arbor Day")) is None
