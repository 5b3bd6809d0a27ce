"""The WARC reader: HTML responses become documents, cut archives are reported."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.common import (
    NOW,
    OPTS,
    assert_document,
    assert_quarantine,
    one,
    write_warc,
)
from transforms.core.records import Document, Quarantine
from transforms.ingest import (
    IngestOptions,
    read_inputs,
)


def test_warc_html_responses_become_documents(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    items = list(read_inputs([path], OPTS))
    assert len(items) == 2  # the image, the redirect, requests and warcinfo are not articles
    dated, undated = items
    assert_document(dated)
    assert dated.locator.startswith("record:")
    assert dated.url == "https://news.example.org/ceasefire"  # the record's target URI
    assert dated.published_source == "metadata"
    assert dated.published_at == dt.datetime(2025, 6, 1, 6, 30, tzinfo=dt.UTC)
    assert_document(undated)
    assert undated.published_source == "archive"  # WARC-Date only as the last resort
    assert undated.published_at == dt.datetime(2025, 6, 3, 7, 0, tzinfo=dt.UTC)
    assert "harbour reopened" in undated.text
    assert dated.locator != undated.locator


def test_broken_or_empty_warc(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"hello, this is not an archive\n" * 3)
    assert_quarantine(one("junk.warc", base=tmp_path), "broken archive")
    from warcio.warcwriter import WARCWriter

    with open(tmp_path / "info.warc", "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "tests"}))
    assert_quarantine(one("info.warc", base=tmp_path), "no html records")


def test_truncated_warc_keeps_earlier_pages_and_reports_the_cut(tmp_path):
    """A web archive cut short inside its second page: the first page is a document, the cut
    page is quarantined as "broken archive" (not a partial document)."""
    from warcio.archiveiterator import ArchiveIterator

    full = write_warc(tmp_path / "full.warc.gz").read_bytes()
    with open(tmp_path / "full.warc.gz", "rb") as fh:
        it = ArchiveIterator(fh)
        starts = [it.offset for r in it if r.rec_type == "response"]
    assert len(starts) >= 2
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(full[: starts[1] + 200])  # 200 bytes into the second page's gzip member
    items = list(read_inputs([cut], IngestOptions(now=NOW)))
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Quarantine)]
    assert len(docs) == 1 and docs[0].locator == f"record:{starts[0]}"
    assert [b.reason for b in bad] == ["broken archive"]
    assert "truncated" in bad[0].detail or "stopped" in bad[0].detail
    assert len({i.locator for i in items}) == len(items)  # each item in exactly one place


# ------------------------------------------------------------------ issue #17.2: limits on what is decompressed

def _gzip_member(parts) -> bytes:
    """One gzip member made of ``parts`` (bytes, or (bytes, times) to repeat a chunk without holding it all)."""
    import zlib

    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = []
    for part in parts:
        chunk, times = part if isinstance(part, tuple) else (part, 1)
        for _ in range(times):
            out.append(c.compress(chunk))
    out.append(c.flush())
    return b"".join(out)


@pytest.mark.timeout(60)
def test_a_header_line_bomb_stops_at_the_header_line_limit(tmp_path):
    """A 260 KB .warc.gz whose first header line decompresses to 256 MB: read no further than the limit."""
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(_gzip_member([b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/",
                                   (b"A" * (1 << 20), 256), b"\r\nContent-Length: 0\r\n\r\n"]))
    assert bomb.stat().st_size < 1_000_000
    [item] = list(read_inputs([bomb], OPTS))
    assert_quarantine(item, "header too long")
    assert item.locator == "record:0" and "65,536 bytes" in item.detail


def test_pages_before_a_bomb_are_kept_and_a_long_header_block_is_stopped(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    many = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"b" * 1000) for i in range(2000))  # 2 MB of short lines
    with open(path, "ab") as fh:
        fh.write(_gzip_member([b"WARC/1.0\r\nWARC-Type: resource\r\n", many, b"Content-Length: 0\r\n\r\n"]))
    items = list(read_inputs([path], OPTS))
    assert sum(isinstance(i, Document) for i in items) == 2  # the two pages before it
    assert_quarantine(items[-1], "header too long")
    assert "header block" in items[-1].detail


@pytest.mark.timeout(60)
def test_a_record_that_decompresses_past_the_expansion_limit_stops_the_archive(tmp_path):
    from transforms.ingest.options import MAX_ARCHIVE_EXPANSION

    path = write_warc(tmp_path / "crawl.warc.gz")
    size = 64 << 20  # 64 MB of zeros, about 64 KB compressed: over 100 times the archive's size
    with open(path, "ab") as fh:
        fh.write(_gzip_member([b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %d\r\n\r\n" % size,
                               (b"\0" * (1 << 20), 64), b"\r\n\r\n"]))
    assert size > MAX_ARCHIVE_EXPANSION * path.stat().st_size
    items = list(read_inputs([path], IngestOptions(now=NOW, max_bytes=1 << 20)))
    assert sum(isinstance(i, Document) for i in items) == 2
    assert_quarantine(items[-1], "decompression limit")
