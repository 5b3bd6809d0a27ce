"""The Dask backend: the same batches as the process pool, on a ``dask.distributed`` cluster.

:class:`DaskPool` has the seam of :class:`~transforms.pipeline.workers.WorkerPool`
(``start``, ``process(docs, workers, now)``, ``stop``) over a cluster named by ``cluster``:

* ``local`` — a ``LocalCluster`` of worker processes (one thread each) sized to the machine;
* ``tcp://HOST:PORT`` — a running scheduler (``dask scheduler``) and its workers.

A batch is cut into tasks of falling cost, the longest documents first
(:mod:`~transforms.pipeline.chunking`), one Dask task per chunk, each calling
:func:`~transforms.pipeline.process.process_batch`: never one task per document; the workers
finish a batch within a short task of each other. The rows come back in the batch's document order. A worker plugin
loads the spaCy pipeline and the temporal rules once per worker process, when the worker joins
(a worker the nanny restarts loads them again). Workers only compute rows: the caller, the
flow's driver, is the warehouse's one writer. When a worker dies mid-task the scheduler runs
the task again on another worker; a lost or unreachable scheduler raises :class:`ClusterError`
with a one-line message, before anything of the batch is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import importlib.util
import itertools
import logging
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import CancelledError
from typing import Any

from distributed import Client, KilledWorker, LocalCluster
from distributed.comm.core import CommClosedError
from distributed.diagnostics.plugin import WorkerPlugin

from transforms.core.records import Document
from transforms.pipeline.backends import ClusterError, is_cluster_address
from transforms.pipeline.chunking import guided_chunks
from transforms.pipeline.process import DOC_TABLES, process_batch, warm_up
from transforms.settings import pipeline_version

DOC_COST = 600  # the fixed cost of a document (splitting, a row, a parse call), in characters of text
MIN_TASK_COST = 30_000  # about 10 average articles (~0.4 s): below it, per-task costs start to show
CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler before the run gives up
BATCH_PRIORITY_STRIDE = 1_000_000  # more tasks than any batch has: batch order comes first
LOST = (CancelledError, CommClosedError, OSError, TimeoutError)  # what a lost scheduler raises


class WarmUp(WorkerPlugin):
    """Loads what every batch needs in each worker process before it takes its first task."""

    name = "dateline-warm-up"

    async def setup(self, worker: Any) -> None:
        # in a thread: the worker's event loop keeps answering the scheduler meanwhile
        await asyncio.to_thread(warm_up)
        # the models live as long as the process: the collector need not walk them again, and
        # the process exits in a blink instead of spending seconds tearing them down
        gc.freeze()


def doc_cost(doc: Document) -> int:
    """What a document costs to process, in characters: its text plus a fixed part."""
    return len(doc.text) + DOC_COST


def task_indices(docs: list[Document], threads: int) -> list[list[int]]:
    """The batch's documents (by index) in tasks of falling cost, the costliest first."""
    return guided_chunks(docs, threads, doc_cost, MIN_TASK_COST)


def chunks(docs: list[Document], threads: int) -> list[list[Document]]:
    """The batch's documents in tasks of falling cost (:func:`task_indices`)."""
    return [[docs[i] for i in task] for task in task_indices(docs, threads)]


def in_batch_order(results: list[dict[str, list[dict]]], docs: list[Document]) -> dict[str, list[dict]]:
    """The tasks' rows merged, per table, in the order of the batch's documents (a document's
    rows keep their own order: each document is in one task)."""
    position = {d.doc_id: i for i, d in reversed(list(enumerate(docs)))}
    out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
    for rows in results:
        for name, r in rows.items():
            out[name].extend(r)
    for name in out:
        out[name].sort(key=lambda row: position.get(row["doc_id"], len(position)))
    return out


