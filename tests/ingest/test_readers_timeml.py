"""The TimeML reader: text, DCT and title."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
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


def test_a_tml_file_holding_a_path_is_not_read_as_that_path(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("<TimeML><TEXT>The text of another file.</TEXT></TimeML>", encoding="utf-8")
    (tmp_path / "pointer.tml").write_text(str(secret), encoding="utf-8")
    item = one("pointer.tml", base=tmp_path)
    assert_quarantine(item, "missing text")  # its own content has no <TEXT>; the other file is never opened
