"""The warehouse lock: one writer at a time on a warehouse folder (``<root>/.lock``, ``fcntl``)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path


class LockTimeout(RuntimeError):
    """Another run holds the warehouse lock for longer than the timeout."""


_HELD: dict[str, int] = {}  # lock files held by this process -> depth


@contextlib.contextmanager
def warehouse_lock(root: Path, timeout: float = 600.0, poll: float = 0.2) -> Iterator[None]:
    """Exclusive lock on a warehouse directory (``<root>/.lock``); waits up to ``timeout`` s.

    Re-entrant within a process: the CLI takes the lock before it starts the flow (so a
    busy warehouse is reported in one line), and the flow's own ``warehouse_lock`` then
    passes straight through.
    """
    root.mkdir(parents=True, exist_ok=True)
    path = root / ".lock"
    key = str(path.resolve())
    if _HELD.get(key):
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = path.read_text(errors="replace").strip() or "another run"
                    raise LockTimeout(
                        f"warehouse {root} is locked by {holder}; waited {timeout:.0f}s"
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}".encode())
        _HELD[key] = 1
        yield
    finally:
        _HELD.pop(key, None)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
