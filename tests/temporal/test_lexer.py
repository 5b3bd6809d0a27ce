"""Candidate windows and matches (transforms.temporal.lexer) and overlap resolution (transforms.temporal.resolve)."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.lexer import WINDOW_BACK, WINDOW_FWD, candidates, windows
from transforms.temporal.patterns import compiled
from transforms.temporal.resolve import resolve

DCT = dt.date(2025, 5, 30)


def _rule(name: str) -> int:
    return next(r.index for r in compiled().rules if r.name == name)


def test_windows_surround_triggers_and_snap_to_whitespace():
    text = "word " * 40 + "the lighthouse reopened on Friday after repairs " + "word " * 40
    wins = dict(windows(text, compiled()))
    s, e = wins[_rule("weekday")]
    i = text.index("Friday")
    assert s <= i - WINDOW_BACK + 40 and e >= i + len("Friday") + WINDOW_FWD - 40
    assert (s == 0 or text[s - 1] == " ") and (e == len(text) or text[e].isspace())


def test_no_trigger_no_window():
    assert list(windows("plain words without any clue", compiled())) == []


def test_candidates_overlap_and_resolution_keeps_the_longest():
    text = "The ferry sails on Friday, March 3, 2006 at noon."
    cands = candidates(text, DCT, compiled())
    spans = {text[c.start:c.end] for c in cands}
    assert {"Friday, March 3, 2006", "Friday, March 3", "2006", "noon"} <= spans
    chosen = [text[c.start:c.end] for c in resolve(cands)]
    assert chosen == ["Friday, March 3, 2006", "noon"]


def test_resolution_ties_go_to_the_earlier_rule():
    text = "Sales grew in 1990."
    cands = candidates(text, DCT, compiled())
    same = [c for c in cands if text[c.start:c.end] == "1990"]
    (kept,) = [c for c in resolve(cands) if text[c.start:c.end] == "1990"]
    assert kept.rule == min(c.rule for c in same)


def test_false_friends_are_not_candidates():
    text = "May the ferry be late?"
    assert not [c for c in candidates(text, DCT, compiled()) if c.start == 0]
