"""The HTML reader: main text and page metadata."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
    one,
)


def test_html_main_text_and_metadata():
    item = one("article.html")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 6, 1, 6, 30, tzinfo=dt.UTC)
    assert item.published_source == "metadata"
    assert item.title == "Leaders agree on ceasefire talks"
    assert item.url == "https://news.example.org/2025/06/01/ceasefire-talks"
    assert item.source == "Example News"
    assert "direct talks on a ceasefire" in item.text
    for noise in ("Subscribe now", "ADVERTISEMENT", "umbrellas", "All rights reserved", "Privacy policy"):
        assert noise not in item.text


def test_html_json_ld_date_and_canonical(tmp_path):
    item = one("page-jsonld-only.htm")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 6, 7, tzinfo=dt.UTC)
    assert "Flood waters began to recede" in item.text
    (tmp_path / "t.html").write_text(
        '<html><head><link rel="canonical" href="https://x.example.org/a"></head><body><article>'
        '<time datetime="2025-06-03">3 June</time><p>' + "Officials said the bridge would reopen next month. " * 8
        + "</p></article></body></html>")
    item = one("t.html", base=tmp_path)
    assert item.published_at == dt.datetime(2025, 6, 3, tzinfo=dt.UTC)
    assert item.url == "https://x.example.org/a"


def test_html_lang_attribute_is_only_a_hint(tmp_path):
    body = "<p>" + "Officials said the bridge would reopen next month after repairs. " * 6 + "</p>"
    (tmp_path / "a.html").write_text(f'<html lang="fr"><head><meta property="article:published_time" '
                                     f'content="2025-06-03"></head><body><article>{body}</article></body></html>')
    item = one("a.html", base=tmp_path)
    assert_document(item)  # English text under a wrong page language is kept
    assert item.language == "en"


def test_html_without_main_text(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>x</title></head><body> </body></html>")
    assert_quarantine(one("blank.html", base=tmp_path), "empty text")


def test_200000_nested_divs_are_quarantined_with_a_true_reason(tmp_path):
    """Issue #17.8: not "empty text" — the parser stops at its depth limit and the page cannot be read."""
    n = 200_000
    body = "<div>" * n + "<p>Officials in Hanoi said on Monday that talks with Thailand would resume.</p>" + "</div>" * n
    (tmp_path / "deep.html").write_text(f"<html><head><title>Deep</title></head><body>{body}</body></html>")
    item = one("deep.html", base=tmp_path)
    assert_quarantine(item, "nesting too deep")
    assert "255 levels" in item.detail
