"""Language: every text kept with its language; the declared one, the English fast path, the detector."""

from __future__ import annotations

import pytest

from tests.ingest.common import (
    NOW,
    assert_document,
    one,
)
from transforms.core.records import Document
from transforms.ingest import (
    IngestOptions,
    make_document,
)
from transforms.ingest.language import identify_language


def test_a_declared_language_is_kept_whatever_it_is(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2025-06-01\nlanguage: es\n---\nHola.\n")
    item = one("a.txt", base=tmp_path)
    assert_document(item)
    assert (item.language, item.language_confidence) == ("es", 1.0)
    (tmp_path / "b.txt").write_text("---\npublished: 2025-06-01\nlanguage: en-GB\n---\nOK then.\n")
    item = one("b.txt", base=tmp_path)
    assert_document(item)
    assert item.language == "en"


def test_short_text_is_kept_without_a_verdict(tmp_path):
    (tmp_path / "short.txt").write_text("---\npublished: 2025-06-01\n---\nMerci beaucoup!\n")
    item = one("short.txt", base=tmp_path)
    assert_document(item)
    assert (item.language, item.language_confidence) == (None, None)


@pytest.mark.parametrize("name, code", [("french.txt", "fr"), ("german.txt", "de")])
def test_other_languages_are_kept_and_detected(name, code):
    item = one(name)
    assert_document(item)
    assert item.language == code
    assert 0.9 <= item.language_confidence <= 1.0


@pytest.mark.parametrize("text, code", [
    ("Las conversaciones se reanudarán el lunes en Ginebra, según fuentes del ministerio, que no dieron "
     "más detalles sobre la agenda.", "es"),
    ("Переговоры возобновятся в понедельник в Женеве, сообщили в министерстве иностранных дел.", "ru"),
    ("Переговори відновляться в понеділок у Женеві, повідомили в міністерстві закордонних справ.", "uk"),
    ("Le trattative riprenderanno lunedì a Ginevra, secondo fonti del ministero degli esteri.", "it"),
    ("Müzakereler pazartesi günü Cenevre'de yeniden başlayacak, dışişleri bakanlığı kaynakları söyledi.", "tr"),
])
def test_the_detector_names_news_languages(text, code):
    verdict = identify_language(text)
    assert verdict.code == code
    assert verdict.confidence is not None and verdict.confidence > 0.8


def test_a_page_language_is_kept_when_the_text_allows_it():
    text = "Les ministres se sont réunis vendredi à Istanbul pour discuter d'un cessez-le-feu possible."
    assert identify_language(text, hint="fr").code == "fr"
    assert identify_language(text, hint="ja").code == "fr"  # a wrong page language gives way


@pytest.mark.parametrize("text", [
    "DEMOCRATS WIN CONTROL OF SENATE: AP",
    "Spanish league results on Saturday:\n\nValencia 1 (Vicente 74) Athletic Bilbao 1 (Etxeberria 57)\n\n"
    "Real Sociedad v Villarreal - late kickoff\n\nSunday\n\nAtletico Madrid v Alaves, Deportivo La Coruna v "
    "Cadiz, Getafe v Racing Santander, Osasuna v Mallorca, Real Betis v Espanyol, Real Zaragoza v Celta Vigo",
])
def test_english_headlines_and_score_lists_stay_english(text):
    doc = make_document(text, {"published": "2025-05-30"}, IngestOptions(now=NOW), "x.txt")
    assert isinstance(doc, Document), doc
    assert doc.language in {"en", None}  # English, or too mixed to judge: read as English
