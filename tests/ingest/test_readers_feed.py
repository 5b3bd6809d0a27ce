"""The RSS/Atom reader: one record per entry."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
    by_locator,
    read,
)


def test_rss_feed_one_item_per_entry():
    items = by_locator(read("feed.rss"))
    assert set(items) == {"entry:1", "entry:2", "entry:3"}
    e1 = items["entry:1"]
    assert_document(e1)
    assert e1.published_at == dt.datetime(2025, 6, 6, 16, 0, tzinfo=dt.UTC)
    assert e1.title == "Talks end without agreement"
    assert e1.url == "https://wire.example.org/talks-end"
    assert e1.source == "Example Wire World News"
    assert e1.language == "en"
    assert "<p>" not in e1.text and "\nA new round is planned." in e1.text
    e2 = items["entry:2"]  # no pubDate; a year-less dateline takes the feed's year
    assert_document(e2)
    assert e2.published_source == "dateline"
    assert e2.published_at == dt.datetime(2025, 6, 7, tzinfo=dt.UTC)
    assert_quarantine(items["entry:3"], "missing text")


def test_atom_feed():
    items = by_locator(read("feed.atom"))
    assert_document(items["entry:1"])
    assert items["entry:1"].published_at == dt.datetime(2025, 6, 8, 9, 0, tzinfo=dt.UTC)
    assert items["entry:1"].url == "https://atom.example.org/exchange"
    assert_quarantine(items["entry:2"], "impossible publication date")
