"""The .txt reader: sidecar metadata and YAML front matter."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    FIX,
    OPTS,
    REPO,
    assert_document,
    one,
)
from transforms.core.records import Document
from transforms.ingest import (
    read_inputs,
)


def test_txt_with_sidecar_metadata():
    item = one("kyiv-strike.txt")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 5, 30, 6, 15, tzinfo=dt.UTC)  # +03:00 -> UTC
    assert item.published_source == "metadata"
    assert item.title == "Ukraine says it downed most drones in overnight attack"
    assert item.source == "Example Wire"
    assert item.url == "https://example.org/news/kyiv-strike"
    assert item.language == "en"
    assert item.locator == ""
    assert item.input_path == str(FIX / "kyiv-strike.txt")
    assert item.text.startswith("Ukraine's air force")


def test_txt_with_front_matter():
    item = one("front-matter.txt")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 6, 2, tzinfo=dt.UTC)
    assert item.title == "Ministers meet in Brussels on sanctions package"
    assert item.source == "Example Daily"
    assert item.text.startswith("European Union foreign ministers")
    assert "---" not in item.text


def test_seed_article_reads_with_its_sidecar():
    seed = REPO / "seeds" / "articles"
    items = list(read_inputs([seed], OPTS))
    assert [type(i) for i in items] == [Document]
    assert items[0].published_at == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert items[0].source == "unknown"
