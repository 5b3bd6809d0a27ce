"""Shared helpers of the ingest tests: the fixture folder, reading helpers, record checks, a WARC writer."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from transforms.core.records import Document, Quarantine
from transforms.ingest import IngestOptions, read_inputs
from transforms.ingest.ids import doc_id
from transforms.text import normalise_text

REPO = Path(__file__).resolve().parents[2]
FIX = REPO / "tests" / "fixtures" / "ingest"
NOW = dt.datetime(2025, 6, 10, 12, 0, tzinfo=dt.UTC)
OPTS = IngestOptions(now=NOW)

DOC_KEYS = {"doc_id", "input_path", "locator", "source", "url", "title", "language", "language_confidence",
            "published_at", "published_source", "published_local_date", "text", "content_hash"}
QUARANTINE_KEYS = {"input_path", "locator", "reason", "detail", "raw_excerpt"}
Item = Document | Quarantine


def read(*names: str, options: IngestOptions = OPTS, base: Path = FIX) -> list[Item]:
    return list(read_inputs([base / n for n in names], options))


def one(name: str, options: IngestOptions = OPTS, base: Path = FIX) -> Item:
    items = read(name, options=options, base=base)
    assert len(items) == 1, items
    return items[0]


def by_locator(items: list[Item]) -> dict[str, Item]:
    return {i.locator: i for i in items}


def assert_document(item: Item) -> None:
    assert isinstance(item, Document), item
    assert DOC_KEYS <= set(item.to_row())
    assert item.published_at.tzinfo is not None and item.published_at.utcoffset() == dt.timedelta(0)
    assert item.text == normalise_text(item.text)
    assert item.doc_id == doc_id(item.text)
    assert item.published_source in {"metadata", "htmldate", "dateline", "archive", "assumed"}
    assert abs((item.local_date - item.published_date).days) <= 1  # the local day is within a day of UTC's


def assert_quarantine(item: Item, reason: str) -> None:
    assert isinstance(item, Quarantine), item
    assert QUARANTINE_KEYS <= set(item.to_row())
    assert item.reason == reason, item
    assert item.detail and isinstance(item.raw_excerpt, str)
    assert len(item.raw_excerpt) <= 220


def write_warc(path: Path) -> Path:
    """A small gzipped WARC: warcinfo, a request, two HTML responses, an image, a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    dated = (FIX / "article.html").read_bytes()
    undated = (b"<html><head><title>Harbour reopens</title></head><body><nav>Home | World | Sport</nav>"
               b"<article><p>The harbour reopened to shipping on Tuesday after divers cleared the wreck that had "
               b"blocked the entrance for three weeks, port officials said.</p><p>Fishing crews said the closure "
               b"had cost them most of the season, and the city council promised a compensation fund.</p>"
               b"</article><footer>Example Coast News</footer></body></html>")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dateline-tests"}))
        for uri, body, ctype, status, when in (
            ("https://news.example.org/ceasefire", dated, "text/html; charset=utf-8", "200 OK",
             "2025-06-02T10:00:00Z"),
            ("https://coast.example.org/harbour", undated, "text/html", "200 OK", "2025-06-03T07:00:00Z"),
            ("https://coast.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "200 OK",
             "2025-06-03T07:00:01Z"),
            ("https://coast.example.org/old", b"<html>moved</html>", "text/html", "301 Moved Permanently",
             "2025-06-03T07:00:02Z"),
        ):
            req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [],
                                                                          is_http_request=True),
                                            warc_headers_dict={"WARC-Date": when})
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": when})
            writer.write_record(rec)
    return path


EXPECTED_ITEMS = {  # file -> number of input items in it
    "article.html": 1, "article.tml": 1, "articles.csv": 4, "binary.txt": 1, "broken-sidecar.txt": 1,
    "dateline-no-year.txt": 1, "dateline-year-missing.txt": 1, "dateline.txt": 1, "empty.txt": 1,
    "feed.atom": 2, "feed.rss": 3, "french.txt": 1, "front-matter.txt": 1, "future.txt": 1, "german.txt": 1,
    "kyiv-strike.txt": 1, "latin1.txt": 1, "no-date.txt": 1, "no-text.tml": 1, "not-a-feed.xml": 1,
    "notes.md": 1, "nul-bytes.txt": 1, "page-jsonld-only.htm": 1, "reports.jsonl": 11,
    "undecodable.txt": 1, "unparseable-date.txt": 1,
    "sub/crawl.warc.gz": 2, "sub/big.txt": 1, "sub/digits.txt": 1,
}
