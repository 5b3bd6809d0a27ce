"""World news in: pages and texts in six languages (tests/fixtures/world, written for these tests).

Each fixture exercises a rule of the publication day: an offset in the page's metadata
(paris.html), a day htmldate finds in a page without metadata (berlin.html), a UTC time read in
the dateline city's zone (madrid.txt), in the source's zone by its domain (london.html), a time
with its offset in front matter (moskva.txt), a date alone (beijing.jsonl).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.ingest.common import REPO, assert_document, read
from transforms.core.records import Document

WORLD = REPO / "tests" / "fixtures" / "world"
EXPECTED = {  # file: (language, published_source, UTC day, local day)
    "paris.html": ("fr", "metadata", "2025-05-30", "2025-05-30"),
    "berlin.html": ("de", "htmldate", "2025-05-30", "2025-05-30"),
    "madrid.txt": ("es", "metadata", "2025-05-30", "2025-05-31"),
    "london.html": ("en", "metadata", "2025-05-30", "2025-05-31"),
    "moskva.txt": ("ru", "metadata", "2025-05-30", "2025-05-30"),
    "beijing.jsonl": ("zh", "metadata", "2025-05-30", "2025-05-30"),
}


@pytest.fixture(scope="module")
def world() -> dict[str, Document]:
    items = read("", base=WORLD)
    docs = {Path(i.input_path).name: i for i in items if isinstance(i, Document)}
    assert len(docs) == len(items)  # nothing quarantined, whatever the language
    return docs


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_language_is_kept_with_its_day(world, name):
    doc = world[name]
    assert_document(doc)
    language, source, utc_day, local_day = EXPECTED[name]
    assert doc.language == language
    assert doc.language_confidence is not None and doc.language_confidence >= 0.9
    assert doc.published_source == source
    assert doc.published_date == dt.date.fromisoformat(utc_day)
    assert doc.local_date == dt.date.fromisoformat(local_day)


def test_the_offset_of_the_metadata_is_kept_in_utc(world):
    assert world["paris.html"].published_at == dt.datetime(2025, 5, 30, 21, 40, tzinfo=dt.UTC)
    assert world["moskva.txt"].published_at == dt.datetime(2025, 5, 30, 5, 0, tzinfo=dt.UTC)
