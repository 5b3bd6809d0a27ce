"""Publication dates: metadata, the dateline, the assumed date, plausibility, the parsers."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.common import (
    NOW,
    assert_document,
    assert_quarantine,
    one,
)
from transforms.ingest import (
    IngestOptions,
    parse_dateline,
    parse_published,
)


def test_dateline_with_year_dates_the_text():
    item = one("dateline.txt")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert item.published_source == "dateline"
    assert item.text.startswith("KYIV, May 30, 2025 (AP)")  # the text is kept as it is


def test_yearless_dateline_takes_the_year_from_metadata():
    item = one("dateline-no-year.txt")
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 5, 30, tzinfo=dt.UTC)
    assert item.published_source == "dateline"
    assert item.source == "Reuters"


def test_yearless_dateline_without_any_year_is_no_date():
    assert_quarantine(one("dateline-year-missing.txt"), "no publication date")


def test_no_date_is_quarantined_unless_assumed():
    assert_quarantine(one("no-date.txt"), "no publication date")
    item = one("no-date.txt", options=IngestOptions(now=NOW, assume_published=dt.date(2025, 6, 1)))
    assert_document(item)
    assert item.published_at == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert item.published_source == "assumed"


def test_metadata_date_wins_over_dateline_and_assumed(tmp_path):
    (tmp_path / "a.txt").write_text("KYIV, May 30, 2025 (AP) — Officials said the talks would go on.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-05-31T23:30:00"}')
    item = one("a.txt", options=IngestOptions(now=NOW, assume_published=dt.date(2025, 1, 1)), base=tmp_path)
    assert item.published_at == dt.datetime(2025, 5, 31, 23, 30, tzinfo=dt.UTC)  # no zone = UTC
    assert item.published_source == "metadata"


def test_impossible_dates_past_and_tolerance(tmp_path):
    (tmp_path / "old.txt").write_text("---\npublished: 1850-01-01\n---\nThe railway opened to passengers today.\n")
    assert_quarantine(one("old.txt", base=tmp_path), "impossible publication date")
    (tmp_path / "soon.txt").write_text("---\npublished: 2025-06-12\n---\nThe railway opened to passengers today.\n")
    assert_document(one("soon.txt", base=tmp_path))  # within the 2-day tolerance
    strict = IngestOptions(now=NOW, future_tolerance_days=0)
    assert_quarantine(one("soon.txt", options=strict, base=tmp_path), "impossible publication date")


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
