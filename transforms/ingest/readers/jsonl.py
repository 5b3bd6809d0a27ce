"""``.jsonl`` / ``.ndjson``: one article per line, an object with ``text`` and metadata keys.

Locator ``line:N`` (blank lines are skipped). A sidecar gives defaults for every line. Each line
is parsed on its own, so a broken line never takes another with it. Quarantine reasons of its
own: "broken json" (not JSON, or not an object), "missing text" (no ``text`` key), "empty text"
(a file with no lines), "record too large" (a line over the record limit, not parsed), "nesting
too deep" (arrays or objects nested deeper than the parser's recursion limit).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta, clean_str
from transforms.ingest.options import MAX_RECORD_CHARS, IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register

MAX_JSON_ERROR_CHARS = 200


def _line_item(n: int, line: str, defaults: Meta, options: IngestOptions, ip: str) -> Item:
    """The document or quarantine record of line ``n``."""
    locator = f"line:{n}"
    if len(line) > MAX_RECORD_CHARS:
        return quarantine(ip, locator, "record too large", f"line {n} has {len(line):,} characters, over the limit "
                          f"of {MAX_RECORD_CHARS:,}; not parsed", line)
    try:
        obj = json.loads(line)
    except RecursionError:
        return quarantine(ip, locator, "nesting too deep", f"line {n} nests arrays or objects deeper than the JSON "
                          "parser's recursion limit", line)
    except ValueError as exc:
        return quarantine(ip, locator, "broken json", f"line {n} is not valid JSON: {str(exc)[:MAX_JSON_ERROR_CHARS]}",
                          line)
    if not isinstance(obj, dict):
        return quarantine(ip, locator, "broken json", f"line {n} is a JSON {type(obj).__name__}, not an object", line)
    if "text" not in obj or obj["text"] is None:
        ext = clean_str(obj.get("id"))
        return quarantine(ip, locator, "missing text", f"line {n} has no 'text'" + (f" (id {ext})" if ext else ""),
                          line)
    return document_or_quarantine(obj["text"], {**defaults, **obj}, options, ip, locator, line)


@register(".jsonl", ".ndjson")
@text_reader
def read_jsonl(raw: bytes, text: str, defaults: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """One record per non-blank line."""
    if not text.strip():
        yield quarantine(ip, "", "empty text", "the JSON lines file has no lines", raw)
        return
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 is valid inside JSON
        line = line.rstrip("\r")
        if line.strip():
            yield _line_item(n, line, defaults or {}, options, ip)
