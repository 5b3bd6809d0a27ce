"""Property tests: the tagger never raises and stays bounded on pathological input."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.temporal import tag

DCT = dt.date(2025, 5, 30)
WORDS = ["May", "may", "March", "Friday", "last", "next", "week", "the", "1990s", "2024", "ago", "two",
         "years", "early", "of", "on", "in", "p.m.", "5", ",", ".", "-", "'", "quarter", "third"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_string(text):
    out = tag(text, DCT)
    assert isinstance(out, list)
    for t in out:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_never_raises_on_word_soup(words, dct):
    text = " ".join(words)
    out = tag(text, dct)
    starts = [t.start for t in out]
    assert starts == sorted(starts)
    for a, b in zip(out, out[1:], strict=False):
        assert a.end <= b.start  # no overlaps


def test_megabyte_of_digits_returns():
    assert isinstance(tag("7" * 1_000_000, DCT), list)


def test_thousands_of_month_names_returns():
    text = " ".join(["May June July", "March 2022,", "on Friday", "the 1990s"] * 2500)
    out = tag(text, DCT)
    assert len(out) > 2500


def test_long_runs_of_separators_return():
    assert isinstance(tag("- " * 200_000 + "May 16", DCT), list)
    assert isinstance(tag("the " * 100_000 + "week", DCT), list)


def test_many_anaphoric_expressions_return():
    # each "a year ago" / "three years earlier" looks back for an anchor: the look-back is bounded
    text = "In the third quarter. " + "It rose a year ago, three years earlier and the next day. " * 5000
    out = tag(text, DCT)
    assert len(out) > 10_000
