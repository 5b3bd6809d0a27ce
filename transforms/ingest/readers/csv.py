"""``.csv``: a header row, one article per row; columns are metadata keys plus ``text``.

Column names are case-insensitive; quoted fields may span lines. Locator ``row:N`` (the first
data row is 1). A sidecar gives defaults for every row. Quarantine reasons of its own: "broken
csv" (a row the reader cannot parse), "missing text" (no ``text`` column or a short row),
"empty text" (a file with no header).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta
from transforms.ingest.options import IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register

MIN_FIELD_LIMIT = 131072  # the csv module's own default field size limit
_UNRECOVERABLE = ("field larger", "new-line")  # csv errors after which the reader loses its place


def _row_item(n: int, row: dict[str | None, object], header: list[str], defaults: Meta,
              options: IngestOptions, ip: str) -> Item:
    """The document or quarantine record of data row ``n``."""
    fields: Meta = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
    fields = {**defaults, **{k: v for k, v in fields.items() if v not in (None, "") or k == "text"}}
    excerpt = ",".join(str(v) for v in row.values() if v is not None)
    if fields.get("text") is None:
        why = "the file has no 'text' column" if "text" not in header else "the row is too short"
        return quarantine(ip, f"row:{n}", "missing text", f"row {n}: {why}", excerpt)
    return document_or_quarantine(fields["text"], fields, options, ip, f"row:{n}", excerpt)


@register(".csv")
@text_reader
def read_csv(raw: bytes, text: str, defaults: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """One record per data row."""
    csv.field_size_limit(max(options.max_bytes, MIN_FIELD_LIMIT))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    if not header:
        yield quarantine(ip, "", "empty text", "the CSV file has no header row and no rows", raw)
        return
    n = 0
    while True:
        n += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield quarantine(ip, f"row:{n}", "broken csv", f"row {n} (line {reader.line_num}): {exc}",
                             text.splitlines()[reader.line_num - 1] if reader.line_num else "")
            if any(marker in str(exc) for marker in _UNRECOVERABLE):
                break  # the reader cannot recover its position
            continue
        yield _row_item(n, row, header, defaults or {}, options, ip)
