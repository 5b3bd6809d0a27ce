"""Sets and clock-style durations end to end through the tagger (TimeML conventions)."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.tagger import tag

DCT = dt.date(2024, 3, 15)


def _values(text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.timex_type, t.value) for t in tag(text, DCT)}


def test_recurring_times_are_sets() -> None:
    v = _values("The bakery opens every morning, the choir sings each Sunday evening and the levy is paid "
                "annually and audited weekly.")
    assert v["every morning"] == ("SET", "XXXX-XX-XXTMO")
    assert v["each Sunday evening"] == ("SET", "XXXX-WXX-7TEV")
    assert v["annually"] == ("SET", "P1Y")
    assert v["weekly"] == ("SET", "P1W")


def test_rates_are_not_sets() -> None:
    assert "annually" not in _values("The fleet grew 4% annually.")


def test_clock_style_duration_is_not_a_time_of_day() -> None:
    v = _values("She won the marathon in 2:21:05, and the bells rang at 6 p.m.")
    assert v["2:21:05"] == ("DURATION", "PT2H21M5S")
    assert v["6 p.m."] == ("TIME", "2024-03-15T18:00")
