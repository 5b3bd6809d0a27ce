"""Modifiers and merges applied to normalised expressions, in text order.

:func:`extend` grows an expression by the modifier words in front of it ("early", "the end
of", "mid-" -> START/END/MID; "about", "more than", "at least" -> APPROX/MORE_THAN/...; from
``prefix_mods`` / ``approx_mods`` of ``lexicon.yaml``) and the suffix "or so"; it drops the
determiner of a hyphenated adjective ("the two-week" -> "two-week"). :func:`merge_clock_days`
joins a clock time and the day after it ("5 p.m. EST Nov. 9", "noon Thursday") into one TIME.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Expr
from transforms.temporal.patterns import CompiledRules, in_order

BEFORE_CHARS = 30
EDGE_PREFIX_RULES = ("relative_unit", "date_month_rel", "day_ref")  # take "earlier"/"later" as a prefix
CLOCK_RULE_PREFIXES = ("clock", "noon")
_CLOCK_DATE_GAP = re.compile(r"\s*,?\s*$")


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
                continue
        merged.append(ex)
    return merged
