"""Candidate windows and matches (transforms.temporal.lexer) and overlap resolution (transforms.temporal.resolve)."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.lexer import WINDOW_BACK, WINDOW_FWD, LowerMatch, candidates, windows
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


def _hits(text: str, lower: bool) -> list[tuple[int, int, int, dict]]:
    """Every (start, end, rule, groups) of every rule in its windows, the case-insensitive regex
    on the text or (``lower``) the case-sensitive one on the lower-cased text where it has one."""
    cr = compiled()
    low = text.lower()
    out = []
    for idx, (s, e) in windows(text, cr):
        rule = cr.rules[idx]
        if lower and rule.lower_regex is not None:
            out += [(m.start(), m.end(), idx, LowerMatch(m, text).groupdict())
                    for m in rule.lower_regex.finditer(low, s, e)]
        else:
            out += [(m.start(), m.end(), idx, m.groupdict()) for m in rule.regex.finditer(text, s, e)]
    return out


def test_rules_on_the_lower_cased_text_find_what_the_case_insensitive_ones_find():
    text = ("THE TALKS RESUME NEXT WEEK. Three Days Later the envoys met again, TWO YEARS AGO they "
            "had met every Friday, and the Summit lasted 1:30 HOURS; Prices Rose 4% Annually.")
    assert _hits(text, lower=True) == _hits(text, lower=False)
    cr = compiled()
    assert cr.rules[_rule("duration")].lower_regex is not None
    assert cr.rules[_rule("weekday")].lower_regex is None  # weekday names are case-sensitive


def test_text_with_a_letter_that_folds_to_ascii_uses_the_case_insensitive_rules():
    # IGNORECASE matches the long s with "s"; lower() keeps it: such a text is not matched lower-cased
    text = "The siege lasted three day\u017f and ended."
    assert [text[c.start:c.end] for c in candidates(text, DCT, compiled())
            if c.rule == _rule("duration")] == ["three day\u017f"]


def test_requires_never_drops_a_match():
    # every match of a rule with `requires:` contains that text (the prefilter only saves time)
    cr = compiled()
    texts = ["The results of the 1998 period and the year-end figures came the following day.",
             "At 7 o'clock this morning, a year-earlier quarter, the first half of 2003 and the weekend.",
             "Sales fell in the third quarter of 2001; last year's second quarter was better.",
             "Later this week, earlier that day and in the foreseeable future the talks go on."]
    found = 0
    for text in texts:
        for c in candidates(text, DCT, cr):
            req = cr.rules[c.rule].requires
            if req is not None:
                found += 1
                assert req.search(text[c.start:c.end]), (cr.rules[c.rule].name, text[c.start:c.end])
    assert found >= 8


def test_trigger_classes_are_whole_words():
    cr = compiled()
    # no window for the month or weekday rules around words that only start like a name
    assert _rule("date_month_day") not in dict(windows("The market opened; money moved; the American firm.", cr))
    assert _rule("date_month_day") in dict(windows("Trading resumed on Sept. 4 after the storm.", cr))
    assert _rule("weekday") in dict(windows("The shops close on Thurs. and Sundays.", cr))
