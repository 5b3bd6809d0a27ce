"""TIMEX3 values of one language's matches, from the calendar helpers of the English package.

:func:`normalise` reads a match of a pattern of :mod:`transforms.temporal.languages.patterns`
against the publication date (DCT) and a direction (``"future"``, ``"past"``, ``"this"`` or
``None``, from :mod:`transforms.temporal.languages.tag`) and returns a
:class:`~transforms.temporal.normalise.base.Normalised`, or ``None`` when the match is not a
date after all (a 31st of February). Calendar values (days, weeks, months, quarters, decades,
shifts) come from :mod:`transforms.temporal.calendar`, durations from
:func:`transforms.temporal.normalise.durations.duration_value`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from transforms.temporal import calendar as cal
from transforms.temporal.languages.lexicon import LanguageLexicon
from transforms.temporal.normalise.base import Normalised
from transforms.temporal.normalise.durations import duration_value

DCT = "publication_date"
FULL_DATES = frozenset({"ymd", "md", "iso", "dmy", "dm", "mdy", "numeric", "wdmy"})
DAY_TOLERANCE = 31  # a day given without a year, in a tensed sentence, may be this far on the other side
DAY_TOLERANCE_UNCUED = 62
MONTHS_AHEAD_UNCUED = 2  # a bare month this far after the DCT's is still this year's
CENTURY_YEARS = 10  # a two-digit year up to this many years after the DCT's is this century's
Groups = Mapping[str, Any]


def _day(d: dt.date | None, anchor: str | None) -> Normalised | None:
    return Normalised.date(cal.day(d), anchor=anchor) if d else None


def _month(y: int, m: int, anchor: str | None) -> Normalised | None:
    return Normalised.date(cal.month(y, m), anchor=anchor) if 1 <= m <= 12 else None


def _time(d: dt.date, code: str, anchor: str | None = DCT) -> Normalised:
    return Normalised("TIME", f"{d.isoformat()}T{code}", "time", d, d, None, anchor)


def shifted(dct: dt.date, n: int, unit: str) -> Normalised:
    """The day, week, month or year ``n`` units from the DCT ("hace dos semanas": 2 weeks back)."""
    return Normalised.date(cal.value_at(cal.shift(dct, unit, n), unit), anchor=DCT)


def year_of(dct: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (and day) given without one: news style looks back, a future cue ahead."""
    y = dct.year
    cand = cal.safe_date(y, month, day or 1) or dt.date(y, month, 1)
    if direction == "future":
        later = cand >= dct - dt.timedelta(days=DAY_TOLERANCE if day else 0)
        return y if later or (day is None and month >= dct.month) else y + 1
    if direction in ("past", None):
        if day is None:
            return y if month <= dct.month + (MONTHS_AHEAD_UNCUED if direction is None else 0) else y - 1
        return y if (cand - dct).days <= (DAY_TOLERANCE if direction else DAY_TOLERANCE_UNCUED) else y - 1
    return y


def weekday_date(dct: dt.date, wd: int, direction: str | None) -> dt.date:
    """The weekday ``wd`` (Monday = 0) nearest the DCT in ``direction`` (news style: the last one)."""
    delta = wd - dct.weekday()
    if direction == "future":
        return dct + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "this":
        return dct + dt.timedelta(days=delta)
    if direction == "past":  # "el pasado jueves", "lundi dernier": before the publication day
        return dct + dt.timedelta(days=delta if delta < 0 else delta - 7)
    return dct + dt.timedelta(days=delta if delta <= 0 else delta - 7)


