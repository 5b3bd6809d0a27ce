"""Candidate matches: where each rule is tried, and what it matches there.

One scan of the lower-cased text with the alternation of trigger classes (``triggers:`` in
``rules.yaml``) finds the words a rule needs (:func:`windows`); each rule is then run only in
windows of :data:`WINDOW_BACK` / :data:`WINDOW_FWD` characters around its triggers, snapped to
whitespace; a rule with ``requires:`` is skipped in a window without that text. :func:`candidates` keeps the matches that pass the false-friend filters
(:mod:`transforms.temporal.filters`), at most :data:`MAX_CANDIDATES` of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from transforms.temporal.filters import MatchLike, keep
from transforms.temporal.patterns import CompiledRules

MAX_CANDIDATES = 200_000
WINDOW_BACK = 60  # characters looked at before / after a trigger word
WINDOW_FWD = 60
SNAP_CHARS = 40  # a window edge moves at most this far to reach whitespace

_WS_AFTER = re.compile(r"\s")
FOLDS_TO_ASCII = ("\u0131", "\u017f")  # dotless i, long s: IGNORECASE matches them with i, s; lower() keeps them


class LowerMatch:
    """A match found in the lower-cased text, read from the original text (same offsets)."""

    __slots__ = ("_m", "_text")

    def __init__(self, m: re.Match[str], text: str) -> None:
        self._m, self._text = m, text

    def start(self, group: int | str = 0, /) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0, /) -> int:
        return self._m.end(group)

    def group(self, group: int | str = 0, /) -> Any:
        s, e = self._m.span(group)
        return self._text[s:e] if s >= 0 else None

    def groupdict(self) -> dict[str, Any]:
        return {k: self.group(k) for k in self._m.re.groupindex}


def _as_match_like(m: re.Match[str]) -> MatchLike:
    return m  # type: ignore[return-value]  # typeshed's overloaded Match.group is wider than the protocol


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match of one rule."""

    start: int
    end: int
    rule: int  # index of the rule
    match: MatchLike


def _lowered(text: str) -> str | None:
    """The lower-cased text when it keeps the offsets of ``text``, else ``None``."""
    low = text.lower()
    return low if len(low) == len(text) else None


def _trigger_spans(text: str, cr: CompiledRules, lowered_text: str | None) -> dict[int, list[list[int]]]:
    """Window set (``cr.near_sets``) -> merged [start, end] windows around its triggers."""
    spans: dict[int, list[list[int]]] = {}
    n = len(text)
    scan = cr.trigger_rx_lower.finditer(lowered_text) if lowered_text is not None else cr.trigger_rx.finditer(text)
    classes = cr.trigger_groups
    for m in scan:
        s = max(0, m.start() - WINDOW_BACK)
        e = min(n, m.end() + WINDOW_FWD)
        for key in cr.sets_on[classes[(m.lastindex or 1) - 1]]:
            lst = spans.setdefault(key, [])
            if lst and s <= lst[-1][1]:
                lst[-1][1] = max(lst[-1][1], e)
            else:
                lst.append([s, e])
    return spans


def _snap(text: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    """The windows with their edges moved to whitespace, so that no word is cut."""
    n = len(text)
    out = []
    for s, e in spans:
        if s > 0:
            k = text.rfind(" ", max(0, s - SNAP_CHARS), s)
            s = k + 1 if k >= 0 else max(0, s - SNAP_CHARS)
        if e < n:
            mm = _WS_AFTER.search(text, e, min(n, e + SNAP_CHARS))
            e = mm.start() if mm else min(n, e + SNAP_CHARS)
        out.append((s, e))
    return out


def windows(text: str, cr: CompiledRules, lowered_text: str | None = None,
            ) -> Iterator[tuple[int, tuple[int, int]]]:
    """(rule index, (start, end)) windows around the trigger words of each rule, merged, in rule
    order (``lowered_text``: ``text.lower()`` if it has the same length, computed when not given)."""
    spans = _trigger_spans(text, cr, lowered_text if lowered_text is not None else _lowered(text))
    snapped = {key: _snap(text, lst) for key, lst in spans.items()}
    for idx, key in enumerate(cr.near_sets):
        for w in snapped.get(key, ()):
            yield idx, w


def candidates(text: str, dct: dt.date, cr: CompiledRules) -> list[Candidate]:
    """Every match of every rule in its windows that is not a known false friend."""
    out: list[Candidate] = []
    low = _lowered(text)
    # a rule without case-sensitive parts runs on the lower-cased text, case-sensitively (the
    # same matches, faster than IGNORECASE), unless the text has a letter IGNORECASE folds to ASCII
    low_ok = low is not None and not any(c in text for c in FOLDS_TO_ASCII)
    for idx, (ws, we) in windows(text, cr, low):
        rule = cr.rules[idx]
        if rule.requires is not None:
            if low_ok and rule.requires_lower is not None:
                if not rule.requires_lower.search(low, ws, we):  # type: ignore[arg-type]
                    continue
            elif not rule.requires.search(text, ws, we):
                continue
        lower_rx = rule.lower_regex if low_ok else None
        on_low = lower_rx is not None and low is not None
        matches = lower_rx.finditer(low, ws, we) if lower_rx is not None and low is not None else \
            rule.regex.finditer(text, ws, we)
        for m in matches:
            if m.end() == m.start():
                continue
            hit: MatchLike = LowerMatch(m, text) if on_low else _as_match_like(m)
            if not keep(rule.name, hit, text, dct):
                continue
            out.append(Candidate(m.start(), m.end(), idx, hit))
            if len(out) >= MAX_CANDIDATES:
                break
    return out
