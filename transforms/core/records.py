"""Typed records passed between stages: what ingest, text, temporal and events hand on.

Each record is a frozen-ish dataclass with the fields its consumer reads; ``to_row()`` gives
the plain ``dict`` that :mod:`transforms.warehouse.contract` turns into Arrow. Stages never
smuggle private keys on these records: per-document state travels as explicit arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(slots=True)
class Sentence:
    """One sentence of a document's normalised text (offsets into ``documents.text``)."""

    index: int
    start: int
    end: int
    text: str
    duplicate_of: int | None = None  # index of an earlier identical sentence, else None


@dataclass(slots=True)
class Timex:
    """One TIMEX3 time expression found in a text."""

    start: int
    end: int
    text: str
    timex_type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    granularity: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    anchor: str | None = "publication_date"  # publication_date | expression:<start> | None
    rule: str | None = None
    sentence_index: int | None = None

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """One article, after ingest: normalised text plus the metadata that shapes its rows."""

    doc_id: str
    input_path: str
    text: str
    published_at: dt.datetime  # timezone-aware UTC
    published_source: str  # metadata | htmldate | dateline | archive | assumed
    content_hash: str
    locator: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None  # ISO 639-1
    language_confidence: float | None = None  # 1.0 declared or English by its function words; else the detector's
    published_local_date: dt.date | None = None  # the newsroom's calendar day (None: the UTC day)
    external_id: str | None = None  # the item's own id (metadata `id`): shown in quarantine details, not stored

    @property
    def published_date(self) -> dt.date:
        return self.published_at.date()

    @property
    def local_date(self) -> dt.date:
        """The calendar day where the article was written: the anchor of its relative time expressions."""
        return self.published_local_date or self.published_date

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quarantine:
    """An input item that could not be used, with a short stable reason."""

    input_path: str
    reason: str
    detail: str
    locator: str = ""
    raw_excerpt: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    """An event participant as coded: words, canonical name, country (ISO3), sector, role."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One PLOVER event mention: the row of the ``events`` table as the extractor codes it.

    ``published_date``, ``pipeline_version`` and ``month`` are added by the pipeline.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    start_char: int
    end_char: int
    trigger: str
    event_type: str
    mode: str | None
    status: str  # asserted | negated | hypothetical | future
    source_actors: list[Actor]
    target_actors: list[Actor]
    location_name: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    location_source: str | None  # sentence | dateline | None
    date_start: dt.date
    date_end: dt.date
    granularity: str | None
    date_value: str | None
    date_source: str  # explicit | relative | coreferent | narrative | publication_date
    evidence: str
    reported_by: str | None
    confidence: float

    def to_row(self) -> dict[str, Any]:
        return asdict(self)  # actors become {text, name, country, sector, role} dicts