def _full_date(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    if name == "numeric":
        a, b = int(g["a"]), int(g["b2"])
        day, month = (a, b) if lex.cues.get("date_order", "DMY").startswith("D") else (b, a)
    else:
        day, month = int(g["d"]), int(g["m"]) if g.get("m") else lex.months[g["mn"].lower()]
    if not 1 <= month <= 12:
        return None
    year = int(g["y"]) if g.get("y") else year_of(dct, month, day, direction)
    return _day(cal.safe_date(year, month, day), None if g.get("y") else DCT)


def _month_year(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    if name == "my2":
        y = dct.year // 100 * 100 + int(g["y2"])
        return _month(y - 100 if y > dct.year + CENTURY_YEARS else y, lex.months[g["mn"].lower()], None)
    return _month(int(g["y"]), int(g["m"]) if g.get("m") else lex.months[g["mn"].lower()], None)


def _bare_month(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    month = lex.months[g["mn"].lower()]
    return _month(year_of(dct, month, None, direction), month, DCT)


def _year(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    return Normalised.date(cal.year(int(g["y"])), anchor=None)


def _weekday(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    d = weekday_date(dct, lex.weekdays[g["wd"].lower()], direction)
    return _time(d, str(lex.cue_value("parts_of_day", g["pod"]))) if g.get("pod") else _day(d, DCT)


def _relative(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    n, unit = lex.relative[g["rel"].lower()]
    if name == "relative_pod":
        return _time(dct + dt.timedelta(days=n), str(lex.cue_value("parts_of_day", g["pod"])))
    return shifted(dct, n, unit)


def _day_of_month(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    """"le 12" (this month's 12th, or the last/next month's on the far side of the DCT)."""
    day, month = int(g["d"]), dct.month
    if direction == "future" and day < dct.day:
        month += 1
    elif direction != "future" and day > dct.day + 1:
        month -= 1
    y, m = cal.add_months(dct.year, month, 0)
    return _day(cal.safe_date(y, m, day), DCT)


def _quarter(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    q = int(g["q"]) if g["q"].isdigit() else int((lex.cues.get("ordinals") or {}).get(g["q"].lower(), 0))
    if not 1 <= q <= 4:
        return None
    if g.get("y"):
        return Normalised.date(cal.quarter(int(g["y"]), q), anchor=None)
    return Normalised.date(cal.quarter(dct.year if cal.quarter_of(dct) >= q else dct.year - 1, q), anchor=DCT)


def _decade(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    if g.get("dd"):
        tens = int(g["dd"]) // 10
    else:
        tens = int((lex.cues.get("decade_words") or {}).get((g.get("dw") or "").lower(), -1))
    if not 0 <= tens <= 9:
        return None
    century = int(g["c"]) if g.get("c") else (19 if tens >= 2 or dct.year < 2000 else 20)
    return Normalised.date(cal.decade_of(century * 100 + tens * 10), anchor=None)


def _clock(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    h, mi = int(g["h"]), int(g.get("mi") or 0)
    return _time(dct, f"{h:02d}:{mi:02d}") if h <= 24 and mi <= 59 else None


def _vague(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    return Normalised("DURATION", f"PX{lex.cue_value('vague_durations', g['vd'])}", anchor=None)


def _ref(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    return Normalised("DATE", name.upper(), anchor=None)


def _set(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    return Normalised("SET", str(lex.cue_value("sets", g["set"])), anchor=None)


def _number(lex: LanguageLexicon, word: str) -> float | str | None:
    w = word.lower()
    if w in lex.numbers:
        return "X" if lex.numbers[w] == "X" else float(lex.numbers[w])
    try:
        return float(w.replace(",", "."))
    except ValueError:
        return None


def _amount(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    """``N units`` as a duration (P3Y), or ``N units ago`` as the date that far back."""
    n, unit = _number(lex, g["n"]), lex.units[g["u"].lower()]
    if n is None or (n == "X" and name == "ago"):
        return None
    count: int | float | str = n if isinstance(n, str) else (int(n) if n.is_integer() else n)
    if name == "duration":
        code = duration_value(count, unit)
        return Normalised("DURATION", code, anchor=None) if code else None
    if unit == "hour" or not isinstance(count, int):
        return None
    return shifted(dct, -count, unit)


def _period(lex: LanguageLexicon, g: Groups, dct: dt.date, direction: str | None, name: str) -> Normalised | None:
    """A named period of the cue file: a part of a day, a weekend, or a week around the DCT."""
    spec = lex.cues["named_periods"][int(name[len("period"):])]
    kind, mod = spec["kind"], spec.get("mod")
    if kind == "day_part":
        return _time(dct + dt.timedelta(days=int(spec.get("offset", 0))), spec["part"])
    if kind == "weekend":
        ahead = direction == "future" or (direction is None and dct.weekday() >= 4)
        sat = dct + dt.timedelta(days=5 - dct.weekday() - (0 if ahead or dct.weekday() >= 5 else 7))
        return Normalised.date(cal.week(sat, weekend=True), mod, DCT)
    shift = {"this_week": 0, "last_week": -1, "next_week": 1}[kind]
    cv = cal.value_at(cal.shift(dct, "week", shift), "week")
    if mod == "START" and shift == 0 and cv.end:
        cv = cal.CalValue(cv.value, cv.gran, cv.start, min(cv.end, dct))
    return Normalised.date(cv, mod, DCT)


Normaliser = Callable[[LanguageLexicon, Groups, dt.date, "str | None", str], "Normalised | None"]
NORMALISERS: dict[str, Normaliser] = {
    **{n: _full_date for n in FULL_DATES}, "my": _month_year, "ym": _month_year, "my2": _month_year,
    "month": _bare_month, "year": _year, "bare_year": _year, "weekday": _weekday, "relative": _relative,
    "relative_pod": _relative, "dom": _day_of_month, "quarter": _quarter, "decade": _decade, "clock": _clock,
    "vague_duration": _vague, "present_ref": _ref, "past_ref": _ref, "future_ref": _ref, "set": _set,
    "duration": _amount, "ago": _amount, "period": _period,
}
_FAMILY = re.compile(r"^([a-z_]+?)\d*$")


def normalise(lex: LanguageLexicon, name: str, m: re.Match[str], dct: dt.date,
              direction: str | None) -> Normalised | None:
    """The value of a match of pattern ``name`` (``clock0`` is read by the ``clock`` normaliser)."""
    family = _FAMILY.match(name)
    fn = NORMALISERS.get(family.group(1) if family else name)
    return fn(lex, m.groupdict(), dct, direction, name) if fn else None
