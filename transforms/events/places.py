"""Places: the place a noun phrase names, and the place of an event.

The event's own place first: a place after ``event_place_preps`` (in/at/near/outside) on the
trigger, its clause or its subject ("an explosion near Samarra"), the city a "where" clause
hangs on, the destination of a visit; then any place named with ``sentence_place_preps``
elsewhere in the sentence (a city before a country). When the sentence names none, the
article's dateline city, if it lies in one of the actors' countries (or no actor has one).
Names are looked up in :mod:`transforms.events.gazetteer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from transforms.core.records import Actor
from transforms.core.refdata import read_words
from transforms.events.context import DocContext, SentenceContext, Trigger
from transforms.events.gazetteer import Place, gazetteer
from transforms.events.lexicon import Lexicon
from transforms.events.syntax import subject


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return read_words("places", "en", "place_nouns.txt")


def place_of(pobj: Token) -> Place | None:
    """Resolve the proper-noun phrase headed by ``pobj`` to a place."""
    if pobj.pos_ == "NOUN" and pobj.lower_.rstrip("s") in _place_nouns():
        # "the town of Samarra", "the city of Hebron"
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "PROPN":
                        return place_of(g)
        return None
    if pobj.pos_ != "PROPN":
        return None
    chain = [t for t in pobj.subtree if t.pos_ == "PROPN" or t.dep_ == "compound" or t.text == "-"]
    chain = [t for t in chain if abs(t.i - pobj.i) <= 3]
    if not chain:
        return None
    text = pobj.doc[min(t.i for t in chain): max(t.i for t in chain) + 1].text
    gaz = gazetteer()
    # no fall-back to the last word alone: "the South China Sea" is not "Sea"
    return gaz.lookup(text) or (gaz.lookup(pobj.text) if len(chain) == 1 else None)


def locate(t: Trigger, clause: Token, ctx: SentenceContext, doc: DocContext, actors: Iterable[Actor],
           lex: Lexicon) -> tuple[Place | None, str | None]:
    """(the event's place, ``location_source``: sentence | dateline | None)."""
    place = event_place(t, clause, ctx, lex)
    if place is not None:
        return place, "sentence"
    dp = doc.dateline_place
    if dp is not None:
        # no place in the sentence: the dateline city, if it is in an actor's country (or no
        # actor has a country) -- "WASHINGTON -- Israel struck Gaza" stays unplaced
        countries = {a.country for a in actors} - {None}
        if not countries or dp.country in countries:
            return dp, "dateline"
    return None, None


def _from_holder(h: Token, preps: frozenset[str]) -> Place | None:
    """The first place in a PP on ``h`` with one of ``preps``."""
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    p = place_of(g)
                    if p:
                        return p
    return None


def event_place(t: Trigger, clause: Token, ctx: SentenceContext, lex: Lexicon) -> Place | None:
    """The place the sentence gives the event (``None`` if it names none)."""
    g = lex.grammar
    holders = [t.token, clause]
    if t.light is not None:
        holders.append(t.light)
    for c in clause.children:
        if c.dep_ in ("xcomp", "advcl"):
            holders.append(c)
    subj = subject(clause, lex)[0]
    for h in holders + ([subj] if subj is not None else []):  # "an explosion near Samarra killed"
        p = _from_holder(h, g.event_place_preps)
        if p:
            return p
    for h in holders:  # "traveled to Kyiv, where he met ...": the place the clause hangs on
        where = next((c for c in h.children if c.lower_ in g.place_relatives), None)
        if h.dep_ == "relcl" and where is not None:
            for prev in reversed(list(h.doc[: where.i])):
                p = place_of(prev) if prev.pos_ == "PROPN" else None
                if p:
                    return p
    if t.mode in lex.plover.destination_modes:
        for h in holders + [t.token]:
            p = _from_holder(h, g.destination_preps)
            if p:
                return p
        for c in t.token.children:
            if c.dep_ == "dobj":
                p = place_of(c)
                if p:
                    return p
    return sentence_place(ctx, lex)


def sentence_place(ctx: SentenceContext, lex: Lexicon) -> Place | None:
    """Any place named with "in"/"at" elsewhere in the sentence (a city first, else a country);
    once per sentence."""
    if ctx.cache.place is None:
        found, country_level = None, None
        preps = lex.grammar.sentence_place_preps
        for tok in ctx.sdoc:
            if tok.dep_ == "pobj" and tok.head.lower_ in preps and tok.pos_ == "PROPN":
                p = place_of(tok)
                if p and p.latitude is not None:
                    found = p
                    break
                country_level = country_level or p
        ctx.cache.place = (found or country_level,)
    return ctx.cache.place[0]
