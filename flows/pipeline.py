"""The main Prefect flow: inputs → documents, time expressions, events → Parquet → DuckDB.

Thin wiring only: every task takes a batch (of files or documents); the work is in
``transforms``. Retries are set on I/O tasks only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from transforms import clusters, ingest, pipeline, warehouse
from transforms.settings import pipeline_version
from transforms.store import ParquetStore, warehouse_lock

TABLE_ORDER = ("sentences", "time_expressions", "events")  # documents is written last


class ChecksFailed(RuntimeError):
    """Data checks failed after a run; the message names table, check and example rows."""


def _hash(*parts) -> str:
    import hashlib

    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]


@task(name="discover-inputs", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover_inputs(inputs: list[str]) -> list[str]:
    return [str(p) for p in ingest.discover_files([Path(p) for p in inputs])]


@task(name="read-document-index", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_document_index(root: str) -> dict[str, dict]:
    return ParquetStore(Path(root)).document_index()


@task(name="ingest-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest_files(files: list[str], options: ingest.IngestOptions) -> tuple[list[dict], list[dict]]:
    docs, bad = [], []
    for item in ingest.read_inputs([Path(f) for f in files], options):
        (docs if item["kind"] == "document" else bad).append(item)
    return docs, bad


@task(name="process-documents", cache_policy=NO_CACHE)
def process_documents(docs: list[dict], workers: int | None, now: dt.datetime) -> dict[str, list[dict]]:
    return pipeline.process_parallel(docs, workers=workers, now=now)


@task(name="write-tables", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def write_tables(root: str, rows: dict[str, list[dict]], todo: list[dict], arrivals: list[dict],
                 quarantined: list[dict], now: dt.datetime) -> dict[str, int]:
    """Write one batch. ``documents`` goes last: it records which documents are complete."""
    store = ParquetStore(Path(root))
    version = pipeline_version()
    doc_ids = {d["doc_id"] for d in todo}
    old_months = {d["_old_month"] for d in todo if d.get("_old_month")}
    written = {}
    for name in TABLE_ORDER:
        written[name] = store.replace_documents(name, rows.get(name, []), doc_ids, old_months)
    sources = [{**a, "source_id": _hash(a["doc_id"], a["input_path"], a.get("locator") or ""),
                "seen_at": now, "pipeline_version": version} for a in arrivals]
    written["document_sources"] = store.insert_new("document_sources", sources)
    q = [{**item, "quarantine_id": _hash(item["input_path"], item.get("locator") or "", item["reason"]),
          "seen_at": now, "pipeline_version": version} for item in quarantined]
    written["quarantine"] = store.insert_new("quarantine", q)
    written["documents"] = store.replace_documents("documents", rows.get("documents", []), doc_ids, old_months)
    return written


@task(name="rebuild-event-clusters", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def rebuild_event_clusters(root: str) -> int:
    store = ParquetStore(Path(root))
    events = store.read("events", ["event_id", "doc_id", "event_type", "source_actors", "target_actors",
                                   "geonames_id", "date_start", "date_end", "granularity"]).to_pylist()
    return store.replace_table("event_clusters", clusters.cluster_events(events, pipeline_version()))


@task(name="run-checks", cache_policy=NO_CACHE)
def run_checks(root: str) -> list[warehouse.CheckResult]:
    return warehouse.run_checks(Path(root))


@task(name="record-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def record_run(root: str, run: dict) -> None:
    ParquetStore(Path(root)).insert_new("runs", [run])


@task(name="publish-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish_duckdb(root: str) -> str:
    return str(warehouse.publish(Path(root)))


@contextlib.contextmanager
def _worker_pool():
    """The run's worker processes (started lazily, or warm from the CLI) end with the run."""
    try:
        yield
    finally:
        pipeline.stop_workers()


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@flow(name="dateline", log_prints=False)
def dateline_flow(inputs: list[str], warehouse_dir: str, assume_published: dt.date | None = None,
                  workers: int | None = None, files_per_batch: int = 500,
                  lock_timeout: float = 600.0, max_bytes: int = 20 * 1024 * 1024,
                  show_progress: bool = False) -> dict:
    """Ingest ``inputs`` and bring the warehouse at ``warehouse_dir`` up to date."""
    logger = get_run_logger()
    root = str(Path(warehouse_dir).resolve())
    started = dt.datetime.now(dt.UTC)
    options = ingest.IngestOptions(assume_published=assume_published, max_bytes=max_bytes)
    totals = {"items_seen": 0, "new": 0, "changed": 0, "unchanged": 0, "repeated_in_run": 0, "quarantined": 0}
    written_total: dict[str, int] = {}
    reasons: dict[str, int] = {}
    with warehouse_lock(Path(root), timeout=lock_timeout), _worker_pool():
        ParquetStore(Path(root)).cleanup_temp()
        files = discover_inputs(inputs)
        index = read_document_index(root)
        seen: set[str] = set()
        batches = _batches(files, files_per_batch)
        progress = _progress(show_progress, len(files))
        # the next batch is read (parent process) while the workers process this one
        pending = ingest_files.submit(batches[0], options) if batches[0] else None
        for i, batch in enumerate(batches, 1):
            docs, bad = pending.result() if pending is not None else ([], [])
            pending = ingest_files.submit(batches[i], options) if i < len(batches) else None
            todo, arrivals, stats = pipeline.plan(docs, index, seen)
            now = dt.datetime.now(dt.UTC)
            # quote(): Prefect must not walk thousands of row dicts looking for futures
            rows = process_documents(quote(todo), workers, now) if todo else {}
            written = write_tables(root, quote(rows), quote(todo), quote(arrivals), quote(bad), now)
            for d in rows.get("documents", []):
                index[d["doc_id"]] = {"content_hash": d["content_hash"], "pipeline_version": d["pipeline_version"],
                                      "month": d["month"], "input_path": d["input_path"], "locator": d.get("locator")}
            totals["items_seen"] += len(docs) + len(bad)
            totals["quarantined"] += len(bad)
            for k in ("new", "changed", "unchanged", "repeated_in_run"):
                totals[k] += stats[k]
            for item in bad:
                reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
            for k, v in written.items():
                written_total[k] = written_total.get(k, 0) + v
            logger.info("batch %d/%d: %d files, %d new, %d changed, %d unchanged, %d quarantined",
                        i, len(batches), len(batch), stats["new"], stats["changed"], stats["unchanged"], len(bad))
            progress(len(batch))
        if any(written_total.get(t) for t in ("events", "documents")) or not ParquetStore(Path(root)).files(
                "event_clusters"):
            written_total["event_clusters"] = rebuild_event_clusters(root)
        results = run_checks(root)
        failed = [r for r in results if not r.passed]
        record_run(root, {
            "run_id": uuid.uuid4().hex, "started_at": started, "finished_at": dt.datetime.now(dt.UTC),
            "inputs": ";".join(inputs), "items_seen": totals["items_seen"], "documents_new": totals["new"],
            "documents_changed": totals["changed"], "documents_unchanged": totals["unchanged"],
            "quarantined": totals["quarantined"], "rows_written": json.dumps(written_total, sort_keys=True),
            "checks_passed": len(results) - len(failed), "checks_failed": len(failed),
            "status": "failed" if failed else "completed", "pipeline_version": pipeline_version(),
        })
        db = publish_duckdb(root)
    if failed:
        raise ChecksFailed(warehouse.format_failures(failed))
    return {"warehouse": root, "duckdb": db, "files": len(files), **totals,
            "written": written_total, "quarantine_reasons": reasons,
            "checks_passed": len(results), "checks_failed": 0}


def _progress(enabled: bool, total: int):
    """A rich progress bar on long runs (a no-op callback otherwise)."""
    if not enabled or total < 50:
        return lambda n: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    bar.start()
    tid = bar.add_task("documents", total=total)
    done = {"n": 0}

    def advance(n: int) -> None:
        done["n"] += n
        bar.update(tid, advance=n)
        if done["n"] >= total:
            bar.stop()

    return advance
