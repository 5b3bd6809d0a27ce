"""Normalisers of durations and sets: "three years", "90 minutes", "a two-week", "several
months", "half an hour", "one and a half years", "a while"; "every month", "twice a week",
"daily", "Mondays", "every other week". :func:`duration_value` writes the ISO 8601 value
(``P3Y``, ``PT90M``, ``PXM``, ``P18M``, ``P2Q``).
"""

from __future__ import annotations

import datetime as dt
import re

from transforms.temporal import calendar as cal
from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import (
    Context,
    Groups,
    Normalised,
    group,
    lower,
    number,
    unit_of,
)

Number = int | float | str  # "X": vague

CLOCK_CODES = {"hour": "H", "minute": "M", "second": "S"}
CLOCK_SUBUNITS = {"hour": "M", "minute": "S"}  # a fraction of an hour in minutes ...
VAGUE_CODES = {"day": "PXD", "night": "PXD", "week": "PXW", "weekend": "PXWE", "fortnight": "PXW",
               "month": "PXM", "quarter": "PXQ", "year": "PXY", "decade": "PXDE", "century": "PXC",
               "millennium": "PXML"}
FRACTION_CONVERSIONS = {"year": (12, "M"), "month": (30, "D"), "day": (24, "H"), "week": (7, "D"),
                        "decade": (10, "Y"), "century": (100, "Y")}
MULTIPLES = {"decade": (10, "Y"), "century": (100, "Y"), "millennium": (1000, "Y"), "fortnight": (2, "W"),
             "quarter": (1, "Q")}
