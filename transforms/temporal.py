"""Temporal tagger and normaliser (TIMEX3), rule based, HeidelTime style.

Rules and lexicons live in ``seeds/reference/temporal/en/`` (``rules.yaml``, ``lexicon.yaml``,
``tense.yaml``) and are compiled once. :func:`tag` finds every candidate match of every rule,
keeps the longest non-overlapping ones, extends them with modifier prefixes ("early", "the end
of", "more than" ...) and normalises each against the publication date (DCT), taking the
direction of underspecified expressions ("on Friday", "May 16") from the tense cues around
them (:mod:`transforms.tense`). Pure Python; never raises; linear in the text length.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

import yaml

from transforms.core.records import Sentence, Timex
from transforms.settings import reference_path
from transforms.tense import direction as _direction

MAX_TEXT = 2_000_000  # characters looked at (longer inputs are truncated)
MAX_CANDIDATES = 200_000
WINDOW_BACK = 60  # characters looked at before / after a trigger word
WINDOW_FWD = 60
TENSE_TOLERANCE_DAYS = 31
MONTHS_AHEAD_WRAP = 2  # e.g. "January" in a November article: next January
MONTHS_BACK_WRAP = 3  # e.g. "December" in a January article: last December
MAX_LOOKBACK_EXPRESSIONS = 60  # anaphora look back at most this many expressions
QUARTER_CONTEXT_CHARS = 1000  # "a year earlier" after a quarter expression this close: the same quarter


def _alt(words, case_sensitive=False) -> str:
    forms = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        if case_sensitive:
            forms += [re.escape(w.capitalize()), re.escape(w.upper())]
        else:
            forms.append(esc)
    body = "|".join(forms)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


class _Lex:
    def __init__(self) -> None:
        base = reference_path("temporal", "en")
        with open(base / "lexicon.yaml", encoding="utf-8") as f:
            lx = yaml.safe_load(f)
        with open(base / "rules.yaml", encoding="utf-8") as f:
            rd = yaml.safe_load(f)
        self.rules_data = rd["rules"]
        self.trigger_names = list(rd["triggers"])
        body = "|".join(f"(?P<{k}>{v})" for k, v in rd["triggers"].items())
        # scanned on the lower-cased text (faster than IGNORECASE); fallback when lower() changes length
        self.trigger_rx_lower = re.compile("(?<![a-z])(?:" + body + ")")
        self.trigger_rx = re.compile("(?<![A-Za-z])(?:" + body + ")", re.IGNORECASE)
        self.lx = lx
        self.months = {k: v for k, v in lx["months"].items()}
        self.months.update(lx["month_abbreviations"])
        self.weekdays = dict(lx["weekdays"])
        self.weekdays.update(lx["weekday_abbreviations"])
        self.numbers = {k: v for k, v in lx["numbers"].items()}
        self.ordinals = lx["ordinals"]
        self.units = {k: tuple(v) for k, v in lx["units"].items()}
        self.unit_plurals = lx["unit_plurals"]
        self.seasons = lx["seasons"]
        self.parts = lx["parts_of_day"]
        self.sets = {k: tuple(v) for k, v in lx["adjectival_sets"].items()}
        self.holidays = lx["holidays"]
        self.movable = lx.get("movable_holidays", {})
        self.vague = set(lx["vague_numbers"])
        tens, unitw = lx["tens"], lx["units_digit"]
        numwords = [w for w in self.numbers]
        compound = f"(?:{_alt(tens)}(?:[- ]{_alt(unitw)})?)"
        month_full = _alt(lx["months"], case_sensitive=True)
        month_abbr = "|".join(
            f"{re.escape(a.capitalize())}\\.?|{re.escape(a.upper())}\\.?" for a in lx["month_abbreviations"]
        )
        wd_full = "|".join(f"{w.capitalize()}|{w.upper()}" for w in lx["weekdays"])
        wd_abbr = "|".join(f"{re.escape(a.capitalize())}\\." for a in lx["weekday_abbreviations"])
        ordc = r"(?:\d{1,2}(?:st|nd|rd|th)|twenty[- ]first|" + _alt(self.ordinals) + "|eleventh|twelfth|" \
            r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)"
        self.ph = {
            "%MONTHFULL%": month_full,
            "%MONTH%": f"(?:{month_full}|(?-i:{month_abbr}))(?![a-z])",
            "%WEEKDAY%": f"(?-i:{wd_full}|{wd_abbr})",
            "%DAY%": r"(?:[12]\d|3[01]|0?[1-9])",
            "%YEAR%": r"(?:1[5-9]\d\d|20\d\d)",
            "%NUM%": rf"(?:\d{{1,3}}(?:,\d{{3}})?(?:\.\d+)?|{compound}|{_alt(numwords)})",
            "%VAGUE%": _alt(self.vague),
            "%UNIT%": _alt(self.units),
            "%UNITS%": _alt(self.unit_plurals),
            "%ORD%": _alt(self.ordinals),
            "%ORDC%": ordc,
            "%SEASON%": _alt(self.seasons),
            "%PART%": _alt(self.parts),
            "%HOLIDAY%": _alt(list(self.holidays) + list(self.movable)).replace("'", "['’]"),
            "%SET_ADJ%": _alt(self.sets),
            "%REL%": r"(?:last|next|this|coming|past|previous|following|current|upcoming|that)",
            "%TENSW%": _alt(tens),
            "%UNITW%": _alt(unitw),
        }
        self.rules = []
        for i, r in enumerate(self.rules_data):
            pat = r["pattern"]
            for k in sorted(self.ph, key=len, reverse=True):
                pat = pat.replace(k, self.ph[k])
            rx = re.compile(rf"(?<![\w])(?:{pat})(?![\w])", re.IGNORECASE)
            self.rules.append((i, r["name"], r["type"], r["norm"], r.get("value"), rx))
        self.rules_on: dict[str, list[int]] = {k: [] for k in self.trigger_names}
        for i, r in enumerate(self.rules_data):
            for k in r["near"]:
                self.rules_on[k].append(i)
        pm = lx["prefix_mods"]
        self.prefix_mods = {k.lower(): v for k, v in pm.items()}
        self.prefix_rx = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in
                                    sorted(pm, key=len, reverse=True)) + r")(\s+|(?<=-))$", re.IGNORECASE)
        am = lx["approx_mods"]
        self.approx_mods = {k.lower(): v for k, v in am.items()}
        self.approx_rx = re.compile(
            r"(?<![\w])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in
                                    sorted(am, key=len, reverse=True)) + r")\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    return _Lex()


# ---------------------------------------------------------------- date helpers

def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_end(y: int, m: int) -> dt.date:
    y2, m2 = _add_months(y, m, 1)
    return dt.date(y2, m2, 1) - dt.timedelta(days=1)


def _safe_date(y, m, d):
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _num(s: str | None):
    """Number from digits or words; 'X' for vague quantities; None if absent."""
    if s is None:
        return None
    lx = lexicon()
    t = re.sub(r"\s+", " ", s.strip().lower())
    if t in lx.vague or t in ("few", "several", "some", "many"):
        return "X"
    if t in lx.numbers:
        return lx.numbers[t]
    t2 = t.replace(",", "")
    try:
        v = float(t2)
        return int(v) if v.is_integer() else v
    except ValueError:
        pass
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in lx.numbers and parts[1] in lx.numbers:
        return lx.numbers[parts[0]] + lx.numbers[parts[1]]
    return None


class _Expr:
    __slots__ = ("start", "end", "type", "value", "mod", "gran", "ds", "de", "anchor", "rule", "rank")

    def __init__(self, start, end, typ, value, gran=None, ds=None, de=None, anchor="publication_date",
                 rule="", mod=None):
        self.start, self.end, self.type, self.value = start, end, typ, value
        self.gran, self.ds, self.de, self.anchor, self.rule, self.mod = gran, ds, de, anchor, rule, mod
        self.rank = 0


# --------------------------------------------------------------- value builders

def _day(d: dt.date):
    return d.isoformat(), "day", d, d


def _month(y, m):
    return f"{y:04d}-{m:02d}", "month", dt.date(y, m, 1), _month_end(y, m)


def _year(y):
    return f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31)


def _quarter(y, q):
    m0 = 3 * (q - 1) + 1
    return f"{y:04d}-Q{q}", "quarter", dt.date(y, m0, 1), _month_end(y, m0 + 2)


def _week(d: dt.date, weekend=False):
    mon = d - dt.timedelta(days=d.weekday())
    if weekend:
        return _iso_week(d) + "-WE", "week", mon + dt.timedelta(days=5), mon + dt.timedelta(days=6)
    return _iso_week(d), "week", mon, mon + dt.timedelta(days=6)


def _pick_year(dct: dt.date, month: int, day: int | None, direction: str | None) -> int:
    y = dct.year
    if direction == "past?":
        # a weak cue (an -ed form): past for a month, no direction for a day
        direction = None if day is not None else "past"
    if day is None:
        if direction == "past":
            return y if month <= dct.month else y - 1
        if direction == "future":
            return y if month >= dct.month else y + 1
        # no cue: this year, unless the month is only a few months away across the year boundary
        diff = month - dct.month
        if diff < 0 and diff + 12 <= MONTHS_AHEAD_WRAP:
            return y + 1
        if diff > 0 and 12 - diff <= MONTHS_BACK_WRAP:
            return y - 1
        return y
    cand = _safe_date(y, month, min(day, 28 if month == 2 else day))
    if cand is None:
        return y
    # tense flips the year only for dates more than a month away on the wrong side of the DCT
    if direction == "past":
        return y if (cand - dct).days <= TENSE_TOLERANCE_DAYS else y - 1
    if direction == "future":
        return y if (dct - cand).days <= TENSE_TOLERANCE_DAYS else y + 1
    best = y
    bestd = abs((cand - dct).days)
    for yy in (y - 1, y + 1):
        c = _safe_date(yy, month, min(day, 28))
        if c and abs((c - dct).days) < bestd:
            best, bestd = yy, abs((c - dct).days)
    return best


def _year2(s: str, dct: dt.date) -> int:
    v = int(s)
    if len(s) == 2:
        v += 2000 if v <= (dct.year % 100) + 10 else 1900
    return v


# ------------------------------------------------------------------ normalisers

_REL_SIGN = {"this past": -1, "this coming": 1, "most recent": -1, "latest": -1, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
             "this": 0, "current": 0, "that": 0}


def _norm_date(g, dct, ctx):
    lx = lexicon()
    rel = (g.get("rel") or "").lower() or None
    if g.get("yearwords"):
        w = re.sub(r"[\s-]+", " ", g["yearwords"].lower().replace(" and", ""))
        parts = w.split()
        if parts[:2] == ["two", "thousand"]:
            rest = parts[2:]
            y = 2000 + (sum(lx.numbers.get(p, 0) for p in rest) if rest else 0)
        else:
            y = 1900 + sum(lx.numbers.get(p, 0) for p in parts[1:])
        return ("DATE",) + _year(y)
    month = None
    if g.get("month"):
        month = lx.months.get(g["month"].lower().rstrip("."))
    elif g.get("monthnum"):
        month = int(g["monthnum"])
    year = _year2(g["year"], dct) if g.get("year") else None
    if g.get("year2"):
        year = _year2(g["year2"], dct)
    day = int(g["day"]) if g.get("day") else None
    if month is None:
        if year is None:
            return None
        return ("DATE",) + _year(year)
    if year is None:
        ra = (g.get("relafter") or "").lower()
        if ra:
            year = dct.year + {"last year": -1, "next year": 1}.get(ra, 0)
        elif rel in ("last", "past", "previous"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel in ("next", "coming", "following", "upcoming"):
            year = dct.year if month > dct.month else dct.year + 1
        elif rel in ("this", "current"):
            year = dct.year
        else:
            year = _pick_year(dct, month, day, ctx["direction"]())
    if day is not None and g.get("wd") and not g.get("year"):
        wd = lx.weekdays.get(g["wd"].lower().rstrip("."))
        for yy in (year, year - 1, year + 1):
            c = _safe_date(yy, month, day)
            if c and c.isoweekday() == wd:
                year = yy
                break
    if day is not None:
        d = _safe_date(year, month, day)
        if d is None:
            return None
        return ("DATE",) + _day(d)
    return ("DATE",) + _month(year, month)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _norm_decade(g, dct, ctx):
    if g.get("decadeword"):
        d = _DECADE_WORDS[g["decadeword"].lower()]
        full = ctx["text"][ctx["start"]:ctx["end"]].lower()
        century = 2000 if "twenty" in full.split(g["decadeword"].lower())[0] else 1900
        y = century + 10 * d
    elif g.get("decade"):
        y = int(g["decade"])
    else:
        # "the '80s": the latest such decade that has begun by the publication year
        y = (dct.year // 100) * 100 + int(g["decade2"])
        if y > dct.year:
            y -= 100
    return "DATE", f"{y // 10:03d}", "decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31)


def _norm_century(g, dct, ctx):
    lx = lexicon()
    o = g["ord"].lower()
    n = lx.ordinals.get(o)
    if n is None:
        m = re.match(r"(\d+)", o)
        if m:
            n = int(m.group(1))
        elif "twenty" in o:
            n = 21
        else:
            n = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                 "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20}.get(o)
    if not n:
        return None
    y0 = (n - 1) * 100
    return "DATE", f"{n - 1:02d}", "century", dt.date(max(y0, 1), 1, 1), dt.date(y0 + 99, 12, 31)


def _norm_season(g, dct, ctx):
    lx = lexicon()
    s = lx.seasons[g["season"].lower()]
    rel = (g.get("rel") or "").lower()
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
    if g.get("year"):
        y = int(g["year"])
    elif rel in ("last", "past", "previous"):
        y = dct.year if start_month + 2 < dct.month else dct.year - 1
    elif rel in ("next", "coming", "following", "upcoming"):
        y = dct.year if start_month > dct.month else dct.year + 1
    else:
        y = dct.year
        if rel not in ("this", "current") and ctx["direction"]() == "past" and start_month > dct.month:
            y -= 1
    sm = start_month
    ds = dt.date(y, sm, 1)
    ey, em = _add_months(y, sm, 2)
    return "DATE", f"{y:04d}-{s}", "season", ds, _month_end(ey, em)


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _norm_quarter(g, dct, ctx):
    lx = lexicon()
    o = lx.ordinals.get(g["ord"].lower())
    qh = g["qh"].lower()
    if o is None:
        return None
    y = None
    for k in ("yearpre", "yearpost", "yearpost2"):
        if g.get(k):
            y = int(g[k])
    ry = (g.get("relyear") or "").lower()
    rel = (g.get("rel") or "").lower()
    if y is None:
        if ry in ("last",):
            y = dct.year - 1
        elif ry == "next":
            y = dct.year + 1
        elif rel in ("year-earlier", "year-ago"):
            y = dct.year - 1
        else:
            y = dct.year
            if qh.startswith("quarter") and o <= 4:
                qs = dt.date(y, 3 * (o - 1) + 1, 1)
                if qs > dct and (rel in ("last", "past", "previous") or ctx["direction"]() == "past"):
                    y -= 1
    if qh == "quarters":
        return "SET", f"XXXX-Q{o}", None, None, None
    if qh == "half":
        if o > 2:
            return None
        return "DATE", f"{y:04d}-H{o}", "half", dt.date(y, 6 * (o - 1) + 1, 1), _month_end(y, 6 * o)
    if o > 4:
        return None
    return ("DATE",) + _quarter(y, o)


def _norm_quarter_ref(g, dct, ctx):
    rel = (g.get("rel") or "").lower()
    what = g["what"].lower()
    if what == "period" and not rel:
        return None
    if rel == "same":
        return None
    cq = _quarter_of(dct)
    y = dct.year
    if rel in ("current", "this", "current fiscal"):
        k = 0
    elif rel in ("next", "coming"):
        k = 1
    else:
        k = -1
    if rel in ("year-earlier", "year-ago"):
        k = -5
    idx = y * 4 + (cq - 1) + k
    return ("DATE",) + _quarter(idx // 4, idx % 4 + 1)


def _norm_day_ref(g, dct, ctx):
    lx = lexicon()
    ref = (g.get("ref") or "").lower()
    part = (g.get("part") or "").lower()
    partrel = (g.get("partrel") or "").lower()
    off = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "tonite": 0}.get(ref, 0)
    if partrel:
        if partrel in ("yesterday",):
            off = -1
        elif partrel == "tomorrow":
            off = 1
        elif partrel == "last":
            off = -1 if part in ("night", "evening") else 0
            if part not in ("night", "evening"):
                off = -1
    if g.get("dayrel"):
        off += -1 if g["dayrel"].lower() == "before" else 1
    d = dct + dt.timedelta(days=off)
    if ref in ("tonight", "tonite") and not part:
        part = "night"
    if part:
        code = lx.parts.get(part)
        if not code:
            return None
        return "TIME", f"{d.isoformat()}T{code}", "time", d, d
    return ("DATE",) + _day(d)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    y, m = _add_months(d.year, d.month, n * months)
    return _safe_date(y, m, min(d.day, 28)) or d


def _value_at(d: dt.date, unit: str):
    if unit in ("day", "night", "hour", "minute", "second"):
        return _day(d)
    if unit == "week":
        return _week(d)
    if unit == "weekend":
        return _week(d, weekend=True)
    if unit == "month":
        return _month(d.year, d.month)
    if unit == "quarter":
        return _quarter(d.year, _quarter_of(d))
    if unit == "year":
        return _year(d.year)
    if unit == "decade":
        y = d.year // 10 * 10
        return f"{d.year // 10:03d}", "decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    if unit in ("century", "millennium"):
        y = d.year // 100 * 100
        return f"{d.year // 100:02d}", "century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return _day(d)


def _unit_of(word: str) -> str | None:
    lx = lexicon()
    w = word.lower()
    if w in lx.units:
        return w
    return lx.unit_plurals.get(w)


def _norm_relative(g, dct, ctx):
    unit = _unit_of(g["unit"]) or g["unit"].lower()
    rel = (g.get("rel") or "").lower()
    mod = None
    if rel in ("earlier", "later"):
        mod = "START" if rel == "earlier" else "END"
        if unit in ("morning", "afternoon", "evening"):
            code = lexicon().parts[unit]
            return "TIME", f"{dct.isoformat()}T{code}", "time", dct, dct, mod
        if unit in ("spring", "summer", "fall", "autumn", "winter"):
            r = _norm_season({"season": unit, "rel": "this"}, dct, ctx)
            return r + (mod,)
        k = 0
        if (g.get("this") or "").lower() == "that":
            return None
    elif not rel:
        # "the weekend": from the tense
        dirn = ctx["direction"]()
        wd = dct.weekday()
        if dirn == "future":
            k = 0 if wd < 6 else 1
        elif dirn == "past":
            k = 0 if wd >= 5 else -1
        else:
            k = 0 if wd >= 4 else -1
    else:
        k = _REL_SIGN.get(rel, 0)
        if rel == "that":
            return None
        if rel in ("following", "previous") and unit not in ("weekend",):
            prev = _find_anchor(ctx, ctx["start"])
            if prev is not None and prev.ds is not None:
                r = _value_at(_shift(prev.ds, unit, k), unit)
                return ("DATE",) + r + (None, f"expression:{prev.start}")
    if unit == "semester":
        return None
    if unit == "quarter":
        idx = dct.year * 4 + (_quarter_of(dct) - 1) + k
        r = _quarter(idx // 4, idx % 4 + 1)
    else:
        r = _value_at(_shift(dct, unit, k), unit)
    if mod and r[2] is not None and r[3] is not None:
        # the analytics interval keeps to the side of the publication date the words name:
        # "earlier this week" in a Friday article is Monday..Friday, "later this month" from today
        value, gran, ds, de = r
        if mod == "START":
            de = max(ds, min(de, dct))
        else:
            ds = min(de, max(ds, dct))
        r = (value, gran, ds, de)
    return ("DATE",) + r + ((mod,) if mod else ())


def _find_anchor(ctx, start, max_back=None):
    """Latest DATE/TIME expression with a calendar value before ``start`` (bounded look-back)."""
    prev = ctx["prev"]
    for e in reversed(prev[-MAX_LOOKBACK_EXPRESSIONS:]):
        if max_back is not None and start - e.end > max_back:
            return None
        if e.end <= start and e.type in ("DATE", "TIME") and e.ds is not None:
            return e
    return None


def _find_quarter(ctx, start, max_back=None):
    """Latest quarter expression before ``start`` (earnings-report context: "a year earlier")."""
    prev = ctx["prev"]
    for e in reversed(prev[-MAX_LOOKBACK_EXPRESSIONS:]):
        if max_back is not None and start - e.end > max_back:
            return None
        if e.end <= start and e.gran == "quarter" and e.type == "DATE" and e.ds is not None and \
                e.rule in ("date_quarter", "date_quarter_possessive", "date_quarter_ref"):
            if re.search(r"year[- ](?:ago|earlier)|\bago\b|\bearlier\b", ctx["text"][e.start:e.end], re.IGNORECASE):
                continue  # itself a year-ago quarter: not the reference quarter
            return e
    return None


def _norm_offset(g, dct, ctx):
    unit = _unit_of(g["unit"])
    if unit is None:
        return None
    if g.get("num"):
        n = _num(g["num"])
    else:
        n = "X" if g["unit"].lower() in lexicon().unit_plurals else 1  # "months ago": vague
    d = g["dir"].lower()
    sign = 1 if d in ("later", "from now", "hence", "after") else -1
    relative_to_text = d in ("earlier", "later", "before", "after", "previously")
    if n == "X" or n is None or isinstance(n, float):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None
    what = (g.get("what") or "").lower()
    base = dct
    anchor = "publication_date"
    gran_unit = unit
    prev = _find_anchor(ctx, ctx["start"], max_back=300)
    prevq = _find_quarter(ctx, ctx["start"], QUARTER_CONTEXT_CHARS) if unit == "year" and n == 1 else None
    if prevq is not None:
        base, gran_unit, anchor = prevq.ds, "quarter", f"expression:{prevq.start}"
    elif what in ("quarter", "period") and unit == "year":
        idx = dct.year * 4 + _quarter_of(dct) - 2
        base = dt.date(idx // 4, (idx % 4) * 3 + 1, 1)
        gran_unit = "quarter"
    elif relative_to_text and prev is not None and prev.ds is not None and prev.gran in (
            "day", "week", "month", "year", "quarter"):
        base, anchor = prev.ds, f"expression:{prev.start}"
    if unit in ("hour", "minute", "second"):
        return "DATE", base.isoformat(), "day", base, base, None, anchor
    r = _value_at(_shift(base, unit, sign * int(n)), gran_unit)
    return ("DATE",) + r + (None, anchor)


def _norm_weekday(g, dct, ctx):
    lx = lexicon()
    wd = lx.weekdays.get(g["wd"].lower().rstrip("."))
    if wd is None:
        return None
    rel = (g.get("rel") or "").lower()
    weekrel = (g.get("weekrel") or "").lower()
    cur = dct.isoweekday()
    if weekrel:
        base = dct + dt.timedelta(weeks=_REL_SIGN.get(weekrel, 0))
        d = base + dt.timedelta(days=wd - base.isoweekday())
    elif rel in ("previous", "following") and _find_anchor(ctx, ctx["start"], 400) is not None and \
            _find_anchor(ctx, ctx["start"], 400).gran == "day":
        # "the previous Friday", "the following Monday": relative to the day just mentioned
        base = _find_anchor(ctx, ctx["start"], 400).ds
        bw = base.isoweekday()
        d = base - dt.timedelta(days=(bw - wd) % 7 or 7) if rel == "previous" else \
            base + dt.timedelta(days=(wd - bw) % 7 or 7)
        return ("DATE",) + _day(d) + (None, f"expression:{_find_anchor(ctx, ctx['start'], 400).start}")
    elif rel in ("last", "past", "previous", "this past"):
        delta = (cur - wd) % 7 or 7
        d = dct - dt.timedelta(days=delta)
    elif rel in ("next", "coming", "following", "this coming"):
        delta = (wd - cur) % 7 or 7
        d = dct + dt.timedelta(days=delta)
    elif rel == "this":
        d = dct + dt.timedelta(days=wd - cur)
    elif wd == cur:
        d = dct
    else:
        dirn = ctx["direction"]()
        if dirn == "future":
            d = dct + dt.timedelta(days=(wd - cur) % 7)
        elif dirn is None and ctx.get("future_bias"):
            d = dct + dt.timedelta(days=(wd - cur) % 7)
        else:
            d = dct - dt.timedelta(days=(cur - wd) % 7)
    part = (g.get("part") or g.get("part1") or "").lower()
    if part:
        code = lx.parts.get(part)
        if code:
            return "TIME", f"{d.isoformat()}T{code}", "time", d, d
    return ("DATE",) + _day(d)


def _norm_holiday(g, dct, ctx):
    lx = lexicon()
    key = re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'"))
    md = lx.holidays.get(key)
    if not md:
        kind = lx.movable.get(key)
        if not kind:
            return None
        rel = (g.get("rel") or "").lower()
        y0 = int(g["year"]) if g.get("year") else dct.year
        cands = [(yy, _movable(kind, yy)) for yy in (y0 - 1, y0, y0 + 1)] if not g.get("year") else \
            [(y0, _movable(kind, y0))]
        cands = [c for c in cands if c[1]]
        if not cands:
            return None
        if g.get("year"):
            d = cands[0][1]
        elif rel == "last" or (not rel and str(ctx["direction"]()).startswith("past")):
            past = [c for _, c in cands if c <= dct]
            d = past[-1] if past else cands[0][1]
        elif rel == "next" or ctx["direction"]() == "future":
            fut = [c for _, c in cands if c >= dct]
            d = fut[0] if fut else cands[-1][1]
        else:
            d = min((c for _, c in cands), key=lambda c: abs((c - dct).days))
        return ("DATE",) + _day(d)
    m, d = (int(x) for x in md.split("-"))
    rel = (g.get("rel") or "").lower()
    if g.get("year"):
        y = int(g["year"])
    elif rel == "last":
        y = dct.year if (m, d) < (dct.month, dct.day) else dct.year - 1
    elif rel == "next":
        y = dct.year if (m, d) > (dct.month, dct.day) else dct.year + 1
    else:
        y = _pick_year(dct, m, d, ctx["direction"]())
    dd = _safe_date(y, m, d)
    return ("DATE",) + _day(dd) if dd else None


def _nth_weekday(y, m, wd, n):
    """n-th ISO weekday ``wd`` of month m (n=-1: the last)."""
    if n > 0:
        d = dt.date(y, m, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    d = _month_end(y, m)
    return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)


def _easter(y):
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


def _movable(kind, y):
    try:
        if kind == "us_thanksgiving":
            return _nth_weekday(y, 11, 4, 4)
        if kind == "us_labor_day":
            return _nth_weekday(y, 9, 1, 1)
        if kind == "us_memorial_day":
            return _nth_weekday(y, 5, 1, -1)
        if kind == "us_election_day":
            return _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
        if kind == "easter":
            return _easter(y)
        if kind == "good_friday":
            return _easter(y) - dt.timedelta(days=2)
    except (ValueError, OverflowError):
        return None
    return None


def _norm_anaphoric(g, dct, ctx):
    """"the next day", "earlier that day", "that same week", "the year before": relative to the
    latest expression with a calendar value (else the publication date)."""
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or g.get("unit4") or "").lower()
    rel = (g.get("rel") or g.get("rel2") or g.get("rel4") or ("same" if g.get("unit3") else "")).lower()
    prev = _find_anchor(ctx, ctx["start"], 600)
    if prev is None or prev.ds is None:
        return None
    k = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(rel, 0)
    mod = {"earlier": "START", "later": "END"}.get(rel)
    part = None
    if unit in ("morning", "afternoon", "evening", "night"):
        part, unit = lexicon().parts[unit], "day"
    base = prev.ds
    r = _value_at(_shift(base, unit, k), unit)
    if part:
        return ("TIME", f"{r[0]}T{part}") + r[1:] + (mod, f"expression:{prev.start}")
    return ("DATE",) + r + (mod, f"expression:{prev.start}")


def _norm_clock(g, dct, ctx):
    if g.get("named"):
        nm = g["named"].lower()
        hh, mm = (24, 0) if nm == "midnight" else (12, 0)
    else:
        if g.get("hourw"):
            h = _num(g["hourw"])
            if not isinstance(h, int):
                return None
            hh = h
        else:
            hh = int(g["hour"])
        mm = int(g["min"]) if g.get("min") else 0
        ap = (g.get("ampm") or "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
        if (g.get("part") or "").lower() in ("afternoon", "evening") and hh < 12:
            hh += 12
        if hh > 24 or mm > 59:
            return None
    return "TIME", f"{dct.isoformat()}T{hh:02d}:{mm:02d}", "time", dct, dct


def _norm_fixed(g, dct, ctx, value):
    return "DATE", value, None, None, None


def _dur_value(n, unit: str) -> str | None:
    tu = {"hour": "H", "minute": "M", "second": "S"}
    if unit in tu:
        if n == "X":
            return f"PTX{tu[unit]}"
        if isinstance(n, float):
            whole, frac = int(n), n - int(n)
            sub = {"hour": "M", "minute": "S"}.get(unit)
            if sub is None or (frac * 60) != int(frac * 60):
                return None
            return f"PT{whole}{tu[unit]}{int(frac * 60)}{sub}" if whole else f"PT{int(frac * 60)}{sub}"
        return f"PT{n}{tu[unit]}"
    if n == "X":
        return {"day": "PXD", "night": "PXD", "week": "PXW", "weekend": "PXWE", "fortnight": "PXW",
                "month": "PXM", "quarter": "PXQ", "year": "PXY", "decade": "PXDE", "century": "PXC",
                "millennium": "PXML"}.get(unit)
    if isinstance(n, float):
        conv = {"year": (12, "M"), "month": (30, "D"), "day": (24, "H"), "week": (7, "D"),
                "decade": (10, "Y"), "century": (100, "Y")}.get(unit)
        if not conv:
            return None
        v = n * conv[0]
        if not float(v).is_integer():
            return None
        if unit == "year" and int(n) >= 1:
            return f"P{int(n)}Y6M" if n - int(n) == 0.5 else f"P{int(v)}M"
        return f"PT{int(v)}H" if conv[1] == "H" else f"P{int(v)}{conv[1]}"
    mult = {"decade": (10, "Y"), "century": (100, "Y"), "millennium": (1000, "Y"), "fortnight": (2, "W"),
            "quarter": (1, "Q")}.get(unit)
    if mult:
        return f"P{n * mult[0]}{mult[1]}"
    code = {"day": "D", "night": "D", "week": "W", "weekend": "WE", "month": "M", "year": "Y"}.get(unit)
    return f"P{n}{code}" if code else None


def _norm_duration(g, dct, ctx):
    uw = g["unit"].lower()
    if uw in ("while", "long time", "short time", "period of time"):
        if not ctx["text"][ctx["start"]:ctx["start"] + 2].lower().startswith("a"):
            return None
        return "DURATION", "PXX", None, None, None
    unit = _unit_of(uw)
    if unit is None:
        return None
    if (g.get("rel") or "").lower() == "recent" and uw == "years" and g.get("num") is None:
        return "DATE", "PAST_REF", None, None, None  # "in recent years": a vague past reference
    if g.get("num") is not None:
        n = _num(g["num"])
        if n is None:
            return None
        if g.get("num2"):
            n2 = _num(g["num2"])
            if isinstance(n, int) and isinstance(n2, int) and n >= 20 and n2 < 10:
                n = n + n2
            elif isinstance(n2, int | float):
                n = "X"  # "12 to 18 months" style ranges
        full = ctx["text"][ctx["start"]:ctx["end"]].lower()
        if ("and a half" in full or "and-a-half" in full or "1/2" in full or "½" in full) and isinstance(n, int):
            n = n + 0.5
    else:
        first = ctx["text"][ctx["start"]:ctx["start"] + 6].lower()
        if uw in lexicon().unit_plurals:
            n = "X"
        else:
            n = 1
            if first.startswith("the ") and unit == "week":
                return ("DATE",) + _week(dct)
            if first.startswith("the ") and unit == "month":
                return ("DATE",) + _month(dct.year, dct.month)
            if first.startswith("the ") and unit not in ("year",):
                return None
            if first.startswith("the ") and unit == "year":
                full = ctx["text"][ctx["start"]:ctx["end"]].lower()
                before = ctx["text"][max(0, ctx["start"] - 4):ctx["start"]].lower()
                after = ctx["text"][ctx["end"]:ctx["end"] + 8].lower()
                if not re.match(r"\s+end(?:ed|ing)\b", after) and (
                        re.search(r"\b(?:full|calendar|entire|whole)\b", full) or before.endswith(("of ", "for "))):
                    return ("DATE",) + _year(dct.year)  # "for the year", "the full year": this year
    v = _dur_value(n, unit)
    if v is None:
        return None
    return "DURATION", v, None, None, None


def _norm_set(g, dct, ctx):
    lx = lexicon()
    if g.get("adjset"):
        a = lx.sets.get(g["adjset"].lower())
        if not a:
            return None
        return "SET", a[0], None, None, None
    if g.get("wd"):
        wd = lx.weekdays.get(g["wd"].lower().rstrip("."))
        if wd is None:
            return None
        part = (g.get("part") or "").lower().rstrip("s")
        code = lx.parts.get(part) if part else None
        return "SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""), None, None, None
    unit = _unit_of(g["unit"])
    if unit is None:
        return None
    n = g.get("num")
    k = 2 if (n or "").lower() == "other" else (_num(n) if n else 1)
    if not isinstance(k, int):
        k = 1
    v = _dur_value(k, unit)
    return ("SET", v, None, None, None) if v else None


def _norm_year_period(g, dct, ctx):
    y = int(g["year"])
    what = g["what"].lower()
    if what in ("period", "quarter"):
        q = _find_quarter(ctx, ctx["start"])
        if q is not None:
            return ("DATE",) + _quarter(y, _quarter_of(q.ds)) + (None, f"expression:{q.start}")
    if what == "first half":
        return "DATE", f"{y:04d}-H1", "half", dt.date(y, 1, 1), dt.date(y, 6, 30)
    if what in ("second half", "last half", "latter half", "final half"):
        return "DATE", f"{y:04d}-H2", "half", dt.date(y, 7, 1), dt.date(y, 12, 31)
    return ("DATE",) + _year(y) + (None, None)


def _norm_year_end(g, dct, ctx):
    y = dct.year
    if ctx["direction"]() == "past" and dct.month < 3:
        y -= 1
    return ("DATE",) + _year(y) + ("END",)


_NORMS = {"anaphoric": _norm_anaphoric, "year_period": _norm_year_period, "year_end": _norm_year_end, "date": _norm_date, "decade": _norm_decade, "century": _norm_century, "season": _norm_season,
          "quarter": _norm_quarter, "quarter_ref": _norm_quarter_ref, "day_ref": _norm_day_ref,
          "relative": _norm_relative, "offset": _norm_offset, "weekday": _norm_weekday,
          "holiday": _norm_holiday, "clock": _norm_clock, "duration": _norm_duration, "set": _norm_set}

_SET_A_BEFORE = re.compile(r"(?:\d[\d.,]*%?\s+(?:[a-z]+\s+)?|\bonce\s+|\btwice\s+|\btimes\s+|percent\s+|"
                          r"\bcents?\s+|\bdollars?\s+|\bpounds?\s+|\beuros?\s+|\byen\s+|\bmillion\s+|"
                          r"\bbillion\s+|\bthousand\s+|\bhundred\s+)$", re.IGNORECASE)
_SET_FREQ_BEFORE = re.compile(r"\b(?:once|twice|thrice|times)\s+$", re.IGNORECASE)
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“]\s*)$")
_FALL_SPRING_OK = re.compile(r"(?:\b(?:in|during|by|until|since|through|this|last|next|early|late|mid|"
                             r"the|that|each|every)\s+(?:the\s+)?|mid-)$", re.IGNORECASE)
_YEAR_CUE = re.compile(r"(?:\b(?:in|since|of|by|from|until|till|through|during|before|after|to|and|circa|"
                       r"year|fiscal|early|late|mid|the|between|than|'s|around|about|summer|spring|winter|"
                       r"autumn|fall|january|february|march|april|may|june|july|august|september|october|"
                       r"november|december)\s*|[-(,]\s*)$", re.IGNORECASE)


def _precheck(name: str, m: re.Match, text: str, dct: dt.date) -> bool:
    s = m.start()
    before = text[max(0, s - 30):s]
    if name == "date_month_rel":
        if not m.group("rel") and not m.group("relafter") and m.group("month") in ("May", "MAY"):
            if _SENT_START.search(before):
                return False
            after = text[m.end():m.end() + 12]
            if re.match(r"\s+(?:be|have|not|also|well|never|still|only|help|take|make|get|want|need|"
                        r"seem|cause|lead|result|require|face|lose|find|give|come)\b", after):
                return False
        if m.group("month") in ("March", "MARCH") and re.match(r"\s+(?:on|to|through|against|in)\b",
                                                                text[m.end():m.end() + 10]):
            return False
    elif name == "set_every":
        if m.group("q").lower() in ("a", "an"):
            # "twice a week" is a SET; "$35 a night", "10,000 units a year" are rates, not timexes
            if not _SET_FREQ_BEFORE.search(before) or m.group("num"):
                return False
    elif name == "set_adj":
        # "quarterly dividend", "daily newspaper": adjectival use is not a time expression
        if re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
            return False
    elif name in ("duration", "duration_the_unit"):
        num = (m.group("num") or "").lower() if name == "duration" else m.group(0).split()[0].lower()
        if num in ("a", "an") and _SET_A_BEFORE.search(before):
            return False  # a rate ("$1.76 a year"), not a duration
    if name == "duration":
        if (m.group("adj") or "").lower().endswith("old") and m.group("unit").lower().startswith("year"):
            return False
        unit, num = m.group("unit").lower(), (m.group("num") or "").lower()
        after = text[m.end():m.end() + 4].lower()
        if unit.startswith("quarter") and (after.startswith(" of") or "-" in m.group(0)):
            return False  # "a quarter of the shares", "three-quarters"
        if unit == "second" and num in ("a", "an", "one"):
            return False  # "a second reason"
    elif name == "duration_bare_plural":
        if re.match(r"[- ]old\b", text[m.end():m.end() + 5]) or re.search(r"\d\s*$", before):
            return False
    elif name == "date_season":
        if m.group("season").lower() in ("fall", "spring") and not m.group("rel") and not m.group("year"):
            if re.match(r"\s+of\b", text[m.end():m.end() + 4]):
                return False  # "the fall of the Berlin Wall"
            start_word = text[m.start():m.start() + 4].lower()
            return start_word == "the " and bool(_FALL_SPRING_OK.search(before + "the ")) or \
                bool(_FALL_SPRING_OK.search(before))
    elif name == "date_year":
        y = int(m.group("year"))
        if not (1900 <= y <= dct.year + 15) and not _YEAR_CUE.search(before):
            return False
    elif name in ("present_ref", "current_adj", "past_ref", "future_ref"):
        x = m.group("x").lower()
        if x == "now" and re.match(r"\s*that\b", text[m.end():m.end() + 8]):
            return True
        if x == "future" and re.match(r"\s+(?:of|tense)\b", text[m.end():m.end() + 8]):
            return False
        if x == "soon" and (re.search(r"\bas\s+$", before) or re.match(r"\s+(?:as|after|afterwards|thereafter)\b",
                                                                       text[m.end():m.end() + 13])):
            return False  # "as soon as", "soon after": not a time point
    return True


def _resolve(cands):
    """Longest non-overlapping candidates; ties: earlier rule, earlier start."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    occupied = bytearray(0)
    for c in cands:
        s, e = c[0], c[1]
        if e > len(occupied):
            occupied.extend(b"\0" * (e - len(occupied) + 1024))
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\1" * (e - s)
        out.append(c)
        taken.append((s, e))
    out.sort(key=lambda c: c[0])
    return out


