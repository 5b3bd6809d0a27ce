"""The normaliser of each ``norm:`` name of ``rules.yaml``."""

from __future__ import annotations

import datetime as dt

from transforms.temporal.normalise.base import Context, Groups, Normalised, Normaliser
from transforms.temporal.normalise.clock import norm_clock
from transforms.temporal.normalise.dates import norm_century, norm_date, norm_decade, norm_week_of
from transforms.temporal.normalise.durations import norm_duration, norm_duration_clock, norm_set
from transforms.temporal.normalise.holidays import norm_holiday
from transforms.temporal.normalise.periods import (
    norm_quarter,
    norm_quarter_ref,
    norm_season,
    norm_year_end,
    norm_year_period,
)
from transforms.temporal.normalise.relative import norm_anaphoric, norm_day_ref, norm_offset, norm_relative
from transforms.temporal.normalise.weekdays import norm_weekday


def norm_fixed(g: Groups, dct: dt.date, ctx: Context) -> Normalised | None:
    """A rule with a fixed ``value:`` ("now": PRESENT_REF)."""
    return Normalised("DATE", ctx.rule_value) if ctx.rule_value is not None else None


NORMALISERS: dict[str, Normaliser] = {
    "anaphoric": norm_anaphoric, "year_period": norm_year_period, "year_end": norm_year_end,
    "date": norm_date, "week_of": norm_week_of, "decade": norm_decade, "century": norm_century, "season": norm_season,
    "quarter": norm_quarter, "quarter_ref": norm_quarter_ref, "day_ref": norm_day_ref,
    "relative": norm_relative, "offset": norm_offset, "weekday": norm_weekday,
    "holiday": norm_holiday, "clock": norm_clock, "duration": norm_duration, "duration_clock": norm_duration_clock, "set": norm_set,
    "fixed": norm_fixed,
}
