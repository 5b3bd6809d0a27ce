"""The .csv reader: one record per row, header names, short rows, sidecar defaults, broken quotes."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
    by_locator,
    read,
)
from transforms.core.records import Document


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


# ------------------------------------------------------------------ issue #17.3: a quote that never closes

HEADER = "id,published,title,source,url,language,text\n"


def _row(i: int, quoted: bool = True) -> str:
    text = f"Officials in Accra said on Monday that talks with Togo on trade (round {i}) would resume soon."
    return f"r{i},2025-06-{i % 9 + 1:02d},Talks {i},Example Wire,,en," + (f'"{text}"' if quoted else text) + "\n"


def test_an_unclosed_quote_is_quarantined_and_every_later_row_still_read(tmp_path):
    broken = 'r0,2025-06-01,Open quote,Example Wire,,en,"Officials said the talks had begun, and\n'
    (tmp_path / "x.csv").write_text(HEADER + broken + "".join(_row(i) for i in range(1, 41)))
    items = by_locator(read("x.csv", base=tmp_path))
    assert_quarantine(items["row:1"], "broken csv")
    assert "line 2" in items["row:1"].detail and "quote" in items["row:1"].detail
    docs = [i for i in items.values() if isinstance(i, Document)]
    assert len(docs) == 40  # nothing swallowed
    assert all("r1" not in d.text and "\n" not in d.text for d in docs)  # never merged with another row
    assert [i.locator for i in items.values()][:3] == ["row:1", "row:2", "row:3"]


def test_an_unclosed_quote_with_no_quote_after_it_runs_to_the_end_and_is_still_caught(tmp_path):
    broken = 'r0,2025-06-01,Open quote,Example Wire,,en,"Officials said the talks had begun\n'
    (tmp_path / "x.csv").write_text(HEADER + broken + "".join(_row(i, quoted=False) for i in range(1, 31)))
    items = read("x.csv", base=tmp_path)
    assert_quarantine(items[0], "broken csv")
    assert "unexpected end of data" in items[0].detail
    assert sum(isinstance(i, Document) for i in items) == 30 and len(items) == 31


def test_a_row_with_more_fields_than_the_header_is_broken_csv(tmp_path):
    (tmp_path / "x.csv").write_text(HEADER + _row(1, quoted=False).replace("Example Wire,", "Example, Wire,") + _row(2))
    items = by_locator(read("x.csv", base=tmp_path))
    assert_quarantine(items["row:1"], "broken csv")
    assert "8 fields, the header has 7" in items["row:1"].detail
    assert_document(items["row:2"])
