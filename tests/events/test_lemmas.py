"""Lemmas from the irregular tables (data) and the suffix rules."""

from __future__ import annotations

from transforms.core.refdata import read_mapping
from transforms.events.lemmas import lem, lemma_of, noun_lemma, verb_lemma


def test_irregular_forms_come_from_the_data_files():
    verbs = read_mapping("events", "en", "irregular_verbs.tsv", key="form", value="lemma")
    nouns = read_mapping("events", "en", "irregular_nouns.tsv", key="form", value="lemma")
    assert verbs["held"] == "hold" and verbs["'s"] == "be"
    assert lemma_of("fought", "VERB") == "fight"
    assert nouns["men"] == "man"
    assert lemma_of("women", "NOUN") == "woman"
    assert lemma_of("talks", "NOUN") == "talks"  # a plural that stays


def test_suffix_rules():
    assert verb_lemma("negotiating") == "negotiate"  # "-ing" + "e" gives a lexicon verb
    assert verb_lemma("stopped") == "stop"  # doubled consonant undone
    assert noun_lemma("ceasefires") == "ceasefire"
    assert noun_lemma("militias") == "militia"
    assert noun_lemma("embassies") == "embassy"
    assert noun_lemma("marches") == "march"
    assert noun_lemma("crisis") == "crisis"


def test_other_parts_of_speech_are_lower_cased(nlp):
    doc = nlp("Envoys quickly met.")
    assert lem(doc[1]) == "quickly"
    assert lem(doc[2]) == "meet"
    assert lemma_of("Quickly".lower(), "ADV") == "quickly"
