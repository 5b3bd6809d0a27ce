"""Acronyms introduced in brackets stand for their name's actor for the rest of the document."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.events.actors.acronyms import is_acronym, scan_acronyms
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.resolve import resolve_phrase
from transforms.events.extractor import EventExtractor
from transforms.text import normalise_text, split_sentences


def _subject(doc):
    return next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))


@pytest.mark.parametrize("text, ok", [("FIU", True), ("ECOWAS", True), ("M23", True), ("AP", True),
                                      ("U.S.", False), ("Reuters", False), ("A", False), ("NATOPLUSX", False)])
def test_what_counts_as_an_acronym(text, ok):
    assert is_acronym(text) is ok


def test_an_acronym_of_a_known_name_takes_its_codes(nlp):
    memory = DocMemory()
    scan_acronyms(nlp("The Southern African Development Community (SADC) sent observers."), memory)
    (actor,) = resolve_phrase(_subject(nlp("SADC criticised the vote count.")), memory)
    assert actor.country == "IGO" and actor.text == "SADC"


def test_an_acronym_of_an_unknown_name_is_that_name_with_its_sector(nlp):
    memory = DocMemory()
    scan_acronyms(nlp("The Federation of Independent Harbour Workers (FIHW) walked out."), memory)
    assert memory.acronyms["FIHW"].name == "Federation of Independent Harbour Workers"
    (actor,) = resolve_phrase(_subject(nlp("FIHW leaders met the port minister.")), memory)
    assert actor.name == "Federation of Independent Harbour Workers" and actor.text == "FIHW leaders"
    assert actor.sector == memory.acronyms["FIHW"].sector == "LAB"


def test_a_national_body_keeps_its_own_name_and_country(nlp):
    memory = DocMemory()
    scan_acronyms(nlp("The Latvian Board of Maritime Safety (LBMS) fined the operator."), memory)
    known = memory.acronyms["LBMS"]
    assert (known.country, known.name) == ("LVA", "Latvian Board of Maritime Safety")


def test_brackets_that_do_not_spell_the_name_are_no_acronym(nlp):
    memory = DocMemory()
    scan_acronyms(nlp("Police in Nairobi (AP) arrested two men."), memory)
    scan_acronyms(nlp("The Harbour Workers Guild (XYZ) met on Monday."), memory)
    assert memory.acronyms == {}


def test_the_document_reading_wins_over_the_lexicon_across_sentences():
    text = normalise_text("The Movement for Unity and Progress (MUP) accused the army of fraud. "
                          "The army later arrested MUP activists in the capital.")
    doc = {"doc_id": "a1", "text": text, "published_date": dt.date(2024, 3, 1),
           "sentences": split_sentences(text), "timexes": []}
    (events,) = EventExtractor().extract_batch([doc])
    arrest = next(e for e in events if e.trigger == "arrested")
    assert [a.name for a in arrest.target_actors] == ["Movement for Unity and Progress"]
