"""Frames: the object of a verb decides the event type (PLOVER definitions).

* finalising an agreement is SUPPORT ("reached an agreement", "signed a treaty", "agreed a
  deal": PLOVER SUPPORT covers "ratify, sign, or finalize an agreement"); agreeing *to do*
  something stays AGREE (``agreement_nouns``, ``finalize_verbs``);
* reducing or stopping cooperation is SANCTION ("reduced military aid", "suspended talks",
  "a suspension of aid": PLOVER SANCTION, "all reductions in existing, routine, or
  cooperative relations") (``reduction_verbs``, ``reduction_nouns``);
* giving back a thing to its owner is RETREAT ("returned the artefacts to Italy": PLOVER
  RETREAT, "the return of confiscated property") (``returning_verbs``);
* taking or storming by armed forces is ASSAULT ("troops stormed the headquarters", "marines
  seized the tanker", "an air force strike"): COERCE is repression and restriction by
  authorities short of violence, ASSAULT the use of force (:func:`armed_type`, once the
  source is known; ``armed_verbs``, ``armed_nouns``, ``armed_sectors`` in ``actors/codes.yaml``);
* a politician "attacking", "hitting out at" or "firing back at" another, with no weapon or
  armed force in the sentence, criticises (ACCUSE disapprove): :func:`verbal_attack`, once the
  sides are known (``verbal_attack_verbs``);
* sending or deploying peacekeepers or relief workers is AID (PLOVER AID: "military and police
  assistance including arms and personnel", MOBILIZE: "mobilizing ... forces for disaster
  relief should be coded as AID") (``aid_personnel``).

:func:`reframe` returns the type a trigger takes in its frame (its own type when no frame
applies); the noun the frame reads belongs to the verb's event.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from transforms.core.records import Actor
from transforms.core.refdata import read_yaml
from transforms.events.actors.lexicon import ActorLexicon
from transforms.events.context import SentenceContext, Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.modes import mode_from_cues

_COOPERATIVE_NOUN_TYPES = ("AID", "COOPERATE", "SUPPORT", "CONSULT", "AGREE")


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects (the subject of its passive: "aid was suspended")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def _noun_type(tok: Token, lex: Lexicon) -> str | None:
    senses = lex.noun_senses(lem(tok), tok.lower_)
    return senses[0].plover if senses else None


def reframe(t: Trigger, lex: Lexicon) -> tuple[str, str] | None:
    """(type, mode) of ``t`` in its frame, or ``None`` when no frame applies."""
    c = lex.cues
    tok = t.token
    if t.kind == "noun":
        # "a suspension of aid", "a cut in military assistance"
        head = tok.head
        if t.plover not in _COOPERATIVE_NOUN_TYPES:
            return None
        if tok.dep_ == "pobj" and head.dep_ == "prep" and lem(head.head) in c.reduction_nouns:
            return "SANCTION", "discontinue"
        if tok.dep_ in ("dobj", "nsubjpass") and lem(head) in c.reduction_verbs:  # "reduced military aid"
            return ("SANCTION", "withdraw") if t.plover == "CONSULT" else ("SANCTION", "discontinue")
        return None
    lemma = lem(tok)
    objs = _objects(tok)
    if lemma in c.finalize_verbs and any(lem(o) in c.agreement_nouns for o in objs):
        return "SUPPORT", ""
    if lemma in c.reduction_verbs:
        for o in objs:
            if _noun_type(o, lex) in _COOPERATIVE_NOUN_TYPES:
                return ("SANCTION", "withdraw") if _noun_type(o, lex) == "CONSULT" else ("SANCTION", "discontinue")
    if returns_thing(tok, lex):
        return "RETREAT", ""
    if t.plover in ("MOBILIZE", "COOPERATE", "AGREE", "CONSULT") or lemma in c.sending_verbs:
        for o in objs:
            words = {lem(w) for w in o.subtree} | {w.lower_ for w in o.subtree}
            if words & c.aid_personnel:
                return "AID", ""
    return None


def returns_thing(verb: Token, lex: Lexicon) -> bool:
    """"returned the paintings to the museum": a returning verb with a direct object that is a
    common noun (not a person, a pronoun or a place) and a "to" phrase."""
    if lem(verb) not in lex.cues.returning_verbs:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.grammar.destination_preps]
    return bool(objs and to)


def armed_type(t: Trigger, source: list[Actor], lex: Lexicon, alex: ActorLexicon) -> str | None:
    """ASSAULT for a seizure or a strike whose source is an armed force; COERCE for an
    obstruction by an authority or an armed force ("police blocked the road"); else ``None``."""
    c = lex.cues
    lemma = lem(t.token)
    armed = armed_sectors()
    by_armed = any(a.sector in armed or a.country in armed for a in source)
    if t.plover == "PROTEST" and t.kind == "verb" and lemma in c.obstruction_verbs:
        authority = by_armed or any(a.sector in authority_sectors() for a in source)
        return "COERCE" if authority else None
    if not ((t.plover == "COERCE" and t.kind == "verb" and lemma in c.armed_verbs)
            or (t.plover == "PROTEST" and t.kind == "noun" and lemma in c.armed_nouns)):
        return None
    return "ASSAULT" if by_armed else None


@lru_cache(maxsize=1)
def authority_sectors() -> frozenset[str]:
    return frozenset(read_yaml("actors", "codes.yaml")["authority_sectors"])


@lru_cache(maxsize=1)
def armed_sectors() -> frozenset[str]:
    return frozenset(read_yaml("actors", "codes.yaml")["armed_sectors"])


def verbal_attack(t: Trigger, source: list[Actor], target: list[Actor], ctx: SentenceContext, lex: Lexicon,
                  alex: ActorLexicon) -> bool:
    """An ASSAULT verb between people or bodies (not states, not armed forces, not police) in a
    sentence naming no weapon (no ASSAULT mode cue): a verbal attack."""
    if t.plover != "ASSAULT" or t.kind != "verb" or lem(t.token) not in lex.cues.verbal_attack_verbs:
        return False
    if not (source or target) or mode_from_cues("ASSAULT", ctx, lex) is not None:
        return False  # a passive or a nominal subject ("was attacked by ...", "attacking the mayor"):
        # the side that is named decides
    forceful = armed_sectors() | authority_sectors() - {"GOV", "LEG", "JUD"} | {"COP"}

    def person(a: Actor) -> bool:
        if a.sector in forceful or a.country in forceful:
            return False
        return bool(a.sector) or not a.country or a.name != alex.country_name(a.country)

    return all(person(a) for a in source) and all(person(a) for a in target)
