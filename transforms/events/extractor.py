"""Event extraction over batches of documents: :class:`EventExtractor`.

For a batch: each document's sentences lose a leading dateline (its city is remembered as the
document's dateline place), repeated and run-on sentences are dropped, the pre-filter keeps
those that can hold an event; all of the batch's candidates are parsed in one ``nlp.pipe``;
then, sentence by sentence in document order, triggers are found and coded into events, and
the document memory learns the sentence's people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from transforms import settings
from transforms.core.records import Event, Sentence
from transforms.events.actors.acronyms import scan_acronyms
from transforms.events.actors.descriptors import scan_descriptors
from transforms.events.actors.lexicon import lexicon
from transforms.events.actors.memory import DocMemory
from transforms.events.actors.resolve import resolve_phrase
from transforms.events.coding import code_trigger
from transforms.events.context import DocContext, SentenceContext
from transforms.events.coreference import date_document
from transforms.events.datelines import dateline_place, without_dateline
from transforms.events.learned.choose import check_mode
from transforms.events.lexicon import load_lexicon
from transforms.events.mentions import Mention, mention_of
from transforms.events.nlp import load_pipeline
from transforms.events.patterns import PatternMatcher
from transforms.events.prefilter import Prefilter
from transforms.events.triggers import find_triggers

#: Sentences longer than this are not parsed: news sentences are far shorter (in 17,551
#: TE3-silver sentences the longest has 504 characters), and parsing cost and memory grow with
#: sentence length.
MAX_SENTENCE_CHARS = 2000


def doc_context(doc: Mapping[str, Any]) -> DocContext:
    """The extractor's view of an input document (``doc_id``, ``text``, ``published_date``,
    ``sentences`` as :class:`Sentence`, ``timexes`` as :class:`Timex`)."""
    return DocContext(doc_id=doc["doc_id"], text=doc.get("text") or "", published_date=doc["published_date"],
                      sentences=list(doc.get("sentences") or []), timexes=list(doc.get("timexes") or []))


class EventExtractor:
    """PLOVER event extraction over batches of documents (one spaCy pipeline per process)."""

    # nlp.pipe batch of 32 sentences: as fast as 256 here and ~150 MB less memory per process
    def __init__(self, model: str = settings.SPACY_MODEL, batch_size: int = 32) -> None:
        check_mode()  # a misspelt DATELINE_EVENT_TYPE_MODEL fails here, not silently per sentence
        self.model = model
        self.batch_size = batch_size
        self.lex = load_lexicon()
        self.actor_lex = lexicon()
        self.matcher = PatternMatcher(self.lex)
        self.is_candidate = Prefilter(self.lex, self.actor_lex)
        self.stats = {"sentences": 0, "candidates": 0}

    @property
    def nlp(self) -> Language:
        return load_pipeline(self.model)

    def extract_batch(self, docs: Iterable[Mapping[str, Any]]) -> list[list[Event]]:
        """The events of each document, in document and sentence order."""
        contexts = [doc_context(d) for d in docs]
        jobs = [(di, s) for di, doc in enumerate(contexts) for s in self._candidates(doc)]
        self.stats["candidates"] += len(jobs)
        results: list[list[Mention]] = [[] for _ in contexts]
        texts = [s.text for _, s in jobs]
        parsed = self.nlp.pipe(texts, batch_size=self.batch_size) if texts else []
        for (di, s), sdoc in zip(jobs, parsed, strict=True):
            doc = contexts[di]
            ctx = SentenceContext(s, sdoc, doc.timexes_of(s))
            try:
                results[di].extend(self._sentence_events(doc, ctx))
            except Exception:  # noqa: BLE001 - one odd sentence must not stop a batch
                self._count("errors")
        # events without a date of their own: dated from the rest of the document
        return [date_document(ms, doc.text, doc.timexes, doc.published_date)
                for ms, doc in zip(results, contexts, strict=True)]

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    def _candidates(self, doc: DocContext) -> list[Sentence]:
        """The document's sentences to parse (dateline cut); sets ``doc.dateline_place``."""
        out = []
        seen_dateline = False
        for s in doc.sentences:
            self.stats["sentences"] += 1
            stripped = without_dateline(doc.text, s)
            if stripped is not s and not seen_dateline:
                # the article's dateline city: the place of events whose sentence names none
                seen_dateline = True
                doc.dateline_place = dateline_place(s)
            if s.duplicate_of is not None:
                continue
            if len(stripped.text) > MAX_SENTENCE_CHARS:
                # a run-on "sentence" (a table, a list, text without stops) is not parsed
                self._count("too_long")
                continue
            if self.is_candidate(stripped.text):
                out.append(stripped)
        return out

    def _sentence_events(self, doc: DocContext, ctx: SentenceContext) -> list[Mention]:
        scan_descriptors(ctx.sdoc, doc.memory, self.actor_lex)
        scan_acronyms(ctx.sdoc, doc.memory, self.actor_lex)
        triggers = find_triggers(ctx, self.lex, self.matcher, self.actor_lex)
        trigger_tokens = {t.token.i for t in triggers}
        out = []
        for t in triggers:
            ev = code_trigger(t, doc, ctx, trigger_tokens, self.lex, self.actor_lex)
            if ev is not None:
                out.append(mention_of(ev, t, self.lex))
        self._remember(ctx.sdoc, doc.memory)
        return out

    def _remember(self, sdoc: Doc, memory: DocMemory) -> None:
        """Resolve the sentence's named people so later sentences find them by surname."""
        for tok in sdoc:
            if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss", "conj"):
                resolve_phrase(tok, memory, self.actor_lex)
        subj = next((t for t in sdoc if t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is not None:
            known = memory.lookup([subj.text])
            if known:
                memory.last_person = known
