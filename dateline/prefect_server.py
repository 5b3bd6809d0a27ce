"""The Prefect API that ``dateline serve`` talks to: the user's, or a ``prefect server start`` child.

Prefect's temporary (ephemeral) API server runs no scheduler, so scheduled runs never happen on
it. ``dateline serve`` therefore uses the server named by ``PREFECT_API_URL`` when the user set
one (a self-hosted server or Prefect Cloud) and otherwise starts ``prefect server start`` as a
child process on 127.0.0.1, on a free port, with its SQLite database in the warehouse's Prefect
home (seeded from the migrated template of :mod:`dateline.prefect_home`, so it is healthy in a
few seconds). The child's output goes to ``<prefect home>/server.log``; it is stopped when
``dateline serve`` exits and, on Linux, also when ``dateline serve`` itself is killed.

:func:`write_logging_config` gives ``dateline serve`` and its flow-run processes Prefect's own
logging configuration plus one filter (:class:`ServeLogFilter`): Prefect's clients log a
traceback whenever a websocket or request to the API breaks, which with a child server only
happens when it dies (``dateline serve`` then says so in one line itself), and Prefect's engine
logs a traceback for a run whose data checks failed, which its one-line report already says.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
LOG_NAME = "server.log"
LOGGING_NAME = "dateline-serve-logging.yml"


class ServerError(RuntimeError):
    """The child server could not be started, or the API refused the deployment (one readable line)."""


@dataclass
class PrefectServer:
    """A Prefect API: the user's (``home`` is None) or a child server to run from ``home``."""

    api_url: str
    home: Path | None = None
    process: subprocess.Popen | None = None

    @classmethod
    def for_home(cls, home: Path) -> PrefectServer:
        """The user's API when ``PREFECT_API_URL`` is set, else a child server on a free port.

        Puts the URL in ``os.environ`` at once: call it before Prefect is first imported, so this
        process and the flow-run processes it starts all talk to that API.
        """
        user_url = os.environ.get("PREFECT_API_URL")
        if user_url:
            return cls(api_url=user_url.rstrip("/"))
        server = cls(api_url=f"http://{HOST}:{free_port()}/api", home=home)
        os.environ["PREFECT_API_URL"] = server.api_url
        return server

    @property
    def ui_url(self) -> str:
        return self.api_url.removesuffix("/api")

    @property
    def log(self) -> Path | None:
        return None if self.home is None else self.home / LOG_NAME

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def exit_code(self) -> int | None:
        """The child's exit status once it has exited (None while it runs, or for a user's server)."""
        return None if self.process is None else self.process.poll()

    def launch(self) -> None:
        """Start the child server (nothing to do for a user's server, or when already started)."""
        if self.home is None or self.process is not None:
            return
        from dateline.prefect_home import seed

        self.home.mkdir(parents=True, exist_ok=True)
        seed(self.home)  # a new warehouse skips the server's database migrations
        port = self.api_url.rsplit(":", 1)[1].split("/")[0]
        with open(self.home / LOG_NAME, "ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", HOST, "--port", port],
                env=server_env(self.home), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C in a terminal reaches dateline serve only; it stops us
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )

    def wait_healthy(self, timeout: float = 120.0) -> None:
        """Return once the API answers /health; ServerError if the child exits or times out."""
        if self.process is None:
            return  # the user's API: the runner's first request says whether it answers
        deadline = time.monotonic() + timeout
        while not healthy(self.api_url):
            if self.process.poll() is not None:
                raise ServerError(f"the Prefect server exited with status {self.process.returncode} "
                                  f"while starting (see {self.log})")
            if time.monotonic() > deadline:
                raise ServerError(f"the Prefect server did not answer within {timeout:.0f}s (see {self.log})")
            time.sleep(0.2)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the child and wait for it (SIGKILL after ``timeout`` seconds)."""
        proc = self.process
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            proc.wait()

    @contextlib.contextmanager
    def running(self) -> Iterator[PrefectServer]:
        """The child launched for the block (call :meth:`wait_healthy` before use), stopped after."""
        try:
            self.launch()
            yield self
        finally:
            self.stop()


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the child gets SIGTERM when ``dateline serve`` dies, even by SIGKILL."""
    import ctypes

    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def server_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_API_KEY")}
    env["PREFECT_HOME"] = str(home)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env["PYTHONUNBUFFERED"] = "1"
    return env


# ---------------------------------------------------------------------------- logging


def _is_connection_error(exc: BaseException | None) -> bool:
    import httpx
    from websockets.exceptions import ConnectionClosed

    for _ in range(10):  # the exception, its cause, its cause's cause...
        if exc is None:
            return False
        if isinstance(exc, ConnectionClosed | httpx.TransportError | ConnectionError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


# Failures a run reports in its own words (``dateline run`` prints them in one line too): their
# traceback says nothing more and is shortened to that line.
REPORTED_FAILURES = frozenset({"flows.pipeline.ChecksFailed", "transforms.warehouse.lock.LockTimeout"})


def _reported_failure(exc: BaseException | None) -> BaseException | None:
    for _ in range(10):
        if exc is None:
            return None
        if f"{type(exc).__module__}.{type(exc).__qualname__}" in REPORTED_FAILURES:
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


class ServeLogFilter(logging.Filter):
    """Keeps tracebacks for bugs only. A broken connection to the API is dropped (``drop=True``,
    a child server: ``dateline serve`` reports its death itself) or shortened to its message (the
    user's server); a reported failure (failed checks, a locked warehouse) is shortened to one
    line that ends with the failure's first line."""

    def __init__(self, drop: bool = True):
        super().__init__()
        self.drop = drop

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None:
            return True
        if _is_connection_error(exc):
            if self.drop:
                return False
            record.exc_info, record.exc_text = None, None
        elif (reported := _reported_failure(exc)) is not None:
            first = (str(reported).strip().splitlines() or [""])[0]
            record.msg, record.args = f"{record.getMessage()}: {type(reported).__name__}: {first}", None
            record.exc_info, record.exc_text = None, None
        return True


def write_logging_config(home: Path, drop: bool) -> Path:
    """Prefect's default logging.yml with :class:`ServeLogFilter` on its console handler,
    written into ``home``; point ``PREFECT_LOGGING_SETTINGS_PATH`` at it (before Prefect loads)."""
    import yaml

    spec = importlib.util.find_spec("prefect")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("prefect")
    default = Path(spec.origin).parent / "logging" / "logging.yml"
    config = yaml.safe_load(default.read_text(encoding="utf-8"))
    config.setdefault("filters", {})["dateline_serve_filter"] = {
        "()": f"{__name__}.ServeLogFilter", "drop": drop}
    console = config["handlers"]["console"]
    console["filters"] = [*console.get("filters", []), "dateline_serve_filter"]
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOGGING_NAME
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    os.replace(tmp, path)
    return path
