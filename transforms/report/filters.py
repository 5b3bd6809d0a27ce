"""What a report covers: the date window, the countries, and the time axis drawn for them.

``--from/--to`` keep the events whose date interval overlaps the window and the documents
published in it; ``--country`` keeps the events with that country as a source, a target or the
place, and the documents that report them. The time charts use one period (day, week or
month) chosen from the span they cover.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: Longest interval (days) an event may have to be counted in one period of each kind.
PERIOD_MAX_DAYS = {"day": 1, "week": 7, "month": 31}
#: Without --from/--to the time charts cover the publication dates widened by this many days
#: (events in the past a text mentions, "in 1945", would otherwise stretch the axis).
DEFAULT_MARGIN_DAYS = 90

_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Scope:
    """The slice of the warehouse a report shows."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"--from {self.date_from} is after --to {self.date_to}")
        for c in self.countries:
            if not _ISO3.match(c):
                raise ValueError(f"not an ISO 3166 alpha-3 country code: {c!r}")

    @property
    def filtered(self) -> bool:
        return bool(self.date_from or self.date_to or self.countries)

    def event_where(self, alias: str = "e") -> tuple[str, list]:
        """SQL condition (and its parameters) selecting the events in scope."""
        conds: list[str] = []
        params: list = []
        if self.date_from:
            conds.append(f"{alias}.date_end >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append(f"{alias}.date_start <= ?")
            params.append(self.date_to)
        if self.countries:
            conds.append(f"list_has_any(list_concat([a.country FOR a IN {alias}.source_actors], "
                         f"[a.country FOR a IN {alias}.target_actors], [{alias}.location_country]), ?)")
            params.append(list(self.countries))
        return (" AND ".join(conds) or "true"), params

    def document_where(self, alias: str = "d") -> tuple[str, list]:
        """SQL condition on documents by publication date (the country filter goes by events)."""
        conds: list[str] = []
        params: list = []
        if self.date_from:
            conds.append(f"{alias}.published_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append(f"{alias}.published_date <= ?")
            params.append(self.date_to)
        return (" AND ".join(conds) or "true"), params

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"events dated {self.date_from or '…'} to {self.date_to or '…'}")
        if self.countries:
            parts.append("involving " + ", ".join(self.countries))
        return "; ".join(parts) or "the whole warehouse"


@dataclass(frozen=True)
class Axis:
    """The time axis of the charts: first and last day shown and the period of one bar."""

    start: dt.date
    end: dt.date
    period: str


def choose_period(start: dt.date, end: dt.date) -> str:
    """day for up to three months, week for up to two years, month beyond."""
    days = (end - start).days + 1
    if days <= 92:
        return "day"
    if days <= 731:
        return "week"
    return "month"


def window(scope: Scope, published: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """Days the time charts may cover: the scope's window, else publication dates ± the margin."""
    margin = dt.timedelta(days=DEFAULT_MARGIN_DAYS)
    return (scope.date_from or published[0] - margin, scope.date_to or published[1] + margin)


def time_axis(scope: Scope, event_span: tuple[dt.date, dt.date]) -> Axis:
    """The axis over the events' span inside the window (the window itself when given)."""
    lo = scope.date_from or event_span[0]
    hi = scope.date_to or event_span[1]
    return Axis(lo, hi, choose_period(lo, hi))


def period_start(day: dt.date, period: str) -> dt.date:
    """First day of the period holding ``day`` (weeks start on Monday, as DuckDB's)."""
    if period == "day":
        return day
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: dt.date, period: str) -> dt.date:
    if period == "day":
        return start + dt.timedelta(days=1)
    if period == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def periods(axis: Axis) -> list[dt.date]:
    """Every period start from the axis start to its end (empty periods included)."""
    out, cur = [], period_start(axis.start, axis.period)
    while cur <= axis.end:
        out.append(cur)
        cur = next_period(cur, axis.period)
    return out
