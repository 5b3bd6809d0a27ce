"""Small builders for calling a normaliser directly."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.normalise.base import Context, Expr


def ctx_for(text: str, phrase: str, prev: list[Expr] | None = None) -> Context:
    i = text.index(phrase)
    return Context(text, i, i + len(phrase), prev if prev is not None else [])


def day_expr(text: str, phrase: str, d: dt.date, rule: str = "date_month_day_year") -> Expr:
    i = text.index(phrase)
    return Expr(i, i + len(phrase), "DATE", d.isoformat(), "day", d, d, None, rule, None)
