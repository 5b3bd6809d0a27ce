"""Normaliser of weekdays: "Friday", "last Monday", "this coming Tuesday", "Monday morning",
"Friday next week", "the previous Friday" (from the day just mentioned).

A bare weekday is the DCT itself when it is the DCT's weekday (news style), else the next one
in a future clause and the previous one otherwise.
"""

from __future__ import annotations

import datetime as dt

from transforms.temporal import calendar as cal
from transforms.temporal.anaphora import anchor_of, find_anchor
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower

PREVIOUS_DAY_LOOKBACK_CHARS = 400  # "the previous Friday" counts from a day at most this far back


def _anaphoric_weekday(ctx: Context, rel: str, wd: int) -> Normalised | None:
    """"the previous Friday", "the following Monday": relative to the day just mentioned."""
    prev = find_anchor(ctx, ctx.start, PREVIOUS_DAY_LOOKBACK_CHARS)
    if prev is None or prev.gran != "day" or prev.ds is None:
        return None
    base = prev.ds
    bw = base.isoweekday()
    r = load_lexicon().relations
    if rel in r.past_relations:
        d = base - dt.timedelta(days=(bw - wd) % 7 or 7)
    else:
        d = base + dt.timedelta(days=(wd - bw) % 7 or 7)
    return Normalised.date(cal.day(d), None, anchor_of(prev))


def _weekday_date(g: Groups, dct: dt.date, ctx: Context, wd: int) -> dt.date:
    r = load_lexicon().relations
    rel, weekrel = lower(g, "rel"), lower(g, "weekrel")
    cur = dct.isoweekday()
    if weekrel:
        base = dct + dt.timedelta(weeks=r.relative_signs.get(weekrel, 0))
        return base + dt.timedelta(days=wd - base.isoweekday())
    if rel in r.weekday_past_relations:
        return dct - dt.timedelta(days=(cur - wd) % 7 or 7)
    if rel in r.weekday_future_relations:
        return dct + dt.timedelta(days=(wd - cur) % 7 or 7)
    if rel == r.weekday_present_relation:
        return dct + dt.timedelta(days=wd - cur)
    if wd == cur:
        return dct
    if ctx.direction() == "future":
        return dct + dt.timedelta(days=(wd - cur) % 7)
    return dct - dt.timedelta(days=(cur - wd) % 7)


def norm_weekday(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    wd = lx.weekdays.get(group(g, "wd").lower().rstrip("."))
    if wd is None:
        return None
    rel = lower(g, "rel")
    if not g.get("weekrel") and rel in lx.relations.anaphoric_relations:
        found = _anaphoric_weekday(ctx, rel, wd)
        if found is not None:
            return found
    d = _weekday_date(g, dct, ctx, wd)
    part = (g.get("part") or g.get("part1") or "").lower()
    if part:
        code = lx.parts.get(part)
        if code:
            return Normalised("TIME", f"{d.isoformat()}T{code}", "time", d, d)
    return Normalised.date(cal.day(d))
