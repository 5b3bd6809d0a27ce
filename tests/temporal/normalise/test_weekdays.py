"""Weekday normaliser (transforms.temporal.normalise.weekdays)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.temporal.normalise.helpers import ctx_for, day_expr
from transforms.temporal.normalise.weekdays import norm_weekday

DCT = dt.date(2025, 5, 28)  # a Wednesday


@pytest.mark.parametrize(
    "text,phrase,groups,value",
    [
        ("The ferry sailed on Monday.", "Monday", {"wd": "Monday"}, "2025-05-26"),
        ("The ferry will sail on Monday.", "Monday", {"wd": "Monday"}, "2025-06-02"),
        ("The ferry sails on Wednesday.", "Wednesday", {"wd": "Wednesday"}, "2025-05-28"),  # the DCT's own day
        ("It sailed last Wednesday.", "last Wednesday", {"wd": "Wednesday", "rel": "last"}, "2025-05-21"),
        ("It sails this coming Friday.", "this coming Friday", {"wd": "Friday", "rel": "this coming"}, "2025-05-30"),
        ("It sails this Monday.", "this Monday", {"wd": "Monday", "rel": "this"}, "2025-05-26"),
        ("It sails Friday next week.", "Friday next week", {"wd": "Friday", "weekrel": "next"}, "2025-06-06"),
        ("It sails Thurs. evening.", "Thurs. evening", {"wd": "Thurs.", "part": "evening"}, "2025-05-22TEV"),
    ],
)
def test_weekdays(text, phrase, groups, value):
    r = norm_weekday(groups, DCT, ctx_for(text, phrase))
    assert r is not None and r.value == value


def test_previous_weekday_counts_from_the_day_just_mentioned():
    text = "The storm hit on March 5, 2024. The previous Friday the port had closed."
    prev = [day_expr(text, "March 5, 2024", dt.date(2024, 3, 5))]
    r = norm_weekday({"wd": "Friday", "rel": "previous"}, DCT, ctx_for(text, "previous Friday", prev))
    assert (r.value, r.anchor) == ("2024-03-01", f"expression:{text.index('March 5')}")
