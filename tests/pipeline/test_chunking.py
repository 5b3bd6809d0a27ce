"""Guided chunking: every document in one task, the costliest first, and a batch whose workers
finish within a short task of each other."""

from __future__ import annotations

import heapq
import random

from hypothesis import given
from hypothesis import strategies as st

from transforms.pipeline.chunking import guided_chunks


def makespan(tasks: list[list[int]], costs: list[int], threads: int) -> int:
    """When the last of ``threads`` workers is done, each taking the next task when free."""
    free = [0] * threads
    for task in tasks:
        start = heapq.heappop(free)
        heapq.heappush(free, start + sum(costs[i] for i in task))
    return max(free)


@given(st.lists(st.integers(min_value=0, max_value=50_000), max_size=300), st.integers(min_value=1, max_value=16),
       st.integers(min_value=1, max_value=40_000))
def test_every_item_is_in_exactly_one_task(costs, threads, min_cost):
    tasks = guided_chunks(costs, threads, lambda c: c, min_cost)
    assert sorted(i for t in tasks for i in t) == list(range(len(costs)))
    assert all(tasks)


def test_costliest_items_go_first_and_tasks_shrink():
    rng = random.Random(7)
    costs = [int(rng.lognormvariate(8, 1)) for _ in range(500)]
    tasks = guided_chunks(costs, 2, lambda c: c, min_cost=5_000)
    assert tasks[0][0] == max(range(len(costs)), key=lambda i: costs[i])
    sizes = [sum(costs[i] for i in t) for t in tasks]
    assert sizes[0] > 4 * sizes[-1]
    assert len(tasks) > 8  # more than a fixed few per thread


def test_an_item_costlier_than_a_share_is_a_task_of_its_own():
    costs = [1_000_000] + [10] * 100
    tasks = guided_chunks(costs, 2, lambda c: c, min_cost=100)
    assert tasks[0] == [0]


def test_workers_end_a_skewed_batch_together_unlike_equal_counts():
    rng = random.Random(11)
    costs = [int(rng.lognormvariate(8, 1.2)) for _ in range(500)]  # article lengths: long tail
    threads = 2
    ideal = sum(costs) / threads
    guided = makespan(guided_chunks(costs, threads, lambda c: c, min_cost=3_000), costs, threads)
    size = -(-len(costs) // (threads * 4))  # the former cut: 4 equal-count tasks per thread
    equal = makespan([list(range(i, min(i + size, len(costs)))) for i in range(0, len(costs), size)], costs, threads)
    assert guided - ideal <= 3_000 + max(costs) // 4  # idle tail within about one small task
    assert guided < equal
