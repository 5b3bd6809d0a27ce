"""The story's reference time: a narrated past passage moves weekdays, clock times and months."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.tagger import tag

DCT = dt.date(2024, 3, 15)  # a Friday


def _values(text: str, dct: dt.date = DCT) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.anchor) for t in tag(text, dct)}


def test_weekday_and_clock_follow_the_narrated_day() -> None:
    text = ("On June 3, 2019, the floods reached the valley. By Tuesday the river had burst its banks, "
            "and at 4 p.m. the army arrived.")
    v = _values(text)
    assert v["June 3, 2019"] == ("2019-06-03", None)
    assert v["Tuesday"] == ("2019-06-04", f"expression:{text.index('June 3')}")
    # the reference moved on to the Tuesday: the clock time is on that day
    assert v["4 p.m."] == ("2019-06-04T16:00", f"expression:{text.index('Tuesday')}")


def test_weekday_before_the_reference_day_is_the_nearest_one() -> None:
    text = "On 12 May 2021 the ship sank. The crew had left port on Sunday."
    assert _values(text)["Sunday"][0] == "2021-05-09"  # the Wednesday's nearest Sunday


def test_month_without_year_takes_the_year_of_the_story() -> None:
    text = "On June 3, 2019, the floods reached the valley, and in August the water finally receded."
    assert _values(text)["August"][0] == "2019-08"


def test_month_in_a_later_sentence_stays_recent() -> None:
    text = "On June 3, 2019, the floods reached the valley. The mayor resigned in August."
    assert _values(text)["August"][0] == "2023-08"


def test_a_month_alone_is_background_not_a_reference() -> None:
    text = "Prices have soared since the drought began in June 2019, and by 6 a.m. on Monday the market was empty."
    v = _values(text)
    assert v["Monday"] == ("2024-03-11", "publication_date")
    # the clock time takes the day written after it ("6 a.m. on Monday"), not June 2019's
    assert v["6 a.m."] == ("2024-03-11T06:00", f"expression:{text.index('Monday')}")


def test_reporting_verb_keeps_the_time_of_the_report() -> None:
    text = "On June 3, 2019, the floods reached the valley, officials said Tuesday."
    assert _values(text)["Tuesday"] == ("2024-03-12", "publication_date")


def test_present_or_future_sentence_is_counted_from_the_publication_date() -> None:
    text = "On June 3, 2019, the floods reached the valley. The council will meet on Tuesday."
    assert _values(text)["Tuesday"][0] == "2024-03-19"


def test_deictic_expression_brings_the_text_back_to_the_present() -> None:
    text = "On June 3, 2019, the floods reached the valley. Last Tuesday the dam was finally repaired."
    assert _values(text)["Last Tuesday"][0] == "2024-03-12"


def test_paragraph_break_ends_the_passage() -> None:
    text = "On June 3, 2019, the floods reached the valley.\n\nThe dam was repaired on Tuesday."
    assert _values(text)["Tuesday"] == ("2024-03-12", "publication_date")


def test_a_date_naming_the_episode_is_not_the_story_time() -> None:
    text = "Survivors of the June 3, 2019 floods gathered on Tuesday."
    assert _values(text)["Tuesday"] == ("2024-03-12", "publication_date")


def test_recent_date_changes_nothing() -> None:
    text = "On March 13, 2024, the strike began. The talks collapsed on Tuesday."
    assert _values(text)["Tuesday"] == ("2024-03-12", "publication_date")
