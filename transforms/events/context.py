"""The state event rules read, passed explicitly: the document, the sentence, the trigger.

* :class:`DocContext` — one document: id, text, publication date, its time expressions, the
  dateline city (the place of events whose sentence names none) and the document memory
  (people, the last event of each type);
* :class:`SentenceContext` — one parsed sentence and the values computed once for all its
  events (:class:`SentenceCache`);
* :class:`Trigger` — a word that codes an event, with how it was coded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from transforms.core.records import Sentence, Timex
from transforms.events.actors.memory import DocMemory
from transforms.events.gazetteer import Place

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass
class DocContext:
    doc_id: str
    text: str
    published_date: dt.date
    sentences: list[Sentence]
    timexes: list[Timex]
    dateline_place: Place | None = None
    memory: DocMemory = field(default_factory=DocMemory)

    def timexes_of(self, sent: Sentence) -> list[Timex]:
        """The time expressions of ``sent`` (by index, else by offset)."""
        return [t for t in self.timexes if t.sentence_index == sent.index
                or (t.sentence_index is None and sent.start <= t.start < sent.end)]


@dataclass(frozen=True)
class SentenceWords:
    """The sentence lower-cased, its words, and the words joined by single spaces with a space
    at both ends (for phrase look-ups)."""

    lower: str
    words: list[str]
    joined: str


@dataclass
class SentenceCache:
    """Per-sentence values computed once for all its events (``None``: not computed yet)."""

    words: SentenceWords | None = None
    sport: bool | None = None
    mode_words: set[str] | None = None
    verb_phrases: dict[int, list[Token]] = field(default_factory=dict)
    country: tuple[str | None] | None = None  # (the one country named in the sentence,)
    place: tuple[Place | None] | None = None  # (the sentence's fallback place,)


@dataclass
class SentenceContext:
    sentence: Sentence  # without a leading dateline; offsets into the document text
    sdoc: Doc
    timexes: list[Timex] = field(default_factory=list)  # the sentence's time expressions
    cache: SentenceCache = field(default_factory=SentenceCache)

    def words(self) -> SentenceWords:
        if self.cache.words is None:
            low = self.sdoc.text.lower()
            words = WORD.findall(low)
            self.cache.words = SentenceWords(low, words, " " + " ".join(words) + " ")
        return self.cache.words


@dataclass
class Trigger:
    token: Token
    plover: str
    mode: str
    kind: str  # verb | noun
    consumed: set[int] = field(default_factory=set)  # token indices that belong to the pattern
    light: Token | None = None  # light verb governing a noun trigger
    modal: bool = False  # "X said Y must ...": a request by the speaker to Y
    orderer: Token | None = None  # "X ordered Y jailed": the order verb whose act this is
