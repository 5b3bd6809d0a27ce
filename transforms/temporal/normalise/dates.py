"""Normalisers of calendar dates: days, months, years (digits or words), decades, centuries.

``date``: "March 3, 1961", "3/4/89", "May 16", "last March", "May next year", "1995", "fiscal
1990", "nineteen ninety-one"; a month or day without a year takes it from the relation word or
the direction from tense (:func:`transforms.temporal.calendar.pick_year`). ``decade``: "the
1990s", "the '80s", "the eighties". ``century``: "the 20th century", "the twenty-first century".
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.temporal import calendar as cal
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower


def year_from_words(words: str) -> int:
    """"nineteen ninety-one" -> 1991, "two thousand and two" -> 2002."""
    lx = load_lexicon()
    w = words.lower()
    for filler in lx.year_word_fillers:
        w = w.replace(" " + filler, "")
    parts = re.sub(r"[\s-]+", " ", w).split()
    century, n = lx.default_century, 1
    for lead, c in lx.year_word_centuries.items():
        if parts[:len(lead.split())] == lead.split():
            century, n = c, len(lead.split())
            break
    y = century + sum(lx.numbers.get(p, 0) for p in parts[n:])
    if not isinstance(y, int):
        raise ValueError(f"not a year: {words!r}")  # a fraction word (rules.yaml never captures one)
    return y


def _year_of_month(g: Groups, dct: dt.date, ctx: Context, m: int, d: int | None) -> int:
    """Year of a month (day) written without one."""
    rel = lower(g, "rel") or None
    r = load_lexicon().relations
    ra = lower(g, "relafter")
    if ra:
        return dct.year + r.year_after_offsets.get(ra, 0)
    if rel in r.past_relations:
        return dct.year if m < dct.month else dct.year - 1
    if rel in r.future_relations:
        return dct.year if m > dct.month else dct.year + 1
    if rel in r.present_relations:
        return dct.year
    return cal.pick_year(dct, m, d, ctx.direction())


def _weekday_year(g: Groups, y: int, m: int, d: int) -> int:
    """"Friday, March 3": the year (of three) in which March 3 is a Friday."""
    wd = load_lexicon().weekdays.get(group(g, "wd").lower().rstrip("."))
    for yy in (y, y - 1, y + 1):
        c = cal.safe_date(yy, m, d)
        if c and c.isoweekday() == wd:
            return yy
    return y


def norm_date(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    if g.get("yearwords") and not g.get("month"):
        return Normalised.date(cal.year(year_from_words(group(g, "yearwords"))))
    m = None
    if g.get("month"):
        m = lx.months.get(group(g, "month").lower().rstrip("."))
    elif g.get("monthnum"):
        m = int(group(g, "monthnum"))
    y = cal.two_digit_year(group(g, "year"), dct) if g.get("year") else None
    if g.get("yearwords"):
        y = year_from_words(group(g, "yearwords"))  # "January nineteen ninety-seven"
    if g.get("year2"):
        y = cal.two_digit_year(group(g, "year2"), dct)
    d = int(group(g, "day")) if g.get("day") else None
    if g.get("dayword"):
        d = lx.day_ordinals.get(re.sub(r"\s+", " ", group(g, "dayword").lower()))  # "March eighth"
    if m is None:
        if y is None:
            return None
        return Normalised.date(cal.year(y))
    if y is None:
        y = _year_of_month(g, dct, ctx, m, d)
    if d is not None and g.get("wd") and not g.get("year"):
        y = _weekday_year(g, y, m, d)
    if d is not None:
        day = cal.safe_date(y, m, d)
        if day is None:
            return None
        return Normalised.date(cal.day(day))
    return Normalised.date(cal.month(y, m))


def norm_week_of(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    """"the week of March 6": the ISO week of that day."""
    d = norm_date(g, dct, ctx)
    if d is None or d.start is None:
        return None
    return Normalised.date(cal.week(d.start))


def norm_decade(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    if g.get("decadeword"):
        word = group(g, "decadeword").lower()
        lead = ctx.span_text().lower().split(word)[0]
        century = next((c for w, c in lx.decade_centuries.items() if w in lead), lx.default_century)
        y = century + 10 * lx.decade_words[word]
    elif g.get("decade"):
        y = int(group(g, "decade"))
    else:
        # "the '80s": the latest such decade that has begun by the publication year
        y = (dct.year // 100) * 100 + int(group(g, "decade2"))
        if y > dct.year:
            y -= 100
    return Normalised.date(cal.decade_of(y))


def norm_century(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    o = group(g, "ord").lower()
    n = lx.ordinals.get(o)
    if n is None:
        m = re.match(r"(\d+)", o)
        n = int(m.group(1)) if m else lx.century_ordinals.get(o)
    if not n:
        return None
    y0 = (n - 1) * 100
    return Normalised("DATE", f"{n - 1:02d}", "century", dt.date(max(y0, 1), 1, 1), dt.date(y0 + 99, 12, 31))
