"""Duration and set normalisers (transforms.temporal.normalise.durations)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.temporal.normalise.helpers import ctx_for
from transforms.temporal.normalise.durations import (
    duration_value,
    norm_duration,
    norm_duration_clock,
    norm_set,
)

DCT = dt.date(2025, 5, 30)


@pytest.mark.parametrize(
    "n,unit,value",
    [
        (3, "year", "P3Y"), ("X", "month", "PXM"), (1.5, "year", "P1Y6M"), (0.5, "year", "P6M"),
        (0.5, "hour", "PT30M"), (1.5, "minute", "PT1M30S"), (2, "quarter", "P2Q"), (2, "decade", "P20Y"),
        (1, "fortnight", "P2W"), (4, "weekend", "P4WE"), ("X", "hour", "PTXH"), (0.5, "day", "PT12H"),
        (0.3, "week", None),
    ],
)
def test_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_counted_and_vague_durations():
    text = "The repairs lasted two and a half years."
    r = norm_duration({"num": "two", "unit": "years"}, DCT, ctx_for(text, "two and a half years"))
    assert (r.timex_type, r.value, r.start) == ("DURATION", "P2Y6M", None)
    r = norm_duration({"unit": "months"}, DCT, ctx_for("It took months.", "months"))
    assert r.value == "PXM"
    r = norm_duration({"unit": "while"}, DCT, ctx_for("It took a while.", "a while"))
    assert r.value == "PXX"
    r = norm_duration({"unit": "years", "rel": "recent"}, DCT, ctx_for("in recent years", "recent years"))
    assert (r.timex_type, r.value) == ("DATE", "PAST_REF")


def test_the_unit_is_the_current_one():
    r = norm_duration({"unit": "week"}, DCT, ctx_for("Prices rose during the week.", "the week"))
    assert (r.timex_type, r.value) == ("DATE", "2025-W22")
    r = norm_duration({"unit": "year"}, DCT, ctx_for("Sales for the full year rose.", "the full year"))
    assert (r.timex_type, r.value) == ("DATE", "2025")
    r = norm_duration({"unit": "year"}, DCT, ctx_for("It ran the year ended in March.", "the year"))
    assert (r.timex_type, r.value) == ("DURATION", "P1Y")
    assert norm_duration({"unit": "day"}, DCT, ctx_for("It was the day.", "the day")) is None


def test_sets():
    assert norm_set({"adjset": "quarterly"}, DCT, ctx_for("paid quarterly", "quarterly")).value == "P1Q"
    assert norm_set({"unit": "week", "num": "other"}, DCT, ctx_for("every other week", "every other week")).value == "P2W"
    r = norm_set({"wd": "Sunday", "part": "mornings"}, DCT, ctx_for("Sunday mornings", "Sunday mornings"))
    assert (r.timex_type, r.value) == ("SET", "XXXX-WXX-7TMO")
    r = norm_set({"part": "morning", "unit": None}, DCT, ctx_for("every morning", "every morning"))
    assert (r.timex_type, r.value) == ("SET", "XXXX-XX-XXTMO")
    r = norm_set({"wd": "Friday", "wdpart": "night"}, DCT, ctx_for("each Friday night", "each Friday night"))
    assert r.value == "XXXX-WXX-5TNI"


def test_clock_style_durations():
    r = norm_duration_clock({"h": "2", "m": "15", "s": "30"}, DCT, ctx_for("in 2:15:30", "2:15:30"))
    assert (r.timex_type, r.value) == ("DURATION", "PT2H15M30S")
    assert norm_duration_clock({"h": "0", "m": "48", "s": "00"}, DCT, ctx_for("in 0:48:00", "0:48:00")).value == "PT48M"
    assert norm_duration_clock({"h": "0", "m": "00", "s": "00"}, DCT, ctx_for("0:00:00", "0:00:00")) is None
