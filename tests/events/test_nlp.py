"""The parser pipeline: the registered tag->POS component replaces the attribute ruler."""

from __future__ import annotations

from spacy.language import Language

from transforms.events.nlp import TAG_TO_POS, TagToPos, load_pipeline, tables_from_ruler
from transforms.settings import SPACY_MODEL


def test_component_is_a_registered_factory():
    assert TAG_TO_POS in Language.factories


def test_pipeline_without_ner_lemmatizer_and_ruler(nlp):
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", TAG_TO_POS]
    assert isinstance(nlp.get_pipe(TAG_TO_POS), TagToPos)
    assert load_pipeline(SPACY_MODEL) is nlp  # loaded once per process


def test_tables_from_ruler_patterns():
    patterns = [
        {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["Hello", "hi"]}}]], "attrs": {"POS": "INTJ"}},
        {"patterns": [[{"TAG": "XX"}, {"TAG": "YY"}]], "attrs": {"POS": "X"}},  # two tokens: skipped
        {"patterns": [[{"TAG": "JJ"}]], "attrs": {"MORPH": "Degree=Pos"}},  # no POS: skipped
    ]
    by_tag, by_tag_word = tables_from_ruler(patterns)
    assert by_tag == {"VBD": "VERB"}
    assert by_tag_word == {("NN", "hello"): "INTJ", ("NN", "hi"): "INTJ"}


def test_coarse_pos_comes_from_the_fine_tag(nlp):
    doc = nlp("The envoys held talks in a small harbour town.")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["held"] == "VERB" and pos["talks"] == "NOUN" and pos["in"] == "ADP"
    assert all(t.pos_ for t in doc)
