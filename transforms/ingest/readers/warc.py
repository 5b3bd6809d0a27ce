"""``.warc`` / ``.warc.gz``: web archives, read record by record with warcio.

Each successful (2xx) ``response`` record with an HTML content type is read as an HTML page whose
URL is the record's ``WARC-Target-URI``; other records are skipped. Locator ``record:OFFSET``.
The ``WARC-Date`` is the publication date of last resort (``published_source = archive``). The
size limit applies per record (``streamed``).

warcio reads header lines whole and decompresses without bound; here it reads through
:class:`BoundedReader`, which stops a header line over ``MAX_WARC_HEADER_LINE`` bytes, a header
block over ``MAX_WARC_HEADER_BYTES`` and an archive that decompresses to more than
``MAX_ARCHIVE_EXPANSION`` times its size, so a decompression bomb costs little time and memory.
Quarantine reasons of its own: "broken archive" (not a WARC, a record cut short, reading
stopped), "no html records", "file too large" (a record body over the limit), "header too
long", "decompression limit" (reading stops there; earlier records are kept).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from transforms.core.records import Quarantine
from transforms.ingest.decode import decode_http_body
from transforms.ingest.options import (
    FILE_HEAD_BYTES,
    MAX_ARCHIVE_EXPANSION,
    MAX_WARC_HEADER_BYTES,
    MAX_WARC_HEADER_LINE,
    IngestOptions,
)
from transforms.ingest.published import Container
from transforms.ingest.quarantine import head_bytes, quarantine
from transforms.ingest.readers.html import html_item
from transforms.ingest.readers.registry import Item, register
from transforms.ingest.reject import Reject

GZIP_MAGIC = b"\x1f\x8b"
MAX_ERROR_CHARS = 200


def bounded_reader(fh: Any, budget: int) -> Any:
    """warcio's decompressing reader, bounded: header lines and blocks, and decompressed bytes."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedReader(DecompressingBufferedReader):
        def __init__(self) -> None:
            super().__init__(fh)
            self.header_bytes = 0  # read by readline since the last read(): one header block
            self.expanded = 0

        def _process_read(self, data: bytes) -> None:
            super()._process_read(data)
            self.expanded += self.buff_size if self.buff is not None else 0
            if self.expanded > budget:
                raise Reject("decompression limit", f"the archive decompresses to more than {budget:,} bytes "
                             f"({MAX_ARCHIVE_EXPANSION} times its size); reading stops here")

        def read(self, length: int | None = None) -> bytes:
            self.header_bytes = 0
            return bytes(super().read(length))

        def readline(self, length: int | None = None) -> bytes:
            cap = MAX_WARC_HEADER_LINE + 1 if length is None else min(length, MAX_WARC_HEADER_LINE + 1)
            parts, got = [], 0
            while got < cap:
                piece = super().readline(cap - got)
                if not piece:
                    break
                parts.append(piece)
                got += len(piece)
                if piece.endswith(b"\n"):
                    break
            line = b"".join(parts)
            if got > MAX_WARC_HEADER_LINE and not line.endswith(b"\n"):
                raise Reject("header too long", f"a header line is over {MAX_WARC_HEADER_LINE:,} bytes")
            self.header_bytes += len(line)
            if self.header_bytes > MAX_WARC_HEADER_BYTES:
                raise Reject("header too long", f"a header block is over {MAX_WARC_HEADER_BYTES:,} bytes")
            return line

    return BoundedReader()


def _starts_as_warc(path: Path) -> bool:
    """True when the file (gzipped or not) begins with a WARC record."""
    head = head_bytes(path, FILE_HEAD_BYTES)
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            head = b""
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def _missing_bytes(record: Any) -> int:
    """Bytes a WARC record declares (Content-Length) but the file does not have."""
    left = getattr(getattr(record, "raw_stream", None), "limit", 0)
    return left if isinstance(left, int) and left > 0 else 0


def _is_page(record: Any) -> bool:
    """A successful HTML response."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return "html" in ctype and status.startswith("2")


def _page_item(record: Any, locator: str, options: IngestOptions, ip: str) -> Item:
    """The record of one page of the archive."""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    uri = record.rec_headers.get_header("WARC-Target-URI")
    warc_date = record.rec_headers.get_header("WARC-Date")
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return quarantine(ip, locator, "file too large", f"record body is over {options.max_bytes} bytes ({uri})",
                          body)
    if _missing_bytes(record):
        return quarantine(ip, locator, "broken archive", f"the archive is truncated inside this record ({uri}): "
                          f"{_missing_bytes(record)} of its declared bytes are missing", body)
    try:
        page = decode_http_body(body, ctype)
    except Reject as r:
        return quarantine(ip, locator, r.reason, f"{r.detail} ({uri})", body)
    container = Container(year=(warc_date or "")[:4] or None, archive_date=warc_date)
    return html_item(page, options, ip, locator, {"url": uri}, container)


@register(".warc", ".warc.gz", streamed=True)
def read_warc(path: Path, options: IngestOptions, ip: str) -> Iterator[Item]:
    """One record per HTML page, and a "broken archive" record where the archive is cut or unreadable."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_as_warc(path):
        yield quarantine(ip, "", "broken archive", "the file does not start with a WARC record", head_bytes(path))
        return
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        it.reader = bounded_reader(it.fh, max(MAX_ARCHIVE_EXPANSION * path.stat().st_size, options.max_bytes))
        offset = records = pages = 0
        last: Any = None
        reported: int | None = None
        try:
            for record in it:
                offset = it.offset  # start of this record (get_record_offset() would consume it)
                records += 1
                last = record
                if not _is_page(record):
                    continue
                pages += 1
                item = _page_item(record, f"record:{offset}", options, ip)
                if isinstance(item, Quarantine) and item.reason == "broken archive":
                    reported = offset  # the cut inside this page is reported: not again below
                yield item
        except Reject as r:
            at = max(offset, getattr(it, "offset", 0) or 0)
            yield quarantine(ip, f"record:{at}", r.reason, f"{r.detail}; {records} earlier records were read",
                             head_bytes(path))
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            at = max(offset, getattr(it, "offset", 0) or 0)  # where reading stopped
            yield quarantine(ip, f"record:{at}", "broken archive",
                             f"WARC reading stopped: {str(exc)[:MAX_ERROR_CHARS]}", head_bytes(path))
            return
        # a file cut short ends inside its last record (fewer bytes than its Content-Length) or
        # leaves bytes that never formed a record
        size = path.stat().st_size
        cut_headers = last is not None and last.rec_headers.get_header("Content-Length") is None
        if reported is None and last is not None and (_missing_bytes(last) or it.offset < size or cut_headers):
            yield quarantine(ip, f"record:{it.offset if it.offset < size else offset}", "broken archive",
                             f"the archive is truncated after byte {it.offset} of {size}; earlier records "
                             "were read", head_bytes(path))
            return
    if records == 0:
        yield quarantine(ip, "", "broken archive", "no WARC records found", head_bytes(path))
    elif pages == 0:
        yield quarantine(ip, "", "no html records",
                         f"{records} WARC records, none is a successful HTML response", head_bytes(path))

