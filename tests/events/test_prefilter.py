"""The lexicon pre-filter before parsing."""

from __future__ import annotations

from transforms.events.actors.lexicon import lexicon
from transforms.events.lexicon import load_lexicon
from transforms.events.prefilter import Prefilter, actor_cues, noun_forms


def test_actor_cues_skip_articles_and_keep_pronouns():
    cues = actor_cues(load_lexicon(), lexicon())
    assert {"he", "they", "russia", "kremlin"} <= cues
    assert "the" not in cues and "of" not in cues


def test_noun_forms_include_plurals():
    assert {"talk", "talks", "protest", "protests"} <= noun_forms(load_lexicon())


def test_needs_a_lower_case_trigger_and_an_actor_cue():
    is_candidate = Prefilter(load_lexicon(), lexicon())
    assert is_candidate("Egypt condemned the raid.")
    assert is_candidate("They protested.")
    assert not is_candidate("Condemned buildings stood empty for years.")  # no actor cue
    assert not is_candidate("Egypt Protest Street is long.")  # a capitalised word inside a name
    assert is_candidate("Protests spread in Egypt.")  # the first word counts whatever its case
    assert not is_candidate("")
