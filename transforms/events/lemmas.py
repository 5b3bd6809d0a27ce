"""Lemmas of tokens, from the verb lexicon's forms and English suffix rules.

Replaces spaCy's rule lemmatizer (excluded for speed): only verbs, nouns and their
inflections matter to the rules. Irregular forms are data
(``seeds/reference/events/en/irregular_verbs.tsv`` / ``irregular_nouns.tsv``); results are
cached per (word, POS).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from transforms.core.refdata import read_mapping
from transforms.events.lexicon import load_lexicon

#: Verb suffix rewrites tried in order: the first whose result is a lexicon verb wins.
_VERB_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                  ("es", ""), ("s", ""))
#: Suffixes stripped (with a doubled consonant undone) when no rewrite gives a lexicon verb.
_VERB_STRIP = ("ing", "ed", "s")


@lru_cache(maxsize=1)
def _irregular_verbs() -> dict[str, str]:
    return read_mapping("events", "en", "irregular_verbs.tsv", key="form", value="lemma")


@lru_cache(maxsize=1)
def _irregular_nouns() -> dict[str, str]:
    return read_mapping("events", "en", "irregular_nouns.tsv", key="form", value="lemma")


def lem(tok: Token) -> str:
    """Lower-case lemma of a token."""
    return lemma_of(tok.lower_, tok.pos_)


@lru_cache(maxsize=200_000)
def lemma_of(low: str, pos: str) -> str:
    """Lemma of the lower-case word ``low`` with coarse POS ``pos``."""
    if pos in ("VERB", "AUX"):
        return load_lexicon().forms.get(low) or verb_lemma(low)
    if pos in ("NOUN", "PROPN"):
        return _irregular_nouns().get(low) or noun_lemma(low)
    return low


def verb_lemma(low: str) -> str:
    irregular = _irregular_verbs()
    if low in irregular:
        return irregular[low]
    lex = load_lexicon()
    for suffix, repl in _VERB_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            cand = low[: -len(suffix)] + repl
            if cand in lex.forms or cand in lex.verbs:
                return cand
    for suffix in _VERB_STRIP:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stem = stem[:-1]
            return stem
    return low


def noun_lemma(low: str) -> str:
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low