CODES = {"day": "D", "night": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y"}


def _clock_duration(n: Number, unit: str) -> str | None:
    code = CLOCK_CODES[unit]
    if n == "X":
        return f"PTX{code}"
    if isinstance(n, float):
        whole, frac = int(n), n - int(n)
        sub = CLOCK_SUBUNITS.get(unit)
        if sub is None or (frac * 60) != int(frac * 60):
            return None
        return f"PT{whole}{code}{int(frac * 60)}{sub}" if whole else f"PT{int(frac * 60)}{sub}"
    return f"PT{n}{code}"


def _fraction_duration(n: float, unit: str) -> str | None:
    conv = FRACTION_CONVERSIONS.get(unit)
    if not conv:
        return None
    v = n * conv[0]
    if not float(v).is_integer():
        return None
    if unit == "year" and int(n) >= 1:
        return f"P{int(n)}Y6M" if n - int(n) == 0.5 else f"P{int(v)}M"
    return f"PT{int(v)}H" if conv[1] == "H" else f"P{int(v)}{conv[1]}"


def duration_value(n: Number, unit: str) -> str | None:
    """ISO 8601 duration of ``n`` units (``n`` ``'X'``: vague)."""
    if unit in CLOCK_CODES:
        return _clock_duration(n, unit)
    if n == "X":
        return VAGUE_CODES.get(unit)
    if isinstance(n, float):
        return _fraction_duration(n, unit)
    mult = MULTIPLES.get(unit)
    if mult:
        return f"P{n * mult[0]}{mult[1]}" if isinstance(n, int) else None
    code = CODES.get(unit)
    return f"P{n}{code}" if code else None


def _counted(g: Groups, ctx: Context) -> Number | None:
    """The number of a counted duration ("three years", "12 to 18 months": X, "two and a half")."""
    r = load_lexicon().relations
    n = number(g["num"])
    if n is None:
        return None
    if g.get("num2"):
        n2 = number(g["num2"])
        if isinstance(n, int) and isinstance(n2, int) and n >= 20 and n2 < 10:
            n = n + n2
        elif isinstance(n2, int | float):
            n = "X"  # "12 to 18 months" style ranges
    full = ctx.span_text().lower()
    if any(h in full for h in r.half_markers) and isinstance(n, int):
        n = n + 0.5
    return n


def _the_unit(dct: dt.date, ctx: Context, unit: str) -> Normalised | None:
    """"the week", "the month", "for the year": the current one; other "the <unit>": none."""
    r = load_lexicon().relations
    if unit == "week":
        return Normalised.date(cal.week(dct))
    if unit == "month":
        return Normalised.date(cal.month(dct.year, dct.month))
    if unit != "year":
        return None
    full = ctx.span_text().lower()
    before = ctx.text[max(0, ctx.start - 4):ctx.start].lower()
    after = ctx.text[ctx.end:ctx.end + 8].lower()
    ending = r"\s+(?:" + "|".join(re.escape(w) for w in sorted(r.year_ending_after)) + r")\b"
    whole = r"\b(?:" + "|".join(re.escape(w) for w in sorted(r.whole_year_words)) + r")\b"
    if not re.match(ending, after) and (
            re.search(whole, full) or before.endswith(tuple(w + " " for w in r.whole_year_before))):
        return Normalised.date(cal.year(dct.year))  # "for the year", "the full year": this year
    return Normalised("DURATION", "P1Y")


def norm_duration(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    r = lx.relations
    uw = group(g, "unit").lower()
    if uw in r.vague_duration_units:
        if not ctx.text[ctx.start:ctx.start + 2].lower().startswith("a"):
            return None
        return Normalised("DURATION", "PXX")
    unit = unit_of(uw)
    if unit is None:
        return None
    if lower(g, "rel") == r.recent_relation and uw in lx.unit_plurals and unit == "year" and g.get("num") is None:
        return Normalised("DATE", "PAST_REF")  # "in recent years": a vague past reference
    n: Number | None
    if g.get("num") is not None:
        n = _counted(g, ctx)
        if n is None:
            return None
    elif uw in lx.unit_plurals:
        n = "X"
    elif ctx.text[ctx.start:ctx.start + 6].lower().startswith(r.the_determiner + " "):
        return _the_unit(dct, ctx, unit)
    else:
        n = 1
    v = duration_value(n, unit)
    return Normalised("DURATION", v) if v is not None else None


def norm_set(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    lx = load_lexicon()
    if g.get("adjset"):
        a = lx.sets.get(group(g, "adjset").lower())
        return Normalised("SET", a[0]) if a else None
    if g.get("wd"):
        wd = lx.weekdays.get(group(g, "wd").lower().rstrip("."))
        if wd is None:
            return None
        part = (lower(g, "part") or lower(g, "wdpart")).rstrip("s")
        code = lx.parts.get(part) if part else None
        return Normalised("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""))
    if g.get("part"):  # "every morning": each day, that part of it
        code = lx.parts.get(lower(g, "part"))
        return Normalised("SET", "XXXX-XX-XXT" + code) if code else None
    unit = unit_of(group(g, "unit"))
    if unit is None:
        return None
    n = g.get("num")
    k = 2 if (n or "").lower() == lx.relations.every_other else (number(n) if n else 1)
    if not isinstance(k, int):
        k = 1
    v = duration_value(k, unit)
    return Normalised("SET", v) if v else None


def norm_duration_clock(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    """A clock-style duration, "2:15:30" -> ``PT2H15M30S`` (zero parts left out); with a unit
    after two parts, the unit names the first: "1:30 hours" -> ``PT1H30M``, "3:58 minutes" ->
    ``PT3M58S``."""
    a, b = int(group(g, "h")), int(group(g, "m"))
    if g.get("s") is not None:
        fields: tuple[tuple[int, str], ...] = ((a, "H"), (b, "M"), (int(group(g, "s")), "S"))
    elif (g.get("cunit") or "").lower().startswith("h"):
        fields = ((a, "H"), (b, "M"))
    else:
        fields = ((a, "M"), (b, "S"))
    parts = "".join(f"{v}{c}" for v, c in fields if v)
    return Normalised("DURATION", f"PT{parts}") if parts else None
