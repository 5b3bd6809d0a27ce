"""Documents: the content hash follows row-shaping metadata; the source from the dateline agency."""

from __future__ import annotations

import pytest

from tests.ingest.common import (
    NOW,
    OPTS,
    assert_quarantine,
    one,
)
from transforms.ingest import (
    IngestOptions,
    document_or_quarantine,
    make_document,
)


def test_content_hash_changes_with_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\n---\nThe talks went on.\n")
    first = one("a.txt", base=tmp_path)
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-02\ntitle: Talks\n---\nThe talks went on.\n")
    second = one("a.txt", base=tmp_path)
    assert first.doc_id == second.doc_id
    assert first.content_hash != second.content_hash


@pytest.mark.parametrize("text, meta_source, expected", [
    ("HANOI, Nov. 18 (Xinhua) -- The Vietnamese police have arrested a drug seller.", None, "Xinhua"),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones at Kyiv overnight, officials said.", None, "AP"),
    ("KYIV, May 30, 2025 (AP) — Russia launched drones at Kyiv overnight, officials said.", "Example Wire",
     "Example Wire"),
    ("The talks (In Istanbul) -- ended without agreement, officials said on Friday.", None, None),
])
def test_source_from_the_dateline_agency_when_metadata_has_none(text, meta_source, expected):
    meta = {"published": "2025-05-30", **({"source": meta_source} if meta_source else {})}
    doc = make_document(text, meta, IngestOptions(now=NOW), "x.txt")
    assert doc.source == expected


def test_a_text_over_the_document_limit_is_quarantined():
    from transforms.ingest.options import MAX_DOCUMENT_CHARS

    words = "Officials in Lima said the talks would resume. "
    text = words * (MAX_DOCUMENT_CHARS // len(words) + 1)
    item = document_or_quarantine(text, {"published": "2025-06-02"}, OPTS, "/in/long.txt", "", text)
    assert_quarantine(item, "text too long")
    assert f"{MAX_DOCUMENT_CHARS:,}" in item.detail
