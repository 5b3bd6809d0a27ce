"""Features of a trigger: lemma, rule type, frame, argument heads and actors."""

from __future__ import annotations

from transforms.events.actors.lexicon import lexicon
from transforms.events.arguments import arguments
from transforms.events.learned.features import features
from transforms.events.lexicon import load_lexicon
from transforms.events.patterns import PatternMatcher
from transforms.events.triggers import find_triggers


def _features(parse, text, word):
    lex = load_lexicon()
    ctx = parse(text)
    t = next(t for t in find_triggers(ctx, lex, PatternMatcher(lex), lexicon()) if t.token.text == word)
    src, tgts = arguments(t, lex)
    return set(features(t, src, tgts, lex))


def test_verb_frame_and_arguments(parse):
    f = _features(parse, "Sweden imposed new sanctions on Belarus.", "imposed")
    assert {"kind=verb", "l=impose", "r=SANCTION", "pat=True", "pw=sanction", "obj=sanction",
            "objnoun=SANCTION", "l&impose:obj=sanction", "srcis=country", "tgtis=thing",
            "r&SANCTION:srcis=country", "cameo=SANCTION"} <= f
    f = _features(parse, "Chile and Peru began talks on the border on Monday.", "began")
    assert {"objset=&talk_words", "prep=on", "l&begin:prep=on"} <= f


def test_polarity_modality_and_sectors(parse):
    f = _features(parse, "The police will not arrest the striking nurses.", "arrest")
    assert {"neg", "aux=will", "srcsec=COP", "l=arrest"} <= f


def test_noun_trigger_has_its_modifiers(parse):
    f = _features(parse, "The Chilean invasion of Peru shocked the region.", "invasion")
    assert {"kind=noun", "l=invasion", "r=ASSAULT", "pp=of:PROPN", "mod=chilean", "dep=nsubj"} <= f
