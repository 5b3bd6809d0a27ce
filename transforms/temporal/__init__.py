"""Temporal tagging and normalisation (TIMEX3), rule based, HeidelTime style.

Rules and lexicons are data (``seeds/reference/temporal/en/``: ``rules.yaml``, ``lexicon.yaml``,
``relations.yaml``, ``filters.yaml``, ``tense.yaml``), compiled once per process. :func:`tag`
finds every candidate match of every rule, keeps the longest non-overlapping ones, normalises
each against the publication date (DCT) -- the direction of underspecified expressions ("on
Friday", "May 16") comes from the tense cues around them -- and extends them with modifier
prefixes. Pure Python; never raises; linear in the text length. See docs/temporal.md and, to add
a rule, docs/rules-temporal.md.
"""

from __future__ import annotations

from transforms.temporal.lexicon import Lexicon, load_lexicon
from transforms.temporal.patterns import CompiledRules, compiled
from transforms.temporal.tagger import tag
from transforms.temporal.tense import direction


def load() -> CompiledRules:
    """Read the lexicons and compile the rules now (a worker's warm-up); cached per process."""
    load_lexicon()
    return compiled()


__all__ = ["Lexicon", "CompiledRules", "direction", "load", "load_lexicon", "tag"]
