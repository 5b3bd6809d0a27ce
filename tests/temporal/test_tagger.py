"""Temporal tagger (transforms.temporal.tag): seed expectations, extents, direction from tense, values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from transforms.temporal import tag
from transforms.text import split_sentences

SEED = Path(__file__).resolve().parents[2] / "seeds" / "articles" / "istanbul-talks.txt"
DCT = dt.date(2025, 5, 30)  # a Friday


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, tag(text, DCT, split_sentences(text))


def _by_text(timexes, text):
    return [t for t in timexes if t.text == text]


def test_seed_february_2022(seed):
    _, tx = seed
    hits = _by_text(tx, "February 2022")
    assert len(hits) == 2
    assert all(t.value == "2022-02" and t.granularity == "month" for t in hits)
    assert hits[0].date_start == dt.date(2022, 2, 1) and hits[0].date_end == dt.date(2022, 2, 28)
    assert hits[0].anchor is None


def test_seed_on_friday_is_the_dct(seed):
    text, tx = seed
    hits = _by_text(tx, "Friday")
    assert len(hits) == 3
    for t in hits:
        assert t.value == "2025-05-30"
        assert text[t.start - 3:t.start] == "on "  # extent: "Friday" alone
        assert t.anchor == "publication_date"


def test_seed_weekend_monday_morning(seed):
    _, tx = seed
    (we,) = [t for t in tx if t.text.endswith("weekend")]
    assert we.value == "2025-W22-WE"
    assert we.date_start == dt.date(2025, 5, 31) and we.date_end == dt.date(2025, 6, 1)
    (mm,) = _by_text(tx, "Monday morning")
    assert mm.value == "2025-06-02TMO" and mm.timex_type == "TIME"


def test_seed_days_months(seed):
    _, tx = seed
    (may16,) = _by_text(tx, "May 16")
    assert may16.value == "2025-05-16"
    (march,) = _by_text(tx, "March 2022")
    assert march.value == "2022-03"
    (wed,) = _by_text(tx, "Wednesday")
    assert wed.value == "2025-05-28"
    (months,) = _by_text(tx, "months")
    assert months.value == "PXM" and months.timex_type == "DURATION"
    assert months.date_start is None


def test_seed_earlier_this_week(seed):
    _, tx = seed
    hits = _by_text(tx, "earlier this week")
    assert len(hits) == 2
    assert all(t.value == "2025-W22" and t.mod == "START" for t in hits)


def test_seed_modal_may_is_not_a_date(seed):
    text, tx = seed
    pos = text.index("talks may represent") + len("talks ")
    assert not [t for t in tx if t.start <= pos < t.end]


def test_seed_sentence_index(seed):
    text, tx = seed
    sents = split_sentences(text)
    for t in tx:
        s = sents[t.sentence_index]
        assert s.start <= t.start < s.end


def _one(text, dct=DCT):
    r = tag(text, dct)
    assert r, text
    return r[0]


@pytest.mark.parametrize(
    "text,value",
    [
        ("He said on Wednesday that it failed.", "2025-05-28"),
        ("The retrial opens the week of June 9.", "2025-W24"),
        ("The levee broke in August nineteen eighty-six.", "1986-08"),
        ("The convoy set off at 4 in the morning.", "2025-05-30T04:00"),
        ("The shops reopened at three in the afternoon.", "2025-05-30T15:00"),
        ("The talks will resume on Wednesday.", "2025-06-04"),
        ("The vote is scheduled for Tuesday.", "2025-06-03"),
        ("They met last Monday.", "2025-05-26"),
        ("They meet next Monday.", "2025-06-02"),
        ("The plan was announced on May 16.", "2025-05-16"),
        ("The summit will be held on June 12.", "2025-06-12"),
        ("The summit was held in March.", "2025-03"),
        ("The council agreed to hold the vote in June.", "2025-06"),
        ("The dyke gave way on May twenty-second.", "2025-05-22"),
        ("The dyke gave way in mid-afternoon yesterday.", "2025-05-29TAF"),
        ("The dyke gives way evening tomorrow.", "2025-05-31TEV"),
        ("The dyke gave way on the twenty-second of May.", "2025-05-22"),
        ("The dyke gave way on April ninth, 1953.", "1953-04-09"),
        ("The summit will be held in March.", "2026-03"),
        ("Sales will rise in the third quarter.", "2025-Q3"),
        ("Sales rose in the third quarter.", "2024-Q3"),
        ("Sales rose in the first quarter.", "2025-Q1"),
        ("Profit rose last year.", "2024"),
        ("Profit will rise next month.", "2025-06"),
        ("It happened yesterday.", "2025-05-29"),
        ("It happened two days ago.", "2025-05-28"),
        ("It happened a year ago.", "2024"),
        ("Prices rose in the 1990s.", "199"),
        ("He was born on March 3, 1961.", "1961-03-03"),
        ("On 3 March 1961 he was born.", "1961-03-03"),
        ("The deal closed in 2019.", "2019"),
        ("They met this morning.", "2025-05-30TMO"),
        ("It happened last night.", "2025-05-29TNI"),
        ("The meeting starts at 5 p.m. today.", "2025-05-30T17:00"),
        ("Prices are high now.", "PRESENT_REF"),
        ("It was recently sold.", "PAST_REF"),
        ("Growth may slow in the future.", "FUTURE_REF"),
        ("Inflation rose this summer.", "2025-SU"),
        ("Christmas will be quiet.", "2025-12-25"),
        ("The mill burned down in October of last year.", "2024-10"),
        ("The bay froze in the winter of nineteen sixty-three.", "1963-WI"),
    ],
)
def test_values(text, value):
    assert _one(text).value == value


@pytest.mark.parametrize(
    "text,value,typ",
    [
        ("The war lasted three years.", "P3Y", "DURATION"),
        ("A two-week truce began.", "P2W", "DURATION"),
        ("The strike lasted several months.", "PXM", "DURATION"),
        ("They talked for 90 minutes.", "PT90M", "DURATION"),
        ("He waited for half an hour.", "PT30M", "DURATION"),
        ("The board meets every month.", "P1M", "SET"),
        ("The index is published daily.", "P1D", "SET"),
        ("The market is open on Mondays.", "XXXX-WXX-1", "SET"),
        ("The bakery opens every morning.", "XXXX-XX-XXTMO", "SET"),
        ("The choir sings each Sunday evening.", "XXXX-WXX-7TEV", "SET"),
        ("The levy is paid annually by the owners.", "P1Y", "SET"),
        ("The club meets weekly in the old hall.", "P1W", "SET"),
        ("She won the marathon in 2:21:05.", "PT2H21M5S", "DURATION"),
        ("The ferry crossing takes 1:45 hours.", "PT1H45M", "DURATION"),
        ("He ran the mile in 3:58 minutes.", "PT3M58S", "DURATION"),
        ("The bridge is inspected on a weekly basis.", "P1W", "SET"),
        ("Today's teenagers read less.", "PRESENT_REF", "DATE"),
        ("Nothing tempts the students of today.", "PRESENT_REF", "DATE"),
        ("The night market runs on Friday evenings.", "XXXX-WXX-5TEV", "SET"),
        ("The night market runs on Thursday and Friday evenings.", "XXXX-WXX-4TEV", "SET"),
    ],
)
def test_durations_and_sets(text, value, typ):
    t = _one(text)
    assert (t.value, t.timex_type) == (value, typ)
    assert t.date_start is None and t.anchor is None


@pytest.mark.parametrize(
    "text,extent",
    [
        ("Losses in the last twenty four hours grew.", "the last twenty four hours"),
        ("He left earlier this week.", "earlier this week"),
        ("It closed a year ago.", "a year ago"),
        ("Talks resume on Friday.", "Friday"),
        ("Sales rose in early 2020.", "early 2020"),
        ("The fund grew for more than four hours.", "more than four hours"),
        ("Results for the first nine months fell.", "the first nine months"),
        ("Third-quarter profit rose.", "Third-quarter"),
        ("The mill burned down in October of last year.", "October of last year"),
        ("The bay froze in the winter of nineteen sixty-three.", "the winter of nineteen sixty-three"),
        ("The night market runs on Friday evenings.", "Friday evenings"),
        ("In April the first ferry sailed.", "April"),
        ("The dyke gave way on the twenty-second of May.", "the twenty-second of May"),
    ],
)
def test_extents(text, extent):
    assert _one(text).text == extent


def test_relative_to_previous_expression():
    text = "The company was founded on May 22, 1995, and two days later it hired staff."
    tx = tag(text, DCT)
    later = [t for t in tx if t.text == "two days later"][0]
    assert later.value == "1995-05-24"
    assert later.anchor == f"expression:{text.index('May 22')}"


def test_the_following_year_anchors_on_previous_date():
    tx = tag("He was promoted on May 22, 1995, and the following year he retired.", DCT)
    assert [t.value for t in tx] == ["1995-05-22", "1996"]


def test_lowercase_verbs_are_not_dates():
    text = "They may march to the capital; prices may fall in the spring of hope? no."
    assert [t.text for t in tag(text, DCT) if t.text.lower() in ("may", "march", "fall")] == []


def test_dates_have_intervals_and_granularity():
    (t,) = tag("Sales rose in the second quarter of 2024.", DCT)
    assert t.value == "2024-Q2" and t.granularity == "quarter"
    assert (t.date_start, t.date_end) == (dt.date(2024, 4, 1), dt.date(2024, 6, 30))
    keys = {"start", "end", "text", "timex_type", "value", "mod", "granularity", "date_start", "date_end",
            "anchor", "rule", "sentence_index"}
    assert set(dataclasses.asdict(t)) == keys


def test_empty_and_odd_inputs():
    assert tag("", DCT) == []
    assert tag("no dates here at all", DCT) == []
    assert tag(None, DCT) == []  # type: ignore[arg-type]
    assert isinstance(tag("Friday", dt.datetime(2025, 5, 30, 12, 0)), list)


def test_anaphoric_expressions_anchor_on_the_previous_date():
    text = "He was arrested on May 3, 1999. The next morning he appeared in court. Earlier that day, police said."
    tx = tag(text, dt.date(2000, 1, 6))
    got = [(t.text, t.value, t.mod) for t in tx]
    assert got == [("May 3, 1999", "1999-05-03", None), ("The next morning", "1999-05-04TMO", None),
                   ("Earlier that day", "1999-05-04", "START")]
    assert tx[1].anchor == f"expression:{text.index('May 3')}"


def test_movable_holidays():
    (t,) = tag("Elian was found on Thanksgiving Day.", dt.date(2000, 1, 6))
    assert t.value == "1999-11-25"
    (t,) = tag("Easter will be quiet.", dt.date(2000, 1, 6))
    assert t.value == "2000-04-23"


def test_rates_are_not_durations():
    assert tag("Room rates will be between $35 and $55 a night.", DCT) == []
    assert [t.value for t in tag("They meet twice a week.", DCT)] == ["P1W"]


def _value(text: str, dct: dt.date, phrase: str) -> str:
    (hit,) = [t for t in tag(text, dct) if t.text == phrase]
    return hit.value


def test_two_digit_decade_is_the_latest_begun_decade():
    assert _value("Sales grew through the '80s.", dt.date(1989, 10, 26), "the '80s") == "198"
    assert _value("It was a hit in the '90s.", dt.date(2025, 5, 30), "the '90s") == "199"
    assert _value("Prices rose in the '20s.", dt.date(2025, 5, 30), "the '20s") == "202"


def test_last_half_of_a_year():
    assert _value("Earnings will be lower for the last half of 1989.", dt.date(1989, 10, 26),
                  "the last half of 1989") == "1989-H2"


def test_quarter_durations_keep_their_unit():
    assert _value("It lost money in the past two quarters.", dt.date(1989, 10, 27),
                  "the past two quarters") == "P2Q"


def test_present_perfect_reads_as_past():
    # DCT February: October without a year is last October when the clause is in the perfect
    assert _value("Oil prices have come down from the middle of October.", dt.date(1998, 2, 23),
                  "the middle of October") == "1997-10"


def test_next_to_is_not_a_future_cue():
    assert _value("A bomb exploded next to the embassy on Friday.", dt.date(1998, 8, 8), "Friday") == "1998-08-07"


def test_modal_and_as_soon_as_point_forward():
    assert _value("The group might come as soon as Tuesday.", dt.date(2000, 4, 3), "Tuesday") == "2000-04-04"
    assert _value("They can take part in the summit in April.", dt.date(1998, 12, 5), "April") == "1999-04"


def test_present_tense_schedule_verbs_point_forward():
    # VOA style: a present-tense schedule verb with a bare weekday is the coming day
    assert _value("He and Arafat meet separately Monday with the US envoy.", dt.date(1998, 5, 1),
                  "Monday") == "1998-05-04"
    assert _value("The ministers met on Monday.", dt.date(1998, 5, 1), "Monday") == "1998-04-27"


def test_earlier_and_later_keep_the_interval_on_their_side_of_the_dct():
    (e,) = tag("He visited Moscow earlier this week.", DCT)
    assert (e.value, e.mod, e.date_start, e.date_end) == ("2025-W22", "START", dt.date(2025, 5, 26), DCT)
    (later,) = tag("Talks will resume later this month.", DCT)
    assert (later.value, later.mod, later.date_start, later.date_end) == \
        ("2025-05", "END", DCT, dt.date(2025, 5, 31))


def test_rates_are_not_sets_and_clock_times_stay_times():
    assert [t.text for t in tag("The fleet grew 4% annually.", DCT)] == []
    assert [(t.text, t.value) for t in tag("The bells rang at 6 p.m. after the 2:21:05 finish.", DCT)] == [
        ("6 p.m.", "2025-05-30T18:00"), ("2:21:05", "PT2H21M5S")]
    assert [t.value for t in tag("The minister resigned today.", DCT)] == ["2025-05-30"]


def test_clock_times_in_hours_are_not_durations():
    # "at 10:30 hours" is a time of day, never PT30H nor PT10H30M
    assert [t.value for t in tag("The patrol left at 10:30 hours.", DCT)] == []
    assert [t.value for t in tag("The patrol left 10:30 hours GMT.", DCT)] == []


def test_offsets_count_from_the_dct_or_the_previous_date():
    # DCT Friday 2025-05-30; "from now" forward, "earlier" back from the date before it
    text = ("The dam will be finished two years from now. The survey was signed on March 3, 2021, "
            "and ten days earlier the engineers had inspected the site.")
    v = {t.text: (t.timex_type, t.value, t.anchor) for t in tag(text, DCT)}
    assert v["two years from now"] == ("DATE", "2027", "publication_date")
    assert v["ten days earlier"] == ("DATE", "2021-02-21", f"expression:{text.index('March 3')}")


def test_a_narrated_episode_keeps_its_sets_and_durations():
    # the past episode moves weekday and clock time; the set and the duration never move
    text = ("On April 2, 2019, the ferry ran aground. By Thursday the crew had left the ship, "
            "and at 9 a.m. the tugs arrived. Inspectors now board the ferry every morning, "
            "and each check lasts 1:15 hours.")
    v = {t.text: (t.timex_type, t.value) for t in tag(text, DCT)}
    assert v["Thursday"] == ("DATE", "2019-04-04")
    assert v["9 a.m."] == ("TIME", "2019-04-04T09:00")
    assert v["every morning"] == ("SET", "XXXX-XX-XXTMO")
    assert v["1:15 hours"] == ("DURATION", "PT1H15M")


def test_a_weekday_with_a_single_part_of_day_stays_a_date():
    tx = tag("The ferry left on Thursday and Friday evening.", DCT)
    assert [(t.text, t.timex_type) for t in tx] == [("Thursday", "DATE"), ("Friday evening", "TIME")]
