"""The report's data read from a real warehouse (built by the flow), whole and scoped."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from transforms.report import data
from transforms.report.filters import Scope

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def whole(report_warehouse):
    return data.load(report_warehouse, Scope())


def _seed_id(payload):
    return next(d["doc_id"] for d in payload["documents"] if d["published_date"] == "2025-05-30")


def test_events_carry_intensity_and_quad_class(report_warehouse):
    con = duckdb.connect(str(report_warehouse / "dateline.duckdb"), read_only=True)
    rows = con.execute("select event_type, mode, intensity, quad_class from events").fetchall()
    visit = con.execute("select distinct intensity from events where event_type = 'CONSULT' and mode = 'visit'").fetchall()
    con.close()
    assert rows and all(-10 <= r[2] <= 10 and r[3] for r in rows)
    assert visit == [(4.0,)]


def test_dyad_intensity_mart_means_and_sums_asserted_events(report_warehouse):
    con = duckdb.connect(str(report_warehouse / "dateline.duckdb"), read_only=True)
    week = con.execute("""select events, mean_intensity, sum_intensity from dyad_intensity
                          where period = 'week' and period_start = '2025-05-26'
                            and source_country = 'TUR' and target_country = 'UKR'""").fetchone()
    direct = con.execute("""select count(*), avg(intensity), sum(intensity) from events e
                            where status = 'asserted' and date_start >= '2025-05-26' and date_end <= '2025-06-01'
                              and list_contains([a.country for a in source_actors], 'TUR')
                              and list_contains([a.country for a in target_actors], 'UKR')""").fetchone()
    months = {r[0] for r in con.execute("select period from dyad_intensity").fetchall()}
    feb = con.execute("""select count(*) from dyad_intensity where period_start = '2022-02-01'
                         and source_country = 'RUS'""").fetchall()
    con.close()
    assert week == pytest.approx(direct)
    assert months == {"day", "week", "month"}
    assert feb == [(1,)]  # "February 2022" is a month: only in the monthly rows


def test_whole_report_data(whole):
    meta = whole["meta"]
    assert meta["documents"] == 3 and meta["quarantined"] == 1 and meta["events"] > 10
    assert whole["timeline"]["axis"]["period"] == "day"
    assert {r["status_group"] for r in whole["timeline"]["series"]} == {"asserted", data.NOT_ASSERTED}
    assert whole["timeline"]["hidden"] >= 1  # the invasion "in February 2022" is not on a day axis
    assert any(r["source_country"] == "TUR" and r["target_country"] == "UKR" for r in whole["dyads"])
    assert {"Istanbul", "Kyiv", "Moscow"} <= {p["place"] for p in whole["places"]}
    q = whole["quality"]
    assert q["quarantine"] and q["runs"][0]["status"] == "completed" and not q["checks"]["failed"]
    assert {r["published_source"] for r in q["published_sources"]} == {"metadata"}


def test_document_details_mark_time_expressions_and_actors(whole):
    seed = _seed_id(whole)
    doc = whole["details"]["docs"][seed]
    fields = whole["details"]["fields"]
    timexes = [dict(zip(fields["timex"], t, strict=True)) for t in doc["timexes"]]
    monday = next(t for t in timexes if doc["text"][t["start"]:t["end"]] == "Monday morning")
    assert (monday["value"], monday["date_start"], monday["date_end"]) == ("2025-06-02TMO", "2025-06-02", "2025-06-02")
    events = [dict(zip(fields["event"], e, strict=True)) for e in doc["events"]]
    assert all(doc["text"][e["start"]:e["end"]] == e["trigger"] for e in events)
    assert any(doc["text"][a:b] == "Turkey" for e in events for a, b in e["source_spans"])


def test_country_scope_keeps_only_events_and_documents_of_that_country(report_warehouse, whole):
    rus = data.load(report_warehouse, Scope(countries=("RUS",)))
    titles = {d["title"] for d in rus["documents"]}
    assert len(rus["documents"]) == 2 and not any(t and t.startswith("Talks <img") for t in titles)
    assert _seed_id(whole) in rus["details"]["docs"]
    # dyads come from the events that involve RUS (a co-source's pairs included)
    assert any((r["source_country"], r["target_country"]) == ("RUS", "UKR") for r in rus["dyads"])
    assert sum(r["events"] for r in rus["dyads"]) < sum(r["events"] for r in whole["dyads"])
    assert 0 < rus["meta"]["events"] < whole["meta"]["events"]


def test_date_scope_keeps_overlapping_events_and_sets_the_axis(report_warehouse, whole):
    june = data.load(report_warehouse, Scope(dt.date(2025, 6, 1), dt.date(2025, 6, 30)))
    axis = june["timeline"]["axis"]
    assert (axis["start"], axis["end"]) == ("2025-06-01", "2025-06-30")
    assert all(r["period_start"] >= "2025-06-01" for r in june["timeline"]["series"])
    # documents published in June, plus the seed (May 30) for its events planned on June 2
    assert {d["published_date"] for d in june["documents"]} == {"2025-06-05", "2025-06-03", "2025-05-30"}
    assert june["meta"]["events"] < whole["meta"]["events"]
    assert data.load(report_warehouse, Scope(dt.date(1990, 1, 1), dt.date(1990, 12, 31)))["timeline"]["series"] == []


def test_cli_writes_the_report_and_prints_its_path(report_warehouse, tmp_path, capsys):
    from dateline.cli import main

    out = tmp_path / "r.html"
    assert main(["report", "--warehouse", str(report_warehouse), "--out", str(out), "--country", "tur"]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    page = out.read_text(encoding="utf-8")
    assert "involving TUR" in page and page.count("<script") == 5
    assert "<script>document" not in page  # the article's markup only exists JSON-escaped
