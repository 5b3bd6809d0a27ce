"""Batches in flight: the next batches start before the current one is taken, results keep
their order, and a backend computes concurrent batches in the order they were submitted."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.core.records import Document
from transforms.pipeline import dask_backend, workers
from transforms.pipeline.ahead import ahead
from transforms.settings import pipeline_version


@given(st.lists(st.integers(), max_size=30), st.integers(min_value=1, max_value=5))
def test_every_item_comes_back_once_in_order_with_at_most_depth_started(items, depth):
    log: list[tuple[str, int]] = []

    def drawn():
        for k, x in enumerate(items):
            log.append(("draw", k))
            yield x

    def start(x):
        log.append(("start", len([e for e in log if e[0] == "start"])))
        return ("started", x)

    out = []
    for x, handle in ahead(drawn(), start, depth):
        assert handle == ("started", x)
        taken = len(out)
        started = len([e for e in log if e[0] == "start"])
        # the item taken and up to depth - 1 after it are started; nothing beyond the window
        assert started - taken == min(depth, len(items) - taken)
        out.append(x)
    assert out == items


def test_depth_one_is_one_batch_at_a_time():
    started: list[int] = []
    for x, _ in ahead(range(4), started.append, depth=1):
        assert started[-1] == x  # nothing started ahead of the one taken


def test_depth_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        list(ahead([1], lambda x: x, depth=0))


def _docs(n: int, prefix: str) -> list[Document]:
    base = Document(doc_id="x", input_path="in.txt", text="x", published_source="metadata", content_hash="h",
                    published_at=dt.datetime(2025, 5, 30, tzinfo=dt.UTC))
    return [dataclasses.replace(base, doc_id=f"{prefix}{i}", text="word " * (100 + 40 * i)) for i in range(n)]


def test_the_process_pool_computes_batches_of_several_threads_one_after_the_other(monkeypatch):
    active = {"now": 0, "most": 0}
    guard = threading.Lock()

    def slow_batch(docs, now):
        with guard:
            active["now"] += 1
            active["most"] = max(active["most"], active["now"])
        time.sleep(0.05)
        with guard:
            active["now"] -= 1
        return {"documents": [{"doc_id": d.doc_id} for d in docs]}

    monkeypatch.setattr(workers, "process_batch", slow_batch)
    pool = workers.WorkerPool()
    results: list[dict] = []
    threads = [threading.Thread(target=lambda k=k: results.append(pool.process(_docs(3, f"b{k}-"), workers=1)))
               for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert active["most"] == 1 and len(results) == 4


class _RecordingClient:
    """Stands in for a Dask client: records what is submitted; 'computes' a task as the rows of
    its documents."""

    def __init__(self) -> None:
        self.submitted: list[tuple[str, int, list[str]]] = []

    def nthreads(self):
        return {"w1": 1, "w2": 1}

    def submit(self, fn, docs, now, key, priority):
        self.submitted.append((key, priority, [d.doc_id for d in docs]))
        return [d.doc_id for d in docs]

    def gather(self, futures):
        return [{"documents": [{"doc_id": i, "pipeline_version": pipeline_version()} for i in ids],
                 "sentences": [], "time_expressions": [], "events": []} for ids in futures]


def test_every_task_of_an_earlier_batch_comes_before_any_task_of_a_later_one():
    pool = dask_backend.DaskPool("tcp://127.0.0.1:8786")
    client = _RecordingClient()
    pool._client = client  # connected: process() submits to it
    first, second = _docs(120, "a"), _docs(120, "b")
    rows_first = pool.process(first)
    rows_second = pool.process(second)
    assert [r["doc_id"] for r in rows_first["documents"]] == [d.doc_id for d in first]
    assert [r["doc_id"] for r in rows_second["documents"]] == [d.doc_id for d in second]
    of = {"a": [p for _, p, ids in client.submitted if ids[0].startswith("a")],
          "b": [p for _, p, ids in client.submitted if ids[0].startswith("b")]}
    assert len(of["a"]) > 2 and len(of["b"]) > 2
    assert min(of["a"]) > max(of["b"])  # Dask runs higher priorities first
    assert of["a"] == sorted(of["a"], reverse=True)  # within a batch: the costliest task first