_OR_SO = re.compile(r"\s+or\s+so(?![\w])", re.IGNORECASE)
_DET_HYPHEN = re.compile(r"((?:the|that|this|a|an|its)\s+)(?:fiscal\s+)?\w+-(?:\w+-)*(?:year|month|week|day|hour|"
                         r"minute|quarter|decade|century|old|long|ago|earlier)s?", re.IGNORECASE)
_WS_AFTER = re.compile(r"\s")


def _windows(text: str, lx: _Lex):
    """(rule index, (start, end)) windows around the trigger words of each rule, merged."""
    spans: dict[int, list[list[int]]] = {}
    n = len(text)
    low = text.lower()
    scan = lx.trigger_rx_lower.finditer(low) if len(low) == n else lx.trigger_rx.finditer(text)
    for m in scan:
        s = max(0, m.start() - WINDOW_BACK)
        e = min(n, m.end() + WINDOW_FWD)
        for idx in lx.rules_on[m.lastgroup]:
            lst = spans.setdefault(idx, [])
            if lst and s <= lst[-1][1]:
                lst[-1][1] = max(lst[-1][1], e)
            else:
                lst.append([s, e])
    for idx in sorted(spans):
        for s, e in spans[idx]:
            # snap to whitespace so that no word is cut at a window edge
            if s > 0:
                k = text.rfind(" ", max(0, s - 40), s)
                s = k + 1 if k >= 0 else max(0, s - 40)
            if e < n:
                mm = _WS_AFTER.search(text, e, min(n, e + 40))
                e = mm.start() if mm else min(n, e + 40)
            yield idx, (s, e)


