"""Mention features from the parse: families, definiteness, genericity, tense, place words, settings."""

from __future__ import annotations

import datetime as dt

from transforms.core.records import Event
from transforms.events.context import Trigger
from transforms.events.lexicon import load_lexicon
from transforms.events.mentions import coref_words, mention_of

DAY = dt.date(2025, 4, 10)
EVENT = Event(event_id="e", doc_id="t", sentence_index=0, start_char=0, end_char=1, trigger="x",
              event_type="CONSULT", mode=None, status="future", source_actors=[], target_actors=[],
              location_name=None, location_country=None, latitude=None, longitude=None, geonames_id=None,
              location_source=None, date_start=DAY, date_end=DAY, granularity="day", date_value="2025-04-10",
              date_source="publication_date", evidence="", reported_by=None, confidence=0.9)


def _mention(parse, text, word, kind="verb"):
    ctx = parse(text)
    tok = next(t for t in ctx.sdoc if t.text == word)
    return mention_of(EVENT, Trigger(tok, "CONSULT", "", kind), load_lexicon())


def test_families_come_from_the_trigger_and_its_happening_nouns(parse):
    m = _mention(parse, "The delegation will engage in a new round of talks with Ukraine.", "engage")
    assert m.families == {"talks"} and not m.definite and not m.generic
    m = _mention(parse, "Both sides agreed to resume direct peace negotiations.", "resume")
    assert "talks" in m.families


def test_definite_descriptions_and_place_words(parse):
    m = _mention(parse, "The Istanbul talks may prove decisive.", "talks", kind="noun")
    assert m.definite and m.place_words == {"istanbul"} and m.families == {"talks"}


def test_many_happenings_or_a_habit_are_generic(parse):
    assert _mention(parse, "Qatar has previously hosted several rounds of negotiations.", "hosted").generic
    assert _mention(parse, "Oman hosted two meetings between the rivals.", "hosted").generic
    # a plural object that is not a happening does not make the event many
    assert not _mention(parse, "Ukraine will present its proposals at the talks.", "present").generic


def test_the_happening_an_event_takes_place_at(parse):
    m = _mention(parse, "Ukraine will present its proposals at the talks.", "present")
    assert m.settings == {"talks"}
    assert not _mention(parse, "Ukraine will present its proposals at a meeting.", "present").settings


def test_simple_past_and_present_perfect(parse):
    past = _mention(parse, "Oman hosted the meeting in Muscat.", "hosted")
    assert past.past and not past.perfect
    perfect = _mention(parse, "Oman has hosted the meeting in Muscat.", "hosted")
    assert perfect.perfect and not perfect.past


def test_word_lists_are_data():
    words = coref_words()
    assert "talks" in words.families["negotiation"] and "talks" in words.families["talks"]
    assert "several" in words.generic and "previously" in words.habitual
