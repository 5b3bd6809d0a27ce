"""Document-level dating: coreferent mentions, the narrative reference time, the fallback.

Passages written for these tests; the first group runs the real tagger and event coder, the
second calls :func:`date_document` on hand-made mentions to pin each compatibility rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from transforms import temporal
from transforms.core.records import Actor, Event, Timex
from transforms.events.coreference import date_document
from transforms.events.extractor import EventExtractor
from transforms.events.mentions import Mention
from transforms.text import normalise_text, split_sentences

D = dt.date
PUB = D(2025, 4, 10)  # a Thursday


@pytest.fixture(scope="module")
def extractor():
    return EventExtractor()


def _events(extractor, text, published=PUB):
    text = normalise_text(text)
    sentences = split_sentences(text)
    doc = {"doc_id": "t", "text": text, "published_date": published, "sentences": sentences,
           "timexes": temporal.tag(text, published, sentences)}
    return extractor.extract_batch([doc])[0]


def _one(events, trigger, sentence_index):
    (e,) = [e for e in events if e.trigger == trigger and e.sentence_index == sentence_index]
    return e


def test_a_scheduled_event_mentioned_twice_takes_the_date_of_the_dated_mention(extractor):
    text = ("Serbia and Kosovo will hold a new round of talks in Brussels on Tuesday. The upcoming talks "
            "between Serbia and Kosovo are expected to focus on energy, the European Union said.")
    events = _events(extractor, text)
    first, second = _one(events, "hold", 0), _one(events, "talks", 1)
    assert (first.date_start, first.status, first.date_source) == (D(2025, 4, 15), "future", "relative")
    assert (second.date_start, second.date_value, second.status) == (D(2025, 4, 15), "2025-04-15", "future")
    assert second.date_source == "coreferent"


def test_the_dated_mention_may_come_later_and_a_definite_description_is_planned_too(extractor):
    text = ("The Istanbul talks could prove decisive, Turkish officials said. Turkey will host talks between "
            "Russia and Ukraine in Istanbul on Monday. Ukraine will present its proposals at the talks.")
    events = _events(extractor, text)
    talks = _one(events, "talks", 0)
    # "the Istanbul talks" presuppose the talks: the modal is on "prove", the talks are planned
    assert (talks.date_start, talks.status, talks.date_source) == (D(2025, 4, 14), "future", "coreferent")
    present = _one(events, "present", 2)  # takes place at the talks
    assert (present.date_start, present.date_source) == (D(2025, 4, 14), "coreferent")


def test_a_past_meeting_dates_its_later_mention(extractor):
    events = _events(extractor, "Armenian and Azerbaijani delegations met in Geneva on Monday. The talks ended "
                                "without a deal.")
    talks = _one(events, "talks", 1)
    assert (talks.date_start, talks.status, talks.date_source) == (D(2025, 4, 7), "asserted", "coreferent")


def test_status_must_agree_a_planned_round_is_not_the_past_one(extractor):
    events = _events(extractor, "Iran and Oman held talks in Muscat on Monday. A new round of talks between "
                                "Iran and Oman is planned, officials said.")
    planned = _one(events, "talks", 1)
    assert planned.status == "future"
    assert (planned.date_start, planned.date_source) == (PUB, "publication_date")


def test_a_narrated_past_episode_dates_the_events_told_after_its_day(extractor):
    text = ("On March 3, 2025, Sudanese troops attacked rebels in El Fasher. The rebels ambushed an army convoy "
            "near the city.")
    events = _events(extractor, text)
    assert _one(events, "attacked", 0).date_source == "explicit"
    ambush = _one(events, "ambushed", 1)
    assert (ambush.date_start, ambush.date_source) == (D(2025, 3, 3), "narrative")


def test_a_habit_or_many_happenings_take_no_single_date(extractor):
    text = ("Qatar and Egypt met in Cairo on Monday. Qatar has previously hosted several rounds of "
            "negotiations between Israel and Hamas.")
    events = _events(extractor, text)
    hosted = _one(events, "hosted", 1)
    assert hosted.date_source == "publication_date" and hosted.date_start == PUB


# --- the rules on hand-made mentions -------------------------------------------------------

def _event(i, etype="CONSULT", status="asserted", day=None, src=(), tgt=(), place=None, mode=None, start=None):
    start = i * 100 if start is None else start
    d = day or PUB
    return Event(event_id=str(i), doc_id="t", sentence_index=i, start_char=start, end_char=start + 5,
                 trigger="x", event_type=etype, mode=mode, status=status,
                 source_actors=[Actor(c, country=c) for c in src], target_actors=[Actor(c, country=c) for c in tgt],
                 location_name=place, location_country=None, latitude=None, longitude=None, geonames_id=None,
                 location_source=None, date_start=d, date_end=d, granularity="day", date_value=d.isoformat(),
                 date_source="relative" if day else "publication_date", evidence="", reported_by=None,
                 confidence=0.9)


def _mention(ev, families=("talks",), definite=False, generic=False, past=False, place_words=(), settings=()):
    return Mention(event=ev, families=frozenset(families), definite=definite, generic=generic, past=past,
                   perfect=False, place_words=frozenset(place_words), settings=frozenset(settings))


TUESDAY = D(2025, 4, 15)
TEXT = "x" * 2000


def _dated(*mentions, timexes=()):
    return date_document(list(mentions), TEXT, list(timexes), PUB)


def test_same_family_and_overlapping_participants_corefer():
    g = _mention(_event(0, status="future", day=TUESDAY, src=("SRB",), tgt=("XKX",)))
    r = _mention(_event(1, status="future", src=("SRB", "USA")))
    assert _dated(g, r)[1].date_source == "coreferent"
    # different families and not the same participants: another happening
    r2 = _mention(_event(1, status="future", src=("SRB", "USA")), families=("visit",))
    assert _dated(g, r2)[1].date_source == "publication_date"
    # the same participants without a shared family is enough
    r3 = _mention(_event(1, status="future", src=("SRB",), tgt=("XKX",)), families=())
    assert _dated(g, r3)[1].date_start == TUESDAY


@pytest.mark.parametrize("change", [
    {"etype": "ASSAULT"},                        # another type
    {"place": "Vienna"},                         # another place
    {"mode": "phone"},                           # another mode
    {"src": ("FRA",), "tgt": ("DEU",)},          # contradicting participants
    {"status": "asserted"},                      # a past mention of a planned happening
    {"status": "negated"},                       # no happening at all
])
def test_what_rules_coreference_out(change):
    g = _mention(_event(0, status="future", day=TUESDAY, src=("SRB",), tgt=("XKX",), place="Brussels", mode="visit"))
    kw = {"status": "future", "src": ("SRB",), "tgt": ("XKX",), **change}
    r = _mention(_event(1, **kw))
    assert _dated(g, r)[1].date_source == "publication_date"


def test_a_place_named_in_the_mention_overrides_unknown_or_wrong_participants():
    g = _mention(_event(0, status="future", day=TUESDAY, src=("RUS",), tgt=("UKR",), place="Istanbul"))
    r = _mention(_event(1, status="hypothetical", src=("TUR",)), definite=True, place_words=("istanbul",))
    out = _dated(g, r)[1]
    assert (out.date_start, out.status, out.date_source) == (TUESDAY, "future", "coreferent")
    # not definite: a possible other meeting stays hypothetical and undated
    r2 = _mention(_event(1, status="hypothetical", src=("TUR",)), place_words=("istanbul",))
    assert _dated(g, r2)[1].date_source == "publication_date"


def test_generic_mentions_neither_give_nor_take():
    g = _mention(_event(0, day=D(2025, 4, 7), src=("QAT",)))
    r = _mention(_event(1, src=("QAT",)), generic=True)
    assert _dated(g, r)[1].date_source == "publication_date"
    g2 = _mention(_event(0, day=D(2025, 4, 7), src=("QAT",)), generic=True)
    assert _dated(g2, _mention(_event(1, src=("QAT",))))[1].date_source == "publication_date"


def test_the_best_evidence_then_the_nearest_wins():
    far = _mention(_event(0, status="future", day=TUESDAY, src=("SRB",), tgt=("XKX",), place="Brussels"))
    near = _mention(_event(2, status="future", day=D(2025, 4, 16), src=("SRB",)))
    r = _mention(_event(3, status="future", src=("SRB",), tgt=("XKX",)))
    assert _dated(far, near, r)[2].date_start == TUESDAY  # same participants beat nearness
    r2 = _mention(_event(3, status="future", src=("SRB",)), families=())
    assert _dated(far, near, r2)[2].date_start == D(2025, 4, 16)  # only the near one has the same ones


def test_a_coreferent_date_is_never_passed_on():
    g = _mention(_event(0, status="future", day=TUESDAY, src=("SRB",), place="Brussels"))
    r1 = _mention(_event(1, status="future", src=("SRB",)))  # no place: the Brussels talks
    r2 = _mention(_event(2, status="future", src=("SRB",), place="Vienna"))  # not them, whatever r1 got
    out = _dated(g, r1, r2)
    assert out[1].date_source == "coreferent" and out[2].date_source == "publication_date"


def test_narrative_reference_time_needs_the_simple_past_and_the_same_passage():
    ref = _mention(_event(0, "ASSAULT", day=D(2025, 3, 3), src=("SDN",)), families=())
    told = _mention(_event(1, "ASSAULT", src=("FRA",)), families=(), past=True)
    present = _mention(_event(1, "ASSAULT", src=("FRA",)), families=(), past=False)
    assert _dated(ref, told)[1].date_source == "narrative"
    assert _dated(ref, present)[1].date_source == "publication_date"
    # a day of the present in between ends the episode
    today = Timex(start=150, end=155, text="today", timex_type="DATE", value=PUB.isoformat(), granularity="day",
                  date_start=PUB, date_end=PUB)
    told_later = _mention(_event(2, "ASSAULT", src=("FRA",)), families=(), past=True)
    assert _dated(ref, told_later, timexes=[today])[1].date_source == "publication_date"
    # a dated event of the publication day is the present, no reference
    ref_now = _mention(_event(0, "ASSAULT", day=PUB, src=("SDN",)), families=())
    assert _dated(ref_now, told)[1].date_source == "publication_date"


def test_an_explicit_past_day_is_a_narrative_reference():
    text = "On March 3, 2025, the army moved in. " + "x" * 100
    tx = Timex(start=3, end=16, text="March 3, 2025", timex_type="DATE", value="2025-03-03", granularity="day",
               date_start=D(2025, 3, 3), date_end=D(2025, 3, 3), anchor=None, rule="date_month_day_year")
    told = _mention(_event(0, "ASSAULT", src=("FRA",), start=40), families=(), past=True)
    (out,) = date_document([told], text, [tx], PUB)
    assert (out.date_start, out.date_source) == (D(2025, 3, 3), "narrative")


def test_the_seed_talks_are_dated_from_the_document(extractor):
    from ..conftest import SEED_ARTICLES

    text = (SEED_ARTICLES / "istanbul-talks.txt").read_text(encoding="utf-8")
    events = _events(extractor, text, published=D(2025, 5, 30))
    talks = [e for e in events if e.event_type == "CONSULT" and e.trigger in ("resume", "engage", "talks", "meeting")
             and "May 16" not in e.evidence]
    assert len(talks) == 5
    assert all((e.date_start, e.status) == (D(2025, 6, 2), "future") for e in talks), talks
    (past,) = [e for e in events if e.trigger == "talks" and "May 16" in e.evidence]
    assert (past.date_start, past.status) == (D(2025, 5, 16), "asserted")
