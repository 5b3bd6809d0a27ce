"""Batches in flight: start the next batches' work before the current one is written.

A run is a sequence of batches, each computed (by the workers) and then written (by the one
writer). Done one after the other, the workers wait while the driver gathers, writes and
plans, and at the end of every batch they wait for its last task. :func:`ahead` keeps
``depth`` batches started: while the caller writes batch *i*, batch *i + 1* computes, and
batch *i + 2*'s work is already queued behind it, so a worker that finishes its last task
of one batch takes a task of the next one at once. Results are still taken, and written, in
batch order.

Planning a batch may run before the previous batch is written: it only needs the stored
document index and the set of documents already seen in this run (:mod:`.plan`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
F = TypeVar("F")

DEPTH = 2  # batches started and not yet taken by the caller


def ahead(items: Iterable[T], start: Callable[[T], F], depth: int = DEPTH) -> Iterator[tuple[T, F]]:
    """``(item, start(item))`` in the order of ``items``; ``start`` has already been called for
    up to ``depth`` items when one is yielded (the next item is only drawn from ``items`` when
    the window has room: drawing may itself be work, such as reading the next files)."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    window: deque[tuple[T, F]] = deque()
    for item in items:
        window.append((item, start(item)))
        if len(window) >= depth:
            yield window.popleft()
    while window:
        yield window.popleft()
