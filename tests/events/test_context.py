"""Per-document and per-sentence state passed explicitly to the rules."""

from __future__ import annotations

import datetime as dt

from transforms.core.records import Sentence, Timex
from transforms.events.context import DocContext


def _timex(start, end, sentence_index):
    return Timex(start=start, end=end, text="x", timex_type="DATE", value="2025", sentence_index=sentence_index)


def test_timexes_of_a_sentence_by_index_else_by_offset():
    s0, s1 = Sentence(0, 0, 20, "a" * 20), Sentence(1, 21, 40, "b" * 19)
    by_index, by_offset, other = _timex(2, 5, 1), _timex(25, 30, None), _timex(3, 6, 0)
    doc = DocContext("d", "", dt.date(2025, 1, 1), [s0, s1], [by_index, by_offset, other])
    assert doc.timexes_of(s1) == [by_index, by_offset]
    assert doc.timexes_of(s0) == [other]
    assert doc.dateline_place is None and doc.memory.people == {}


def test_sentence_words_are_computed_once(parse):
    ctx = parse("Envoys of both sides held talks.")
    words = ctx.words()
    assert words.words == ["envoys", "of", "both", "sides", "held", "talks"]
    assert words.joined == " envoys of both sides held talks "
    assert ctx.words() is words
    assert parse("Envoys of both sides held talks.").cache.words is None  # another sentence, its own cache
