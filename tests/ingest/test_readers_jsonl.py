"""The .jsonl reader: one record per line, sidecar defaults."""

from __future__ import annotations

import datetime as dt

from tests.ingest.common import (
    assert_document,
    assert_quarantine,
    by_locator,
    read,
)


def test_jsonl_lines_land_where_expected():
    items = by_locator(read("reports.jsonl"))
    assert set(items) == {f"line:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12)}  # line 3 is blank
    assert_document(items["line:1"])
    assert items["line:1"].title == "Talks resume" and items["line:1"].external_id == "r1"
    assert_document(items["line:2"])
    assert items["line:2"].published_at == dt.datetime(2025, 6, 4, 14, 30, tzinfo=dt.UTC)
    assert_quarantine(items["line:4"], "broken json")
    assert items["line:4"].raw_excerpt == "{not json at all"
    assert_quarantine(items["line:5"], "missing text")
    assert "r4" in items["line:5"].detail
    assert_quarantine(items["line:6"], "empty text")
    assert_quarantine(items["line:7"], "unparseable publication date")
    assert_quarantine(items["line:8"], "impossible publication date")
    assert_document(items["line:9"])  # French: kept, with its language
    assert items["line:9"].language == "fr"
    assert_quarantine(items["line:10"], "broken json")
    assert_document(items["line:11"])
    assert items["line:11"].published_source == "dateline"
    assert_quarantine(items["line:12"], "no publication date")


def test_jsonl_line_numbers_count_newlines_only(tmp_path):
    (tmp_path / "u.jsonl").write_bytes(
        '{"published": "2025-06-01", "text": "Officials said\u2028the talks went on."}\r\n{broken\r\n'.encode())
    items = by_locator(read("u.jsonl", base=tmp_path))
    assert_document(items["line:1"])
    assert_quarantine(items["line:2"], "broken json")


def test_jsonl_sidecar_gives_defaults_and_a_year(tmp_path):
    (tmp_path / "w.jsonl").write_text(
        '{"text": "MOSCOW, May 30 (Reuters) - The Kremlin said it was ready for talks."}\n'
        '{"text": "Officials said the talks would resume.", "published": "2025-06-02", "source": "Other"}\n')
    (tmp_path / "w.meta.json").write_text('{"source": "Reuters", "year": 2025}')
    first, second = read("w.jsonl", base=tmp_path)
    assert_document(first)
    assert first.published_source == "dateline" and first.source == "Reuters"
    assert first.published_at == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert second.source == "Other"  # the item's own metadata wins


def test_deeply_nested_and_oversized_lines_are_quarantined_alone(tmp_path):
    from transforms.ingest.options import MAX_RECORD_CHARS

    good = '{"id": "ok", "published": "2025-06-02", "text": "Officials in Oslo said on Monday that talks would resume."}'
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    huge = '{"id": "huge", "text": "' + "a" * (MAX_RECORD_CHARS + 1) + '"}'
    (tmp_path / "x.jsonl").write_text("\n".join([deep, good, huge, good.replace("ok", "ok2")]) + "\n")
    items = by_locator(read("x.jsonl", base=tmp_path))
    assert_quarantine(items["line:1"], "nesting too deep")
    assert_quarantine(items["line:3"], "record too large")
    assert_document(items["line:2"])
    assert_document(items["line:4"])
