"""Normaliser of holidays: fixed-date ones ("Christmas", "Independence Day") and movable ones
("Thanksgiving", "Easter", "Labor Day"), with an optional year or relation word ("last
Christmas"). Which holiday is which lives in ``lexicon.yaml`` (``holidays``, ``movable_holidays``);
the movable ones name one of the date rules of :data:`MOVABLE`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transforms.temporal import calendar as cal
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower


def nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    """n-th ISO weekday ``wd`` of month m (n=-1: the last)."""
    if n > 0:
        d = dt.date(y, m, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    d = cal.month_end(y, m)
    return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)


def easter(y: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


#: movable-holiday rule names (``movable_holidays`` values in lexicon.yaml) -> date of year y
MOVABLE: dict[str, Callable[[int], dt.date]] = {
    "us_thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),
    "us_labor_day": lambda y: nth_weekday(y, 9, 1, 1),
    "us_memorial_day": lambda y: nth_weekday(y, 5, 1, -1),
    "us_election_day": lambda y: nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
    "easter": easter,
    "good_friday": lambda y: easter(y) - dt.timedelta(days=2),
}


def movable(kind: str, y: int) -> dt.date | None:
    """Date of the movable holiday ``kind`` in year ``y`` (``None``: unknown kind or year)."""
    rule = MOVABLE.get(kind)
    if rule is None:
        return None
    try:
        return rule(y)
    except (ValueError, OverflowError):
        return None


def _movable_date(g: Groups, dct: dt.date, ctx: Context, kind: str) -> dt.date | None:
    r = load_lexicon().relations
    rel = lower(g, "rel")
    y0 = int(group(g, "year")) if g.get("year") else dct.year
    years = (y0,) if g.get("year") else (y0 - 1, y0, y0 + 1)
    cands = [c for c in (movable(kind, yy) for yy in years) if c]
    if not cands:
        return None
    if g.get("year"):
        return cands[0]
    if rel == r.holiday_past_relation or (not rel and str(ctx.direction()).startswith("past")):
        past = [c for c in cands if c <= dct]
        return past[-1] if past else cands[0]
    if rel == r.holiday_future_relation or ctx.direction() == "future":
        fut = [c for c in cands if c >= dct]
        return fut[0] if fut else cands[-1]
    return min(cands, key=lambda c: abs((c - dct).days))


def _fixed_date(g: Groups, dct: dt.date, ctx: Context, md: str) -> dt.date | None:
    r = load_lexicon().relations
    m, d = (int(x) for x in md.split("-"))
    rel = lower(g, "rel")
    if g.get("year"):
        y = int(group(g, "year"))
    elif rel == r.holiday_past_relation:
        y = dct.year if (m, d) < (dct.month, dct.day) else dct.year - 1
    elif rel == r.holiday_future_relation:
        y = dct.year if (m, d) > (dct.month, dct.day) else dct.year + 1
    else:
        y = cal.pick_year(dct, m, d, ctx.direction())
    return cal.safe_date(y, m, d)


def norm_holiday(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    key = re.sub(r"\s+", " ", group(g, "holiday").lower().replace("’", "'"))
    md = lx.holidays.get(key)
    if md:
        d = _fixed_date(g, dct, ctx, md)
    else:
        kind = lx.movable.get(key)
        if not kind:
            return None
        d = _movable_date(g, dct, ctx, kind)
    return Normalised.date(cal.day(d)) if d else None
