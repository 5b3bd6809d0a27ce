"""Property tests: the publication-date and dateline parsers never raise and stay bounded."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.ingest import (
    IngestOptions,
    Reject,
    parse_dateline,
    parse_published,
    resolve_published,
    split_front_matter,
)
from transforms.text.dateline import DATELINE_HEAD_CHARS

NOW = dt.datetime(2025, 6, 10, tzinfo=dt.UTC)
MONTHS = ["Jan.", "January", "Feb", "March", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct", "Nov.", "Dec."]

datelineish = st.builds(
    lambda place, month, day, year, agency, dash, rest: f"{place}, {month} {day}{year} {agency}{dash} {rest}",
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ .,-'", min_size=0, max_size=30),
    st.sampled_from(MONTHS + ["Maybe", "", "13"]),
    st.integers(min_value=-5, max_value=40),
    st.sampled_from(["", ", 2025", ", 1899", ", 9999", ", 0", " 2024"]),
    st.sampled_from(["", "(AP)", "(Reuters)", "(", "()"]),
    st.sampled_from(["", "-", "—", "--", ":", "–"]),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), datelineish), st.one_of(st.none(), st.integers(-10**6, 10**6)))
def test_parse_dateline_never_raises(text, year):
    result = parse_dateline(text, year)
    assert result is None or isinstance(result, dt.date)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=100), st.integers(), st.floats(), st.none(), st.dates(), st.datetimes(),
                 st.lists(st.text(max_size=5), max_size=3)))
def test_parse_published_never_raises(value):
    result = parse_published(value)
    assert result is None or (isinstance(result, dt.datetime) and result.utcoffset() == dt.timedelta(0))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 6, 10)))
def test_iso_dates_round_trip(day):
    assert parse_published(day.isoformat()) == dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 6, 10)),
       st.sampled_from(["KYIV", "NEW YORK", "SAN JOSE, Calif."]), st.sampled_from(["(AP) —", "-", "(Reuters) -"]))
def test_dateline_with_year_is_read(day, place, tail):
    text = f"{place}, {day:%B} {day.day}, {day.year} {tail} Officials said."
    assert parse_dateline(text) == day


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["published", "year", "title"]),
                       st.one_of(st.text(max_size=30), st.integers(), st.none(), st.dates())),
       st.text(max_size=200))
def test_resolve_published_only_rejects(meta, text):
    """Either a UTC datetime with a known source, or a quarantine reason: nothing else escapes."""
    try:
        published = resolve_published(meta, text, IngestOptions(now=NOW))
    except Reject as r:
        assert r.reason in {"no publication date", "unparseable publication date", "impossible publication date"}
    else:
        when = published.at
        assert when.utcoffset() == dt.timedelta(0)
        assert published.source in {"metadata", "dateline"}
        assert dt.datetime(1900, 1, 1, tzinfo=dt.UTC) <= when <= NOW + dt.timedelta(days=2)
        day = published.stated_day
        assert day is None or abs((day - when.date()).days) <= 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_splitter_never_raises_unexpectedly(text):
    try:
        meta, body = split_front_matter("---\n" + text)
    except Reject as r:
        assert r.reason == "broken metadata"
    else:
        assert meta is None or isinstance(meta, dict)


def test_dateline_reads_only_the_head_of_a_text():
    # the bound that keeps a pathological text cheap: nothing past the head is looked at
    late = "A" * 200_000 + ", May 30, 2025 (AP) — x"
    assert parse_dateline(late) is None
    early = "ISTANBUL, May 30, 2025 (AP) — x" + "A" * 200_000
    assert parse_dateline(early) == dt.date(2025, 5, 30)
    for text in (late, early, "7" * 500_000, "KYIV, " * 50_000):
        assert parse_dateline(text) == parse_dateline(text[:DATELINE_HEAD_CHARS])
