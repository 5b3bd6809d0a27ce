"""Helpers of the scale-out tests: short wire reports written for them (many distinct documents
from a few templates, as JSONL input files) and a snapshot of a warehouse's tables to compare."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

PLACES = [("Norway", "Oslo", "Norwegian"), ("Chile", "Santiago", "Chilean"), ("Kenya", "Nairobi", "Kenyan"),
          ("Japan", "Tokyo", "Japanese"), ("Poland", "Warsaw", "Polish"), ("Egypt", "Cairo", "Egyptian"),
          ("Peru", "Lima", "Peruvian"), ("Vietnam", "Hanoi", "Vietnamese")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

TEMPLATES = [
    "{CITY} - {Adj} and {Adj2} officials met in {CITY_} on {day} to discuss a trade dispute, the foreign "
    "ministry said. The two sides agreed to hold a second round of talks next month.\n"
    "A spokesman said the talks would resume on March {n}.",
    "Police in {CITY_} arrested {n} protesters on {day} after a march against fuel prices turned violent, "
    "officials said. The demonstrators had gathered outside parliament since last week.",
    "The government of {Country} accused {Country2} of sending troops across the border on {day}. "
    "{Country2} denied the claim and said it would not attack its neighbour. "
    "Talks between the two governments are planned for June {n}.",
    "{Country} will send {n} tonnes of food aid to {Country2} after floods last month, the prime minister "
    "said on {day}. The first shipment is expected to arrive in {CITY2} within two weeks.",
    "Rebels attacked a police station near {CITY_} early on {day}, killing {n} officers, the army said. "
    "The attack came three days after a ceasefire was signed in {CITY2}.",
]


def reports(n: int) -> list[dict]:
    """``n`` distinct reports (JSONL records with id, published date, source and text)."""
    out = []
    for i in range(n):
        a, b = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        if a == b:
            b = PLACES[(i + 1) % len(PLACES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(
            CITY=a[1].upper(), CITY_=a[1], CITY2=b[1], Adj=a[2], Adj2=b[2], Country=a[0], Country2=b[0],
            day=DAYS[i % len(DAYS)], n=2 + i % 27)
        published = dt.date(2025, 5, 1) + dt.timedelta(days=i % 45)
        out.append({"id": f"scale-{i}", "published": published.isoformat(), "source": f"Wire {i % 3}",
                    "text": f"{text}\nReport {i} of the series."})
    return out


def write_inputs(folder: Path, files: int, per_file: int) -> Path:
    """``files`` JSONL files of ``per_file`` reports each (every report distinct), in ``folder``;
    the first file also has a broken line and an undated report (two quarantine rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    items = reports(files * per_file)
    for f in range(files):
        with open(folder / f"wire-{f:02d}.jsonl", "w", encoding="utf-8") as fh:
            for r in items[f * per_file:(f + 1) * per_file]:
                fh.write(json.dumps(r) + "\n")
            if f == 0:
                fh.write("{not json\n")
                fh.write(json.dumps({"id": "undated", "text": "Talks were held in Lima on Monday."}) + "\n")
    return folder


#: columns that record when a row was written, not what it says
RUN_TIME_COLUMNS = {"documents": ["ingested_at"], "document_sources": ["seen_at"], "quarantine": ["seen_at"]}
DOC_TABLES = ("documents", "document_sources", "sentences", "time_expressions", "events")
TABLES = (*DOC_TABLES, "event_clusters", "quarantine")


def snapshot(warehouse: Path, tables: tuple[str, ...] = TABLES,
             doc_ids: set[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of ``tables`` in the warehouse's committed Parquet files (ids and values, all
    columns but write times), sorted; only the rows of ``doc_ids`` when given."""
    import duckdb

    from transforms.warehouse.store import ParquetStore

    store = ParquetStore(warehouse)
    con = duckdb.connect()
    try:
        out = {}
        for table in tables:
            files = [str(p) for p in store.files(table)]
            if not files:
                out[table] = []
                continue
            exclude = RUN_TIME_COLUMNS.get(table)
            cols = f"* EXCLUDE ({', '.join(exclude)})" if exclude else "*"
            where = "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))" if doc_ids is not None else ""
            out[table] = con.execute(f"SELECT {cols} FROM read_parquet({files!r}, hive_partitioning = true) "
                                     f"{where} ORDER BY ALL", [sorted(doc_ids)] if doc_ids is not None else []
                                     ).fetchall()
        return out
    finally:
        con.close()


def document_ids(warehouse: Path) -> set[str]:
    """The documents a warehouse holds (a document row means all its rows were committed)."""
    from transforms.warehouse.store import ParquetStore

    return {r["doc_id"] for r in ParquetStore(warehouse).read("documents", ["doc_id"]).to_pylist()}
