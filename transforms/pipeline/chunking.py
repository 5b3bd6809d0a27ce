"""Cutting a batch into tasks so that the workers finish it together (guided self-scheduling).

A batch is a barrier: the flow writes it only when its last task is back, so every worker
that ends early waits for the slowest one. Tasks of equal *document counts* end unevenly
(articles differ in length by two orders of magnitude). Here the documents are ordered by
cost (their length), longest first, and cut into tasks of falling cost: each task takes about
``1 / (GUIDE x threads)`` of the cost still left, never less than ``min_cost``. The long
tasks start first and the last ones are short, so the workers run out of work within a short
task of each other, at the price of a few more tasks (each costs a few milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

GUIDE = 2  # each task takes 1 / (GUIDE x threads) of the remaining cost


def guided_chunks(items: Sequence[T], threads: int, cost: Callable[[T], int], min_cost: int) -> list[list[int]]:
    """Indices of ``items`` in tasks of falling cost, the costliest items first.

    Every index is in exactly one task. ``min_cost`` bounds how small a task may be (an item
    costlier than a task's share is a task of its own)."""
    order = sorted(range(len(items)), key=lambda i: -cost(items[i]))  # stable: ties keep input order
    costs = {i: max(0, cost(items[i])) for i in order}
    remaining = sum(costs.values())
    tasks: list[list[int]] = []
    current: list[int] = []
    taken = 0
    target = _share(remaining, threads, min_cost)
    for i in order:
        current.append(i)
        taken += costs[i]
        if taken >= target:
            tasks.append(current)
            remaining -= taken
            current, taken = [], 0
            target = _share(remaining, threads, min_cost)
    if current:
        if tasks and taken < min_cost // 2:
            tasks[-1].extend(current)  # a crumb is not worth a task of its own
        else:
            tasks.append(current)
    return tasks


def _share(remaining: int, threads: int, min_cost: int) -> int:
    return max(min_cost, remaining // (GUIDE * max(1, threads)), 1)
