from transforms.report.charts import event_colors, event_map, intensity_line, top_dyads
from transforms.warehouse.contract import table


def test_every_event_type_has_a_colour():
    assert list(event_colors()) == list(table("events").column("event_type").accepted)


def test_intensity_lines_break_on_periods_without_events():
    tl = {"axis": {"start": "2025-05-01", "end": "2025-05-03", "period": "day"},
          "periods": ["2025-05-01", "2025-05-02", "2025-05-03"],
          "intensity": [{"period_start": "2025-05-01", "dyad": "TUR → UKR", "events": 2, "mean_intensity": 3.0,
                         "sum_intensity": 6.0},
                        {"period_start": "2025-05-03", "dyad": "TUR → UKR", "events": 1, "mean_intensity": -2.0,
                         "sum_intensity": -2.0}]}
    chart = intensity_line(tl)
    rows = chart["spec"]["data"]["values"]
    assert [(r["period_start"], r["mean_intensity"]) for r in sorted(rows, key=lambda r: r["period_start"])] == [
        ("2025-05-01", 3.0), ("2025-05-02", None), ("2025-05-03", -2.0)]
    assert intensity_line({**tl, "intensity": []}) is None


def test_top_dyads_keeps_the_busiest_pairs_in_order():
    rows = [{"source_country": f"A{i:02d}", "target_country": "BBB", "event_type": "CONSULT", "events": i,
             "mean_intensity": 2.5} for i in range(1, 31)]
    chart = top_dyads(rows)
    order = chart["spec"]["encoding"]["y"]["sort"]
    assert len(order) == 15 and order[0] == "A30 → BBB" and order[-1] == "A16 → BBB"
    assert top_dyads([]) is None


def test_map_without_places_draws_the_outlines_only():
    basemap = {"type": "Topology", "objects": {"countries": {"type": "GeometryCollection", "geometries": []}},
               "arcs": []}
    assert len(event_map([], basemap, 0, 0)["spec"]["layer"]) == 1
    place = {"place": "Kyiv", "country": "UKR", "latitude": 50.45, "longitude": 30.52, "events": 2}
    chart = event_map([place], basemap, 2, 3)
    assert len(chart["spec"]["layer"]) == 2 and "2 of 3 events" in chart["caption"]
