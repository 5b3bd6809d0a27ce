"""``.tml``: a TimeML (TempEval style) document, read with the one TimeML parser
(:func:`transforms.temporal.timeml.parse_tml_text`).

The ``<TEXT>`` content (inline tags removed, entities decoded), the publication date from the
``<DCT>`` ``TIMEX3`` value (or the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``), the
title from ``<TITLE>``, the id from ``<DOCID>``. Quarantine reasons of its own: "missing text"
(no ``<TEXT>`` element).
"""

from __future__ import annotations

from collections.abc import Iterator

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta
from transforms.ingest.options import IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register
from transforms.temporal.timeml import parse_tml_text


def timeml_items(text: str, options: IngestOptions, ip: str, meta: Meta | None) -> Iterator[Item]:
    """The one record of a TimeML document (``meta``, e.g. a sidecar, wins over the DCT and title)."""
    doc = parse_tml_text(text)
    if not doc.has_text:
        yield quarantine(ip, "", "missing text", "TimeML file has no <TEXT> element", text)
        return
    tml_meta = {"published": doc.dct_value, "title": doc.title, "id": doc.docid}
    merged = {**{k: v for k, v in tml_meta.items() if v}, **(meta or {})}
    yield document_or_quarantine(doc.text, merged, options, ip, "", text)


@register(".tml")
@text_reader
def read_timeml(_raw: bytes, text: str, meta: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """The document of a ``.tml`` file."""
    yield from timeml_items(text, options, ip, meta)
