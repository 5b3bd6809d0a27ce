"""The main Prefect flow: inputs → documents, time expressions, events → Parquet → DuckDB.

Thin wiring only: every task takes a batch (of files or documents) and calls one function of
``transforms``; retries are set on I/O tasks only (never on a full disk). The flow body reads as
prepare (clean up, check, repair) → discover → (ingest → plan → process → commit) per batch →
compact → clusters → checks → record → publish. Each commit is atomic (the manifest is replaced
last) and republishes ``dateline.duckdb``, so readers see whole batches only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed
from prefect.utilities.annotations import quote

from flows.summary import report_run
from transforms import ingest
from transforms.core.records import Document, Quarantine
from transforms.pipeline import plan as planning
from transforms.pipeline import repair
from transforms.pipeline.ahead import ahead
from transforms.pipeline.backends import backend
from transforms.pipeline.rows import quarantine_rows, source_rows
from transforms.pipeline.summary import RunTotals
from transforms.settings import DEFAULTS, pipeline_version
from transforms.warehouse import checks, clusters, publish
from transforms.warehouse.files import DiskFull
from transforms.warehouse.lock import warehouse_lock
from transforms.warehouse.store import Batch, ParquetStore

TABLE_ORDER = ("sentences", "time_expressions", "events")  # then document_sources, quarantine, documents


class ChecksFailed(RuntimeError):
    """Data checks failed after a run; the message names table, check and example rows."""


def _retry_io(task: object, task_run: object, state: object) -> bool:
    """I/O tasks retry, except on a full disk: a retry would fail the same way."""
    return not isinstance(getattr(state, "data", None), DiskFull)


@contextlib.contextmanager
def _commit(root: str) -> Iterator[Batch]:
    """One atomic batch of writes; ``dateline.duckdb`` is republished for the new snapshot."""
    with ParquetStore(Path(root)).batch(after_commit=lambda m: publish.publish(Path(root), m)) as b:
        yield b


@task(name="prepare-warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(root: str, workers: int | None, cluster: str | None = None) -> list[str]:
    """Remove what an interrupted run left, check every committed file, rebuild damaged ones."""
    store = ParquetStore(Path(root))
    store.cleanup()
    publish.cleanup_temp(Path(root))
    now = dt.datetime.now(dt.UTC)
    report = repair.repair(store, lambda docs: backend(cluster).process(docs, workers=workers, now=now),
                           after_commit=lambda m: publish.publish(Path(root), m))
    report.lost = []  # said once, at the end of the run (the run may read those inputs again)
    return report.lines()


@task(name="discover-inputs", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover_inputs(inputs: list[str]) -> ingest.Discovery:
    return ingest.discover([Path(p) for p in inputs])


@task(name="read-document-index", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_document_index(root: str) -> dict[str, dict]:
    return ParquetStore(Path(root)).document_index()


@task(name="ingest-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest_files(files: list[str], options: ingest.IngestOptions) -> tuple[list[Document], list[Quarantine]]:
    docs: list[Document] = []
    bad: list[Quarantine] = []
    for f in files:
        for item in ingest.read_file(Path(f), options):
            if isinstance(item, Document):
                docs.append(item)
            else:
                bad.append(item)
    return docs, bad


@task(name="process-documents", cache_policy=NO_CACHE)
def process_documents(docs: list[Document], workers: int | None, now: dt.datetime,
                      cluster: str | None = None) -> dict[str, list[dict]]:
    """Rows of a batch, computed by the run's backend: the process pool or a Dask cluster."""
    return backend(cluster).process(docs, workers=workers, now=now)


@task(name="write-tables", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_retry_io)
def write_tables(root: str, rows: dict[str, list[dict]], plan: planning.Plan, quarantined: list[Quarantine],
                 now: dt.datetime) -> dict[str, int]:
    """Write and commit one batch: every table of it becomes visible at once, or none does."""
    version = pipeline_version()
    old_months = set(plan.old_months.values())
    with _commit(root) as b:
        written = {name: b.replace_documents(name, rows.get(name, []), plan.doc_ids, old_months)
                   for name in TABLE_ORDER}
        written["document_sources"] = b.insert_new("document_sources", source_rows(plan.arrivals, now, version))
        written["quarantine"] = b.insert_new("quarantine", quarantine_rows(quarantined, now, version))
        written["documents"] = b.replace_documents("documents", rows.get("documents", []), plan.doc_ids,
                                                   old_months)
    return written


@task(name="rebuild-event-clusters", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1,
      retry_condition_fn=_retry_io)
def rebuild_event_clusters(root: str) -> int:
    with _commit(root) as b:
        return clusters.rebuild_clusters(b)


@task(name="compact-tables", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_retry_io)
def compact_tables(root: str) -> int:
    with _commit(root) as b:
        return b.compact()


@task(name="run-checks", cache_policy=NO_CACHE)
def run_checks(root: str) -> list[checks.CheckResult]:
    return checks.run_checks(Path(root))


