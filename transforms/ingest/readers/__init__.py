"""One reader module per input format, each registered for its suffixes (see :mod:`.registry`).

Importing this package registers every reader: ``txt``, ``jsonl``, ``csv``, ``html``, ``feed``
(RSS/Atom), ``warc`` and ``timeml``. ``docs/rules-ingest.md`` says how to add one.
"""

from transforms.ingest.readers import csv, feed, html, jsonl, timeml, txt, warc
from transforms.ingest.readers.registry import (
    Format,
    Item,
    Reader,
    format_for,
    register,
    suffix_of,
    supported_suffixes,
)

__all__ = [
    "Format", "Item", "Reader", "csv", "feed", "format_for", "html", "jsonl", "register", "suffix_of",
    "supported_suffixes", "timeml", "txt", "warc",
]
