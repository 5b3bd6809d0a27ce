"""Anchoring to earlier expressions (transforms.temporal.anaphora)."""

from __future__ import annotations

import datetime as dt

from tests.temporal.normalise.helpers import ctx_for, day_expr
from transforms.temporal.anaphora import MAX_LOOKBACK_EXPRESSIONS, find_anchor, find_quarter
from transforms.temporal.normalise.base import Expr


def _quarter(text: str, phrase: str, rule: str = "date_quarter") -> Expr:
    i = text.index(phrase)
    return Expr(i, i + len(phrase), "DATE", "2024-Q3", "quarter", dt.date(2024, 7, 1), dt.date(2024, 9, 30),
                None, rule, None)


def test_latest_calendar_expression_before_the_match():
    text = "It began on May 1, 2020 and ended on May 9, 2020; a day later it resumed."
    a = day_expr(text, "May 1, 2020", dt.date(2020, 5, 1))
    b = day_expr(text, "May 9, 2020", dt.date(2020, 5, 9))
    ctx = ctx_for(text, "a day later", [a, b])
    assert find_anchor(ctx, ctx.start) is b
    assert find_anchor(ctx, ctx.start, max_back=1) is None  # "May 9, 2020" ends 2 characters back
    dur = Expr(0, 2, "DURATION", "P1D", None, None, None, None, "duration", None)
    assert find_anchor(ctx_for(text, "a day later", [dur]), ctx.start) is None


def test_the_look_back_is_bounded():
    text = "x " * 200 + "a day later"
    old = day_expr(text, "x", dt.date(2020, 5, 1))
    fillers = [Expr(2, 3, "DURATION", "P1D", None, None, None, None, "duration", None)] * MAX_LOOKBACK_EXPRESSIONS
    assert find_anchor(ctx_for(text, "a day later", [old, *fillers]), text.index("a day")) is None


def test_quarter_anchor_skips_year_ago_quarters():
    text = "Profit in the third quarter rose from the year-ago quarter; a year earlier it fell."
    q = _quarter(text, "the third quarter")
    q_ago = _quarter(text, "the year-ago quarter", rule="date_quarter_ref")
    ctx = ctx_for(text, "a year earlier", [q, q_ago])
    assert find_quarter(ctx, ctx.start) is q
    assert find_quarter(ctx_for(text, "a year earlier", [q_ago]), ctx.start) is None
