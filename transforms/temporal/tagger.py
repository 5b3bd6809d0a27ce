"""The tagger: :func:`tag` finds and normalises the time expressions of a text.

Steps: candidate matches of every rule near its triggers (:mod:`~transforms.temporal.lexer`,
false friends dropped by :mod:`~transforms.temporal.filters`); the longest non-overlapping ones
(:mod:`~transforms.temporal.resolve`); each normalised against the DCT in text order by the
normaliser its rule names (:mod:`~transforms.temporal.normalise`), so that later expressions can
anchor on earlier ones (:mod:`~transforms.temporal.anaphora`); modifier prefixes and the
clock + day merge (:mod:`~transforms.temporal.modifiers`); the story's own reference time
for the weekdays, clock times and months of a narrated past passage
(:mod:`~transforms.temporal.narrative`); clock times take the day written next to them; one
:class:`~transforms.core.records.Timex` each, with its sentence index. Never raises.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence

from transforms.core.records import Sentence, Timex
from transforms.temporal.lexer import Candidate, candidates
from transforms.temporal.modifiers import extend, link_clock_days, merge_clock_days, merge_day_before_after
from transforms.temporal.narrative import reanchor
from transforms.temporal.normalise.base import Anchor, Context, Expr, Groups, Normalised
from transforms.temporal.normalise.registry import NORMALISERS
from transforms.temporal.patterns import compiled
from transforms.temporal.resolve import resolve

MAX_TEXT = 2_000_000  # characters looked at (longer inputs are truncated)
DCT_ANCHOR = "publication_date"


def tag(text: str, dct: dt.date, sentences: Sequence[Sentence] | None = None,
        language: str = "en") -> list[Timex]:
    """Time expressions of ``text`` normalised against ``dct`` (see docs/temporal.md).

    ``language`` (ISO 639-1): a language with a cue file is tagged by
    :mod:`transforms.temporal.languages`; English and any other language by the English rules."""
    if language != "en":
        from transforms.temporal.languages import supported_languages
        from transforms.temporal.languages import tag as tag_language

        if language in supported_languages():
            return tag_language(text, dct, language, sentences)
    try:
        return _tag(text, dct, sentences)
    except Exception:  # never raise on any input
        return []


def _anchor(norm: str, g: Groups, r: Normalised) -> str | None:
    """What the value was resolved against: the DCT, an earlier expression, or nothing."""
    if isinstance(r.anchor, Anchor):
        anchor: str | None = DCT_ANCHOR if r.start is not None or r.timex_type == "TIME" else None
    else:
        anchor = r.anchor
    if norm == "date" and (g.get("year") or g.get("yearwords")) and not (g.get("rel") or g.get("relafter")):
        anchor = None  # an explicit year
    if norm in ("decade", "century") or (norm == "season" and (g.get("year") or g.get("yearwords"))):
        anchor = None
    if r.timex_type in ("DURATION", "SET") or r.value.endswith("_REF"):
        anchor = None
    return anchor


def _normalise(chosen: list[Candidate], text: str, dct: dt.date) -> list[Expr]:
    cr = compiled()
    exprs: list[Expr] = []
    for c in chosen:
        rule = cr.rules[c.rule]
        ctx = Context(text, c.start, c.end, exprs, rule.value)
        g = c.match.groupdict()
        r = NORMALISERS[rule.norm](g, dct, ctx)
        if not r:
            continue
        exprs.append(Expr(c.start, c.end, r.timex_type, r.value, r.gran, r.start, r.end,
                          _anchor(rule.norm, g, r), rule.name, r.mod))
    return exprs


def _granularity(gran: str | None) -> str | None:
    if gran in ("season", "half"):
        return "month" if gran == "half" else "quarter"
    return gran


def sentence_index(sentences: Sequence[Sentence], starts: list[int], pos: int) -> int | None:
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < sentences[k].end:
        return sentences[k].index
    return None


def _tag(text: str, dct: dt.date, sentences: Sequence[Sentence] | None) -> list[Timex]:
    if not isinstance(text, str) or not text:
        return []
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    text = text[:MAX_TEXT]
    cr = compiled()
    exprs = _normalise(resolve(candidates(text, dct, cr)), text, dct)
    extend(exprs, text, cr)
    exprs = merge_clock_days(exprs, text)
    reanchor(exprs, text, dct)
    exprs = merge_day_before_after(exprs, text)
    link_clock_days(exprs, text)
    starts = [s.start for s in sentences] if sentences else []
    return [
        Timex(start=ex.start, end=ex.end, text=text[ex.start:ex.end], timex_type=ex.timex_type,
              value=ex.value, mod=ex.mod, granularity=_granularity(ex.gran), date_start=ex.ds,
              date_end=ex.de, anchor=ex.anchor, rule=ex.rule,
              sentence_index=sentence_index(sentences, starts, ex.start) if sentences and starts else None)
        for ex in exprs
    ]
