"""Choosing, widening, merging and anchoring one language's matches.

* :func:`blocked`: a word read in another sense after certain words ("la mañana" = the morning,
  not tomorrow; "de 38 ans" = an age, not a duration), from the cue file;
* :func:`with_prefix`: the span widened over a determiner the language's TimeML convention
  includes ("el lunes");
* :func:`longest`: the longest of overlapping matches (the first pattern on a tie);
* :func:`merge_days`: a day followed by its clock time or its weekday is one expression ("hier
  à 10 h", "mañana, domingo");
* :func:`anchor_clocks`: a bare clock time is on the day named last before it in the same
  passage, else on the publication day (TimeML's narrative reference time).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from transforms.temporal.languages.lexicon import LanguageLexicon
from transforms.temporal.normalise.base import Normalised

NO_PREFIX = frozenset({"duration", "ago", "present_ref", "past_ref", "future_ref", "set", "relative"})
PREFIX_WINDOW = 12  # characters looked at before a match for a determiner
BLOCK_WINDOW = 20  # ... for a word that blocks a relative word
DURATION_BLOCK_WINDOW = 25
CLOCK_REACH = 400  # a clock time takes the day named at most this many characters before it
PASSAGE_BREAK = "\n\n"
_CLOCK_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


@dataclass(frozen=True, slots=True)
class Found:
    """A normalised match: its span, the pattern that found it, its value."""

    start: int
    end: int
    rule: str
    value: Normalised


def blocked(lex: LanguageLexicon, text: str, f: Found) -> bool:
    """True when the words before the match give it another sense (see the module docstring)."""
    if f.rule == "duration" and lex.cues.get("duration_blocked_after"):
        before = text[max(0, f.start - DURATION_BLOCK_WINDOW):f.start].lower()
        if re.search(rf"(?:(?<!\w)|(?=\W))(?:{lex.cues['duration_blocked_after']})\s+$", before):
            return True
    words = (lex.cues.get("relative_blocked_after") or {}).get(text[f.start:f.end].lower())
    if not words:
        return False
    before = text[max(0, f.start - BLOCK_WINDOW):f.start].lower().rstrip()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)


def with_prefix(lex: LanguageLexicon, text: str, f: Found) -> Found:
    """The match widened over a determiner of the cue file's ``extent_prefixes`` just before it."""
    prefixes = lex.cues.get("extent_prefixes") or []
    if not prefixes or f.rule in NO_PREFIX:
        return f
    before = text[max(0, f.start - PREFIX_WINDOW):f.start]
    for w in sorted(prefixes, key=len, reverse=True):
        m = re.search(rf"(?<!\w){re.escape(w)}\s+$", before, re.IGNORECASE)
        if m:
            return dataclasses.replace(f, start=f.start - (len(before) - m.start()))
    return f


def longest(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, the longest first where they overlap (text order)."""
    kept: list[Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= last_end:
            kept.append(f)
            last_end = f.end
    return kept


def merge_days(lex: LanguageLexicon, text: str, found: list[Found]) -> list[Found]:
    """A day and the clock time or weekday right after it as one expression (the day's date)."""
    glue = lex.cues.get("clock_glue")
    between = re.compile(rf"^\s*(?:,|{glue})?\s*$" if glue else r"^\s*,?\s*$", re.IGNORECASE)
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        if a and a.value.gran == "day" and a.value.start and between.match(text[a.end:f.start]):
            if _CLOCK_VALUE.match(f.value.value):
                d = a.value.start
                out[-1] = Found(a.start, f.end, a.rule, Normalised(
                    "TIME", d.isoformat() + f.value.value[10:], "time", d, d, None, a.value.anchor))
                continue
            if f.rule == "weekday" and a.rule in ("relative", "dm", "dmy"):
                out[-1] = dataclasses.replace(a, end=f.end)
                continue
        out.append(f)
    return out


def anchor_clocks(text: str, found: list[Found]) -> list[Found]:
    """Bare clock times on the day named last before them in the same passage."""
    out: list[Found] = []
    ref: Found | None = None
    for f in found:
        v = f.value
        is_clock = f.rule.startswith("clock")
        near = ref is not None and f.start - ref.end < CLOCK_REACH and PASSAGE_BREAK not in text[ref.end:f.start]
        if is_clock and ref is not None and near and ref.value.start is not None:
            d = ref.value.start
            f = dataclasses.replace(f, value=Normalised("TIME", d.isoformat() + v.value[10:], "time", d, d, None,
                                                        f"expression:{ref.start}"))
        elif not is_clock and v.gran in ("day", "time") and v.start is not None:
            ref = f
        out.append(f)
    return out
