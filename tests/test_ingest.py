"""Ingest: every input format becomes documents or quarantine items with a clear reason."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import time
from pathlib import Path

import pytest

from transforms.ingest import (
    IngestOptions,
    discover_files,
    make_document,
    parse_dateline,
    parse_published,
    read_inputs,
)
from transforms.text import doc_id, normalise_text

FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"
NOW = dt.datetime(2025, 6, 10, 12, 0, tzinfo=dt.UTC)
OPTS = IngestOptions(now=NOW)

DOC_KEYS = {"kind", "doc_id", "input_path", "locator", "source", "url", "title", "language", "published_at",
            "published_source", "text", "content_hash"}
QUARANTINE_KEYS = {"kind", "input_path", "locator", "reason", "detail", "raw_excerpt"}


def read(*names: str, options: IngestOptions = OPTS, base: Path = FIX) -> list[dict]:
    return list(read_inputs([base / n for n in names], options))


def one(name: str, options: IngestOptions = OPTS, base: Path = FIX) -> dict:
    items = read(name, options=options, base=base)
    assert len(items) == 1, items
    return items[0]


def by_locator(items: list[dict]) -> dict[str, dict]:
    return {i["locator"]: i for i in items}


def assert_document(item: dict) -> None:
    assert item["kind"] == "document", item
    assert DOC_KEYS <= set(item)
    assert item["published_at"].tzinfo is not None and item["published_at"].utcoffset() == dt.timedelta(0)
    assert item["text"] == normalise_text(item["text"])
    assert item["doc_id"] == doc_id(item["text"])
    assert item["published_source"] in {"metadata", "dateline", "assumed", "archive"}


def assert_quarantine(item: dict, reason: str) -> None:
    assert item["kind"] == "quarantine", item
    assert QUARANTINE_KEYS <= set(item)
    assert item["reason"] == reason, item
    assert item["detail"] and isinstance(item["raw_excerpt"], str)
    assert len(item["raw_excerpt"]) <= 220


# --------------------------------------------------------------------------- warc helper


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


# --------------------------------------------------------------------------- discovery


def test_discover_skips_hidden_files_and_sidecars_and_sorts():
    files = discover_files([FIX])
    names = [p.name for p in files]
    assert names == sorted(names)
    assert ".hidden.txt" not in names
    assert not any(n.endswith(".meta.json") for n in names)
    assert all(p.is_absolute() for p in files)
    assert discover_files([FIX, FIX / "dateline.txt"]) == files  # no file twice


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        discover_files([tmp_path / "nope"])


# --------------------------------------------------------------------------- .txt


def test_txt_with_sidecar_metadata():
    item = one("kyiv-strike.txt")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 5, 30, 6, 15, tzinfo=dt.UTC)  # +03:00 -> UTC
    assert item["published_source"] == "metadata"
    assert item["title"] == "Ukraine says it downed most drones in overnight attack"
    assert item["source"] == "Example Wire"
    assert item["url"] == "https://example.org/news/kyiv-strike"
    assert item["language"] == "en"
    assert item["locator"] == ""
    assert item["input_path"] == str(FIX / "kyiv-strike.txt")
    assert item["text"].startswith("Ukraine's air force")


def test_txt_with_front_matter():
    item = one("front-matter.txt")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 6, 2, tzinfo=dt.UTC)
    assert item["title"] == "Ministers meet in Brussels on sanctions package"
    assert item["source"] == "Example Daily"
    assert item["text"].startswith("European Union foreign ministers")
    assert "---" not in item["text"]


def test_seed_article_reads_with_its_sidecar():
    seed = Path(__file__).resolve().parent.parent / "seeds" / "articles"
    items = list(read_inputs([seed], OPTS))
    assert [i["kind"] for i in items] == ["document"]
    assert items[0]["published_at"] == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert items[0]["source"] == "unknown"


def test_dateline_with_year_dates_the_text():
    item = one("dateline.txt")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert item["published_source"] == "dateline"
    assert item["text"].startswith("KYIV, May 30, 2025 (AP)")  # the text is kept as it is


def test_yearless_dateline_takes_the_year_from_metadata():
    item = one("dateline-no-year.txt")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert item["published_source"] == "dateline"
    assert item["source"] == "Reuters"


def test_yearless_dateline_without_any_year_is_no_date():
    assert_quarantine(one("dateline-year-missing.txt"), "no publication date")


def test_no_date_is_quarantined_unless_assumed():
    assert_quarantine(one("no-date.txt"), "no publication date")
    item = one("no-date.txt", options=IngestOptions(now=NOW, assume_published=dt.date(2025, 6, 1)))
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert item["published_source"] == "assumed"


def test_metadata_date_wins_over_dateline_and_assumed(tmp_path):
    (tmp_path / "a.txt").write_text("KYIV, May 30, 2025 (AP) — Officials said the talks would go on.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-05-31T23:30:00"}')
    item = one("a.txt", options=IngestOptions(now=NOW, assume_published=dt.date(2025, 1, 1)), base=tmp_path)
    assert item["published_at"] == dt.datetime(2025, 5, 31, 23, 30, tzinfo=dt.UTC)  # no zone = UTC
    assert item["published_source"] == "metadata"


def test_latin1_file_is_decoded():
    item = one("latin1.txt")
    assert_document(item)
    assert "café owner in São Paulo" in item["text"]
    assert "naïve" in item["text"]


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty text"),
    ("binary.txt", "binary content"),
    ("nul-bytes.txt", "binary content"),
    ("undecodable.txt", "undecodable"),
    ("future.txt", "impossible publication date"),
    ("unparseable-date.txt", "unparseable publication date"),
    ("french.txt", "unsupported language"),
    ("german.txt", "unsupported language"),
    ("broken-sidecar.txt", "broken metadata"),
    ("notes.md", "unsupported format"),
    ("no-text.tml", "missing text"),
    ("not-a-feed.xml", "unsupported format"),
])
def test_bad_file_is_quarantined_with_reason(name, reason):
    item = one(name)
    assert_quarantine(item, reason)
    assert item["input_path"] == str(FIX / name)
    assert item["locator"] == ""


def test_binary_excerpt_is_a_bytes_repr():
    item = one("binary.txt")
    assert item["raw_excerpt"].startswith("b'\\x89PNG")
    assert one("notes.md")["raw_excerpt"].startswith("# Notes")  # text stays readable


def test_impossible_dates_past_and_tolerance(tmp_path):
    (tmp_path / "old.txt").write_text("---\npublished: 1850-01-01\n---\nThe railway opened to passengers today.\n")
    assert_quarantine(one("old.txt", base=tmp_path), "impossible publication date")
    (tmp_path / "soon.txt").write_text("---\npublished: 2025-06-12\n---\nThe railway opened to passengers today.\n")
    assert_document(one("soon.txt", base=tmp_path))  # within the 2-day tolerance
    strict = IngestOptions(now=NOW, future_tolerance_days=0)
    assert_quarantine(one("soon.txt", options=strict, base=tmp_path), "impossible publication date")


def test_metadata_language_outside_the_supported_list(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-01\nlanguage: es\n---\nHola.\n")
    assert_quarantine(one("a.txt", base=tmp_path), "unsupported language")
    (tmp_path / "b.txt").write_text("---\npublished: 2025-06-01\nlanguage: en-GB\n---\nOK then.\n")
    item = one("b.txt", base=tmp_path)
    assert_document(item)
    assert item["language"] == "en"


def test_short_text_is_not_rejected_by_language_detection(tmp_path):
    (tmp_path / "short.txt").write_text("---\npublished: 2025-06-01\n---\nMerci beaucoup!\n")
    assert_document(one("short.txt", base=tmp_path))


def test_other_languages_can_be_allowed():
    item = one("french.txt", options=IngestOptions(now=NOW, languages=("en", "fr")))
    assert_document(item)
    assert item["language"] == "fr"


def test_file_over_max_bytes_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("word " * 50_000)
    opts = IngestOptions(now=NOW, max_bytes=10_000)
    reads = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or b"")
    item = one("big.txt", options=opts, base=tmp_path)
    assert_quarantine(item, "file too large")
    assert reads == []
    assert "250000 bytes" in item["detail"]


def test_sixty_megabyte_file_is_rejected_by_size_alone(tmp_path):
    huge = tmp_path / "huge.jsonl"
    with open(huge, "wb") as fh:  # sparse: 60 MB on stat, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    start = time.monotonic()
    item = one("huge.jsonl", options=IngestOptions(now=NOW), base=tmp_path)
    assert time.monotonic() - start < 2
    assert_quarantine(item, "file too large")


def test_pathological_text_stays_fast(tmp_path):
    (tmp_path / "digits.txt").write_text("7" * 600_000)
    (tmp_path / "digits.html").write_text("<html><body><p>" + "1234567890 " * 40_000 + "</p></body></html>")
    (tmp_path / "lines.jsonl").write_text(('{"text": "' + "9" * 300_000 + '"}\n') * 2)
    start = time.monotonic()
    items = list(read_inputs([tmp_path], IngestOptions(now=NOW, assume_published=dt.date(2025, 6, 1))))
    assert time.monotonic() - start < 30
    assert len(items) == 4
    assert all(i["kind"] == "document" for i in items)


# --------------------------------------------------------------------------- .jsonl


def test_jsonl_lines_land_where_expected():
    items = by_locator(read("reports.jsonl"))
    assert set(items) == {f"line:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12)}  # line 3 is blank
    assert_document(items["line:1"])
    assert items["line:1"]["title"] == "Talks resume" and items["line:1"]["external_id"] == "r1"
    assert_document(items["line:2"])
    assert items["line:2"]["published_at"] == dt.datetime(2025, 6, 4, 14, 30, tzinfo=dt.UTC)
    assert_quarantine(items["line:4"], "broken json")
    assert items["line:4"]["raw_excerpt"] == "{not json at all"
    assert_quarantine(items["line:5"], "missing text")
    assert "r4" in items["line:5"]["detail"]
    assert_quarantine(items["line:6"], "empty text")
    assert_quarantine(items["line:7"], "unparseable publication date")
    assert_quarantine(items["line:8"], "impossible publication date")
    assert_quarantine(items["line:9"], "unsupported language")
    assert_quarantine(items["line:10"], "broken json")
    assert_document(items["line:11"])
    assert items["line:11"]["published_source"] == "dateline"
    assert_quarantine(items["line:12"], "no publication date")


def test_jsonl_line_numbers_count_newlines_only(tmp_path):
    (tmp_path / "u.jsonl").write_bytes(
        '{"published": "2025-06-01", "text": "Officials said\u2028the talks went on."}\r\n{broken\r\n'.encode())
    items = by_locator(read("u.jsonl", base=tmp_path))
    assert_document(items["line:1"])
    assert_quarantine(items["line:2"], "broken json")


# --------------------------------------------------------------------------- .csv


def test_csv_rows():
    items = by_locator(read("articles.csv"))
    assert set(items) == {"row:1", "row:2", "row:3", "row:4"}
    assert_document(items["row:1"])
    assert items["row:1"]["url"] == "https://example.org/c1"
    assert_document(items["row:2"])
    assert items["row:2"]["title"] == "Ports reopen, officials say"
    assert "\n\nShipping companies" in items["row:2"]["text"]  # multi-line field kept
    assert_quarantine(items["row:3"], "empty text")
    assert_quarantine(items["row:4"], "unparseable publication date")


def test_csv_without_text_column(tmp_path):
    (tmp_path / "x.csv").write_text("id,published\na,2025-06-01\nb,2025-06-02\n")
    items = read("x.csv", base=tmp_path)
    assert [i["locator"] for i in items] == ["row:1", "row:2"]
    for i in items:
        assert_quarantine(i, "missing text")


def test_csv_short_row_and_sidecar_defaults(tmp_path):
    (tmp_path / "x.csv").write_text("id,text,title\na,Officials said the talks would resume on Monday.,T\nb\n")
    (tmp_path / "x.meta.json").write_text('{"source": "Example Wire", "published": "2025-06-01"}')
    items = by_locator(read("x.csv", base=tmp_path))
    assert_document(items["row:1"])
    assert items["row:1"]["source"] == "Example Wire" and items["row:1"]["title"] == "T"
    assert items["row:1"]["published_at"] == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert_quarantine(items["row:2"], "missing text")


def test_jsonl_sidecar_gives_defaults_and_a_year(tmp_path):
    (tmp_path / "w.jsonl").write_text(
        '{"text": "MOSCOW, May 30 (Reuters) - The Kremlin said it was ready for talks."}\n'
        '{"text": "Officials said the talks would resume.", "published": "2025-06-02", "source": "Other"}\n')
    (tmp_path / "w.meta.json").write_text('{"source": "Reuters", "year": 2025}')
    first, second = read("w.jsonl", base=tmp_path)
    assert_document(first)
    assert first["published_source"] == "dateline" and first["source"] == "Reuters"
    assert first["published_at"] == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert second["source"] == "Other"  # the item's own metadata wins


@pytest.mark.parametrize("name, content", [("e.jsonl", "\n \n"), ("e.csv", "")])
def test_empty_container_files_are_not_lost(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    assert_quarantine(one(name, base=tmp_path), "empty text")


# --------------------------------------------------------------------------- .html


def test_html_main_text_and_metadata():
    item = one("article.html")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 6, 1, 6, 30, tzinfo=dt.UTC)
    assert item["published_source"] == "metadata"
    assert item["title"] == "Leaders agree on ceasefire talks"
    assert item["url"] == "https://news.example.org/2025/06/01/ceasefire-talks"
    assert item["source"] == "Example News"
    assert "direct talks on a ceasefire" in item["text"]
    for noise in ("Subscribe now", "ADVERTISEMENT", "umbrellas", "All rights reserved", "Privacy policy"):
        assert noise not in item["text"]


def test_html_json_ld_date_and_canonical(tmp_path):
    item = one("page-jsonld-only.htm")
    assert_document(item)
    assert item["published_at"] == dt.datetime(2025, 6, 7, tzinfo=dt.UTC)
    assert "Flood waters began to recede" in item["text"]
    (tmp_path / "t.html").write_text(
        '<html><head><link rel="canonical" href="https://x.example.org/a"></head><body><article>'
        '<time datetime="2025-06-03">3 June</time><p>' + "Officials said the bridge would reopen next month. " * 8
        + "</p></article></body></html>")
    item = one("t.html", base=tmp_path)
    assert item["published_at"] == dt.datetime(2025, 6, 3, tzinfo=dt.UTC)
    assert item["url"] == "https://x.example.org/a"


def test_html_lang_attribute_is_only_a_hint(tmp_path):
    body = "<p>" + "Officials said the bridge would reopen next month after repairs. " * 6 + "</p>"
    (tmp_path / "a.html").write_text(f'<html lang="fr"><head><meta property="article:published_time" '
                                     f'content="2025-06-03"></head><body><article>{body}</article></body></html>')
    item = one("a.html", base=tmp_path)
    assert_document(item)  # English text under a wrong page language is kept
    assert item["language"] == "en"


def test_html_without_main_text(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body> </body></html>")
    assert_quarantine(one("blank.html", base=tmp_path), "empty text")


# --------------------------------------------------------------------------- feeds


def test_rss_feed_one_item_per_entry():
    items = by_locator(read("feed.rss"))
    assert set(items) == {"entry:1", "entry:2", "entry:3"}
    e1 = items["entry:1"]
    assert_document(e1)
    assert e1["published_at"] == dt.datetime(2025, 6, 6, 16, 0, tzinfo=dt.UTC)
    assert e1["title"] == "Talks end without agreement"
    assert e1["url"] == "https://wire.example.org/talks-end"
    assert e1["source"] == "Example Wire World News"
    assert e1["language"] == "en"
    assert "<p>" not in e1["text"] and "\nA new round is planned." in e1["text"]
    e2 = items["entry:2"]  # no pubDate; a year-less dateline takes the feed's year
    assert_document(e2)
    assert e2["published_source"] == "dateline"
    assert e2["published_at"] == dt.datetime(2025, 6, 7, tzinfo=dt.UTC)
    assert_quarantine(items["entry:3"], "missing text")


def test_atom_feed():
    items = by_locator(read("feed.atom"))
    assert_document(items["entry:1"])
    assert items["entry:1"]["published_at"] == dt.datetime(2025, 6, 8, 9, 0, tzinfo=dt.UTC)
    assert items["entry:1"]["url"] == "https://atom.example.org/exchange"
    assert_quarantine(items["entry:2"], "impossible publication date")


# --------------------------------------------------------------------------- warc


def test_warc_html_responses_become_documents(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    items = list(read_inputs([path], OPTS))
    assert len(items) == 2  # the image, the redirect, requests and warcinfo are not articles
    dated, undated = items
    assert_document(dated)
    assert dated["locator"].startswith("record:")
    assert dated["url"] == "https://news.example.org/ceasefire"  # the record's target URI
    assert dated["published_source"] == "metadata"
    assert dated["published_at"] == dt.datetime(2025, 6, 1, 6, 30, tzinfo=dt.UTC)
    assert_document(undated)
    assert undated["published_source"] == "archive"  # WARC-Date only as the last resort
    assert undated["published_at"] == dt.datetime(2025, 6, 3, 7, 0, tzinfo=dt.UTC)
    assert "harbour reopened" in undated["text"]
    assert dated["locator"] != undated["locator"]


def test_broken_or_empty_warc(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"hello, this is not an archive\n" * 3)
    assert_quarantine(one("junk.warc", base=tmp_path), "broken archive")
    from warcio.warcwriter import WARCWriter

    with open(tmp_path / "info.warc", "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "tests"}))
    assert_quarantine(one("info.warc", base=tmp_path), "no html records")


# --------------------------------------------------------------------------- .tml


def test_timeml_text_dct_and_title():
    item = one("article.tml")
    assert_document(item)
    assert item["published_at"] == dt.datetime(1998, 2, 27, tzinfo=dt.UTC)
    assert item["published_source"] == "metadata"
    assert item["title"] == "Markets & talks"
    assert item["text"].startswith("The Finance Ministry said yesterday that talks")
    assert "<" not in item["text"] and "&amp;" not in item["text"]
    assert "end of March & a new loan" in item["text"]


# --------------------------------------------------------------------------- duplicates, ids


def test_every_arrival_is_yielded(tmp_path):
    text = "Officials said on Monday that the border crossing had reopened after a week.\n"
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\n---\n" + text)
    (tmp_path / "b.jsonl").write_text('{"published": "2025-06-02", "url": "https://e.org/b", "text": '
                                      + repr(text.strip()).replace("'", '"') + "}\n")
    items = list(read_inputs([tmp_path], OPTS))
    assert [i["kind"] for i in items] == ["document", "document"]
    assert items[0]["doc_id"] == items[1]["doc_id"]
    assert {(i["input_path"], i["locator"], i["url"]) for i in items} == {
        (str(tmp_path / "a.txt"), "", None), (str(tmp_path / "b.jsonl"), "line:1", "https://e.org/b")}


def test_content_hash_changes_with_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\n---\nThe talks went on.\n")
    first = one("a.txt", base=tmp_path)
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\ntitle: Talks\n---\nThe talks went on.\n")
    second = one("a.txt", base=tmp_path)
    assert first["doc_id"] == second["doc_id"]
    assert first["content_hash"] != second["content_hash"]


# --------------------------------------------------------------------------- parsers


@pytest.mark.parametrize("text, year, expected", [
    ("KYIV, May 30, 2025 (AP) — Ukraine said", None, dt.date(2025, 5, 30)),
    ("MOSCOW, May 30 (Reuters) - The Kremlin", None, None),
    ("MOSCOW, May 30 (Reuters) - The Kremlin", 2024, dt.date(2024, 5, 30)),
    ("WASHINGTON, Sept. 5, 2025 -- Officials", None, dt.date(2025, 9, 5)),
    ("NEW YORK, Friday, Jan. 3, 2025 (AP) — x", None, dt.date(2025, 1, 3)),
    ("SAN JOSE, Calif., 30 May 2025 - x", None, dt.date(2025, 5, 30)),
    ("GENEVA, Feb 29 (Reuters) - x", 2023, None),  # no such day
    ("Officials said on May 30, 2025 - x", None, None),  # not at the start
    ("KYIV, Maybe 30, 2025 (AP) — x", None, None),
    ("", None, None),
])
def test_parse_dateline(text, year, expected):
    assert parse_dateline(text, year) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-05-30", dt.datetime(2025, 5, 30, tzinfo=dt.UTC)),
    ("2025-05-30T10:00:00", dt.datetime(2025, 5, 30, 10, tzinfo=dt.UTC)),
    ("2025-05-30T10:00:00Z", dt.datetime(2025, 5, 30, 10, tzinfo=dt.UTC)),
    ("2025-05-30T12:00:00+02:00", dt.datetime(2025, 5, 30, 10, tzinfo=dt.UTC)),
    ("20250530", dt.datetime(2025, 5, 30, tzinfo=dt.UTC)),
    ("Fri, 30 May 2025 10:00:00 GMT", dt.datetime(2025, 5, 30, 10, tzinfo=dt.UTC)),
    (dt.date(2025, 5, 30), dt.datetime(2025, 5, 30, tzinfo=dt.UTC)),
    ("next tuesday-ish", None),
    ("2025-13-45", None),
    ("", None),
    (12345, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


# --------------------------------------------------------------------------- the mixed folder


EXPECTED_ITEMS = {  # file -> number of input items in it
    "article.html": 1, "article.tml": 1, "articles.csv": 4, "binary.txt": 1, "broken-sidecar.txt": 1,
    "dateline-no-year.txt": 1, "dateline-year-missing.txt": 1, "dateline.txt": 1, "empty.txt": 1,
    "feed.atom": 2, "feed.rss": 3, "french.txt": 1, "front-matter.txt": 1, "future.txt": 1, "german.txt": 1,
    "kyiv-strike.txt": 1, "latin1.txt": 1, "no-date.txt": 1, "no-text.tml": 1, "not-a-feed.xml": 1,
    "notes.md": 1, "nul-bytes.txt": 1, "page-jsonld-only.htm": 1, "reports.jsonl": 11,
    "undecodable.txt": 1, "unparseable-date.txt": 1,
    "sub/crawl.warc.gz": 2, "sub/big.txt": 1, "sub/digits.txt": 1,
}


def test_mixed_folder_accounts_for_every_item(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(FIX, folder)
    (folder / "sub").mkdir()
    write_warc(folder / "sub" / "crawl.warc.gz")
    (folder / "sub" / "big.txt").write_text("x " * 40_000)
    (folder / "sub" / "digits.txt").write_text("1234567890" * 5_000)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    opts = IngestOptions(now=NOW, max_bytes=60_000)
    items = list(read_inputs([folder], opts))

    per_file: dict[str, int] = {}
    seen = set()
    for item in items:
        rel = str(Path(item["input_path"]).relative_to(folder))
        per_file[rel] = per_file.get(rel, 0) + 1
        key = (rel, item["locator"])
        assert key not in seen, key  # each item lands in exactly one place
        seen.add(key)
        if item["kind"] == "quarantine":
            assert item["reason"] and item["detail"], item
        else:
            assert_document(item)
    assert per_file == EXPECTED_ITEMS
    docs = [i for i in items if i["kind"] == "document"]
    bad = [i for i in items if i["kind"] == "quarantine"]
    assert len(docs) + len(bad) == sum(EXPECTED_ITEMS.values())
    reasons = {i["reason"] for i in bad}
    assert reasons >= {"empty text", "binary content", "undecodable", "broken json", "missing text",
                       "unparseable publication date", "impossible publication date", "file too large",
                       "unsupported language", "unsupported format", "no publication date"}
    big = next(i for i in bad if i["input_path"].endswith("big.txt"))
    assert big["reason"] == "file too large"
    # deterministic: a second read gives the same items in the same order
    again = list(read_inputs([folder], opts))
    assert [(i["input_path"], i["locator"], i["kind"], i.get("reason"), i.get("content_hash")) for i in again] == \
        [(i["input_path"], i["locator"], i["kind"], i.get("reason"), i.get("content_hash")) for i in items]


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
    docs = [i for i in items if i["kind"] == "document"]
    bad = [i for i in items if i["kind"] == "quarantine"]
    assert len(docs) == 1 and docs[0]["locator"] == f"record:{starts[0]}"
    assert [b["reason"] for b in bad] == ["broken archive"]
    assert "truncated" in bad[0]["detail"] or "stopped" in bad[0]["detail"]
    assert len({i["locator"] for i in items}) == len(items)  # each item in exactly one place


@pytest.mark.parametrize("text", [
    "DEMOCRATS WIN CONTROL OF SENATE: AP",
    "Spanish league results on Saturday:\n\nValencia 1 (Vicente 74) Athletic Bilbao 1 (Etxeberria 57)\n\n"
    "Real Sociedad v Villarreal - late kickoff\n\nSunday\n\nAtletico Madrid v Alaves, Deportivo La Coruna v "
    "Cadiz, Getafe v Racing Santander, Osasuna v Mallorca, Real Betis v Espanyol, Real Zaragoza v Celta Vigo",
])
def test_english_headlines_and_score_lists_are_not_rejected(text):
    doc = make_document(text, {"published": "2025-05-30"}, IngestOptions(now=NOW), "x.txt")
    assert doc["kind"] == "document", doc


@pytest.mark.parametrize("text, meta_source, expected", [
    ("HANOI, Nov. 18 (Xinhua) -- The Vietnamese police have arrested a drug seller.", None, "Xinhua"),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones at Kyiv overnight, officials said.", None, "AP"),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones at Kyiv overnight, officials said.", "Example Wire",
     "Example Wire"),
    ("The talks (In Istanbul) -- ended without agreement, officials said on Friday.", None, None),
])
def test_source_from_the_dateline_agency_when_metadata_has_none(text, meta_source, expected):
    meta = {"published": "2025-05-30", **({"source": meta_source} if meta_source else {})}
    doc = make_document(text, meta, IngestOptions(now=NOW), "x.txt")
    assert doc["source"] == expected
