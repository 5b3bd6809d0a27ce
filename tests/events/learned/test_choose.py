"""The hook: the setting, the thresholds, a model trained on a tiny own fixture, the shipped model."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms import settings
from transforms.events.actors.lexicon import lexicon
from transforms.events.arguments import arguments
from transforms.events.context import Trigger
from transforms.events.extractor import EventExtractor
from transforms.events.learned.choose import check_mode, decide, retype
from transforms.events.learned.examples import Labelled, examples
from transforms.events.learned.model import NONE, shipped_model, train
from transforms.events.lexicon import load_lexicon
from transforms.events.patterns import PatternMatcher
from transforms.events.triggers import find_triggers
from transforms.text import split_sentences

TH = {"choose": 0.5, "margin": 0.2, "veto": 0.7}


def _trigger(parse, text, word):
    lex = load_lexicon()
    ctx = parse(text)
    t = next(t for t in find_triggers(ctx, lex, PatternMatcher(lex), lexicon()) if t.token.text == word)
    return t, *arguments(t, lex)


def test_decide_keeps_the_rules_unless_the_model_is_sure(parse):
    t = Trigger(parse("Chile met Peru.").sdoc[1], "CONSULT", "", "verb")
    assert decide(t, {"CONSULT": 0.3, "AGREE": 0.7, NONE: 0.0}, TH, "choose") == "AGREE"
    assert decide(t, {"CONSULT": 0.35, "AGREE": 0.45, NONE: 0.2}, TH, "choose") == "CONSULT"  # not sure
    assert decide(t, {"CONSULT": 0.4, "AGREE": 0.55, NONE: 0.05}, TH, "choose") == "CONSULT"  # no margin
    assert decide(t, {"CONSULT": 0.1, "AGREE": 0.1, NONE: 0.8}, TH, "choose") is None
    assert decide(t, {"CONSULT": 0.3, "AGREE": 0.7, NONE: 0.0}, TH, "veto") == "CONSULT"  # veto only
    assert decide(t, {"CONSULT": 0.1, "AGREE": 0.1, NONE: 0.8}, TH, "veto") is None
    assert decide(t, {"CONSULT": 0.1, "AGREE": 0.9, NONE: 0.0}, TH, "off") == "CONSULT"


# A tiny own fixture: "accept" codes AGREE in the dictionary; accepting people is AID (asylum).
TINY = [
    Labelled("Norway accepted 300 refugees from Libya.", "accepted", "AID"),
    Labelled("Canada accepted 200 asylum seekers from Haiti.", "accepted", "AID"),
    Labelled("Chile accepted the proposal of Peru.", "accepted", "AGREE"),
    Labelled("Ghana accepted the offer of Togo.", "accepted", "AGREE"),
]


def test_a_model_trained_on_own_sentences_retypes_a_trigger(parse):
    exs, missed = examples(TINY)
    assert missed == 0 and [e.label for e in exs] == ["AID", "AID", "AGREE", "AGREE"]
    model = train(exs, ["AGREE", "AID", NONE], epochs=200)
    model.meta = {"thresholds": TH}
    lex = load_lexicon()
    t, src, tgts = _trigger(parse, "Portugal accepted 50 refugees from Greece.", "accepted")
    assert t.plover == "AGREE"  # the rules
    assert retype(t, src, tgts, lex, model, "choose").plover == "AID"
    assert retype(t, src, tgts, lex, model, "off") is t
    t, src, tgts = _trigger(parse, "Bolivia accepted the plan of Paraguay.", "accepted")
    assert retype(t, src, tgts, lex, model, "choose") is t


def test_the_shipped_model_loads():
    model = shipped_model()
    assert model is not None
    assert NONE in model.labels and len(model.labels) == 17
    assert model.weights.shape == (len(model.vocab), len(model.labels))
    assert set(model.meta["thresholds"]) == {"choose", "margin", "veto"}
    assert "CC BY-SA" in model.meta["attribution"]


def _types(text):
    doc = {"doc_id": "own", "text": text, "published_date": dt.date(2025, 3, 1),
           "sentences": split_sentences(text), "timexes": []}
    return [e.event_type for e in EventExtractor().extract_batch([doc])[0]]


@pytest.mark.parametrize("text, rules, learned", [
    ("Sweden accepted 300 refugees from the camps in Sudan.", "AGREE", "AID"),
    ("The Chinese foreign ministry condemned the Japanese naval patrol.", "ACCUSE", "ACCUSE"),
    ("Police arrested 20 opposition activists in Lusaka.", "COERCE", "COERCE"),
])
def test_the_shipped_model_in_the_coder(monkeypatch, text, rules, learned):
    monkeypatch.setattr(settings, "EVENT_TYPE_MODEL", "off")
    assert rules in _types(text)
    monkeypatch.setattr(settings, "EVENT_TYPE_MODEL", "choose")
    assert learned in _types(text)


def test_a_misspelt_setting_is_refused(monkeypatch):
    assert check_mode("veto") == "veto"
    monkeypatch.setattr(settings, "EVENT_TYPE_MODEL", "on")
    with pytest.raises(ValueError, match="off, choose, veto"):
        EventExtractor()


def test_the_setting_is_part_of_the_pipeline_version(monkeypatch):
    monkeypatch.delenv("DATELINE_PIPELINE_VERSION", raising=False)
    off = settings.pipeline_version()
    monkeypatch.setattr(settings, "EVENT_TYPE_MODEL", "choose")
    assert settings.pipeline_version() == off + ".types.choose"
