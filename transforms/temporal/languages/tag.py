"""The tagger of the languages besides English: :func:`tag` finds and normalises time expressions.

Steps: every pattern of the language (:mod:`~transforms.temporal.languages.patterns`) and
dateparser's counted relative patterns ("vor 3 Tagen") match; each match is normalised
(:mod:`~transforms.temporal.languages.values`) against the publication date (DCT) in the
direction of :func:`direction`; blocked readings go, determiners widen spans, the longest of
overlapping matches stay, days merge with their clock times, clock times take the day named
before them (:mod:`~transforms.temporal.languages.merge`). Never raises.

Direction of an underspecified weekday or month: a cue inside the expression ("próximo lunes",
"lundi dernier") decides; else a future marker in the sentence ("se reunirán", "wird",
"будет") makes it future; else news style: the most recent one (the past).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence

from transforms.core.records import Sentence, Timex
from transforms.temporal.languages.lexicon import LanguageLexicon, lexicon
from transforms.temporal.languages.merge import (
    Found,
    anchor_clocks,
    blocked,
    longest,
    merge_days,
    with_prefix,
)
from transforms.temporal.languages.values import normalise, shifted
from transforms.temporal.tagger import MAX_TEXT, sentence_index

_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n")
Bounds = tuple[list[int], list[int]]


class _Sentences:
    """The sentences of a text and, computed once per sentence, whether it has a future marker."""

    def __init__(self, lex: LanguageLexicon, text: str, sentences: Sequence[Sentence] | None) -> None:
        self.lex, self.text = lex, text
        self.starts, self.ends = _bounds(text, sentences)
        self._future: dict[int, bool] = {}

    def future_at(self, pos: int) -> bool:
        if self.lex.future_re is None:
            return False
        k = max(0, bisect_right(self.starts, pos) - 1)
        if k not in self._future:
            sentence = self.text[self.starts[k]:self.ends[min(k, len(self.ends) - 1)]]
            self._future[k] = self.lex.future_re.search(sentence) is not None
        return self._future[k]


def direction(lex: LanguageLexicon, m: re.Match[str], future_sentence: bool) -> str | None:
    """``future`` / ``past`` / ``this`` from the expression's own modifier, else ``future`` when its
    sentence has a future-tense marker, else ``None`` (news style)."""
    c = lex.cues
    for g in ("pre", "post"):
        word = (m.groupdict().get(g) or "").lower()
        if word:
            if word in {w.lower() for w in c.get("phrase_future", [])}:
                return "future"
            if word in {w.lower() for w in c.get("phrase_past", [])}:
                return "past"
            return "this"
    return "future" if future_sentence else None


def _bounds(text: str, sentences: Sequence[Sentence] | None) -> Bounds:
    """Sentence starts and ends (from the sentences given, else split at stops and line breaks)."""
    if sentences:
        return [s.start for s in sentences], [s.end for s in sentences]
    starts, ends = [0], []
    for m in _SENTENCE_END.finditer(text):
        ends.append(m.start() + 1)
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def _counted_relatives(lex: LanguageLexicon, text: str, dct: dt.date) -> list[Found]:
    """Matches of dateparser's counted relative patterns ("hace 3 días"), whole words only."""
    out = []
    for pat, sign, unit in lex.relative_regex:
        for m in pat.finditer(text):
            if (m.start() > 0 and text[m.start() - 1].isalnum()) or (m.end() < len(text) and text[m.end()].isalnum()):
                continue
            try:
                n = int(float(m.group(1).replace(",", ".")))
            except (ValueError, IndexError):
                continue
            out.append(Found(m.start(), m.end(), f"relnum_{unit}", shifted(dct, sign * n, unit)))
    return out


def _matches(lex: LanguageLexicon, text: str, dct: dt.date, sents: _Sentences) -> list[Found]:
    found = []
    for name, pat in lex.patterns:
        for m in pat.finditer(text):
            v = normalise(lex, name, m, dct, direction(lex, m, sents.future_at(m.start())))
            if v is not None:
                found.append(Found(m.start(), m.end(), name, v))
    return found + _counted_relatives(lex, text, dct)


def tag(text: str, dct: dt.date, language: str, sentences: Sequence[Sentence] | None = None) -> list[Timex]:
    """Time expressions of ``text`` in ``language`` (an ISO 639-1 code with a cue file)."""
    try:
        return _tag(text, dct, language, sentences)
    except Exception:  # never raise on any input
        return []


def _tag(text: str, dct: dt.date, language: str, sentences: Sequence[Sentence] | None) -> list[Timex]:
    if not isinstance(text, str) or not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    text = text[:MAX_TEXT]
    lex = lexicon(language)
    found = [with_prefix(lex, text, f) for f in _matches(lex, text, dct, _Sentences(lex, text, sentences))
             if not blocked(lex, text, f)]
    starts = [s.start for s in sentences] if sentences else []
    return [
        Timex(start=f.start, end=f.end, text=text[f.start:f.end], timex_type=f.value.timex_type,
              value=f.value.value, mod=f.value.mod, granularity=f.value.gran, date_start=f.value.start,
              date_end=f.value.end, anchor=f.value.anchor if isinstance(f.value.anchor, str) else None,
              rule=f"{language}_{f.rule}",
              sentence_index=sentence_index(sentences, starts, f.start) if sentences and starts else None)
        for f in anchor_clocks(text, merge_days(lex, text, longest(found)))
    ]
