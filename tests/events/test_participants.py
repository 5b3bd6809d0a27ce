"""Participants: argument tokens resolved to source and target actors."""

from __future__ import annotations

from transforms.core.records import Actor
from transforms.events.actors.lexicon import lexicon
from transforms.events.actors.memory import DocMemory
from transforms.events.arguments import arguments
from transforms.events.context import Trigger
from transforms.events.gazetteer import gazetteer
from transforms.events.lexicon import load_lexicon
from transforms.events.participants import complete, noun_arguments, participants, recall, sentence_country


def _tok(ctx, word):
    return next(t for t in ctx.sdoc if t.text == word)


def _codes(actors):
    return [a.country for a in actors]


def test_subject_source_and_prepositional_target(parse):
    lex, alex = load_lexicon(), lexicon()
    ctx = parse("Chile protested to Peru over the fishing rights.")
    t = Trigger(_tok(ctx, "protested"), "PROTEST", "", "verb")
    src, tgts = arguments(t, lex)
    assert src.text == "Chile" and [g.text for g in tgts] == ["Peru", "rights"]
    source, target = participants(t, src, tgts, ctx, DocMemory(), lex, alex)
    assert (_codes(source), _codes(target)) == (["CHL"], ["PER"])


def test_event_noun_between_two_sides(parse):
    ctx = parse("The talks between Chile and Peru ended.")
    source, target = noun_arguments(_tok(ctx, "talks"), DocMemory(), load_lexicon(), lexicon())
    assert sorted(_codes(source)) == ["CHL", "PER"] and target == []


def test_local_actors_and_the_recipient_place(parse):
    lex, alex = load_lexicon(), lexicon()
    ctx = parse("Riot police fired tear gas in Lima.")
    assert sentence_country(ctx, alex) == "PER"  # a capital names its country
    t = Trigger(_tok(ctx, "fired"), "ASSAULT", "", "verb")
    lima = gazetteer().lookup("Lima")
    police = [Actor("Riot police", None, None, "COP")]
    source, target = complete(t, _tok(ctx, "police"), police, [], lima, "PER", lex, alex)
    assert (source[0].country, source[0].sector) == ("PER", "COP")
    assert [(a.text, a.country) for a in target] == [("Lima", "PER")]  # the place receives the act


def test_the_talks_take_the_last_talks_actors(parse):
    lex = load_lexicon()
    memory = DocMemory()
    first = parse("Chile and Peru held talks.")
    sides = ([Actor("Chile", "Chile", "CHL"), Actor("Peru", "Peru", "PER")], [])
    recall(Trigger(_tok(first, "talks"), "CONSULT", "", "noun"), *sides, memory, lex)
    later = parse("The talks ended.")
    source, target = recall(Trigger(_tok(later, "talks"), "CONSULT", "", "noun"), [], [], memory, lex)
    assert _codes(source) == ["CHL", "PER"] and source[0] is not sides[0][0]  # copies


def _coded(parse, text, word, plover):
    lex, alex = load_lexicon(), lexicon()
    ctx = parse(text)
    t = Trigger(_tok(ctx, word), plover, "", "verb")
    src, tgts = arguments(t, lex)
    return participants(t, src, tgts, ctx, DocMemory(), lex, alex)


def test_whom_an_act_is_against_goes_before_where_it_was_lodged(parse):
    source, target = _coded(parse, "Chile filed a complaint with the United Nations against Peru.", "filed", "ACCUSE")
    assert (_codes(source), _codes(target)) == (["CHL"], ["PER"])
    # not a thing it is against ("against the arrests"), nor for a cooperative act
    _, target = _coded(parse, "Chile lodged a protest with the Peruvian embassy against the arrests.",
                       "lodged", "ACCUSE")
    assert _codes(target) == ["PER"]
    _, target = _coded(parse, "Kenya joined forces with Uganda against the rebels.", "joined", "COOPERATE")
    assert _codes(target) == ["UGA"]


def test_an_unknown_name_as_the_acts_argument_before_a_country_named_deeper(parse):
    _, target = _coded(parse, "Prosecutors opened an investigation of Okonkwo over his ties to the Chinese embassy.",
                       "opened", "ACCUSE")
    assert [a.text for a in target] == ["Okonkwo"]
    # a place is no such name: the country deeper in the phrase stays the recipient
    _, target = _coded(parse, "Chile sent aid to Arica for Bolivian refugees.", "sent", "AID")
    assert "Arica" not in [a.text for a in target]


def test_he_is_the_person_the_sentence_named_in_its_own_words(parse):
    source, _ = _coded(parse, "Peruvian Foreign Minister Ana Quispe said she had rejected a request from Chile.",
                       "rejected", "REJECT")
    assert [(a.text, a.country) for a in source] == [("Peruvian Foreign Minister Ana Quispe", "PER")]
    # the person in apposition to a common-noun subject
    source, _ = _coded(parse, "Chile's strongest critic, former Peruvian diplomat Luis Tello, said he would "
                              "accuse Chile at the court.", "accuse", "ACCUSE")
    assert [a.country for a in source] == ["PER"] and "Peruvian diplomat" in source[0].text


def test_a_named_place_the_gazetteer_lacks_receives_an_act_with_no_recipient(parse):
    lex, alex = load_lexicon(), lexicon()
    ctx = parse("The governor imposed a curfew in Upper Zamberi on Sunday.")
    t = Trigger(_tok(ctx, "imposed"), "COERCE", "", "verb")
    governor = [Actor("The governor", None, "KEN", "GOV")]
    _, target = complete(t, _tok(ctx, "governor"), governor, [], None, "KEN", lex, alex)
    assert [(a.text, a.country) for a in target] == [("Upper Zamberi", "KEN")]
    # not for an act that needs no recipient ("met in Upper Zamberi" is where)
    ctx = parse("The governor met in Upper Zamberi on Sunday.")
    t = Trigger(_tok(ctx, "met"), "CONSULT", "", "verb")
    assert complete(t, _tok(ctx, "governor"), governor, [], None, "KEN", lex, alex)[1] == []


def test_a_counterpart_holds_the_other_sides_office(parse):
    source, target = _coded(parse, "The Chilean defence minister called his Peruvian counterpart.", "called",
                            "CONSULT")
    assert [(a.country, a.sector) for a in target] == [("PER", source[0].sector)] and source[0].sector == "GOV"
    source, _ = _coded(parse, "Chile's defence minister and his Peruvian counterpart signed a border pact.",
                       "signed", "SUPPORT")
    assert [(a.country, a.sector) for a in source] == [("CHL", "GOV"), ("PER", "GOV")]
