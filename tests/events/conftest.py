"""Fixtures of the event tests: the parser pipeline (loaded once) and a parse helper."""

from __future__ import annotations

import pytest

from transforms.core.records import Sentence
from transforms.events.context import SentenceContext
from transforms.events.nlp import load_pipeline
from transforms.settings import SPACY_MODEL


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(SPACY_MODEL)


@pytest.fixture(scope="session")
def parse(nlp):
    """``parse(text)`` -> a SentenceContext of ``text`` as sentence 0 of a document."""

    def _parse(text, timexes=()):
        return SentenceContext(Sentence(0, 0, len(text), text), nlp(text), list(timexes))

    return _parse
