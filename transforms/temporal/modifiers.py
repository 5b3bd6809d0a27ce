"""Modifiers and merges applied to normalised expressions, in text order.

:func:`extend` grows an expression by the modifier words in front of it ("early", "the end
of", "mid-" -> START/END/MID; "about", "more than", "at least" -> APPROX/MORE_THAN/...; from
``prefix_mods`` / ``approx_mods`` of ``lexicon.yaml``) and the suffix "or so"; it drops the
determiner of a hyphenated adjective ("the two-week" -> "two-week"). :func:`merge_clock_days`
joins a clock time and the day after it ("5 p.m. EST Nov. 9", "noon Thursday") into one TIME;
:func:`link_clock_days` gives a clock time the day written next to it ("at 5 p.m. on Nov. 15",
"Friday at 3 p.m.", "9:10 a.m. (0610 GMT) Monday"), after the narrative step;
:func:`merge_day_before_after` reads "the day before last Tuesday", "the day after Christmas" as
one day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Expr
from transforms.temporal.patterns import CompiledRules, in_order

BEFORE_CHARS = 30
EDGE_PREFIX_RULES = ("relative_unit", "date_month_rel", "day_ref")  # take "earlier"/"later" as a prefix
CLOCK_RULE_PREFIXES = ("clock", "noon")
_CLOCK_DATE_GAP = re.compile(r"\s*,?\s*$")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def _suffix_rx() -> re.Pattern[str]:
    words = r"|".join(re.escape(w).replace(r"\ ", r"\s+") for w in load_lexicon().approx_suffixes)
    return re.compile(rf"\s+(?:{words})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _det_hyphen_rx() -> re.Pattern[str]:
    lx = load_lexicon()
    fillers = in_order(lx.hyphen_adjective_fillers)
    return re.compile(rf"({in_order(lx.hyphen_adjective_determiners)}\s+)(?:{fillers}\s+)?\w+-(?:\w+-)*"
                      rf"{in_order(lx.hyphen_adjective_heads)}s?", re.IGNORECASE)


def _key(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def _prefix(ex: Expr, text: str, before: str, cr: CompiledRules, prev_end: int) -> str:
    """Extend ``ex`` by a START/END/MID prefix; returns the text before it afterwards."""
    edge_words = load_lexicon().relations.edge_mods
    pm = cr.prefix_rx.search(before)
    if pm and not (pm.group(1).lower() in edge_words and ex.rule not in EDGE_PREFIX_RULES):
        ex.start -= len(pm.group(0))
        if ex.mod is None:
            ex.mod = load_lexicon().prefix_mods.get(_key(pm.group(1)))
        before = text[max(prev_end, ex.start - BEFORE_CHARS):ex.start]
    return before


def extend(exprs: list[Expr], text: str, cr: CompiledRules) -> None:
    """Apply the modifier prefixes and suffixes to ``exprs`` (in place, in text order)."""
    lx = load_lexicon()
    prev_end = 0
    for ex in exprs:
        before = text[max(prev_end, ex.start - BEFORE_CHARS):ex.start]
        if ex.timex_type in ("DATE", "TIME") and not ex.value.endswith("_REF"):
            before = _prefix(ex, text, before, cr, prev_end)
        if ex.timex_type == "DURATION" or ex.rule == "offset":
            am = cr.approx_rx.search(before)
            if am:
                ex.start -= len(am.group(0))
                ex.mod = lx.approx_mods.get(_key(am.group(1)))
        if ex.timex_type in ("DURATION", "DATE"):
            om = _suffix_rx().match(text, ex.end)
            if om:
                ex.end = om.end()
                ex.mod = ex.mod or "APPROX"
        # "the two-week", "the third-quarter": a hyphenated adjective takes no determiner
        dm = _det_hyphen_rx().match(text, ex.start, ex.end)
        if dm and dm.end() == ex.end:
            ex.start += len(dm.group(1))
        prev_end = ex.end


def merge_clock_days(exprs: list[Expr], text: str) -> list[Expr]:
    """A clock time right before a day ("5 p.m. EST, Nov. 6") becomes one TIME on that day."""
    merged: list[Expr] = []
    for ex in exprs:
        if merged:
            p = merged[-1]
            gap = text[p.end:ex.start]
            if p.timex_type == "TIME" and p.rule.startswith(CLOCK_RULE_PREFIXES) and ex.gran == "day" and \
                    len(gap) <= 3 and _CLOCK_DATE_GAP.match(gap):
                p.value = ex.value + p.value[10:]
                p.ds = p.de = ex.ds
                p.end = ex.end
                p.dated = True
                continue
        merged.append(ex)
    return merged


@lru_cache(maxsize=1)
def _clock_day_gaps() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The text allowed between a clock time and the day after it, and between a day and the
    clock time after it (``clock_day_links_*`` of ``relations.yaml``)."""
    rel = load_lexicon().relations
    after = in_order(rel.clock_day_links_after_clock).replace(r"\ ", r"\s+")
    before = in_order(rel.clock_day_links_before_clock).replace(r"\ ", r"\s+")
    return (re.compile(rf"[\s,()]*(?:(?:{after})\s+)?[\s(]*", re.IGNORECASE),
            re.compile(rf"[\s,)]*(?:(?:{before})\s+)?", re.IGNORECASE))


