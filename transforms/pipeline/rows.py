"""Table rows of one document's records, and of a batch's arrivals and quarantined items.

Every row gets its provenance here: ``doc_id``, offsets, ``pipeline_version`` and the month
partition; ids are :func:`transforms.core.ids.stable_id` of the row's identifying parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from transforms.core.ids import stable_id
from transforms.core.records import Document, Quarantine, Sentence, Timex

TIMEX_COLUMNS = ("sentence_index", "text", "timex_type", "value", "mod", "granularity", "date_start",
                 "date_end", "anchor", "rule")
DOCUMENT_COLUMNS = ("doc_id", "input_path", "locator", "source", "url", "title", "language",
                    "language_confidence", "published_at", "published_source", "text", "content_hash")


def sentence_rows(doc_id: str, sentences: Iterable[Sentence], version: str, month: str) -> list[dict]:
    return [{"doc_id": doc_id, "sentence_index": s.index, "start_char": s.start, "end_char": s.end,
             "text": s.text, "duplicate_of": s.duplicate_of, "pipeline_version": version, "month": month}
            for s in sentences]


def timex_rows(doc_id: str, timexes: Iterable[Timex], version: str, month: str) -> list[dict]:
    return [{**{k: getattr(t, k) for k in TIMEX_COLUMNS},
             "timex_id": stable_id(doc_id, t.start, t.end), "doc_id": doc_id,
             "start_char": t.start, "end_char": t.end, "pipeline_version": version, "month": month}
            for t in timexes]


def document_row(doc: Document, sentences: list[Sentence], now: dt.datetime, version: str,
                 month: str, events_gap: str | None = None) -> dict:
    """The ``documents`` row; ``events_gap`` says why no events were extracted (``None``: they were)."""
    row = {k: getattr(doc, k) for k in DOCUMENT_COLUMNS}
    row.update({
        "source": doc.source or "unknown",
        "published_date": doc.published_date,
        "published_local_date": doc.local_date,
        "events_extracted": events_gap is None,
        "events_not_extracted_reason": events_gap,
        "n_sentences": len(sentences),
        "n_repeated_sentences": sum(1 for s in sentences if s.duplicate_of is not None),
        "ingested_at": now, "pipeline_version": version, "month": month,
    })
    return row


def source_rows(arrivals: Iterable[dict], now: dt.datetime, version: str) -> list[dict]:
    """``document_sources`` rows: one per arrival of a text (file and place in it)."""
    return [{**a, "source_id": stable_id(a["doc_id"], a["input_path"], a.get("locator") or ""),
             "seen_at": now, "pipeline_version": version} for a in arrivals]


def quarantine_rows(items: Iterable[Quarantine], now: dt.datetime, version: str) -> list[dict]:
    """``quarantine`` rows: one per unusable input item, keyed by where it is and why."""
    return [{**q.to_row(), "quarantine_id": stable_id(q.input_path, q.locator or "", q.reason),
             "seen_at": now, "pipeline_version": version} for q in items]
