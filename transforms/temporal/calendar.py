"""Calendar arithmetic for the normalisers: TIMEX3 values of days, weeks, months, quarters ...

:class:`CalValue` is a calendar value with its granularity and its interval (first and last
day); the builders (:func:`day`, :func:`month`, :func:`quarter` ...) make one, :func:`shift`
moves a date by a number of units and :func:`value_at` gives the value of the unit around a
date. :func:`pick_year` chooses the year of a month or a day given without one. The canonical
unit names (``day``, ``week``, ``month`` ...) are the singular unit words of ``lexicon.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TENSE_TOLERANCE_DAYS = 31
MONTHS_AHEAD_WRAP = 2  # e.g. "January" in a November article: next January
MONTHS_BACK_WRAP = 3  # e.g. "December" in a January article: last December
MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


@dataclass(frozen=True, slots=True)
class CalValue:
    """A TIMEX3 value with its granularity and calendar interval (``None`` where open)."""

    value: str
    gran: str | None
    start: dt.date | None
    end: dt.date | None


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def month_end(y: int, m: int) -> dt.date:
    y2, m2 = add_months(y, m, 1)
    return dt.date(y2, m2, 1) - dt.timedelta(days=1)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def day(d: dt.date) -> CalValue:
    return CalValue(d.isoformat(), "day", d, d)


def month(y: int, m: int) -> CalValue:
    return CalValue(f"{y:04d}-{m:02d}", "month", dt.date(y, m, 1), month_end(y, m))


def year(y: int) -> CalValue:
    return CalValue(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def quarter(y: int, q: int) -> CalValue:
    m0 = 3 * (q - 1) + 1
    return CalValue(f"{y:04d}-Q{q}", "quarter", dt.date(y, m0, 1), month_end(y, m0 + 2))


def week(d: dt.date, weekend: bool = False) -> CalValue:
    mon = d - dt.timedelta(days=d.weekday())
    if weekend:
        return CalValue(iso_week(d) + "-WE", "week", mon + dt.timedelta(days=5), mon + dt.timedelta(days=6))
    return CalValue(iso_week(d), "week", mon, mon + dt.timedelta(days=6))


def decade_of(y: int) -> CalValue:
    """The decade starting with year ``y`` (a multiple of ten): ``199`` for 1990."""
    return CalValue(f"{y // 10:03d}", "decade", dt.date(y, 1, 1), dt.date(y + 9, 12, 31))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (months keep the day, capped at the 28th)."""
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    months = MONTHS_PER_UNIT.get(unit)
    if months is None:
        return d
    y, m = add_months(d.year, d.month, n * months)
    return safe_date(y, m, min(d.day, 28)) or d


def value_at(d: dt.date, unit: str) -> CalValue:
    """The value of the ``unit`` containing ``d`` (a day for clock units)."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return week(d, weekend=True)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, quarter_of(d))
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade_of(d.year // 10 * 10)
    if unit in ("century", "millennium"):
        y = d.year // 100 * 100
        return CalValue(f"{d.year // 100:02d}", "century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31))
    return day(d)


def _pick_month_year(dct: dt.date, m: int, direction: str | None) -> int:
    y = dct.year
    if direction == "past":
        # as for a day: tense does not flip a month that begins within a month after the DCT
        # ("agreed to meet in March" in a February article is the coming March)
        nxt = y if m > dct.month else y + 1
        if m != dct.month and (dt.date(nxt, m, 1) - dct).days <= TENSE_TOLERANCE_DAYS:
            return nxt
        return y if m <= dct.month else y - 1
    if direction == "future":
        return y if m >= dct.month else y + 1
    # no cue: this year, unless the month is only a few months away across the year boundary
    diff = m - dct.month
    if diff < 0 and diff + 12 <= MONTHS_AHEAD_WRAP:
        return y + 1
    if diff > 0 and 12 - diff <= MONTHS_BACK_WRAP:
        return y - 1
    return y


def pick_year(dct: dt.date, m: int, d: int | None, direction: str | None) -> int:
    """Year of month ``m`` (day ``d``) written without one, from the DCT and the direction."""
    y = dct.year
    if direction == "past?":
        # a weak cue (an -ed form): past for a month, no direction for a day
        direction = None if d is not None else "past"
    if d is None:
        return _pick_month_year(dct, m, direction)
    cand = safe_date(y, m, min(d, 28 if m == 2 else d))
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
        c = safe_date(yy, m, min(d, 28))
        if c and abs((c - dct).days) < bestd:
            best, bestd = yy, abs((c - dct).days)
    return best


def two_digit_year(s: str, dct: dt.date) -> int:
    """A year written with two digits ("3/4/89"): 20xx up to ten years after the DCT's own two
    digits, else 19xx (so in a 1990s article every two-digit year reads as 20xx)."""
    v = int(s)
    if len(s) == 2:
        v += 2000 if v <= (dct.year % 100) + 10 else 1900
    return v
