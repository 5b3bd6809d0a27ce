"""Readings that are not political events."""

from __future__ import annotations

from transforms.events.context import Trigger
from transforms.events.filters import non_event_object, sport_result, unauthored_violence
from transforms.events.lexicon import load_lexicon


def _tok(ctx, word):
    return next(t for t in ctx.sdoc if t.text == word)


def test_sport_verbs_among_sport_words(parse):
    lex = load_lexicon()
    game = parse("Lima beat Cusco in the league on Sunday.")
    assert sport_result(_tok(game, "beat"), game, lex)
    war = parse("Government troops beat back the rebels near Cusco.")
    assert not sport_result(_tok(war, "beat"), war, lex)
    assert war.cache.sport is False  # computed once for the sentence


def test_objects_that_rule_out_the_event_sense(parse):
    lex = load_lexicon()
    ctx = parse("Peru met the deadline for the loan.")
    assert non_event_object(_tok(ctx, "met"), lex)
    ctx = parse("Peru met Chile in Lima.")
    assert not non_event_object(_tok(ctx, "met"), lex)


def test_a_violent_verb_needs_an_author(parse):
    lex = load_lexicon()
    ctx = parse("A landslide killed nine villagers.")
    verb = _tok(ctx, "killed")
    t = Trigger(verb, "ASSAULT", "", "verb")
    assert unauthored_violence(t, _tok(ctx, "landslide"), lex)
    ctx = parse("A car bomb killed nine villagers.")
    assert not unauthored_violence(Trigger(_tok(ctx, "killed"), "ASSAULT", "", "verb"), _tok(ctx, "bomb"), lex)
