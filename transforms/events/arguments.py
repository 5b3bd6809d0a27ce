"""Arguments: which tokens of the parse are an event's source and its targets.

Subject -> source (the agent of a passive; the controller of an xcomp), objects, datives and
the objects of target prepositions (``target_preps``: to, with, against, on ...) -> targets,
in preference order; a request, accusation, threat ... also targets its complement's subject
("demanded that the US cancel"). For "X said Y must ..." the speaker is the source and Y the
target. Tokens are resolved to actors by :mod:`transforms.events.participants`.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.reporting import reporting_governor
from transforms.events.syntax import subject


def arguments(t: Trigger, lex: Lexicon) -> tuple[Token | None, list[Token]]:
    """(source token, [target tokens in preference order]) for a trigger."""
    verb = t.token if t.kind == "verb" else t.light
    if verb is None:
        return None, []
    if t.modal:
        rep = reporting_governor(verb, lex)
        rsubj = subject(rep, lex)[0] if rep is not None else None
        vsubj = subject(verb, lex)[0]
        return rsubj, [vsubj] if vsubj is not None else []
    if t.orderer is not None:
        # "a judge ordered the ministers jailed": the judge acts on the ministers
        osubj = subject(t.orderer, lex)[0]
        vsubj = subject(verb, lex)[0]
        return osubj, ([vsubj] if vsubj is not None else []) + _object_targets(t, verb, [verb], lex)
    source, targets = _subject_side(t, verb, lex)
    holders = [verb]
    if t.kind == "noun":
        holders.append(t.token)
    for c in verb.children:  # complement of an intent verb: "offered to hand over to X"
        if c.dep_ == "xcomp":
            holders.append(c)
    targets += _object_targets(t, verb, holders, lex)
    if source is not None and t.kind == "noun" and source == t.token:
        source = None
    return source, targets


def _subject_side(t: Trigger, verb: Token, lex: Lexicon) -> tuple[Token | None, list[Token]]:
    """The source, and the passive subject as the first target ("X was attacked by Y")."""
    subj, passive = subject(verb, lex)
    if passive and (lem(verb) in lex.cues.intent_verbs or any(
            c.dep_ == "xcomp" for c in verb.children)) and not any(c.dep_ == "agent" for c in verb.children):
        passive = False
    agent = None
    for c in verb.children:
        if c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    if not passive:
        return subj, []
    if subj is not None and not (t.kind == "noun" and subj == t.token):
        return agent, [subj]
    return agent, []


def _object_targets(t: Trigger, verb: Token, holders: list[Token], lex: Lexicon) -> list[Token]:
    targets = []
    for h in holders:
        for c in h.children:
            if c.dep_ in ("dobj", "dative", "obj", "iobj") and c != t.token:
                targets.append(c)
    if t.kind == "verb" and t.plover in lex.plover.complement_subject_target:
        for c in verb.children:  # "demanded that the US cancel ...": the complement's subject
            if c.dep_ == "ccomp":
                s2, _ = subject(c, lex)
                if s2 is not None:
                    targets.append(s2)
    g = lex.grammar
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in g.target_preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        targets.append(p)
            if c.dep_ in ("dobj",) and c != t.token:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in g.object_target_preps:
                        targets.extend(o for o in p.children if o.dep_ == "pobj")
    return targets
