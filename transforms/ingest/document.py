"""One input item to a :class:`~transforms.core.records.Document`, or to a quarantine record.

:func:`make_document` validates the text (present, a string, not binary, not empty, not over
the per-document limit), finds its language (never a reason to refuse it), its publication date
and the newsroom's calendar day of that date (the anchor of relative time expressions), and
builds the document; :func:`document_or_quarantine` turns any rejection (or an unexpected error)
into a :class:`~transforms.core.records.Quarantine`.
"""

from __future__ import annotations

from transforms.core.records import Document, Quarantine
from transforms.ingest.ids import content_hash, doc_id
from transforms.ingest.language import identify_language
from transforms.ingest.metadata import Meta, clean_str, language_code
from transforms.ingest.options import (
    BINARY_SAMPLE_BYTES,
    DATELINE_HEAD_CHARS,
    MAX_DOCUMENT_CHARS,
    IngestOptions,
)
from transforms.ingest.published import NO_CONTAINER, Container, resolve_published
from transforms.ingest.quarantine import quarantine
from transforms.ingest.reject import Reject
from transforms.ingest.zones import local_day
from transforms.text.dateline import dateline_agency
from transforms.text.normalise import normalise_text

MAX_ERROR_CHARS = 300  # of an unexpected error's message in a quarantine detail


def _checked_text(raw_text: object) -> str:
    """The normalised text, or ``Reject`` when it is missing, binary or empty."""
    if raw_text is None:
        raise Reject("missing text", "the item has no text")
    if not isinstance(raw_text, str):
        raise Reject("missing text", f"text is a {type(raw_text).__name__}, not a string")
    if "\x00" in raw_text[:BINARY_SAMPLE_BYTES]:
        raise Reject("binary content", "text contains NUL characters")
    text = normalise_text(raw_text)
    if not text.strip():
        raise Reject("empty text", "the text is empty or only whitespace")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise Reject("text too long", f"{len(text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,} "
                     "for one document")
    return text


def make_document(raw_text: object, meta: Meta, options: IngestOptions, input_path: str, locator: str = "",
                  container: Container = NO_CONTAINER) -> Document:
    """Validate one item and build its document, or raise ``Reject``."""
    text = _checked_text(raw_text)
    published = resolve_published(meta, text, options, container)
    language = identify_language(text, language_code(meta.get("language")), language_code(meta.get("language_hint")))
    title = clean_str(meta.get("title"))
    source = clean_str(meta.get("source")) or dateline_agency(text, DATELINE_HEAD_CHARS)
    url = clean_str(meta.get("url"))
    local_date = local_day(published, text, source, url, container.page_date)
    shaping = {"published_at": published.at.isoformat(), "title": title, "source": source, "url": url,
               "language": language.code, "published_local_date": local_date.isoformat()}
    return Document(
        doc_id=doc_id(text), input_path=input_path, locator=locator, source=source, url=url, title=title,
        language=language.code, language_confidence=language.confidence, published_at=published.at,
        published_source=published.source, published_local_date=local_date, text=text,
        content_hash=content_hash(text, shaping), external_id=clean_str(meta.get("id")),
    )


def document_or_quarantine(raw_text: object, meta: Meta, options: IngestOptions, input_path: str, locator: str,
                           raw_excerpt: str | bytes | None, container: Container = NO_CONTAINER
                           ) -> Document | Quarantine:
    """:func:`make_document`, with any rejection or unexpected error as a quarantine record."""
    try:
        return make_document(raw_text, meta, options, input_path, locator, container)
    except Reject as r:
        reason, detail = r.reason, r.detail
    except Exception as exc:  # an unexpected problem with one item must not stop the file
        reason, detail = "reader error", f"{type(exc).__name__}: {str(exc)[:MAX_ERROR_CHARS]}"
    ext = clean_str(meta.get("id")) if isinstance(meta, dict) else None
    if ext:
        detail = f"{detail} (id {ext})"
    return quarantine(input_path, locator, reason, detail, raw_excerpt)
