"""Normalisers of expressions relative to the DCT or to an earlier expression.

``day_ref``: "today", "yesterday morning", "tonight", "the day after tomorrow" (a generic
"today's youth" is ``PRESENT_REF``). ``relative``:
"last week", "this coming weekend", "earlier this month", "the weekend". ``offset``: "two years
ago", "three days later", "a year earlier" (after a quarter: that quarter a year back).
``anaphoric``: "the next day", "earlier that day", "that same week", "the year before".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache

from transforms.core.refdata import read_yaml
from transforms.temporal import calendar as cal
from transforms.temporal.anaphora import QUARTER_CONTEXT_CHARS, anchor_of, find_anchor, find_quarter
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Groups, Normalised, group, lower, number, unit_of
from transforms.temporal.normalise.periods import norm_season

OFFSET_LOOKBACK_CHARS = 300  # "three days later" counts from a date at most this far back
ANAPHORA_LOOKBACK_CHARS = 600  # "the next day" likewise


@lru_cache(maxsize=1)
def _generic() -> tuple[str, re.Pattern[str], re.Pattern[str]]:
    """(the generic word, "today's <noun>" after it, "<noun> of" before it): ``generic.yaml``."""
    d = read_yaml("temporal", "en", "generic.yaml")
    nouns = "|".join(re.escape(n) for n in sorted(d["generic_nouns"], key=len, reverse=True))
    return (d["generic_word"], re.compile(rf"['’]s\s+(?:{nouns})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{nouns})\s+of\s+$", re.IGNORECASE))


def _is_generic(ref: str, part: str, ctx: Context) -> bool:
    """"today's youth", "the children of today": the present era, not the publication day."""
    word, after, before = _generic()
    if ref != word or part:
        return False
    return bool(after.match(ctx.text, ctx.end) or before.search(ctx.text[max(0, ctx.start - 40):ctx.start]))


def norm_day_ref(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    r = lx.relations
    ref, part, partrel = lower(g, "ref"), lower(g, "part"), lower(g, "partrel")
    if not g.get("dayrel") and _is_generic(ref, part, ctx):
        return Normalised("DATE", "PRESENT_REF")
    off = r.day_offsets.get(ref, 0)
    if partrel in r.part_relation_offsets:
        off = r.part_relation_offsets[partrel]
    if g.get("dayrel"):
        off += r.day_relation_offsets.get(group(g, "dayrel").lower(), 1)
    d = dct + dt.timedelta(days=off)
    if ref in r.night_words and not part:
        part = r.night_part
    if part:
        code = lx.parts.get(part)
        if not code:
            return None
        return Normalised("TIME", f"{d.isoformat()}T{code}", "time", d, d)
    return Normalised.date(cal.day(d))


def _weekend_step(dct: dt.date, direction: str | None) -> int:
    """"the weekend" without a relation word: this one or the last, from the tense."""
    wd = dct.weekday()
    if direction == "future":
        return 0 if wd < 6 else 1
    if direction == "past":
        return 0 if wd >= 5 else -1
    return 0 if wd >= 4 else -1


def _edge(cv: cal.CalValue, mod: str, dct: dt.date) -> cal.CalValue:
    """The analytics interval keeps to the side of the DCT the words name: "earlier this week"
    in a Friday article is Monday..Friday, "later this month" from today."""
    if cv.start is None or cv.end is None:
        return cv
    ds, de = cv.start, cv.end
    if mod == "START":
        de = max(ds, min(de, dct))
    else:
        ds = min(de, max(ds, dct))
    return dataclasses.replace(cv, start=ds, end=de)


def _edge_of_this(g: Groups, dct: dt.date, ctx: Context, unit: str, mod: str) -> Normalised | None:
    """"later this morning", "earlier this summer": a part of today, a season of this year."""
    lx = load_lexicon()
    if unit in lx.relations.relative_day_parts:
        return Normalised("TIME", f"{dct.isoformat()}T{lx.parts[unit]}", "time", dct, dct, mod)
    season = norm_season({"season": unit, "rel": "this"}, dct, ctx)
    return dataclasses.replace(season, mod=mod) if season is not None else None


def norm_relative(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    r = lx.relations
    unit = unit_of(group(g, "unit")) or group(g, "unit").lower()
    rel = lower(g, "rel")
    mod = None
    if rel in r.edge_mods:
        mod = r.edge_mods[rel]
        if unit in r.relative_day_parts or unit in lx.seasons:
            return _edge_of_this(g, dct, ctx, unit, mod)
        k = 0
        if lower(g, "this") == r.distal_relation:
            return None
    elif not rel:
        k = _weekend_step(dct, ctx.direction())
    else:
        k = r.relative_signs.get(rel, 0)
        if rel == r.distal_relation:
            return None
        if rel in r.anaphoric_relations and unit not in ("weekend",):
            prev = find_anchor(ctx, ctx.start)
            if prev is not None and prev.ds is not None:
                return Normalised.date(cal.value_at(cal.shift(prev.ds, unit, k), unit), None, anchor_of(prev))
    if unit == "semester":
        return None
    if unit == "quarter":
        idx = dct.year * 4 + (cal.quarter_of(dct) - 1) + k
        cv = cal.quarter(idx // 4, idx % 4 + 1)
    else:
        cv = cal.value_at(cal.shift(dct, unit, k), unit)
    if mod:
        cv = _edge(cv, mod, dct)
    return Normalised.date(cv, mod)


def _offset_base(g: Groups, dct: dt.date, ctx: Context, unit: str, n: int,
                 relative_to_text: bool) -> tuple[dt.date, str, str]:
    """(base date, unit of the value, anchor) of an offset."""
    prev = find_anchor(ctx, ctx.start, max_back=OFFSET_LOOKBACK_CHARS)
    prevq = find_quarter(ctx, ctx.start, QUARTER_CONTEXT_CHARS) if unit == "year" and n == 1 else None
    if prevq is not None and prevq.ds is not None:
        return prevq.ds, "quarter", anchor_of(prevq)
    if lower(g, "what") in load_lexicon().relations.quarter_whats and unit == "year":
        idx = dct.year * 4 + cal.quarter_of(dct) - 2
        return dt.date(idx // 4, (idx % 4) * 3 + 1, 1), "quarter", "publication_date"
    if relative_to_text and prev is not None and prev.ds is not None and prev.gran in (
            "day", "week", "month", "year", "quarter"):
        return prev.ds, unit, anchor_of(prev)
    return dct, unit, "publication_date"


def norm_offset(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    r = lx.relations
    unit = unit_of(group(g, "unit"))
    if unit is None:
        return None
    if g.get("num"):
        n = number(g["num"])
    else:
        n = "X" if group(g, "unit").lower() in lx.unit_plurals else 1  # "months ago": vague
    d = group(g, "dir").lower()
    sign = 1 if d in r.forward_directions else -1
    if n == "X" or n is None or isinstance(n, float | str):
        return Normalised("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    base, gran_unit, anchor = _offset_base(g, dct, ctx, unit, n, d in r.text_relative_directions)
    if unit in ("hour", "minute", "second"):
        return Normalised("DATE", base.isoformat(), "day", base, base, None, anchor)
    return Normalised.date(cal.value_at(cal.shift(base, unit, sign * int(n)), gran_unit), None, anchor)


def norm_anaphoric(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    """"the next day", "earlier that day", "that same week", "the year before": relative to the
    latest expression with a calendar value (none: not a time expression)."""
    lx = load_lexicon()
    r = lx.relations
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or g.get("unit4") or "").lower()
    rel = (g.get("rel") or g.get("rel2") or g.get("rel4") or (r.same_relation if g.get("unit3") else "")).lower()
    prev = find_anchor(ctx, ctx.start, ANAPHORA_LOOKBACK_CHARS)
    if prev is None or prev.ds is None:
        return None
    k = r.anaphoric_offsets.get(rel, 0)
    mod = r.edge_mods.get(rel)
    part = None
    if unit in r.anaphoric_day_parts:
        part, unit = lx.parts[unit], "day"
    cv = cal.value_at(cal.shift(prev.ds, unit, k), unit)
    if part:
        return Normalised("TIME", f"{cv.value}T{part}", cv.gran, cv.start, cv.end, mod, anchor_of(prev))
    return Normalised.date(cv, mod, anchor_of(prev))
