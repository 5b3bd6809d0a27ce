"""Language: metadata languages, the English fast path, confident verdicts only."""

from __future__ import annotations

import pytest

from tests.ingest.common import (
    NOW,
    assert_document,
    assert_quarantine,
    one,
)
from transforms.core.records import Document
from transforms.ingest import (
    IngestOptions,
    make_document,
)


def test_metadata_language_outside_the_supported_list(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-01\nlanguage: es\n---\nHola.\n")
    assert_quarantine(one("a.txt", base=tmp_path), "unsupported language")
    (tmp_path / "b.txt").write_text("---\npublished: 2025-06-01\nlanguage: en-GB\n---\nOK then.\n")
    item = one("b.txt", base=tmp_path)
    assert_document(item)
    assert item.language == "en"


def test_short_text_is_not_rejected_by_language_detection(tmp_path):
    (tmp_path / "short.txt").write_text("---\npublished: 2025-06-01\n---\nMerci beaucoup!\n")
    assert_document(one("short.txt", base=tmp_path))


def test_other_languages_can_be_allowed():
    item = one("french.txt", options=IngestOptions(now=NOW, languages=("en", "fr")))
    assert_document(item)
    assert item.language == "fr"


@pytest.mark.parametrize("text", [
    "DEMOCRATS WIN CONTROL OF SENATE: AP",
    "Spanish league results on Saturday:\n\nValencia 1 (Vicente 74) Athletic Bilbao 1 (Etxeberria 57)\n\n"
    "Real Sociedad v Villarreal - late kickoff\n\nSunday\n\nAtletico Madrid v Alaves, Deportivo La Coruna v "
    "Cadiz, Getafe v Racing Santander, Osasuna v Mallorca, Real Betis v Espanyol, Real Zaragoza v Celta Vigo",
])
def test_english_headlines_and_score_lists_are_not_rejected(text):
    doc = make_document(text, {"published": "2025-05-30"}, IngestOptions(now=NOW), "x.txt")
    assert isinstance(doc, Document), doc
