"""The worker processes that spread a batch over the cores.

A :class:`WorkerPool` of ``n`` workers is this process plus ``n - 1`` spawned processes: each
loads the spaCy pipeline once (the spawned ones in their initializer, this one in a thread
when the pool starts) and then serves every batch of the run, so a 2-core run holds two
copies of the model and one extra interpreter, not three. The pool starts lazily,
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
from collections.abc import Callable
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
    """Worker processes for ``process_batch``; 1 worker means in-process, no pool.

    ``n`` workers are this process and ``n - 1`` spawned ones; the chunks of a batch are
    taken in order by whichever is free, and the rows come back in document order."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._warming: threading.Thread | None = None
        self.workers = 0
        # one batch computes at a time: this process computes chunks too, and a second batch
        # would only share its cores (the flow starts the next batch while one is written)
        self._computing = threading.Lock()

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
            self._executor = ProcessPoolExecutor(max_workers=workers - 1, mp_context=mp.get_context("spawn"),
                                                 initializer=_init_worker, initargs=(os.getpid(),))
            self.workers = workers
            for _ in range(workers - 1):
                self._executor.submit(os.getpid)  # each submit starts one worker; no need to wait
            if self._warming is None:  # this process is a worker too: it loads the model meanwhile
                self._warming = threading.Thread(target=warm_up, daemon=True, name="warm-up")
                self._warming.start()
        return workers

    def stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor, self.workers = None, 0

    def _here(self, part: list[Document], now: dt.datetime) -> dict[str, list[dict]]:
        """A chunk computed in this process (after its model finished loading)."""
        if self._warming is not None:
            self._warming.join()
        return process_batch(part, now)

    def process(self, docs: list[Document], workers: int | None = None,
                now: dt.datetime | None = None) -> dict[str, list[dict]]:
        """``process_batch`` over the workers.

        Small batches run in-process unless the pool is already warm: then every batch is
        spread over this process and the spawned workers. Calls from several threads compute
        one batch after the other.
        """
        with self._computing:
            return self._process(docs, workers, now)

    def _process(self, docs: list[Document], workers: int | None, now: dt.datetime | None) -> dict[str, list[dict]]:
        workers = workers or default_workers()
        warm = self.warm and self.workers == workers
        if workers <= 1 or (not warm and len(docs) < 2 * MIN_DOCS_PER_WORKER):
            return process_batch(docs, now)
        now = now or dt.datetime.now(dt.UTC)
        self.start(workers)
        executor = self._executor
        assert executor is not None
        parts = _chunks(docs, workers * CHUNKS_PER_WORKER)
        results: list[dict[str, list[dict]] | None] = [None] * len(parts)
        todo = iter(range(len(parts)))  # next() on this iterator is atomic under the GIL
        errors: list[BaseException] = []

        def serve(compute: Callable[[list[Document]], dict[str, list[dict]]]) -> None:
            try:
                for i in todo:
                    if errors:
                        return
                    results[i] = compute(parts[i])
            except BaseException as exc:  # re-raised below, in the caller's thread
                errors.append(exc)

        feeders = [threading.Thread(target=serve, args=(lambda p: executor.submit(process_batch, p, now).result(),),
                                    daemon=True, name=f"feed-{k}") for k in range(workers - 1)]
        for t in feeders:
            t.start()
        serve(lambda p: self._here(p, now))
        for t in feeders:
            t.join()
        if errors:
            raise errors[0]
        out: dict[str, list[dict]] = {t: [] for t in DOC_TABLES}
        for rows in results:
            assert rows is not None
            for name, r in rows.items():
                out[name].extend(r)
        return out


_SHARED = WorkerPool()


def shared_pool() -> WorkerPool:
    """This process's pool: started lazily (or by the CLI on a new warehouse), stopped at the end of a run."""
    return _SHARED
