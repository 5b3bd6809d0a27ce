"""Dependency-tree helpers the rules share: a verb's phrase, its subject, the event's clause.

Dependency labels are those of spaCy's English models (ClearNLP style: nsubj, dobj, pobj,
xcomp ...): they are the parser's schema, so they stay in code, unlike words.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.context import SentenceContext, Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon

#: Dependents that start another clause or argument: a verb's phrase stops there.
_PHRASE_STOP = {"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "nsubj", "nsubjpass", "mark", "cc"}


def verb_phrase(tok: Token, ctx: SentenceContext) -> list[Token]:
    """The verb's phrase (its dependents, not crossing into other clauses), in text order;
    computed once per token of the sentence."""
    cache = ctx.cache.verb_phrases
    hit = cache.get(tok.i)
    if hit is None:
        hit = cache[tok.i] = _compute_verb_phrase(tok)
    return hit


def _compute_verb_phrase(tok: Token) -> list[Token]:
    out = []
    stack = [c for c in tok.children if c.dep_ not in _PHRASE_STOP]
    while stack:
        c = stack.pop()
        out.append(c)
        if c.dep_ in ("relcl", "advcl", "ccomp"):
            continue
        stack.extend(c.children)
    return sorted(out, key=lambda t: t.i)


def clause_head(t: Trigger) -> Token:
    """The verb whose clause the event belongs to (the trigger or the light verb)."""
    if t.kind == "verb":
        return t.token
    if t.light is not None:
        return t.light
    # noun trigger inside a prepositional phrase or as an argument: climb to the verb
    tok = t.token
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return tok


def subject(verb: Token, lex: Lexicon, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject of ``verb``, passive?): own nsubj, the controller of an xcomp, the first
    conjunct's, the announcer of a plan ("X announced plans to hold talks")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c, False
        if c.dep_ == "nsubjpass":
            return c, True
    if depth > 4:
        return None, False
    if verb.dep_ == "ROOT":
        # parse repair: "Turkey massed troops" read as an adverbial noun before the verb
        for c in verb.children:
            if c.i < verb.i and c.dep_ in ("npadvmod", "dep", "nmod") and c.pos_ == "PROPN":
                return c, False
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head != verb:
        s, passive = subject(verb.head, lex, depth + 1)
        if verb.dep_ == "xcomp":
            for c in verb.head.children:
                if c.dep_ == "dobj" and lem(verb.head) in lex.grammar.object_control_verbs:
                    return c, False
        return s, passive and verb.dep_ == "conj"
    cues = lex.cues
    if verb.dep_ == "acl" and (lem(verb.head) in cues.plan_nouns or (
            verb.tag_ == "VBG" and lem(verb.head) in cues.statement_nouns)) and verb.head.head != verb.head:
        # "X announced plans to hold talks", "X issued a declaration demanding ..."
        return subject(verb.head.head, lex, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head, False
    return None, False


def chain(t: Trigger) -> list[Token]:
    """The trigger and the verbs above it up to (not including) a reporting verb."""
    out = [t.token]
    if t.light is not None:
        out.append(t.light)
    cur = out[-1]
    for _ in range(4):
        if cur.dep_ in ("xcomp", "conj", "acomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr",
                        "amod", "acl") and cur.head != cur:
            cur = cur.head
            out.append(cur)
        else:
            break
    return out
