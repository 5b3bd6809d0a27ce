"""Repair: damaged or missing Parquet files are rebuilt from what the warehouse still holds."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.core.records import Document
from transforms.ingest import content_hash, doc_id
from transforms.pipeline import repair
from transforms.pipeline.process import process_batch
from transforms.pipeline.rows import source_rows
from transforms.settings import pipeline_version
from transforms.text import normalise_text
from transforms.warehouse import checks, clusters
from transforms.warehouse.store import ParquetStore

NOW = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)
TEXTS = [  # written for these tests
    ("2025-05-12", "Kenyan and Ethiopian officials met in Nairobi on Monday to discuss a border dispute. "
                   "Kenya said the talks would resume next week."),
    ("2025-05-20", "Police in Lagos arrested twenty protesters on Tuesday after a march against fuel prices, "
                   "Nigerian officials said."),
    ("2025-06-03", "The foreign ministers of Chile and Peru signed a trade agreement in Lima on Friday. "
                   "Peru said it would cut tariffs in January."),
]


def _doc(day: str, text: str, path: str) -> Document:
    text = normalise_text(text)
    return Document(doc_id=doc_id(text), input_path=path, text=text, language="en", published_source="metadata",
                    published_at=dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC), content_hash=content_hash(text))


def _tables(store):
    """Every row of the document tables (times of writing aside), sorted."""
    out = {}
    for name in ("documents", "document_sources", "sentences", "time_expressions", "events", "event_clusters"):
        rows = store.read(name).to_pylist()
        drop = ("ingested_at", "seen_at")
        out[name] = sorted(tuple(v for k, v in sorted(r.items()) if k not in drop) for r in rows)
    return out


@pytest.fixture
def warehouse(tmp_path):
    store = ParquetStore(tmp_path / "wh")
    docs = [_doc(day, text, f"/in/{i}.txt") for i, (day, text) in enumerate(TEXTS)]
    rows = process_batch(docs, NOW)
    arrivals = [{"doc_id": d.doc_id, "input_path": d.input_path, "locator": "", "url": None,
                 "month": d.published_at.strftime("%Y-%m")} for d in docs]
    with store.batch() as b:
        for name in ("sentences", "time_expressions", "events"):
            b.replace_documents(name, rows[name], {d.doc_id for d in docs})
        b.insert_new("document_sources", source_rows(arrivals, NOW, pipeline_version()))
        b.replace_documents("documents", rows["documents"], {d.doc_id for d in docs})
        clusters.rebuild_clusters(b)
    assert rows["events"], "the fixture texts must give events"
    return store


def _damage(store, table, month, how):
    [path] = [store.path(e) for e in store.snapshot().files(table) if e.month == month]
    if how == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        path.unlink()


def _process(docs):
    return process_batch(docs, NOW)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("how", ["truncate", "delete"])
def test_damaged_derived_partitions_are_rebuilt_from_documents_text(warehouse, how):
    before = _tables(warehouse)
    _damage(warehouse, "events", "2025-05", how)
    _damage(warehouse, "sentences", "2025-06", how)
    _damage(warehouse, "event_clusters", None, how)
    report = repair.repair(warehouse, _process)
    assert {(d.table, d.entry.month) for d in report.damaged} == {
        ("events", "2025-05"), ("sentences", "2025-06"), ("event_clusters", None)}
    assert report.reprocessed == 3 and report.rebuilt["events"] > 0 and not report.lost
    assert _tables(warehouse) == before  # the same rows, ids and all
    assert all(r.passed for r in checks.run_checks(warehouse.root))
    assert (warehouse.root / "damaged").is_dir() == (how == "truncate")  # kept for inspection
    assert repair.repair(warehouse, _process).damaged == []  # whole again
    assert any(line.startswith("rebuilt: events") for line in report.lines())


@pytest.mark.timeout(120)
def test_lost_documents_partition_leaves_no_orphan_rows_and_names_the_inputs(warehouse):
    _damage(warehouse, "documents", "2025-05", "delete")
    report = repair.repair(warehouse, _process)
    assert sorted(d["doc_id"] for d in report.lost) == sorted(
        doc_id(normalise_text(t)) for day, t in TEXTS if day.startswith("2025-05"))
    assert {i["input_path"] for d in report.lost for i in d["inputs"]} == {"/in/0.txt", "/in/1.txt"}
    assert warehouse.snapshot().awaiting_inputs == report.lost  # remembered until the inputs come back
    assert all(r.passed for r in checks.run_checks(warehouse.root))  # no row points at a missing document
    assert {r["month"] for r in warehouse.read("events", ["doc_id"]).to_pylist()} == {"2025-06"}
    assert "run again with --input for: /in/0.txt, /in/1.txt" in report.lines()[-1]


@pytest.mark.timeout(120)
def test_document_sources_are_rebuilt_from_documents_and_quarantine_loss_is_reported(warehouse):
    warehouse.insert_new("quarantine", [{"quarantine_id": "q1", "input_path": "/in/bad.txt", "reason": "empty text",
                                         "seen_at": NOW, "pipeline_version": "v"}])
    before = _tables(warehouse)["document_sources"]
    _damage(warehouse, "document_sources", "2025-06", "truncate")
    _damage(warehouse, "quarantine", None, "truncate")
    report = repair.repair(warehouse, _process)
    assert report.rebuilt["document_sources"] == 1 and report.dropped["quarantine"] == 1
    assert _tables(warehouse)["document_sources"] == before
    assert warehouse.read("quarantine").num_rows == 0
    assert any("quarantine: 1 rows come back when their inputs are read again" in line for line in report.lines())


def test_an_unreadable_manifest_is_set_aside_and_the_files_on_disk_recorded(warehouse):
    before = _tables(warehouse)
    (warehouse.parquet / "_current.json").write_text('{"commit": 7, "tables": {"events": [')
    report = repair.repair(warehouse, _process)
    assert report.manifest_aside == warehouse.parquet / "_current.json.damaged"
    assert "not a manifest" in report.lines()[0] and not report.damaged
    assert warehouse.has_manifest() and not warehouse.snapshot().adopted
    assert _tables(warehouse) == before
