"""The events lexicon: CAMEO/PLOVER verb patterns, event nouns and mode cues.

Read once per process from ``seeds/reference/events/en``:

* ``verb_overrides.tsv`` (curated, first) and ``cameo_verbs.tsv`` (converted from petrarch2):
  verb lemma, words after / before the verb, PLOVER type and mode; ``=FORMS`` rows list
  irregular forms;
* ``synsets.tsv`` (curated) and ``cameo_synsets.tsv``: the ``&SET`` word sets patterns name;
* ``noun_triggers.tsv``: event nouns (type, mode, optional modifier);
* ``mode_cues.tsv``: words that give an event of a type its mode.

The cue sets and grammar words are :mod:`transforms.events.cues`; :class:`Lexicon` carries
them too, so a rule needs one object.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from transforms.core.refdata import read_tsv
from transforms.events.cues import Cues, Grammar, PloverClasses, cues, grammar, plover_classes

EN = ("events", "en")

#: One step of a pattern: the words (or multi-word synonyms) any of which matches.
Step = frozenset[str]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: word steps after and before the verb, and what it codes."""

    after: tuple[Step, ...]
    before: tuple[Step, ...]
    plover: str  # "" = the verb is no event with these words
    mode: str
    curated: bool


@dataclass(frozen=True, slots=True)
class NounSense:
    """An event noun's reading: type, mode, and the modifier it needs ("" = none)."""

    plover: str
    mode: str
    modifier: str


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)  # lemma -> patterns, file order
    forms: dict[str, str] = field(default_factory=dict)  # surface form -> lemma
    nouns: dict[str, list[NounSense]] = field(default_factory=dict)
    default_forms: set[str] = field(default_factory=set)  # forms that are events on their own
    pattern_forms: dict[str, set[str]] = field(default_factory=dict)  # form -> anchor words
    mode_cues: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)  # type -> (mode, cue)
    cues: Cues = field(default_factory=cues)
    grammar: Grammar = field(default_factory=grammar)
    plover: PloverClasses = field(default_factory=plover_classes)

    def noun_senses(self, lemma: str, lower: str) -> list[NounSense]:
        """Senses of an event noun by lemma, else by its written form."""
        return self.nouns.get(lemma) or self.nouns.get(lower) or []


def inflect(lemma: str) -> set[str]:
    """Regular English verb forms of ``lemma`` (3rd person, past, -ing, doubled consonant)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _synsets() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for fname in ("cameo_synsets.tsv", "synsets.tsv"):
        for r in read_tsv(*EN, fname):
            out.setdefault(r["set"], set()).add(r["word"])
    return out


def _steps(text: str, synsets: dict[str, set[str]], shared: dict[Any, Any] | None = None) -> tuple[Step, ...] | None:
    """Word steps of a pattern; ``None`` when it names a synonym set that does not exist
    (petrarch2 refers to a few it never defines): such a pattern can never match, and
    dropping the word instead would make it match far too much.

    Equal steps and step tuples are one object (``shared``): 43,000 patterns name the same
    few hundred synonym sets and words, so the lexicon stays a few MB in every worker."""
    shared = {} if shared is None else shared
    out = []
    for w in text.split():
        if w.startswith("&"):
            step = shared.get(w)
            if step is None:
                alts = {sys.intern(" ".join(s.split())) for s in synsets.get(w, set())}  # "cease fire" stays whole
                if not alts:
                    return None
                step = shared.setdefault(frozenset(alts), frozenset(alts))
                shared[w] = step
            out.append(step)
        elif w not in {"", "-", "*"}:
            key = ("word", w)
            step = shared.get(key)
            if step is None:
                step = shared[key] = frozenset({sys.intern(w)})
            out.append(step)
    steps = tuple(out)
    kept: tuple[Step, ...] = shared.setdefault(steps, steps)
    return kept


def _read_verbs(lex: Lexicon) -> dict[str, set[str]]:
    """Fill ``lex.verbs`` from the verb files; returns the irregular forms per lemma."""
    synsets = _synsets()
    irregular: dict[str, set[str]] = {}
    shared: dict[Any, Any] = {}  # one object per distinct step, step tuple and (type, mode) string
    for curated, fname in ((True, "verb_overrides.tsv"), (False, "cameo_verbs.tsv")):
        # read past the per-process cache: the lexicon is built once from these rows, and
        # caching 43,000 row dicts would keep ~20 MB alive in every worker for nothing
        for r in read_tsv.__wrapped__(*EN, fname):
            lemma = sys.intern(r["lemma"].strip().lower())
            if not lemma:
                continue
            if r["after"] == "=FORMS":
                irregular.setdefault(lemma, set()).update(r["before"].split() or r["cameo"].split())
                continue
            plover = (r.get("plover") or "").strip()
            if plover and plover not in lex.plover.types:
                continue
            after, before = _steps(r["after"] or "", synsets, shared), _steps(r["before"] or "", synsets, shared)
            if after is None or before is None:
                continue
            pat = Pattern(after, before, sys.intern(plover), sys.intern((r.get("mode") or "").strip()), curated)
            lex.verbs.setdefault(lemma, []).append(pat)
    return irregular


def _default(pats: list[Pattern]) -> Pattern | None:
    for p in pats:  # curated rows come first
        if not p.after and not p.before:
            return p
    return None


def _index_forms(lex: Lexicon, irregular: dict[str, set[str]]) -> None:
    """Surface forms -> lemma, and for the pre-filter: the forms that are events on their own
    and the anchor words a pattern-only form needs.

    Mirrors the matcher (:mod:`.patterns`): a curated row that matches overrides the converted
    ones, so a curated default decides alone; without one, the converted default codes the
    verb whenever no curated row matches. Returning verbs need a "to" ("returned X to Y")."""
    for lemma, pats in lex.verbs.items():
        forms = inflect(lemma) | irregular.get(lemma, set())
        curated = [p for p in pats if p.curated]
        default = _default(curated) or _default(pats)
        is_default = default is not None and bool(default.plover)
        anchors: set[str] = set()
        if not is_default:  # the same anchors for every form of the lemma: one set, shared
            for p in pats:
                if p.plover and p.after:
                    anchors.update(sys.intern(a.split()[-1]) for a in p.after[-1])
            if lemma in lex.cues.returning_verbs:
                anchors.update(lex.grammar.destination_preps)
        for f in forms:
            f = sys.intern(f)
            lex.forms.setdefault(f, lemma)
            if is_default:
                lex.default_forms.add(f)
            elif anchors:
                known = lex.pattern_forms.get(f)
                # a form of two lemmas gets the union (a new set: the shared one is not changed)
                lex.pattern_forms[f] = anchors if known is None else known | anchors


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    _index_forms(lex, _read_verbs(lex))
    for r in read_tsv(*EN, "noun_triggers.tsv"):
        lex.nouns.setdefault(r["noun"].lower(), []).append(
            NounSense(r["plover"], r["mode"] or "", r["modifier"] or ""))
    for r in read_tsv(*EN, "mode_cues.tsv"):
        lex.mode_cues.setdefault(r["plover"], []).append((r["mode"], tuple(r["cue"].lower().split())))
    return lex
