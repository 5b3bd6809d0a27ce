"""Direction from tense: is an underspecified expression in the past or the future of the DCT?

No POS tagger: the tokens of the clause around the expression are scanned outwards and the
nearest cue word wins: "will", "scheduled", "set to", "expected", "plans" ... -> future;
"said", "was", "had", regular ``-ed`` forms ... -> past. The cue words live in one place,
``seeds/reference/temporal/en/tense.yaml`` (:func:`cues`). :func:`direction` returns
``"past"``, ``"future"``, ``"past?"`` (only a weak cue: a regular ``-ed`` form, which may be a
participle) or ``None`` (no cue).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from transforms.core.refdata import read_yaml

LEFT_TOKENS = 14
RIGHT_TOKENS = 8
WINDOW_CHARS = 240

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[^\sA-Za-z0-9]")
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


@dataclass(frozen=True, eq=False)
class TenseCues:
    """The cue sets of ``tense.yaml``: phrase (a tuple of tokens) -> past / future / present."""

    cues: Mapping[tuple[str, ...], str]
    maxlen: int  # longest cue, in tokens
    not_past_ed: frozenset[str]  # "-ed" words that are not past forms ("need", "scheduled")
    boundaries: frozenset[str]  # clause boundaries: the scan stops
    passive_aux: frozenset[str]  # "will be paid": the past form is a participle
    past_aux: frozenset[str]  # "had expected to": a past plan
    past_aux_participles: frozenset[str]  # "had been expected to": the same
    deadline: frozenset[str]  # "by February": future unless a cue says otherwise
    perfect_aux: frozenset[str]  # "have come": past
    not_participles: frozenset[str]  # "have to", "has a": not a perfect

    def words(self, kind: str) -> frozenset[str]:
        """Every cue phrase of one kind (``past``, ``future``, ``present``), space-joined."""
        return frozenset(" ".join(k) for k, v in self.cues.items() if v == kind)


@lru_cache(maxsize=1)
def cues() -> TenseCues:
    """The tense cues (read once per process)."""
    d = read_yaml("temporal", "en", "tense.yaml")
    table: dict[tuple[str, ...], str] = {}
    for kind in ("past", "future", "present"):
        for c in d.get(kind, []):
            table[tuple(c.lower().split())] = kind
    return TenseCues(
        cues=table, maxlen=max(len(c) for c in table), not_past_ed=frozenset(d["not_past_ed"]),
        boundaries=frozenset(d["boundaries"]), passive_aux=frozenset(d.get("passive_aux", [])),
        past_aux=frozenset(d.get("past_aux", [])), past_aux_participles=frozenset(d["past_aux_participles"]),
        deadline=frozenset(d.get("deadline_prepositions", [])),
        perfect_aux=frozenset(d.get("perfect_aux", [])),
        not_participles=frozenset(d["perfect_not_participles"]),
    )


def _is_weak_past(t: str, not_ed: frozenset[str]) -> bool:
    return len(t) > 4 and t.endswith("ed") and t not in not_ed


def _cue_at(toks: list[str], i: int, cs: TenseCues, backward: bool) -> tuple[str | None, int]:
    """The longest cue ending at (``backward``) or starting at token ``i``: (kind, length in
    tokens), or ``(None, 1)``."""
    for n in range(cs.maxlen, 0, -1):
        if backward:
            if n > i + 1:
                continue
            key = tuple(toks[i - n + 1:i + 1])
        else:
            key = tuple(toks[i:i + n])
            if len(key) < n:
                continue
        if key in cs.cues:
            return cs.cues[key], n
    return None, 1


def _tokens(s: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(s)]


def _clause(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Tokens of the sentence before and after the expression (bounded windows)."""
    left = text[max(0, start - WINDOW_CHARS):start]
    ends = list(_SENT_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = text[end:end + WINDOW_CHARS]
    m = _SENT_END.search(right)
    if m:
        right = right[:m.start()]
    return _tokens(left), _tokens(right)


def _left_hit(ltoks: list[str], i: int, cs: TenseCues) -> tuple[str | None, int, bool]:
    """The cue at token ``i`` of the left context: (kind, length, past-plan stop)."""
    t = ltoks[i]
    hit, k = _cue_at(ltoks, i, cs, backward=True)
    j = i - k  # token before the cue
    prev = ltoks[j] if j >= 0 else ""
    prev2 = ltoks[j - 1] if j >= 1 else ""
    if hit is None and prev in cs.perfect_aux and t.isalpha() and t not in cs.not_participles:
        hit = "past"  # present perfect: "have come", "has risen"
    elif hit is None and _is_weak_past(t, cs.not_past_ed):
        hit = "past?"
    if hit in ("past", "past?") and prev in cs.passive_aux:
        hit = None  # "will be paid", "is expected": the auxiliary decides
    if hit == "future" and (prev in cs.past_aux or (prev2 in cs.past_aux and prev in cs.past_aux_participles)):
        return None, k, True  # "was expected to", "had been set to": a past plan, target unknown
    return hit, k, False


def _scan_left(ltoks: list[str], cs: TenseCues, deadline: bool = True) -> tuple[bool, str | None]:
    """(decided, direction) from the tokens before the expression, nearest first."""
    weak = None
    i = len(ltoks) - 1
    steps = 0
    while i >= 0 and steps < LEFT_TOKENS:
        if ltoks[i] in cs.boundaries:
            break
        hit, k, stop = _left_hit(ltoks, i, cs)
        if stop:
            return True, None
        if hit == "present":
            return True, weak
        if hit == "past?":
            weak = weak or hit
        elif hit:
            return True, hit
        i -= k
        steps += 1
    if deadline and ltoks and ltoks[-1] in cs.deadline:
        return True, "future"
    return False, weak


def _scan_right(rtoks: list[str], cs: TenseCues, weak: str | None) -> str | None:
    j = 0
    steps = 0
    while j < len(rtoks) and steps < RIGHT_TOKENS:
        t = rtoks[j]
        if t in cs.boundaries:
            break
        hit, k = _cue_at(rtoks, j, cs, backward=False)
        if hit is None and _is_weak_past(t, cs.not_past_ed):
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


def direction(text: str, start: int, end: int, deadline: bool = True) -> str | None:
    """Direction of the expression text[start:end] from its clause.

    ``"past"``, ``"future"``, ``"past?"`` (only a weak cue: a regular ``-ed`` form, which may be
    a participle) or ``None`` (no cue, or a present-tense clause). ``deadline=False``: "by
    Tuesday" is not future by itself (the clause's tense decides: "by Tuesday it had ended")."""
    cs = cues()
    ltoks, rtoks = _clause(text, start, end)
    decided, found = _scan_left(ltoks, cs, deadline)
    if decided:
        return found
    if found:
        return found
    return _scan_right(rtoks, cs, None)
