"""Which executor computes a run's batches: the process pool on this machine, or a Dask cluster.

Both have the same seam, ``start(workers)``, ``process(docs, workers, now)`` and ``stop()``, so
the flow and the CLI name a backend once (``cluster``: ``None`` for the pool) and use it alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from transforms.core.records import Document


class ClusterError(RuntimeError):
    """A Dask cluster cannot serve the run (unreachable, lost, or workers of another version)."""


def is_cluster_address(value: str) -> bool:
    """``local`` or a scheduler address such as ``tcp://10.0.0.5:8786``."""
    return value == "local" or (value.startswith(("tcp://", "tls://")) and value.rsplit(":", 1)[-1].isdigit())


class Backend(Protocol):
    @property
    def warm(self) -> bool: ...

    def start(self, workers: int | None = None) -> int: ...

    def process(self, docs: list[Document], workers: int | None = None,
                now: dt.datetime | None = None) -> dict[str, list[dict]]: ...

    def stop(self) -> None: ...


def backend(cluster: str | None = None) -> Backend:
    """This process's executor: the process pool, or the pool for Dask cluster ``cluster``
    (``local`` or ``tcp://HOST:PORT``)."""
    if not cluster:
        from transforms.pipeline.workers import shared_pool

        return shared_pool()
    from transforms.pipeline.dask_backend import shared_dask

    return shared_dask(cluster)
