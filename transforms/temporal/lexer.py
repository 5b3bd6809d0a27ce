"""Candidate matches: where each rule is tried, and what it matches there.

One scan of the lower-cased text with the alternation of trigger classes (``triggers:`` in
``rules.yaml``) finds the words a rule needs (:func:`windows`); each rule is then run only in
windows of :data:`WINDOW_BACK` / :data:`WINDOW_FWD` characters around its triggers, snapped to
whitespace. :func:`candidates` keeps the matches that pass the false-friend filters
(:mod:`transforms.temporal.filters`), at most :data:`MAX_CANDIDATES` of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from transforms.temporal.filters import keep
from transforms.temporal.patterns import CompiledRules

MAX_CANDIDATES = 200_000
WINDOW_BACK = 60  # characters looked at before / after a trigger word
WINDOW_FWD = 60
SNAP_CHARS = 40  # a window edge moves at most this far to reach whitespace

_WS_AFTER = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match of one rule."""

    start: int
    end: int
    rule: int  # index of the rule
    match: re.Match[str]


def _trigger_spans(text: str, cr: CompiledRules) -> dict[int, list[list[int]]]:
    """Rule index -> merged [start, end] windows around its triggers."""
    spans: dict[int, list[list[int]]] = {}
    n = len(text)
    low = text.lower()
    scan = cr.trigger_rx_lower.finditer(low) if len(low) == n else cr.trigger_rx.finditer(text)
    for m in scan:
        s = max(0, m.start() - WINDOW_BACK)
        e = min(n, m.end() + WINDOW_FWD)
        for idx in cr.rules_on[m.lastgroup or ""]:
            lst = spans.setdefault(idx, [])
            if lst and s <= lst[-1][1]:
                lst[-1][1] = max(lst[-1][1], e)
            else:
                lst.append([s, e])
    return spans


def windows(text: str, cr: CompiledRules) -> Iterator[tuple[int, tuple[int, int]]]:
    """(rule index, (start, end)) windows around the trigger words of each rule, merged."""
    n = len(text)
    spans = _trigger_spans(text, cr)
    for idx in sorted(spans):
        for s, e in spans[idx]:
            # snap to whitespace so that no word is cut at a window edge
            if s > 0:
                k = text.rfind(" ", max(0, s - SNAP_CHARS), s)
                s = k + 1 if k >= 0 else max(0, s - SNAP_CHARS)
            if e < n:
                mm = _WS_AFTER.search(text, e, min(n, e + SNAP_CHARS))
                e = mm.start() if mm else min(n, e + SNAP_CHARS)
            yield idx, (s, e)


def candidates(text: str, dct: dt.date, cr: CompiledRules) -> list[Candidate]:
    """Every match of every rule in its windows that is not a known false friend."""
    out: list[Candidate] = []
    for idx, (ws, we) in windows(text, cr):
        rule = cr.rules[idx]
        for m in rule.regex.finditer(text, ws, we):
            if m.end() == m.start():
                continue
            if not keep(rule.name, m, text, dct):
                continue
            out.append(Candidate(m.start(), m.end(), idx, m))
            if len(out) >= MAX_CANDIDATES:
                break
    return out
