"""Triggers: verb patterns, event nouns, and which readings stay."""

from __future__ import annotations

import pytest

from transforms.events.actors.lexicon import lexicon
from transforms.events.lexicon import load_lexicon
from transforms.events.patterns import PatternMatcher
from transforms.events.triggers import find_triggers


@pytest.fixture(scope="module")
def triggers(parse):
    lex = load_lexicon()
    matcher = PatternMatcher(lex)

    def _triggers(text):
        return [(t.token.text, t.plover, t.kind) for t in find_triggers(parse(text), lex, matcher, lexicon())]

    return _triggers


def test_a_support_verb_gives_way_to_its_event_noun(triggers):
    # "organize" is coded SUPPORT by its bare default; the strike it organizes is the event
    assert triggers("Dockworkers organized a general strike in Lima.") == [("strike", "PROTEST", "noun")]


def test_an_intent_verb_takes_over_its_complement(triggers):
    assert triggers("Chile agreed to cooperate with Peru.") == [("agreed", "AGREE", "verb")]


def test_a_reported_must_is_a_request(triggers):
    found = triggers("Chile said Peru must return the fishing boat.")
    assert ("return", "REQUEST", "verb") in found


def test_an_event_noun_needs_an_actor_or_a_light_verb(triggers):
    assert triggers("Farmers mounted a blockade in Lima.") == [("blockade", "COERCE", "noun")]  # light verb
    assert triggers("Chile's blockade of the port ended.") == [("blockade", "COERCE", "noun")]  # an actor
    assert triggers("Lima is far from the blockade.") == []


def test_a_wish_or_a_feeling_is_no_event_but_its_complement_may_be(triggers):
    assert triggers("The French president admires the German chancellor.") == []
    assert [t[0] for t in triggers("The mayor hopes the regional government will fund the new bridge.")] == ["fund"]
