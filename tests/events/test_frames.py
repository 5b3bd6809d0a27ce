"""Frames: the object of a verb, or who does it, decides the type (own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.events.extractor import EventExtractor
from transforms.temporal import tag
from transforms.text import split_sentences

PUB = dt.date(2024, 6, 3)


@pytest.fixture(scope="module")
def extractor():
    return EventExtractor()


def _events(extractor, text):
    sentences = split_sentences(text)
    doc = {"doc_id": "f", "text": text, "published_date": PUB, "sentences": sentences,
           "timexes": tag(text, PUB, sentences)}
    return extractor.extract_batch([doc])[0]


@pytest.mark.parametrize("sentence, expected", [
    # finalising an agreement is SUPPORT, agreeing to do something AGREE
    ("Ghana and Togo signed a border agreement on Tuesday.", "SUPPORT"),
    ("Chile and Peru reached a deal on fishing rights.", "SUPPORT"),
    ("Chile agreed to reopen its border with Peru.", "AGREE"),
    # reducing cooperation is SANCTION
    ("The United States cut military aid to Egypt.", "SANCTION"),
    ("Japan froze its economic assistance to Myanmar after the coup.", "SANCTION"),
    # returning property is RETREAT
    ("Italy returned the stolen paintings to Greece.", "RETREAT"),
    # peacekeepers are aid
    ("Kenya deployed peacekeepers to Somalia.", "AID"),
    # armed forces seizing is ASSAULT, police seizing COERCE
    ("Royal Marines seized the Iranian tanker off the coast.", "ASSAULT"),
    ("Police seized the printing presses of the opposition newspaper.", "COERCE"),
    ("Israeli jets carried out strikes against Hamas targets in Gaza.", "ASSAULT"),
    ("Dock workers in Antwerp went on strike against the port authority.", "PROTEST"),
    ("Police blocked the road to the parliament.", "COERCE"),
    # an order gives way to the act it orders
    ("The court ordered the arrest of the opposition leader.", "COERCE"),
    ("A Spanish judge ordered the former ministers jailed.", "COERCE"),
    # summoning an ambassador is a complaint (PLOVER CONSULT)
    ("France summoned the Chinese ambassador over the tweets.", "ACCUSE"),
    # a time phrase is no pattern word: "called X on Friday" is no "call on"
    ("President Putin called the Turkish president on Friday to discuss the war.", "CONSULT"),
    ("The Brazilian government issued a warning to Venezuela.", "THREATEN"),
    ("General Musharraf imposed martial law in Pakistan.", "COERCE"),
    # politicians attacking each other with words criticise; states and armed forces assault
    ("The opposition leader attacked the prime minister over the tax plan.", "ACCUSE"),
    ("Russia attacked Ukraine with drones overnight.", "ASSAULT"),
    ("Police attacked the protesters with batons.", "ASSAULT"),
    # a warning to someone, or of one's own act, is a threat
    ("Russia warned that it would retaliate against Finland.", "THREATEN"),
    ("The president warned the envoy that his government would expel him.", "THREATEN"),
])
def test_frame_types(extractor, sentence, expected):
    assert expected in [e.event_type for e in _events(extractor, sentence)]


def test_orders_keep_their_source_and_requests_stay_requests(extractor):
    (ev,) = [e for e in _events(extractor, "A Spanish judge ordered the former ministers jailed.")
             if e.event_type == "COERCE"]
    assert [a.sector for a in ev.source_actors] == ["JUD"]
    assert [a.text for a in ev.target_actors] == ["the former ministers"]
    types = [e.event_type for e in _events(extractor, "The court ordered the minister to return the money.")]
    assert "REQUEST" in types


def test_reframed_types_leave_other_readings_alone(extractor):
    # ending a visit is no reduction of relations
    types = [e.event_type for e in _events(extractor, "The Indian prime minister ended a visit to Japan on Sunday.")]
    assert "SANCTION" not in types


def test_a_verbal_attack_with_only_the_attacked_named_is_criticism(extractor):
    """No attacker named: the side that is named decides (a governor is criticised, soldiers are
    assaulted)."""
    assert [e.event_type for e in _events(extractor, "The governor was attacked over the budget on Monday.")] == ["ACCUSE"]
    assert [e.event_type for e in _events(extractor, "Two soldiers were attacked near the border on Monday.")] == ["ASSAULT"]
