"""Processing of a batch of ingested documents into table rows (pure Python, no Prefect).

``process_batch`` runs: sentences + repeats → time expressions → events, and returns the
rows of every document-keyed table. ``process_parallel`` spreads chunks of a batch over
worker processes (each loads the spaCy pipeline once) so both cores are used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from transforms import temporal
from transforms.settings import pipeline_version
from transforms.text import split_sentences

DOC_TABLES = ("sentences", "time_expressions", "events", "documents")

_EXTRACTOR = None


def _extractor():
    """One event extractor (spaCy pipeline) per process, loaded on first use."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from transforms.events import EventExtractor

        _EXTRACTOR = EventExtractor()
    return _EXTRACTOR


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _hash(*parts) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]


def process_batch(docs: list[dict], now: dt.datetime | None = None) -> dict[str, list[dict]]:
    """Rows for ``sentences``, ``time_expressions``, ``events`` and ``documents`` of ``docs``."""
    now = now or dt.datetime.now(dt.UTC)
    version = pipeline_version()
    out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
    prepared = []
    for doc in docs:
        published_at = doc["published_at"]
        published_date = published_at.date()
        month = month_of(published_date)
        text = doc["text"]
        sentences = split_sentences(text)
        timexes = temporal.tag(text, published_date, sentences)
        prepared.append({"doc_id": doc["doc_id"], "text": text, "published_date": published_date,
                         "sentences": sentences, "timexes": timexes})
        for s in sentences:
            out["sentences"].append({
                "doc_id": doc["doc_id"], "sentence_index": s["index"], "start_char": s["start"],
                "end_char": s["end"], "text": s["text"], "duplicate_of": s["duplicate_of"],
                "pipeline_version": version, "month": month,
            })
        for t in timexes:
            out["time_expressions"].append({
                **{k: t.get(k) for k in ("sentence_index", "text", "timex_type", "value", "mod",
                                         "granularity", "date_start", "date_end", "anchor", "rule")},
                "timex_id": _hash(doc["doc_id"], t["start"], t["end"]),
                "doc_id": doc["doc_id"], "start_char": t["start"], "end_char": t["end"],
                "pipeline_version": version, "month": month,
            })
        out["documents"].append({
            **{k: doc.get(k) for k in ("doc_id", "input_path", "locator", "source", "url", "title",
                                       "language", "published_at", "published_source", "text",
                                       "content_hash")},
            "source": doc.get("source") or "unknown",
            "published_date": published_date,
            "n_sentences": len(sentences),
            "n_repeated_sentences": sum(1 for s in sentences if s["duplicate_of"] is not None),
            "ingested_at": now, "pipeline_version": version, "month": month,
        })
    for doc, events in zip(prepared, _extractor().extract_batch(prepared), strict=True):
        month = month_of(doc["published_date"])
        for e in events:
            out["events"].append({**e, "published_date": doc["published_date"],
                                  "pipeline_version": version, "month": month})
    return out


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


_POOL: ProcessPoolExecutor | None = None
_POOL_WORKERS = 0


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """A worker outlives a parent killed with SIGKILL (no cleanup runs); stop then."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


def _warm_worker(parent: int) -> None:
    """Worker initializer: watch the parent, load the spaCy pipeline and the temporal rules."""
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    _extractor().nlp  # noqa: B018 - loads the model
    temporal.lexicon()


def start_workers(workers: int | None = None) -> int:
    """Start the worker processes now and let them load their models in the background.

    The CLI calls this before the flow, so the workers warm up while Prefect's temporary API
    server starts; the pool then serves every batch of the run (``stop_workers`` ends it).
    Returns the number of workers (1 = in-process, no pool).
    """
    global _POOL, _POOL_WORKERS
    workers = workers or default_workers()
    if workers <= 1:
        return 1
    if _POOL is None or _POOL_WORKERS != workers:
        stop_workers()
        # one BLAS/OpenMP thread per worker: the workers already fill the cores, and every
        # extra math thread costs memory (spawned children inherit this environment)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        # spawn, not fork: the parent runs Prefect's threads, which must not be forked.
        _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                    initializer=_warm_worker, initargs=(os.getpid(),))
        _POOL_WORKERS = workers
        for _ in range(workers):
            _POOL.submit(os.getpid)  # each submit starts one worker; no need to wait
    return workers


def stop_workers() -> None:
    global _POOL, _POOL_WORKERS
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
    _POOL, _POOL_WORKERS = None, 0


def process_parallel(docs: list[dict], workers: int | None = None, min_docs_per_worker: int = 40,
                     now: dt.datetime | None = None) -> dict[str, list[dict]]:
    """``process_batch`` over ``workers`` processes.

    Small batches run in-process unless a warm pool is already running (``start_workers``):
    then every batch goes to the pool and the parent never loads spaCy itself.
    """
    workers = workers or default_workers()
    warm = _POOL is not None and _POOL_WORKERS == workers
    if workers <= 1 or (not warm and len(docs) < 2 * min_docs_per_worker):
        return process_batch(docs, now)
    now = now or dt.datetime.now(dt.UTC)
    pool = _POOL if warm else None
    if pool is None:
        start_workers(workers)
        pool = _POOL
    parts = _chunks(docs, workers * 4)  # several chunks per worker: memory stays flat, load balances
    out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
    for rows in pool.map(process_batch, parts, [now] * len(parts)):
        for name, r in rows.items():
            out[name].extend(r)
    return out


def plan(docs: list[dict], index: dict[str, dict], seen: set[str]) -> tuple[list[dict], list[dict], dict]:
    """Decide which ingested documents need processing.

    ``index`` is the stored documents (doc_id -> content_hash, pipeline_version, month, input_path,
    locator); ``seen`` holds doc_ids already handled in this run and is updated. Returns the
    documents to (re)process (with ``_old_month`` set when rows exist), every arrival (for
    ``document_sources``), and counts.
    """
    version = pipeline_version()
    todo, arrivals = [], []
    stats = {"new": 0, "changed": 0, "unchanged": 0, "repeated_in_run": 0}
    for doc in docs:
        month = month_of(doc["published_at"].date())
        arrivals.append({"doc_id": doc["doc_id"], "input_path": doc["input_path"], "locator": doc.get("locator"),
                         "url": doc.get("url"), "month": month})
        if doc["doc_id"] in seen:
            stats["repeated_in_run"] += 1
            continue
        seen.add(doc["doc_id"])
        old = index.get(doc["doc_id"])
        if old is None:
            stats["new"] += 1
            todo.append(doc)
            continue
        same_origin = (old["input_path"], old.get("locator") or "") == (doc["input_path"], doc.get("locator") or "")
        if old["pipeline_version"] != version or (same_origin and old["content_hash"] != doc["content_hash"]):
            stats["changed"] += 1
            todo.append({**doc, "_old_month": old.get("month")})
        else:
            stats["unchanged"] += 1
    for a in arrivals:
        # the partition of an arrival is the month of the document as stored/processed
        old = index.get(a["doc_id"])
        if old is not None and not any(d["doc_id"] == a["doc_id"] for d in todo):
            a["month"] = old.get("month") or a["month"]
    return todo, arrivals, stats
