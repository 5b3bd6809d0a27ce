"""Relative normalisers (transforms.temporal.normalise.relative): day references, units, offsets, anaphora."""

from __future__ import annotations

import datetime as dt

from tests.temporal.normalise.helpers import ctx_for, day_expr
from transforms.temporal.normalise.relative import norm_anaphoric, norm_day_ref, norm_offset, norm_relative

DCT = dt.date(2025, 5, 30)  # a Friday


def test_day_references():
    assert norm_day_ref({"ref": "yesterday"}, DCT, ctx_for("yesterday", "yesterday")).value == "2025-05-29"
    r = norm_day_ref({"ref": "tonight"}, DCT, ctx_for("tonight", "tonight"))
    assert (r.timex_type, r.value) == ("TIME", "2025-05-30TNI")
    r = norm_day_ref({"partrel": "last", "part": "night"}, DCT, ctx_for("last night", "last night"))
    assert r.value == "2025-05-29TNI"
    r = norm_day_ref({"dayrel": "after", "ref": "tomorrow"}, DCT, ctx_for("the day after tomorrow", "the day after tomorrow"))
    assert r.value == "2025-06-01"


def test_relative_units():
    assert norm_relative({"rel": "last", "unit": "month"}, DCT, ctx_for("last month", "last month")).value == "2025-04"
    r = norm_relative({"rel": "earlier", "this": "this", "unit": "quarter"}, DCT,
                      ctx_for("earlier this quarter", "earlier this quarter"))
    assert (r.value, r.mod, r.start, r.end) == ("2025-Q2", "START", dt.date(2025, 4, 1), DCT)
    r = norm_relative({"rel": "later", "this": "this", "unit": "month"}, DCT, ctx_for("later this month", "later this month"))
    assert (r.value, r.mod, r.start, r.end) == ("2025-05", "END", DCT, dt.date(2025, 5, 31))
    assert norm_relative({"rel": "that", "unit": "week"}, DCT, ctx_for("that week", "that week")) is None
    r = norm_relative({"unit": "weekend"}, DCT, ctx_for("The fair opens over the weekend.", "the weekend"))
    assert r.value == "2025-W22-WE"


def test_offsets_from_the_dct_and_from_an_earlier_date():
    r = norm_offset({"num": "two", "unit": "years", "dir": "ago"}, DCT, ctx_for("two years ago", "two years ago"))
    assert (r.value, r.anchor) == ("2023", "publication_date")
    text = "The dam opened on June 2, 1990, and three days later it flooded."
    prev = [day_expr(text, "June 2, 1990", dt.date(1990, 6, 2))]
    r = norm_offset({"num": "three", "unit": "days", "dir": "later"}, DCT, ctx_for(text, "three days later", prev))
    assert (r.value, r.anchor) == ("1990-06-05", f"expression:{text.index('June 2')}")
    r = norm_offset({"unit": "months", "dir": "ago"}, DCT, ctx_for("months ago", "months ago"))
    assert r.value == "PAST_REF"


def test_anaphoric_expressions_need_an_earlier_date():
    text = "The dam opened on June 2, 1990. The next morning it flooded."
    prev = [day_expr(text, "June 2, 1990", dt.date(1990, 6, 2))]
    r = norm_anaphoric({"rel": "next", "unit": "morning"}, DCT, ctx_for(text, "The next morning", prev))
    assert (r.timex_type, r.value) == ("TIME", "1990-06-03TMO")
    assert norm_anaphoric({"rel": "next", "unit": "morning"}, DCT, ctx_for(text, "The next morning")) is None
