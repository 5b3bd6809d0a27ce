"""Anchoring to earlier expressions: which expression of the text a relative one is counted from.

"two days later", "the following year", "the previous Friday", "a year earlier" (after "the
third quarter") are resolved against an earlier expression of the same text, not the DCT. The
look-back is bounded (:data:`MAX_LOOKBACK_EXPRESSIONS`, and a character distance per caller),
so the cost stays linear however many such expressions a text has.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.temporal.lexicon import load_lexicon
from transforms.temporal.normalise.base import Context, Expr

MAX_LOOKBACK_EXPRESSIONS = 60  # anaphora look back at most this many expressions
QUARTER_CONTEXT_CHARS = 1000  # "a year earlier" after a quarter expression this close: the same quarter
QUARTER_RULES = ("date_quarter", "date_quarter_possessive", "date_quarter_ref")


@lru_cache(maxsize=1)
def _year_ago_rx() -> re.Pattern[str]:
    return re.compile(load_lexicon().relations.year_ago_quarter_pattern, re.IGNORECASE)


def find_anchor(ctx: Context, start: int, max_back: int | None = None) -> Expr | None:
    """Latest DATE/TIME expression with a calendar value before ``start`` (bounded look-back)."""
    for e in reversed(ctx.prev[-MAX_LOOKBACK_EXPRESSIONS:]):
        if max_back is not None and start - e.end > max_back:
            return None
        if e.end <= start and e.timex_type in ("DATE", "TIME") and e.ds is not None:
            return e
    return None


def find_quarter(ctx: Context, start: int, max_back: int | None = None) -> Expr | None:
    """Latest quarter expression before ``start`` (earnings-report context: "a year earlier")."""
    for e in reversed(ctx.prev[-MAX_LOOKBACK_EXPRESSIONS:]):
        if max_back is not None and start - e.end > max_back:
            return None
        if e.end <= start and e.gran == "quarter" and e.timex_type == "DATE" and e.ds is not None and \
                e.rule in QUARTER_RULES:
            if _year_ago_rx().search(ctx.text[e.start:e.end]):
                continue  # itself a year-ago quarter: not the reference quarter
            return e
    return None


def anchor_of(e: Expr) -> str:
    """The ``anchor`` of an expression resolved against ``e``."""
    return f"expression:{e.start}"
