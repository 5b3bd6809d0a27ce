"""One batch of documents → rows of every document-keyed table.

The stages run in order: sentences (with repeats marked) → time expressions → events. Every
relative time expression is anchored to the document's local calendar day
(:attr:`~transforms.core.records.Document.local_date`) and tagged in its language. Events are
extracted only in the languages that have an event model (:func:`event_model_gap`); the
extractor (the spaCy pipeline) is loaded once per process, on first use.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from transforms import temporal
from transforms.core.records import Document
from transforms.measures import event_measures
from transforms.pipeline.plan import month_of
from transforms.pipeline.rows import document_row, sentence_rows, timex_rows
from transforms.settings import DEFAULTS, pipeline_version
from transforms.text import split_sentences

DOC_TABLES = ("sentences", "time_expressions", "events", "documents")


@lru_cache(maxsize=1)
def extractor() -> Any:
    """This process's event extractor (loads the spaCy pipeline on first use)."""
    from transforms.events.extractor import EventExtractor

    return EventExtractor()


def warm_up() -> None:
    """Load what every batch needs (spaCy pipeline, temporal lexicon) before the first batch."""
    extractor().nlp  # noqa: B018 - loads the model
    temporal.load()


def event_model_gap(language: str | None) -> str | None:
    """Why no events are extracted from a text in ``language`` (``None``: they are). A text whose
    language is unknown (too short to judge) is read as English, as before languages were kept."""
    if language is None or language in DEFAULTS.event_languages:
        return None
    return (f"no event model for language {language!r} (events are extracted in: "
            f"{', '.join(DEFAULTS.event_languages)})")


def process_batch(docs: list[Document], now: dt.datetime | None = None) -> dict[str, list[dict]]:
    """Rows for ``sentences``, ``time_expressions``, ``events`` and ``documents`` of ``docs``."""
    now = now or dt.datetime.now(dt.UTC)
    version = pipeline_version()
    out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
    prepared: list[dict[str, Any]] = []
    for doc in docs:
        month = month_of(doc.published_date)
        anchor = doc.local_date
        sentences = split_sentences(doc.text)
        timexes = temporal.tag(doc.text, anchor, sentences, language=doc.language or "en")
        gap = event_model_gap(doc.language)
        if gap is None:
            prepared.append({"doc_id": doc.doc_id, "text": doc.text, "published_date": anchor,
                             "sentences": sentences, "timexes": timexes, "month": month})
        out["sentences"] += sentence_rows(doc.doc_id, sentences, version, month)
        out["time_expressions"] += timex_rows(doc.doc_id, timexes, version, month)
        out["documents"].append(document_row(doc, sentences, now, version, month, gap))
    for item, events in zip(prepared, extractor().extract_batch(prepared) if prepared else [], strict=True):
        for e in events:
            row = e.to_row()
            out["events"].append({**row, **event_measures(row), "published_date": item["published_date"],
                                  "pipeline_version": version, "month": item["month"]})
    return out
