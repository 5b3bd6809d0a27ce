"""The .csv reader: one record per row, header names, short rows, sidecar defaults."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
    by_locator,
    read,
)


def test_csv_rows():
    items = by_locator(read("articles.csv"))
    assert set(items) == {"row:1", "row:2", "row:3", "row:4"}
    assert_document(items["row:1"])
    assert items["row:1"].url == "https://example.org/c1"
    assert_document(items["row:2"])
    assert items["row:2"].title == "Ports reopen, officials say"
    assert "\n\nShipping companies" in items["row:2"].text  # multi-line field kept
    assert_quarantine(items["row:3"], "empty text")
    assert_quarantine(items["row:4"], "unparseable publication date")


def test_csv_without_text_column(tmp_path):
    (tmp_path / "x.csv").write_text("id,published\na,2025-06-01\nb,2025-06-02\n")
    items = read("x.csv", base=tmp_path)
    assert [i.locator for i in items] == ["row:1", "row:2"]
    for i in items:
        assert_quarantine(i, "missing text")


def test_csv_short_row_and_sidecar_defaults(tmp_path):
    (tmp_path / "x.csv").write_text("id,text,title\na,Officials said the talks would resume on Monday.,T\nb\n")
    (tmp_path / "x.meta.json").write_text('{"source": "Example Wire", "published": "2025-06-01"}')
    items = by_locator(read("x.csv", base=tmp_path))
    assert_document(items["row:1"])
    assert items["row:1"].source == "Example Wire" and items["row:1"].title == "T"
    assert items["row:1"].published_at == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert_quarantine(items["row:2"], "missing text")
