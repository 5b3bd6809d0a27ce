"""Scheduled runs: the deployment of the Dateline flow and a runner serving it against a real API.

Thin Prefect wiring for ``dateline serve``. The deployment runs :func:`flows.pipeline.dateline_flow`
on a cron or interval schedule; each scheduled run is a flow-run process of its own, so a failed
run (checks failed, disk full, damaged partition) is marked failed and the schedule goes on. At
most one run works on the warehouse at a time: a run that comes due while the previous one is
still going is cancelled by Prefect (deployment concurrency limit 1, ``CANCEL_NEW``); the next run
picks up whatever arrived meanwhile anyway.

:func:`serve` runs until SIGTERM or SIGINT (Ctrl-C), or until the server child dies. On a
signal the run in progress is abandoned: its process is killed (SIGKILL), the runner stops, and the
warehouse is left as after ``kill -9`` (a consistent state that the next run
completes).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.types.entrypoint import EntrypointType

from dateline.prefect_server import PrefectServer, ServerError

STOPPED, SERVER_EXITED = "stopped", "server-exited"
_SHUTDOWN_SECONDS = 30.0


def build_deployment(inputs: list[str], warehouse: str, *, cron: str | None = None,
                     every: float | None = None, name: str = "dateline-scheduled",
                     parameters: dict | None = None):
    """The deployment ``dateline serve`` serves: the flow with absolute paths, on one schedule."""
    from flows.pipeline import dateline_flow

    schedule: dict[str, Any]
    if cron is not None and every is None:
        schedule = {"cron": cron}
    elif every is not None and cron is None:
        schedule = {"interval": dt.timedelta(seconds=every)}
    else:
        raise ValueError("give exactly one of cron or every")
    return dateline_flow.to_deployment(
        name=name, **schedule,
        parameters={"inputs": [str(Path(p).resolve()) for p in inputs],
                    "warehouse_dir": str(Path(warehouse).resolve()), **(parameters or {})},
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        entrypoint_type=EntrypointType.MODULE_PATH,  # importable from any working directory
        description="Dateline: ingest the input folders into the warehouse (new or changed files only).",
    )


def _quiet_shutdown() -> None:
    """Once we are stopping, connection errors from Prefect's clients are expected noise."""
    for name in ("prefect", "websockets", "httpx", "asyncio", "uvicorn"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


async def _watch(stop: asyncio.Event, runner_task: asyncio.Task, server: PrefectServer,
                 poll: float) -> str:
    while not stop.is_set() and not runner_task.done():
        if server.exit_code() is not None:
            return SERVER_EXITED
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), poll)
    return STOPPED


async def _kill_runs(runner) -> None:
    """SIGKILL the runner's flow-run processes (the warehouse stays as after ``kill -9``)."""
    processes = getattr(runner, "_process_manager", None)  # Prefect's own list of run processes
    if processes is None:
        return
    for flow_run_id in processes.flow_run_ids():
        with contextlib.suppress(Exception):
            await processes.kill(flow_run_id, force=True)


async def aserve(deployment: Any, server: PrefectServer, poll_seconds: float = 10.0, watch_seconds: float = 0.5,
                 on_serving: Callable[[], None] | None = None) -> str:
    """Serve ``deployment`` until a signal (returns STOPPED) or the child server dies (SERVER_EXITED).

    ``on_serving`` is called once the deployment is registered. The runner asks the API for due
    runs every ``poll_seconds``; the child server is checked every ``watch_seconds``.
    """
    from prefect.runner import Runner

    runner = Runner(name=deployment.name, query_seconds=poll_seconds, pause_on_shutdown=False)
    try:
        await runner.aadd_deployment(deployment)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ServerError(f"cannot register the deployment with the Prefect API at {server.api_url}: "
                         f"{first}") from None
    if on_serving is not None:
        on_serving()
    runner_task = asyncio.create_task(runner.start())
    await asyncio.sleep(0)  # runner.start() installs its own SIGTERM handler first; ours replace it
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    reason = await _watch(stop, runner_task, server, watch_seconds)
    _quiet_shutdown()
    if reason == SERVER_EXITED:  # no API left to report to: stop the run's process, then the runner
        await _kill_runs(runner)
        runner_task.cancel()
    elif not runner_task.done():
        # the run in progress is abandoned as after kill -9 (SIGKILL: a run process that is still
        # loading the flow would print a traceback on a gentler signal), then Prefect marks it
        await _kill_runs(runner)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(runner.astop(), _SHUTDOWN_SECONDS)
    with contextlib.suppress(BaseException):
        await asyncio.wait_for(runner_task, _SHUTDOWN_SECONDS if reason == STOPPED else 5)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.remove_signal_handler(sig)
    return reason


def serve(deployment: Any, server: PrefectServer, poll_seconds: float = 10.0,
          on_serving: Callable[[], None] | None = None) -> str:
    return asyncio.run(aserve(deployment, server, poll_seconds=poll_seconds, on_serving=on_serving))
