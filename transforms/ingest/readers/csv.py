"""``.csv``: a header row, one article per row; columns are metadata keys plus ``text``.

Column names are case-insensitive; quoted fields may span lines. Locator ``row:N`` (the first
data row is 1). A sidecar gives defaults for every row.

Rows are parsed strictly, so a quote that opens and never closes properly is caught instead of
swallowing the rows after it: the parser then stops on a quote that is not followed by a
delimiter, on the end of the file inside the quotes, or on a field over the field limit. The
row where that quote opened is quarantined as "broken csv" (with its row and line numbers), and
reading starts again on the next line, so every later row is still read on its own. A row with
more fields than the header is "broken csv" too (its values would not match their columns).
Other reasons of its own: "missing text" (no ``text`` column or a short row), "empty text" (a
file with no header), "record too large" (a row over the record limit).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

from transforms.ingest.document import document_or_quarantine
from transforms.ingest.metadata import Meta
from transforms.ingest.options import MAX_FIELD_CHARS, MAX_RECORD_CHARS, IngestOptions
from transforms.ingest.quarantine import quarantine
from transforms.ingest.readers.base import text_reader
from transforms.ingest.readers.registry import Item, register


def _row_item(n: int, line: int, fields: list[str], header: list[str], defaults: Meta,
              options: IngestOptions, ip: str) -> Item:
    """The document or quarantine record of data row ``n`` (starting on physical line ``line``)."""
    excerpt = ",".join(fields)
    locator = f"row:{n}"
    if len(fields) > len(header):
        return quarantine(ip, locator, "broken csv", f"row {n} (line {line}) has {len(fields)} fields, the header "
                          f"has {len(header)}: an unquoted delimiter or a stray quote", excerpt)
    if sum(len(f) for f in fields) > MAX_RECORD_CHARS:
        return quarantine(ip, locator, "record too large", f"row {n} (line {line}) is over {MAX_RECORD_CHARS:,} "
                          "characters", excerpt)
    row = dict(zip(header, fields, strict=False))
    merged: Meta = {**defaults, **{k: v for k, v in row.items() if v != "" or k == "text"}}
    if merged.get("text") is None:
        why = "the file has no 'text' column" if "text" not in header else "the row is too short"
        return quarantine(ip, locator, "missing text", f"row {n}: {why}", excerpt)
    return document_or_quarantine(merged["text"], merged, options, ip, locator, excerpt)


def _broken(n: int, line: int, exc: csv.Error, lines: list[str], ip: str) -> Item:
    why = str(exc)
    if "field larger" in why:
        why = f"a field runs over {MAX_FIELD_CHARS:,} characters"
    return quarantine(ip, f"row:{n}", "broken csv",
                      f"row {n} (line {line}): {why}; a quote opened on this line does not close where a field "
                      "can end. The row is set aside and reading goes on from the next line", lines[line - 1])


@register(".csv")
@text_reader
def read_csv(raw: bytes, text: str, defaults: Meta | None, options: IngestOptions, ip: str) -> Iterator[Item]:
    """One record per data row; a broken row never takes the rows after it with it."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    lines = io.StringIO(text, newline="").readlines()
    head = csv.reader(lines)
    try:
        header = [(f or "").strip().lower() for f in next(head, [])]
    except csv.Error:
        header = []
    if not header:
        yield quarantine(ip, "", "empty text", "the CSV file has no header row and no rows", raw)
        return
    pos, n = head.line_num, 0  # pos: index of the first line not read yet
    while pos < len(lines):
        reader = csv.reader(itertools.islice(lines, pos, None), strict=True)
        base = pos
        while True:
            start = base + reader.line_num  # index of the first line of the next row
            try:
                fields = next(reader)
            except StopIteration:
                pos = len(lines)
                break
            except csv.Error as exc:
                n += 1
                yield _broken(n, start + 1, exc, lines, ip)
                pos = start + 1
                break
            if not fields:
                continue  # a blank line
            n += 1
            yield _row_item(n, start + 1, fields, header, defaults or {}, options, ip)
