"""Status of an event (asserted, negated, hypothetical, future), its tense, and whether it is
the sentence's main assertion (which weighs in its confidence).

Cues are ``cues.yaml`` sets, looked for on the trigger and the verbs above it up to the
reporting verb (:func:`transforms.events.syntax.chain`): negation first, then hypothetical
(modals, "if", "the possibility of"), then future (will/shall, "set to", "scheduled", plans).
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.syntax import chain


def status_of(t: Trigger, clause: Token, lex: Lexicon) -> str:
    toks = chain(t)
    if _negated(t, toks, lex):
        return "negated"
    hyp, fut = _modality(t, toks + [clause], lex)
    if hyp:
        return "hypothetical"
    if fut:
        return "future"
    return "asserted"


def _negated(t: Trigger, toks: list[Token], lex: Lexicon) -> bool:
    neg = lex.cues.negation_words
    for tok in toks:
        for c in tok.children:
            if (c.dep_ == "neg" and c.lower_ in neg) or (c.dep_ == "det" and c.lower_ in neg and tok.pos_ == "NOUN"):
                return True
        if lem(tok) in lex.cues.negation_verbs:
            return True
    # "ended without any agreement"
    return t.kind == "noun" and t.token.dep_ == "pobj" and t.token.head.lower_ in neg


def _modality(t: Trigger, toks: list[Token], lex: Lexicon) -> tuple[bool, bool]:
    """(hypothetical?, future?) from the cues on ``toks``."""
    cues = lex.cues
    hyp = False
    fut = False
    for tok in toks:
        for c in tok.children:
            lw = c.lower_
            if c.dep_ in ("aux", "auxpass") and lw in cues.hypothetical_aux:
                hyp = True
            if c.dep_ == "mark" and lw in cues.hypothetical_marks:
                hyp = True
            if c.dep_ in ("aux", "auxpass") and lw in cues.future_aux:
                fut = True
            if c.dep_ == "amod" and lem(c) in cues.future_adjectives:
                fut = True
        if tok.dep_ == "pobj" and lem(tok.head.head) in cues.hypothetical_words:
            hyp = True
        # a governor, plan noun or participle above the trigger (not the trigger itself)
        above = tok != t.token
        if above and lem(tok) in cues.future_governors and tok.pos_ in ("VERB", "ADJ"):
            fut = True
        if above and tok.pos_ == "NOUN" and lem(tok) in cues.plan_nouns:
            fut = True
        if above and tok.lower_ in cues.future_participles and tok.pos_ in ("VERB", "ADJ"):
            fut = True
        if tok.lower_ in cues.future_progressive and any(c.dep_ == "xcomp" for c in tok.children):
            fut = True
    return hyp, fut


def past_tense(t: Trigger, clause: Token, lex: Lexicon) -> bool:
    """Is the event told in the past ("declared ..., arresting opponents" counts too)?"""
    verb = t.token if t.kind == "verb" else clause
    for _ in range(4):
        if verb.tag_ == "VBD":
            return True
        if verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.cues.past_tense_aux
                                      for c in verb.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in lex.cues.future_tense_aux for c in verb.children):
            return False
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb and verb.tag_ in ("VBG", "VB", "VBN"):
            verb = verb.head
            continue
        break
    return False


def is_main(t: Trigger, clause: Token, lex: Lexicon) -> bool:
    """Is the event the sentence's main assertion (not in a relative/adverbial clause or PP)?"""
    if t.kind == "noun" and t.light is None:
        return False
    cues = lex.cues
    plan_governors = cues.reporting_verbs | cues.support_verbs | lex.grammar.plan_announcing_verbs
    cur = clause
    for _ in range(8):
        if cur.dep_ == "ROOT":
            return True
        h = cur.head
        if cur.dep_ in ("conj", "xcomp", "acomp"):
            cur = h
            continue
        if cur.dep_ in ("ccomp", "parataxis", "advcl") and lem(h) in cues.reporting_verbs:
            cur = h
            continue
        if cur.dep_ == "acl" and lem(h) in cues.plan_nouns and h.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
                and lem(h.head) in plan_governors:
            cur = h.head  # "announced plans to hold talks": the planned event is the news
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and lem(h) in cues.statement_nouns \
                and h.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            cur = h.head  # "issued a declaration demanding that ...": the demand is the news
            continue
        if cur.dep_ == "ccomp" and (lem(h) in cues.intent_verbs or lem(h) in cues.order_verbs):
            cur = h
            continue
        return cur.dep_ == "ROOT" or h == cur
    return False
