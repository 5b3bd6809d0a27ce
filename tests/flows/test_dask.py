"""The flow on Dask gives the same tables as on one machine: a local cluster, a worker killed
mid-batch, and an external scheduler and workers started as separate processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.pipeline.scale import DOC_TABLES, document_ids, snapshot, write_inputs

pytestmark = pytest.mark.slow

REPORTS_PER_FILE = 30
FILES = 4  # 120 reports: several tasks per batch on two workers


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("scale") / "in", FILES, REPORTS_PER_FILE)


@pytest.fixture(scope="module")
def single(prefect_harness, inputs, tmp_path_factory) -> Path:
    """The warehouse of a single-machine, in-process run over the same inputs."""
    from flows.pipeline import dateline_flow

    wh = tmp_path_factory.mktemp("single") / "wh"
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=1)
    assert summary["new"] == FILES * REPORTS_PER_FILE
    return wh


@pytest.fixture(scope="module")
def reference(single) -> dict[str, list[tuple]]:
    tables = snapshot(single)
    assert len(tables["events"]) > 100 and len(tables["time_expressions"]) > 100
    assert len(tables["quarantine"]) == 2 and tables["event_clusters"]
    return tables


def test_local_cluster_run_gives_the_same_tables(prefect_harness, inputs, reference, tmp_path):
    from flows.pipeline import dateline_flow

    wh = tmp_path / "wh"
    summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), workers=2, files_per_batch=2,
                            cluster="local")
    assert summary["new"] == FILES * REPORTS_PER_FILE and summary["checks_failed"] == 0
    assert snapshot(wh) == reference


class _Killer(threading.Thread):
    """Kills (SIGKILL) the worker process that runs the first batch task it sees."""

    def __init__(self, client) -> None:
        super().__init__(daemon=True)
        self.client, self.killed, self.done = client, None, threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + 240
        while not self.done.is_set() and time.monotonic() < deadline:
            busy = [w for w, keys in self.client.processing().items()
                    if any(str(k).startswith("process-batch") for k in keys)]
            if busy:
                pid = self.client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                self.killed = pid
                return
            time.sleep(0.01)


def test_worker_killed_mid_batch_is_retried_elsewhere(prefect_harness, inputs, reference, tmp_path):
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import SchedulerPlugin

    from flows.pipeline import dateline_flow

    class Transitions(SchedulerPlugin):
        name = "test-transitions"

        def __init__(self) -> None:
            self.log: list[tuple[str, str, str]] = []

        def transition(self, key, start, finish, *args, **kwargs) -> None:
            if str(key).startswith("process-batch"):
                self.log.append((str(key), start, finish))

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        plugin = Transitions()
        cluster.scheduler.add_plugin(plugin)
        killer = _Killer(client)
        killer.start()
        wh = tmp_path / "wh"
        summary = dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh), cluster=cluster.scheduler_address)
        killer.done.set()
        killer.join()
        assert killer.killed, "no batch task was seen running"
        assert summary["new"] == FILES * REPORTS_PER_FILE
        # the killed worker's task went back to the scheduler and was computed again
        requeued = {k for k, start, finish in plugin.log if start == "processing" and finish != "memory"}
        computed = {k for k, start, finish in plugin.log if start == "processing" and finish == "memory"}
        assert requeued and requeued <= computed
    assert snapshot(wh) == reference


# ------------------------------------------------------- external scheduler and workers

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, n: int, timeout: float = 120) -> None:
    from distributed import Client

    with Client(address, timeout=timeout) as client:
        client.wait_for_workers(n, timeout=timeout)


@pytest.fixture
def external_cluster(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, stopped by pid."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_LOGGING__DISTRIBUTED="warning")
    log = open(tmp_path / "cluster.log", "w")
    procs = {"scheduler": subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1",
                                            "--port", str(port), "--no-dashboard"],
                                           env=env, stdout=log, stderr=log)}
    for i in range(2):
        procs[f"worker{i}"] = subprocess.Popen(
            [sys.executable, "-m", "dask", "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
             "--no-dashboard", "--local-directory", str(tmp_path / f"worker{i}")], env=env, stdout=log, stderr=log)
    try:
        _wait_for_workers(address, 2)
        yield address, procs
    finally:
        for p in procs.values():
            if p.poll() is None:
                os.kill(p.pid, signal.SIGTERM)
        for p in procs.values():
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
        log.close()


def _committed(wh: Path) -> bool:
    """Some documents are committed (the manifest names them)."""
    if not (wh / "parquet" / "_current.json").exists():
        return False
    try:
        return bool(document_ids(wh))
    except Exception:  # the manifest being replaced at this instant
        return False


def _cli(*args, env, timeout=300):
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_external_scheduler_same_tables_then_scheduler_gone(prefect_harness, inputs, single, reference, tmp_path,
                                                            external_cluster):
    from prefect.settings import PREFECT_API_URL

    from flows.pipeline import dateline_flow

    address, procs = external_cluster
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    wh = tmp_path / "wh"
    done = _cli("run", "--input", str(inputs), "--warehouse", str(wh), "--cluster", address, env=env)
    assert done.returncode == 0, done.stderr
    assert snapshot(wh) == reference
    assert all(p.poll() is None for p in procs.values())  # the run leaves an external cluster running

    # the scheduler goes away after the first of four batches is committed
    wh2 = tmp_path / "wh2"
    run = subprocess.Popen([sys.executable, "-m", "dateline.cli", "run", "--input", str(inputs), "--warehouse",
                            str(wh2), "--cluster", address, "--files-per-batch", "1"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while run.poll() is None and time.monotonic() < deadline and not _committed(wh2):
        time.sleep(0.05)
    os.kill(procs["scheduler"].pid, signal.SIGKILL)
    _, err = run.communicate(timeout=240)
    assert run.returncode == 2
    assert err.startswith("dateline: lost the Dask scheduler at") and len(err.strip().splitlines()) == 1, err
    # what was committed is whole: the documents of the first batches with all their rows, nothing else
    committed = document_ids(wh2)
    assert 0 < len(committed) < FILES * REPORTS_PER_FILE
    assert snapshot(wh2, DOC_TABLES) == snapshot(single, DOC_TABLES, committed)
    # a run on one machine completes the warehouse
    dateline_flow(inputs=[str(inputs)], warehouse_dir=str(wh2), workers=1)
    assert snapshot(wh2) == reference
