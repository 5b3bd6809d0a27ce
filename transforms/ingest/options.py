"""How inputs are read: :class:`IngestOptions` (the caller's choices) and the fixed limits.

The defaults of the options are declared once in :data:`transforms.settings.DEFAULTS`. The limits
below keep every slow part bounded: nothing unbounded is handed to regexes, language detection
or HTML extraction, so pathological inputs (hundreds of KB of digits, huge files) stay fast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transforms.settings import DEFAULTS
from transforms.text.dateline import DATELINE_HEAD_CHARS

UTC = dt.UTC

EXCERPT_CHARS = 200  # a quarantine row shows this much of the item
LANG_SAMPLE_CHARS = 600  # language detection looks at the first characters only
ENGLISH_FAST_PATH_SHARE = 0.30  # share of frequent English words above which a text is English
ENGLISH_FAST_PATH_MIN_WORDS = 40
HTML_HEAD_CHARS = 2_000_000  # metadata search in pages is limited to this many characters
BINARY_SAMPLE_BYTES = 8192  # binary detection looks at the first bytes only
MIN_YEAR = 1900  # an earlier publication date is impossible
FRONT_MATTER_MAX_CHARS = 65536  # a front matter block must close within this many characters
FILE_HEAD_BYTES = 4096  # what is peeked at to tell a feed from TimeML, or a WARC from junk

# Limits on what is decompressed and parsed (docs/inputs.md, "Limits", gives the reason for each).
MAX_DOCUMENT_CHARS = 1_000_000  # one document's text (spaCy's own max_length); longer: "text too long"
MAX_FIELD_CHARS = MAX_DOCUMENT_CHARS + 65536  # one CSV field: a quote left open stops here
MAX_RECORD_CHARS = 2 * MAX_DOCUMENT_CHARS  # one JSONL line or CSV row, metadata included
MAX_WARC_HEADER_LINE = 65536  # one WARC or HTTP header line, in bytes
MAX_WARC_HEADER_BYTES = 1_048_576  # one record's WARC or HTTP header block, in bytes
MAX_ARCHIVE_EXPANSION = 100  # a .warc.gz may decompress to this many times its size (at least max_bytes)
HTML_MAX_DEPTH = 255  # libxml2 (lxml, trafilatura) stops parsing a page nested deeper: "nesting too deep"

__all__ = ["DATELINE_HEAD_CHARS", "IngestOptions", "UTC"]


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read. ``now`` is for tests (default: the current UTC time)."""

    assume_published: dt.date | None = None
    max_bytes: int = DEFAULTS.max_bytes
    future_tolerance_days: int = DEFAULTS.future_tolerance_days
    now: dt.datetime | None = field(default=None, compare=False)
