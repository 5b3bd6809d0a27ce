"""Cross-document event clusters: link mentions of the same happening.

Two mentions are linked when they have the same PLOVER type, the same set of source
countries and the same set of target countries, overlapping date intervals, and compatible
places (the same GeoNames id, or at least one of them has no place). Linking is transitive
within a key (a chain of overlaps forms one cluster), so only mentions whose dates are a
week or finer are linked; mentions with a coarser date (a month, a year) or no coded
country on either side stay singletons, since they would chain unrelated happenings.
Every mention is kept (GDELT keeps mentions too); the cluster id groups them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from transforms.core.ids import stable_id
from transforms.settings import pipeline_version

if TYPE_CHECKING:
    from transforms.warehouse.store import Batch

LINKABLE_GRANULARITY = {"time", "day", "weekend", "week"}
CLUSTER_COLUMNS = ["event_id", "doc_id", "event_type", "source_actors", "target_actors", "geonames_id",
                   "date_start", "date_end", "granularity"]


def _countries(actors: list[dict] | None) -> str:
    return "|".join(sorted({str(a["country"]) for a in (actors or []) if a.get("country")}))


def cluster_events(events: list[dict], pipeline_version: str) -> list[dict]:
    """One ``event_clusters`` row per event (``events`` rows need event_id, doc_id, event_type,
    source_actors, target_actors, geonames_id, date_start, date_end, granularity)."""
    rows: list[dict] = []
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        src, tgt = _countries(e.get("source_actors")), _countries(e.get("target_actors"))
        base = {
            "event_id": e["event_id"], "doc_id": e["doc_id"], "event_type": e["event_type"],
            "source_countries": src or None, "target_countries": tgt or None,
            "place_key": str(e["geonames_id"]) if e.get("geonames_id") is not None else None,
            "date_start": e["date_start"], "date_end": e["date_end"], "pipeline_version": pipeline_version,
        }
        if (src or tgt) and e.get("granularity") in LINKABLE_GRANULARITY:
            by_key[(e["event_type"], src, tgt)].append(base)
        else:
            rows.append({**base, "cluster_id": stable_id("singleton", e["event_id"]), "cluster_method": "singleton"})
    for key, members in sorted(by_key.items()):
        members.sort(key=lambda m: (m["date_start"], m["date_end"], m["event_id"]))
        open_clusters: list[dict] = []  # {start, end, place, id}
        for m in members:
            # clusters that ended before this mention starts can never match again
            open_clusters = [c for c in open_clusters if c["end"] >= m["date_start"]]
            target = None
            for c in open_clusters:
                if c["place"] is None or m["place_key"] is None or c["place"] == m["place_key"]:
                    target = c
                    break
            if target is None:
                target = {"start": m["date_start"], "end": m["date_end"], "place": m["place_key"],
                          "id": stable_id(*key, m["date_start"], m["place_key"] or "", m["event_id"])}
                open_clusters.append(target)
            else:
                target["end"] = max(target["end"], m["date_end"])
                target["place"] = target["place"] or m["place_key"]
            rows.append({**m, "cluster_id": target["id"], "cluster_method": "merged"})
    return rows


def rebuild_clusters(batch: Batch) -> int:
    """Replace ``event_clusters`` with the clusters of every event, as of ``batch``; returns rows."""
    events = batch.read("events", CLUSTER_COLUMNS).to_pylist()
    return batch.replace_table("event_clusters", cluster_events(events, pipeline_version()))
