"""A news dateline is cut from its sentence before parsing; its city is remembered."""

from __future__ import annotations

from transforms.core.records import Sentence
from transforms.events.datelines import dateline_place, without_dateline

TEXT = "TIRANA - Albanian officials opened a new border post on Monday."


def test_dateline_cut_keeps_document_offsets():
    sent = Sentence(0, 0, len(TEXT), TEXT)
    stripped = without_dateline(TEXT, sent)
    assert stripped.text.startswith("Albanian") and TEXT[stripped.start:] == stripped.text
    assert stripped.index == 0 and stripped.end == sent.end
    place = dateline_place(sent)
    assert place is not None and (place.name, place.country) == ("Tirana", "ALB")


def test_only_near_the_top_and_at_a_paragraph_start():
    text = "First line here.\n" * 4 + TEXT
    late = Sentence(4, text.index("TIRANA"), len(text), TEXT)
    assert without_dateline(text, late) is late
    mid = "Intro. " + TEXT
    inside = Sentence(1, 7, len(mid), TEXT)
    assert without_dateline(mid, inside) is inside
    plain = "Albanian officials opened a border post."
    sent = Sentence(0, 0, len(plain), plain)
    assert without_dateline(plain, sent) is sent
