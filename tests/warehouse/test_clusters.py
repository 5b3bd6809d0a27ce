import datetime as dt

from transforms.warehouse.clusters import cluster_events

D = dt.date


def ev(eid, doc, start, end=None, src=("RUS",), tgt=("UKR",), typ="CONSULT", place=None, gran="day"):
    return {"event_id": eid, "doc_id": doc, "event_type": typ,
            "source_actors": [{"country": c} for c in src], "target_actors": [{"country": c} for c in tgt],
            "geonames_id": place, "date_start": start, "date_end": end or start, "granularity": gran}


def clusters(rows):
    return {r["event_id"]: r["cluster_id"] for r in rows}


def test_same_happening_in_two_documents_is_one_cluster():
    rows = cluster_events([ev("e1", "d1", D(2025, 6, 2), place=745044),
                           ev("e2", "d2", D(2025, 6, 2), place=745044)], "v")
    c = clusters(rows)
    assert c["e1"] == c["e2"]
    assert {r["cluster_method"] for r in rows} == {"merged"}


def test_week_interval_links_with_a_day_inside_it_and_missing_place_is_compatible():
    rows = cluster_events([ev("e1", "d1", D(2025, 5, 26), D(2025, 6, 1), gran="week"),
                           ev("e2", "d2", D(2025, 5, 28), place=745044)], "v")
    c = clusters(rows)
    assert c["e1"] == c["e2"]


def test_different_type_dyad_place_or_dates_are_different_clusters():
    base = ev("e0", "d0", D(2025, 6, 2), place=745044)
    others = [
        ev("e1", "d1", D(2025, 6, 2), typ="ASSAULT", place=745044),
        ev("e2", "d2", D(2025, 6, 2), src=("TUR",), place=745044),
        ev("e3", "d3", D(2025, 6, 2), place=524901),
        ev("e4", "d4", D(2025, 6, 9), place=745044),
    ]
    c = clusters(cluster_events([base, *others], "v"))
    assert len({c["e0"], *(c[o["event_id"]] for o in others)}) == 5


def test_coarse_dates_and_unknown_countries_stay_singletons():
    rows = cluster_events([ev("e1", "d1", D(2022, 2, 1), D(2022, 2, 28), gran="month"),
                           ev("e2", "d2", D(2022, 2, 1), D(2022, 2, 28), gran="month"),
                           ev("e3", "d3", D(2025, 6, 2), src=(), tgt=()),
                           ev("e4", "d4", D(2025, 6, 2), src=(), tgt=())], "v")
    c = clusters(rows)
    assert len(set(c.values())) == 4
    assert {r["cluster_method"] for r in rows} == {"singleton"}


def test_cluster_ids_are_stable_across_runs_and_input_order():
    evs = [ev("e1", "d1", D(2025, 6, 2)), ev("e2", "d2", D(2025, 6, 2)), ev("e3", "d3", D(2025, 6, 20))]
    assert clusters(cluster_events(evs, "v")) == clusters(cluster_events(list(reversed(evs)), "v"))
