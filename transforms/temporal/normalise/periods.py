"""Normalisers of periods inside a year: seasons, quarters, halves, the year's end.

``season``: "this summer", "last winter", "spring 1999". ``quarter``: "the third quarter (of
1989)", "last year's second half", "the first quarters". ``quarter_ref``: "the latest
quarter", "the year-ago period". ``year_period``: "the 1989 period", "the first half of 1990".
``year_end``: "year-end". A quarter or season not yet begun moves a year back in a past clause.
"""

from __future__ import annotations

import datetime as dt

from transforms.temporal import calendar as cal
from transforms.temporal.anaphora import anchor_of, find_quarter
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower
from transforms.temporal.normalise.dates import year_from_words

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_value(code: str, y: int) -> cal.CalValue:
    """The season ``code`` (SP, SU, FA, WI) starting in year ``y``."""
    sm = SEASON_START_MONTH[code]
    ey, em = cal.add_months(y, sm, 2)
    return cal.CalValue(f"{y:04d}-{code}", "season", dt.date(y, sm, 1), cal.month_end(ey, em))


def norm_season(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    r = lx.relations
    code = lx.seasons[group(g, "season").lower()]
    rel = lower(g, "rel")
    start_month = SEASON_START_MONTH[code]
    if g.get("year"):
        y = int(group(g, "year"))
    elif g.get("yearwords"):
        y = year_from_words(group(g, "yearwords"))  # "the winter of nineteen ninety-four"
    elif rel in r.past_relations:
        y = dct.year if start_month + 2 < dct.month else dct.year - 1
    elif rel in r.future_relations:
        y = dct.year if start_month > dct.month else dct.year + 1
    else:
        y = dct.year
        if rel not in r.present_relations and ctx.direction() == "past" and start_month > dct.month:
            y -= 1
    return Normalised.date(season_value(code, y))


def _quarter_year(g: Groups, dct: dt.date, ctx: Context, o: int, qh: str) -> int:
    r = load_lexicon().relations
    y = None
    for k in ("yearpre", "yearpost", "yearpost2"):
        if g.get(k):
            y = int(group(g, k))
    if y is not None:
        return y
    ry, rel = lower(g, "relyear"), lower(g, "rel")
    if ry in r.quarter_year_offsets:
        return dct.year + r.quarter_year_offsets[ry]
    if rel in r.year_ago_relations:
        return dct.year - 1
    y = dct.year
    if qh.startswith("quarter") and o <= 4:
        qs = dt.date(y, 3 * (o - 1) + 1, 1)
        if qs > dct and (rel in r.past_relations or ctx.direction() == "past"):
            y -= 1
    return y


def norm_quarter(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    o = load_lexicon().ordinals.get(group(g, "ord").lower())
    qh = group(g, "qh").lower()
    if o is None:
        return None
    y = _quarter_year(g, dct, ctx, o, qh)
    if qh == "quarters":
        return Normalised("SET", f"XXXX-Q{o}")
    if qh == "half":
        if o > 2:
            return None
        return Normalised("DATE", f"{y:04d}-H{o}", "half", dt.date(y, 6 * (o - 1) + 1, 1), cal.month_end(y, 6 * o))
    if o > 4:
        return None
    return Normalised.date(cal.quarter(y, o))


def norm_quarter_ref(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    r = load_lexicon().relations
    rel = lower(g, "rel")
    what = group(g, "what").lower()
    if what == "period" and not rel:
        return None
    if rel == r.same_relation:
        return None
    if rel in r.current_quarter_relations:
        k = 0
    elif rel in r.next_quarter_relations:
        k = 1
    else:
        k = -1
    if rel in r.year_ago_relations:
        k = -5
    idx = dct.year * 4 + (cal.quarter_of(dct) - 1) + k
    return Normalised.date(cal.quarter(idx // 4, idx % 4 + 1))


def norm_year_period(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    r = load_lexicon().relations
    y = int(group(g, "year"))
    what = group(g, "what").lower()
    if what in r.quarter_whats:
        q = find_quarter(ctx, ctx.start)
        if q is not None and q.ds is not None:
            return Normalised.date(cal.quarter(y, cal.quarter_of(q.ds)), None, anchor_of(q))
    if what in r.first_half_words:
        return Normalised("DATE", f"{y:04d}-H1", "half", dt.date(y, 1, 1), dt.date(y, 6, 30))
    if what in r.second_half_words:
        return Normalised("DATE", f"{y:04d}-H2", "half", dt.date(y, 7, 1), dt.date(y, 12, 31))
    return Normalised.date(cal.year(y), None, None)


def norm_year_end(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    y = dct.year
    if ctx.direction() == "past" and dct.month < 3:
        y -= 1
    return Normalised.date(cal.year(y), "END")
