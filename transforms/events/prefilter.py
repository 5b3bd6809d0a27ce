"""The lexicon pre-filter: can a sentence hold an event? (before any parsing)

A sentence is parsed only if it holds a trigger word — a verb form coded by default, a verb
form together with one of its pattern words, or an event noun — and an actor cue (a word that
starts an actor or sector entry, or a personal pronoun of ``actor_cue_pronouns``).
"""

from __future__ import annotations

from transforms.events.actors.lexicon import ActorLexicon
from transforms.events.context import WORD
from transforms.events.lexicon import Lexicon


def noun_forms(lex: Lexicon) -> set[str]:
    out = set()
    for n in lex.nouns:
        out |= {n, n + "s", n + "es"}
    return out


def actor_cues(lex: Lexicon, alex: ActorLexicon) -> set[str]:
    """First words of actor and sector entries (without articles and particles), and pronouns."""
    stop = lex.grammar.actor_cue_stopwords
    cues = set(lex.grammar.actor_cue_pronouns)
    for key in (*alex.entries, *alex.sectors):
        words = [w for w in key if w not in stop]
        if words:
            cues.add(words[0].strip(".'").replace("'s", ""))
    return {c for c in cues if c}


class Prefilter:
    def __init__(self, lex: Lexicon, alex: ActorLexicon) -> None:
        self.lex = lex
        self.noun_forms = noun_forms(lex)
        self.actor_cues = actor_cues(lex, alex)

    def __call__(self, sentence: str) -> bool:
        words = WORD.findall(sentence)
        ws = {w.lower() for w in words}
        if not ws or not (ws & self.actor_cues):
            return False
        # triggers are common words: written in lower case (or first in the sentence), so
        # "United" in "United Nations" or "March" in a date do not count
        low = {w for w in words if w[0].islower()}
        low.add(words[0].lower())
        if low & self.lex.default_forms or low & self.noun_forms:
            return True
        for w in low:
            anchors = self.lex.pattern_forms.get(w)
            if anchors and anchors & ws:
                return True
        return False
