"""Stopping a command on SIGTERM or SIGINT: within a second, one line, exit 143 or 130, no traceback.

:func:`run_stoppable` runs the command's work in a thread and keeps the main thread free for
signals, so nothing the work is doing — a read that blocks, a long write, Prefect's own
shutdown — can delay the stop. On a signal, stderr is silenced (no traceback or log line can
follow), every child process (the worker processes, Prefect's temporary API server) is killed,
one line is printed and the process exits at once. That is safe because the warehouse commits
each batch atomically (the manifest is replaced last): the batch being written is abandoned
whole, and the next run does it again and removes what it left.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

EXIT_STATUS: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}
STOP_MESSAGE = ("dateline: stopped by {name}; committed batches are kept, "
                "the next run completes the work")


def descendants(pid: int | None = None) -> list[int]:
    """Process ids of every descendant of ``pid`` (default: this process), children first."""
    children = _children_table()
    out: list[int] = []
    todo = [pid or os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _children_table() -> dict[int, list[int]]:
    table: dict[int, list[int]] = {}
    proc = Path("/proc")
    if proc.is_dir():
        for status in proc.glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                # "pid (comm) state ppid ...": comm may hold spaces, so split after the last ')'
                fields = status.read_text().rsplit(")", 1)[1].split()
                table.setdefault(int(fields[1]), []).append(int(status.parent.name))
        return table
    with contextlib.suppress(OSError, subprocess.SubprocessError):  # no /proc (macOS): ask ps
        out = subprocess.run(["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, timeout=2).stdout
        for line in out.splitlines():
            p, pp = line.split()
            table.setdefault(int(pp), []).append(int(p))
    return table


def kill_descendants(deadline: float = 1.0) -> None:
    """SIGKILL every descendant of this process, then reap the direct children (bounded wait)."""
    for pid in descendants():
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # no children left
        if pid == 0:
            time.sleep(0.02)


def _silence() -> int:
    """Send everything written to stderr from now on to /dev/null; returns a copy of the real stderr."""
    logging.disable(logging.CRITICAL)
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    return saved


def stop_now(signum: int) -> None:
    """Kill the children, print the one line, exit with 128 + signal number. Never returns."""
    saved = _silence()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    kill_descendants()
    line = STOP_MESSAGE.format(name=signal.Signals(signum).name) + "\n"
    if os.isatty(saved):
        line = "\r\x1b[2K\x1b[?25h" + line  # a progress bar may have hidden the cursor
    with contextlib.suppress(OSError):
        os.write(saved, line.encode())
    os._exit(EXIT_STATUS.get(signum, 128 + signum))


def run_stoppable(work: Callable[[], T]) -> T:
    """Run ``work()`` in a thread; SIGTERM or SIGINT stop the process at once (see module doc).

    Returns what ``work`` returns and raises what it raises. Call from the main thread.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the main thread
            outcome["error"] = exc

    def on_signal(signum: int, _frame: object) -> None:
        stop_now(signum)

    previous = {s: signal.signal(s, on_signal) for s in EXIT_STATUS}
    try:
        worker = threading.Thread(target=target, name="dateline-work", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.2)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
