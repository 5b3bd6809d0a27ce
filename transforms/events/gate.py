"""The gate: does a coded trigger report an interaction between political actors?

An event is kept only when

* its source can act: a subject whose head is a common noun must itself name an actor (a
  sector word, a country's people, an armed group), or be a weapon or vehicle acting for its
  side (``acting_instruments``) — "Kenya's runners", "Egypt's tourism revenue", "the Chinese
  film" name no actor, whatever country modifies them (:func:`can_act`);
* one of its sides is political: a state (a country, capital, seat of government), an
  international organisation, or an actor of a political sector (``political_sectors`` in
  ``actors/codes.yaml``: government, military, police, judiciary, rebels, parties ...) — a
  firm, a patient or a fan on their own are not (:func:`political`); protests are political
  by nature (``civil_types`` in ``plover.yaml``);
* a verb coded only by its bare dictionary default ("hit", "serve", "manage", "want") has an
  actor on the receiving end, or two actors doing it together: the CAMEO dictionaries code a
  bare verb for "SOURCE verb TARGET"; used on a thing ("hit a record", "manage a harvest")
  it is not the event sense (:func:`bare_verb_has_recipient`). Intent verbs and types that
  need no recipient by nature (``intransitive_types``) are exempt;
* a verb event told in the background of the sentence — in a relative or adverbial clause
  ("the jail stint he was given", "prices, which were criticised by the mayor") — counts only
  with two actors named (both sides, or two doing it together): the sentence reports
  something else, and a one-sided mention is rarely an interaction that happened
  (:func:`background_mention`; ``dateline events code`` never kept such events either).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from transforms.core.records import Actor
from transforms.core.refdata import read_yaml
from transforms.events.actors.lexicon import ActorLexicon, lexicon, lexicon_words
from transforms.events.actors.phrases import conjuncts, phrase_tokens
from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.status import is_main
from transforms.events.syntax import clause_head


@lru_cache(maxsize=1)
def political_sectors() -> frozenset[str]:
    return frozenset(read_yaml("actors", "codes.yaml")["political_sectors"])


@lru_cache(maxsize=1)
def political_codes() -> frozenset[str]:
    return frozenset(read_yaml("actors", "codes.yaml")["political_international"])


def political(actor: Actor, alex: ActorLexicon) -> bool:
    """A state, an international organisation or armed group, or an actor of a political sector."""
    if actor.country in political_codes():
        return True  # "IGO UNO", "IMG ...": the sub-code is not a sector of a state
    if actor.sector:
        return actor.sector in political_sectors()
    # a state, or a person or group of a country with no sector given
    return bool(actor.country) and actor.country not in read_yaml("actors", "codes.yaml")["international"]


def can_act(tok: Token, lex: Lexicon, alex: ActorLexicon) -> bool:
    """Can the noun phrase headed by ``tok`` (or one of its conjuncts) be the author of an event?

    Proper nouns, pronouns and event nouns ("the talks", "a bombing") are left to the other
    rules; a common-noun head must be covered by an actor or sector entry of the lexicon, or
    be an acting instrument ("jets", "drones") or an acting role or body ("UN chief")."""
    return any(_head_can_act(h, lex, alex) for h in conjuncts(tok))


def _head_can_act(tok: Token, lex: Lexicon, alex: ActorLexicon) -> bool:
    if tok.pos_ != "NOUN":
        return True
    low, lemma = tok.lower_, lem(tok)
    if low in alex.words.transparent_heads:
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]
        return not objs or _head_can_act(objs[0], lex, alex)
    acting = alex.words.acting_instruments | alex.words.acting_heads
    if lemma in acting or low in acting:
        return True
    if lex.noun_senses(lemma, low) or lemma in lex.cues.unattributed_subjects:
        return True
    tokens = phrase_tokens(tok)
    words = lexicon_words(tokens)
    for s, e, _entry in alex.match(words):
        if any(tokens[k] is tok or tokens[k].i == tok.i for k in range(s, e)):
            return True
    return False


def bare_verb_has_recipient(t: Trigger, src_tok: Token | None, source: list[Actor], target: list[Actor],
                            lex: Lexicon) -> bool:
    """A verb coded by its bare default needs a target actor, or actors acting together: two or
    more, or a plural for a joint type ("leaders of 20 countries met")."""
    if t.kind != "verb" or t.consumed or t.modal:
        return True
    if lem(t.token) in lex.cues.intent_verbs or t.plover in lex.plover.intransitive_types:
        return True
    if target or len({(a.country, a.sector, a.name) for a in source}) >= 2:
        return True
    if not source or t.plover not in lex.plover.joint_types or src_tok is None:
        return False
    collective = lexicon().words.collective_heads
    return src_tok.tag_ in ("NNS", "NNPS") or lem(src_tok) in collective or src_tok.lower_ in collective \
        or any(a.country in political_codes() for a in source)


_WORD = re.compile(r"[a-z][a-z'\-]*")


@lru_cache(maxsize=1)
def _genres() -> dict[str, Any]:
    data = read_yaml("events", "en", "genres.yaml")
    return {"min_hits": int(data["min_hits"]), "ratio": float(data["ratio"]),
            "genres": {g: frozenset(ws) for g, ws in data["genres"].items()},
            "politics": frozenset(data["politics"])}


@lru_cache(maxsize=64)
def page_genre(text: str) -> str | None:
    """The page's non-political genre, or ``None``: the genre with the most words on the page,
    when it has at least ``min_hits`` of them and ``ratio`` times as many as political words."""
    g = _genres()
    counts = Counter(_WORD.findall(text.lower()))
    politics = sum(counts[w] for w in g["politics"])
    best, hits = None, 0
    for name, words in g["genres"].items():
        n = sum(counts[w] for w in words)
        if n > hits:
            best, hits = name, n
    if hits >= g["min_hits"] and hits >= g["ratio"] * politics:
        return best
    return None


def political_body(actor: Actor) -> bool:
    """An actor of a political sector of a known country, or an international organisation (a
    country's name or its people alone are not, nor a title with no country: "the captain"
    of a team)."""
    return actor.country in political_codes() or (bool(actor.country) and actor.sector in political_sectors())


def background_mention(t: Trigger, source: list[Actor], target: list[Actor], lex: Lexicon) -> bool:
    """A verb event outside the sentence's main assertion with fewer than two actors.

    Event nouns are left alone: they are coded only with an actor attached or a support verb,
    and a noun mention ("the Istanbul talks", "contacts involving leaders from ...") names a
    happening the document dates elsewhere (:mod:`.coreference`)."""
    if t.kind != "verb":
        return False
    if len({(a.text, a.country, a.sector) for a in source + target}) >= 2:
        return False  # both sides, or two actors doing it together
    return not is_main(t, clause_head(t), lex)


def passes(t: Trigger, src_tok: Token | None, source: list[Actor], target: list[Actor], lex: Lexicon,
           alex: ActorLexicon, national: bool = False, page: str = "") -> bool:
    """Is the coded event an interaction between political actors (see the module docstring)?
    ``page`` is the text of the whole page (its genre)."""
    if background_mention(t, source, target, lex):
        return False
    if page and page_genre(page) is not None and not any(political_body(a) for a in source + target):
        return False
    if t.plover in lex.plover.civil_types:
        # a protest needs protesters the lexicon knows (a sector or a country), not just a
        # name, or a political actor protested against
        if not any(a.sector or a.country for a in source) and not any(political(a, alex) for a in target):
            return False
    elif not national and not any(political(a, alex) for a in source + target):
        return False
    return bare_verb_has_recipient(t, src_tok, source, target, lex)
