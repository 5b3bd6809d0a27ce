"""The Dask backend's own rules: how a batch is cut into tasks, which clusters it accepts, and the
one-line error of a scheduler that is not there."""

from __future__ import annotations

import socket

import pytest

from transforms.pipeline import dask_backend
from transforms.pipeline.backends import ClusterError, backend, is_cluster_address
from transforms.pipeline.workers import WorkerPool


def test_a_batch_is_cut_into_tasks_of_falling_cost_and_its_rows_come_back_in_order():
    import dataclasses
    import datetime as dt

    from transforms.core.records import Document

    base = Document(doc_id="d0", input_path="in.txt", text="x", published_source="metadata", content_hash="h",
                    published_at=dt.datetime(2025, 5, 30, tzinfo=dt.UTC))
    docs = [dataclasses.replace(base, doc_id=f"d{i}", text="word " * (50 + (i * 37) % 900)) for i in range(300)]
    tasks = dask_backend.task_indices(docs, threads=2)
    assert sorted(i for t in tasks for i in t) == list(range(300))
    cost = [sum(dask_backend.doc_cost(docs[i]) for i in t) for t in tasks]
    assert cost[0] > 4 * cost[-1] and len(tasks) > 4  # long documents first, short tasks at the end
    assert max(len(docs[i].text) for i in tasks[-1]) <= min(len(docs[i].text) for i in tasks[0])
    # a few short documents are one task: not worth cutting
    assert len(dask_backend.task_indices(docs[:3], threads=4)) == 1
    # rows of the tasks, whatever order they ran in, come back in the batch's document order
    results = [{"documents": [{"doc_id": docs[i].doc_id} for i in t], "events": [{"doc_id": docs[i].doc_id, "k": k}
                for i in t for k in range(2)], "sentences": [], "time_expressions": []} for t in reversed(tasks)]
    merged = dask_backend.in_batch_order(results, docs)
    assert [r["doc_id"] for r in merged["documents"]] == [d.doc_id for d in docs]
    assert [(r["doc_id"], r["k"]) for r in merged["events"]] == [(d.doc_id, k) for d in docs for k in range(2)]


@pytest.mark.parametrize("value, ok", [("local", True), ("tcp://127.0.0.1:8786", True),
                                       ("tls://scheduler.example:8786", True), ("tcp://host", False),
                                       ("127.0.0.1:8786", False), ("", False), ("cluster", False)])
def test_cluster_addresses(value, ok):
    assert is_cluster_address(value) is ok


def test_backend_is_the_process_pool_unless_a_cluster_is_named():
    assert isinstance(backend(None), WorkerPool)
    assert isinstance(backend("tcp://127.0.0.1:8786"), dask_backend.DaskPool)
    with pytest.raises(ClusterError, match="tcp://HOST:8786"):
        dask_backend.DaskPool("127.0.0.1:8786")


def test_no_scheduler_there_is_one_clear_error(monkeypatch):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", 2.0)
    pool = dask_backend.DaskPool(f"tcp://127.0.0.1:{port}")
    with pytest.raises(ClusterError) as err:
        pool.start()
    message = str(err.value)
    assert message.startswith(f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}") and "\n" not in message
    assert not pool.warm


@pytest.mark.slow
def test_a_scheduler_without_workers_is_one_clear_error(monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", 2.0)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        with pytest.raises(ClusterError, match="has no workers") as err:
            dask_backend.DaskPool(cluster.scheduler_address).start()
    assert "\n" not in str(err.value)


@pytest.mark.slow
def test_workers_of_another_pipeline_version_are_refused(monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setenv("DATELINE_PIPELINE_VERSION", "another-version")  # what the spawned worker inherits
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        monkeypatch.delenv("DATELINE_PIPELINE_VERSION")
        pool = dask_backend.DaskPool(cluster.scheduler_address)
        with pytest.raises(ClusterError, match="computes pipeline version another-version") as err:
            pool.start()
        assert not pool.warm and "\n" not in str(err.value)
