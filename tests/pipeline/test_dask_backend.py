"""The Dask backend's own rules: how a batch is cut into tasks, which clusters it accepts, and the
one-line error of a scheduler that is not there."""

from __future__ import annotations

import socket
import time

import pytest

from transforms.pipeline import dask_backend
from transforms.pipeline.backends import ClusterError, backend, is_cluster_address
from transforms.pipeline.workers import WorkerPool


def test_a_batch_is_cut_into_a_few_tasks_per_thread_in_order():
    docs = list(range(1000))
    parts = dask_backend.chunks(docs, threads=2)
    assert [d for p in parts for d in p] == docs
    assert len(parts) == 2 * dask_backend.CHUNKS_PER_THREAD
    # small batches are not cut into tasks of a handful of documents
    small = dask_backend.chunks(list(range(50)), threads=16)
    assert len(small) == 2 and all(len(p) >= dask_backend.MIN_DOCS_PER_TASK for p in small)
    assert dask_backend.chunks(list(range(3)), threads=4) == [[0, 1, 2]]


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
    start = time.monotonic()
    with pytest.raises(ClusterError) as err:
        pool.start()
    assert time.monotonic() - start < 30
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
