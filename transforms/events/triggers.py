"""Triggers: the words of a parsed sentence that code an event, and which of them stay.

Verbs are coded by their patterns (:mod:`.patterns`); event nouns (``noun_triggers.tsv``) by
their sense, when a light verb carries them or an actor is attached. Then: a verb coded only by
its default gives way to the event noun it supports ("staged a protest"); a noun that is a verb
trigger's object belongs to it; intent verbs take over their complements ("agreed to
cooperate"); "X said Y must ..." is a REQUEST by X of Y.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from transforms.events.actors.lexicon import ActorLexicon
from transforms.events.context import SentenceContext, Trigger
from transforms.events.filters import (
    forecast,
    imperative,
    no_comment,
    non_event_object,
    noun_has_actor,
    object_of_same_event,
    question,
    sport_result,
    sport_sentence,
)
from transforms.events.frames import reframe, returns_thing
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon, NounSense
from transforms.events.patterns import PatternMatcher
from transforms.events.reporting import reporting_governor


def find_triggers(ctx: SentenceContext, lex: Lexicon, matcher: PatternMatcher, alex: ActorLexicon) -> list[Trigger]:
    if sport_sentence(ctx, lex) or question(ctx):
        return []
    verbs, consumed = verb_triggers(ctx, lex, matcher)
    trig = verbs + noun_triggers(ctx, lex, alex, consumed)
    trig = _support_verbs_give_way(trig, lex)
    trig = _orders_give_way(trig, lex)
    trig = _nouns_of_verb_triggers(trig)
    trig = _intent_takes_over(trig, lex)
    return _reframed(_modal_requests(trig, ctx, lex), lex)


def _reframed(trig: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Each trigger with the type of its frame (:mod:`.frames`); a noun trigger read by a verb's
    frame belongs to the verb."""
    out = []
    for t in trig:
        frame = reframe(t, lex)
        if frame is not None:
            t = replace(t, plover=frame[0], mode=frame[1] or t.mode)
        out.append(t)
    return out


def verb_triggers(ctx: SentenceContext, lex: Lexicon, matcher: PatternMatcher) -> tuple[list[Trigger], set[int]]:
    """Verb (and predicative intent adjective) triggers, and the tokens their patterns used."""
    trig: list[Trigger] = []
    consumed: set[int] = set()
    intent = lex.cues.intent_verbs
    for tok in ctx.sdoc:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
            continue
        if tok.pos_ == "AUX" and tok.dep_ != "ROOT":
            continue
        if tok.pos_ == "ADJ" and lem(tok) in intent and any(c.dep_ == "xcomp" for c in tok.children):
            trig.append(Trigger(tok, intent[lem(tok)], "", "verb", set()))
            continue
        if lem(tok) in lex.cues.future_governors and any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "are set to resume", "is expected to meet": the complement is the event
        if imperative(tok) or no_comment(tok, lex) or lem(tok) in lex.cues.mental_verbs:
            continue  # a command, 'declined to comment', a wish or a feeling
        m = matcher.match(tok, ctx)
        if m is None and returns_thing(tok, lex):  # "returned the artefacts to Italy"
            trig.append(Trigger(tok, "RETREAT", "", "verb", set()))
            continue
        if m is None or non_event_object(tok, lex) or sport_result(tok, ctx, lex) or forecast(tok, lex):
            continue
        pat, used = m
        trig.append(Trigger(tok, pat.plover, pat.mode, "verb", used))
        consumed |= used
    return trig, consumed


def noun_triggers(ctx: SentenceContext, lex: Lexicon, alex: ActorLexicon, consumed: set[int]) -> list[Trigger]:
    """Event nouns not used by a verb pattern, carried by a light verb or with an actor."""
    trig: list[Trigger] = []
    sdoc = ctx.sdoc
    for tok in sdoc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed:
            continue
        if tok.is_title and tok.i > 0 and not sdoc[tok.i - 1].is_punct:
            continue  # a capitalised event word inside a name: "Cold War", "Forum on ... Cooperation"
        sense = _noun_sense(tok, lex.noun_senses(lem(tok), tok.lower_))
        if sense is None:
            continue
        light = light_verb(tok, lex)
        if not light and not noun_has_actor(tok, lex, alex):
            continue
        trig.append(Trigger(tok, sense.plover, sense.mode, "noun", set(), light))
    return trig


