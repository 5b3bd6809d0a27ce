"""Lightweight tense / direction detector: is an underspecified time expression in the past or
the future of the publication date?

No POS tagger: the tokens of the clause around the expression are scanned outwards and the
nearest cue word (``seeds/reference/temporal/en/tense.yaml``) wins: "will", "scheduled",
"set to", "expected", "plans" ... -> future; "said", "was", "had", regular ``-ed`` forms ...
-> past. Returns ``"past"``, ``"future"``, ``"past?"`` (only a weak cue: a regular ``-ed`` form, which
may be a participle) or ``None`` (no cue).
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from transforms.settings import reference_path

LEFT_TOKENS = 14
RIGHT_TOKENS = 8
WINDOW_CHARS = 240

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[^\sA-Za-z0-9]")
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


@lru_cache(maxsize=1)
def _cues():
    with open(reference_path("temporal", "en", "tense.yaml"), encoding="utf-8") as f:
        d = yaml.safe_load(f)
    cues = {}
    for c in d["past"]:
        cues[tuple(c.lower().split())] = "past"
    for c in d["future"]:
        cues[tuple(c.lower().split())] = "future"
    for c in d.get("present", []):
        cues[tuple(c.lower().split())] = "present"
    maxlen = max(len(c) for c in cues)
    return (cues, maxlen, frozenset(d["not_past_ed"]), frozenset(d["boundaries"]),
            frozenset(d.get("passive_aux", [])), frozenset(d.get("past_aux", [])),
            frozenset(d.get("deadline_prepositions", [])), frozenset(d.get("perfect_aux", [])))


def _is_weak_past(t: str, not_ed) -> bool:
    return len(t) > 4 and t.endswith("ed") and t not in not_ed


def _cue_at(toks: list[str], i: int, cues: dict, maxlen: int, backward: bool) -> tuple[str | None, int]:
    """The longest cue ending at (``backward``) or starting at token ``i``: (kind, length in
    tokens), or ``(None, 1)``."""
    for n in range(maxlen, 0, -1):
        if backward:
            if n > i + 1:
                continue
            key = tuple(toks[i - n + 1:i + 1])
        else:
            key = tuple(toks[i:i + n])
            if len(key) < n:
                continue
        if key in cues:
            return cues[key], n
    return None, 1


def direction(text: str, start: int, end: int) -> str | None:
    """Direction of the expression text[start:end] from its clause.

    ``"past"``, ``"future"``, ``"past?"`` (only a weak cue: a regular ``-ed`` form, which may be
    a participle) or ``None`` (no cue, or a present-tense clause)."""
    cues, maxlen, not_ed, bounds, passive_aux, past_aux, deadline, perfect_aux = _cues()
    left = text[max(0, start - WINDOW_CHARS):start]
    ends = list(_SENT_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = text[end:end + WINDOW_CHARS]
    m = _SENT_END.search(right)
    if m:
        right = right[:m.start()]
    ltoks = [t.lower().replace("’", "'") for t in _TOKEN.findall(left)]
    rtoks = [t.lower().replace("’", "'") for t in _TOKEN.findall(right)]
    weak = None
    i = len(ltoks) - 1
    steps = 0
    while i >= 0 and steps < LEFT_TOKENS:
        t = ltoks[i]
        if t in bounds:
            break
        hit, k = _cue_at(ltoks, i, cues, maxlen, backward=True)
        j = i - k  # token before the cue
        prev = ltoks[j] if j >= 0 else ""
        prev2 = ltoks[j - 1] if j >= 1 else ""
        if hit is None and prev in perfect_aux and t.isalpha() and t not in ("to", "a", "an", "the", "no"):
            hit = "past"  # present perfect: "have come", "has risen"
        elif hit is None and _is_weak_past(t, not_ed):
            hit = "past?"
        if hit in ("past", "past?") and prev in passive_aux:
            hit = None  # "will be paid", "is expected": the auxiliary decides
        if hit == "future" and (prev in past_aux or (prev2 in past_aux and prev == "been")):
            return None  # "was expected to", "had been set to": a past plan, target unknown
        if hit == "present":
            return weak
        if hit == "past?":
            weak = weak or hit
        elif hit:
            return hit
        i -= k
        steps += 1
    if ltoks and ltoks[-1] in deadline:
        return "future"
    if weak:
        return weak
    j = 0
    steps = 0
    while j < len(rtoks) and steps < RIGHT_TOKENS:
        t = rtoks[j]
        if t in bounds:
            break
        hit, k = _cue_at(rtoks, j, cues, maxlen, backward=False)
        if hit is None and _is_weak_past(t, not_ed):
            hit = "past?"
        if hit == "present":
            return None
        if hit == "past?":
            weak = weak or hit
        elif hit:
            return hit
        j += k
        steps += 1
    return weak