@task(name="record-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_retry_io)
def record_run(root: str, run: dict) -> None:
    with _commit(root) as b:
        b.insert_new("runs", [run])


@task(name="publish-duckdb", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_retry_io)
def publish_duckdb(root: str) -> str:
    return str(publish.publish(Path(root)))


@contextlib.contextmanager
def _worker_pool(cluster: str | None) -> Iterator[None]:
    """The run's workers (started lazily, or warm from the CLI) end with the run; so does a
    local Dask cluster (an external one keeps running)."""
    try:
        yield
    finally:
        backend(cluster).stop()


def _named(t: Any, i: int, n: int) -> Any:
    """The task with a task-run name that says which batch it works on (shown in the Prefect UI)."""
    return t.with_options(task_run_name=f"{t.name} [batch {i}/{n}]")


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass
class _Planned:
    """One batch, read and planned, waiting for its rows."""

    number: int
    files: int
    read: int  # documents read from the files
    bad: list[Quarantine]
    plan: planning.Plan
    now: dt.datetime


def _planned(root: str, found: ingest.Discovery, options: ingest.IngestOptions,
             files_per_batch: int) -> Iterator[_Planned]:
    """Every batch read and planned, in order; the next batch's files are read meanwhile. Paths
    rejected while walking the inputs are quarantined with the first batch."""
    index = read_document_index(root)
    seen: set[str] = set()  # planning needs no rows of earlier batches: their doc_ids are here
    batches = _batches([str(p) for p in found.files], files_per_batch)
    n = len(batches)
    pending = _named(ingest_files, 1, n).submit(batches[0], options) if batches[0] else None
    for i, batch in enumerate(batches, 1):
        docs, bad = pending.result() if pending is not None else ([], [])
        bad = [*found.rejected, *bad] if i == 1 else bad
        pending = _named(ingest_files, i + 1, n).submit(batches[i], options) if i < n else None
        yield _Planned(i, len(batch), len(docs), bad, planning.plan(docs, index, seen), dt.datetime.now(dt.UTC))


def _process_batches(root: str, found: ingest.Discovery, options: ingest.IngestOptions, workers: int | None,
                     files_per_batch: int, progress: Callable[[int], None], cluster: str | None) -> RunTotals:
    """Ingest, plan, process and write every batch, in order. Two batches compute ahead of the
    write (:mod:`transforms.pipeline.ahead`): while one is written the next computes, and the
    workers go on with the one after it when the next ends."""
    logger = get_run_logger()
    totals = RunTotals(paths=found.counts)
    n = len(_batches(found.files, files_per_batch))

    def start(b: _Planned) -> Any:
        # quote(): Prefect must not walk thousands of documents or row dicts looking for futures
        return (_named(process_documents, b.number, n).submit(quote(b.plan.todo), workers, b.now, cluster)
                if b.plan.todo else None)

    for b, computing in ahead(_planned(root, found, options, files_per_batch), start):
        rows = computing.result() if computing is not None else {}
        written = _named(write_tables, b.number, n)(root, quote(rows), quote(b.plan), quote(b.bad), b.now)
        totals.add_batch(b.plan, b.read, b.bad, written)
        logger.info("batch %d/%d: %d files, %d new, %d changed, %d unchanged, %d quarantined", b.number, n,
                    b.files, b.plan.stats["new"], b.plan.stats["changed"], b.plan.stats["unchanged"], len(b.bad))
        progress(b.files)
    return totals


@flow(name="dateline", log_prints=False)
def dateline_flow(inputs: list[str], warehouse_dir: str, assume_published: dt.date | None = None,
                  workers: int | None = DEFAULTS.workers, files_per_batch: int = DEFAULTS.files_per_batch,
                  lock_timeout: float = DEFAULTS.lock_timeout, max_bytes: int = DEFAULTS.max_bytes,
                  show_progress: bool = False, cluster: str | None = None) -> dict:
    """Ingest ``inputs`` and bring the warehouse at ``warehouse_dir`` up to date.

    ``cluster`` computes the batches on Dask (``local`` or ``tcp://HOST:PORT``) instead of the
    process pool; either way this process alone writes the warehouse.
    """
    root = str(Path(warehouse_dir).resolve())
    options = ingest.IngestOptions(assume_published=assume_published, max_bytes=max_bytes)
    with warehouse_lock(Path(root), timeout=lock_timeout), _worker_pool(cluster):
        repairs = prepare_warehouse(root, workers, cluster)
        found = discover_inputs(inputs)
        totals = _process_batches(root, found, options, workers, files_per_batch,
                                  _progress(show_progress, len(found.files)), cluster)
        compact_tables(root)
        if totals.written["events"] or totals.written["documents"] or not ParquetStore(Path(root)).files(
                "event_clusters"):
            totals.written["event_clusters"] = rebuild_event_clusters(root)
        results = run_checks(root)
        failed = [r for r in results if not r.passed]
        run = totals.run_row(inputs, len(results) - len(failed), len(failed), pipeline_version())
        record_run(root, run)
        db = publish_duckdb(root)
    awaiting = repair.awaiting_line(ParquetStore(Path(root)).snapshot().awaiting_inputs)
    repairs += [awaiting] if awaiting else []
    report_run(run, dict(totals.reasons), results)
    if failed:  # a Failed state, not an exception: Prefect marks the run failed and logs no traceback;
        # called directly, the flow raises the state's ChecksFailed
        return Failed(message="data checks failed: " + ", ".join(f"{r.table}.{r.name}" for r in failed),  # type: ignore[return-value]
                      data=ChecksFailed(checks.format_failures(failed)))
    return {"warehouse": root, "duckdb": db, "files": len(found.files), **totals.summary(),
            "checks_passed": len(results), "checks_failed": 0, "repairs": repairs}


def _progress(enabled: bool, total: int) -> Callable[[int], None]:
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
