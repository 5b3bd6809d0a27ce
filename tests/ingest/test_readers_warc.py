"""The WARC reader: HTML responses become documents, cut archives are reported."""

from __future__ import annotations

import datetime as dt

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
