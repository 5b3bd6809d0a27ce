"""Normaliser of clock times: "5 p.m.", "10:30 a.m. EST", "1430 GMT", "five o'clock in the
afternoon", "noon", "midnight". The value is a TIME on the DCT (a following day name moves it:
see :mod:`transforms.temporal.modifiers`).
"""

from __future__ import annotations

import datetime as dt

from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower, number

DEFAULT_NAMED_TIME = (12, 0)


def _hour_minute(g: Groups) -> tuple[int, int] | None:
    r = load_lexicon().relations
    if g.get("hourw"):
        h = number(g["hourw"])
        if not isinstance(h, int):
            return None
        hh = h
    else:
        hh = int(group(g, "hour"))
    mm = int(group(g, "min")) if g.get("min") else 0
    ap = lower(g, "ampm").replace(".", "")
    if ap in r.pm_words and hh < 12:
        hh += 12
    elif ap in r.am_words and hh == 12:
        hh = 0
    if lower(g, "part") in r.pm_parts and hh < 12:
        hh += 12
    if hh > 24 or mm > 59:
        return None
    return hh, mm


def norm_clock(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    if g.get("named"):
        hh, mm = load_lexicon().relations.named_times.get(group(g, "named").lower(), DEFAULT_NAMED_TIME)
    else:
        hm = _hour_minute(g)
        if hm is None:
            return None
        hh, mm = hm
    return Normalised("TIME", f"{dct.isoformat()}T{hh:02d}:{mm:02d}", "time", dct, dct)
