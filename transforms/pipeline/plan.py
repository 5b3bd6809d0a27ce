"""Planning a batch: which ingested documents are new, changed or already up to date.

Reads only the document index (doc_id → content_hash, pipeline_version, month, origin), never
whole tables, so its cost does not grow with what the warehouse holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transforms.core.records import Document
from transforms.settings import pipeline_version


def month_of(day: dt.date) -> str:
    """The partition key of a publication date: ``YYYY-MM``."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass
class Plan:
    """What one batch does: the documents to process and every arrival to record."""

    todo: list[Document] = field(default_factory=list)
    #: doc_id → month partition of rows stored for a changed document (they are replaced)
    old_months: dict[str, str] = field(default_factory=dict)
    arrivals: list[dict] = field(default_factory=list)  # document_sources rows (without ids)
    stats: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0,
                                                          "repeated_in_run": 0})

    @property
    def doc_ids(self) -> set[str]:
        return {d.doc_id for d in self.todo}


def _is_stale(doc: Document, old: dict, version: str) -> bool:
    """A stored document is reprocessed when the pipeline changed, or its own file changed it."""
    same_origin = (old["input_path"], old.get("locator") or "") == (doc.input_path, doc.locator or "")
    return old["pipeline_version"] != version or (same_origin and old["content_hash"] != doc.content_hash)


def plan(docs: list[Document], index: dict[str, dict], seen: set[str]) -> Plan:
    """Decide which ingested documents need processing.

    ``index`` is the stored documents (doc_id -> content_hash, pipeline_version, month,
    input_path, locator); ``seen`` holds doc_ids already handled in this run and is updated.
    """
    version = pipeline_version()
    out = Plan()
    for doc in docs:
        out.arrivals.append({"doc_id": doc.doc_id, "input_path": doc.input_path, "locator": doc.locator,
                             "url": doc.url, "month": month_of(doc.published_date)})
        if doc.doc_id in seen:
            out.stats["repeated_in_run"] += 1
            continue
        seen.add(doc.doc_id)
        old = index.get(doc.doc_id)
        if old is None:
            out.stats["new"] += 1
            out.todo.append(doc)
        elif _is_stale(doc, old, version):
            out.stats["changed"] += 1
            out.todo.append(doc)
            if old.get("month"):
                out.old_months[doc.doc_id] = old["month"]
        else:
            out.stats["unchanged"] += 1
    todo_ids = out.doc_ids
    for a in out.arrivals:
        # the partition of an arrival is the month of the document as stored/processed
        old = index.get(a["doc_id"])
        if old is not None and a["doc_id"] not in todo_ids:
            a["month"] = old.get("month") or a["month"]
    return out


def index_entry(document_row: dict) -> dict:
    """The document-index entry of a written ``documents`` row (what ``plan`` compares)."""
    return {k: document_row.get(k) for k in ("content_hash", "pipeline_version", "month", "input_path", "locator")}
