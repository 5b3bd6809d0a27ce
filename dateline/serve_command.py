"""The ``dateline serve`` command: check the call, pick the Prefect API, serve until stopped.

The order matters: Prefect reads its settings when it is first imported, so the API URL and
the logging configuration go in the environment before anything imports Prefect, and the child
server (if any) boots while the flow is imported and the deployment built. The serving itself is
:mod:`flows.serve`; the server is :mod:`dateline.prefect_server`. See docs/serve.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from dateline.cli import UserError, _prefect_env, _seed_articles


def _serve_parameters(args: argparse.Namespace) -> dict:
    return {"assume_published": args.assume_published, "workers": args.workers,
            "lock_timeout": args.lock_timeout, "max_bytes": args.max_bytes,
            "files_per_batch": args.files_per_batch, "cluster": args.cluster}


def _check_cron(args: argparse.Namespace) -> None:
    if args.cron is None:
        return
    try:
        from prefect.client.schemas.schedules import CronSchedule

        CronSchedule(cron=args.cron)
    except Exception:
        raise UserError(f"not a valid cron expression: {args.cron!r}") from None


@contextlib.contextmanager
def _environ_restored() -> Iterator[None]:
    """``serve`` puts Prefect's settings in the environment; called in-process (tests), undo that."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class _Stopped(BaseException):
    """SIGTERM while ``serve`` starts (before the runner handles it): stop cleanly, exit 0."""


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise _Stopped


def serve_command(args: argparse.Namespace) -> int:
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with _environ_restored():
            return _serve(args)
    except _Stopped:
        print("dateline: stopped", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve(args: argparse.Namespace) -> int:
    inputs = args.input or [str(_seed_articles())]
    for p in inputs:
        if not Path(p).exists():
            raise UserError(f"input path does not exist: {p}")
    warehouse = Path(args.warehouse)
    if warehouse.exists() and not warehouse.is_dir():
        raise UserError(f"warehouse is not a directory: {warehouse}")
    if args.every is not None and args.every < 1:
        raise UserError(f"--every needs at least 1 second, got {args.every:g}")
    # a service: flow and task logs at INFO, on the console and in the Prefect UI
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "true")
    _prefect_env(warehouse)
    from dateline.prefect_server import PrefectServer, ServerError, write_logging_config

    home = Path(os.environ["PREFECT_HOME"])
    server = PrefectServer.for_home(home)  # before Prefect is imported: its URL goes in the environment
    if "PREFECT_LOGGING_SETTINGS_PATH" not in os.environ:
        os.environ["PREFECT_LOGGING_SETTINGS_PATH"] = str(write_logging_config(home, drop=server.home is not None))
    _check_cron(args)  # imports Prefect: only now that its settings are in the environment
    schedule = f"cron {args.cron!r}" if args.cron else f"every {args.every:g} s"
    try:
        with server.running():  # the child boots while the flow is imported and the deployment built
            from flows.serve import SERVER_EXITED, build_deployment, serve

            deployment = build_deployment(inputs, str(warehouse), cron=args.cron, every=args.every,
                                          name=args.name, parameters=_serve_parameters(args))
            server.wait_healthy(args.server_timeout)
            where = f"Prefect server (pid {server.pid}, log {server.log})" if server.pid else "Prefect API"

            def serving() -> None:
                print(f"dateline: serving {args.name!r} ({schedule}) on the {where} at {server.api_url}; "
                      f"UI {server.ui_url} (Ctrl-C or SIGTERM to stop)", flush=True)

            reason = serve(deployment, server, poll_seconds=min(10.0, args.every / 2) if args.every else 10.0,
                           on_serving=serving)
            if reason == SERVER_EXITED:
                print(f"dateline: the Prefect server (pid {server.pid}) exited with status {server.exit_code()}; "
                      f"stopped serving (see {server.log})", file=sys.stderr, flush=True)
                sys.stdout.flush()
                os._exit(1)  # Prefect's client threads would go on retrying the dead API at exit
    except ServerError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 1
    print("dateline: stopped", flush=True)
    return 0
