"""The worker processes that spread a batch over the cores.

A :class:`WorkerPool` owns a spawn-based process pool whose workers load the spaCy pipeline
once (in their initializer) and then serve every batch of the run. The pool starts lazily,
when a batch has work for it; only on a warehouse without documents (where every input is
work) does the CLI start the process's pool early (:func:`shared_pool`), so the workers warm
up while Prefect's API server starts. The flow uses the same pool and stops it when the run
ends. A run that finds nothing new or changed never starts a worker or loads spaCy.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from transforms.core.records import Document
from transforms.pipeline.process import DOC_TABLES, process_batch, warm_up

#: a batch smaller than this per worker runs in-process when no warm pool exists
MIN_DOCS_PER_WORKER = 40
CHUNKS_PER_WORKER = 4  # several chunks per worker: memory stays flat, load balances


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """A worker outlives a parent killed with SIGKILL (no cleanup runs); stop then."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(parent: int) -> None:
    """Worker initializer: leave Ctrl-C to the parent (it stops the workers), watch the parent,
    load the spaCy pipeline and the temporal rules."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()
    warm_up()


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


class WorkerPool:
    """Worker processes for ``process_batch``; 1 worker means in-process, no pool."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self.workers = 0

    @property
    def warm(self) -> bool:
        return self._executor is not None

    def start(self, workers: int | None = None) -> int:
        """Start the workers now; they load their models in the background. Returns the count."""
        workers = workers or default_workers()
        if workers <= 1:
            return 1
        if self._executor is None or self.workers != workers:
            self.stop()
            # one BLAS/OpenMP thread per worker: the workers already fill the cores, and every
            # extra math thread costs memory (spawned children inherit this environment)
            for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(var, "1")
            # spawn, not fork: the parent runs Prefect's threads, which must not be forked.
            self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                                 initializer=_init_worker, initargs=(os.getpid(),))
            self.workers = workers
            for _ in range(workers):
                self._executor.submit(os.getpid)  # each submit starts one worker; no need to wait
        return workers

    def stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor, self.workers = None, 0

    def process(self, docs: list[Document], workers: int | None = None,
                now: dt.datetime | None = None) -> dict[str, list[dict]]:
        """``process_batch`` over the workers.

        Small batches run in-process unless the pool is already warm: then every batch goes
        to the pool and the parent never loads spaCy itself.
        """
        workers = workers or default_workers()
        warm = self.warm and self.workers == workers
        if workers <= 1 or (not warm and len(docs) < 2 * MIN_DOCS_PER_WORKER):
            return process_batch(docs, now)
        now = now or dt.datetime.now(dt.UTC)
        self.start(workers)
        assert self._executor is not None
        parts = _chunks(docs, workers * CHUNKS_PER_WORKER)
        out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
        for rows in self._executor.map(process_batch, parts, [now] * len(parts)):
            for name, r in rows.items():
                out[name].extend(r)
        return out


_SHARED = WorkerPool()


def shared_pool() -> WorkerPool:
    """This process's pool: started lazily (or by the CLI on a new warehouse), stopped at the end of a run."""
    return _SHARED
