"""Read what a report shows from a warehouse's ``dateline.duckdb`` (plain data, no HTML).

The scope (``--from/--to``, ``--country``) is applied once: temporary views named ``events``
and ``documents`` shadow the warehouse's views for this connection only, so the committed
marts (``dyads``, ``dyad_intensity``, ``clusters``, ...) are read unchanged over the scoped
rows. Quarantine, runs and checks describe the warehouse as a whole and are not scoped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

import duckdb

from transforms.report import documents as docview
from transforms.report.filters import PERIOD_MAX_DAYS, Axis, Scope, periods, time_axis, window
from transforms.warehouse.checks import run_checks
from transforms.warehouse.publish import connect

#: Top dyads drawn as lines of mean intensity, and dyads drawn as bars.
TOP_INTENSITY_DYADS = 5
TOP_DYAD_BARS = 15
LAST_RUNS = 10
NOT_ASSERTED = "planned, hypothetical or negated"


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple:
    row = con.execute(sql, params or []).fetchone()
    assert row is not None  # aggregate queries always return a row
    return row


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def apply_scope(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    """Shadow ``events`` and ``documents`` with the rows in scope (this connection only)."""
    if not scope.filtered:
        return
    db = _one(con, "SELECT current_database()")[0].replace('"', '""')
    ev_cond, ev_params = scope.event_where("e")
    con.execute(f'CREATE TEMP TABLE scoped_events AS SELECT e.* FROM "{db}".main.events e WHERE {ev_cond}',
                ev_params)
    doc_cond, doc_params = scope.document_where("d")
    by_date = "false" if scope.countries else doc_cond
    con.execute(f'CREATE TEMP TABLE scoped_documents AS SELECT d.* FROM "{db}".main.documents d '
                f"WHERE ({by_date}) OR d.doc_id IN (SELECT doc_id FROM scoped_events)",
                [] if scope.countries else doc_params)
    con.execute("CREATE TEMP VIEW events AS SELECT * FROM scoped_events")
    con.execute("CREATE TEMP VIEW documents AS SELECT * FROM scoped_documents")


def summary(con: duckdb.DuckDBPyConnection) -> dict:
    row = _rows(con, """
        SELECT (SELECT count(*) FROM documents) AS documents,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM events WHERE status = 'asserted') AS asserted_events,
               (SELECT count(*) FROM events WHERE latitude IS NOT NULL) AS located_events,
               (SELECT count(*) FROM time_expressions WHERE doc_id IN (SELECT doc_id FROM documents))
                   AS time_expressions,
               (SELECT count(*) FROM quarantine) AS quarantined,
               (SELECT min(published_date) FROM documents) AS first_published,
               (SELECT max(published_date) FROM documents) AS last_published""")[0]
    return {k: _iso(v) for k, v in row.items()}


def _axis(con: duckdb.DuckDBPyConnection, scope: Scope, first: str | None, last: str | None) -> Axis | None:
    if first is None or last is None:
        return None
    lo, hi = window(scope, (dt.date.fromisoformat(first), dt.date.fromisoformat(last)))
    span = _one(con, "SELECT min(date_start), max(date_start) FROM events WHERE date_start BETWEEN ? AND ?", [lo, hi])
    if span[0] is None:
        return None
    return time_axis(scope, (span[0], span[1]))


def timeline(con: duckdb.DuckDBPyConnection, scope: Scope, first: str | None, last: str | None) -> dict:
    """Events per period by type and status group, mean intensity of the top dyads."""
    axis = _axis(con, scope, first, last)
    if axis is None:
        return {"axis": None, "series": [], "intensity": [], "hidden": 0, "periods": []}
    p, max_days = axis.period, PERIOD_MAX_DAYS[axis.period]
    fits = "date_diff('day', date_start, date_end) + 1 <= ? AND date_start BETWEEN ? AND ?"
    series = _rows(con, f"""
        SELECT CAST(date_trunc('{p}', date_start) AS DATE) AS period_start, event_type,
               CASE WHEN status = 'asserted' THEN 'asserted' ELSE '{NOT_ASSERTED}' END AS status_group,
               count(*) AS events
        FROM events WHERE {fits} GROUP BY ALL ORDER BY ALL""", [max_days, axis.start, axis.end])
    shown = sum(r["events"] for r in series)
    total = _one(con, "SELECT count(*) FROM events")[0]
    pairs = _rows(con, """
        SELECT source_country, target_country, sum(events) AS events FROM dyad_intensity
        WHERE period = ? AND period_start BETWEEN ? AND ?
        GROUP BY ALL ORDER BY events DESC, source_country, target_country LIMIT ?""",
                  [p, axis.start, axis.end, TOP_INTENSITY_DYADS])
    intensity = []
    if pairs:
        keys = [f"{r['source_country']}>{r['target_country']}" for r in pairs]
        intensity = _rows(con, """
            SELECT period_start, source_country || ' → ' || target_country AS dyad, events,
                   round(mean_intensity, 2) AS mean_intensity, sum_intensity
            FROM dyad_intensity
            WHERE period = ? AND period_start BETWEEN ? AND ? AND source_country || '>' || target_country IN ?
            ORDER BY period_start, dyad""", [p, axis.start, axis.end, keys])
    for r in series + intensity:
        r["period_start"] = _iso(r["period_start"])
    return {"axis": {"start": axis.start.isoformat(), "end": axis.end.isoformat(), "period": p},
            "periods": [d.isoformat() for d in periods(axis)],
            "series": series, "intensity": intensity, "hidden": total - shown}


def dyads(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = _rows(con, """SELECT source_country, target_country, event_type, events, asserted_events,
                                first_date, last_date, round(mean_intensity, 2) AS mean_intensity
                         FROM dyads ORDER BY events DESC, source_country, target_country, event_type""")
    for r in rows:
        r["first_date"], r["last_date"] = _iso(r["first_date"]), _iso(r["last_date"])
    return rows


def places(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return _rows(con, """
        SELECT location_name AS place, location_country AS country, latitude, longitude,
               count(*) AS events, count(*) FILTER (WHERE status = 'asserted') AS asserted_events,
               count(DISTINCT doc_id) AS documents, round(avg(intensity), 2) AS mean_intensity
        FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, place""")


def quality(con: duckdb.DuckDBPyConnection, root: Path) -> dict:
    """Documents by language and date source, quarantine reasons, last runs, checks now."""
    runs = _rows(con, f"""
        SELECT started_at, finished_at, items_seen, documents_new, documents_changed, documents_unchanged,
               quarantined, checks_passed, checks_failed, status, rows_written
        FROM runs ORDER BY started_at DESC LIMIT {LAST_RUNS}""")
    for r in runs:
        r["seconds"] = round((r["finished_at"] - r["started_at"]).total_seconds(), 1)
        r["started_at"] = r["started_at"].astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        r["events_written"] = json.loads(r.pop("rows_written") or "{}").get("events", 0)
        del r["finished_at"]
    checks = run_checks(root)
    return {
        "languages": _rows(con, """SELECT coalesce(language, 'unknown') AS language, count(*) AS documents
                                   FROM documents GROUP BY ALL ORDER BY documents DESC, language"""),
        "published_sources": _rows(con, """SELECT published_source, count(*) AS documents FROM documents
                                           GROUP BY ALL ORDER BY documents DESC, published_source"""),
        "sources": _rows(con, """SELECT coalesce(source, 'unknown') AS source, count(*) AS documents
                                 FROM documents GROUP BY ALL ORDER BY documents DESC, source LIMIT 20"""),
        "quarantine": _rows(con, """SELECT reason, count(*) AS items FROM quarantine
                                    GROUP BY ALL ORDER BY items DESC, reason"""),
        "runs": runs,
        "checks": {"passed": sum(1 for c in checks if c.passed),
                   "failed": [{"table": c.table, "check": c.name, "rows": c.failures}
                              for c in checks if not c.passed]},
    }


def document_index(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = _rows(con, """
        SELECT d.doc_id, d.title, CASE WHEN d.title IS NULL THEN left(d.text, 90) END AS opening,
               d.source, d.url, d.language, d.published_date, d.published_source,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events,
               (SELECT count(*) FROM time_expressions t WHERE t.doc_id = d.doc_id) AS time_expressions
        FROM documents d ORDER BY d.published_date DESC, d.title, d.doc_id""")
    for r in rows:
        r["published_date"] = _iso(r["published_date"])
    return rows


def load(root: Path, scope: Scope) -> dict:
    """Everything the report shows, as JSON-ready data."""
    root = Path(root).resolve()
    con = connect(root)
    with contextlib.closing(con):
        apply_scope(con, scope)
        head = summary(con)
        return {
            "meta": {"warehouse": str(root), "scope": scope.describe(),
                     "generated_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), **head},
            "timeline": timeline(con, scope, head["first_published"], head["last_published"]),
            "dyads": dyads(con),
            "places": places(con),
            "quality": quality(con, root),
            "documents": document_index(con),
            "details": docview.details(con),
        }
