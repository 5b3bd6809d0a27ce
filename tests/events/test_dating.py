"""Dating: the event's own time expression, the reporting clause's, the publication date."""

from __future__ import annotations

import datetime as dt

from transforms.core.records import Timex
from transforms.events.context import Trigger
from transforms.events.dating import EventDate, date_for, publication_date, settle
from transforms.events.lexicon import load_lexicon

PUB = dt.date(2025, 3, 5)


def _timex(text, phrase, day):
    start = text.index(phrase)
    return Timex(start=start, end=start + len(phrase), text=phrase, timex_type="DATE", value=day.isoformat(),
                 granularity="day", date_start=day, date_end=day, anchor="publication_date", sentence_index=0)


def _date(parse, text, word, phrase, day, status="asserted"):
    tx = _timex(text, phrase, day)
    ctx = parse(text, [tx])
    t = Trigger(next(t for t in ctx.sdoc if t.text == word), "AGREE", "", "verb")
    lex = load_lexicon()
    date, own = date_for(t, t.token, ctx.sdoc, ctx.sentence, ctx.timexes, {t.token.i}, PUB, lex,
                         reporting_date=status == "asserted")
    return settle(t, t.token, status, date, own, PUB, lex), own


def test_publication_date():
    assert publication_date(PUB) == EventDate(PUB, PUB, "day", "2025-03-05", "publication_date")


def test_own_date_before_publication(parse):
    (status, date), own = _date(parse, "Chile signed the treaty on Monday.", "signed", "Monday", dt.date(2025, 3, 3))
    assert own and status == "asserted"
    assert (date.date_start, date.date_source) == (dt.date(2025, 3, 3), "relative")


def test_a_date_after_publication(parse):
    later = dt.date(2025, 3, 10)
    # told in the past: the date cannot be right
    (status, date), _ = _date(parse, "Chile signed the treaty on Monday.", "signed", "Monday", later)
    assert status == "asserted" and date == publication_date(PUB)
    # told in the present: a planned event
    (status, date), _ = _date(parse, "Chile signs the treaty on Monday.", "signs", "Monday", later)
    assert status == "future" and date.date_start == later


def test_the_reporting_clause_dates_asserted_events_only(parse):
    text = "Chile signed the treaty, officials said on Monday."
    (_, date), own = _date(parse, text, "signed", "Monday", dt.date(2025, 3, 3))
    assert not own and date.date_start == dt.date(2025, 3, 3)
    (_, date), _ = _date(parse, text, "signed", "Monday", dt.date(2025, 3, 3), status="hypothetical")
    assert date == publication_date(PUB)
