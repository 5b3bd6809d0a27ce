"""Gold readers of other languages (BIO TSV, TempEval-1) and the per-document scores, on small
files written for these tests (tests/fixtures/temporal/gold)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import FIXTURES
from transforms.evaluation.gold import read_gold
from transforms.evaluation.languages import score_language, total

GOLD = FIXTURES / "temporal" / "gold"


def test_bio_documents_keep_their_spans_and_dct():
    docs = read_gold(GOLD / "mini.tsv", "bio")
    assert [d.dct for d in docs] == [dt.date(2025, 5, 30), dt.date(2025, 6, 2)]
    first = docs[0]
    assert [(first.text[t.start:t.end], t.type, t.value) for t in first.timexes] == [
        ("el miércoles", "DATE", "2025-05-28"), ("dos días", "DURATION", "P2D")]
    assert first.key == first.text[:200]


def test_tempeval1_text_follows_the_creation_time():
    (doc,) = read_gold(GOLD, "tempeval1")
    assert doc.key == "mini-te1.tml" and doc.dct == dt.date(2025, 5, 30)
    assert [(doc.text[t.start:t.end], t.value) for t in doc.timexes] == [("na quarta-feira", "2025-05-28"),
                                                                         ("dois dias", "P2D")]
    assert "<" not in doc.text


def test_scores_per_document_add_up():
    result = score_language(read_gold(GOLD / "mini.tsv", "bio"), "es")
    rows = result["documents"]
    assert len(rows) == 2 and sum(r["gold"] for r in rows) == 3
    assert result["total"] == total(rows)
    assert result["total"]["value_f1"] == 100.0  # the three expressions, each with its value
