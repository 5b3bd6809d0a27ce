"""Sparse features of a trigger for the type classifier, as strings.

Every feature is read from the parse and the lexicons the rules already use, so a trigger gets
the same features in training (``bench/train_event_type.py``) and in a run:

* the trigger: kind, lemma, the type and mode the rules gave it, whether a pattern beyond the
  bare verb matched and the words it used, the CAMEO types any pattern of the lemma codes;
* its frame: the direct object's lemma, each preposition and its object's lemma, a particle,
  an open or clausal complement, negation, modal and future auxiliaries, the passive voice, the
  light verb of a noun trigger, the word that governs the trigger;
* its arguments: the head lemma of the source and of the first target (a proper name counts as
  ``PROPN``).

Conjunctions with the lemma (``l&obj=sanction``) let the model learn a verb's senses.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from transforms.core.refdata import read_tsv
from transforms.events.actors.lexicon import lexicon
from transforms.events.actors.resolve import resolve_phrase
from transforms.events.context import Trigger
from transforms.events.lemmas import lem
from transforms.events.lexicon import Lexicon

#: Dependency labels of a verb's children that the frame reads.
_OBJ = ("dobj", "attr", "oprd")
_SUBJ_PASS = ("nsubjpass", "auxpass")


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, tuple[str, ...]]:
    """Word -> the CAMEO and curated synonym sets holding it (``&WEAPON``, ``&talk_words`` ...)."""
    out: dict[str, set[str]] = {}
    for fname in ("cameo_synsets.tsv", "synsets.tsv"):
        for r in read_tsv("events", "en", fname):
            out.setdefault(r["word"].lower().split()[-1], set()).add(r["set"])
    return {w: tuple(sorted(v)) for w, v in out.items()}


def _noun_classes(tok: Token, prefix: str, lex: Lexicon) -> list[str]:
    """What the lexicons say a noun is: its synonym sets, its event-noun type."""
    word = lem(tok)
    out = [f"{prefix}set={s}" for s in _word_sets().get(word, ())]
    out += [f"{prefix}noun={s.plover}" for s in lex.noun_senses(word, tok.lower_)[:1]]
    return out


def _actor(tok: Token | None, prefix: str) -> list[str]:
    """The argument as an actor: its sectors and whether a country is named, else ``thing``."""
    if tok is None:
        return [f"{prefix}is=none"]
    actors = resolve_phrase(tok, None, lexicon())
    if not actors:
        return [f"{prefix}is=thing"]
    out = {f"{prefix}sec={a.sector or '-'}" for a in actors}
    out |= {f"{prefix}is=country" for a in actors if a.country}
    return sorted(out)


def _head_word(tok: Token | None) -> str:
    if tok is None:
        return "-"
    if tok.pos_ == "PROPN":
        return "PROPN"
    if tok.pos_ == "PRON":
        return "PRON"
    return lem(tok)


def _frame(verb: Token, lex: Lexicon) -> list[str]:
    """The verb's frame: objects, prepositional phrases, particle, complements, polarity."""
    out = []
    for c in verb.children:
        dep = c.dep_
        if dep in _OBJ:
            out.append(f"obj={_head_word(c)}")
            out += _noun_classes(c, "obj", lex)
        elif dep == "dative":
            out.append("dative")
        elif dep == "prep" or dep == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            out.append(f"prep={c.lower_}")
            if pobj is not None:
                out.append(f"pp={c.lower_}:{_head_word(pobj)}")
                out += [f"{c.lower_}:{f}" for f in _noun_classes(pobj, "pobj", lex)]
        elif dep == "prt":
            out.append(f"prt={c.lower_}")
        elif dep == "xcomp":
            out.append(f"xcomp={lem(c)}")
        elif dep == "ccomp":
            out.append("ccomp")
        elif dep == "neg":
            out.append("neg")
        elif dep == "aux" and c.lower_ in lex.cues.hypothetical_aux | lex.cues.future_aux:
            out.append(f"aux={c.lower_}")
        elif dep in _SUBJ_PASS:
            out.append("passive")
    return out


def _dictionary(lemma: str, lex: Lexicon) -> list[str]:
    """The types any CAMEO or curated pattern of ``lemma`` codes (the dictionary's senses)."""
    types = {p.plover for p in lex.verbs.get(lemma, ()) if p.plover}
    return [f"cameo={ty}" for ty in sorted(types)]


def features(t: Trigger, source: Token | None, targets: list[Token], lex: Lexicon) -> list[str]:
    """The features of trigger ``t`` with its source token and target tokens (:mod:`..arguments`)."""
    lemma = lem(t.token)
    verb = t.token if t.kind == "verb" else t.light
    out = [f"kind={t.kind}", f"l={lemma}", f"r={t.plover}", f"l&r={lemma}:{t.plover}",
           f"rm={t.plover}:{t.mode}", f"pat={bool(t.consumed - {t.token.i})}"]
    out += [f"pw={lem(t.token.doc[i])}" for i in sorted(t.consumed) if i != t.token.i]
    out += _dictionary(lemma, lex)
    frame = _frame(t.token, lex)
    if verb is not None and verb is not t.token:
        out.append(f"light={lem(verb)}")
        frame += _frame(verb, lex)
    if t.kind == "noun":
        frame += [f"mod={lem(c)}" for c in t.token.children if c.dep_ in ("amod", "compound", "nmod")]
    out += frame
    out += [f"l&{lemma}:{f}" for f in frame]
    out.append(f"dep={t.token.dep_}")
    if t.token.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "pobj", "dobj"):
        out.append(f"gov={lem(t.token.head)}")
    out.append(f"subj={_head_word(source)}")
    out.append(f"tgt={_head_word(targets[0] if targets else None)}")
    out.append(f"r&subj={t.plover}:{_head_word(source)}")
    src_actor = _actor(source, "src")
    tgt_actor = _actor(targets[0] if targets else None, "tgt")
    out += src_actor + tgt_actor + [f"r&{t.plover}:{f}" for f in src_actor + tgt_actor]
    if t.modal:
        out.append("modal_request")
    if t.orderer is not None:
        out.append(f"order={lem(t.orderer)}")
    return out
