"""Verb patterns: code a verb by the longest CAMEO/PLOVER pattern of its lemma that matches.

A pattern's word steps must appear in order in the verb's phrase after it (``after``) and in
the four words before it (``before``); a step matches a word, its lemma, a short inflection
of it, or a multi-word synonym ending at it. A curated row (``verb_overrides.tsv``) that
matches overrides the converted CAMEO patterns.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.context import SentenceContext
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon, Pattern, Step
from transforms.events.syntax import verb_phrase


def tok_matches(tok: Token, alts: Step) -> bool:
    low = tok.lower_
    if low in alts or lem(tok) in alts:
        return True
    for a in alts:
        if " " in a:  # a multi-word synonym ends at this token: "cease fire"
            parts = a.split()
            start = tok.i - len(parts) + 1
            if start >= 0 and [t.lower_ for t in tok.doc[start:tok.i + 1]] == parts:
                return True
        elif low.startswith(a) and len(low) - len(a) <= 2 and len(a) >= 4:
            return True
    return False


def match_seq(seq: tuple[Step, ...], tokens: list[Token]) -> set[int] | None:
    """Indices of the tokens matching the steps of ``seq`` in order, ``None`` if one is missing."""
    if not seq:
        return set()
    used = set()
    j = 0
    for alts in seq:
        while j < len(tokens) and not tok_matches(tokens[j], alts):
            j += 1
        if j >= len(tokens):
            return None
        used.add(tokens[j].i)
        j += 1
    return used


def _available_words(seqs: tuple[list[Token], ...]) -> set[str]:
    """Every word, lemma, short stem and two/three-word sequence the patterns could match."""
    avail: set[str] = set()
    for seq in seqs:
        for k, t in enumerate(seq):
            low = t.lower_
            avail.update((low, low[:-1], low[:-2], lem(t)))
            if k >= 1:  # multi-word synonyms ("cease fire", "armed forces")
                avail.add(f"{seq[k - 1].lower_} {low}")
            if k >= 2:
                avail.add(f"{seq[k - 2].lower_} {seq[k - 1].lower_} {low}")
    return avail


def _time_tokens(ctx: SentenceContext) -> set[int]:
    """Tokens of the sentence's time expressions and the prepositions heading them ("on Friday"):
    never pattern words ("called X on Friday" is no "call on")."""
    if not ctx.timexes:
        return set()
    start = ctx.sentence.start
    spans = [(tx.start - start, tx.end - start) for tx in ctx.timexes]
    out: set[int] = set()
    for t in ctx.sdoc:
        if any(s <= t.idx < e for s, e in spans):
            out.add(t.i)
            if t.dep_ == "pobj" and t.head.dep_ == "prep":
                out.add(t.head.i)
    return out


class PatternMatcher:
    """Matches verbs against the lexicon's patterns, with an index per lemma built on first use."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._index: dict[str, tuple[list[int], dict[str, list[int]]]] = {}

    def candidates(self, lemma: str, pats: list[Pattern], avail: set[str]) -> list[Pattern]:
        """Patterns of ``lemma`` whose every word step has a word in ``avail``, in file order.

        Some verbs have hundreds of CAMEO patterns: an index from each pattern's first step
        words to the pattern keeps this from testing them all."""
        index = self._index.get(lemma)
        if index is None:
            always: list[int] = []
            by_word: dict[str, list[int]] = {}
            for i, p in enumerate(pats):
                steps = p.after + p.before
                if not steps:
                    always.append(i)
                for w in (steps[0] if steps else ()):
                    by_word.setdefault(w, []).append(i)
            index = self._index[lemma] = (always, by_word)
        always, by_word = index
        found = set(always)
        for w in avail:
            hit = by_word.get(w)
            if hit:
                found.update(hit)
        out = []
        for i in sorted(found):
            p = pats[i]
            if all(not alts.isdisjoint(avail) for alts in p.after) and \
                    all(not alts.isdisjoint(avail) for alts in p.before):
                out.append(p)
        return out

    def match(self, tok: Token, ctx: SentenceContext) -> tuple[Pattern, set[int]] | None:
        """(the longest matching pattern that codes an event, the tokens it used) or ``None``."""
        lemma: str | None = lem(tok)
        pats = self.lex.verbs.get(lemma or "")
        if not pats:
            lemma = self.lex.forms.get(tok.lower_)
            pats = self.lex.verbs.get(lemma) if lemma else None
        if not pats or lemma is None:
            return None
        times = _time_tokens(ctx)
        right = [t for t in verb_phrase(tok, ctx) if t.i > tok.i and t.i not in times]
        left = [t for t in tok.doc[max(0, tok.i - 4): tok.i]]
        pats = self.candidates(lemma, pats, _available_words((right, left)))
        curated = [p for p in pats if p.curated]
        if curated and any(match_seq(p.after, right) is not None and match_seq(p.before, left) is not None
                           for p in curated):
            pats = curated  # a curated row that matches overrides the converted CAMEO patterns
        best, best_len, best_used = None, -1, set()
        for p in pats:
            used = match_seq(p.after, right)
            if used is None:
                continue
            used_b = match_seq(p.before, left)
            if used_b is None:
                continue
            n = len(p.after) + len(p.before)
            if n > best_len:
                best, best_len, best_used = p, n, used | used_b
        if best is None or not best.plover:
            return None
        return best, best_used
