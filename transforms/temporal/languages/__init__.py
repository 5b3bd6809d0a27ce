"""Time expressions in the languages besides English, from dateparser's locale data and our cues.

``tag(text, dct, language, sentences)`` gives the same :class:`~transforms.core.records.Timex`
records as the English tagger: spans, TIMEX3 types and values, granularity, the calendar
interval and the anchor. Languages: those with ``seeds/reference/temporal/<lang>/cues.yaml``
(:func:`supported_languages`); ``transforms.temporal.tag(..., language=...)`` dispatches here.
Modules: ``lexicon`` (dateparser + cue file), ``patterns``, ``values`` (normalising with the
English package's calendar), ``merge`` (choosing, merging, anchoring), ``tag``. What works and
what does not, per language: docs/temporal-languages.md.
"""

from __future__ import annotations

from transforms.temporal.languages.lexicon import LanguageLexicon, lexicon, supported_languages
from transforms.temporal.languages.tag import tag

__all__ = ["LanguageLexicon", "lexicon", "supported_languages", "tag"]
