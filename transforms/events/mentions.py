"""Event mentions: what the parse says about an event that document-level dating needs.

A :class:`Mention` keeps a coded :class:`~transforms.core.records.Event` with the features
:mod:`transforms.events.coreference` compares across the document: the event-noun families of
its trigger and happening nouns ("engage in a new round of talks" → talks), whether it is a
definite description ("the upcoming talks"), many happenings or a habit ("several rounds",
"previously hosted"), told in the simple past or the present perfect, the place words inside
its noun phrase ("the Istanbul talks") and the happenings it takes place at ("at the talks").
The word lists are ``seeds/reference/events/en/coreference.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from transforms.core.records import Event
from transforms.core.refdata import read_yaml
from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.status import past_tense
from transforms.events.syntax import clause_head

#: Dependency labels of a verb's happening nouns ("resume negotiations", "held a round") and of
#: the nouns seen through to the happening ("a round of talks").
_OBJECTS = ("dobj", "attr", "nsubjpass", "oprd")
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")


@dataclass(frozen=True, eq=False)
class CorefWords:
    """The contents of ``coreference.yaml``."""

    families: Mapping[str, frozenset[str]]  # lemma -> the families it belongs to
    plural_happenings: frozenset[str]
    definite: frozenset[str]
    generic: frozenset[str]
    habitual: frozenset[str]
    setting_preps: frozenset[str]
    perfect_aux: frozenset[str]
    narrative_sentences: int
    narrative_min_days: int


@lru_cache(maxsize=1)
def coref_words() -> CorefWords:
    """The coreference word lists (read once per process)."""
    d = read_yaml("events", "en", "coreference.yaml")
    families: dict[str, set[str]] = {}
    for name, words in d["families"].items():
        for w in words:
            families.setdefault(str(w).lower(), set()).add(name)
    return CorefWords(
        families={w: frozenset(f) for w, f in families.items()},
        plural_happenings=frozenset(d["plural_happenings"]), definite=frozenset(d["definite_determiners"]),
        generic=frozenset(d["generic_modifiers"]), habitual=frozenset(d["habitual_adverbs"]),
        setting_preps=frozenset(d["setting_prepositions"]), perfect_aux=frozenset(d["perfect_aux"]),
        narrative_sentences=int(d["narrative"]["max_sentences"]),
        narrative_min_days=int(d["narrative"]["min_days_before_publication"]),
    )


@dataclass(frozen=True)
class Mention:
    """An event with the features document-level dating compares."""

    event: Event
    families: frozenset[str]  # event-noun families of the trigger and its happening nouns
    definite: bool  # "the talks", "hosted the meeting"
    generic: bool  # many happenings, a kind or a habit: never one dated happening
    past: bool  # told in the simple past (not the present perfect)
    perfect: bool  # told in the present perfect ("has hosted")
    place_words: frozenset[str]  # lower-case proper nouns inside the happening's phrase
    settings: frozenset[str]  # families of the definite happenings it takes place at
    noun: bool = False  # an event noun ("the talks"): no tense of its own


def _happening_nouns(t: Trigger) -> list[Token]:
    """The trigger (a noun) or the nouns a verb trigger's happening is named by."""
    if t.kind == "noun":
        nouns = [t.token]
    else:
        nouns = [c for c in t.token.children if c.dep_ in _OBJECTS and c.tag_ in _NOUN_TAGS]
        for p in t.token.children:  # "engage in a new round of talks"
            if p.dep_ == "prep" and p.lower_ not in coref_words().setting_preps:
                nouns += [c for c in p.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS]
    for n in list(nouns):  # "a round of talks", "rounds of negotiations"
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                nouns += [c for c in p.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS]
    return nouns


def _families(tokens: list[Token]) -> frozenset[str]:
    fam = coref_words().families
    return frozenset(f for tok in tokens for f in fam.get(lem(tok), ()))


def _definite(noun: Token) -> bool:
    words = coref_words()
    return any((c.dep_ == "det" and c.lower_ in words.definite) or c.dep_ == "poss" for c in noun.children)


def _generic_noun(noun: Token) -> bool:
    """Many happenings or a kind: "several rounds", "two meetings", "attacks on towns"."""
    words = coref_words()
    for c in noun.children:
        if c.dep_ in ("amod", "det", "nummod", "quantmod") and c.lower_ in words.generic:
            return True
        if c.dep_ == "nummod" and c.lower_ not in ("one", "1"):
            return True
    return noun.tag_ == "NNS" and noun.lower_ not in words.plural_happenings


def _settings(t: Trigger, clause: Token) -> frozenset[str]:
    """Families of the definite happenings the event takes place at ("... at the talks")."""
    words = coref_words()
    heads = {t.token, clause} | ({t.light} if t.light is not None else set())
    heads |= {c for h in list(heads) for c in h.children if c.dep_ in _OBJECTS}  # "its proposals at the talks"
    nouns = [c for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in words.setting_preps
             for c in p.children if c.dep_ == "pobj" and _definite(c)]
    return _families(nouns)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in coref_words().perfect_aux for c in verb.children)


def mention_of(ev: Event, t: Trigger, lex: Lexicon) -> Mention:
    """The mention of the event ``ev`` coded from the trigger ``t``."""
    words = coref_words()
    clause = clause_head(t)
    nouns = _happening_nouns(t)
    verb = t.token if t.kind == "verb" else clause
    habitual = any(c.dep_ == "advmod" and c.lower_ in words.habitual for v in {verb, clause} for c in v.children)
    past = past_tense(t, clause, lex)
    perfect = past and (_perfect(verb) or _perfect(clause))
    places = frozenset(c.lower_ for n in nouns for c in n.children
                       if c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS"))
    return Mention(
        event=ev, families=_families([t.token, *nouns]), definite=any(_definite(n) for n in nouns),
        generic=habitual or any(_generic_noun(n) for n in nouns if n is t.token or lem(n) in words.families),
        past=past and not perfect, perfect=perfect,
        place_words=places, settings=_settings(t, clause), noun=t.kind == "noun",
    )
