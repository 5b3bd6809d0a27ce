"""Reporting clauses: the reporting verb an event's clause depends on, and its speaker.

"Peskov said the talks would resume": ``reported_by`` is "Peskov". The reporting verbs are
``reporting_verbs`` in ``cues.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.events.actors.memory import DocMemory
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon
from transforms.events.syntax import subject


def reporting_governor(tok: Token, lex: Lexicon) -> Token | None:
    """The reporting verb that ``tok``'s clause is the complement of, if any."""
    reporting = lex.cues.reporting_verbs
    cur = tok
    for _ in range(6):
        if lem(cur) in reporting and cur.pos_ in ("VERB", "AUX"):
            return cur
        # "X attacked Y, police said": the reporting verb hangs off the event verb
        for c in cur.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and lem(c) in reporting and c.i > cur.i:
                if not any(g.dep_ == "ccomp" for g in c.children) and any(g.dep_ == "nsubj" for g in c.children):
                    return c
        if cur.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and cur.head != cur:
            cur = cur.head
        else:
            break
    return None


def reporter(clause: Token, memory: DocMemory, lex: Lexicon) -> str | None:
    """The words of the speaker reporting the event's clause ("Kremlin spokesperson X")."""
    rep = reporting_governor(clause, lex) if lem(clause) not in lex.cues.reporting_verbs else None
    if rep is None or rep == clause:
        return None
    subj, _ = subject(rep, lex)
    if subj is None:
        return None
    if subj.lower_ in lex.grammar.person_subject_pronouns and memory.last_person:
        return memory.last_person.name or subj.text
    toks = [t for t in subj.subtree if t.dep_ not in ("relcl", "punct")]
    return subj.doc[toks[0].i: toks[-1].i + 1].text if toks else subj.text
