"""Places of noun phrases and of events, the dateline fallback."""

from __future__ import annotations

import datetime as dt

from transforms.core.records import Actor
from transforms.events.context import DocContext, Trigger
from transforms.events.gazetteer import gazetteer
from transforms.events.lexicon import load_lexicon
from transforms.events.places import locate, place_of


def _tok(ctx, word):
    return next(t for t in ctx.sdoc if t.text == word)


def test_place_nouns_and_proper_names(parse):
    ctx = parse("Fighting broke out in the city of Hebron.")
    assert place_of(_tok(ctx, "city")).name == "Hebron"
    ctx = parse("Fighting broke out near the border.")
    assert place_of(_tok(ctx, "border")) is None


def test_event_place_then_dateline_city_of_an_actor_country(parse):
    lex = load_lexicon()
    doc = DocContext("d", "", dt.date(2025, 1, 1), [], [], dateline_place=gazetteer().lookup("Hanoi"))
    ctx = parse("Police arrested a smuggler in Haiphong.")
    t = Trigger(_tok(ctx, "arrested"), "COERCE", "arrest", "verb")
    place, source = locate(t, t.token, ctx, doc, [], lex)
    assert (place.name, source) == ("Haiphong", "sentence")
    ctx = parse("Police arrested a smuggler.")
    t = Trigger(_tok(ctx, "arrested"), "COERCE", "arrest", "verb")
    home = [Actor("Vietnamese police", "Vietnam", "VNM", "COP")]
    place, source = locate(t, t.token, ctx, doc, home, lex)
    assert (place.name, source) == ("Hanoi", "dateline")
    abroad = [Actor("Thai police", "Thailand", "THA", "COP")]
    assert locate(t, t.token, ctx, doc, abroad, lex) == (None, None)
