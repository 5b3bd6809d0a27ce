"""Modes: the PLOVER mode of an event whose lexicon row gives none, from cue words.

The first ``mode_cues.tsv`` row of the event's type whose cue occurs in the sentence (a word,
its plural stripped, or a phrase of consecutive words) sets the mode ("gunmen" -> firearms,
"summit" -> multilateral).
"""

from __future__ import annotations

from transforms.events.context import SentenceContext
from transforms.events.lexicon import Lexicon


def mode_from_cues(plover: str, ctx: SentenceContext, lex: Lexicon) -> str | None:
    rows = lex.mode_cues.get(plover)
    if not rows:
        return None
    words = ctx.words()
    singles = ctx.cache.mode_words
    if singles is None:
        lows = words.words
        singles = ctx.cache.mode_words = set(lows) | {w[:-1] for w in lows if w.endswith("s")} \
            | {w[:-2] for w in lows if w.endswith("es")}
    for mode, cue in rows:
        if (len(cue) == 1 and cue[0] in singles) or (len(cue) > 1 and f" {' '.join(cue)} " in words.joined):
            return mode
    return None