_CLOCK_DATE_GAP = re.compile(r"\s*,?\s*$")


def tag(text: str, dct: dt.date, sentences: list[Sentence] | None = None) -> list[Timex]:
    """Time expressions of ``text`` normalised against ``dct`` (see docs/architecture.md)."""
    try:
        return _tag(text, dct, sentences)
    except Exception:  # never raise on any input
        return []


def _tag(text: str, dct: dt.date, sentences) -> list[Timex]:
    if not isinstance(text, str) or not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    text = text[:MAX_TEXT]
    lx = lexicon()
    cands = []
    for idx, (ws, we) in _windows(text, lx):
        _, name, _typ, _norm, _value, rx = lx.rules[idx]
        for m in rx.finditer(text, ws, we):
            if m.end() == m.start():
                continue
            if not _precheck(name, m, text, dct):
                continue
            cands.append((m.start(), m.end(), idx, m))
            if len(cands) >= MAX_CANDIDATES:
                break
    chosen = _resolve(cands)
    exprs: list[_Expr] = []
    ctx = {"text": text, "prev": exprs, "start": 0, "end": 0}
    for s, e, idx, m in chosen:
        _, name, typ, norm, value, _rx = lx.rules[idx]
        ctx["start"], ctx["end"] = s, e
        dir_cache: list = []

        def direction(s=s, e=e, dir_cache=dir_cache):
            if not dir_cache:
                dir_cache.append(_direction(text, s, e))
            return dir_cache[0]

        ctx["direction"] = direction
        g = m.groupdict()
        if norm == "fixed":
            r = _norm_fixed(g, dct, ctx, value)
        else:
            r = _NORMS[norm](g, dct, ctx)
        if not r:
            continue
        typ2, val, gran, ds, de = r[:5]
        mod = r[5] if len(r) > 5 else None
        anchor = r[6] if len(r) > 6 else ("publication_date" if ds is not None or typ2 == "TIME" else None)
        if norm == "date" and (g.get("year") or g.get("yearwords")) and not (g.get("rel") or g.get("relafter")):
            anchor = None if g.get("day") or g.get("month") or g.get("yearwords") or g.get("year") else anchor
        if norm in ("decade", "century") or (norm == "season" and g.get("year")):
            anchor = None
        if typ2 in ("DURATION", "SET") or val.endswith("_REF"):
            anchor = None
        ex = _Expr(s, e, typ2, val, gran, ds, de, anchor, name, mod)
        exprs.append(ex)
    # modifier prefixes ("early", "the end of", "more than" ...)
    prev_end = 0
    for ex in exprs:
        before = text[max(prev_end, ex.start - 30):ex.start]
        if ex.type in ("DATE", "TIME") and not ex.value.endswith("_REF"):
            pm = lx.prefix_rx.search(before)
            if pm and not (pm.group(1).lower() in ("earlier", "later") and ex.rule not in (
                    "relative_unit", "date_month_rel", "day_ref")):
                ex.start -= len(pm.group(0))
                if ex.mod is None:
                    ex.mod = lx.prefix_mods.get(re.sub(r"\s+", " ", pm.group(1).lower()))
                before = text[max(prev_end, ex.start - 30):ex.start]
        if ex.type == "DURATION" or ex.rule == "offset":
            am = lx.approx_rx.search(before)
            if am:
                ex.start -= len(am.group(0))
                ex.mod = lx.approx_mods.get(re.sub(r"\s+", " ", am.group(1).lower()))
        if ex.type in ("DURATION", "DATE"):
            om = _OR_SO.match(text, ex.end)
            if om:
                ex.end = om.end()
                ex.mod = ex.mod or "APPROX"
        # "the two-week", "the third-quarter": a hyphenated adjective takes no determiner
        dm = _DET_HYPHEN.match(text, ex.start, ex.end)
        if dm and dm.end() == ex.end:
            ex.start += len(dm.group(1))
        prev_end = ex.end
    # clock time followed by a day ("5 p.m. EST Nov. 9", "noon Thursday")
    merged: list[_Expr] = []
    for ex in exprs:
        if merged:
            p = merged[-1]
            gap = text[p.end:ex.start]
            if p.type == "TIME" and p.rule.startswith(("clock", "noon")) and ex.gran == "day" and \
                    len(gap) <= 3 and _CLOCK_DATE_GAP.match(gap):
                p.value = ex.value + p.value[10:]
                p.ds = p.de = ex.ds
                p.end = ex.end
                continue
            if ex.type == "TIME" and ex.rule.startswith(("clock", "noon")) and p.gran == "day" and \
                    p.type == "DATE" and re.fullmatch(r"\s*(?:at\s+)?", gap) and False:
                continue
        merged.append(ex)
    out = []
    sent_starts = [snt.start for snt in sentences] if sentences else []
    for ex in merged:
        si = None
        if sent_starts:
            k = bisect_right(sent_starts, ex.start) - 1
            if k >= 0 and ex.start < sentences[k].end:
                si = sentences[k].index
        out.append(Timex(
            start=ex.start, end=ex.end, text=text[ex.start:ex.end], timex_type=ex.type,
            value=ex.value, mod=ex.mod, granularity=_gran(ex), date_start=ex.ds,
            date_end=ex.de, anchor=ex.anchor, rule=ex.rule, sentence_index=si,
        ))
    return out


def _gran(ex: _Expr) -> str | None:
    g = ex.gran
    if g in ("season", "half"):
        return "month" if g == "half" else "quarter"
    return g