def _noun_sense(tok: Token, senses: list[NounSense]) -> NounSense | None:
    """The sense whose modifier modifies the noun ("phone conversation"), else the first plain one."""
    if not senses:
        return None
    mods = {c.lower_ for c in tok.children} | {lem(c) for c in tok.children}
    for s in senses:
        if s.modifier and s.modifier in mods:
            return s
    plain = [s for s in senses if not s.modifier]
    return plain[0] if plain else None


def light_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb carrying a noun trigger: "held talks", "engage in talks", "talks were held"."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and (
            lem(head.head) in lex.cues.light_verbs or head.lower_ == "for"):
        return head.head  # "engage in talks", "return to Geneva for talks", "converge for a rally"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if lem(head) in lex.cues.happening_verbs or noun.dep_ == "nsubjpass":
            return head
    return None


def _support_verbs_give_way(trig: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """"organized a strike", "staged a protest": a verb coded only by its default gives way
    to the event noun it governs."""
    weak = {t.token.i for t in trig if t.kind == "verb" and not t.consumed}
    noun_lights = {t.light.i for t in trig if t.kind == "noun" and t.light is not None
                   and t.token.dep_ in ("dobj", "pobj")
                   and lem(t.light) in lex.cues.support_verbs}
    return [t for t in trig if not (t.kind == "verb" and t.token.i in weak & noun_lights)]


def _orders_give_way(trig: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """"ordered the arrest of X", "ordered X jailed": an order verb coded only by its default
    gives way to the act it orders (``order_verbs``); the act keeps the order's source."""
    by_tok = {t.token.i: t for t in trig}
    drop, ordered = set(), {}
    for t in trig:
        if t.kind == "verb" and not t.consumed and lem(t.token) in lex.cues.order_verbs:
            # an event noun object, or a participle complement ("ordered X jailed"); "ordered
            # X to leave" stays a request of X
            acts = [by_tok[c.i] for c in t.token.children if c.i in by_tok and (
                (c.dep_ == "dobj" and by_tok[c.i].kind == "noun")
                or (c.dep_ in ("xcomp", "ccomp") and c.tag_ in ("VBN", "VBD")
                    and not any(g.dep_ in ("aux", "mark") for g in c.children)))]
            if acts:
                drop.add(t.token.i)
                ordered.update({a.token.i: t.token for a in acts if a.kind == "verb"})
    return [replace(t, orderer=ordered.get(t.token.i)) for t in trig if t.token.i not in drop]


def _nouns_of_verb_triggers(trig: list[Trigger]) -> list[Trigger]:
    """A noun trigger that is the object of a verb trigger belongs to it."""
    verb_objs = set()
    for t in trig:
        if t.kind == "verb":
            for c in t.token.subtree:
                if c.i in t.consumed:
                    verb_objs.add(c.i)
    verb_toks = {v.token.i for v in trig if v.kind == "verb"}
    verb_types = {v.token.i: v.plover for v in trig if v.kind == "verb"}
    return [t for t in trig if not (t.kind == "noun" and (t.token.i in verb_objs or (
        t.light is not None and t.light.i in verb_toks and t.token.dep_ not in ("nsubj", "nsubjpass"))
        or object_of_same_event(t, verb_types)))]


def _intent_takes_over(trig: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Intent verbs take over their complements ("agreed to cooperate" is one AGREE)."""
    intent = lex.cues.intent_verbs
    by_tok = {t.token.i: t for t in trig}
    drop = set()
    for t in trig:
        if t.kind != "verb" or lem(t.token) not in intent:
            continue
        for c in t.token.children:
            if c.dep_ in ("xcomp", "ccomp") and c.i in by_tok and c.i != t.token.i:
                drop.add(c.i)
                for cc in c.children:
                    if cc.dep_ == "conj" and cc.i in by_tok:
                        drop.add(cc.i)
    return [t for t in trig if t.token.i not in drop]


def _modal_requests(trig: list[Trigger], ctx: SentenceContext, lex: Lexicon) -> list[Trigger]:
    """"Russia said Sudan must return the helicopter": the speaker requests it of Sudan."""
    modals = lex.grammar.request_modals
    for tok in ctx.sdoc:
        if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children) \
                and tok.dep_ in ("ccomp", "conj") and reporting_governor(tok, lex) is not None:
            trig = [t for t in trig if t.token.i != tok.i]
            trig.append(Trigger(tok, "REQUEST", "", "verb", set(), None, True))
    return trig
