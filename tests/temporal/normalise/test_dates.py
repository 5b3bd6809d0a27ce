"""Date normalisers (transforms.temporal.normalise.dates) called directly with a rule's groups."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.temporal.normalise.helpers import ctx_for
from transforms.temporal.normalise.base import Anchor, Normalised
from transforms.temporal.normalise.dates import norm_century, norm_date, norm_decade

DCT = dt.date(2025, 5, 30)


def test_full_date_and_month_year():
    text = "The lock opened on September 4, 1998."
    r = norm_date({"month": "September", "day": "4", "year": "1998"}, DCT, ctx_for(text, "September 4, 1998"))
    assert r == Normalised("DATE", "1998-09-04", "day", dt.date(1998, 9, 4), dt.date(1998, 9, 4), None, Anchor.AUTO)
    r = norm_date({"month": "Sept.", "year": "1998"}, DCT, ctx_for("In Sept. 1998 it rained.", "Sept. 1998"))
    assert (r.value, r.gran, r.end) == ("1998-09", "month", dt.date(1998, 9, 30))


@pytest.mark.parametrize(
    "text,phrase,groups,value",
    [
        ("The ferry will sail in March.", "March", {"month": "March"}, "2026-03"),  # future: the next March
        ("The ferry sailed in March.", "March", {"month": "March"}, "2025-03"),
        ("The ferry sails next March.", "next March", {"month": "March", "rel": "next"}, "2026-03"),
        ("The ferry sailed last June.", "last June", {"month": "June", "rel": "last"}, "2024-06"),
        ("The ferry sails in June next year.", "June next year", {"month": "June", "relafter": "next year"},
         "2026-06"),
    ],
)
def test_month_without_a_year(text, phrase, groups, value):
    r = norm_date(groups, DCT, ctx_for(text, phrase))
    assert r is not None and r.value == value


def test_weekday_picks_the_year():
    # 2 March was a Monday in 2026 (no year written: the weekday decides between neighbours)
    text = "Monday, March 2 the ferry sails."
    r = norm_date({"wd": "Monday", "month": "March", "day": "2"}, DCT, ctx_for(text, "Monday, March 2"))
    assert r.value == "2026-03-02"


def test_impossible_day_is_no_date():
    assert norm_date({"month": "February", "day": "30", "year": "2025"}, DCT, ctx_for("February 30, 2025", "February 30, 2025")) is None


def test_years_in_words():
    r = norm_date({"yearwords": "two thousand and two"}, DCT, ctx_for("in two thousand and two", "two thousand and two"))
    assert r.value == "2002"
    r = norm_date({"yearwords": "nineteen ninety-one"}, DCT, ctx_for("in nineteen ninety-one", "nineteen ninety-one"))
    assert r.value == "1991"


def test_decades_and_centuries():
    assert norm_decade({"decade": "1960"}, DCT, ctx_for("the 1960s", "the 1960s")).value == "196"
    assert norm_decade({"decadeword": "eighties"}, DCT, ctx_for("the eighties", "the eighties")).value == "198"
    assert norm_decade({"decadeword": "twenties"}, DCT, ctx_for("the twenty-twenties", "the twenty-twenties")).value == "202"
    r = norm_century({"ord": "twenty-first"}, DCT, ctx_for("the twenty-first century", "the twenty-first century"))
    assert (r.value, r.start, r.end) == ("20", dt.date(2000, 1, 1), dt.date(2099, 12, 31))
    assert norm_century({"ord": "19th"}, DCT, ctx_for("the 19th century", "the 19th century")).value == "18"
