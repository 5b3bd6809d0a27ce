"""Vega-Lite specifications of the report's overview charts, built from :mod:`transforms.report.data`.

Each chart is ``{"id", "title", "caption", "spec"}``; the spec holds its data inline, so the
page needs nothing but the inlined Vega and Vega-Lite libraries to draw it. Tooltips are the
browser's own (Vega sets them as text), so no value is ever parsed as HTML.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from transforms.core.refdata import read_tsv
from transforms.report.data import NOT_ASSERTED, TOP_DYAD_BARS
from transforms.report.filters import next_period

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier only: never fetched
WIDE, NARROW = 760, 380
PERIOD_LABEL = {"day": "day", "week": "week (Monday to Sunday)", "month": "month"}


@lru_cache(maxsize=1)
def event_colors() -> dict[str, str]:
    """PLOVER type -> colour, in legend order."""
    return {r["plover"]: r["color"] for r in read_tsv("report", "event_colors.tsv")}


@lru_cache(maxsize=1)
def status_colors() -> dict[str, str]:
    return {r["status"]: r["color"] for r in read_tsv("report", "status_colors.tsv")}


def _type_color() -> dict:
    colors = event_colors()
    return {"field": "event_type", "type": "nominal", "title": "PLOVER type",
            "scale": {"domain": list(colors), "range": list(colors.values())}}


def _ms(day: str) -> int:
    """A date as the UTC milliseconds a Vega time scale takes."""
    return (dt.date.fromisoformat(day) - dt.date(1970, 1, 1)).days * 86_400_000


def _time_x(tl: dict, title=None) -> dict:
    """The x channel shared by the time charts: a UTC scale over the whole axis."""
    period = tl["axis"]["period"]
    end = next_period(dt.date.fromisoformat(tl["periods"][-1]), period).isoformat()
    return {"field": "period_start", "type": "temporal", "title": title,
            "scale": {"type": "utc", "domainMin": _ms(tl["periods"][0]), "domainMax": _ms(end)},
            "axis": {"labelOverlap": True}}


def _spec(**kw) -> dict:
    return {"$schema": SCHEMA, "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 11}}, **kw}


def _chart(chart_id: str, title: str, caption: str, spec: dict) -> dict:
    return {"id": chart_id, "title": title, "caption": caption, "spec": spec}


def events_over_time(tl: dict) -> dict | None:
    axis = tl["axis"]
    if axis is None or not tl["series"]:
        return None
    period = axis["period"]
    values = [{**r, "period_end": next_period(dt.date.fromisoformat(r["period_start"]), period).isoformat()}
              for r in tl["series"]]
    x = _time_x(tl)
    spec = _spec(
        data={"values": values},
        facet={"row": {"field": "status_group", "type": "nominal", "title": None,
                       "sort": ["asserted", NOT_ASSERTED], "header": {"labelAngle": 0, "labelAlign": "left",
                                                                     "labelAnchor": "start", "labelFontSize": 12}}},
        spec={"width": WIDE, "height": 150, "mark": {"type": "bar", "tooltip": True},
              "encoding": {"x": x, "x2": {"field": "period_end"},
                           "y": {"aggregate": "sum", "field": "events", "type": "quantitative", "title": "events",
                                 "axis": {"tickMinStep": 1, "format": "d"}},
                           "color": _type_color(),
                           "order": {"field": "event_type"},
                           "tooltip": [{"field": "period_start", "type": "nominal", "title": period},
                                       {"field": "event_type", "title": "type"},
                                       {"field": "events", "aggregate": "sum", "title": "events"}]}},
        resolve={"scale": {"y": "independent"}},
    )
    hidden = tl["hidden"]
    caption = (f"Event mentions per {PERIOD_LABEL[period]} by PLOVER type, from {axis['start']} to {axis['end']}; "
               "asserted events above, planned (future), hypothetical and negated ones below. ")
    if hidden:
        caption += (f"{hidden:,} events dated only to a coarser period than a {period}, or outside these dates "
                    "(e.g. history a text recalls), are in the tables and document views but not drawn here.")
    return _chart("events-over-time", "Events by PLOVER type", caption, spec)


def _with_gaps(tl: dict) -> list[dict]:
    """The intensity rows plus an empty row for each period a dyad has none, so its line breaks
    there instead of joining two distant periods."""
    rows = tl["intensity"]
    seen = {(r["dyad"], r["period_start"]) for r in rows}
    gaps = [{"period_start": p, "dyad": d, "events": 0, "mean_intensity": None, "sum_intensity": None}
            for d in sorted({r["dyad"] for r in rows}) for p in tl["periods"] if (d, p) not in seen]
    return rows + gaps


def intensity_line(tl: dict) -> dict | None:
    if not tl["intensity"]:
        return None
    period = tl["axis"]["period"]
    x = _time_x(tl)
    line = {"mark": {"type": "line", "point": True, "tooltip": True, "invalid": "break-paths-show-domains"},
            "encoding": {"x": x,
                         "y": {"field": "mean_intensity", "type": "quantitative", "title": "mean intensity",
                               "scale": {"domain": [-10, 10]}},
                         "color": {"field": "dyad", "type": "nominal", "title": "dyad"},
                         "tooltip": [{"field": "dyad"},
                                     {"field": "period_start", "type": "nominal", "title": period},
                                     {"field": "events", "title": "asserted events"},
                                     {"field": "mean_intensity", "title": "mean intensity"},
                                     {"field": "sum_intensity", "title": "summed intensity"}]}}
    zero = {"data": {"values": [{"y": 0}]}, "mark": {"type": "rule", "color": "#888", "strokeDash": [4, 3]},
            "encoding": {"y": {"field": "y", "type": "quantitative"}}}
    spec = _spec(width=WIDE, height=220, data={"values": _with_gaps(tl)}, layer=[line, zero])
    caption = (f"Conflict–cooperation line: mean PLOVER intensity (−10 most conflictual, +10 most cooperative) "
               f"of the asserted events per {period} for the {len({r['dyad'] for r in tl['intensity']})} "
               "busiest source → target country dyads (mart dyad_intensity).")
    return _chart("intensity", "Conflict and cooperation of the top dyads", caption, spec)


def top_dyads(rows: list[dict]) -> dict | None:
    if not rows:
        return None
    totals: dict[str, int] = {}
    for r in rows:
        key = f"{r['source_country']} → {r['target_country']}"
        totals[key] = totals.get(key, 0) + r["events"]
    keep = sorted(totals, key=lambda k: (-totals[k], k))[:TOP_DYAD_BARS]
    values = [{**r, "dyad": f"{r['source_country']} → {r['target_country']}"} for r in rows
              if f"{r['source_country']} → {r['target_country']}" in keep]
    spec = _spec(width=WIDE - 160, height={"step": 20}, data={"values": values},
                 mark={"type": "bar", "tooltip": True},
                 encoding={"y": {"field": "dyad", "type": "nominal", "title": None, "sort": keep},
                           "x": {"aggregate": "sum", "field": "events", "type": "quantitative", "title": "events",
                                 "axis": {"tickMinStep": 1, "format": "d"}},
                           "color": _type_color(), "order": {"field": "event_type"},
                           "tooltip": [{"field": "dyad"}, {"field": "event_type", "title": "type"},
                                       {"field": "events", "aggregate": "sum", "title": "events"},
                                       {"field": "mean_intensity", "aggregate": "mean", "title": "mean intensity"}]})
    caption = (f"The {len(keep)} source → target country pairs with the most events, by PLOVER type "
               "(every status; the table below has them all, with asserted counts and dates).")
    return _chart("top-dyads", "Top dyads: who does what to whom", caption, spec)


def event_map(rows: list[dict], basemap: dict, located: int, total: int) -> dict:
    shapes = {"data": {"values": basemap, "format": {"type": "topojson", "feature": "countries"}},
              "mark": {"type": "geoshape", "fill": "#e8e8e3", "stroke": "#ffffff", "strokeWidth": 0.5}}
    points = {"data": {"values": rows},
              "mark": {"type": "circle", "color": "#c2410c", "opacity": 0.65, "stroke": "#7c2d12",
                       "strokeWidth": 0.5, "tooltip": True},
              "encoding": {"longitude": {"field": "longitude", "type": "quantitative"},
                           "latitude": {"field": "latitude", "type": "quantitative"},
                           "size": {"field": "events", "type": "quantitative", "title": "events",
                                    "scale": {"range": [30, 1200], "zero": False}},
                           "tooltip": [{"field": "place"}, {"field": "country"}, {"field": "events"},
                                       {"field": "asserted_events", "title": "asserted"},
                                       {"field": "documents"}, {"field": "mean_intensity", "title": "mean intensity"}]}}
    spec = _spec(width=WIDE, height=440, projection={"type": "equalEarth"},
                 layer=[shapes, points] if rows else [shapes])
    caption = (f"Places of the events, sized by the number of events there: {located:,} of {total:,} events name "
               "a place the gazetteer knows. Basemap: Natural Earth 1:110m country outlines (public domain).")
    return _chart("map", "Events by place", caption, spec)


def small_bars(chart_id: str, title: str, caption: str, rows: list[dict], label: str, count: str) -> dict | None:
    if not rows:
        return None
    spec = _spec(width=NARROW - 120, height={"step": 18}, data={"values": rows},
                 mark={"type": "bar", "color": "#4c78a8", "tooltip": True},
                 encoding={"y": {"field": label, "type": "nominal", "title": None, "sort": "-x"},
                           "x": {"field": count, "type": "quantitative", "title": count,
                                 "axis": {"tickMinStep": 1, "format": "d"}}})
    return _chart(chart_id, title, caption, spec)


def overview_charts(data: dict, basemap: dict) -> list[dict]:
    """Every overview chart that has data, in page order."""
    q, meta = data["quality"], data["meta"]
    charts = [
        events_over_time(data["timeline"]),
        intensity_line(data["timeline"]),
        top_dyads(data["dyads"]),
        event_map(data["places"], basemap, meta["located_events"], meta["events"]),
        small_bars("languages", "Languages", "Documents by language.", q["languages"], "language", "documents"),
        small_bars("published-sources", "Where publication dates came from",
                   "Documents by the source of their publication date (metadata, a dateline, an archive record, "
                   "or assumed with --assume-published).", q["published_sources"], "published_source", "documents"),
        small_bars("quarantine", "Quarantine reasons", "Input items that could not become documents, by reason "
                   "(whole warehouse).", q["quarantine"], "reason", "items"),
    ]
    return [c for c in charts if c is not None]