class DaskPool:
    """A run's connection to a Dask cluster (and the cluster itself when it is ``local``)."""

    def __init__(self, cluster: str = "local") -> None:
        if not is_cluster_address(cluster):
            raise ClusterError(f"--cluster must be 'local' or a scheduler address like tcp://HOST:8786, "
                               f"not {cluster!r}")
        self.cluster = cluster
        self._local: LocalCluster | None = None
        self._client: Client | None = None
        self._warming: threading.Thread | None = None
        self._lost = False  # the scheduler went away under this run
        self._threads = 0
        self._starting = threading.Lock()  # batches may be submitted from several threads
        self._batches = itertools.count()  # the order batches were submitted in

    @property
    def warm(self) -> bool:
        return self._client is not None

    @property
    def client(self) -> Client | None:
        """The Dask client while connected (for diagnostics such as the task stream)."""
        return self._client

    @property
    def address(self) -> str:
        return self._local.scheduler_address if self._local is not None else self.cluster

    def describe(self) -> str:
        """One line for the user: where the run computes, and where to watch it."""
        assert self._client is not None
        line = f"Dask scheduler {self.address}, {self._threads} worker threads"
        dashboard = self._local is None or importlib.util.find_spec("bokeh") is not None
        with contextlib.suppress(*LOST):  # a lost scheduler is reported by the batch that needs it
            if dashboard and "dashboard" in self._client.scheduler_info(n_workers=0).get("services", {}):
                line += f", dashboard {self._client.dashboard_link}"
        return line

    def start(self, workers: int | None = None) -> int:
        """Connect (starting a local cluster if asked); workers load their models in the
        background. Returns the number of worker threads."""
        with self._starting:
            return self._start(workers)

    def _start(self, workers: int | None) -> int:
        if self._client is not None:
            return self._threads
        if self.cluster == "local":
            from transforms.pipeline.workers import default_workers

            self._local = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                       processes=True, dashboard_address=":8787")
        try:
            self._client = Client(self._local or self.cluster, timeout=CONNECT_TIMEOUT,
                                  set_as_default=False)
            self._check_versions()
        except LOST as exc:
            self._lost = True
            self.stop()
            raise ClusterError(f"cannot reach the Dask scheduler at {self.cluster}: {_first_line(exc)}") from None
        except ClusterError:
            self.stop()
            raise
        self._threads = self.threads()
        self._warming = threading.Thread(target=self._register_warm_up, daemon=True, name="dask-warm-up")
        self._warming.start()
        return self._threads

    def _register_warm_up(self) -> None:
        """Every worker, now and joining later, loads the models (returns once they did)."""
        assert self._client is not None
        with contextlib.suppress(*LOST):  # a lost scheduler is reported by the batch that needs it
            self._client.register_plugin(WarmUp())

    def _check_versions(self) -> None:
        """Every worker must compute the rows this run's pipeline version stands for."""
        assert self._client is not None
        if not self._client.scheduler_info(n_workers=-1)["workers"]:
            try:
                self._client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                raise ClusterError(f"the Dask scheduler at {self.cluster} has no workers (start some with "
                                   f"`dask worker {self.cluster}`)") from None
        mine = pipeline_version()
        for worker, version in self._client.run(pipeline_version).items():
            if version != mine:
                raise ClusterError(f"Dask worker {worker} computes pipeline version {version}, this run is "
                                   f"{mine}: install the same Dateline and reference data on every worker")

    def threads(self) -> int:
        """Worker threads in the cluster now (at least 1)."""
        assert self._client is not None
        return max(1, sum(self._client.nthreads().values()))

    def stop(self) -> None:
        """Disconnect; a local cluster is shut down, an external one is left running."""
        client, local, self._client, self._local = self._client, self._local, None, None
        # after a lost scheduler, the client's reconnection attempt ends in a logged traceback:
        # the run has already said what happened in one line
        with _quiet("distributed.client") if self._lost else contextlib.nullcontext():
            for closable in (client, local):
                if closable is not None:
                    try:
                        closable.close(timeout=CONNECT_TIMEOUT)
                    except (*LOST, RuntimeError):
                        pass  # already gone: nothing of ours is left to close
        self._lost = False

    def process(self, docs: list[Document], workers: int | None = None,
                now: dt.datetime | None = None) -> dict[str, list[dict]]:
        """``process_batch`` of ``docs`` over the cluster; the rows come back to the caller."""
        now = now or dt.datetime.now(dt.UTC)
        out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
        if not docs:
            return out
        self.start(workers)
        assert self._client is not None
        warming = self._warming
        if warming is not None:
            warming.join()  # the first batch waits for the models, not for a second copy of them
            self._warming = None
        run = uuid.uuid4().hex[:8]
        # batches submitted together (the flow starts the next one before this one is written)
        # run in submission order: all of this batch's tasks come before any of a later one's
        first = -next(self._batches) * BATCH_PRIORITY_STRIDE
        try:
            tasks = task_indices(docs, self.threads())  # the cluster may have grown or shrunk
            # the costliest tasks first: the short ones fill the gaps at the end of the batch
            futures = [self._client.submit(process_batch, [docs[i] for i in task], now,
                                           key=f"process-batch-{run}-{n}", priority=first + len(tasks) - n)
                       for n, task in enumerate(tasks)]
            results = self._client.gather(futures)
        except KilledWorker as exc:
            raise ClusterError(f"a batch task was on {_allowed_failures() + 1} Dask workers that died "
                               f"({_first_line(exc)}; out of memory?); nothing of this batch was written") from None
        except LOST as exc:
            self._lost = True
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({_first_line(exc)}); "
                               "nothing of this batch was written") from None
        version = pipeline_version()
        for rows in results:
            if rows["documents"] and rows["documents"][0]["pipeline_version"] != version:
                raise ClusterError("a Dask worker computed rows of pipeline version "
                                   f"{rows['documents'][0]['pipeline_version']}, this run is {version}")
        return in_batch_order(results, docs)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _allowed_failures() -> int:
    from dask import config

    return int(config.get("distributed.scheduler.allowed-failures"))


_SHARED: dict[str, DaskPool] = {}


def shared_dask(cluster: str) -> DaskPool:
    """This process's pool for ``cluster``: the CLI starts it early, the flow uses and stops it."""
    if cluster not in _SHARED:
        _SHARED[cluster] = DaskPool(cluster)
    return _SHARED[cluster]
