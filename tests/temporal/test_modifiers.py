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
