"""Time expressions beyond English (transforms.temporal.languages), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from transforms.temporal.languages import supported_languages, tag

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "temporal"
DCT = dt.date(2025, 5, 30)  # a Friday, as the seed article
#: the seed article's expression groups, each language's translation must give them all
SEED_VALUES = {"2025-05-30", "2025-W22-WE", "2025-06-02TMO", "2022-02", "2025-05-16", "2022-03", "2025-W22",
               "2025-05-28", "PXM"}


@pytest.mark.parametrize("lang", ["es", "fr", "de", "ru"])
def test_seed_translations_give_the_english_seed_values(lang):
    text = (FIXTURES / f"seed.{lang}.txt").read_text(encoding="utf-8")
    values = {t.value for t in tag(text, DCT, lang)}
    assert SEED_VALUES <= values
    for t in tag(text, DCT, lang):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("lang, text, expected", [
    ("it", "I negoziati riprenderanno lunedì mattina; due giorni fa il ministro era a Roma.",
     [("lunedì mattina", "2025-06-02TMO"), ("due giorni fa", "2025-05-28")]),
    ("pt", "As conversas serão retomadas na próxima segunda-feira; o último encontro foi em 16 de maio de 2025.",
     [("próxima segunda-feira", "2025-06-02"), ("16 de maio de 2025", "2025-05-16")]),
    ("tr", "Görüşmeler pazartesi sabah yeniden başlayacak; iki gün önce bakan Ankara'daydı.",
     [("pazartesi sabah", "2025-06-02TMO"), ("iki gün önce", "2025-05-28")]),
    ("uk", "Останні переговори відбулися 16 травня 2025 року, а два дні тому міністр був у Києві.",
     [("16 травня 2025 року", "2025-05-16"), ("два дні тому", "2025-05-28")]),
    ("ar", "ستستأنف المحادثات يوم الاثنين، وكانت الجولة الأخيرة في 16 مايو 2025.",
     [("الاثنين", "2025-06-02"), ("16 مايو 2025", "2025-05-16")]),
    ("zh", "上一轮会谈于2025年5月16日举行，昨天外长访问了莫斯科。",
     [("2025年5月16日", "2025-05-16"), ("昨天", "2025-05-29")]),
])
def test_each_language_dates_news_sentences(lang, text, expected):
    got = [(t.text, t.value) for t in tag(text, DCT, lang)]
    for item in expected:
        assert item in got


def test_direction_follows_the_expression_then_the_tense():
    # a modifier inside the expression decides; a future verb in the sentence decides next; else the past
    assert [t.value for t in tag("Se reunirán el lunes.", DCT, "es")] == ["2025-06-02"]
    assert [t.value for t in tag("Se reunieron el lunes.", DCT, "es")] == ["2025-05-26"]
    assert [t.value for t in tag("Ils se sont vus lundi dernier.", DCT, "fr")] == ["2025-05-26"]
    assert [t.value for t in tag("Sie treffen sich nächsten Montag.", DCT, "de")] == ["2025-06-02"]


def test_durations_ages_and_clock_times():
    got = {t.text: t.value for t in tag("Il a passé vingt ans en prison ; un homme de 38 ans a témoigné "
                                        "hier à 10 h 30.", DCT, "fr")}
    assert got["vingt ans"] == "P20Y"
    assert "38 ans" not in got  # an age, not a duration
    assert got["hier à 10 h 30"] == "2025-05-29T10:30"


def test_a_clock_time_takes_the_day_named_before_it():
    text = "El jueves 22 de mayo los ministros llegaron a Ginebra. La reunión empezó a las 10.30 horas."
    got = {t.text: t.value for t in tag(text, DCT, "es")}
    assert got["a las 10.30 horas"] == "2025-05-22T10:30"


def test_every_listed_language_has_a_cue_file_and_tags_safely():
    langs = supported_languages()
    assert {"es", "fr", "de", "ru", "uk", "pt", "it", "tr", "ar", "zh"} <= set(langs)
    for lang in langs:
        assert tag("", DCT, lang) == []
        assert isinstance(tag("2025 " * 20_000, DCT, lang), list)
