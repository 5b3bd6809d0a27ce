"""``.txt``: one article per file; metadata in a ``NAME.meta.json`` sidecar or YAML front matter.

When both exist the sidecar wins key by key. Quarantine reasons of its own: "broken metadata"
(front matter that is not a YAML mapping).
"""

from __future__ import annotations

from collections.abc import Iterator

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta, split_front_matter
from transforms.ingest.options import IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register
from transforms.ingest.reject import Reject


@register(".txt")
@text_reader
def read_txt(_raw: bytes, text: str, meta: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """The file's text as one document."""
    try:
        front, body = split_front_matter(text)
        if front is not None:
            meta = {**front, **(meta or {})}
            text = body
    except Reject as r:
        yield quarantine(ip, "", r.reason, r.detail, text)
        return
    yield document_or_quarantine(text, meta or {}, options, ip, "", text)
