"""Modifier prefixes / suffixes and the clock + day merge (transforms.temporal.modifiers), through tag()."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.temporal import tag

DCT = dt.date(2025, 5, 30)


@pytest.mark.parametrize(
    "text,extent,mod",
    [
        ("The canal froze in early 1963.", "early 1963", "START"),
        ("The canal froze at the end of 1963.", "the end of 1963", "END"),
        ("The canal froze in mid-1963.", "mid-1963", "MID"),
        ("The thaw took about three weeks.", "about three weeks", "APPROX"),
        ("The thaw took at least three weeks.", "at least three weeks", "EQUAL_OR_MORE"),
        ("The thaw took three weeks or so.", "three weeks or so", "APPROX"),
        ("It thawed earlier this week.", "earlier this week", "START"),
    ],
)
def test_modifiers_extend_the_expression(text, extent, mod):
    (t,) = tag(text, DCT)
    assert (t.text, t.mod) == (extent, mod)


def test_earlier_is_not_a_prefix_of_every_rule():
    # "earlier" before a year is a separate word, not part of the expression
    (t,) = tag("It was settled earlier 1963 than thought.", DCT)
    assert t.text == "1963"


def test_determiner_of_a_hyphenated_adjective_is_dropped():
    (t,) = tag("The two-week thaw ended.", DCT)
    assert t.text == "two-week"


def test_clock_time_and_day_merge():
    (t,) = tag("The gates open at 6 p.m. Friday.", DCT)
    assert (t.text, t.timex_type, t.value) == ("6 p.m. Friday", "TIME", "2025-05-30T18:00")


@pytest.mark.parametrize(
    "text,clock,value",
    [
        # the day after the clock time: "on <date>", or a clock time in parentheses between
        ("The ferry sails at 7:15 a.m. on June 12.", "7:15 a.m.", "2025-06-12T07:15"),
        ("The dam burst at 9:40 a.m. (0740 GMT) Tuesday.", "9:40 a.m.", "2025-05-27T09:40"),
        ("The dam burst at 9:40 a.m. (0740 GMT) Tuesday.", "0740 GMT", "2025-05-27T07:40"),
        # the day before it: "<day> at <clock>", "<day>, around <clock>"
        ("The jury returned Wednesday at 4 p.m. with a verdict.", "4 p.m.", "2025-05-28T16:00"),
        ("The jury will return Wednesday at 4 p.m.", "4 p.m.", "2025-06-04T16:00"),
        ("On April 2, around noon, the roof fell in.", "noon", "2025-04-02T12:00"),
        ("Yesterday at 11 a.m. the strike began.", "11 a.m.", "2025-05-29T11:00"),
    ],
)
def test_clock_time_takes_the_day_next_to_it(text, clock, value):
    (t,) = [t for t in tag(text, DCT) if t.text == clock]
    assert (t.timex_type, t.value) == ("TIME", value)
    assert t.anchor is not None and t.anchor.startswith("expression:")


def test_clock_time_without_a_day_next_to_it_stays_on_the_publication_date():
    # a day elsewhere in the sentence, with other words between, is not the clock time's day
    tx = tag("On Tuesday the mayor spoke, and the gates open at 6 p.m.", DCT)
    (t,) = [t for t in tx if t.text == "6 p.m."]
    assert (t.value, t.anchor) == ("2025-05-30T18:00", "publication_date")


@pytest.mark.parametrize(
    "text,extent,value",
    [
        ("The day before last Thursday's vote, the mayor quit.", "The day before last Thursday", "2025-05-28"),
        ("The shop reopened the day after Christmas.", "the day after Christmas", "2024-12-26"),
        ("On the day after April 4, the barges left.", "the day after April 4", "2025-04-05"),
    ],
)
def test_the_day_before_or_after_a_day_is_one_day(text, extent, value):
    (t,) = tag(text, DCT)
    assert (t.text, t.timex_type, t.value) == (extent, "DATE", value)
    assert t.date_start == t.date_end == dt.date.fromisoformat(value)


def test_the_day_before_alone_still_counts_from_the_previous_date():
    tx = tag("The barges left on April 4. The day before, the river rose.", DCT)
    assert [(t.text, t.value) for t in tx] == [("April 4", "2025-04-04"), ("The day before", "2025-04-03")]