def _is_clock(ex: Expr) -> bool:
    return ex.timex_type == "TIME" and ex.rule.startswith(CLOCK_RULE_PREFIXES)


def _gives_day(ex: Expr) -> bool:
    """Does ``ex`` name one day a clock time next to it can take (a date, a weekday, "yesterday",
    "Sunday morning", a clock time with its day)?"""
    if ex.timex_type not in ("DATE", "TIME") or ex.ds is None or ex.ds != ex.de or \
            not _DAY_VALUE.match(ex.value):
        return False
    return ex.dated or not _is_clock(ex)


def _take_day(clock: Expr, day: Expr) -> None:
    assert day.ds is not None
    clock.value = day.value[:10] + clock.value[10:]
    clock.ds = clock.de = day.ds
    clock.anchor = f"expression:{day.start}"
    clock.dated = True


def link_clock_days(exprs: list[Expr], text: str) -> None:
    """A clock time without its own day takes the day written right after it ("at 5 p.m. on
    Nov. 15", "9:10 a.m. (0610 GMT) Monday") or, failing that, right before it ("Friday at 3
    p.m.", "yesterday around noon"), instead of the publication date (in place)."""
    gap_after, gap_before = _clock_day_gaps()
    for i in range(len(exprs) - 2, -1, -1):  # right to left: a chain of clock times takes one day
        ex, nxt = exprs[i], exprs[i + 1]
        if _is_clock(ex) and not ex.dated and _gives_day(nxt) and \
                gap_after.fullmatch(text, ex.end, nxt.start):
            _take_day(ex, nxt)
    for i in range(1, len(exprs)):
        ex, prv = exprs[i], exprs[i - 1]
        if _is_clock(ex) and not ex.dated and _gives_day(prv) and \
                gap_before.fullmatch(text, prv.end, ex.start):
            _take_day(ex, prv)


@lru_cache(maxsize=1)
def _day_before_after_rx() -> re.Pattern[str]:
    words = in_order(load_lexicon().relations.day_relation_offsets)
    return re.compile(rf"(?:\bthe\s+)?\bday\s+({words})\s+$", re.IGNORECASE)


def merge_day_before_after(exprs: list[Expr], text: str) -> list[Expr]:
    """"the day before last Tuesday", "the day after Christmas": one DATE, the day next to the
    named one (``day_relation_offsets`` of ``relations.yaml``); an anaphoric "the day before"
    tagged on its own just before is dropped."""
    rx = _day_before_after_rx()
    rel = load_lexicon().relations.day_relation_offsets
    drop: set[int] = set()
    for i, ex in enumerate(exprs):
        if ex.timex_type != "DATE" or ex.ds is None or ex.ds != ex.de or not _DAY_VALUE.fullmatch(ex.value):
            continue
        m = rx.search(text, max(0, ex.start - 24), ex.start)
        if not m:
            continue
        if i > 0 and exprs[i - 1].end > m.start():
            if exprs[i - 1].start < m.start():
                continue  # an expression overlapping the phrase: leave both alone
            drop.add(i - 1)
        d = ex.ds + dt.timedelta(days=rel[m.group(1).lower()])
        ex.start, ex.value, ex.ds, ex.de = m.start(), d.isoformat(), d, d
    return [ex for i, ex in enumerate(exprs) if i not in drop]
