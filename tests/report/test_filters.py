import datetime as dt

import pytest

from transforms.report.filters import (
    Axis,
    Scope,
    choose_period,
    next_period,
    period_start,
    periods,
    time_axis,
    window,
)

D = dt.date.fromisoformat


def test_scope_rejects_a_reversed_window_and_bad_country_codes():
    with pytest.raises(ValueError, match="after"):
        Scope(D("2025-06-02"), D("2025-06-01"))
    with pytest.raises(ValueError, match="alpha-3"):
        Scope(countries=("TR",))
    assert not Scope().filtered and Scope(countries=("TUR",)).filtered


def test_event_condition_overlaps_the_window_and_matches_any_country():
    cond, params = Scope(D("2025-05-01"), D("2025-05-31"), ("TUR", "UKR")).event_where("e")
    assert "e.date_end >= ?" in cond and "e.date_start <= ?" in cond and "list_has_any" in cond
    assert params == [D("2025-05-01"), D("2025-05-31"), ["TUR", "UKR"]]
    assert Scope().event_where() == ("true", [])


def test_period_follows_the_span():
    assert choose_period(D("2025-05-01"), D("2025-06-30")) == "day"
    assert choose_period(D("2025-01-01"), D("2025-12-31")) == "week"
    assert choose_period(D("1997-01-01"), D("2006-12-31")) == "month"


def test_period_starts_and_steps():
    assert period_start(D("2025-05-30"), "week") == D("2025-05-26")  # Monday, as DuckDB's date_trunc
    assert period_start(D("2025-05-30"), "month") == D("2025-05-01")
    assert next_period(D("2025-12-01"), "month") == D("2026-01-01")
    assert next_period(D("2025-05-26"), "week") == D("2025-06-02")
    assert periods(Axis(D("2025-05-28"), D("2025-06-10"), "week")) == [D("2025-05-26"), D("2025-06-02"),
                                                                        D("2025-06-09")]


def test_default_window_is_the_publication_dates_widened():
    lo, hi = window(Scope(), (D("2025-05-30"), D("2025-06-04")))
    assert lo == D("2025-03-01") and hi == D("2025-09-02")
    assert window(Scope(D("2025-01-01")), (D("2025-05-30"), D("2025-06-04")))[0] == D("2025-01-01")
    axis = time_axis(Scope(), (D("2025-05-16"), D("2025-06-02")))
    assert (axis.start, axis.end, axis.period) == (D("2025-05-16"), D("2025-06-02"), "day")
