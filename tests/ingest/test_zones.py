"""The newsroom's calendar day: the stated day, the dateline city's or the source's zone, the page's day, UTC."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.ingest.published import Published, stated_day
from transforms.ingest.zones import city_zone, local_day, source_zone

LATE = dt.datetime(2025, 5, 30, 23, 30, tzinfo=dt.UTC)  # already the 31st east of London in summer
EARLY = dt.datetime(2025, 5, 31, 2, 0, tzinfo=dt.UTC)  # still the 30th in the Americas


@pytest.mark.parametrize("value, day", [
    ("2025-05-30", dt.date(2025, 5, 30)),
    ("2025-05-30T23:40:00+02:00", dt.date(2025, 5, 30)),
    ("2025-05-30T21:00:00-05:00", dt.date(2025, 5, 30)),
    ("Sat, 31 May 2025 00:10:00 +0300", dt.date(2025, 5, 31)),
    ("20250530T2300+0100", dt.date(2025, 5, 30)),
    ("2025-05-30T23:30:00Z", None),
    ("2025-05-30T23:30:00+00:00", None),
    ("2025-05-30T23:30:00", None),
    ("not a date", None),
])
def test_the_day_a_value_states(value, day):
    assert stated_day(value) == day


def test_city_and_source_zones():
    assert city_zone("KYIV") == "Europe/Kyiv"
    assert city_zone("NEW YORK") == "America/New_York"
    assert city_zone("NOWHERE CITY") is None
    assert source_zone(None, "https://www.example.co.uk/world/x") == "Europe/London"
    assert source_zone(None, "https://nachrichten.example.de/a") == "Europe/Berlin"
    assert source_zone("Xinhua", None) == "Asia/Shanghai"
    assert source_zone("Example Wire", "https://example.com/a") is None


def test_local_day_rule_in_order():
    stated = Published(LATE, "metadata", dt.date(2025, 5, 30))
    assert local_day(stated, "KYIV - Officials said.", None, None) == dt.date(2025, 5, 30)  # stated first
    utc = Published(LATE, "metadata")
    assert local_day(utc, "KYIV - Officials said.", None, None) == dt.date(2025, 5, 31)  # the dateline city
    assert local_day(Published(EARLY, "metadata"), "NEW YORK (AP) - Officials said.", None, None) == \
        dt.date(2025, 5, 30)
    assert local_day(utc, "Officials said.", "Xinhua", None) == dt.date(2025, 5, 31)  # the source
    assert local_day(utc, "Officials said.", None, None, page_date="2025-05-31") == dt.date(2025, 5, 31)  # shown
    assert local_day(utc, "Officials said.", None, None, page_date="2025-04-01") == dt.date(2025, 5, 30)  # too far
    assert local_day(utc, "Officials said.", None, None) == dt.date(2025, 5, 30)  # UTC
