"""Ingest: every input format read into documents or quarantine records.

``read_inputs(paths, options)`` walks files and folders (recursively, sorted) and yields one
record per input item: a :class:`~transforms.core.records.Document` or a
:class:`~transforms.core.records.Quarantine` (a short stable ``reason``, a readable ``detail``
and a ``raw_excerpt``). Nothing is dropped silently; one bad item never stops the others.

Formats (``readers/``, one module each, registered by suffix): ``.txt`` (+ ``NAME.meta.json``
sidecar or YAML front matter), ``.jsonl``/``.ndjson``, ``.csv``, ``.html``/``.htm``, RSS/Atom
(``.xml``/``.rss``/``.atom``), ``.warc``/``.warc.gz``, ``.tml`` (TimeML). See ``docs/inputs.md``
and, to add a format, ``docs/rules-ingest.md``.

The steps, one module each: ``discover`` (finding files), ``decode`` (bytes to text, binary
detection), ``metadata`` (sidecars, front matter), ``language`` (detection), ``published``
(publication date), ``document`` (validation into a Document), ``ids`` (doc_id, content_hash),
``quarantine`` (records of unusable items), ``read`` (the entry points), ``options`` (options
and limits).
"""

from transforms.ingest.decode import binary_reason, decode_bytes
from transforms.ingest.discover import Discovery, discover, discover_files
from transforms.ingest.document import document_or_quarantine, make_document
from transforms.ingest.ids import content_hash, doc_id
from transforms.ingest.language import detect_language, looks_english
from transforms.ingest.metadata import split_front_matter
from transforms.ingest.options import IngestOptions
from transforms.ingest.published import Container, parse_dateline, parse_published, resolve_published
from transforms.ingest.read import read_file, read_inputs
from transforms.ingest.readers import Item, register, supported_suffixes
from transforms.ingest.reject import Reject

__all__ = [
    "Container", "Discovery", "IngestOptions", "Item", "Reject", "binary_reason", "content_hash", "decode_bytes",
    "detect_language", "discover", "discover_files", "doc_id", "document_or_quarantine", "looks_english", "make_document",
    "parse_dateline", "parse_published", "read_file", "read_inputs", "register", "resolve_published",
    "split_front_matter", "supported_suffixes",
]
