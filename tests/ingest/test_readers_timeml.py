"""The TimeML reader: text, DCT and title."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    one,
)


def test_timeml_text_dct_and_title():
    item = one("article.tml")
    assert_document(item)
    assert item.published_at == dt.datetime(1998, 2, 27, tzinfo=dt.UTC)
    assert item.published_source == "metadata"
    assert item.title == "Markets & talks"
    assert item.text.startswith("The Finance Ministry said yesterday that talks")
    assert "<" not in item.text and "&amp;" not in item.text
    assert "end of March & a new loan" in item.text
