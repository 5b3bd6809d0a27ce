"""The verb, noun and mode lexicon as loaded from seeds/reference/events/en."""

from __future__ import annotations

from transforms.events.lexicon import _steps, inflect, load_lexicon


def test_inflections():
    assert inflect("agree") == {"agree", "agrees", "agreed", "agreing"}
    assert {"carries", "carried", "carrying"} <= inflect("carry")
    assert {"pushes", "pushed", "pushing"} <= inflect("push")
    assert {"stopped", "stopping"} <= inflect("stop")


def test_pattern_steps_and_undefined_synonym_sets():
    synsets = {"&talk_words": {"talks", "cease fire"}}
    assert _steps("with &talk_words", synsets) == (frozenset({"with"}), frozenset({"talks", "cease fire"}))
    assert _steps("- * on", synsets) == (frozenset({"on"}),)
    assert _steps("in &NOSUCHSET", synsets) is None  # can never match


def test_curated_rows_come_first_and_forms_index_the_prefilter():
    lex = load_lexicon()
    pats = lex.verbs["agree"]
    assert pats[0].curated and pats[0].plover == "AGREE"
    assert lex.forms["agreed"] == "agree"
    assert "agreed" in lex.default_forms
    assert all(p.plover in lex.plover.types for ps in lex.verbs.values() for p in ps if p.plover)


def test_noun_senses_with_and_without_modifier():
    lex = load_lexicon()
    senses = lex.noun_senses("conversation", "conversation")
    assert any(s.modifier == "phone" and s.mode == "phone" for s in senses)
    assert lex.noun_senses("nosuchnoun", "nosuchnoun") == []
    assert lex.mode_cues["ASSAULT"]
